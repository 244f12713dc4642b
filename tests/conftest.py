"""Shared fixtures: a migrated database (SQLite always, PostgreSQL when
TEST_DATABASE_URL is set), the fake Bot API, and a running `Runtime` on both."""

from __future__ import annotations

import os
from collections.abc import AsyncIterator
from pathlib import Path

import pytest
from sqlalchemy import text

from bot.emulator import FakeBotAPI
from bot.runtime import Runtime
from bot.settings import Settings
from flows.core.clock import FakeClock
from storage.crypto import Cipher
from storage.database import Database

TEST_KEY = Cipher.generate_key()


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


@pytest.fixture
async def db(database_url: str) -> AsyncIterator[Database]:
    if database_url.startswith("postgresql"):
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
