"""Routing and the escalation chain: no concern waits unseen.

A new case goes to the key person's confidant. When nobody acknowledges it
within the organisation's `ack_minutes` (urgent: `urgent_ack_minutes`), the
clock reminds the confidant, then alerts the backup confidant, then the
coordinators, and from then on reminds everyone alerted until someone
acknowledges. A step whose person is missing, paused or unreachable is
skipped, so a key person without a reachable confidant goes straight to the
backup or the coordinators. An urgent case goes to all of them at once.
When the person the chain waits on blocks the bot, the case moves on at once.

Alerts carry no content (they show on lock screens): only the reference, the
key person's name and the Open / Acknowledge buttons. Every alert and reminder
is written to the case chronology; an "alerted" entry is also what lets a
backup or coordinator open the case.
"""

from __future__ import annotations

import logging
from datetime import timedelta

from flows.cases.buttons import ack_button, open_button
from flows.cases.casefile import OPEN, key_person_name
from flows.core.context import Context
from flows.core.messages import Inline, Keyboard, Text, _, keyboard
from flows.core.roles import COORDINATOR, KEY_PERSON
from storage.records import CaseRecord, PersonRecord, TimerRecord

log = logging.getLogger(__name__)

TIMER = "case.escalate"
CONFIDANT, REMINDER, BACKUP, COORDINATORS, REPEAT = range(5)


def timer_subject(reference: str) -> str:
    """A case's timers (escalation, follow-up) are known by its reference."""
    return f"case:{reference}"


def subject_reference(subject: str) -> str:
    return subject.removeprefix("case:")


def alert_buttons(reference: str) -> Keyboard:
    return keyboard([open_button(reference), ack_button(reference)])


async def route(ctx: Context, case: CaseRecord) -> list[PersonRecord]:
    """Send a new case on its way; returns who was alerted, in chain order."""
    return await _run(ctx, case, COORDINATORS if case.urgent else CONFIDANT, first=True)


async def restart(ctx: Context, case: CaseRecord) -> list[PersonRecord]:
    """A case passed on to another confidant starts the chain again, with them."""
    return await _run(ctx, case, CONFIDANT, first=True, passed_on=True)


async def on_timer(ctx: Context, timer: TimerRecord) -> None:
    """The wait is over and nobody acknowledged: take the next step."""
    case = await ctx.uow.cases.by_reference(subject_reference(timer.subject))
    if case is not None and case.status == OPEN:
        await _run(ctx, case, timer.payload["stage"], first=False)


async def on_unreachable(ctx: Context, person_id: int) -> None:
    """Someone blocked the bot: cases that wait on them alone move on now."""
    for case in await ctx.uow.cases.awaiting(person_id):
        if await _waits_on(ctx, case, person_id):
            await ctx.uow.cases.record(case.id, "unreachable", now=ctx.now, target_id=person_id)
            await _run(ctx, case, BACKUP if case.stage < BACKUP else COORDINATORS, first=False)


async def _waits_on(ctx: Context, case: CaseRecord, person_id: int) -> bool:
    if case.stage in (CONFIDANT, REMINDER):
        return person_id == case.confidant_id
    return case.stage == BACKUP and person_id == await _backup_id(ctx, case)


async def _run(
    ctx: Context, case: CaseRecord, stage: int, *, first: bool, passed_on: bool = False
) -> list[PersonRecord]:
    """Take the first step from `stage` that reaches someone, then wait for the next."""
    people = await _people(ctx, case, stage)
    while not people and stage < COORDINATORS:
        stage += 1
        people = await _people(ctx, case, stage)
    reminder = stage in (REMINDER, REPEAT)
    name = await key_person_name(ctx, case)
    text = _text(case, name, reminder=reminder, first=first, passed_on=passed_on)
    if not people:
        log.warning("case reaches nobody", extra={"case_id": case.id, "stage": stage})
        await ctx.uow.cases.record(case.id, "unrouted", now=ctx.now)
    for person in people:
        await ctx.notify(person.id, text, alert_buttons(case.reference))
        action = "reminded" if reminder else "alerted"
        await ctx.uow.cases.record(case.id, action, now=ctx.now, target_id=person.id)
    await ctx.uow.cases.set_stage(case.id, stage)
    await _wait(ctx, case, min(stage + 1, REPEAT))
    return people


async def _wait(ctx: Context, case: CaseRecord, stage: int) -> None:
    """One pending step per case: replace any earlier one."""
    org = await ctx.uow.people.organisation(case.organisation_id)
    minutes = org.urgent_ack_minutes if case.urgent else org.ack_minutes
    subject = timer_subject(case.reference)
    await ctx.uow.timers.cancel(TIMER, subject, now=ctx.now)
    await ctx.uow.timers.schedule(
        TIMER, subject, ctx.now + timedelta(minutes=minutes), now=ctx.now, payload={"stage": stage}
    )


async def _people(ctx: Context, case: CaseRecord, stage: int) -> list[PersonRecord]:
    """Who a step reaches: only people who are active and reachable, never the key person."""
    if stage in (CONFIDANT, REMINDER):
        ids = [case.confidant_id]
    elif stage == BACKUP:
        ids = [await _backup_id(ctx, case)]
    elif stage == COORDINATORS:
        coordinators = await ctx.uow.people.in_organisation(case.organisation_id, COORDINATOR)
        ids = [c.id for c in coordinators]
        if case.urgent:
            ids = [case.confidant_id, await _backup_id(ctx, case), *ids]
    else:
        ids = sorted(await ctx.uow.cases.alerted(case.id))
    people = []
    for person_id in dict.fromkeys(ids):
        person = await ctx.uow.people.get(person_id) if person_id else None
        if person and person.active and person.reachable and person.id != case.key_person_id:
            people.append(person)
    return people


async def _backup_id(ctx: Context, case: CaseRecord) -> int | None:
    key_person = await ctx.uow.people.get(case.key_person_id) if case.key_person_id else None
    membership = key_person and next(
        (
            m
            for m in key_person.memberships
            if m.role == KEY_PERSON and m.organisation_id == case.organisation_id
        ),
        None,
    )
    return membership.backup_id if membership else None


def case_label(case: CaseRecord) -> Text | str:
    """The reference with its flags, "K7F3 (urgent, honour-related)": no content beyond that."""
    flags = ((_("urgent"),) if case.urgent else ()) + (
        (_("honour-related"),) if case.honour else ()
    )
    return (
        _("{ref} ({flags})", ref=case.reference, flags=Inline(flags)) if flags else case.reference
    )


def _text(case: CaseRecord, name: str, *, reminder: bool, first: bool, passed_on: bool) -> Text:
    ref = case_label(case)
    if passed_on:
        return _(
            "Concern {ref} from {name} has been passed on to you. Can you take it?",
            ref=ref,
            name=name,
        )
    if reminder:
        return _(
            "Reminder: concern {ref} from {name} is still waiting to be picked up.",
            ref=ref,
            name=name,
        )
    if not first:
        return _(
            "Concern {ref} from {name} has not been picked up yet. Can you take it?",
            ref=ref,
            name=name,
        )
    return _("New concern {ref} from {name}.", ref=ref, name=name)
