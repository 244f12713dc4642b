"""A round's rows, read ahead: one statement per table for the whole round.

A round of updates (`flows.core.engine.Engine.handle_all`) handles up to 16 people in
one transaction, and each update starts by reading its sender's person, conversation
and, for text typed at the menu, open visit. Read one at a time that is three round
trips an update; read ahead for the round it is three for all of them (on PostgreSQL
most of what an update cost).

A chunk of timers (`Engine.run_due_timers`) is read ahead the same way: each escalation
step looks up the case's confidant and the key person's name, and for a chunk of 25
timers those people are read in one statement (`flows.cases.escalation.read_ahead`).

What was read ahead is kept in the session (`session.info`), so it outlives
`UnitOfWork.fresh()` between the round's updates and goes with the transaction. It is
only ever what a query would return at that moment: a write in the round to a table a
kind of row was read from (any statement, through whatever repository, or an ORM
flush) drops that kind, and while the session holds unwritten changes it is not used
(the query's autoflush would write them first). So a later update in the round reads
the database again and sees the write, as it would have without the read-ahead.
"""

from __future__ import annotations

from collections.abc import Hashable
from typing import Any

from sqlalchemy import event
from sqlalchemy.ext.asyncio import AsyncSession
from sqlalchemy.orm import ORMExecuteState, Session

MISSING = object()  # not read ahead: ask the database
_KEY = "read_ahead"

# kind of row -> the tables it is read from
KINDS = {
    "person": ("person", "membership"),  # by ("telegram_id", …) and by ("id", …)
    "conversation": ("conversation",),
    "open_visit": ("visit",),
}


def keep(session: AsyncSession, kind: str, rows: dict[Hashable, Any]) -> None:
    """Remember what a query for these keys returned (None for none), beside what was
    read of this kind before in the transaction and not dropped since."""
    session.info.setdefault(_KEY, {}).setdefault(kind, {}).update(rows)


def get(session: AsyncSession, kind: str, key: Hashable) -> Any:
    """What was read ahead for this key, or `MISSING`."""
    kinds = session.info.get(_KEY)
    if not kinds or kind not in kinds:
        return MISSING
    if session.new or session.dirty or session.deleted:
        return MISSING
    return kinds[kind].get(key, MISSING)


def _forget(session: Session, table: str | None) -> None:
    """A write to `table` (None: to an unknown one): drop what was read from it."""
    kinds = session.info.get(_KEY)
    if not kinds:
        return
    for kind, tables in KINDS.items():
        if table is None or table in tables:
            kinds.pop(kind, None)


def watch(session_class: type[Session]) -> None:
    """Drop read-ahead rows whenever sessions of this class write their tables."""

    @event.listens_for(session_class, "do_orm_execute")
    def _statement(state: ORMExecuteState) -> None:
        if state.is_select:
            return
        table = getattr(state.statement, "table", None)
        _forget(state.session, getattr(table, "name", None))

    @event.listens_for(session_class, "before_flush")
    def _flush(session: Session, _context, _instances) -> None:
        for row in (*session.new, *session.dirty, *session.deleted):
            _forget(session, type(row).__table__.name)
