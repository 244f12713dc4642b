"""Cases after they were logged: creating them, opening, acknowledging and `/cases`.

Alert buttons carry `case:open:K7F3` / `case:ack:K7F3`: global, not tied to a
conversation, so an old alert still works and a repeated tap is harmless (a
second acknowledgement changes nothing). `flows.cases.buttons` checks who may
press them (`flows.privacy.access`). An opened case shows the buttons its reader may
use now: the handler talks, assesses and decides; the key person messages
their confidant or adds an update.
"""

from __future__ import annotations

from collections.abc import Mapping

from flows.cases.buttons import case_button, open_button
from flows.cases.casefile import (
    ACKNOWLEDGED,
    CLOSED,
    MONITORING,
    NOT_CLOSED,
    OPEN,
    REFERRED,
    details,
    name_of,
    named_key_person,
    names_in,
)
from flows.cases.escalation import TIMER, case_label, timer_subject
from flows.cases.permissions import offered
from flows.core.context import Context
from flows.core.messages import Keyboard, Text, _, keyboard, verbatim
from flows.core.references import new_reference
from flows.core.roles import CONFIDANT, COORDINATOR, KEY_PERSON
from storage.records import CaseRecord

NAME = "cases"
MAX_LISTED = 10


async def create(ctx: Context, *, urgent: bool, **case_details: object) -> CaseRecord:
    """A new case of the key person in ctx, for their confidant, with a fresh reference."""
    membership = ctx.person.membership(KEY_PERSON)
    reference = await new_reference(ctx.uow.cases.reference_taken)
    case = await ctx.uow.cases.add(
        reference=reference,
        organisation_id=membership.organisation_id,
        key_person_id=ctx.person.id,
        confidant_id=membership.confidant_id,
        urgent=urgent,
        now=ctx.now,
        **case_details,
    )
    await ctx.uow.cases.record(case.id, "created", now=ctx.now, actor_id=ctx.person.id)
    return case


async def open_case(ctx: Context, case: CaseRecord, _extra: str = "") -> None:
    """The case in the reader's language, never in a notification: only on request."""
    await ctx.uow.cases.record(case.id, "opened", now=ctx.now, actor_id=ctx.person.id)
    names = await names_in(ctx, [case])
    text = _(
        "Concern {ref} from {name}, {date}\n\n{details}\n\nStatus: {status}",
        ref=case_label(case),
        name=named_key_person(case, names),
        date=case.created_at,
        details=case_details(case),
        status=status_text(case, names),
    )
    ctx.reply(text, await offered(ctx, case), protect=True, shows_case=case.reference)


def case_details(case: CaseRecord) -> Text:
    return details(
        initials=case.initials,
        age_group=case.age_group,
        relation=case.relation,
        children=case.children,
        signals=case.signals,
        honour=case.honour,
        note=case.note,
        note_locale=case.note_locale,
    )


async def acknowledge(ctx: Context, case: CaseRecord, _extra: str = "") -> None:
    """First to acknowledge handles it; the key person and the others alerted are told."""
    me = ctx.person
    if not await ctx.uow.cases.acknowledge(case.id, me.id, now=ctx.now):
        case = await ctx.uow.cases.by_reference(case.reference)
        if case.handler_id == me.id:
            ctx.reply(_("You are already handling {ref}.", ref=case.reference))
        else:
            name = await name_of(ctx, case.handler_id)
            ctx.reply(_("{name} is already handling {ref}.", name=name, ref=case.reference))
        return
    await ctx.uow.cases.record(case.id, "acknowledged", now=ctx.now, actor_id=me.id)
    await ctx.uow.timers.cancel(TIMER, timer_subject(case.reference), now=ctx.now)
    ctx.toast = _("Thank you.")
    ctx.reply(
        _(
            "Thank you. You are handling {ref} now. The key person has been told.",
            ref=case.reference,
        ),
        keyboard(open_button(case.reference)),
    )
    if case.key_person_id:
        await ctx.notify(
            case.key_person_id,
            _("{name} has picked up your concern {ref}.", name=me.display_name, ref=case.reference),
            case=case.reference,
        )
    for other_id in sorted(await ctx.uow.cases.alerted(case.id) - {me.id}):
        other = await ctx.uow.people.get(other_id)
        if other and other.reachable:
            await ctx.notify(
                other_id, _("{name} is handling {ref}.", name=me.display_name, ref=case.reference)
            )


def status_text(case: CaseRecord, names: Mapping[int, str]) -> Text:
    """Where the case stands, without details: the key person reads it too. `names`
    holds the handler's (`names_in`)."""
    if case.status == OPEN and case.confirmed_at is None:
        return _("waiting to be picked up; still being described")
    if case.status == OPEN:
        return _("waiting to be picked up")
    if case.status == ACKNOWLEDGED:
        return _("picked up by {name}", name=names.get(case.handler_id or 0, "—"))
    if case.status == MONITORING:
        return _("being followed; next check {date}", date=case.follow_up_at)
    if case.status == REFERRED:
        return _("a professional is involved")
    if case.status == CLOSED:
        return _("closed")
    return verbatim(case.status)


async def start(ctx: Context, _arg: str) -> None:
    """`/cases`: a key person's own cases; the open cases a confidant helps with, or that
    were escalated to a coordinator, urgent first."""
    own = helping = []
    if KEY_PERSON in ctx.person.roles:
        own = await ctx.uow.cases.of_key_person(ctx.person.id, limit=MAX_LISTED)
    if ctx.person.roles & {CONFIDANT, COORDINATOR}:
        helping = await ctx.uow.cases.for_helper(ctx.person.id, NOT_CLOSED, limit=MAX_LISTED)
    if not own and not helping:
        ctx.reply(_("There are no cases for you yet."), ctx.menu())
        return
    names = await names_in(ctx, [*own, *helping])
    if own:
        lines = [_line(case, names, with_name=False) for case in own]
        buttons = _open_buttons(own) + (() if helping else ctx.menu())
        ctx.reply(_("Concerns you logged:\n{lines}", lines=lines), buttons, protect=True)
    if helping:
        lines = [_line(case, names, with_name=True) for case in helping]
        ctx.reply(_("Open cases:\n{lines}", lines=lines), _open_buttons(helping), protect=True)


def _open_buttons(listed: list[CaseRecord]) -> Keyboard:
    return tuple(
        (case_button(_("Open {ref}", ref=case.reference), "open", case.reference),)
        for case in listed
    )


def _line(case: CaseRecord, names: Mapping[int, str], *, with_name: bool) -> Text:
    status = status_text(case, names)
    if with_name:
        return _(
            "{ref} · {date} · from {name} · {status}",
            ref=case_label(case),
            date=case.created_at,
            name=named_key_person(case, names),
            status=status,
        )
    return _("{ref} · {date} · {status}", ref=case_label(case), date=case.created_at, status=status)
