"""The lookups by person that `/cases`, `/mydata` and the escalation chain make use an
index, not a scan of the whole chronology: the repositories' own statements are
captured and EXPLAINed on SQLite and PostgreSQL."""

from __future__ import annotations

from collections.abc import Awaitable, Callable

import pytest
from sqlalchemy import event

from flows.core.clock import FakeClock
from storage.database import Database, UnitOfWork

NOT_CLOSED = ("open", "acknowledged", "monitoring", "consulting")


async def _seed(db: Database, clock: FakeClock) -> tuple[int, int]:
    now = clock.now()
    async with db.unit_of_work() as uow:
        org = await uow.people.add_organisation("Buurtwerk Noord", now=now)
        key = await uow.people.add_person(telegram_id=1, display_name="K", locale="nl", now=now)
        confidant = await uow.people.add_person(
            telegram_id=2, display_name="C", locale="nl", now=now
        )
        for n in range(30):
            case = await uow.cases.add(
                reference=f"K{n:03d}",
                organisation_id=org,
                key_person_id=key,
                confidant_id=confidant,
                urgent=False,
                now=now,
            )
            await uow.cases.record(case.id, "created", now=now, actor_id=key)
            await uow.cases.record(case.id, "alerted", now=now, target_id=confidant)
        await uow.timers.schedule("escalation.step", "K001", now, now=now)
    return key, confidant


async def _plan(db: Database, lookup: Callable[[UnitOfWork], Awaitable[object]]) -> str:
    """The query plan of the one statement `lookup` makes."""
    captured: list[tuple[str, object]] = []

    def capture(_conn, _cursor, statement, parameters, _context, _many) -> None:
        captured.append((statement, parameters))

    event.listen(db.engine.sync_engine, "before_cursor_execute", capture)
    try:
        async with db.unit_of_work() as uow:
            await lookup(uow)
    finally:
        event.remove(db.engine.sync_engine, "before_cursor_execute", capture)
    (statement, parameters), *_rest = [c for c in captured if c[0].lstrip().startswith("SELECT")]
    async with db.engine.connect() as conn:
        if db.dialect == "postgresql":
            # A handful of rows is read fastest from the table itself; the question is
            # whether an index can serve the condition, as it must with 100,000 cases.
            await conn.exec_driver_sql("SET enable_seqscan = off")
            rows = await conn.exec_driver_sql(f"EXPLAIN {statement}", parameters)
        else:
            rows = await conn.exec_driver_sql(f"EXPLAIN QUERY PLAN {statement}", parameters)
        plan = "\n".join(" ".join(str(v) for v in row) for row in rows)
        await conn.rollback()
    return plan


def _uses(plan: str, index: str) -> bool:
    return index in plan


def _scans(plan: str, table: str) -> bool:
    """A full scan of `table` (SQLite: `SCAN t` without an index; PostgreSQL: Seq Scan)."""
    lines = plan.splitlines()
    return any(
        (f"SCAN {table}" in line and "INDEX" not in line) or f"Seq Scan on {table} " in line
        for line in lines
    )


@pytest.mark.parametrize(
    ("name", "lookup", "index", "table"),
    [
        (
            "cases a confidant helps with (/cases)",
            lambda uow, ids: uow.cases.for_helper(ids[1], NOT_CLOSED, limit=30),
            "ix_case_event_target",
            "case_event",
        ),
        (
            "open cases alerted to someone (escalation)",
            lambda uow, ids: uow.cases.awaiting(ids[1]),
            "ix_case_event_target",
            "case_event",
        ),
        (
            "what a person wrote (/mydata)",
            lambda uow, ids: uow.cases.texts_by(ids[0]),
            "ix_case_event_actor",
            "case_event",
        ),
        (
            "a subject's pending timers",
            lambda uow, ids: uow.timers.pending_for("K001"),
            "ix_timer_subject_status",
            "timer",
        ),
    ],
)
async def test_a_lookup_by_person_uses_an_index(db: Database, clock, name, lookup, index, table):
    ids = await _seed(db, clock)
    plan = await _plan(db, lambda uow: lookup(uow, ids))
    assert _uses(plan, index), (name, plan)
    assert not _scans(plan, table), (name, plan)


async def test_the_cases_of_a_helper_are_three_index_lookups(db: Database, clock):
    """Assigned, handling or alerted to: each by its own index, none by reading every
    case of a status (an OR across them would)."""
    ids = await _seed(db, clock)
    plan = await _plan(db, lambda uow: uow.cases.for_helper(ids[1], NOT_CLOSED, limit=30))
    for index in ("ix_case_confidant", "ix_case_handler", "ix_case_event_target"):
        assert _uses(plan, index), (index, plan)
    assert not _scans(plan, "case") and not _scans(plan, '"case"'), plan
