"""Broadcasts and their recipients; title, text, versions and place are encrypted here."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import datetime

from sqlalchemy import insert, select, update
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
        author_id: int | None,
        kind: str,
        title: str,
        text: str,
        versions: dict[str, str],
        place: str | None,
        starts_at: datetime | None,
        capacity: int | None,
        audience: str,
        send_at: datetime | None,
        now: datetime,
    ) -> int:
        """A broadcast, `scheduled` until its recipients are added (`sent`)."""
        encrypt = self._cipher.encrypt
        row = Broadcast(
            organisation_id=organisation_id,
            author_id=author_id,
            kind=kind,
            title=encrypt(title),
            text=encrypt(text),
            versions=self._cipher.encrypt_json(versions) if versions else None,
            place=encrypt(place) if place else None,
            starts_at=starts_at,
            capacity=capacity,
            audience=audience,
            send_at=send_at,
            status="scheduled",
            created_at=now,
        )
        self._s.add(row)
        await self._s.flush()
        return row.id

    async def add_recipients(self, broadcast_id: int, person_ids: Iterable[int]) -> None:
        """One row per recipient (the key is the broadcast and the person), in the
        transaction that queues their messages: a crash sends to all or to none."""
        rows = [{"broadcast_id": broadcast_id, "person_id": p} for p in dict.fromkeys(person_ids)]
        for start in range(0, len(rows), 500):
            await self._s.execute(insert(BroadcastRecipient), rows[start : start + 500])
        await self.set_status(broadcast_id, "sent")

    async def get(self, broadcast_id: int) -> BroadcastRecord | None:
        row = await self._s.get(Broadcast, broadcast_id)
        if row is None:
            return None
        recipients = list(
            await self._s.scalars(
                select(BroadcastRecipient)
                .where(BroadcastRecipient.broadcast_id == broadcast_id)
                .order_by(BroadcastRecipient.person_id)
            )
        )
        waiting = sorted(
            (r for r in recipients if r.answer == "wait"),
            key=lambda r: (r.waiting_since, r.person_id),
        )
        decrypt = self._cipher.decrypt
        return BroadcastRecord(
            id=row.id,
            organisation_id=row.organisation_id,
            author_id=row.author_id,
            kind=row.kind,
            title=decrypt(row.title),
            text=decrypt(row.text),
            place=decrypt(row.place) if row.place else None,
            starts_at=row.starts_at,
            audience=row.audience,
            status=row.status,
            answers={r.person_id: r.answer for r in recipients},
            versions=self._cipher.decrypt_json(row.versions) if row.versions else {},
            capacity=row.capacity,
            send_at=row.send_at,
            waiting=tuple(r.person_id for r in waiting),
            offered={r.person_id: r.offered_until for r in recipients if r.answer == "offered"},
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
        self,
        broadcast_id: int,
        person_id: int,
        answer: str | None,
        *,
        now: datetime,
        offered_until: datetime | None = None,
    ) -> bool:
        """Keep an answer; joining the waiting list stamps the moment, for its order."""
        result = await self._s.execute(
            update(BroadcastRecipient)
            .where(
                BroadcastRecipient.broadcast_id == broadcast_id,
                BroadcastRecipient.person_id == person_id,
            )
            .values(
                answer=answer,
                answered_at=now,
                waiting_since=now if answer == "wait" else None,
                offered_until=offered_until,
            )
        )
        return result.rowcount == 1

    async def set_status(self, broadcast_id: int, status: str) -> None:
        await self._s.execute(
            update(Broadcast).where(Broadcast.id == broadcast_id).values(status=status)
        )
