"""Backups of the SQLite database: a consistent copy while the bot runs, and back.

SQLite's online backup copies the database page by page under its own locking,
so the copy is consistent even while `sleutel run` writes. Free text in it is
encrypted: the key (SLEUTEL_SECRET_KEY or `<data dir>/secret.key`) is needed to
read it, and is kept apart from the backup on purpose. PostgreSQL has its own
tools (pg_dump / pg_restore), which this module only names.
"""

from __future__ import annotations

import os
import sqlite3
from pathlib import Path

from sqlalchemy.engine import make_url


class BackupError(Exception):
    """The backup or restore cannot be done; the message says why, in one line."""


def sqlite_path(url: str) -> Path | None:
    """The database file of a SQLite URL, or None for another database."""
    parsed = make_url(url)
    if parsed.get_backend_name() != "sqlite" or not parsed.database:
        return None
    return Path(parsed.database)


def pg_command(url: str, tool: str, file: Path) -> str:
    """The pg_dump / pg_restore line for this database (no password in it: use
    PGPASSWORD or ~/.pgpass)."""
    plain = make_url(url).set(drivername="postgresql")._replace(password=None)
    target = plain.render_as_string(hide_password=False)
    if tool == "pg_dump":
        return f"pg_dump --format=custom --file {file} '{target}'"
    return f"pg_restore --clean --if-exists --dbname '{target}' {file}"


def backup(database: Path, target: Path) -> None:
    """Copy the live database to `target` (owner-only)."""
    if not database.exists():
        raise BackupError(f"no database at {database}")
    if target.exists():
        raise BackupError(f"{target} exists already; choose another file name")
    target.touch(mode=0o600)
    _copy(database, target)
    os.chmod(target, 0o600)


def restore(source: Path, database: Path) -> None:
    """Put a backup in the database's place (the bot must be stopped)."""
    if not source.exists():
        raise BackupError(f"no backup at {source}")
    try:
        with sqlite3.connect(f"file:{source}?mode=ro", uri=True) as check:
            check.execute("SELECT version_num FROM alembic_version").fetchone()
    except sqlite3.DatabaseError:
        raise BackupError(f"{source} is not a Sleutel database") from None
    database.parent.mkdir(parents=True, exist_ok=True)
    if not database.exists():
        database.touch(mode=0o600)
    _copy(source, database)


def _copy(source: Path, target: Path) -> None:
    src = sqlite3.connect(source)
    dst = sqlite3.connect(target)
    try:
        src.backup(dst)
    finally:
        dst.close()
        src.close()
