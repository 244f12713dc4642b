"""A server connection is pinged before use only when it sat idle in the pool a while:
a restarted database costs nothing, and a burst pays no ping per transaction."""

from __future__ import annotations

import time
from types import SimpleNamespace

import pytest
from sqlalchemy import text

from storage import database
from storage.database import Database


class Connection:
    def __init__(self, alive: bool = True) -> None:
        self.alive = alive
        self.pings = 0

    def ping(self) -> None:
        self.pings += 1
        if not self.alive:
            raise ConnectionError("server closed the connection")


def test_a_connection_back_moments_ago_is_not_pinged():
    connection, record = Connection(), SimpleNamespace(info={})
    database._note_idle(connection, record)
    database._ping_if_idle(connection, record, None)
    assert connection.pings == 0


def test_a_new_or_long_idle_connection_is_pinged_and_a_dead_one_replaced(monkeypatch):
    connection = Connection()
    database._ping_if_idle(connection, SimpleNamespace(info={}), None)  # never used
    assert connection.pings == 1
    idle = SimpleNamespace(info={"idle_since": time.monotonic() - database.PING_AFTER_IDLE})
    database._ping_if_idle(connection, idle, None)
    assert connection.pings == 2
    with pytest.raises(database.DisconnectionError):  # the pool checks out another one
        database._ping_if_idle(Connection(alive=False), SimpleNamespace(info={}), None)


async def test_a_connection_the_server_dropped_while_idle_is_replaced(db: Database, monkeypatch):
    if db.dialect != "postgresql":
        pytest.skip("a file has no server to lose")
    async with db.engine.connect() as conn:
        pid = await conn.scalar(text("SELECT pg_backend_pid()"))
    other = Database(db.url, db.cipher)
    async with other.engine.connect() as conn:  # the server drops the pooled connection
        await conn.execute(text("SELECT pg_terminate_backend(:pid)"), {"pid": pid})
    await other.dispose()
    monkeypatch.setattr(database, "PING_AFTER_IDLE", 0.0)
    async with db.unit_of_work() as uow:
        assert await uow.inbox.count_pending() == 0
