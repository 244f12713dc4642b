"""Retention: what is deleted or made anonymous when its time is up.

Each step deletes (or strips) rows whose time ran out and returns how many it
touched, so `sleutel purge --dry-run` can run the very same steps inside a
transaction and roll it back. The periods live in `flows/retention.py`, next
to the privacy notice that promises them; organisation-specific periods for
cases and people are columns of `organisation`.
"""

from __future__ import annotations

from datetime import datetime, timedelta

from sqlalchemy import and_, delete, func, or_, select, update
from sqlalchemy.ext.asyncio import AsyncSession
from sqlalchemy.orm import InstrumentedAttribute

from storage.models import (
    Case,
    CaseEvent,
    CheckinAnswer,
    Conversation,
    InboxUpdate,
    Invite,
    Organisation,
    OutboxMessage,
    Person,
    ShownMessage,
    Timer,
)


async def delete_past_period(
    session: AsyncSession,
    when: InstrumentedAttribute,
    days: InstrumentedAttribute,
    *,
    now: datetime,
) -> int:
    """Delete the rows whose `when` lies longer ago than their organisation's period
    `days` (an `Organisation` column): one statement per organisation, so the rows are
    never read into memory. Returns how many went."""
    table = when.class_
    gone = 0
    for organisation_id, period in (await session.execute(select(Organisation.id, days))).all():
        result = await session.execute(
            delete(table).where(
                table.organisation_id == organisation_id, when <= now - timedelta(days=period)
            )
        )
        gone += result.rowcount
    return gone


class RetentionRepository:
    def __init__(self, session: AsyncSession) -> None:
        self._s = session

    async def expired_drafts(self, *, now: datetime) -> int:
        result = await self._s.execute(delete(Conversation).where(Conversation.expires_at <= now))
        return result.rowcount

    async def anonymise_closed_cases(self, *, now: datetime, limit: int) -> int:
        """Closed cases past their organisation's period keep only anonymous figures:
        signal codes, age group, flags, dates and durations. Initials, note, people and
        the chronology (with its messages) go. At most `limit` cases, found by the
        database (an organisation at a time, each with its own period), so that a
        backlog of years is worked off in short transactions."""
        due: list[int] = []
        periods = await self._s.execute(select(Organisation.id, Organisation.case_retention_days))
        for organisation_id, days in periods.all():
            if len(due) >= limit:
                break
            due += await self._s.scalars(
                select(Case.id)
                .where(
                    Case.organisation_id == organisation_id,
                    Case.closed_at <= now - timedelta(days=days),
                    Case.anonymised_at.is_(None),
                )
                .limit(limit - len(due))
            )
        if not due:
            return 0
        await self._s.execute(delete(CaseEvent).where(CaseEvent.case_id.in_(due)))
        await self._s.execute(delete(ShownMessage).where(ShownMessage.case_id.in_(due)))
        await self._s.execute(
            update(Case)
            .where(Case.id.in_(due))
            .values(
                initials=None,
                note=None,
                note_locale=None,
                relation=None,
                key_person_id=None,
                confidant_id=None,
                handler_id=None,
                anonymised_at=now,
            )
        )
        return len(due)

    async def people_who_left(self, *, now: datetime) -> list[tuple[int, int]]:
        """(person id, telegram id) of people stopped longer ago than their organisation
        keeps them (the longest period of their organisations)."""
        from storage.models import Membership

        longest = (
            select(func.max(Organisation.person_retention_days))
            .join(Membership, Membership.organisation_id == Organisation.id)
            .where(Membership.person_id == Person.id)
            .scalar_subquery()
        )
        rows = await self._s.execute(
            select(Person.id, Person.telegram_id, Person.left_at, longest).where(
                Person.active.is_(False), Person.left_at.is_not(None)
            )
        )
        return [
            (person_id, telegram_id)
            for person_id, telegram_id, left_at, days in rows
            if left_at + timedelta(days=days or 730) <= now
        ]

    async def delete_people(self, people: list[tuple[int, int]]) -> int:
        """Delete people with their memberships, queued messages and open conversation;
        their cases stay with the organisation, their name gone."""
        if not people:
            return 0
        ids = [person_id for person_id, _ in people]
        await self._s.execute(
            delete(Conversation).where(Conversation.telegram_id.in_([t for _, t in people]))
        )
        await self._s.execute(delete(Person).where(Person.id.in_(ids)))
        return len(ids)

    async def old_wellbeing_answers(self, *, now: datetime) -> int:
        """Wellbeing answers asked longer ago than their organisation keeps them."""
        return await delete_past_period(
            self._s, CheckinAnswer.asked_at, Organisation.wellbeing_days, now=now
        )

    async def old_invites(self, *, now: datetime, keep: timedelta) -> int:
        result = await self._s.execute(
            delete(Invite).where(
                or_(
                    and_(Invite.used_at.is_not(None), Invite.used_at <= now - keep),
                    Invite.expires_at <= now - keep,
                )
            )
        )
        return result.rowcount

    async def delivered_messages(self, *, now: datetime, keep: timedelta) -> int:
        result = await self._s.execute(
            delete(OutboxMessage).where(
                OutboxMessage.status != "pending", OutboxMessage.created_at <= now - keep
            )
        )
        return result.rowcount

    async def processed_updates(self, *, now: datetime, keep: timedelta) -> int:
        newest = await self._s.scalar(select(func.max(InboxUpdate.update_id)))
        result = await self._s.execute(
            delete(InboxUpdate).where(
                InboxUpdate.status != "pending",
                InboxUpdate.received_at <= now - keep,
                InboxUpdate.update_id != newest,  # it carries the polling offset
            )
        )
        return result.rowcount

    async def finished_timers(self, *, now: datetime, keep: timedelta) -> int:
        result = await self._s.execute(
            delete(Timer).where(Timer.status != "pending", Timer.done_at <= now - keep)
        )
        return result.rowcount
