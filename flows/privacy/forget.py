"""`/forget`: a person erases their own data, after saying so twice.

Their open cases are not lost with them: a key person's open cases stay with
the confidant and the organisation, shown as "former key person"; a
confidant's open cases lose their confidant, so the escalation chain takes
them to the backup and the coordinators, who are told. Then the person row
goes (with roles, queued messages and any open conversation); cases keep only
that someone, no longer known, was involved.

Its steps are drawn in docs/dialogues.md, generated from `FORGET`.
"""

from __future__ import annotations

from dataclasses import dataclass

from flows.cases.casefile import NOT_CLOSED
from flows.core.context import Choice, Context
from flows.core.dialogue import END, Answer, Dialogue, Done, Next, Question, Step, begin
from flows.core.messages import Inline, _
from flows.core.roles import COORDINATOR


@dataclass
class ForgetDraft:
    pass


async def start(ctx: Context, _arg: str) -> None:
    await begin(ctx, FORGET, ForgetDraft())


def _ask_confirm(_ctx: Context, _draft: ForgetDraft) -> Question:
    return Question(
        _(
            "Do you want Sleutel to erase everything it keeps about you? This cannot be "
            "undone. Your open concerns stay with your confidant, without your name."
        ),
        [[Choice(_("Yes, erase my data"), "erase")], [Choice(_("No, keep it"), "keep")]],
    )


async def _keep(ctx: Context, _draft: ForgetDraft, _arg: str) -> Next:
    ctx.reply(_("Nothing was erased."), ctx.menu())
    return Done()


async def _erase(ctx: Context, _draft: ForgetDraft, _arg: str) -> Next:
    """Tell whoever must pick up the open cases, then delete the person."""
    person = ctx.person
    open_cases = [
        case
        for case in await ctx.uow.cases.for_helper(person.id, NOT_CLOSED, limit=1000)
        + await ctx.uow.cases.of_key_person(person.id, limit=1000)
        if case.status in NOT_CLOSED
    ]
    references = Inline(tuple(sorted({case.reference for case in open_cases})))
    to_tell = {case.handler_id or case.confidant_id for case in open_cases}
    for membership in person.memberships:
        to_tell |= {
            c.id
            for c in await ctx.uow.people.in_organisation(membership.organisation_id, COORDINATOR)
        }
    for case in open_cases:
        await ctx.uow.cases.record(case.id, "participant_left", now=ctx.now)
    if open_cases:
        for other in to_tell - {None, person.id}:
            await ctx.notify(
                other,
                _(
                    "{name} has left Sleutel and erased their data. Their open cases stay: "
                    "{references}. Please check who picks them up.",
                    name=person.display_name,
                    references=references,
                ),
            )
    await ctx.uow.visits.delete_of(person.id)  # with their notes: nothing stays of them
    await ctx.uow.retention.delete_people([(person.id, person.telegram_id)])
    await ctx.uow.audit.record("person.erased", now=ctx.now)
    ctx.person = None
    ctx.reply(
        _(
            "Your data has been erased. Thank you for everything you did. "
            "You can delete this chat now."
        )
    )
    return Done()


FORGET = Dialogue(
    "forget",
    ForgetDraft,
    steps=(
        Step(
            "confirm",
            ask=_ask_confirm,
            buttons={
                "keep": Answer(_keep, to=(END,), label="keep my data"),
                "erase": Answer(_erase, to=(END,), label="erase (others told, data deleted)"),
            },
        ),
    ),
    title="/forget",
)
NAME = FORGET.name
