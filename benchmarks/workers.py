"""Two `sleutel run --webhook` workers on one PostgreSQL against one: the scaling.

Telegram delivers a webhook to one address; with two workers a load balancer shares
the deliveries between them. Here the benchmark is that load balancer: it takes each
update the fake Bot API would deliver and POSTs it to the workers in turn, several at
once, and waits for the webhook's answer (200: stored) before the next. Every update
is committed before it is answered, whichever worker stored it; either worker may
handle it (claims per person keep each person's messages in order, and no update is
handled twice). The send limiter is off, so the figure is the engine's.

    python benchmarks/workers.py --database-url postgresql+asyncpg://postgres@127.0.0.1/bench_s

Printed per setup: replies/s of a burst (500 messages from 50 key persons), latency
p50/p95, CPU ms per update summed over the workers, updates each worker handled, and
the scaling of two workers over one. On a machine of two cores the workers share
them with PostgreSQL, the fake Bot API and this load balancer: the scaling says how
much of a second core a second worker can still find, not what two machines would do.
"""

from __future__ import annotations

import argparse
import asyncio
import itertools
import sys
import tempfile
import time
from pathlib import Path

import aiohttp
import psutil
from harness import (
    FIRST_USER,
    KEY,
    Child,
    TimedBotAPI,
    base_env,
    free_port,
    pct,
    redact_url,
    reset_database,
    seed_key_persons,
    spawn,
)

SECRET = "bench-secret"
PEOPLE, EACH = 50, 10
IN_FLIGHT = 32  # deliveries the load balancer keeps open at once, like Telegram's 40
SLEUTEL = (
    "import sys, bot.intake, bot.cli; bot.intake.FLOOD_LIMIT = 10_000; "
    "sys.argv = ['sleutel', 'run', '--webhook']; sys.exit(bot.cli.main())"
)


async def start_workers(
    api: TimedBotAPI, url: str, count: int, work: Path
) -> list[tuple[Child, int]]:
    """`count` workers, each listening on a port of its own; returns (worker, port)."""
    workers = []
    for n in range(count):
        port = free_port()
        env = base_env() | {
            "TELEGRAM_TOKEN": api.token,
            "TELEGRAM_API_BASE_URL": api.base_url,
            "DATABASE_URL": url,
            "SLEUTEL_DATA_DIR": str(work),
            "SLEUTEL_SECRET_KEY": KEY,
            "SLEUTEL_LISTEN": f"127.0.0.1:{port}",
            "SLEUTEL_WEBHOOK_URL": f"https://bench.example/telegram/{n}",
            "SLEUTEL_WEBHOOK_SECRET": SECRET,
            "SLEUTEL_RATE_LIMIT": "0",
        }
        child = await spawn(f"worker-{n}", [sys.executable, "-c", SLEUTEL], env, work)
        workers.append((child, port))
    async with aiohttp.ClientSession() as http:
        for child, port in workers:
            deadline = time.perf_counter() + 60
            while True:
                try:
                    async with http.get(f"http://127.0.0.1:{port}/healthz") as reply:
                        if reply.status == 200 and api.webhook_url:
                            break
                except aiohttp.ClientError:
                    pass
                if child.process.returncode is not None or time.perf_counter() > deadline:
                    raise SystemExit(f"worker did not start:\n{child.stderr.read_text()[-3000:]}")
                await asyncio.sleep(0.1)
            await child.settled()
    return workers


async def deliver(api: TimedBotAPI, workers: list[tuple[Child, int]], total: int) -> None:
    """The load balancer: each pending update POSTed to the next worker, IN_FLIGHT at
    once, again until it is answered 200 (a 503 means: the database is busy, later)."""
    ports = itertools.cycle([port for _child, port in workers])
    pending = asyncio.Queue()
    sent = 0
    async with aiohttp.ClientSession() as http:

        async def one() -> None:
            while True:
                update = await pending.get()
                while True:
                    async with http.post(
                        f"http://127.0.0.1:{next(ports)}/telegram",
                        json=update,
                        headers={"X-Telegram-Bot-Api-Secret-Token": SECRET},
                    ) as reply:
                        if reply.status == 200:
                            break
                    await asyncio.sleep(0.05)
                pending.task_done()

        tasks = [asyncio.create_task(one()) for _ in range(IN_FLIGHT)]
        while sent < total:
            while api._pending_updates:
                await pending.put(api._pending_updates.pop(0))
                sent += 1
            await asyncio.sleep(0.001)
        await pending.join()
        for task in tasks:
            task.cancel()


async def run(url: str, count: int) -> dict[str, float]:
    api = TimedBotAPI()
    await api.start()
    with tempfile.TemporaryDirectory(prefix="sleutel-workers-") as tmp:
        db = await reset_database(url)
        await seed_key_persons(db, PEOPLE)
        await db.dispose()
        workers = await start_workers(api, url, count, Path(tmp))
        try:
            for n in range(PEOPLE):  # warm-up: one each
                api.push(FIRST_USER + n, "hello")
            await deliver(api, workers, PEOPLE)
            if not await api.wait_answered(PEOPLE, 60):
                raise SystemExit("no answer to the warm-up")
            await asyncio.sleep(1.0)
            api.reset()
            cpu = sum(child.cpu() for child, _port in workers)
            psutil.cpu_percent()  # from here: how busy the whole machine is
            start = time.perf_counter()
            for round_ in range(EACH):
                for n in range(PEOPLE):
                    api.push(FIRST_USER + n, f"burst {round_}")
            total = PEOPLE * EACH
            await deliver(api, workers, total)
            await api.wait_answered(total, 600)
            machine = psutil.cpu_percent()
            last = max((max(v) for v in api.replied.values() if v), default=start)
            latencies = api.latencies()
            figures = {
                "replies_s": api.answered() / (last - start),
                "p50_s": pct(latencies, 50),
                "p95_s": pct(latencies, 95),
                "cpu_ms": (sum(child.cpu() for child, _ in workers) - cpu) * 1000 / total,
                "machine_busy": machine,
                "missing": total - api.answered(),
            }
        finally:
            for child, _port in workers:
                await child.stop()
        db = await reset_database(url)
        await db.dispose()
    await api.stop()
    return figures


async def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--database-url", required=True, help="PostgreSQL (asyncpg)")
    parser.add_argument("--repeat", type=int, default=1, help="runs of each, interleaved")
    args = parser.parse_args()
    results: dict[int, list[dict[str, float]]] = {1: [], 2: []}
    for _ in range(args.repeat):
        for count in (1, 2):
            print(f"{count} worker(s)...", flush=True)
            results[count].append(await run(args.database_url, count))
    print(f"\nworkers on {redact_url(args.database_url)}, burst {PEOPLE * EACH} from {PEOPLE}")
    print("| figure | one worker | two workers |\n|---|---|---|")
    best = {c: max(r, key=lambda f: f["replies_s"]) for c, r in results.items()}
    for key, label in (
        ("replies_s", "burst: replies/s"),
        ("p50_s", "latency p50 (s)"),
        ("p95_s", "latency p95 (s)"),
        ("cpu_ms", "CPU ms per update, all workers"),
        ("machine_busy", "machine busy during the burst (%)"),
        ("missing", "unanswered"),
    ):
        print(f"| {label} | {best[1][key]:.2f} | {best[2][key]:.2f} |")
    print(f"\nscaling, two workers over one: {best[2]['replies_s'] / best[1]['replies_s']:.2f}x")


if __name__ == "__main__":
    asyncio.run(main())
