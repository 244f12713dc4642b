"""A coordinator passes an escalated case on to another confidant of the organisation.

The case becomes open again with the new confidant as its confidant: they are
alerted at once and the escalation chain starts again for them (reminder, the
key person's backup, the coordinators). Whoever handled it before is told; the
key person hears, as always, when the new confidant picks it up. A pending
follow-up is dropped: the new confidant decides anew.

Its steps are drawn in docs/dialogues.md, generated from `REASSIGN`.
"""

from __future__ import annotations

from dataclasses import dataclass

from flows.cases import escalation, followup
from flows.cases.casefile import CLOSED
from flows.core.context import Choice, Context
from flows.core.dialogue import END, STAY, Answer, Dialogue, Done, Next, Question, Step, begin
from flows.core.messages import _, verbatim
from flows.people.manage import NO_CONFIDANT, active_confidants
from flows.privacy import access
from storage.records import CaseRecord, PersonRecord


@dataclass
class ReassignDraft:
    ref: str


async def _candidates(ctx: Context, case: CaseRecord) -> list[PersonRecord]:
    """Active confidants of the case's organisation, but not who handles it now."""
    return [
        p
        for p in await active_confidants(ctx, case.organisation_id)
        if p.id not in (case.handler_id, case.key_person_id)
    ]


async def start(ctx: Context, case: CaseRecord, _extra: str = "") -> None:
    if not await _candidates(ctx, case):
        ctx.reply(NO_CONFIDANT, ctx.menu())
        return
    await begin(ctx, REASSIGN, ReassignDraft(case.reference))


async def _ask_pick(ctx: Context, draft: ReassignDraft) -> Question:
    case = await ctx.uow.cases.by_reference(draft.ref)
    candidates = await _candidates(ctx, case)
    choices = [[Choice(verbatim(p.display_name), "pick", str(p.id))] for p in candidates]
    choices.append([Choice(_("Cancel"), "cancel")])
    return Question(_("Who should take {ref} over?", ref=draft.ref), choices)


async def _cancel(ctx: Context, _draft: ReassignDraft, _arg: str) -> Next:
    ctx.reply(_("Nothing was changed."), ctx.menu())
    return Done()


async def _pick(ctx: Context, draft: ReassignDraft, arg: str) -> Next:
    """The case is checked again: it may have been closed or passed on meanwhile."""
    case = await access.reload(ctx, draft.ref, access.may_reassign)
    if case is None:
        return Done()
    chosen = next((p for p in await _candidates(ctx, case) if str(p.id) == arg), None)
    if chosen is None:
        ctx.use_buttons()
        return STAY
    if case.status == CLOSED:
        ctx.reply(_("Case {ref} is closed.", ref=case.reference), ctx.menu())
        return Done()
    await _pass_on(ctx, case, chosen)
    return Done()


REASSIGN = Dialogue(
    "reassign",
    ReassignDraft,
    steps=(
        Step(
            "pick",
            ask=_ask_pick,
            buttons={
                "pick": Answer(_pick, to=(END,), label="a confidant (passed on, chain restarts)"),
                "cancel": Answer(_cancel, to=(END,), label="cancel"),
            },
        ),
    ),
    title="Pass on to another confidant",
)
NAME = REASSIGN.name


async def _pass_on(ctx: Context, case: CaseRecord, chosen: PersonRecord) -> None:
    before = case.handler_id
    await followup.cancel(ctx, case)
    case = await ctx.uow.cases.reassign(case.id, chosen.id)
    await ctx.uow.cases.record(
        case.id, "reassigned", now=ctx.now, actor_id=ctx.person.id, target_id=chosen.id
    )
    await escalation.restart(ctx, case)
    if before and before not in (ctx.person.id, chosen.id):
        await ctx.notify(
            before,
            _(
                "{name} passed {ref} on to {other}.",
                name=ctx.person.display_name,
                ref=case.reference,
                other=chosen.display_name,
            ),
        )
    ctx.reply(
        _(
            "{ref} is passed on to {name}; they have been alerted.",
            ref=case.reference,
            name=chosen.display_name,
        ),
        ctx.menu(),
    )
