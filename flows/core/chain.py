"""The escalation chain: nothing that needs a person waits unseen.

One chain for everything that must reach someone — a concern (`flows.cases.escalation`)
and a missed visit (`flows.checkins.visits`). It goes to the key person's
confidant; when nobody acknowledges within the family's wait, the clock takes the
next step: (a reminder to the confidant,) the backup confidant, the coordinators,
and from then on reminders to everyone alerted until someone acknowledges. A step
whose person is missing, paused or unreachable is skipped, so a key person without
a reachable confidant goes straight to the backup or the coordinators. Something
urgent goes to all of them at once. When the person the chain waits on blocks the
bot, it moves on at once. Every alert and reminder lands in the chronology of what
is escalated; an "alerted" entry is also what lets a backup or coordinator open it.

What differs per family — what is escalated, its texts and buttons, how long each
step waits, where its chronology is — is a `Watched` adapter.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass, field, replace
from datetime import timedelta
from typing import Protocol

from flows.core.context import Context
from flows.core.messages import Keyboard, Text
from flows.core.roles import COORDINATOR, KEY_PERSON
from storage.records import PersonRecord, TimerRecord

log = logging.getLogger(__name__)

CONFIDANT, REMINDER, BACKUP, COORDINATORS, REPEAT = range(5)
LATE = timedelta(minutes=2)


@dataclass(frozen=True)
class Alarm:
    """What the chain needs to know of something escalated."""

    id: int  # its row, for the chronology
    key: str  # its reference, for the timer and the buttons
    organisation_id: int
    key_person_id: int | None
    confidant_id: int | None
    urgent: bool
    stage: int
    # the family's own record as loaded (a case, a visit), so that its message does not
    # look it up again
    record: object = field(default=None, compare=False, repr=False)


@dataclass(frozen=True)
class Wording:
    first: bool  # the first alert
    reminder: bool
    passed_on: bool = False
    late_minutes: int = 0  # the step came due while the bot was not running


class Watched(Protocol):
    """One family's side of the chain."""

    timer: str  # the timer kind of its next step
    prefix: str  # of its timers' subjects: "case:K7F3"
    steps: tuple[int, ...]  # the stages it goes through, from CONFIDANT to REPEAT

    async def load(self, ctx: Context, key: str) -> Alarm | None:
        """The alarm while it still waits for someone, else None."""

    async def awaiting(self, ctx: Context, person_id: int) -> list[Alarm]:
        """Waiting alarms this person was alerted to."""

    async def alerted(self, ctx: Context, alarm: Alarm) -> set[int]: ...
    async def record(
        self, ctx: Context, alarm: Alarm, action: str, target_id: int | None
    ) -> None: ...
    async def set_stage(self, ctx: Context, alarm: Alarm, stage: int) -> None: ...
    async def minutes(self, ctx: Context, alarm: Alarm) -> int: ...
    async def message(
        self, ctx: Context, alarm: Alarm, wording: Wording
    ) -> tuple[Text, Keyboard]: ...


def timer_subject(prefix: str, key: str) -> str:
    return f"{prefix}:{key}"


def subject_key(subject: str) -> str:
    return subject.partition(":")[2]


async def route(
    ctx: Context, watched: Watched, alarm: Alarm, *, late: timedelta = timedelta(0)
) -> list[PersonRecord]:
    """Send something new on its way; returns who was alerted, in chain order. `late`:
    how long after it was due (a timer that fired after a restart) — the alert says so."""
    stage = COORDINATORS if alarm.urgent else watched.steps[0]
    wording = Wording(first=True, reminder=False, late_minutes=_minutes_late(late))
    return await _run(ctx, watched, alarm, stage, wording)


async def restart(ctx: Context, watched: Watched, alarm: Alarm) -> list[PersonRecord]:
    """Passed on to another confidant: the chain starts again, with them."""
    wording = Wording(first=True, reminder=False, passed_on=True)
    return await _run(ctx, watched, alarm, watched.steps[0], wording)


async def on_timer(ctx: Context, watched: Watched, timer: TimerRecord) -> None:
    """The wait is over and nobody acknowledged: take the next step."""
    alarm = await watched.load(ctx, subject_key(timer.subject))
    if alarm is not None:
        late = _minutes_late(ctx.now - timer.due_at)
        wording = Wording(first=False, reminder=False, late_minutes=late)
        await _run(ctx, watched, alarm, timer.payload["stage"], wording)


async def on_unreachable(ctx: Context, watched: Watched, person_id: int) -> None:
    """Someone blocked the bot: what waits on them alone moves on now."""
    for alarm in await watched.awaiting(ctx, person_id):
        if await _waits_on(ctx, alarm, person_id):
            await watched.record(ctx, alarm, "unreachable", person_id)
            stage = BACKUP if alarm.stage < BACKUP else COORDINATORS
            await _run(ctx, watched, alarm, stage, Wording(first=False, reminder=False))


async def stop(ctx: Context, watched: Watched, alarm: Alarm) -> None:
    """Acknowledged or over: no further step."""
    await ctx.uow.timers.cancel(
        watched.timer, timer_subject(watched.prefix, alarm.key), now=ctx.now
    )


async def _waits_on(ctx: Context, alarm: Alarm, person_id: int) -> bool:
    if alarm.stage in (CONFIDANT, REMINDER):
        return person_id == alarm.confidant_id
    return alarm.stage == BACKUP and person_id == await backup_id(ctx, alarm)


async def _run(
    ctx: Context, watched: Watched, alarm: Alarm, stage: int, wording: Wording
) -> list[PersonRecord]:
    """Take the first step from `stage` that reaches someone, then wait for the next."""
    people = await _people(ctx, watched, alarm, stage)
    while not people and stage < COORDINATORS:
        stage = _after(watched, stage)
        people = await _people(ctx, watched, alarm, stage)
    wording = replace(wording, reminder=stage in (REMINDER, REPEAT))
    reminder = wording.reminder
    text, buttons = await watched.message(ctx, alarm, wording)
    if not people:
        log.warning("alarm reaches nobody", extra={"alarm": alarm.key, "stage": stage})
        await watched.record(ctx, alarm, "unrouted", None)
    for person in people:
        await ctx.notify(person.id, text, buttons)
        await watched.record(ctx, alarm, "reminded" if reminder else "alerted", person.id)
    await watched.set_stage(ctx, alarm, stage)
    await _wait(ctx, watched, alarm, _after(watched, stage))
    return people


def _minutes_late(late: timedelta) -> int:
    """Whole minutes late, counted only past a couple of minutes (a tick's delay is not)."""
    return int(late.total_seconds() // 60) if late > LATE else 0


def _after(watched: Watched, stage: int) -> int:
    later = [s for s in watched.steps if s > stage]
    return later[0] if later else REPEAT


async def _wait(ctx: Context, watched: Watched, alarm: Alarm, stage: int) -> None:
    """One pending step per alarm: replace any earlier one."""
    minutes = await watched.minutes(ctx, alarm)
    subject = timer_subject(watched.prefix, alarm.key)
    await ctx.uow.timers.cancel(watched.timer, subject, now=ctx.now)
    due = ctx.now + timedelta(minutes=minutes)
    await ctx.uow.timers.schedule(
        watched.timer, subject, due, now=ctx.now, payload={"stage": stage}
    )


async def _people(ctx: Context, watched: Watched, alarm: Alarm, stage: int) -> list[PersonRecord]:
    """Who a step reaches: only people who are active and reachable, never the key person."""
    if stage in (CONFIDANT, REMINDER):
        ids = [alarm.confidant_id]
    elif stage == BACKUP:
        ids = [await backup_id(ctx, alarm)]
    elif stage == COORDINATORS:
        coordinators = await ctx.uow.people.in_organisation(alarm.organisation_id, COORDINATOR)
        ids = [c.id for c in coordinators]
        if alarm.urgent:
            ids = [alarm.confidant_id, await backup_id(ctx, alarm), *ids]
    else:
        ids = sorted(await watched.alerted(ctx, alarm))
    people = []
    for person_id in dict.fromkeys(ids):
        person = await ctx.uow.people.get(person_id) if person_id else None
        if person and person.active and person.reachable and person.id != alarm.key_person_id:
            people.append(person)
    return people


async def backup_id(ctx: Context, alarm: Alarm) -> int | None:
    """The key person's backup confidant in the organisation of the alarm."""
    key_person = await ctx.uow.people.get(alarm.key_person_id) if alarm.key_person_id else None
    membership = key_person and next(
        (
            m
            for m in key_person.memberships
            if m.role == KEY_PERSON and m.organisation_id == alarm.organisation_id
        ),
        None,
    )
    return membership.backup_id if membership else None
