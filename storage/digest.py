"""The daily digest: non-urgent news held for someone until their hour (`flows.core.news`)."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy import delete, select
from sqlalchemy.ext.asyncio import AsyncSession

from storage.crypto import Cipher
from storage.models import DigestItem


class DigestRepository:
    def __init__(self, session: AsyncSession, cipher: Cipher) -> None:
        self._s = session
        self._cipher = cipher

    async def hold(self, person_id: int, payload: dict[str, Any], *, now: datetime) -> int:
        """Keep a message (encrypted, like the outbox) for the person's next digest."""
        row = DigestItem(
            person_id=person_id, payload=self._cipher.encrypt_json(payload), created_at=now
        )
        self._s.add(row)
        await self._s.flush()
        return row.id

    async def take(self, person_id: int) -> list[dict[str, Any]]:
        """Everything held for the person, oldest first, and gone from the table: in the
        transaction that sends it, so an item is sent once or stays."""
        rows = (
            await self._s.execute(
                select(DigestItem.id, DigestItem.payload)
                .where(DigestItem.person_id == person_id)
                .order_by(DigestItem.id)
            )
        ).all()
        if rows:
            await self._s.execute(delete(DigestItem).where(DigestItem.id.in_([r.id for r in rows])))
        return [self._cipher.decrypt_json(payload) for _id, payload in rows]
