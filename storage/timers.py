"""Timers: the database row is the truth; the clock job claims what is due.

Timers are claimed like every queue (`storage.claims`): a lease that a worker
that dies mid-timer leaves to run out, so no timer is lost, and never the same
row for two workers. A timer is finished in the transaction of what it did.
"""

from __future__ import annotations

from datetime import datetime, timedelta
from typing import Any

from sqlalchemy import select, update
from sqlalchemy.ext.asyncio import AsyncSession

from storage.claims import claim, release_all
from storage.models import Timer
from storage.records import TimerRecord

LEASE = timedelta(minutes=2)
BATCH = 100  # timers claimed at once


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

    async def release_all(self) -> None:
        """Free what a stopped process had claimed (see `storage.claims.release_all`)."""
        await release_all(self._s, table=Timer)

    async def claim_due(self, *, now: datetime, limit: int = BATCH) -> list[TimerRecord]:
        """Claim due timers, oldest first (see `storage.claims`)."""
        candidates = (
            select(Timer.id)
            .where(Timer.status == "pending", Timer.due_at <= now)
            .order_by(Timer.due_at, Timer.id)
            .limit(limit)
        )
        ids = await claim(
            self._s,
            candidates,
            table=Timer,
            key=Timer.id,
            now=now,
            lease=LEASE,
            skip_locked=self._skip_locked,
        )
        if not ids:
            return []
        rows = await self._s.scalars(
            select(Timer).where(Timer.id.in_(ids)).order_by(Timer.due_at, Timer.id)
        )
        return [_record(row) for row in rows]

    async def finish(self, timer_id: int, *, now: datetime) -> None:
        await self._s.execute(
            update(Timer).where(Timer.id == timer_id).values(status="done", done_at=now)
        )


def _record(row: Timer) -> TimerRecord:
    return TimerRecord(row.id, row.kind, row.subject, dict(row.payload), row.due_at, row.attempts)
