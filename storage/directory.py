"""The organisation's directory of professionals, by kind. Public contact details of
organisations, not people the bot serves, so nothing here is encrypted."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import delete, select
from sqlalchemy.ext.asyncio import AsyncSession

from storage.models import DirectoryEntry
from storage.records import DirectoryRecord


class DirectoryRepository:
    def __init__(self, session: AsyncSession) -> None:
        self._s = session

    async def add(
        self, organisation_id: int, *, kind: str, name: str, phone: str, now: datetime
    ) -> DirectoryRecord:
        row = DirectoryEntry(
            organisation_id=organisation_id, kind=kind, name=name, phone=phone, created_at=now
        )
        self._s.add(row)
        await self._s.flush()
        return _record(row)

    async def entries(self, organisation_id: int, kind: str | None = None) -> list[DirectoryRecord]:
        query = select(DirectoryEntry).where(DirectoryEntry.organisation_id == organisation_id)
        if kind is not None:
            query = query.where(DirectoryEntry.kind == kind)
        rows = await self._s.scalars(
            query.order_by(DirectoryEntry.kind, DirectoryEntry.name, DirectoryEntry.id)
        )
        return [_record(r) for r in rows]

    async def remove(self, organisation_id: int, entry_id: int) -> bool:
        """Only an entry of this organisation; False when there is none."""
        result = await self._s.execute(
            delete(DirectoryEntry).where(
                DirectoryEntry.id == entry_id, DirectoryEntry.organisation_id == organisation_id
            )
        )
        return result.rowcount == 1


def _record(row: DirectoryEntry) -> DirectoryRecord:
    return DirectoryRecord(row.id, row.organisation_id, row.kind, row.name, row.phone)
