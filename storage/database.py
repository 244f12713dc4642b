"""The database handle and the unit of work: one transaction per event.

`Database` owns the async engine; `unit_of_work()` opens a session with every
repository on it and commits once when the block ends cleanly (rolls back
otherwise), so a flow's state, its outbox rows and its timers land together
or not at all.

On SQLite, which has one writer at a time, units of work take turns (an
asyncio lock) instead of meeting in SQLite's busy handler, which sleeps and
polls; a connection to a local file needs no ping before use either.
`outbox_queued` is set after a commit that queued outbox messages, so the
dispatcher looks for work only when there is some.
"""

from __future__ import annotations

import asyncio
import fcntl
import sqlite3
import time
from collections.abc import AsyncIterator, Iterator
from contextlib import asynccontextmanager, contextmanager
from contextvars import ContextVar
from functools import partial
from pathlib import Path

import aiosqlite
from sqlalchemy import event, text
from sqlalchemy.exc import DBAPIError, DisconnectionError, InterfaceError, OperationalError
from sqlalchemy.ext.asyncio import (
    AsyncEngine,
    AsyncSession,
    async_sessionmaker,
    create_async_engine,
)
from sqlalchemy.orm import Session

from storage import readahead
from storage.audit import AuditRepository
from storage.broadcasts import BroadcastRepository
from storage.cases import CaseRepository
from storage.checkins import CheckinRepository
from storage.conversations import ConversationRepository
from storage.crypto import Cipher
from storage.digest import DigestRepository
from storage.directory import DirectoryRepository
from storage.inbox import InboxRepository
from storage.intervision import IntervisionRepository
from storage.outbox import OutboxRepository
from storage.people import PeopleRepository
from storage.retention import RetentionRepository
from storage.sendwindow import SendWindowRepository
from storage.shown import ShownMessageRepository
from storage.timers import TimerRepository
from storage.visits import VisitRepository

MIGRATIONS = Path(__file__).parent / "migrations"


class DatabaseUnavailable(Exception):
    """The database could not be reached; the caller should retry later."""


# "Try again later": the database is away, busy or restarting. Anything else a
# statement raises (a duplicate key, a value out of range) is an answer, not an
# outage, and must not be retried as one. A driver error that is none of these
# classes but lost the connection is raised as `DatabaseUnavailable` by
# `unit_of_work()` and `ping()`.
UNAVAILABLE_ERRORS = (
    DatabaseUnavailable,
    OperationalError,
    InterfaceError,
    OSError,
    ConnectionError,
)

# PostgreSQL error classes that mean "not now": connection exception (08),
# transaction rollback (40: serialization failure, deadlock), insufficient
# resources (53), operator intervention (57: shutdown, cannot connect now),
# system error (58).
_UNAVAILABLE_SQLSTATES = ("08", "40", "53", "57", "58")


def is_unavailable(exc: BaseException) -> bool:
    """Whether `exc` means the database is away for now (see `UNAVAILABLE_ERRORS`)."""
    if isinstance(exc, UNAVAILABLE_ERRORS):
        return True
    if isinstance(exc, DBAPIError):
        if exc.connection_invalidated:
            return True
        sqlstate = getattr(exc.orig, "sqlstate", None) or ""
        return sqlstate.startswith(_UNAVAILABLE_SQLSTATES)
    return False


# A server connection that sat in the pool longer than this is pinged before use: the
# server may have restarted meanwhile. SQLAlchemy's `pool_pre_ping` pings on every
# check-out, and asyncpg's ping is three round trips (a transaction around ";"): two
# check-outs a round of updates made it most of a round's round trips. Within a burst a
# connection comes back within milliseconds. A restart between two uses closer together
# than this costs the round one failed attempt (it is tried again; `bot.dispatch`).
PING_AFTER_IDLE = 2.0  # seconds


def _ping_if_idle(dbapi_connection, record, _proxy) -> None:
    idle_since = record.info.get("idle_since")
    if idle_since is not None and time.monotonic() - idle_since < PING_AFTER_IDLE:
        return
    try:
        dbapi_connection.ping()
    except Exception as exc:  # the pool drops this connection and checks out another
        raise DisconnectionError() from exc


def _note_idle(_dbapi_connection, record) -> None:
    record.info["idle_since"] = time.monotonic()


@contextmanager
def _unavailable_raised_as_such() -> Iterator[None]:
    """A driver's error that means the database is away, raised as `DatabaseUnavailable`."""
    try:
        yield
    except DBAPIError as exc:
        if is_unavailable(exc) and not isinstance(exc, UNAVAILABLE_ERRORS):
            raise DatabaseUnavailable(type(exc).__name__) from exc
        raise


class _Session(Session):
    """Sleutel's sessions: their writes drop what a round read ahead (`readahead`)."""


readahead.watch(_Session)


class UnitOfWork:
    def __init__(self, session: AsyncSession, cipher: Cipher, dialect: str) -> None:
        self.session = session
        self._cipher = cipher
        self._dialect = dialect
        self.people = PeopleRepository(session)
        self.conversations = ConversationRepository(session, cipher)
        skip_locked = dialect == "postgresql"
        self.inbox = InboxRepository(session, cipher, dialect=dialect)
        self.outbox = OutboxRepository(session, cipher, skip_locked=skip_locked)
        self.timers = TimerRepository(session, skip_locked=skip_locked)
        self.send_window = SendWindowRepository(session, dialect=dialect)
        self.audit = AuditRepository(session)
        self.retention = RetentionRepository(session)
        self.cases = CaseRepository(session, cipher)
        self.shown = ShownMessageRepository(session)
        self.directory = DirectoryRepository(session)
        self.checkins = CheckinRepository(session)
        self.visits = VisitRepository(session, cipher)
        self.intervision = IntervisionRepository(session, cipher)
        self.broadcasts = BroadcastRepository(session, cipher)
        self.digest = DigestRepository(session, cipher)
        self.discarded = False

    def discard(self) -> None:
        """Roll back instead of committing when the block ends (a dry run)."""
        self.discarded = True

    async def read_ahead(self, telegram_ids: list[int]) -> None:
        """Read the person, conversation and open visit of each of these senders in one
        statement each, for a round that handles them one after another (`readahead`)."""
        people = await self.people.read_ahead(telegram_ids)
        await self.conversations.read_ahead(telegram_ids)
        await self.visits.read_ahead([person.id for person in people])

    async def fresh(self) -> UnitOfWork:
        """The same transaction, seen afresh: what is pending is written, and what comes
        next reads the database, not objects an earlier job left in the session or a
        repository's lookups. For several jobs in one commit (the clock's timers), each
        as if it had a unit of work of its own. The block's commit or rollback, and
        `discard`, belong to the unit of work that `unit_of_work()` opened. Organisations
        stay looked up (`PeopleRepository.organisation`), and so does what `read_ahead`
        read until something writes its tables."""
        await self.session.flush()
        self.session.expunge_all()
        return UnitOfWork(self.session, self._cipher, self._dialect)


class Database:
    def __init__(self, url: str, cipher: Cipher) -> None:
        self.url = url
        self.cipher = cipher
        sqlite = url.startswith("sqlite")
        self.engine: AsyncEngine = create_async_engine(url)
        if not sqlite:  # a server connection may have gone while it sat in the pool
            event.listen(self.engine.sync_engine.pool, "checkout", _ping_if_idle)
            event.listen(self.engine.sync_engine.pool, "checkin", _note_idle)
        if sqlite:
            event.listen(self.engine.sync_engine, "do_connect", _inline_sqlite)
            event.listen(self.engine.sync_engine, "connect", _sqlite_pragmas)
        self._sessions = async_sessionmaker(
            self.engine, expire_on_commit=False, sync_session_class=_Session
        )
        self._turns = asyncio.Lock() if sqlite else None
        self._turn_holder: ContextVar[asyncio.Task | None] = ContextVar("turn_holder", default=None)
        self.outbox_queued = asyncio.Event()

    @property
    def dialect(self) -> str:
        return self.engine.dialect.name

    @asynccontextmanager
    async def unit_of_work(self) -> AsyncIterator[UnitOfWork]:
        task = asyncio.current_task()
        if self._turns is None or self._turn_holder.get() is task:
            async with self._unit_of_work() as uow:  # PostgreSQL, or nested in a turn
                yield uow
            return
        async with self._turns:
            holder = self._turn_holder.set(task)
            try:
                async with self._unit_of_work() as uow:
                    yield uow
            finally:
                self._turn_holder.reset(holder)

    @asynccontextmanager
    async def _unit_of_work(self) -> AsyncIterator[UnitOfWork]:
        with _unavailable_raised_as_such():
            async with self._sessions() as session:
                uow = UnitOfWork(session, self.cipher, self.dialect)
                try:
                    yield uow
                    if uow.discarded:
                        await session.rollback()
                    else:
                        await session.commit()
                        if session.info.get("outbox_queued"):
                            self.outbox_queued.set()
                except BaseException:
                    await session.rollback()
                    raise

    @asynccontextmanager
    async def one_statement(self) -> AsyncIterator[UnitOfWork]:
        """A unit of work for one statement only. On PostgreSQL that statement is its own
        transaction (autocommit): no BEGIN and no COMMIT, two round trips fewer, which
        every round of updates pays for its claim (`InboxRepository.answer_and_claim`).
        On SQLite a unit of work like any other."""
        if self.dialect != "postgresql":
            async with self.unit_of_work() as uow:
                yield uow
            return
        with _unavailable_raised_as_such():
            async with self.engine.connect() as conn:
                await conn.execution_options(isolation_level="AUTOCOMMIT")
                async with self._sessions(bind=conn) as session:
                    yield UnitOfWork(session, self.cipher, self.dialect)

    @staticmethod
    def unavailable(exc: BaseException) -> bool:
        """`is_unavailable`, for the engine (which knows no driver's errors)."""
        return is_unavailable(exc)

    async def ping(self) -> bool:
        try:
            async with self.engine.connect() as conn:
                await conn.execute(text("SELECT 1"))
        except Exception as exc:
            if is_unavailable(exc):
                return False
            raise
        return True

    async def upgrade(self, revision: str = "head") -> None:
        """Run the Alembic migrations up to `revision`."""
        await self._alembic("upgrade", revision)

    async def revision(self) -> str | None:
        """The migration the database is at (None: an empty database)."""
        from alembic.runtime.migration import MigrationContext

        async with self.engine.connect() as conn:
            return await conn.run_sync(
                lambda sync: MigrationContext.configure(sync).get_current_revision()
            )

    async def downgrade(self, revision: str) -> None:
        await self._alembic("downgrade", revision)

    async def _alembic(self, direction: str, revision: str) -> None:
        from alembic import command
        from alembic.config import Config

        def run(connection) -> None:
            config = Config()
            config.set_main_option("script_location", str(MIGRATIONS))
            config.attributes["connection"] = connection
            getattr(command, direction)(config, revision)

        async with self.engine.begin() as conn:
            await conn.run_sync(run)

    def hold_single_writer(self) -> bool:
        """On SQLite, one running bot per database file: an exclusive lock on
        `<file>.lock`, which the system lets go when the process ends, also in a crash.
        False when another process holds it. PostgreSQL needs none (claims are safe
        across workers)."""
        if self.dialect != "sqlite" or not self.engine.url.database:
            return True
        lock = open(f"{self.engine.url.database}.lock", "a")  # noqa: SIM115 - held until exit
        try:
            fcntl.flock(lock, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            lock.close()
            return False
        self._writer_lock = lock
        return True

    async def dispose(self) -> None:
        await self.engine.dispose()


class _InlineSQLite(aiosqlite.Connection):
    """An aiosqlite connection whose calls run on the event loop's thread.

    aiosqlite hands every call (cursor, execute, fetch, close, commit: about a dozen
    per unit of work) to a thread of its own and back, and each hand-over waits for
    the scheduler: on a busy machine that, not SQLite, was most of an update's time.
    SQLite answers a local file in microseconds, and units of work take turns
    (`Database.unit_of_work`), so the calls run where they are made; only a commit,
    which waits for the disk (fsync), still goes to the thread, so that the loop
    sends and receives meanwhile. Only while another process (a `sleutel` command)
    holds the write lock does SQLite's busy wait (at most `busy_timeout`) hold up
    the loop.
    """

    async def _execute(self, fn, *args, **kwargs):
        if not self._running or not self._connection:
            raise ValueError("Connection closed")
        if fn == self._connection.commit:
            return await super()._execute(fn, *args, **kwargs)
        return fn(*args, **kwargs)


def _inline_sqlite(_dialect, _record, _cargs, cparams) -> None:
    """Have SQLAlchemy's aiosqlite dialect open an `_InlineSQLite` connection."""

    def connect(database, **kwargs):
        kwargs.pop("iter_chunk_size", None)
        kwargs["check_same_thread"] = False  # opened on aiosqlite's thread, used here
        connection = _InlineSQLite(partial(sqlite3.connect, database, **kwargs), 64)
        connection._thread.daemon = True
        return connection

    cparams["async_creator_fn"] = connect


def _sqlite_pragmas(dbapi_connection, _record) -> None:
    cursor = dbapi_connection.cursor()
    cursor.execute("PRAGMA foreign_keys=ON")
    cursor.execute("PRAGMA journal_mode=WAL")
    cursor.execute("PRAGMA busy_timeout=5000")
    cursor.close()
