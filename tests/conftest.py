"""Shared fixtures: a migrated database (SQLite always, PostgreSQL when
TEST_DATABASE_URL is set), the fake Bot API, and a running `Runtime` on both."""

from __future__ import annotations

import asyncio
import functools
import os
import re
import shutil
from collections.abc import AsyncIterator
from pathlib import Path

import pytest
from alembic.config import Config
from alembic.script import ScriptDirectory
from sqlalchemy import make_url, text

from bot.emulator import FakeBotAPI
from bot.runtime import Runtime
from bot.settings import Settings
from flows.core.clock import FakeClock
from storage.crypto import Cipher
from storage.database import MIGRATIONS, Database

TEST_KEY = Cipher.generate_key()


async def listening_port(bot: asyncio.subprocess.Process, timeout: float = 30) -> int:
    """The port a `sleutel run` started with SLEUTEL_LISTEN=127.0.0.1:0 says it listens on.

    The system picks the port as the bot binds it, so no other test can take it between
    a probe and the bind (with one test process per core, that happened)."""
    said = []
    while line := await asyncio.wait_for(bot.stdout.readline(), timeout):
        said.append(line.decode())
        if found := re.search(r"http://127\.0\.0\.1:(\d+)/healthz", said[-1]):
            return int(found.group(1))
    _, err = await bot.communicate()
    raise AssertionError(f"sleutel run stopped ({bot.returncode}): {''.join(said)}{err.decode()}")


def pytest_configure(config: pytest.Config) -> None:
    """Under pytest-xdist each worker gets a PostgreSQL database of its own (made on first
    use, beside TEST_DATABASE_URL's), since every test empties the one it runs on."""
    worker = os.environ.get("PYTEST_XDIST_WORKER")
    url = os.environ.get("TEST_DATABASE_URL")
    if worker and url:
        os.environ["TEST_DATABASE_URL"] = asyncio.run(_worker_database(url, worker))


async def _worker_database(url: str, worker: str) -> str:
    import asyncpg

    base = make_url(url)
    name = f"{base.database}_{worker}"
    conn = await asyncpg.connect(
        host=base.host, port=base.port, user=base.username, password=base.password,
        database=base.database,
    )  # fmt: skip
    try:
        if not await conn.fetchval("SELECT 1 FROM pg_database WHERE datname = $1", name):
            await conn.execute(f'CREATE DATABASE "{name}"')
    finally:
        await conn.close()
    return base.set(database=name).render_as_string(hide_password=False)


def database_urls() -> list:
    urls = [pytest.param("sqlite", id="sqlite")]
    if os.environ.get("TEST_DATABASE_URL"):
        urls.append(pytest.param("postgresql", id="postgresql"))
    return urls


@pytest.fixture(params=database_urls())
def database_url(request: pytest.FixtureRequest, tmp_path: Path) -> str:
    if request.param == "sqlite":
        return f"sqlite+aiosqlite:///{tmp_path / 'test.db'}"
    return os.environ["TEST_DATABASE_URL"]


async def reset_postgres(url: str) -> None:
    db = Database(url, Cipher([TEST_KEY]))
    async with db.engine.begin() as conn:
        await conn.execute(text("DROP SCHEMA public CASCADE"))
        await conn.execute(text("CREATE SCHEMA public"))
    await db.dispose()


@functools.cache
def migration_script() -> ScriptDirectory:
    """Sleutel's Alembic migrations, read once."""
    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS))
    return ScriptDirectory.from_config(config)


async def _empty_postgres(database: Database) -> bool:
    """Empty every table of a database whose schema is at the newest migration: much
    quicker than dropping the schema and migrating again for each test. False when the
    schema is elsewhere (a migration test went down), and nothing is done."""
    if await database.revision() != migration_script().get_current_head():
        return False
    async with database.engine.begin() as conn:
        tables = await conn.run_sync(lambda sync: sync.dialect.get_table_names(sync))
        names = ", ".join(f'"{t}"' for t in tables if t != "alembic_version")
        await conn.execute(text(f"TRUNCATE {names} RESTART IDENTITY CASCADE"))
    return True


@pytest.fixture(scope="session")
def migrated_sqlite(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A SQLite file migrated once; each test starts from a copy of it."""
    path = tmp_path_factory.mktemp("migrated") / "migrated.db"

    async def migrate() -> None:
        database = Database(f"sqlite+aiosqlite:///{path}", Cipher([TEST_KEY]))
        await database.upgrade()
        await database.dispose()

    asyncio.run(migrate())
    return path


@pytest.fixture
async def db(database_url: str, migrated_sqlite: Path) -> AsyncIterator[Database]:
    """A database at the newest migration with no rows, fresh for each test."""
    if database_url.startswith("sqlite"):
        shutil.copyfile(migrated_sqlite, make_url(database_url).database)
    database = Database(database_url, Cipher([TEST_KEY]))
    if database_url.startswith("postgresql") and not await _empty_postgres(database):
        await database.dispose()
        await reset_postgres(database_url)
        database = Database(database_url, Cipher([TEST_KEY]))
        await database.upgrade()
    yield database
    await database.dispose()


@pytest.fixture
def clock() -> FakeClock:
    return FakeClock()


@pytest.fixture
async def fake_api() -> AsyncIterator[FakeBotAPI]:
    api = FakeBotAPI()
    await api.start()
    yield api
    await api.stop()
    assert api.server_errors == []


def make_settings(api: FakeBotAPI, database_url: str, data_dir: Path) -> Settings:
    return Settings(
        TELEGRAM_TOKEN=api.token,
        TELEGRAM_API_BASE_URL=api.base_url,
        DATABASE_URL=database_url,
        SLEUTEL_DATA_DIR=data_dir,
        SLEUTEL_SECRET_KEY=TEST_KEY,
        SLEUTEL_RATE_LIMIT=0,  # the fake Bot API has no ceiling; tests/test_ratelimit.py has
    )


@pytest.fixture
async def runtime(
    fake_api: FakeBotAPI, db: Database, clock: FakeClock, tmp_path: Path
) -> AsyncIterator[Runtime]:
    """The real bot (PTB Application, engine, storage) against the fake Bot API."""
    rt = Runtime(make_settings(fake_api, db.url, tmp_path), clock)
    await rt.open(upgrade=False)
    yield rt
    await rt.close()
