"""How long Sleutel keeps things, and the daily purge that keeps the promise.

The periods below are the ones the privacy notice states. Cases and people
have a period per organisation (`organisation.case_retention_days`, default
180; `person_retention_days`, default 730 — two years after someone stops,
as the handbook asks). The purge runs every day on the clock, and by hand as
`sleutel purge [--dry-run]`.
"""

from __future__ import annotations

from datetime import datetime, timedelta

from flows.core.context import Context
from flows.core.ports import Storage
from storage.records import TimerRecord

TIMER = "retention.purge"
SUBJECT = "daily"
EVERY = timedelta(days=1)
INVITES_KEPT = timedelta(days=30)  # after use or expiry
MESSAGES_KEPT = timedelta(days=7)  # delivered (or given up) outbox messages
UPDATES_KEPT = timedelta(days=1)  # processed update ids, kept only to spot repeats
TIMERS_KEPT = timedelta(days=7)
CASES_PER_RUN = 500  # anonymised in one transaction; a backlog goes on a minute later


async def purge(uow: Storage, now: datetime) -> dict[str, int]:
    """Every retention step once; returns how many rows each step touched (cases: at
    most CASES_PER_RUN, see `backlog`)."""
    retention = uow.retention
    return {
        "drafts": await retention.expired_drafts(now=now),
        "cases_anonymised": await retention.anonymise_closed_cases(now=now, limit=CASES_PER_RUN),
        "people": await retention.delete_people(await retention.people_who_left(now=now)),
        "wellbeing_answers": await retention.old_wellbeing_answers(now=now),
        "visits": await uow.visits.old(now=now),
        "invites": await retention.old_invites(now=now, keep=INVITES_KEPT),
        "messages": await retention.delivered_messages(now=now, keep=MESSAGES_KEPT),
        "updates": await retention.processed_updates(now=now, keep=UPDATES_KEPT),
        "timers": await retention.finished_timers(now=now, keep=TIMERS_KEPT),
    }


def backlog(counts: dict[str, int]) -> bool:
    """More cases wait to be anonymised than one run takes."""
    return counts["cases_anonymised"] >= CASES_PER_RUN


async def on_timer(ctx: Context, _timer: TimerRecord) -> None:
    """Purge, then plan tomorrow's run (or, with a backlog, the next in a minute)."""
    counts = await purge(ctx.uow, ctx.now)
    later = timedelta(minutes=1) if backlog(counts) else EVERY
    await ctx.uow.timers.schedule(TIMER, SUBJECT, ctx.now + later, now=ctx.now)


async def ensure_scheduled(uow: Storage, now: datetime) -> None:
    """At start-up: make sure a purge is planned (exactly one)."""
    if not await uow.timers.pending_for(SUBJECT):
        await uow.timers.schedule(TIMER, SUBJECT, now, now=now)
