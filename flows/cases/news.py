"""What a case notice holds back until it is opened.

A message that reaches someone because of a case (a message about it, an update, a
decision) arrives as a notice that says only that there is something new, since a
phone shows notices on its lock screen. Its Open button (`case:news:K7F3`) shows the
message itself, found by the notice it was tapped on; once the sent message is no
longer kept (`flows.privacy.retention`), or for a forged button, the case itself is opened.
"""

from __future__ import annotations

from flows.cases import service
from flows.core.context import Context
from flows.core.messages import from_json
from storage.records import CaseRecord


async def show(ctx: Context, case: CaseRecord, _extra: str = "") -> None:
    held = None
    if ctx.event is not None and ctx.event.message_id is not None:
        held = await ctx.uow.outbox.held(ctx.person.id, ctx.event.message_id)
    if held is None or held.get("case") != case.reference:
        await service.open_case(ctx, case)
        return
    await ctx.uow.cases.record(case.id, "opened", now=ctx.now, actor_id=ctx.person.id)
    reply = from_json(held)
    ctx.reply(reply.text, reply.buttons, protect=True, shows_case=case.reference)
