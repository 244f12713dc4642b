"""The inbox: raw updates kept (encrypted) only until they are processed."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy import func, select, update
from sqlalchemy.ext.asyncio import AsyncSession

from storage.crypto import Cipher
from storage.models import InboxUpdate

MAX_ATTEMPTS = 5


class InboxRepository:
    def __init__(self, session: AsyncSession, cipher: Cipher) -> None:
        self._s = session
        self._cipher = cipher

    async def add(self, update_id: int, payload: dict[str, Any], *, now: datetime) -> bool:
        """Store an update once; False when that update_id was already stored."""
        if await self._s.get(InboxUpdate, update_id) is not None:
            return False
        self._s.add(
            InboxUpdate(
                update_id=update_id,
                payload=self._cipher.encrypt_json(payload),
                received_at=now,
            )
        )
        await self._s.flush()
        return True

    async def next_offset(self) -> int:
        """The getUpdates offset that confirms everything already stored."""
        highest = await self._s.scalar(select(func.max(InboxUpdate.update_id)))
        return 0 if highest is None else highest + 1

    async def pending(self, limit: int = 100) -> list[tuple[int, dict[str, Any]]]:
        rows = await self._s.scalars(
            select(InboxUpdate)
            .where(InboxUpdate.status == "pending")
            .order_by(InboxUpdate.update_id)
            .limit(limit)
        )
        return [(r.update_id, self._cipher.decrypt_json(r.payload)) for r in rows if r.payload]

    async def count_pending(self) -> int:
        return (
            await self._s.scalar(
                select(func.count()).select_from(InboxUpdate).where(InboxUpdate.status == "pending")
            )
            or 0
        )

    async def begin_attempt(self, update_id: int) -> int:
        """Count one more processing attempt; after too many the update is set aside."""
        row = await self._s.get(InboxUpdate, update_id)
        if row is None:
            return 0
        row.attempts += 1
        if row.attempts > MAX_ATTEMPTS:
            row.status, row.payload = "failed", None
        await self._s.flush()
        return row.attempts

    async def mark_done(self, update_id: int, *, now: datetime) -> None:
        """Mark processed and drop the raw payload: only the id stays, for de-duplication."""
        await self._s.execute(
            update(InboxUpdate)
            .where(InboxUpdate.update_id == update_id)
            .values(status="done", payload=None, processed_at=now)
        )
