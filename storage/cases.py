"""Cases and their chronology. The note and the messages about a case are encrypted
here, on their way in and out."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import datetime
from typing import Any

from sqlalchemy import exists, select, union, update
from sqlalchemy.ext.asyncio import AsyncSession

from storage.crypto import Cipher
from storage.models import Case, CaseEvent
from storage.records import CaseEventRecord, CaseRecord

DETAILS = frozenset(
    {
        "initials",
        "age_group",
        "relation",
        "children",
        "signals",
        "honour",
        "note",
        "note_locale",
        "confirmed_at",
    }
)
HANDLING = frozenset({"status", "risk", "follow_up_at", "closed_at"})


class CaseRepository:
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
        urgent: bool,
        now: datetime,
        **details: Any,
    ) -> CaseRecord:
        row = Case(
            reference=reference,
            organisation_id=organisation_id,
            key_person_id=key_person_id,
            confidant_id=confidant_id,
            urgent=urgent,
            signals=[],
            status="open",
            stage=0,
            created_at=now,
        )
        self._apply(row, details)
        self._s.add(row)
        await self._s.flush()
        return self._record(row)

    async def update(self, case_id: int, **details: Any) -> CaseRecord:
        """Fill in what the key person described (an urgent case grows while they answer)."""
        row = await self._s.get(Case, case_id)
        self._apply(row, details)
        await self._s.flush()
        return self._record(row)

    def _apply(self, row: Case, details: dict[str, Any]) -> None:
        unknown = set(details) - DETAILS
        if unknown:
            raise ValueError(f"not a case detail: {sorted(unknown)}")
        for name, value in details.items():
            if name == "note":
                value = None if value is None else self._cipher.encrypt(value)
            elif name == "signals":
                value = list(value)
            setattr(row, name, value)

    async def reference_taken(self, reference: str) -> bool:
        return bool(await self._s.scalar(select(exists().where(Case.reference == reference))))

    async def by_reference(self, reference: str) -> CaseRecord | None:
        row = await self._s.scalar(select(Case).where(Case.reference == reference))
        return None if row is None else self._record(row)

    async def people_of(self, references: Iterable[str]) -> set[int]:
        """The key persons and confidants of these cases, in one statement: only the two
        columns (no note decrypted for a lookup of people)."""
        rows = await self._s.execute(
            select(Case.key_person_id, Case.confidant_id).where(
                Case.reference.in_(list(references))
            )
        )
        return {person_id for row in rows for person_id in row if person_id is not None}

    async def set_stage(self, case_id: int, stage: int) -> None:
        await self._s.execute(update(Case).where(Case.id == case_id).values(stage=stage))

    async def acknowledge(self, case_id: int, handler_id: int, *, now: datetime) -> bool:
        """Take an open case; False when someone else was first."""
        result = await self._s.execute(
            update(Case)
            .where(Case.id == case_id, Case.status == "open")
            .values(status="acknowledged", handler_id=handler_id, acknowledged_at=now)
        )
        return result.rowcount == 1

    async def set_handling(self, case_id: int, **changes: Any) -> CaseRecord:
        """What the handler decided: status, risk level, follow-up date, closing time."""
        unknown = set(changes) - HANDLING
        if unknown:
            raise ValueError(f"not a handling field: {sorted(unknown)}")
        row = await self._s.get(Case, case_id)
        for name, value in changes.items():
            setattr(row, name, value)
        await self._s.flush()
        return self._record(row)

    async def reassign(self, case_id: int, confidant_id: int) -> CaseRecord:
        """Hand the case to another confidant: open again, waiting for them to pick it up."""
        row = await self._s.get(Case, case_id)
        row.confidant_id = confidant_id
        row.handler_id = None
        row.status = "open"
        row.acknowledged_at = None
        row.follow_up_at = None
        row.stage = 0
        await self._s.flush()
        return self._record(row)

    async def of_key_person(self, person_id: int, *, limit: int = 20) -> list[CaseRecord]:
        rows = await self._s.scalars(
            select(Case)
            .where(Case.key_person_id == person_id)
            .order_by(Case.created_at.desc(), Case.id.desc())
            .limit(limit)
        )
        return [self._record(r) for r in rows]

    async def for_helper(
        self, person_id: int, statuses: Iterable[str], *, limit: int = 30
    ) -> list[CaseRecord]:
        """Cases a person helps with: assigned, handling, or alerted to; urgent first, newest."""
        # A union of three index look-ups: an OR across them would have PostgreSQL read
        # every case of these statuses.
        theirs = union(
            select(Case.id).where(Case.confidant_id == person_id),
            select(Case.id).where(Case.handler_id == person_id),
            _alerted_to(person_id),
        )
        rows = await self._s.scalars(
            select(Case)
            .where(Case.status.in_(list(statuses)), Case.id.in_(theirs))
            .order_by(Case.urgent.desc(), Case.created_at.desc(), Case.id.desc())
            .limit(limit)
        )
        return [self._record(r) for r in rows]

    async def awaiting(self, person_id: int) -> list[CaseRecord]:
        """Open (unacknowledged) cases this person was alerted to."""
        rows = await self._s.scalars(
            select(Case)
            .where(Case.status == "open", Case.id.in_(_alerted_to(person_id)))
            .order_by(Case.id)
        )
        return [self._record(r) for r in rows]

    # chronology ---------------------------------------------------------
    async def record(
        self,
        case_id: int,
        action: str,
        *,
        now: datetime,
        actor_id: int | None = None,
        target_id: int | None = None,
        body: str | None = None,
    ) -> None:
        """One line of the chronology; `body` (already redacted) is stored encrypted."""
        self._s.add(
            CaseEvent(
                case_id=case_id,
                at=now,
                actor_id=actor_id,
                action=action,
                target_id=target_id,
                body=None if body is None else self._cipher.encrypt(body),
            )
        )
        await self._s.flush()

    async def events(self, case_id: int) -> list[CaseEventRecord]:
        rows = await self._s.scalars(
            select(CaseEvent).where(CaseEvent.case_id == case_id).order_by(CaseEvent.id)
        )
        return [self._event(r) for r in rows]

    async def texts_by(self, person_id: int) -> list[tuple[str, CaseEventRecord]]:
        """(reference, event) for every message or note this person wrote about a case."""
        rows = await self._s.execute(
            select(Case.reference, CaseEvent)
            .join(Case, Case.id == CaseEvent.case_id)
            .where(CaseEvent.actor_id == person_id, CaseEvent.body.is_not(None))
            .order_by(CaseEvent.id)
        )
        return [(reference, self._event(event)) for reference, event in rows]

    def _event(self, row: CaseEvent) -> CaseEventRecord:
        body = None if row.body is None else self._cipher.decrypt(row.body)
        return CaseEventRecord(row.at, row.actor_id, row.action, row.target_id, body)

    async def alerted(self, case_id: int) -> set[int]:
        """Everyone the case was sent to (confidant, backup, coordinators as it escalated)."""
        rows = await self._s.scalars(
            select(CaseEvent.target_id).where(
                CaseEvent.case_id == case_id, CaseEvent.action == "alerted"
            )
        )
        return {r for r in rows if r is not None}

    def _record(self, row: Case) -> CaseRecord:
        return CaseRecord(
            id=row.id,
            reference=row.reference,
            organisation_id=row.organisation_id,
            key_person_id=row.key_person_id,
            confidant_id=row.confidant_id,
            handler_id=row.handler_id,
            initials=row.initials,
            age_group=row.age_group,
            relation=row.relation,
            children=row.children,
            signals=tuple(row.signals or ()),
            honour=row.honour,
            urgent=row.urgent,
            note=None if row.note is None else self._cipher.decrypt(row.note),
            note_locale=row.note_locale,
            status=row.status,
            stage=row.stage,
            created_at=row.created_at,
            confirmed_at=row.confirmed_at,
            acknowledged_at=row.acknowledged_at,
            risk=row.risk,
            follow_up_at=row.follow_up_at,
            closed_at=row.closed_at,
        )


def _alerted_to(person_id: int):
    return select(CaseEvent.case_id).where(
        CaseEvent.action == "alerted", CaseEvent.target_id == person_id
    )
