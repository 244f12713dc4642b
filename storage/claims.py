"""One claim for every queue: the inbox, the outbox and the timers.

A worker takes rows with a lease (`claimed_until`) and one more `attempts`, in
a single `UPDATE … WHERE id IN (SELECT … LIMIT n) RETURNING id`:

- on PostgreSQL the inner select is `FOR UPDATE SKIP LOCKED`, so two workers
  never take the same row and never wait on each other;
- on SQLite the statement is atomic by itself (one writer at a time), and
  `sleutel run` holds a single-writer lock on the database file
  (`bot.runtime`), so there is one worker.

A worker that dies with rows in hand leaves them to be claimed again when the
lease runs out; nothing is lost. The caller finishes a row in the same
transaction as the work it did (inbox: `mark_handled`; timers: `finish`), or,
for the outbox, right after Telegram answered: that moment is the only window
in which a crash sends a message twice.
"""

from __future__ import annotations

from datetime import datetime, timedelta
from typing import Any

from sqlalchemy import Select, Update, bindparam, or_, update
from sqlalchemy.ext.asyncio import AsyncSession


def claim_statement(
    candidates: Select[Any],
    *,
    table: Any,
    key: Any,
    skip_locked: bool,
    returning: tuple[Any, ...] = (),
) -> Update:
    """The claim of the rows `candidates` selects (their keys, and the `returning`
    columns), unless another worker holds them; run it with `now` and `until` (the end
    of the lease). `candidates` selects the key column with the queue's own conditions,
    order and limit; the lease condition is added here. A queue that claims often builds
    it once (`claim_heads`). The rows come back in no particular order."""
    now = bindparam("now")
    free = candidates.where(or_(table.claimed_until.is_(None), table.claimed_until <= now))
    if skip_locked:
        free = free.with_for_update(skip_locked=True)
    return (
        update(table)
        .where(key.in_(free.scalar_subquery()))
        .values(claimed_until=bindparam("until"), attempts=table.attempts + 1)
        .returning(key, *returning)
        .execution_options(synchronize_session=False)
    )


async def claim(
    session: AsyncSession,
    candidates: Select[Any],
    *,
    table: Any,
    key: Any,
    now: datetime,
    lease: timedelta,
    skip_locked: bool,
) -> list[Any]:
    """Claim the rows `candidates` selects (see `claim_statement`); their keys."""
    statement = claim_statement(candidates, table=table, key=key, skip_locked=skip_locked)
    result = await session.execute(statement, {"now": now, "until": now + lease})
    return [row[0] for row in result]


async def release(session: AsyncSession, *, table: Any, key: Any, value: Any, at: datetime) -> None:
    """Let go of a claimed row: it may be claimed again from `at` on."""
    await session.execute(
        update(table)
        .where(key == value)
        .values(claimed_until=at)
        .execution_options(synchronize_session=False)
    )


async def release_all(session: AsyncSession, *, table: Any) -> None:
    """Let go of every claim on this queue: for a worker that starts alone (SQLite holds
    one), whatever a killed process held is free at once instead of after its lease."""
    await session.execute(
        update(table)
        .where(table.claimed_until.is_not(None))
        .values(claimed_until=None)
        .execution_options(synchronize_session=False)
    )
