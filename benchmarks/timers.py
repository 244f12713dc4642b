"""10,000 escalation timers due at once: how long until every one has acted, once.

Real cases (open, alerted to their confidant, nobody acknowledged) each have a
`case.escalate` timer due now; the bot's own clock job (`Runtime.tick`, which
keeps claiming while full batches come) runs them through the engine against
the fake Bot API. Printed: the time, timers per second, and the check that each
timer ran once (timer rows done, one reminder in each case's chronology, one
queued reminder each).

    python benchmarks/timers.py                       # SQLite in a temp dir
    python benchmarks/timers.py --database-url postgresql+asyncpg://postgres@127.0.0.1/bench_s
"""

from __future__ import annotations

import argparse
import asyncio
import tempfile
import time
from datetime import UTC, datetime, timedelta
from pathlib import Path

from harness import KEY, TimedBotAPI, redact_url, reset_database, seed_dataset, sqlite_url
from sqlalchemy import text

from bot.runtime import Runtime
from bot.settings import Settings


async def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--database-url", help="default: SQLite in a temp dir")
    parser.add_argument("--timers", type=int, default=10_000)
    args = parser.parse_args()
    api = TimedBotAPI()
    await api.start()
    with tempfile.TemporaryDirectory(prefix="sleutel-timers-") as tmp:
        url = args.database_url or sqlite_url(Path(tmp))
        db = await reset_database(url)
        due = datetime.now(UTC) - timedelta(seconds=1)
        data = await seed_dataset(
            db,
            people=2_000,
            cases=args.timers,
            timers=args.timers,
            timers_due=due,
            all_open=True,
        )
        await db.dispose()
        print(
            f"seeded {data.people} people, {data.cases} open cases, {data.timers} timers due "
            f"now in {data.seconds:.1f} s ({redact_url(url) if args.database_url else 'SQLite'})"
        )
        settings = Settings(
            TELEGRAM_TOKEN=api.token,
            TELEGRAM_API_BASE_URL=api.base_url,
            DATABASE_URL=url,
            SLEUTEL_DATA_DIR=Path(tmp),
            SLEUTEL_SECRET_KEY=KEY,
        )
        runtime = Runtime(settings)
        await runtime.open()
        started = time.perf_counter()
        ran = await runtime.tick()  # what the clock job does every few seconds
        seconds = time.perf_counter() - started
        async with runtime.db.engine.connect() as conn:
            timers = dict(
                (
                    await conn.execute(
                        text(
                            "SELECT status, count(*) FROM timer WHERE kind = 'case.escalate' "
                            "GROUP BY status"
                        )
                    )
                ).all()
            )
            reminded = (
                await conn.execute(
                    text(
                        "SELECT count(*), count(DISTINCT case_id) FROM case_event "
                        "WHERE action = 'reminded'"
                    )
                )
            ).one()
            queued = (await conn.execute(text("SELECT count(*) FROM outbox_message"))).scalar_one()
        await runtime.close()
    await api.stop()
    print(f"{ran} timers handled in {seconds:.1f} s: {ran / seconds:.0f} per second")
    print(
        f"once each: timers done {timers.get('done', 0)} (new ones pending for the next "
        f"step: {timers.get('pending', 0)}), reminders {reminded[0]} in {reminded[1]} cases, "
        f"{queued} messages queued"
    )
    # `ran` also counts the daily jobs that come due at start-up (retention, planners)
    each_once = timers.get("done", 0) == args.timers and reminded[0] == reminded[1] == args.timers
    met = seconds <= 60 and each_once
    print(f"target: all within 60 s, each once: {'met' if met else 'NOT met'}")


if __name__ == "__main__":
    asyncio.run(main())
