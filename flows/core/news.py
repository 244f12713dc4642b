"""Non-urgent news for coordinators and confidants: answers to an invitation, a
delivery report, an overdue list, unanswered check-ins. Urgent alerts never come here;
they are queued at once with `Context.notify`."""

from __future__ import annotations

from datetime import datetime

from flows.core.messages import Reply, Text, to_json
from flows.core.ports import Storage


async def tell(uow: Storage, person_id: int, text: Text, *, now: datetime) -> None:
    """Queue a piece of news for someone."""
    await uow.outbox.add(person_id, to_json(Reply(text)), now=now)
