"""The audit trail: who did what to which subject, and when. Never content."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from storage.models import AuditEvent
from storage.records import AuditRecord


class AuditRepository:
    def __init__(self, session: AsyncSession) -> None:
        self._s = session

    async def record(
        self,
        action: str,
        *,
        now: datetime,
        actor_id: int | None = None,
        subject: str = "",
        organisation_id: int | None = None,
    ) -> None:
        self._s.add(
            AuditEvent(
                at=now,
                actor_id=actor_id,
                action=action,
                subject=subject,
                organisation_id=organisation_id,
            )
        )

    async def by_actor(self, person_id: int) -> list[AuditRecord]:
        rows = await self._s.scalars(
            select(AuditEvent).where(AuditEvent.actor_id == person_id).order_by(AuditEvent.id)
        )
        return [AuditRecord(r.at, r.actor_id, r.action, r.subject) for r in rows]

    async def for_subject(self, subject: str) -> list[AuditRecord]:
        rows = await self._s.scalars(
            select(AuditEvent).where(AuditEvent.subject == subject).order_by(AuditEvent.id)
        )
        return [AuditRecord(r.at, r.actor_id, r.action, r.subject) for r in rows]
