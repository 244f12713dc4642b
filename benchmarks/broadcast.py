"""A broadcast to 3,000 people at Telegram's pace: the rate sustained, none lost, none
twice, and the bot's peak memory.

An organisation with a coordinator and 3,000 key persons (reading Sleutel in Dutch,
English, Arabic and Turkish) is seeded straight into the database; the coordinator's
announcement to everyone is queued as `/broadcast` queues it
(`flows.broadcasts.sending.create`: one recipient row and one outbox message each,
in one transaction, timed). Then `sleutel run`, with the production rate limit
(`SLEUTEL_RATE_LIMIT=30`), delivers it to the fake Bot API (`bot.emulator`) served
over HTTP on localhost from this process.

Printed: messages per second from the first to the last copy the fake API got,
and the median of the per-second counts over the steady middle, each as a share
of Telegram's ceiling of 30 a second (target: at least 27 a second); the busiest
second; how many chats got it, lost (a recipient without a copy) and duplicates
(a chat with more than one); what the outbox says afterwards; the bot's CPU per
message and peak RSS. Exits 1 when any copy was lost or sent twice.

With `--fail-429 K` the fake API answers K sends, spread over the run, with
429 Too Many Requests (`retry_after` 1 s): each waits and still arrives once.

    python benchmarks/broadcast.py                       # SQLite in a temp dir
    python benchmarks/broadcast.py --database-url postgresql+asyncpg://postgres@127.0.0.1/bench_b
    python benchmarks/broadcast.py --recipients 500 --fail-429 20
"""

from __future__ import annotations

import argparse
import asyncio
import sys
import tempfile
import time
from collections import Counter
from datetime import UTC, datetime
from pathlib import Path

from harness import (
    FIRST_USER,
    KEY,
    TimedBotAPI,
    median,
    redact_url,
    reset_database,
    seed_coordinator,
    seed_key_persons,
    sleutel_env,
    spawn,
    sqlite_url,
)

from flows.broadcasts import sending
from storage.crypto import Cipher
from storage.database import Database

SLEUTEL = [sys.executable, "-c", "import sys, bot.cli; sys.exit(bot.cli.main(['run']))"]
CEILING = 30  # Telegram: about 30 messages a second for a bot
TARGET = 27
LOCALES = ("nl", "en", "ar", "tr")
TITLE = "Buurtavond 12 juni"
TEXT = "Iedereen is welkom in het buurthuis; neem gerust iemand mee."
VERSIONS = {
    "ar": "الجميع مرحب بهم في المركز المجتمعي؛ يمكنك إحضار شخص معك.",
    "tr": "Herkes mahalle evine davetlidir; yanınızda birini getirebilirsiniz.",
}
COORDINATOR = FIRST_USER + 1_000_000
STALL = 60.0  # seconds without a new copy: what has not arrived by then is lost
SETTLE = 3.0  # seconds to wait after the last copy, for a late duplicate


class BroadcastAPI(TimedBotAPI):
    """Counts the copies of the broadcast per chat, with when each came, and answers
    some sends with 429 when asked to."""

    def __init__(self, fail_every: int = 0, failures: int = 0) -> None:
        super().__init__()
        self.copies: Counter[int] = Counter()
        self.times: list[float] = []  # time.time() of every copy
        self.fail_every = fail_every
        self.failures_left = failures

    async def _send_message(self, params):
        text_ = params.get("text")
        result = await super()._send_message(params)
        if isinstance(text_, str) and TITLE in text_:
            self.copies[params["chat_id"]] += 1
            self.times.append(time.time())
            if self.failures_left and len(self.times) % self.fail_every == 0:
                self.failures_left -= 1  # the next send is answered 429, whichever it is
                self.fail_next(
                    "sendMessage",
                    status=429,
                    description="Too Many Requests: retry after 1",
                    retry_after=1,
                )
        return result


async def queue_broadcast(db, organisation_id: int, author_id: int) -> tuple[int, int, float]:
    """The announcement queued as `/broadcast` does; (broadcast id, queued, seconds)."""
    started = time.perf_counter()
    async with db.unit_of_work() as uow:
        broadcast = await sending.create(
            uow,
            organisation_id=organisation_id,
            author_id=author_id,
            kind="announcement",
            title=TITLE,
            text=TEXT,
            versions=VERSIONS,
            place=None,
            starts_at=None,
            capacity=None,
            audience_="all",
            send_at=None,
            now=datetime.now(UTC),
        )
    seconds = time.perf_counter() - started
    async with db.unit_of_work() as uow:
        queued = len((await uow.outbox.delivery(sending.topic(broadcast.id))).get("pending", []))
    return broadcast.id, queued, seconds


async def wait_first(api: BroadcastAPI, child) -> None:
    """Until the bot has started and sent the first copy."""
    deadline = time.perf_counter() + STALL
    while not api.times:
        if child.process.returncode is not None or time.perf_counter() > deadline:
            raise SystemExit(f"no copy sent:\n{child.stderr.read_text()[-3000:]}")
        await asyncio.sleep(0.01)


async def wait_delivered(api: BroadcastAPI, child, recipients: int) -> None:
    """Until every recipient has a copy, nothing new came for STALL seconds, or the bot
    stopped; then a moment more for a late duplicate."""
    last_count, last_change = 0, time.perf_counter()
    reported = time.perf_counter()
    while len(api.copies) < recipients:
        if child.process.returncode is not None:
            print(f"the bot stopped:\n{child.stderr.read_text()[-3000:]}", file=sys.stderr)
            return
        count = sum(api.copies.values())
        if count != last_count:
            last_count, last_change = count, time.perf_counter()
        elif time.perf_counter() - last_change > STALL:
            return
        if time.perf_counter() - reported > 10:
            reported = time.perf_counter()
            print(f"  {len(api.copies)} of {recipients} chats", file=sys.stderr, flush=True)
        await asyncio.sleep(0.1)
    await asyncio.sleep(SETTLE)


def per_second(times: list[float]) -> tuple[list[int], list[int]]:
    """Copies in each wall-clock second from the first to the last, and those of the
    steady middle: whole seconds only, the first and last tenth of the run left out."""
    if not times:
        return [], []
    start = int(times[0])
    counts = Counter(int(t) - start for t in times)
    bins = [counts.get(s, 0) for s in range(int(times[-1]) - start + 1)]
    inner = bins[1:-1]
    trim = len(inner) // 10
    return bins, inner[trim : len(inner) - trim] if trim else inner


async def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--database-url", help="default: SQLite in a temp dir")
    parser.add_argument("--recipients", type=int, default=3_000)
    parser.add_argument(
        "--fail-429", type=int, default=0, metavar="K", help="answer K sends with 429"
    )
    args = parser.parse_args()
    fail_every = max(1, args.recipients // (args.fail_429 + 1)) if args.fail_429 else 0
    api = BroadcastAPI(fail_every, args.fail_429)
    await api.start()
    with tempfile.TemporaryDirectory(prefix="sleutel-broadcast-") as tmp:
        work = Path(tmp)
        url = args.database_url or sqlite_url(work)
        where = redact_url(url) if args.database_url else "SQLite (temp dir)"
        db = await reset_database(url)
        started = time.perf_counter()
        org = await seed_key_persons(db, args.recipients, locales=LOCALES)
        author = await seed_coordinator(db, org, COORDINATOR)
        print(
            f"seeded a coordinator and {args.recipients} key persons "
            f"({'/'.join(LOCALES)}) in {time.perf_counter() - started:.1f} s, {where}"
        )
        broadcast_id, queued, queue_seconds = await queue_broadcast(db, org, author)
        await db.dispose()
        print(
            f"queued broadcast B{broadcast_id} to {queued} people in {queue_seconds:.2f} s "
            f"({queued / queue_seconds:.0f} per second, one transaction)"
        )

        child = await spawn("sleutel", SLEUTEL, sleutel_env(api, url, work, CEILING), work)
        try:
            await wait_first(api, child)
            cpu, started_rss = child.cpu(), child.rss()  # from the first copy on
            await wait_delivered(api, child, queued)
            cpu = child.cpu() - cpu
            peak = child.peak_rss()
        finally:
            await child.stop()
            await api.stop()
        if b"Traceback" in child.stderr.read_bytes():
            print(f"a traceback in the bot's log:\n{child.stderr.read_text()[-3000:]}")

        db = Database(url, Cipher([KEY]))
        async with db.unit_of_work() as uow:
            outbox = await uow.outbox.delivery(sending.topic(broadcast_id))
        await db.dispose()

    recipients = {FIRST_USER + n for n in range(args.recipients)}
    got = set(api.copies) & recipients
    lost = len(recipients - got)
    duplicates = sum(1 for chat, n in api.copies.items() if n > 1)
    strangers = len(set(api.copies) - recipients)  # a copy to a chat outside the audience
    times = api.times
    span = times[-1] - times[0] if len(times) > 1 else float("nan")
    rate = (len(times) - 1) / span if len(times) > 1 else float("nan")
    bins, middle = per_second(times)
    steady = median(middle)
    met = rate >= TARGET and not lost and not duplicates
    print(f"\nbroadcast to {args.recipients}, SLEUTEL_RATE_LIMIT={CEILING}, {where}")
    print("| figure | value |")
    print("|---|---|")
    rows = [
        ("queueing (one transaction)", f"{queue_seconds:.2f} s"),
        ("first to last copy", f"{span:.1f} s"),
        ("messages/s sustained", f"{rate:.1f} ({rate / CEILING:.0%} of {CEILING}/s)"),
        (
            f"median per second, steady middle ({len(middle)} s)",
            f"{steady:.0f} ({steady / CEILING:.0%} of {CEILING}/s)",
        ),
        ("busiest second", f"{max(bins, default=0)}"),
        ("chats that got it", f"{len(got)} of {args.recipients}"),
        ("lost", f"{lost}"),
        ("duplicates (chats with 2+ copies)", f"{duplicates}"),
        ("copies to chats outside the audience", f"{strangers}"),
        ("429 answered (retry_after 1 s)", f"{args.fail_429 - api.failures_left}"),
        (
            "outbox afterwards",
            ", ".join(f"{status} {len(people)}" for status, people in sorted(outbox.items())),
        ),
        ("bot CPU per message", f"{cpu * 1000 / max(1, len(times)):.2f} ms"),
        ("bot RSS at the first copy", f"{started_rss / 2**20:.0f} MB"),
        ("bot peak RSS", f"{peak / 2**20:.0f} MB"),
    ]
    for label, value in rows:
        print(f"| {label} | {value} |")
    print(f"target: at least {TARGET}/s, none lost, none twice: {'met' if met else 'NOT met'}")
    return 1 if lost or duplicates or strangers else 0


if __name__ == "__main__":
    sys.exit(asyncio.run(main()))
