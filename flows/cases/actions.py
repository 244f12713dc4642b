"""Every case button, `case:<action>:<reference>[:<extra>]`: who may press it, in
which state of the case, and what it starts.

These buttons are global, not tied to a conversation, so an alert or an opened
case from last week still works, and a second tap is harmless. That is also why
each one is checked here, against the rules of `flows.privacy.access`, every time: a
forged button gets "not available", and the attempt is recorded. A button that
is allowed but comes too late (the case was closed meanwhile) says so.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from dataclasses import dataclass

from flows.cases import add_update, assessment, chronology, decision, news, reassign, service, talk
from flows.cases.casefile import CLOSED, HANDLING, NOT_CLOSED
from flows.core.context import Context
from flows.core.messages import Text, _
from flows.privacy import access, cleanphone
from storage.records import CaseRecord

Run = Callable[[Context, CaseRecord, str], Awaitable[None]]
ANY = (*NOT_CLOSED, CLOSED)


@dataclass(frozen=True)
class Action:
    allowed: access.Check
    run: Run
    statuses: tuple[str, ...] = ANY


ACTIONS = {
    "open": Action(access.may_see, service.open_case),
    "news": Action(access.may_see, news.show),
    "ack": Action(access.may_help, service.acknowledge, NOT_CLOSED),
    "log": Action(access.may_help, chronology.show),
    "msg": Action(access.may_talk, talk.start, NOT_CLOSED),
    "assess": Action(access.is_handler, assessment.start, HANDLING),
    "decide": Action(access.is_handler, decision.start, HANDLING),
    "update": Action(access.is_key_person, add_update.start, NOT_CLOSED),
    "reassign": Action(access.may_reassign, reassign.start, NOT_CLOSED),
    "clean": Action(access.is_key_person, cleanphone.clear),
    "tidy": Action(access.may_see, cleanphone.tidy, (CLOSED,)),
}
FLOWS = (talk.TALK, assessment.ASSESS, decision.DECIDE, add_update.ADD_UPDATE, reassign.REASSIGN)


async def on_button(ctx: Context, rest: str) -> None:
    """`open:K7F3`, `msg:K7F3`, `clean:K7F3:118` ..., checked against who may do it."""
    action, _sep, tail = rest.partition(":")
    reference, _sep, extra = tail.partition(":")
    case = await ctx.uow.cases.by_reference(reference) if reference else None
    if case is None or action not in ACTIONS:
        await access.deny(ctx, None)
        return
    chosen = ACTIONS[action]
    if not await chosen.allowed(ctx, case):
        await access.deny(ctx, case)
    elif case.status not in chosen.statuses:
        ctx.reply(_too_late(case))
    else:
        await chosen.run(ctx, case, extra)


def _too_late(case: CaseRecord) -> Text:
    if case.status == CLOSED:
        return _("Case {ref} is closed.", ref=case.reference)
    return _("This is not possible for {ref} at the moment.", ref=case.reference)
