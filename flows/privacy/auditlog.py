"""`/audit`: a coordinator reads who opened or changed a case of their organisation,
and when — the access log, never its content (handbook: access is accountable).

```mermaid
stateDiagram-v2
    [*] --> reference: /audit
    reference --> reference: unknown reference
    reference --> [*]: access log shown
    [*] --> [*]: /audit K7F3
```
"""

from __future__ import annotations

from flows.cases import chronology
from flows.core.context import Context
from flows.core.messages import _
from flows.core.roles import COORDINATOR
from flows.privacy import access

NAME = "audit"


async def start(ctx: Context, arg: str) -> None:
    if arg:
        await _show(ctx, arg)
        return
    ctx.ask(NAME, "reference", _("Which case? Send its reference, for example K7F3."), draft={})


async def on_text(ctx: Context) -> None:
    await _show(ctx, ctx.event.text)


async def _show(ctx: Context, text: str) -> None:
    """Only coordinators of the case's own organisation; anyone else is refused."""
    case = await ctx.uow.cases.by_reference(text.strip().upper()[:8])
    mine = case is not None and any(
        m.role == COORDINATOR and m.organisation_id == case.organisation_id
        for m in ctx.person.memberships
    )
    ctx.finish()
    if not mine:
        await access.deny(ctx, case)
        return
    await chronology.access_log(ctx, case)
