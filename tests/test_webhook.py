"""The aiohttp server: webhook (secret, commit before 200, 503 without database),
health and metrics."""

from __future__ import annotations

import asyncio
import json

import pytest
from aiohttp.test_utils import TestClient, TestServer
from chat import text_update
from people import add_organisation, invite_code

from bot.webhook import MAX_BODY, build_app
from flows.core.roles import KEY_PERSON

SECRET = "s3cret-token"


@pytest.fixture
async def client(runtime):
    app = build_app(runtime.db, runtime.intake, runtime.metrics, SECRET)
    async with TestClient(TestServer(app)) as test_client:
        yield test_client


async def test_update_is_committed_before_200_and_then_processed(client, runtime, fake_api):
    code = await invite_code(runtime, await add_organisation(runtime), KEY_PERSON)
    body = text_update(100, f"/start {code}")
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


async def test_wrong_or_missing_secret_is_forbidden(client, runtime):
    for headers in ({}, {"X-Telegram-Bot-Api-Secret-Token": "guess"}):
        response = await client.post("/telegram", json=text_update(1, "hi"), headers=headers)
        assert response.status == 403
    async with runtime.db.unit_of_work() as uow:
        assert await uow.inbox.count_pending() == 0


async def test_oversized_or_malformed_bodies_are_refused(client):
    headers = {"X-Telegram-Bot-Api-Secret-Token": SECRET}
    headers["Content-Type"] = "application/json"
    big = await client.post("/telegram", data=b"x" * (MAX_BODY + 1), headers=headers)
    assert big.status == 413
    bad = await client.post("/telegram", data=b"{not json", headers=headers)
    assert bad.status == 400
    not_utf8 = await client.post(
        "/telegram", data=b'{"update_id": 1, "x": "\xff"}', headers=headers
    )
    assert not_utf8.status == 400


async def test_database_away_means_503_so_telegram_retries(runtime):
    from storage.crypto import Cipher
    from storage.database import Database

    gone = Database("sqlite+aiosqlite:////nonexistent-dir/x.db", Cipher([Cipher.generate_key()]))
    runtime.intake.db = gone
    app = build_app(gone, runtime.intake, runtime.metrics, SECRET)
    async with TestClient(TestServer(app)) as client:
        response = await client.post(
            "/telegram",
            json=text_update(1, "hi"),
            headers={"X-Telegram-Bot-Api-Secret-Token": SECRET},
        )
        assert response.status == 503
        health = await client.get("/healthz")
        assert health.status == 503


async def test_health_and_metrics(client, runtime):
    health = await client.get("/healthz")
    assert health.status == 200 and (await health.json())["status"] == "ok"
    await client.post(
        "/telegram", json=text_update(1, "hi"), headers={"X-Telegram-Bot-Api-Secret-Token": SECRET}
    )
    await runtime.tick()
    metrics = await (await client.get("/metrics")).text()
    assert "sleutel_updates_received_total 1.0" in metrics
    assert "sleutel_inbox_pending 1.0" in metrics
    assert "sleutel_outbox_sent_total" in metrics


async def test_no_webhook_route_without_a_secret(runtime):
    app = build_app(runtime.db, runtime.intake, runtime.metrics, None)
    async with TestClient(TestServer(app)) as client:
        response = await client.post("/telegram", json=text_update(1, "hi"))
        assert response.status in (404, 405)


HEADERS = {"X-Telegram-Bot-Api-Secret-Token": SECRET}


async def test_only_json_bodies_are_accepted(client, runtime):
    body = json.dumps(text_update(1, "hi"))
    for content_type in ("text/plain", "application/x-www-form-urlencoded", None):
        headers = dict(HEADERS)
        if content_type:
            headers["Content-Type"] = content_type
        response = await client.post("/telegram", data=body.encode(), headers=headers)
        assert response.status == 415, content_type
    async with runtime.db.unit_of_work() as uow:
        assert await uow.inbox.count_pending() == 0


async def test_what_is_not_an_update_is_refused(client):
    for body in ([1, 2], "text", 7, {"message": {}}, {"update_id": "12"}, {"update_id": True}):
        response = await client.post("/telegram", json=body, headers=HEADERS)
        assert response.status == 400, body


@pytest.mark.parametrize(
    "hostile",
    [
        pytest.param(text_update(10, "hi \ud800"), id="lone-surrogate"),
        pytest.param(text_update(10, "a\x00b\x1bc\x85"), id="control-characters"),
        pytest.param(text_update(2**64 + 10, "hi"), id="update-id-beyond-64-bits"),
        pytest.param(text_update(2**63, "hi"), id="update-id-beyond-bigint"),
        pytest.param(text_update(-10, "hi"), id="negative-update-id"),
    ],
)
async def test_a_hostile_update_is_set_aside_with_200_and_the_next_goes_on(
    client, runtime, fake_api, hostile
):
    # Telegram would redeliver anything but a 2xx for a day, and nothing would change.
    code = await invite_code(runtime, await add_organisation(runtime), KEY_PERSON)
    response = await client.post("/telegram", json=hostile, headers=HEADERS)
    assert response.status == 200
    await runtime.process_inbox()
    start = text_update(11, f"/start {code}", user_id=6)
    start["message"]["entities"] = [{"type": "bot_command", "offset": 0, "length": 6}]
    response = await client.post("/telegram", json=start, headers=HEADERS)
    assert response.status == 200
    await runtime.process_inbox()
    assert "Which language" in fake_api.last_message_to(6).text


async def test_deliveries_of_one_update_at_once_are_all_200_and_stored_once(client, runtime):
    # Telegram redelivers when our answer was slow: the copies may meet in the
    # database. A duplicate key means "already stored", not "database away" (503).
    body = text_update(20, "hi")
    responses = await asyncio.gather(
        *(client.post("/telegram", json=body, headers=HEADERS) for _ in range(6))
    )
    assert [r.status for r in responses] == [200] * 6
    async with runtime.db.unit_of_work() as uow:
        assert await uow.inbox.count_pending() == 1


async def test_deliveries_at_once_are_committed_together_and_a_bad_one_alone(
    client, runtime, monkeypatch
):
    # A transaction a request cost more than the update: what arrives meanwhile waits for
    # one commit. An update that cannot be stored fails alone; the others are kept.
    store = runtime.intake.store
    batches: list[list[int]] = []

    async def store_refusing_42(updates):
        batches.append([u["update_id"] for u in updates])
        if any(u["update_id"] == 42 for u in updates):
            raise ValueError("an update nobody foresaw")
        return await store(updates)

    monkeypatch.setattr(runtime.intake, "store", store_refusing_42)
    bodies = [text_update(update_id, "hi", user_id=50 + update_id) for update_id in range(40, 48)]
    responses = await asyncio.gather(
        *(client.post("/telegram", json=body, headers=HEADERS) for body in bodies)
    )

    assert [r.status for r in responses] == [200, 200, 500, *[200] * 5]
    assert any(len(batch) > 1 for batch in batches)  # deliveries shared a commit
    assert [42] in batches  # tried alone before it was refused
    async with runtime.db.unit_of_work() as uow:
        assert await uow.inbox.count_pending() == 7
