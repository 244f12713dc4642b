"""Routing a concern: the escalation chain of `flows.core.chain`, for cases.

A new case goes to the key person's confidant, with a reminder before the backup
confidant and the coordinators (times per organisation: `ack_minutes`, urgent:
`urgent_ack_minutes`). Alerts carry no content (they show on lock screens): only
the reference, the key person's name and the Open / Acknowledge buttons.
"""

from __future__ import annotations

from collections.abc import Sequence

from flows.cases.buttons import ack_button, open_button
from flows.cases.casefile import OPEN, key_person_name
from flows.core import chain
from flows.core.chain import Alarm, Wording
from flows.core.context import Context
from flows.core.messages import Inline, Keyboard, Text, _, keyboard
from flows.core.ports import Storage
from storage.records import CaseRecord, PersonRecord, TimerRecord

TIMER = "case.escalate"
PREFIX = "case"


def timer_subject(reference: str) -> str:
    """A case's timers (escalation, follow-up) are known by its reference."""
    return chain.timer_subject(PREFIX, reference)


def subject_reference(subject: str) -> str:
    return chain.subject_key(subject)


def alert_buttons(reference: str) -> Keyboard:
    return keyboard([open_button(reference), ack_button(reference)])


def _alarm(case: CaseRecord) -> Alarm:
    return Alarm(
        case.id,
        case.reference,
        case.organisation_id,
        case.key_person_id,
        case.confidant_id,
        case.urgent,
        case.stage,
        case,
    )


class CaseChain:
    """The chain's view of a case: waiting while nobody acknowledged it."""

    timer = TIMER
    prefix = PREFIX
    steps = (chain.CONFIDANT, chain.REMINDER, chain.BACKUP, chain.COORDINATORS, chain.REPEAT)

    async def load(self, ctx: Context, key: str) -> Alarm | None:
        case = await ctx.uow.cases.by_reference(key)
        return _alarm(case) if case is not None and case.status == OPEN else None

    async def awaiting(self, ctx: Context, person_id: int) -> list[Alarm]:
        return [_alarm(case) for case in await ctx.uow.cases.awaiting(person_id)]

    async def alerted(self, ctx: Context, alarm: Alarm) -> set[int]:
        return await ctx.uow.cases.alerted(alarm.id)

    async def record(self, ctx: Context, alarm: Alarm, action: str, target_id: int | None) -> None:
        await ctx.uow.cases.record(alarm.id, action, now=ctx.now, target_id=target_id)

    async def set_stage(self, ctx: Context, alarm: Alarm, stage: int) -> None:
        await ctx.uow.cases.set_stage(alarm.id, stage)

    async def minutes(self, ctx: Context, alarm: Alarm) -> int:
        org = await ctx.uow.people.organisation(alarm.organisation_id)
        return org.urgent_ack_minutes if alarm.urgent else org.ack_minutes

    async def message(self, ctx: Context, alarm: Alarm, wording: Wording) -> tuple[Text, Keyboard]:
        case = alarm.record
        name = await key_person_name(ctx, case)
        return _text(case, name, wording), alert_buttons(case.reference)


CASES = CaseChain()


async def route(ctx: Context, case: CaseRecord) -> list[PersonRecord]:
    """Send a new case on its way; returns who was alerted, in chain order."""
    return await chain.route(ctx, CASES, _alarm(case))


async def restart(ctx: Context, case: CaseRecord) -> list[PersonRecord]:
    """A case passed on to another confidant starts the chain again, with them."""
    return await chain.restart(ctx, CASES, _alarm(case))


async def on_timer(ctx: Context, timer: TimerRecord) -> None:
    await chain.on_timer(ctx, CASES, timer)


async def read_ahead(uow: Storage, timers: Sequence[TimerRecord]) -> None:
    """A chunk of escalation timers: their cases' confidants and key persons (whom
    every step looks up) in two statements for the chunk, instead of two a timer."""
    references = [subject_reference(timer.subject) for timer in timers]
    await uow.people.read_ahead_by_id(await uow.cases.people_of(references))


async def on_unreachable(ctx: Context, person_id: int) -> None:
    await chain.on_unreachable(ctx, CASES, person_id)


def case_label(case: CaseRecord) -> Text | str:
    """The reference with its flags, "K7F3 (urgent, honour-related)": no content beyond that."""
    flags = ((_("urgent"),) if case.urgent else ()) + (
        (_("honour-related"),) if case.honour else ()
    )
    return (
        _("{ref} ({flags})", ref=case.reference, flags=Inline(flags)) if flags else case.reference
    )


def _text(case: CaseRecord, name: str, wording: Wording) -> Text:
    ref = case_label(case)
    if wording.passed_on:
        return _(
            "Concern {ref} from {name} has been passed on to you. Can you take it?",
            ref=ref,
            name=name,
        )
    if wording.reminder:
        return _(
            "Reminder: concern {ref} from {name} is still waiting to be picked up.",
            ref=ref,
            name=name,
        )
    if not wording.first:
        return _(
            "Concern {ref} from {name} has not been picked up yet. Can you take it?",
            ref=ref,
            name=name,
        )
    return _("New concern {ref} from {name}.", ref=ref, name=name)
