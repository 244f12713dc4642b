"""Intervision groups, sessions and who answered what; a session's place is encrypted."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import datetime

from sqlalchemy import exists, select, update
from sqlalchemy.ext.asyncio import AsyncSession

from storage.crypto import Cipher
from storage.models import GroupMember, IntervisionGroup, IntervisionSession, SessionInvite
from storage.records import GroupRecord, SessionRecord


class IntervisionRepository:
    def __init__(self, session: AsyncSession, cipher: Cipher) -> None:
        self._s = session
        self._cipher = cipher

    # groups -------------------------------------------------------------
    async def add_group(
        self,
        organisation_id: int,
        name: str,
        facilitator_id: int,
        members: Iterable[int],
        *,
        now: datetime,
    ) -> GroupRecord:
        row = IntervisionGroup(
            organisation_id=organisation_id,
            name=name,
            facilitator_id=facilitator_id,
            created_at=now,
        )
        self._s.add(row)
        await self._s.flush()
        for person_id in dict.fromkeys(members):
            self._s.add(GroupMember(group_id=row.id, person_id=person_id))
        await self._s.flush()
        return await self.group(row.id)

    async def group(self, group_id: int) -> GroupRecord | None:
        row = await self._s.get(IntervisionGroup, group_id)
        if row is None:
            return None
        members = await self._s.scalars(
            select(GroupMember.person_id).where(GroupMember.group_id == group_id)
        )
        return GroupRecord(
            row.id, row.organisation_id, row.name, row.facilitator_id, tuple(sorted(members))
        )

    async def groups_of(self, organisation_id: int) -> list[GroupRecord]:
        ids = await self._s.scalars(
            select(IntervisionGroup.id)
            .where(IntervisionGroup.organisation_id == organisation_id)
            .order_by(IntervisionGroup.name)
        )
        return [await self.group(group_id) for group_id in ids]

    # sessions -----------------------------------------------------------
    async def add_session(
        self,
        *,
        reference: str,
        organisation_id: int,
        group_id: int | None,
        facilitator_id: int,
        starts_at: datetime,
        place: str | None,
        invited: Iterable[int],
        now: datetime,
    ) -> SessionRecord:
        row = IntervisionSession(
            reference=reference,
            organisation_id=organisation_id,
            group_id=group_id,
            facilitator_id=facilitator_id,
            starts_at=starts_at,
            place=self._cipher.encrypt(place) if place else None,
            status="planned",
            created_at=now,
        )
        self._s.add(row)
        await self._s.flush()
        for person_id in dict.fromkeys(invited):
            self._s.add(SessionInvite(session_id=row.id, person_id=person_id))
        await self._s.flush()
        return await self.session(reference)

    async def reference_taken(self, reference: str) -> bool:
        return bool(
            await self._s.scalar(select(exists().where(IntervisionSession.reference == reference)))
        )

    async def session(self, reference: str) -> SessionRecord | None:
        row = await self._s.scalar(
            select(IntervisionSession).where(IntervisionSession.reference == reference)
        )
        if row is None:
            return None
        answers = await self._s.execute(
            select(SessionInvite.person_id, SessionInvite.answer).where(
                SessionInvite.session_id == row.id
            )
        )
        return SessionRecord(
            row.id,
            row.reference,
            row.organisation_id,
            row.group_id,
            row.facilitator_id,
            row.starts_at,
            self._cipher.decrypt(row.place) if row.place else None,
            row.status,
            {r.person_id: r.answer for r in sorted(answers, key=lambda r: r.person_id)},
        )

    async def sessions_led_by(self, person_id: int, *, since: datetime) -> list[SessionRecord]:
        refs = await self._s.scalars(
            select(IntervisionSession.reference)
            .where(
                IntervisionSession.facilitator_id == person_id,
                IntervisionSession.starts_at >= since,
            )
            .order_by(IntervisionSession.starts_at)
        )
        return [await self.session(ref) for ref in refs]

    async def answer(self, session_id: int, person_id: int, answer: str, *, now: datetime) -> bool:
        """Record an invited person's answer; False when they are not invited."""
        result = await self._s.execute(
            update(SessionInvite)
            .where(SessionInvite.session_id == session_id, SessionInvite.person_id == person_id)
            .values(answer=answer, answered_at=now)
        )
        return result.rowcount == 1

    async def change(self, session_id: int, **changes: object) -> None:
        allowed = {"starts_at", "status"}
        if set(changes) - allowed:
            raise ValueError(f"not a session change: {sorted(set(changes) - allowed)}")
        await self._s.execute(
            update(IntervisionSession).where(IntervisionSession.id == session_id).values(**changes)
        )
