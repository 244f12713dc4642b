"""`/healthz` tells when Telegram is out of reach, and the log says so once, and once
when it is back. Time is moved on a fake monotonic clock, never slept through."""

from __future__ import annotations

import asyncio
import logging
from datetime import timedelta

import pytest
from aiohttp.test_utils import TestClient, TestServer
from people import enrol

from bot.health import TelegramHealth
from bot.polling import poll_forever
from bot.webhook import build_app
from flows.core.roles import KEY_PERSON

SECRET = "s3cret-token"


class Monotonic:
    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now


@pytest.fixture
def monotonic() -> Monotonic:
    return Monotonic()


@pytest.fixture
def health(monotonic: Monotonic) -> TelegramHealth:
    return TelegramHealth(clock=monotonic)


@pytest.fixture
async def client(runtime, health):
    app = build_app(runtime.db, runtime.intake, runtime.metrics, SECRET, health)
    async with TestClient(TestServer(app)) as test_client:
        yield test_client


def telegram_lines(caplog: pytest.LogCaptureFixture) -> list[tuple[str, int]]:
    return [
        (r.getMessage(), r.seconds)
        for r in caplog.records
        if r.name == "bot.health" and hasattr(r, "seconds")
    ]


async def until(condition, timeout: float = 10.0) -> None:
    deadline = asyncio.get_running_loop().time() + timeout
    while not condition():
        assert asyncio.get_running_loop().time() < deadline, "condition not met in time"
        await asyncio.sleep(0.01)


async def test_polling_that_fails_for_two_minutes_is_unhealthy_and_logged(
    runtime, fake_api, client, health, monotonic, caplog
):
    caplog.set_level(logging.INFO, logger="bot.health")
    fake_api.fail_next("getUpdates", status=502, description="Bad Gateway", times=2)
    stop = asyncio.Event()
    poller = asyncio.create_task(
        poll_forever(runtime.application.bot, runtime.intake, stop, health)
    )
    try:
        await fake_api.wait_for_calls("getUpdates", 1)
        await until(lambda: health.failing)
        answer = await client.get("/healthz")
        assert answer.status == 200
        body = await answer.json()
        assert body["telegram"] == {"last_success_seconds_ago": None, "failing_for_seconds": 0}

        monotonic.now += 61
        await fake_api.wait_for_calls("getUpdates", 2)  # the second failure, a second later
        await until(lambda: telegram_lines(caplog))
        assert telegram_lines(caplog) == [("telegram unreachable", 61)]
        assert (await client.get("/healthz")).status == 200  # a minute is not yet two

        monotonic.now += 60
        answer = await client.get("/healthz")
        assert answer.status == 503
        body = await answer.json()
        assert body["status"] == "telegram unreachable" and body["database"] is True
        assert body["telegram"]["failing_for_seconds"] == 121

        # Telegram answers again (the third long poll returns with an update).
        await fake_api.wait_for_calls("getUpdates", 3)
        monotonic.now += 5
        fake_api.push_text(77, "hi", language_code="en")
        await until(lambda: len(telegram_lines(caplog)) == 2)
        assert telegram_lines(caplog)[1] == ("telegram reachable again", 126)
        answer = await client.get("/healthz")
        assert answer.status == 200
        body = await answer.json()
        assert body["status"] == "ok"
        assert body["telegram"] == {"last_success_seconds_ago": 0, "failing_for_seconds": 0}
        monotonic.now += 3.2
        body = await (await client.get("/healthz")).json()
        assert body["telegram"]["last_success_seconds_ago"] == 3.2
    finally:
        stop.set()
        poller.cancel()
        with pytest.raises(asyncio.CancelledError):
            await poller


async def test_the_log_says_it_once_however_long_it_lasts(health, monotonic, caplog):
    caplog.set_level(logging.INFO, logger="bot.health")
    for _ in range(10):
        health.failed()
        monotonic.now += 30
    assert not health.healthy()
    health.ok()
    health.ok()
    assert telegram_lines(caplog) == [
        ("telegram unreachable", 60),
        ("telegram reachable again", 300),
    ]
    assert health.healthy()
    # A short hiccup is not worth a line.
    health.failed()
    monotonic.now += 59
    health.failed()
    health.ok()
    assert len(telegram_lines(caplog)) == 2


async def test_a_webhook_update_counts_as_telegram_reaching_us(client, health, monotonic):
    update = {"update_id": 5, "my_chat_member": {}}
    headers = {"X-Telegram-Bot-Api-Secret-Token": SECRET}
    assert (await client.post("/telegram", json=update, headers=headers)).status == 200
    monotonic.now += 7
    body = await (await client.get("/healthz")).json()
    assert body["telegram"] == {"last_success_seconds_ago": 7, "failing_for_seconds": 0}
    # Forged posts are not Telegram.
    monotonic.now += 5
    await client.post("/telegram", json=update, headers={})
    body = await (await client.get("/healthz")).json()
    assert body["telegram"]["last_success_seconds_ago"] == 12


async def test_health_reports_how_long_the_oldest_undelivered_message_waits(
    runtime, fake_api, client, clock
):
    body = await (await client.get("/healthz")).json()
    assert body["outbox_oldest_seconds"] == 0
    _chat, person_id = await enrol(runtime, fake_api, 30, KEY_PERSON, "Amina", language="en")
    async with runtime.db.unit_of_work() as uow:
        await uow.outbox.add(person_id, {"text": "queued"}, now=clock.now())
    clock.advance(timedelta(seconds=90))
    async with runtime.db.unit_of_work() as uow:
        await uow.outbox.add(person_id, {"text": "queued later"}, now=clock.now())
    clock.advance(timedelta(seconds=5))
    answer = await client.get("/healthz")
    assert answer.status == 200  # a queue is not an outage; the number is for alerts
    assert (await answer.json())["outbox_oldest_seconds"] == 95
