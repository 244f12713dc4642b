"""Settings from the environment (DESIGN.md §4), read once by the composition root.

A missing or malformed value stops the program with one line naming the
variable (`SettingsError`), never a traceback.
"""

from __future__ import annotations

import contextlib
import logging
import os
from collections.abc import Mapping
from pathlib import Path
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from pydantic import Field, SecretStr, ValidationError, field_validator
from pydantic_settings import BaseSettings, SettingsConfigDict
from sqlalchemy.engine import make_url

from storage.crypto import Cipher

log = logging.getLogger(__name__)


class SettingsError(Exception):
    """A configuration problem, phrased for the operator."""


class Settings(BaseSettings):
    model_config = SettingsConfigDict(extra="ignore", populate_by_name=True)

    telegram_token: SecretStr | None = Field(None, alias="TELEGRAM_TOKEN")
    telegram_api_base_url: str = Field(
        "https://api.telegram.org/bot", alias="TELEGRAM_API_BASE_URL"
    )
    database_url: str | None = Field(None, alias="DATABASE_URL")
    data_dir: Path = Field(Path("./data"), alias="SLEUTEL_DATA_DIR")
    secret_key: SecretStr | None = Field(None, alias="SLEUTEL_SECRET_KEY")
    timezone: str = Field("Europe/Amsterdam", alias="SLEUTEL_TIMEZONE")
    webhook_url: str | None = Field(None, alias="SLEUTEL_WEBHOOK_URL")
    webhook_secret: SecretStr | None = Field(None, alias="SLEUTEL_WEBHOOK_SECRET")
    listen: str = Field("127.0.0.1:8080", alias="SLEUTEL_LISTEN")
    rate_limit: int = Field(30, ge=0, le=1000, alias="SLEUTEL_RATE_LIMIT")

    @field_validator("timezone")
    @classmethod
    def _known_timezone(cls, value: str) -> str:
        try:
            ZoneInfo(value)
        except (ZoneInfoNotFoundError, ValueError) as exc:
            raise ValueError(f"unknown timezone {value!r}") from exc
        return value

    @field_validator("listen")
    @classmethod
    def _host_port(cls, value: str) -> str:
        host, _, port = value.rpartition(":")
        if not host or not port.isdigit() or not 0 <= int(port) < 65536:
            raise ValueError(f"expected HOST:PORT, got {value!r}")
        return value

    @field_validator("database_url")
    @classmethod
    def _async_driver(cls, value: str | None) -> str | None:
        """Plain URLs as operators paste them get the async driver named; a database
        Sleutel does not run on is refused here, in one line, not by a traceback."""
        if not value:
            return value
        scheme, sep, rest = value.partition("://")
        if not sep:
            raise ValueError("not a database URL (postgresql://… or sqlite+aiosqlite:///…)")
        backend = scheme.split("+", 1)[0]
        if backend in ("postgres", "postgresql"):
            return "postgresql+asyncpg://" + rest
        if backend == "sqlite":
            return "sqlite+aiosqlite://" + rest
        raise ValueError(f"Sleutel runs on PostgreSQL or SQLite, not {backend}")

    @property
    def tz(self) -> ZoneInfo:
        return ZoneInfo(self.timezone)

    @property
    def listen_host_port(self) -> tuple[str, int]:
        host, _, port = self.listen.rpartition(":")
        return host.strip("[]"), int(port)

    def resolved_database_url(self) -> str:
        """The database URL; a SQLite file is made owner-only (0600) before first use,
        and the data dir holding it (0700)."""
        if self.database_url:
            url = make_url(self.database_url)
            if url.get_backend_name() == "sqlite" and url.database not in (None, "", ":memory:"):
                _private_database_file(Path(url.database))
            return self.database_url
        _private_dir(self.data_dir)
        path = (self.data_dir / "sleutel.db").resolve()
        _private_database_file(path)
        return f"sqlite+aiosqlite:///{path}"

    def token(self) -> str:
        if self.telegram_token is None or not self.telegram_token.get_secret_value().strip():
            raise SettingsError("TELEGRAM_TOKEN is not set: get a token from @BotFather.")
        return self.telegram_token.get_secret_value().strip()

    def cipher(self) -> Cipher:
        """The encryption keys: SLEUTEL_SECRET_KEY (comma-separated, newest first), else the
        key file in the data dir (one key a line, newest first), generated on first use
        with owner-only permissions."""
        source = (
            self.secret_key.get_secret_value()
            if self.secret_key is not None
            else _key_file(self.data_dir)
        )
        keys = [k.strip() for k in source.replace("\n", ",").split(",") if k.strip()]
        try:
            return Cipher(keys)
        except ValueError as exc:
            raise SettingsError(
                "SLEUTEL_SECRET_KEY is not a valid key: generate one with `sleutel keys new`."
            ) from exc


def _private_dir(path: Path) -> None:
    """The data dir holds the database and the key: only its owner may enter it."""
    path.mkdir(mode=0o700, parents=True, exist_ok=True)
    _restrict(path, 0o700)


def _private_database_file(path: Path) -> None:
    """Create the SQLite file owner-only (0600) before SQLite does, and tighten one made
    by an older version. SQLite gives the journal, `-wal` and `-shm` files it creates
    later the mode of the database file, so they are 0600 as well."""
    if not path.parent.is_dir():
        return  # SQLite says what is wrong with the path when it connects
    with contextlib.suppress(FileExistsError):
        os.close(os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600))
    for name in (path.name, f"{path.name}-wal", f"{path.name}-shm", f"{path.name}-journal"):
        _restrict(path.parent / name, 0o600)


def _restrict(path: Path, mode: int) -> None:
    try:
        os.chmod(path, mode)
    except FileNotFoundError:
        pass
    except PermissionError:
        # Not ours (a volume owned by another user): run, but say so.
        log.warning("cannot make private; check its owner", extra={"path": str(path)})


def _key_file(data_dir: Path) -> str:
    path = data_dir / "secret.key"
    if not path.exists():
        _private_dir(data_dir)
        fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
        with os.fdopen(fd, "w") as handle:
            handle.write(Cipher.generate_key())
    return path.read_text().strip()


# Secrets may come as files (Docker and compose secrets): NAME_FILE holds NAME's value.
FILE_VARIABLES = (
    "TELEGRAM_TOKEN",
    "DATABASE_URL",
    "SLEUTEL_SECRET_KEY",
    "SLEUTEL_WEBHOOK_SECRET",
)


def _from_files(environ: Mapping[str, str]) -> dict[str, str]:
    values = {}
    for name in FILE_VARIABLES:
        path = environ.get(f"{name}_FILE")
        if not path or environ.get(name):
            continue
        try:
            value = Path(path).read_text(encoding="utf-8").strip()
        except OSError as exc:
            raise SettingsError(f"{name}_FILE: cannot read {path} ({exc.strerror})") from None
        if value:  # an empty file (e.g. no webhook secret in polling mode) sets nothing
            values[name] = value
    return values


def load_settings(environ: Mapping[str, str] = os.environ) -> Settings:
    try:
        return Settings(**_from_files(environ))
    except ValidationError as exc:
        error = exc.errors()[0]
        variable = str(error["loc"][0]) if error["loc"] else "environment"
        message = str(error["msg"]).removeprefix("Value error, ")  # pydantic's own wording
        raise SettingsError(f"{variable}: {message}") from None
