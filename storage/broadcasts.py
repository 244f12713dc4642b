"""Broadcasts and their recipients; title, text and place are encrypted here."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import datetime

from sqlalchemy import select, update
from sqlalchemy.ext.asyncio import AsyncSession

from storage.crypto import Cipher
from storage.models import Broadcast, BroadcastRecipient
from storage.records import BroadcastRecord


class BroadcastRepository:
    def __init__(self, session: AsyncSession, cipher: Cipher) -> None:
        self._s = session
        self._cipher = cipher

    async def add(
        self,
        *,
        organisation_id: int,
        author_id: int,
        kind: str,
        title: str,
        text: str,
        place: str | None,
        starts_at: datetime | None,
        audience: str,
        recipients: Iterable[int],
        now: datetime,
    ) -> BroadcastRecord:
        """The broadcast and one row per recipient, in one transaction with the messages
        the caller queues: a crash sends it all or nothing, and nobody twice."""
        encrypt = self._cipher.encrypt
        row = Broadcast(
            organisation_id=organisation_id,
            author_id=author_id,
            kind=kind,
            title=encrypt(title),
            text=encrypt(text),
            place=encrypt(place) if place else None,
            starts_at=starts_at,
            audience=audience,
            status="sent",
            created_at=now,
        )
        self._s.add(row)
        await self._s.flush()
        for person_id in dict.fromkeys(recipients):
            self._s.add(BroadcastRecipient(broadcast_id=row.id, person_id=person_id))
        await self._s.flush()
        return await self.get(row.id)

    async def get(self, broadcast_id: int) -> BroadcastRecord | None:
        row = await self._s.get(Broadcast, broadcast_id)
        if row is None:
            return None
        answers = await self._s.execute(
            select(BroadcastRecipient.person_id, BroadcastRecipient.answer)
            .where(BroadcastRecipient.broadcast_id == broadcast_id)
            .order_by(BroadcastRecipient.person_id)
        )
        decrypt = self._cipher.decrypt
        return BroadcastRecord(
            row.id,
            row.organisation_id,
            row.author_id,
            row.kind,
            decrypt(row.title),
            decrypt(row.text),
            decrypt(row.place) if row.place else None,
            row.starts_at,
            row.audience,
            row.status,
            {r.person_id: r.answer for r in answers},
        )

    async def recent(self, organisation_id: int, *, limit: int = 5) -> list[BroadcastRecord]:
        ids = await self._s.scalars(
            select(Broadcast.id)
            .where(Broadcast.organisation_id == organisation_id)
            .order_by(Broadcast.id.desc())
            .limit(limit)
        )
        return [await self.get(broadcast_id) for broadcast_id in ids]

    async def answer(
        self, broadcast_id: int, person_id: int, answer: str, *, now: datetime
    ) -> bool:
        result = await self._s.execute(
            update(BroadcastRecipient)
            .where(
                BroadcastRecipient.broadcast_id == broadcast_id,
                BroadcastRecipient.person_id == person_id,
            )
            .values(answer=answer, answered_at=now)
        )
        return result.rowcount == 1

    async def cancel(self, broadcast_id: int) -> None:
        await self._s.execute(
            update(Broadcast).where(Broadcast.id == broadcast_id).values(status="cancelled")
        )
