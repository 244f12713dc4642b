"""`/audit`: a coordinator reads who opened or changed a case of their organisation,
and when — the access log, never its content (handbook: access is accountable).

Its steps are drawn in docs/dialogues.md, generated from `AUDIT`.
"""

from __future__ import annotations

from dataclasses import dataclass

from flows.cases import chronology
from flows.core.context import Context
from flows.core.dialogue import END, Answer, Dialogue, Done, Next, Question, Step, begin
from flows.core.messages import _
from flows.core.roles import COORDINATOR
from flows.privacy import access


@dataclass
class AuditDraft:
    pass


async def start(ctx: Context, arg: str) -> None:
    """`/audit K7F3` shows at once; `/audit` asks which case."""
    if arg:
        await _show(ctx, arg)
        return
    await begin(ctx, AUDIT, AuditDraft())


async def _reference(ctx: Context, _draft: AuditDraft, text: str) -> Next:
    await _show(ctx, text)
    return Done()


async def _show(ctx: Context, text: str) -> None:
    """Only coordinators of the case's own organisation; anyone else is refused."""
    case = await ctx.uow.cases.by_reference(text.strip().upper()[:8])
    mine = case is not None and any(
        m.role == COORDINATOR and m.organisation_id == case.organisation_id
        for m in ctx.person.memberships
    )
    if not mine:
        await access.deny(ctx, case)
        return
    await chronology.access_log(ctx, case)


AUDIT = Dialogue(
    "audit",
    AuditDraft,
    steps=(
        Step(
            "reference",
            ask=lambda _ctx, _d: Question(_("Which case? Send its reference, for example K7F3.")),
            text=Answer(_reference, to=(END,), label="a reference (access log, or refused)"),
        ),
    ),
    title="/audit",
)
NAME = AUDIT.name
