"""The outbox: messages for other people, written with the change that caused them."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.ext.asyncio import AsyncSession

from storage.crypto import Cipher
from storage.models import OutboxMessage, Person
from storage.records import OutboxRecord


class OutboxRepository:
    def __init__(self, session: AsyncSession, cipher: Cipher) -> None:
        self._s = session
        self._cipher = cipher

    async def add(self, person_id: int, payload: dict[str, Any], *, now: datetime) -> int:
        row = OutboxMessage(
            person_id=person_id,
            payload=self._cipher.encrypt_json(payload),
            next_attempt_at=now,
            created_at=now,
        )
        self._s.add(row)
        await self._s.flush()
        return row.id

    async def due(self, *, now: datetime, limit: int = 50) -> list[OutboxRecord]:
        rows = await self._s.execute(
            select(OutboxMessage, Person.telegram_id, Person.locale)
            .outerjoin(Person, Person.id == OutboxMessage.person_id)
            .where(OutboxMessage.status == "pending", OutboxMessage.next_attempt_at <= now)
            .order_by(OutboxMessage.next_attempt_at, OutboxMessage.id)
            .limit(limit)
        )
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

    async def mark_sent(self, message_id: int, *, now: datetime, telegram_message_id: int) -> None:
        row = await self._s.get(OutboxMessage, message_id)
        if row is not None:
            row.status, row.sent_at, row.attempts = "sent", now, row.attempts + 1
            row.telegram_message_id = telegram_message_id

    async def retry_later(self, message_id: int, *, at: datetime, error: str) -> None:
        row = await self._s.get(OutboxMessage, message_id)
        if row is not None:
            row.attempts += 1
            row.next_attempt_at, row.error = at, error

    async def give_up(self, message_id: int, *, status: str, error: str) -> None:
        """End delivery: `unreachable` (blocked) or `dead` (Telegram refused the message)."""
        row = await self._s.get(OutboxMessage, message_id)
        if row is not None:
            row.status, row.error, row.attempts = status, error, row.attempts + 1

    async def count(self, status: str = "pending") -> int:
        return (
            await self._s.scalar(
                select(func.count())
                .select_from(OutboxMessage)
                .where(OutboxMessage.status == status)
            )
            or 0
        )
