"""What Sleutel leaves on disk is its owner's only: the data dir 0700, the SQLite
database and the files SQLite adds next to it (-wal, -shm) 0600, the key 0600."""

from __future__ import annotations

import os
import stat
from collections.abc import Iterator
from pathlib import Path

import pytest

from bot.runtime import Runtime
from bot.settings import Settings
from storage.crypto import Cipher


def mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


@pytest.fixture(autouse=True)
def usual_umask() -> Iterator[None]:
    """The common default: without care, files would be 0644 and dirs 0755."""
    old = os.umask(0o022)
    yield
    os.umask(old)


async def open_and_write(settings: Settings) -> Runtime:
    """The real start (migrations, getMe), then a write so SQLite has its -wal and -shm."""
    runtime = Runtime(settings)
    await runtime.open()
    await runtime.intake.store([{"update_id": 1, "my_chat_member": {}}])
    return runtime


async def test_a_fresh_data_dir_database_and_key_are_owner_only(fake_api, tmp_path):
    data = tmp_path / "data"
    settings = Settings(
        TELEGRAM_TOKEN=fake_api.token,
        TELEGRAM_API_BASE_URL=fake_api.base_url,
        SLEUTEL_DATA_DIR=data,
    )
    runtime = await open_and_write(settings)
    try:
        assert mode(data) == 0o700
        assert mode(data / "secret.key") == 0o600
        database = data / "sleutel.db"
        for path in (database, data / "sleutel.db-wal", data / "sleutel.db-shm"):
            assert mode(path) == 0o600, path.name
        assert {p.name for p in data.iterdir() if mode(p) & 0o077} == set()
    finally:
        await runtime.close()


async def test_files_left_readable_by_an_older_version_are_tightened(fake_api, tmp_path):
    data = tmp_path / "data"
    data.mkdir(mode=0o755)
    for name in ("sleutel.db", "sleutel.db-wal"):
        (data / name).touch(mode=0o644)
    settings = Settings(
        TELEGRAM_TOKEN=fake_api.token,
        TELEGRAM_API_BASE_URL=fake_api.base_url,
        SLEUTEL_DATA_DIR=data,
        SLEUTEL_SECRET_KEY=Cipher.generate_key(),
    )
    runtime = await open_and_write(settings)
    try:
        assert mode(data) == 0o700
        for name in ("sleutel.db", "sleutel.db-wal", "sleutel.db-shm"):
            assert mode(data / name) == 0o600, name
    finally:
        await runtime.close()


async def test_a_database_url_outside_the_data_dir_is_owner_only_too(fake_api, tmp_path):
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    database = elsewhere / "bot.sqlite"
    settings = Settings(
        TELEGRAM_TOKEN=fake_api.token,
        TELEGRAM_API_BASE_URL=fake_api.base_url,
        DATABASE_URL=f"sqlite+aiosqlite:///{database}",
        SLEUTEL_DATA_DIR=tmp_path / "data",
        SLEUTEL_SECRET_KEY=Cipher.generate_key(),
    )
    runtime = await open_and_write(settings)
    try:
        for path in (database, elsewhere / "bot.sqlite-wal", elsewhere / "bot.sqlite-shm"):
            assert mode(path) == 0o600, path.name
    finally:
        await runtime.close()
