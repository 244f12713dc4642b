"""Structured logs: one JSON object a line, with ids, kinds and timings only.

Log calls in Sleutel pass constant messages and ids in `extra`; message texts,
names, initials and notes are never logged. Libraries that log request
lines or API payloads (httpx: the bot token in URLs; PTB at DEBUG: whole
messages; database drivers: parameters) are held at WARNING whatever the
root level is.
"""

from __future__ import annotations

import json
import logging
import sys
import traceback
from datetime import UTC, datetime

_STANDARD = set(logging.LogRecord("", 0, "", 0, "", (), None).__dict__) | {"message"}


class JsonFormatter(logging.Formatter):
    def format(self, record: logging.LogRecord) -> str:
        entry = {
            "time": datetime.fromtimestamp(record.created, UTC).isoformat(timespec="milliseconds"),
            "level": record.levelname.lower(),
            "logger": record.name,
            "event": record.getMessage(),
        }
        entry.update({k: v for k, v in record.__dict__.items() if k not in _STANDARD})
        if record.exc_info:
            # The kind of error and where, never its message: a message may quote input.
            error_type, _error, trace = record.exc_info
            entry["error"] = error_type.__name__ if error_type else None
            entry["trace"] = "".join(traceback.format_tb(trace))
        return json.dumps(entry, default=str, ensure_ascii=False)


def configure_logging(level: int = logging.INFO) -> None:
    handler = logging.StreamHandler(sys.stderr)
    handler.setFormatter(JsonFormatter())
    root = logging.getLogger()
    root.handlers[:] = [handler]
    root.setLevel(level)
    quiet_libraries()


LIBRARIES_THAT_LOG_CONTENT = (
    "httpx",
    "httpcore",
    "telegram",
    "apscheduler",
    "aiohttp.access",
    "aiohttp.client",
    "aiosqlite",
    "sqlalchemy",
    "asyncpg",
    "alembic",
)


def quiet_libraries() -> None:
    for name in LIBRARIES_THAT_LOG_CONTENT:
        logging.getLogger(name).setLevel(logging.WARNING)
