"""Telegram's overall ceiling holds across workers, and SQLite has one worker."""

from __future__ import annotations

import asyncio
import time
from collections import Counter

import pytest

from bot.ratelimit import SendLimiter
from storage.database import Database


async def test_a_second_holds_only_as_many_sends_as_the_limit(db: Database):
    async with db.unit_of_work() as uow:
        taken = [await uow.send_window.take(1_000, 3) for _ in range(5)]
        assert taken == [True, True, True, False, False]
        assert await uow.send_window.take(1_001, 3)


async def test_two_workers_together_stay_under_the_ceiling(db: Database):
    """Two limiters on one database (two workers), each sending as fast as it may: no
    wall-clock second holds more than the ceiling, and edits count, answers do not. The
    shared window is used on PostgreSQL only (`bot.runtime`): SQLite has one worker."""
    if db.dialect != "postgresql":
        pytest.skip("several workers, and so the shared window, need PostgreSQL")
    limit = 4
    workers = [SendLimiter(limit, db), SendLimiter(limit, db)]
    moments: list[float] = []

    async def send() -> bool:
        moments.append(time.time())
        return True

    async def answer() -> bool:
        return True

    jobs = [
        worker.process_request(send, (), {}, endpoint, {}, None)
        for worker in workers
        for endpoint in ("sendMessage", "editMessageText", "sendDocument", "sendMessage") * 2
    ] + [workers[0].process_request(answer, (), {}, "answerCallbackQuery", {}, None)] * 20
    await asyncio.gather(*jobs)
    per_second = Counter(int(moment) for moment in moments)
    assert len(moments) == 16
    assert max(per_second.values()) <= limit, per_second


async def test_no_limit_means_no_waiting(db: Database):
    limiter = SendLimiter(0, db)
    sent = []

    async def send() -> bool:
        sent.append(1)
        return True

    await asyncio.gather(
        *(limiter.process_request(send, (), {}, "sendMessage", {}, None) for _ in range(100))
    )
    assert len(sent) == 100


def test_only_one_bot_runs_on_a_sqlite_database(tmp_path):
    url = f"sqlite+aiosqlite:///{tmp_path / 'one.db'}"
    first, second = Database(url, None), Database(url, None)  # type: ignore[arg-type]
    assert first.hold_single_writer()
    assert not second.hold_single_writer()
