"""A loaded database: 10,000 people, 100,000 cases with their chronology and 50,000
timers, and every key person's check-ins, intervision groups and sessions, and
broadcasts with their answers. How fast it is written, how fast `/cases` answers a
confidant with 200 cases (through the engine), how long `sleutel run` takes to start and how much
memory it holds, and how a burst of key persons fares against an empty database
in the same run.

    python benchmarks/dataset.py                       # SQLite in a temp dir
    python benchmarks/dataset.py --database-url postgresql+asyncpg://postgres@127.0.0.1/bench_s
    python benchmarks/dataset.py --seed-only --database-url …   # just fill a database
"""

from __future__ import annotations

import argparse
import asyncio
import statistics
import sys
import tempfile
import time
from pathlib import Path

from harness import (
    KEY,
    TimedBotAPI,
    base_env,
    free_port,
    median,
    pct,
    redact_url,
    reset_database,
    seed_dataset,
    seed_key_persons,
    spawn,
    sqlite_url,
)
from throughput import SLEUTEL, burst, warm_up

from flows.core.clock import SystemClock
from flows.core.context import FlowConfig
from flows.core.engine import Engine
from flows.core.events import Event, Kind
from flows.registry import REGISTRY
from storage.crypto import Cipher
from storage.database import Database


async def cases_for_confidant(url: str, telegram_id: int, runs: int = 30) -> list[float]:
    """`/cases` through the engine, as the confidant sends it: seconds per answer."""
    db = Database(url, Cipher([KEY]))
    engine = Engine(db, SystemClock(), FlowConfig(bot_username="bench", locales=("en",)), REGISTRY)
    times = []
    for n in range(runs):
        event = Event(10**12 + n, telegram_id, Kind.COMMAND, message_id=1, command="cases")
        started = time.perf_counter()
        outcome = await engine.handle(event)
        times.append(time.perf_counter() - started)
        assert outcome.replies, "no answer to /cases"
    await db.dispose()
    return times[3:]  # the first look-ups fill the statement cache


async def settle(
    child, url: str, window: float = 0.5, busy: float = 0.05, limit: float = 120.0
) -> float:
    """Seconds until the bot is idle (under 5 % of a core for half a second) with nothing
    left in its outbox: the jobs due at start (the purge, the two-month intervision rule,
    the check-in planner, each a batch at a time) work through a loaded database first,
    and the reminders they queue go out a message a second to each chat, a trickle that
    leaves the bot idle between messages. The burst measures the database's size, not
    them."""
    db = Database(url, Cipher([KEY]))
    began = time.perf_counter()
    try:
        while time.perf_counter() - began < limit:
            before = child.cpu()
            await asyncio.sleep(window)
            if child.cpu() - before < busy * window:
                async with db.unit_of_work() as uow:
                    if not await uow.outbox.count("pending"):
                        break
    finally:
        await db.dispose()
    return time.perf_counter() - began


async def run_bot(url: str, data: Path, *, loads: bool) -> dict[str, float]:
    """`sleutel run` on `url`: startup time, RSS when idle, and (with `loads`) a burst."""
    api = TimedBotAPI()
    await api.start()
    env = base_env() | {
        "TELEGRAM_TOKEN": api.token,
        "TELEGRAM_API_BASE_URL": api.base_url,
        "DATABASE_URL": url,
        "SLEUTEL_DATA_DIR": str(data),
        "SLEUTEL_SECRET_KEY": KEY,
        "SLEUTEL_LISTEN": f"127.0.0.1:{free_port()}",
        "SLEUTEL_RATE_LIMIT": "0",
    }
    started = time.perf_counter()
    child = await spawn("sleutel-dataset", [sys.executable, "-c", SLEUTEL], env, data)
    try:
        while not api.calls_to("getUpdates"):
            if child.process.returncode is not None or time.perf_counter() - started > 120:
                raise SystemExit(f"sleutel did not start:\n{child.stderr.read_text()[-3000:]}")
            await asyncio.sleep(0.01)
        figures = {"startup_s": time.perf_counter() - started}
        await asyncio.sleep(2.0)
        figures["settled_s"] = await settle(child, url) + 2.0
        figures["idle_rss_mb"] = child.rss() / 2**20
        if loads:
            from throughput import Figures

            result = Figures()
            await warm_up(api, 20)
            await burst(api, child, result)
            figures |= {
                "burst_replies_s": result.burst_rate,
                "burst_p50_s": pct(result.burst, 50),
                "burst_cpu_ms": result.burst_cpu_ms,
            }
        figures["peak_rss_mb"] = child.peak_rss() / 2**20
    finally:
        await child.stop()
        await api.stop()
    return figures


async def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--database-url", help="default: SQLite in a temp dir")
    parser.add_argument("--empty-url", help="the empty database to compare with (PostgreSQL)")
    parser.add_argument("--seed-only", action="store_true")
    parser.add_argument("--repeat", type=int, default=1, help="bursts on each, interleaved")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="sleutel-dataset-") as tmp:
        loaded_dir, empty_dir = Path(tmp) / "loaded", Path(tmp) / "empty"
        loaded_dir.mkdir()
        empty_dir.mkdir()
        url = args.database_url or sqlite_url(loaded_dir)
        db = await reset_database(url)
        data = await seed_dataset(db, everything=True)
        await db.dispose()
        where = redact_url(url) if args.database_url else "SQLite"
        print(
            f"seeded {data.people} people, {data.cases} cases, {data.events} chronology "
            f"lines, {data.timers} timers, "
            + ", ".join(f"{n} {what}" for what, n in data.extras.items())
            + f" in {data.seconds:.1f} s ({where})"
        )
        if args.seed_only:
            return
        cases = await cases_for_confidant(url, data.busy_confidant_telegram_id)
        print(
            f"/cases for a confidant with 200 cases: median {statistics.median(cases) * 1000:.1f}"
            f" ms, p95 {pct(cases, 95) * 1000:.1f} ms (engine.handle, {len(cases)} runs)"
        )
        empty_url = args.empty_url or sqlite_url(empty_dir)
        if not args.database_url or args.empty_url:
            empty = await reset_database(empty_url)
            await seed_key_persons(empty, 20)
            await empty.dispose()
        else:
            empty_url = None
            print("(no --empty-url: no comparison with an empty database)")
        runs: dict[str, list[dict[str, float]]] = {"loaded": [], "empty": []}
        for _ in range(args.repeat):
            runs["loaded"].append(await run_bot(url, loaded_dir, loads=True))
            if empty_url:
                runs["empty"].append(await run_bot(empty_url, empty_dir, loads=True))
    print("\n| figure | loaded | empty |\n|---|---|---|")
    for key, label in (
        ("startup_s", "start until the first getUpdates (s)"),
        ("settled_s", "start jobs done, outbox empty, idle after (s)"),
        ("idle_rss_mb", "RSS idle (MB)"),
        ("peak_rss_mb", "peak RSS after a burst (MB)"),
        ("burst_replies_s", "burst 500/10 replies/s"),
        ("burst_p50_s", "burst latency p50 (s)"),
        ("burst_cpu_ms", "CPU ms/update"),
    ):
        cells = [
            f"{median([r[key] for r in runs[name]]):.2f}" if runs[name] else "-"
            for name in ("loaded", "empty")
        ]
        print(f"| {label} | {' | '.join(cells)} |")
    if runs["empty"]:
        loaded = median([r["burst_replies_s"] for r in runs["loaded"]])
        empty = median([r["burst_replies_s"] for r in runs["empty"]])
        print(f"\nthroughput loaded / empty: {loaded / empty:.2f}")


if __name__ == "__main__":
    asyncio.run(main())
