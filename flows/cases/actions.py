"""Every case button, `case:<action>:<reference>[:<extra>]`: what it starts, once
`flows.cases.permissions` says who may press it in which state of the case.

These buttons are global, not tied to a conversation, so an alert or an opened
case from last week still works, and a second tap is harmless. That is also why
each one is checked here, against the rules of `flows.privacy.access`, every time: a
forged button gets "not available", and the attempt is recorded. A button that
is allowed but comes too late (the case was closed meanwhile) says so.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable

from flows.cases import add_update, assessment, chronology, decision, news, reassign, service, talk
from flows.cases.casefile import CLOSED
from flows.cases.permissions import PERMISSIONS
from flows.core.context import Context
from flows.core.messages import Text, _
from flows.privacy import access, cleanphone
from storage.records import CaseRecord

Run = Callable[[Context, CaseRecord, str], Awaitable[None]]

RUNS: dict[str, Run] = {
    "open": service.open_case,
    "news": news.show,
    "ack": service.acknowledge,
    "log": chronology.show,
    "msg": talk.start,
    "assess": assessment.start,
    "decide": decision.start,
    "update": add_update.start,
    "reassign": reassign.start,
    "clean": cleanphone.clear,
    "tidy": cleanphone.tidy,
}
FLOWS = (talk.TALK, assessment.ASSESS, decision.DECIDE, add_update.ADD_UPDATE, reassign.REASSIGN)


async def on_button(ctx: Context, rest: str) -> None:
    """`open:K7F3`, `msg:K7F3`, `clean:K7F3:118` ..., checked against who may do it."""
    action, _sep, tail = rest.partition(":")
    reference, _sep, extra = tail.partition(":")
    case = await ctx.uow.cases.by_reference(reference) if reference else None
    if case is None or action not in RUNS:
        await access.deny(ctx, None)
        return
    permission = PERMISSIONS[action]
    if not await permission.allowed(ctx, case):
        await access.deny(ctx, case)
    elif case.status not in permission.statuses:
        ctx.reply(_too_late(case))
    else:
        await RUNS[action](ctx, case, extra)


def _too_late(case: CaseRecord) -> Text:
    if case.status == CLOSED:
        return _("Case {ref} is closed.", ref=case.reference)
    return _("This is not possible for {ref} at the moment.", ref=case.reference)
