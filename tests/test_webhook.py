"""The aiohttp server: webhook (secret, commit before 200, 503 without database),
health and metrics."""

from __future__ import annotations

import pytest
from aiohttp.test_utils import TestClient, TestServer
from people import add_organisation, invite_code

from bot.webhook import MAX_BODY, build_app
from flows.roles import KEY_PERSON

SECRET = "s3cret-token"


@pytest.fixture
async def client(runtime):
    app = build_app(runtime.db, runtime.inbox, runtime.metrics, SECRET)
    async with TestClient(TestServer(app)) as test_client:
        yield test_client


def update(update_id: int, text: str, user_id: int = 5) -> dict:
    user = {"id": user_id, "is_bot": False, "first_name": "T", "language_code": "en"}
    return {
        "update_id": update_id,
        "message": {
            "message_id": update_id,
            "date": 0,
            "chat": {"id": user_id, "type": "private"},
            "from": user,
            "text": text,
        },
    }


async def test_update_is_committed_before_200_and_then_processed(client, runtime, fake_api):
    code = await invite_code(runtime, await add_organisation(runtime), KEY_PERSON)
    body = update(100, f"/start {code}")
    body["message"]["entities"] = [{"type": "bot_command", "offset": 0, "length": 6}]
    response = await client.post(
        "/telegram", json=body, headers={"X-Telegram-Bot-Api-Secret-Token": SECRET}
    )
    assert response.status == 200
    async with runtime.db.unit_of_work() as uow:
        assert await uow.inbox.count_pending() == 1
    await runtime.process_inbox()
    assert "Which language" in fake_api.last_message_to(5).text
    # Telegram delivering the same update again changes nothing.
    again = await client.post(
        "/telegram", json=body, headers={"X-Telegram-Bot-Api-Secret-Token": SECRET}
    )
    assert again.status == 200
    assert await runtime.process_inbox() == 0


async def test_wrong_or_missing_secret_is_refused(client, runtime):
    for headers in ({}, {"X-Telegram-Bot-Api-Secret-Token": "guess"}):
        response = await client.post("/telegram", json=update(1, "hi"), headers=headers)
        assert response.status == 401
    async with runtime.db.unit_of_work() as uow:
        assert await uow.inbox.count_pending() == 0


async def test_oversized_or_malformed_bodies_are_refused(client):
    headers = {"X-Telegram-Bot-Api-Secret-Token": SECRET}
    big = await client.post("/telegram", data=b"x" * (MAX_BODY + 1), headers=headers)
    assert big.status == 413
    bad = await client.post("/telegram", data=b"{not json", headers=headers)
    assert bad.status == 400


async def test_database_away_means_503_so_telegram_retries(runtime):
    from storage.crypto import Cipher
    from storage.database import Database

    gone = Database("sqlite+aiosqlite:////nonexistent-dir/x.db", Cipher([Cipher.generate_key()]))
    runtime.inbox.db = gone
    app = build_app(gone, runtime.inbox, runtime.metrics, SECRET)
    async with TestClient(TestServer(app)) as client:
        response = await client.post(
            "/telegram", json=update(1, "hi"), headers={"X-Telegram-Bot-Api-Secret-Token": SECRET}
        )
        assert response.status == 503
        health = await client.get("/healthz")
        assert health.status == 503


async def test_health_and_metrics(client, runtime):
    health = await client.get("/healthz")
    assert health.status == 200 and (await health.json())["status"] == "ok"
    await client.post(
        "/telegram", json=update(1, "hi"), headers={"X-Telegram-Bot-Api-Secret-Token": SECRET}
    )
    await runtime.tick()
    metrics = await (await client.get("/metrics")).text()
    assert "sleutel_updates_received_total 1.0" in metrics
    assert "sleutel_inbox_pending 1.0" in metrics
    assert "sleutel_outbox_sent_total" in metrics


async def test_no_webhook_route_without_a_secret(runtime):
    app = build_app(runtime.db, runtime.inbox, runtime.metrics, None)
    async with TestClient(TestServer(app)) as client:
        response = await client.post("/telegram", json=update(1, "hi"))
        assert response.status in (404, 405)
