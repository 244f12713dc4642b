"""Timers: the database row is the truth; the clock job claims what is due.

A claim is a lease (`claimed_until`): a worker that dies mid-timer leaves it to
be claimed again once the lease runs out, so no timer is lost. Each claim is a
compare-and-set on the attempt counter, so two workers never both win the same
row; on PostgreSQL FOR UPDATE SKIP LOCKED also keeps them from waiting on each
other.
"""

from __future__ import annotations

from datetime import datetime, timedelta
from typing import Any

from sqlalchemy import or_, select, update
from sqlalchemy.ext.asyncio import AsyncSession

from storage.models import Timer
from storage.records import TimerRecord

LEASE = timedelta(minutes=2)


class TimerRepository:
    def __init__(self, session: AsyncSession, *, skip_locked: bool) -> None:
        self._s = session
        self._skip_locked = skip_locked

    async def schedule(
        self,
        kind: str,
        subject: str,
        due_at: datetime,
        *,
        now: datetime,
        payload: dict[str, Any] | None = None,
    ) -> int:
        timer = Timer(
            kind=kind, subject=subject, due_at=due_at, payload=payload or {}, created_at=now
        )
        self._s.add(timer)
        await self._s.flush()
        return timer.id

    async def cancel(self, kind: str, subject: str, *, now: datetime) -> int:
        """Cancel pending timers of one kind for one subject (e.g. reminders of a case)."""
        result = await self._s.execute(
            update(Timer)
            .where(Timer.kind == kind, Timer.subject == subject, Timer.status == "pending")
            .values(status="cancelled", done_at=now)
        )
        return result.rowcount

    async def pending_for(self, subject: str) -> list[TimerRecord]:
        rows = await self._s.scalars(
            select(Timer)
            .where(Timer.subject == subject, Timer.status == "pending")
            .order_by(Timer.due_at)
        )
        return [_record(r) for r in rows]

    async def claim_due(self, *, now: datetime, limit: int = 20) -> list[TimerRecord]:
        query = (
            select(Timer)
            .where(
                Timer.status == "pending",
                Timer.due_at <= now,
                or_(Timer.claimed_until.is_(None), Timer.claimed_until <= now),
            )
            .order_by(Timer.due_at, Timer.id)
            .limit(limit)
        )
        if self._skip_locked:
            query = query.with_for_update(skip_locked=True)
        claimed = []
        for row in list(await self._s.scalars(query)):
            # Compare-and-set: of two workers that read the same row, one update wins.
            result = await self._s.execute(
                update(Timer)
                .where(Timer.id == row.id, Timer.attempts == row.attempts)
                .values(claimed_until=now + LEASE, attempts=row.attempts + 1)
                .execution_options(synchronize_session=False)
            )
            if result.rowcount == 1:
                claimed.append(
                    TimerRecord(
                        row.id,
                        row.kind,
                        row.subject,
                        dict(row.payload),
                        row.due_at,
                        row.attempts + 1,
                    )
                )
        return claimed

    async def finish(self, timer_id: int, *, now: datetime) -> None:
        await self._s.execute(
            update(Timer).where(Timer.id == timer_id).values(status="done", done_at=now)
        )


def _record(row: Timer) -> TimerRecord:
    return TimerRecord(row.id, row.kind, row.subject, dict(row.payload), row.due_at, row.attempts)
