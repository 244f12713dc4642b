"""Due timers run many to a transaction, each once; a failing one holds up no other.

`Engine.run_due_timers` claims a batch, then runs it a chunk (`TIMER_CHUNK`) per unit of
work: one commit for the chunk. A handler that raises rolls its chunk back whole and
the chunk runs again one timer per unit of work, so the others finish and nothing the
failing one did or queued is kept.
"""

from __future__ import annotations

from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from datetime import timedelta

import pytest

from flows.core.context import Context, FlowConfig
from flows.core.engine import TIMER_CHUNK, Engine
from flows.core.registry import Registry
from storage.database import Database, UnitOfWork
from storage.records import TimerRecord
from storage.timers import LEASE

OK, FAIL = "test.ok", "test.fail"


class Counting:
    """The database, counting the units of work opened and committed."""

    def __init__(self, db: Database) -> None:
        self.db = db
        self.opened = 0
        self.committed = 0

    @asynccontextmanager
    async def unit_of_work(self) -> AsyncIterator[UnitOfWork]:
        self.opened += 1
        async with self.db.unit_of_work() as uow:
            yield uow
        self.committed += 1

    def unavailable(self, exc: BaseException) -> bool:
        return self.db.unavailable(exc)


async def _ran(ctx: Context, timer: TimerRecord) -> None:
    """What a timer does: a line in the audit log and a message queued."""
    person_id = timer.payload["person"]
    await ctx.uow.audit.record("test.ran", now=ctx.now, actor_id=person_id, subject=timer.subject)
    await ctx.uow.outbox.add(person_id, {"text": timer.subject}, now=ctx.now)


async def _fails(ctx: Context, timer: TimerRecord) -> None:
    await _ran(ctx, timer)
    raise RuntimeError("broken handler")


@pytest.fixture
async def setup(db: Database, clock) -> tuple[Counting, Engine, int]:
    async with db.unit_of_work() as uow:
        person_id = await uow.people.add_person(
            telegram_id=501, display_name="Ada", locale="nl", now=clock.now()
        )
    counting = Counting(db)
    registry = Registry(commands=(), dialogues=(), timers={OK: _ran, FAIL: _fails})
    return counting, Engine(counting, clock, FlowConfig(), registry), person_id


async def _schedule(db: Database, clock, kinds: list[str], person_id: int) -> None:
    async with db.unit_of_work() as uow:
        for i, kind in enumerate(kinds):
            due = clock.now() - timedelta(seconds=len(kinds) - i)  # claimed in this order
            await uow.timers.schedule(
                kind, f"test:{i}", due, now=clock.now(), payload={"person": person_id}
            )


async def _state(db: Database, person_id: int, n: int) -> tuple[list[str], list, int]:
    """Subjects in the audit log (in order), timers still pending, messages queued."""
    async with db.unit_of_work() as uow:
        ran = [a.subject for a in await uow.audit.by_actor(person_id) if a.action == "test.ran"]
        pending = [t for i in range(n) for t in await uow.timers.pending_for(f"test:{i}")]
        queued = await uow.outbox.count("pending")
    return ran, pending, queued


async def test_timers_due_at_once_run_once_in_one_commit(db: Database, clock, setup) -> None:
    counting, engine, person_id = setup
    await _schedule(db, clock, [OK] * 5, person_id)
    db.outbox_queued.clear()

    assert await engine.run_due_timers() == 5

    assert (counting.opened, counting.committed) == (2, 2)  # the claim, then the batch
    assert db.outbox_queued.is_set()  # the dispatcher is woken after the commit
    ran, pending, queued = await _state(db, person_id, 5)
    assert sorted(ran) == [f"test:{i}" for i in range(5)]
    assert pending == [] and queued == 5
    assert await engine.run_due_timers() == 0  # none runs twice


async def test_a_large_batch_commits_a_chunk_at_a_time(db: Database, clock, setup) -> None:
    counting, engine, person_id = setup
    n = TIMER_CHUNK * 2 + 1
    await _schedule(db, clock, [OK] * n, person_id)

    assert await engine.run_due_timers() == n

    assert counting.committed == 1 + 3  # the claim, then three chunks
    ran, pending, queued = await _state(db, person_id, n)
    assert sorted(ran) == sorted(f"test:{i}" for i in range(n)) and len(ran) == n
    assert pending == [] and queued == n


async def test_a_failing_timer_holds_up_no_other(db: Database, clock, setup) -> None:
    counting, engine, person_id = setup
    await _schedule(db, clock, [OK, OK, FAIL, OK, OK], person_id)
    db.outbox_queued.clear()

    with pytest.raises(RuntimeError, match="broken handler"):
        await engine.run_due_timers()

    # The chunk rolled back, then ran one timer per unit of work: the others finished.
    assert (counting.opened, counting.committed) == (1 + 1 + 5, 1 + 4)
    ran, pending, queued = await _state(db, person_id, 5)
    assert sorted(ran) == ["test:0", "test:1", "test:3", "test:4"]  # each once
    assert queued == 4  # nothing the failing one queued is kept
    assert db.outbox_queued.is_set()
    [left] = pending
    assert (left.subject, left.kind, left.attempts) == ("test:2", FAIL, 1)

    # It stays claimed until its lease runs out, then it is tried again, alone.
    assert await engine.run_due_timers() == 0
    clock.advance(LEASE + timedelta(seconds=1))
    with pytest.raises(RuntimeError):
        await engine.run_due_timers()
    ran, pending, queued = await _state(db, person_id, 5)
    assert len(ran) == 4 and queued == 4
    assert [(t.subject, t.attempts) for t in pending] == [("test:2", 2)]
