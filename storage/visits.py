"""Visits with a safety timer and their chronology; the note is encrypted here."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy import bindparam, delete, exists, select, update
from sqlalchemy.ext.asyncio import AsyncSession

from storage import readahead
from storage.crypto import Cipher
from storage.models import Organisation, Visit, VisitEvent
from storage.records import VisitRecord
from storage.retention import delete_past_period

OPEN = ("running", "asking", "alerting")
# Asked for every text typed at the menu (the duress word): built once.
_OPEN_OF = (
    select(Visit)
    .where(Visit.key_person_id == bindparam("key_person_id"), Visit.status.in_(OPEN))
    .order_by(Visit.id.desc())
)
_OPEN_OF_ALL = select(Visit).where(
    Visit.key_person_id.in_(bindparam("key_person_ids", expanding=True)), Visit.status.in_(OPEN)
)


class VisitRepository:
    def __init__(self, session: AsyncSession, cipher: Cipher) -> None:
        self._s = session
        self._cipher = cipher

    async def add(
        self,
        *,
        reference: str,
        organisation_id: int,
        key_person_id: int,
        confidant_id: int | None,
        note: str | None,
        due_at: datetime,
        now: datetime,
    ) -> VisitRecord:
        row = Visit(
            reference=reference,
            organisation_id=organisation_id,
            key_person_id=key_person_id,
            confidant_id=confidant_id,
            note=self._cipher.encrypt(note) if note else None,
            status="running",
            stage=0,
            urgent=False,
            started_at=now,
            due_at=due_at,
        )
        self._s.add(row)
        await self._s.flush()
        return self._record(row)

    async def reference_taken(self, reference: str) -> bool:
        return bool(await self._s.scalar(select(exists().where(Visit.reference == reference))))

    async def by_reference(self, reference: str) -> VisitRecord | None:
        row = await self._s.scalar(select(Visit).where(Visit.reference == reference))
        return None if row is None else self._record(row)

    async def open_of(self, key_person_id: int) -> VisitRecord | None:
        """The key person's visit that is not over yet (at most one)."""
        known = readahead.get(self._s, "open_visit", key_person_id)
        if known is not readahead.MISSING:
            return known
        row = await self._s.scalar(_OPEN_OF, {"key_person_id": key_person_id})
        return None if row is None else self._record(row)

    async def read_ahead(self, key_person_ids: list[int]) -> None:
        """These key persons' open visits in one statement, for `open_of` (`readahead`)."""
        found: dict[int, VisitRecord] = {}
        for row in await self._s.scalars(_OPEN_OF_ALL, {"key_person_ids": key_person_ids}):
            if row.key_person_id not in found or row.id > found[row.key_person_id].id:
                found[row.key_person_id] = self._record(row)
        readahead.keep(self._s, "open_visit", {key: found.get(key) for key in key_person_ids})

    async def of_key_person(self, key_person_id: int) -> list[VisitRecord]:
        rows = await self._s.scalars(
            select(Visit).where(Visit.key_person_id == key_person_id).order_by(Visit.id)
        )
        return [self._record(r) for r in rows]

    async def change(self, visit_id: int, **changes: Any) -> None:
        """Status, stage, urgency, due time, handler, end."""
        allowed = {"status", "stage", "urgent", "due_at", "handler_id", "ended_at"}
        if set(changes) - allowed:
            raise ValueError(f"not a visit change: {sorted(set(changes) - allowed)}")
        await self._s.execute(update(Visit).where(Visit.id == visit_id).values(**changes))

    async def acknowledge(self, visit_id: int, handler_id: int) -> bool:
        """Take an alert; False when someone else was first (or it is over)."""
        result = await self._s.execute(
            update(Visit)
            .where(Visit.id == visit_id, Visit.status == "alerting", Visit.handler_id.is_(None))
            .values(handler_id=handler_id)
        )
        return result.rowcount == 1

    async def delete_of(self, key_person_id: int) -> int:
        result = await self._s.execute(delete(Visit).where(Visit.key_person_id == key_person_id))
        return result.rowcount

    async def old(self, *, now: datetime) -> int:
        """Visits over for longer than their organisation keeps them (`visit_note_days`)
        go, with their note and chronology."""
        return await delete_past_period(
            self._s, Visit.ended_at, Organisation.visit_note_days, now=now
        )

    # chronology ---------------------------------------------------------
    async def record(
        self,
        visit_id: int,
        action: str,
        *,
        now: datetime,
        actor_id: int | None = None,
        target_id: int | None = None,
    ) -> None:
        self._s.add(
            VisitEvent(
                visit_id=visit_id, at=now, action=action, actor_id=actor_id, target_id=target_id
            )
        )
        await self._s.flush()

    async def events(self, visit_id: int) -> list[tuple[str, int | None, int | None]]:
        rows = await self._s.execute(
            select(VisitEvent.action, VisitEvent.actor_id, VisitEvent.target_id)
            .where(VisitEvent.visit_id == visit_id)
            .order_by(VisitEvent.at, VisitEvent.id)
        )
        return [tuple(r) for r in rows]

    async def alerted(self, visit_id: int) -> set[int]:
        rows = await self._s.scalars(
            select(VisitEvent.target_id).where(
                VisitEvent.visit_id == visit_id, VisitEvent.action == "alerted"
            )
        )
        return {r for r in rows if r is not None}

    async def awaiting(self, person_id: int) -> list[VisitRecord]:
        """Unacknowledged alerts this person was sent."""
        alerted = select(VisitEvent.visit_id).where(
            VisitEvent.target_id == person_id, VisitEvent.action == "alerted"
        )
        rows = await self._s.scalars(
            select(Visit)
            .where(Visit.status == "alerting", Visit.handler_id.is_(None), Visit.id.in_(alerted))
            .order_by(Visit.id)
        )
        return [self._record(r) for r in rows]

    def _record(self, row: Visit) -> VisitRecord:
        return VisitRecord(
            id=row.id,
            reference=row.reference,
            organisation_id=row.organisation_id,
            key_person_id=row.key_person_id,
            confidant_id=row.confidant_id,
            handler_id=row.handler_id,
            note=self._cipher.decrypt(row.note) if row.note else None,
            status=row.status,
            stage=row.stage,
            urgent=row.urgent,
            started_at=row.started_at,
            due_at=row.due_at,
            ended_at=row.ended_at,
        )
