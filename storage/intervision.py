"""Intervision groups, sessions and who answered what; a session's place is encrypted."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import datetime

from sqlalchemy import delete, exists, func, select, update
from sqlalchemy.ext.asyncio import AsyncSession

from storage.crypto import Cipher
from storage.models import (
    DevelopmentGoal,
    GroupMember,
    IntervisionGroup,
    IntervisionNudge,
    IntervisionSession,
    Membership,
    Person,
    PrivateNote,
    SessionInvite,
)
from storage.records import GroupRecord, SessionRecord, Standing


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
        invites = (
            await self._s.execute(
                select(
                    SessionInvite.person_id,
                    SessionInvite.answer,
                    SessionInvite.own_estimate,
                    SessionInvite.confidant_estimate,
                )
                .where(SessionInvite.session_id == row.id)
                .order_by(SessionInvite.person_id)
            )
        ).all()
        return SessionRecord(
            row.id,
            row.reference,
            row.organisation_id,
            row.group_id,
            row.facilitator_id,
            row.starts_at,
            self._cipher.decrypt(row.place) if row.place else None,
            row.status,
            {r.person_id: r.answer for r in invites},
            row.sequence,
            {r.person_id: (r.own_estimate, r.confidant_estimate) for r in invites},
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

    async def move(self, session_id: int, starts_at: datetime) -> None:
        """Another moment; calendars see it as a newer version of the same event."""
        await self._s.execute(
            update(IntervisionSession)
            .where(IntervisionSession.id == session_id)
            .values(starts_at=starts_at, sequence=IntervisionSession.sequence + 1)
        )

    async def estimate(self, session_id: int, person_id: int, *, own: bool, value: str) -> bool:
        """A key person's safety estimate, their own or their confidant's."""
        column = "own_estimate" if own else "confidant_estimate"
        result = await self._s.execute(
            update(SessionInvite)
            .where(SessionInvite.session_id == session_id, SessionInvite.person_id == person_id)
            .values({column: value})
        )
        return result.rowcount == 1

    async def change(self, session_id: int, **changes: object) -> None:
        allowed = {"status"}
        if set(changes) - allowed:
            raise ValueError(f"not a session change: {sorted(set(changes) - allowed)}")
        await self._s.execute(
            update(IntervisionSession).where(IntervisionSession.id == session_id).values(**changes)
        )

    # attendance and the two-month rule ----------------------------------
    async def mark_attended(self, session_id: int, present: Iterable[int]) -> None:
        """Who was there; everyone else invited was not."""
        present = set(present)
        rows = await self._s.scalars(
            select(SessionInvite.person_id).where(SessionInvite.session_id == session_id)
        )
        for person_id in rows.all():
            await self._s.execute(
                update(SessionInvite)
                .where(SessionInvite.session_id == session_id, SessionInvite.person_id == person_id)
                .values(attended=person_id in present)
            )

    async def attended(self, session_id: int) -> set[int]:
        rows = await self._s.scalars(
            select(SessionInvite.person_id).where(
                SessionInvite.session_id == session_id, SessionInvite.attended.is_(True)
            )
        )
        return set(rows)

    async def standing(self, organisation_id: int) -> list[Standing]:
        """Every active key person of the organisation: since when they are without
        intervision (their last attended session, else when they joined) and when they
        were last reminded of it."""
        last = (
            select(SessionInvite.person_id, func.max(IntervisionSession.starts_at).label("at"))
            .join(IntervisionSession, IntervisionSession.id == SessionInvite.session_id)
            .where(SessionInvite.attended.is_(True))
            .group_by(SessionInvite.person_id)
            .subquery()
        )
        rows = await self._s.execute(
            select(Person.id, Person.consented_at, last.c.at, IntervisionNudge.nudged_at)
            .join(Membership, Membership.person_id == Person.id)
            .outerjoin(last, last.c.person_id == Person.id)
            .outerjoin(IntervisionNudge, IntervisionNudge.person_id == Person.id)
            .where(
                Membership.organisation_id == organisation_id,
                Membership.role == "key_person",
                Person.active.is_(True),
            )
            .order_by(Person.id)
        )
        return [Standing(r.id, r.at, r.at or r.consented_at, r.nudged_at) for r in rows]

    async def set_nudged(self, person_id: int, *, now: datetime) -> None:
        await self._s.execute(
            delete(IntervisionNudge).where(IntervisionNudge.person_id == person_id)
        )
        self._s.add(IntervisionNudge(person_id=person_id, nudged_at=now))
        await self._s.flush()

    async def set_members(self, group_id: int, members: Iterable[int]) -> None:
        await self._s.execute(delete(GroupMember).where(GroupMember.group_id == group_id))
        for person_id in dict.fromkeys(members):
            self._s.add(GroupMember(group_id=group_id, person_id=person_id))
        await self._s.flush()

    # a private note before a session, and the development plan --------------
    async def save_private_note(self, session_id: int, person_id: int, text: str) -> None:
        await self._s.execute(
            delete(PrivateNote).where(
                PrivateNote.session_id == session_id, PrivateNote.person_id == person_id
            )
        )
        self._s.add(
            PrivateNote(session_id=session_id, person_id=person_id, text=self._cipher.encrypt(text))
        )
        await self._s.flush()

    async def private_note(self, session_id: int, person_id: int) -> str | None:
        token = await self._s.scalar(
            select(PrivateNote.text).where(
                PrivateNote.session_id == session_id, PrivateNote.person_id == person_id
            )
        )
        return self._cipher.decrypt(token) if token else None

    async def drop_private_notes(self, session_id: int) -> None:
        await self._s.execute(delete(PrivateNote).where(PrivateNote.session_id == session_id))

    async def goals(self, person_id: int) -> list[tuple[int, str]]:
        rows = await self._s.execute(
            select(DevelopmentGoal.id, DevelopmentGoal.text)
            .where(DevelopmentGoal.person_id == person_id)
            .order_by(DevelopmentGoal.id)
        )
        return [(r.id, self._cipher.decrypt(r.text)) for r in rows]

    async def add_goal(self, person_id: int, text: str, *, now: datetime) -> None:
        self._s.add(
            DevelopmentGoal(person_id=person_id, text=self._cipher.encrypt(text), created_at=now)
        )
        await self._s.flush()

    async def remove_goal(self, person_id: int, goal_id: int) -> bool:
        result = await self._s.execute(
            delete(DevelopmentGoal).where(
                DevelopmentGoal.id == goal_id, DevelopmentGoal.person_id == person_id
            )
        )
        return result.rowcount == 1
