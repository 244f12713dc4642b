"""Throughput and latency of the real bot against bare echo bots, in one run.

Each bot runs in its own process against the fake Bot API (`bot.emulator`, the
one of the tests), served over HTTP on localhost from this process:

- `sleutel run` (long polling, every update committed before it is confirmed),
  with `SLEUTEL_RATE_LIMIT=0` (the engine alone) and again with 30 (Telegram's
  ceiling, as in production);
- a bare python-telegram-bot echo bot (`benchmarks/echo_ptb.py`);
- a bare aiogram 3 echo bot (`benchmarks/echo_aiogram.py`, `pip install .[bench]`).

Enrolled key persons (seeded straight into the database) type at the main menu:
one reply each. Two loads: a burst (500 messages from 10 people, all at once)
and a steady rate (20 updates/s from 20 people for 30 s). Printed per bot:
replies/s, latency p50/p95/p99, CPU ms per update, peak RSS, and the ratios to
the PTB echo bot measured in the same run.

    python benchmarks/throughput.py                       # SQLite in a temp dir
    python benchmarks/throughput.py --database-url postgresql+asyncpg://postgres@127.0.0.1/bench_s
    python benchmarks/throughput.py --repeat 3 --bots sleutel-0,ptb

The burst sends 50 messages per person at once, past the inbox's flood limit
(30 waiting messages from one person are set aside with a warning); the
benchmark raises that limit in the bot's process (`bot.intake.FLOOD_LIMIT`),
which changes nothing else.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import shutil
import signal
import sys
import tempfile
import time
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

from harness import (
    FIRST_USER,
    KEY,
    Child,
    TimedBotAPI,
    base_env,
    free_port,
    median,
    pct,
    redact_url,
    reset_database,
    seed_key_persons,
    spawn,
    sqlite_url,
)

HERE = Path(__file__).resolve().parent
SLEUTEL = (
    "import sys, bot.intake, bot.cli; bot.intake.FLOOD_LIMIT = 10_000; "
    "sys.argv = ['sleutel', 'run']; sys.exit(bot.cli.main())"
)
BOTS = {
    "sleutel-0": [sys.executable, "-c", SLEUTEL],
    "sleutel-30": [sys.executable, "-c", SLEUTEL],
    "ptb": [sys.executable, str(HERE / "echo_ptb.py")],
    "aiogram": [sys.executable, str(HERE / "echo_aiogram.py")],
}
BURST_PEOPLE, BURST_EACH = 10, 50
STEADY_PEOPLE, STEADY_RATE, STEADY_SECONDS = 20, 20.0, 30.0


@dataclass
class Figures:
    burst_rate: float = 0.0
    burst: list[float] = field(default_factory=list)
    burst_cpu_ms: float = 0.0
    burst_max_per_second: int = 0
    steady: list[float] = field(default_factory=list)
    steady_cpu_ms: float = 0.0
    steady_done: float = 0.0  # seconds from the first push until the last reply
    idle_rss: int = 0
    peak_rss: int = 0
    missing: int = 0


async def start_bot(name: str, api: TimedBotAPI, args, work: Path) -> Child:
    env = base_env() | {
        "TELEGRAM_TOKEN": api.token,
        "TELEGRAM_API_BASE_URL": api.base_url,
    }
    if name.startswith("sleutel"):
        data = work / name
        shutil.rmtree(data, ignore_errors=True)  # a fresh SQLite database each run
        data.mkdir()
        url = args.database_url or sqlite_url(data)
        db = await reset_database(url)
        await seed_key_persons(db, max(BURST_PEOPLE, STEADY_PEOPLE))
        await db.dispose()
        env |= {
            "DATABASE_URL": url,
            "SLEUTEL_DATA_DIR": str(data),
            "SLEUTEL_SECRET_KEY": KEY,
            "SLEUTEL_LISTEN": f"127.0.0.1:{free_port()}",
            "SLEUTEL_RATE_LIMIT": name.split("-")[1],
        }
    child = await spawn(name, BOTS[name], env, work)
    deadline = time.perf_counter() + 60
    while not api.calls_to("getUpdates"):
        if child.process.returncode is not None or time.perf_counter() > deadline:
            raise SystemExit(f"{name} did not start:\n{child.stderr.read_text()[-3000:]}")
        await asyncio.sleep(0.05)
    if name.startswith("sleutel"):
        await child.settled()
    return child


async def warm_up(api: TimedBotAPI, people: int) -> None:
    for n in range(people):
        api.push(FIRST_USER + n, "hello")
    if not await api.wait_answered(people, 60):
        raise SystemExit("no answer to the warm-up")
    await asyncio.sleep(1.0)
    api.reset()


async def burst(api: TimedBotAPI, child: Child, figures: Figures) -> None:
    cpu = child.cpu()
    start = time.perf_counter()
    for round_ in range(BURST_EACH):
        for n in range(BURST_PEOPLE):
            api.push(FIRST_USER + n, f"burst {round_}")
    total = BURST_PEOPLE * BURST_EACH
    await api.wait_answered(total, 600)
    last = max((max(v) for v in api.replied.values() if v), default=start)
    figures.missing += total - api.answered()
    figures.burst_rate = api.answered() / (last - start)
    figures.burst = api.latencies()
    figures.burst_cpu_ms = (child.cpu() - cpu) * 1000 / total
    per_second = Counter(api.send_seconds)
    figures.burst_max_per_second = max(per_second.values(), default=0)
    api.reset()


async def steady(api: TimedBotAPI, child: Child, figures: Figures) -> None:
    cpu = child.cpu()
    total = int(STEADY_RATE * STEADY_SECONDS)
    start = time.perf_counter()
    for i in range(total):
        delay = start + i / STEADY_RATE - time.perf_counter()
        if delay > 0:
            await asyncio.sleep(delay)
        api.push(FIRST_USER + i % STEADY_PEOPLE, f"steady {i}")
    await api.wait_answered(total, 600)
    last = max((max(v) for v in api.replied.values() if v), default=start)
    figures.missing += total - api.answered()
    figures.steady = api.latencies()
    figures.steady_cpu_ms = (child.cpu() - cpu) * 1000 / total
    figures.steady_done = last - start
    api.reset()


async def measure(name: str, args, work: Path) -> Figures:
    api = TimedBotAPI()
    await api.start()
    figures = Figures()
    child = await start_bot(name, api, args, work)
    try:
        await warm_up(api, max(BURST_PEOPLE, STEADY_PEOPLE))
        figures.idle_rss = child.rss()
        profiler = None
        if args.profile and name.startswith("sleutel"):
            profiler = await asyncio.create_subprocess_exec(
                "py-spy",
                "record",
                "--pid",
                str(child.process.pid),
                "--rate",
                "200",
                "--format",
                "raw",
                "-o",
                str(Path(args.profile) / f"{name}.txt"),
                stdout=asyncio.subprocess.DEVNULL,
                stderr=asyncio.subprocess.DEVNULL,
            )
            await asyncio.sleep(1.0)
        if "burst" in args.loads:
            await burst(api, child, figures)
            await asyncio.sleep(1.0)
        if "steady" in args.loads:
            await steady(api, child, figures)
        figures.peak_rss = child.peak_rss()
        if profiler is not None:
            profiler.send_signal(signal.SIGINT)
            await profiler.wait()
    finally:
        await child.stop()
        await api.stop()
    if child.process.returncode not in (0, -15):
        print(f"  {name} exited with {child.process.returncode}", file=sys.stderr)
    if b"Traceback" in child.stderr.read_bytes():
        print(f"  {name}: a traceback in {child.stderr}", file=sys.stderr)
    return figures


def summarise(runs: dict[str, list[Figures]]) -> dict[str, dict[str, float]]:
    out = {}
    for name, figures in runs.items():

        def m(get, figures=figures):  # median over the repeats
            return median([get(f) for f in figures])

        out[name] = {
            "burst_replies_s": m(lambda f: f.burst_rate),
            "burst_first": m(lambda f: min(f.burst, default=float("nan"))),
            "burst_p50": m(lambda f: pct(f.burst, 50)),
            "burst_p95": m(lambda f: pct(f.burst, 95)),
            "burst_p99": m(lambda f: pct(f.burst, 99)),
            "burst_cpu_ms": m(lambda f: f.burst_cpu_ms),
            "burst_max_per_s": m(lambda f: f.burst_max_per_second),
            "steady_p50": m(lambda f: pct(f.steady, 50)),
            "steady_p95": m(lambda f: pct(f.steady, 95)),
            "steady_p99": m(lambda f: pct(f.steady, 99)),
            "steady_cpu_ms": m(lambda f: f.steady_cpu_ms),
            "steady_done_s": m(lambda f: f.steady_done),
            "idle_rss_mb": m(lambda f: f.idle_rss / 2**20),
            "peak_rss_mb": m(lambda f: f.peak_rss / 2**20),
            "missing": max(f.missing for f in figures),
        }
    return out


def report(summary: dict[str, dict[str, float]], args) -> None:
    names = list(summary)
    rows = [
        ("burst 500/10: replies/s", "burst_replies_s", "{:.1f}"),
        ("burst: first reply after (s)", "burst_first", "{:.3f}"),
        ("burst latency p50 (s)", "burst_p50", "{:.3f}"),
        ("burst latency p95 (s)", "burst_p95", "{:.3f}"),
        ("burst latency p99 (s)", "burst_p99", "{:.3f}"),
        ("burst CPU ms/update", "burst_cpu_ms", "{:.2f}"),
        ("burst most sends in 1 s", "burst_max_per_s", "{:.0f}"),
        ("steady 20/s latency p50 (ms)", "steady_p50", "ms"),
        ("steady latency p95 (ms)", "steady_p95", "ms"),
        ("steady latency p99 (ms)", "steady_p99", "ms"),
        ("steady CPU ms/update", "steady_cpu_ms", "{:.2f}"),
        ("steady: last reply after (s)", "steady_done_s", "{:.1f}"),
        ("RSS after warm-up (MB)", "idle_rss_mb", "{:.0f}"),
        ("peak RSS (MB)", "peak_rss_mb", "{:.0f}"),
        ("unanswered", "missing", "{:.0f}"),
    ]
    database = "SQLite (temp dir)" if not args.database_url else redact_url(args.database_url)
    print(f"\nthroughput, {database}, medians of {args.repeat}")
    print(f"| figure | {' | '.join(names)} |")
    print(f"|---|{'---|' * len(names)}")
    for label, key, fmt in rows:
        cells = []
        for name in names:
            value = summary[name][key]
            cells.append(f"{value * 1000:.0f}" if fmt == "ms" else fmt.format(value))
        print(f"| {label} | {' | '.join(cells)} |")
    if "ptb" in summary:
        ptb = summary["ptb"]
        print("\nratios to the bare PTB echo bot, same run:")
        for name in names:
            if name == "ptb":
                continue
            s = summary[name]
            print(
                f"  {name}: throughput {s['burst_replies_s'] / ptb['burst_replies_s']:.2f}x, "
                f"burst p50 {s['burst_p50'] / ptb['burst_p50']:.2f}x, "
                f"CPU/update {s['burst_cpu_ms'] / ptb['burst_cpu_ms']:.2f}x, "
                f"peak RSS {s['peak_rss_mb'] / ptb['peak_rss_mb']:.2f}x"
            )


async def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--database-url", help="default: SQLite in a temp dir")
    parser.add_argument("--repeat", type=int, default=1, help="runs, interleaved; medians")
    parser.add_argument("--bots", default="ptb,aiogram,sleutel-0,sleutel-30")
    parser.add_argument("--loads", default="burst,steady")
    parser.add_argument("--profile", help="py-spy the Sleutel runs into this directory")
    parser.add_argument("--json", help="also write the figures to this file")
    args = parser.parse_args()
    names = args.bots.split(",")
    runs: dict[str, list[Figures]] = {name: [] for name in names}
    with tempfile.TemporaryDirectory(prefix="sleutel-bench-") as tmp:
        for run in range(args.repeat):
            for name in names:
                print(f"run {run + 1}/{args.repeat}: {name}", file=sys.stderr, flush=True)
                runs[name].append(await measure(name, args, Path(tmp)))
    summary = summarise(runs)
    report(summary, args)
    if args.json:
        Path(args.json).write_text(json.dumps(summary, indent=1))


if __name__ == "__main__":
    asyncio.run(main())
