"""Cases after they were logged: the Open / Acknowledge buttons and `/cases`.

Alert buttons carry `case:open:K7F3` / `case:ack:K7F3`: global, not tied to a
conversation, so an old alert still works and a repeated tap is harmless (a
second acknowledgement changes nothing). A case may be opened by the key
person who logged it, the assigned confidant, whoever handles it, and anyone
it was escalated to. Everyone else gets "not available" — the same answer as
for a reference that does not exist — and the attempt goes into the chronology,
as every opening and every change does.
"""

from __future__ import annotations

import secrets

from flows.casefile import ACKNOWLEDGED, NOT_CLOSED, OPEN, details
from flows.context import Context
from flows.escalation import TIMER, ack_button, case_label, open_button, timer_subject
from flows.messages import Button, Text, _, keyboard, verbatim
from flows.roles import CONFIDANT, KEY_PERSON
from storage.records import CaseRecord

NAME = "cases"
ALPHABET = "23456789ABCDEFGHJKLMNPQRSTUVWXYZ"  # no 0/O or 1/I to mix up when read out
REFERENCE_LENGTH = 4
MAX_LISTED = 10
NOT_AVAILABLE = _("This case is not available to you.")


async def create(ctx: Context, *, urgent: bool, **case_details: object) -> CaseRecord:
    """A new case of the key person in ctx, for their confidant, with a fresh reference."""
    membership = ctx.person.membership(KEY_PERSON)
    reference = await _new_reference(ctx)
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


async def _new_reference(ctx: Context) -> str:
    while True:
        reference = "".join(secrets.choice(ALPHABET) for _ in range(REFERENCE_LENGTH))
        if not await ctx.uow.cases.reference_taken(reference):
            return reference


async def on_button(ctx: Context, rest: str) -> None:
    """`open:K7F3` or `ack:K7F3`, checked against who may see the case."""
    action, _sep, reference = rest.partition(":")
    case = await ctx.uow.cases.by_reference(reference) if reference else None
    if case is None or action not in ("open", "ack"):
        ctx.reply(NOT_AVAILABLE)
        return
    allowed = await _may_see(ctx, case)
    if action == "ack":
        allowed = allowed and ctx.person.id != case.key_person_id
    if not allowed:
        await ctx.uow.cases.record(case.id, "denied", now=ctx.now, actor_id=ctx.person.id)
        ctx.reply(NOT_AVAILABLE)
    elif action == "open":
        await _open(ctx, case)
    else:
        await _acknowledge(ctx, case)


async def _may_see(ctx: Context, case: CaseRecord) -> bool:
    """The key person, the assigned confidant, the handler, and whoever it was sent to."""
    me = ctx.person.id
    if me in (case.key_person_id, case.confidant_id, case.handler_id):
        return True
    return me in await ctx.uow.cases.alerted(case.id)


async def _open(ctx: Context, case: CaseRecord) -> None:
    """The case in the reader's language, never in a notification: only on request."""
    await ctx.uow.cases.record(case.id, "opened", now=ctx.now, actor_id=ctx.person.id)
    text = _(
        "Concern {ref} from {name}, {date}\n\n{details}\n\nStatus: {status}",
        ref=case_label(case),
        name=await _name(ctx, case.key_person_id),
        date=case.created_at,
        details=case_details(case),
        status=await _status(ctx, case),
    )
    helper = case.status == OPEN and ctx.person.id != case.key_person_id
    buttons = keyboard(ack_button(case.reference)) if helper else ()
    ctx.reply(text, buttons, protect=True)


def case_details(case: CaseRecord) -> Text:
    return details(
        initials=case.initials,
        age_group=case.age_group,
        relation=case.relation,
        children=case.children,
        signals=case.signals,
        honour=case.honour,
        note=case.note,
    )


async def _acknowledge(ctx: Context, case: CaseRecord) -> None:
    """First to acknowledge handles it; the key person and the others alerted are told."""
    me = ctx.person
    if not await ctx.uow.cases.acknowledge(case.id, me.id, now=ctx.now):
        case = await ctx.uow.cases.by_reference(case.reference)
        if case.handler_id == me.id:
            ctx.reply(_("You are already handling {ref}.", ref=case.reference))
        else:
            name = await _name(ctx, case.handler_id)
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
        )
    for other_id in sorted(await ctx.uow.cases.alerted(case.id) - {me.id}):
        other = await ctx.uow.people.get(other_id)
        if other and other.reachable:
            await ctx.notify(
                other_id, _("{name} is handling {ref}.", name=me.display_name, ref=case.reference)
            )


async def _name(ctx: Context, person_id: int | None) -> str:
    person = await ctx.uow.people.get(person_id) if person_id else None
    return person.display_name if person else "—"


async def _status(ctx: Context, case: CaseRecord) -> Text:
    if case.status == OPEN and case.confirmed_at is None:
        return _("waiting to be picked up; still being described")
    if case.status == OPEN:
        return _("waiting to be picked up")
    if case.status == ACKNOWLEDGED:
        return _("picked up by {name}", name=await _name(ctx, case.handler_id))
    return verbatim(case.status)


async def start(ctx: Context, _arg: str) -> None:
    """`/cases`: a key person's own cases; a confidant's open cases, urgent first."""
    own = helping = []
    if KEY_PERSON in ctx.person.roles:
        own = await ctx.uow.cases.of_key_person(ctx.person.id, limit=MAX_LISTED)
    if CONFIDANT in ctx.person.roles:
        helping = await ctx.uow.cases.for_helper(ctx.person.id, NOT_CLOSED, limit=MAX_LISTED)
    if not own and not helping:
        ctx.reply(_("There are no cases for you yet."), ctx.menu())
        return
    if own:
        lines = [await _line(ctx, case, with_name=False) for case in own]
        menu = () if helping else ctx.menu()
        ctx.reply(_("Concerns you logged:\n{lines}", lines=lines), menu, protect=True)
    if helping:
        lines = [await _line(ctx, case, with_name=True) for case in helping]
        buttons = tuple(
            (Button(_("Open {ref}", ref=case.reference), f"case:open:{case.reference}"),)
            for case in helping
        )
        ctx.reply(_("Open cases:\n{lines}", lines=lines), buttons, protect=True)


async def _line(ctx: Context, case: CaseRecord, *, with_name: bool) -> Text:
    status = await _status(ctx, case)
    if with_name:
        name = await _name(ctx, case.key_person_id)
        return _(
            "{ref} · {date} · from {name} · {status}",
            ref=case_label(case),
            date=case.created_at,
            name=name,
            status=status,
        )
    return _("{ref} · {date} · {status}", ref=case_label(case), date=case.created_at, status=status)
