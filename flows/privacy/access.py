"""Who may do what with a case: every rule in one place, every refusal recorded.

- A key person: their own cases — open, message their confidant, add an update,
  clear the concern from their chat.
- A confidant: the cases of key persons assigned to them (the case's confidant)
  and the cases escalated or reassigned to them (an "alerted" entry).
- A coordinator: a case only once it was escalated to them; then they may also
  pass it on to another confidant.
- Messages, assessments and decisions belong to whoever handles the case (before
  anyone picked it up, the case's confidant may already talk with the key person).

Everyone else gets "not available" — the same answer as for a reference that does
not exist, so nothing is given away — and the attempt goes into the chronology.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable

from flows.core.context import Context
from flows.core.messages import _
from flows.core.roles import COORDINATOR
from storage.records import CaseRecord

NOT_AVAILABLE = _("This case is not available to you.")

Check = Callable[[Context, CaseRecord], Awaitable[bool]]


async def may_see(ctx: Context, case: CaseRecord) -> bool:
    """The key person, the assigned confidant, the handler, and whoever it was sent to."""
    me = ctx.person.id
    if me in (case.key_person_id, case.confidant_id, case.handler_id):
        return True
    return me in await ctx.uow.cases.alerted(case.id)


async def may_help(ctx: Context, case: CaseRecord) -> bool:
    """Someone on the helping side: may see it, and is not the key person."""
    return ctx.person.id != case.key_person_id and await may_see(ctx, case)


async def is_handler(ctx: Context, case: CaseRecord) -> bool:
    return case.handler_id is not None and ctx.person.id == case.handler_id


async def is_key_person(ctx: Context, case: CaseRecord) -> bool:
    return case.key_person_id is not None and ctx.person.id == case.key_person_id


def counterpart_id(case: CaseRecord) -> int | None:
    """Whom the key person talks with: the handler, or before that the case's confidant."""
    return case.handler_id or case.confidant_id


async def may_talk(ctx: Context, case: CaseRecord) -> bool:
    """The key person and their counterpart, nobody else."""
    return await is_key_person(ctx, case) or ctx.person.id == counterpart_id(case)


async def may_reassign(ctx: Context, case: CaseRecord) -> bool:
    """A coordinator of the case's organisation to whom the case was escalated."""
    coordinator = any(
        m.role == COORDINATOR and m.organisation_id == case.organisation_id
        for m in ctx.person.memberships
    )
    return coordinator and ctx.person.id in await ctx.uow.cases.alerted(case.id)


async def deny(ctx: Context, case: CaseRecord | None) -> None:
    """Say "not available"; an attempt on a case that exists is recorded."""
    if case is not None:
        await ctx.uow.cases.record(case.id, "denied", now=ctx.now, actor_id=ctx.person.id)
    ctx.reply(NOT_AVAILABLE)


async def reload(ctx: Context, reference: str, check: Check) -> CaseRecord | None:
    """The case as it is now, when the person may still act on it (things change while a
    conversation is open: a case is reassigned, a key person leaves)."""
    case = await ctx.uow.cases.by_reference(reference)
    if case is None or not await check(ctx, case):
        ctx.finish()
        await deny(ctx, case)
        return None
    return case
