"""Messages that showed a case's details in someone's chat (ids only, never content)."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import delete, select
from sqlalchemy.ext.asyncio import AsyncSession

from storage.models import Case, ShownMessage


class ShownMessageRepository:
    def __init__(self, session: AsyncSession) -> None:
        self._s = session

    async def add(self, person_id: int, reference: str, message_id: int, *, now: datetime) -> None:
        case_id = await self._s.scalar(select(Case.id).where(Case.reference == reference))
        if case_id is not None:
            self._s.add(
                ShownMessage(
                    person_id=person_id, case_id=case_id, message_id=message_id, created_at=now
                )
            )

    async def readers(self, case_id: int) -> set[int]:
        """Everyone who has messages about this case in their chat."""
        rows = await self._s.scalars(
            select(ShownMessage.person_id).where(ShownMessage.case_id == case_id).distinct()
        )
        return set(rows)

    async def take(self, case_id: int, person_id: int) -> list[int]:
        """The message ids in this person's chat about the case, forgotten as they are taken."""
        where = (ShownMessage.case_id == case_id, ShownMessage.person_id == person_id)
        ids = list(await self._s.scalars(select(ShownMessage.message_id).where(*where)))
        await self._s.execute(delete(ShownMessage).where(*where))
        return ids
