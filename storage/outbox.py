"""The outbox: messages for other people, written with the change that caused them."""

from __future__ import annotations

from datetime import datetime, timedelta
from typing import Any

from sqlalchemy import func, select, update
from sqlalchemy.ext.asyncio import AsyncSession
from sqlalchemy.orm import aliased

from storage.claims import claim, release, release_all
from storage.crypto import Cipher
from storage.models import OutboxMessage, Person
from storage.records import OutboxRecord

LEASE = timedelta(minutes=2)


class OutboxRepository:
    def __init__(self, session: AsyncSession, cipher: Cipher, *, skip_locked: bool) -> None:
        self._s = session
        self._cipher = cipher
        self._skip_locked = skip_locked

    async def add(
        self, person_id: int, payload: dict[str, Any], *, now: datetime, topic: str | None = None
    ) -> int:
        """Queue a message; with a `topic` (a broadcast), at most one per person: a second
        one breaks a unique index and with it the transaction that tried."""
        row = OutboxMessage(
            person_id=person_id,
            payload=self._cipher.encrypt_json(payload),
            next_attempt_at=now,
            created_at=now,
            topic=topic,
        )
        self._s.add(row)
        await self._s.flush()
        self._s.info["outbox_queued"] = True  # the dispatcher is woken after the commit
        return row.id

    async def pending(self, *, limit: int = 1000) -> list[OutboxRecord]:
        """What waits to be delivered, oldest first, without claiming it (to inspect)."""
        rows = await self._s.execute(
            select(OutboxMessage, Person.telegram_id, Person.locale)
            .outerjoin(Person, Person.id == OutboxMessage.person_id)
            .where(OutboxMessage.status == "pending")
            .order_by(OutboxMessage.next_attempt_at, OutboxMessage.id)
            .limit(limit)
        )
        return self._records(rows)

    async def release_all(self) -> None:
        """Free what a stopped process had claimed (see `storage.claims.release_all`)."""
        await release_all(self._s, table=OutboxMessage)

    async def claim_due(self, *, now: datetime, limit: int = 50) -> list[OutboxRecord]:
        """Claim messages that are due, oldest first (see `storage.claims`); a claimed
        message is not sent by another worker until its lease runs out. Only a person's
        oldest waiting message can be claimed, so they arrive in the order they were
        written, also with several workers (one a round suits Telegram's pace of about
        one message a second in a chat)."""
        earlier = aliased(OutboxMessage)
        candidates = (
            select(OutboxMessage.id)
            .where(
                OutboxMessage.status == "pending",
                OutboxMessage.next_attempt_at <= now,
                ~select(earlier.id)
                .where(
                    earlier.status == "pending",
                    earlier.person_id == OutboxMessage.person_id,
                    earlier.id < OutboxMessage.id,
                )
                .exists(),
            )
            .order_by(OutboxMessage.next_attempt_at, OutboxMessage.id)
            .limit(limit)
        )
        ids = await claim(
            self._s,
            candidates,
            table=OutboxMessage,
            key=OutboxMessage.id,
            now=now,
            lease=LEASE,
            skip_locked=self._skip_locked,
        )
        if not ids:
            return []
        rows = await self._s.execute(
            select(OutboxMessage, Person.telegram_id, Person.locale)
            .outerjoin(Person, Person.id == OutboxMessage.person_id)
            .where(OutboxMessage.id.in_(ids))
            .order_by(OutboxMessage.next_attempt_at, OutboxMessage.id)
        )
        return self._records(rows)

    def _records(self, rows) -> list[OutboxRecord]:
        """`attempts` counts the claims so far, this one included."""
        return [
            OutboxRecord(
                id=msg.id,
                person_id=msg.person_id,
                telegram_id=telegram_id,
                locale=locale or "nl",
                payload=self._cipher.decrypt_json(msg.payload),
                attempts=msg.attempts,
            )
            for msg, telegram_id, locale in rows
        ]

    async def release(self, message_id: int, *, at: datetime) -> None:
        """Not sent this round (the chat had a message a moment ago): free it from `at`."""
        await release(self._s, table=OutboxMessage, key=OutboxMessage.id, value=message_id, at=at)

    async def mark_sent(self, message_id: int, *, now: datetime, telegram_message_id: int) -> None:
        """Telegram accepted it: one statement, so the window for a duplicate stays small."""
        await self._s.execute(
            update(OutboxMessage)
            .where(OutboxMessage.id == message_id)
            .values(status="sent", sent_at=now, telegram_message_id=telegram_message_id)
        )

    async def retry_later(self, message_id: int, *, at: datetime, error: str) -> None:
        await self._s.execute(
            update(OutboxMessage)
            .where(OutboxMessage.id == message_id)
            .values(next_attempt_at=at, claimed_until=None, error=error)
        )

    async def give_up(self, message_id: int, *, status: str, error: str) -> None:
        """End delivery: `unreachable` (blocked) or `dead` (Telegram refused the message)."""
        await self._s.execute(
            update(OutboxMessage)
            .where(OutboxMessage.id == message_id)
            .values(status=status, error=error)
        )

    async def held(self, person_id: int, telegram_message_id: int) -> dict[str, Any] | None:
        """The message a case notice sent to this person held back (see `Context.notify`),
        while the sent notice is kept."""
        payload = await self._s.scalar(
            select(OutboxMessage.payload).where(
                OutboxMessage.person_id == person_id,
                OutboxMessage.telegram_message_id == telegram_message_id,
                OutboxMessage.status == "sent",
            )
        )
        return None if payload is None else self._cipher.decrypt_json(payload).get("held")

    async def delivery(self, topic: str) -> dict[str, list[int]]:
        """Who a topic's messages went to, by status (pending, sent, unreachable, dead)."""
        rows = await self._s.execute(
            select(OutboxMessage.status, OutboxMessage.person_id)
            .where(OutboxMessage.topic == topic)
            .order_by(OutboxMessage.id)
        )
        out: dict[str, list[int]] = {}
        for status, person_id in rows:
            out.setdefault(status, []).append(person_id)
        return out

    async def count(self, status: str = "pending") -> int:
        return (
            await self._s.scalar(
                select(func.count())
                .select_from(OutboxMessage)
                .where(OutboxMessage.status == status)
            )
            or 0
        )

    async def oldest_pending(self) -> datetime | None:
        """When the longest-waiting undelivered message was queued (for `/healthz`)."""
        return await self._s.scalar(
            select(func.min(OutboxMessage.created_at)).where(OutboxMessage.status == "pending")
        )
