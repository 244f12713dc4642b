"""The outbox through the real PTB bot: rate limits, retries, blocked people, dead letters."""

from __future__ import annotations

from datetime import timedelta

from people import add_organisation, enrol

from flows.core.messages import Reply, _, to_json
from flows.core.roles import CONFIDANT, COORDINATOR


async def queue(runtime, person_id: int, text: str = "Hello {name}", **params) -> int:
    async with runtime.db.unit_of_work() as uow:
        message = Reply(_(text, **params), protect=True)
        return await uow.outbox.add(person_id, to_json(message), now=runtime.clock.now())


async def status(runtime, message_id: int) -> tuple[str, int]:
    from sqlalchemy import text

    async with runtime.db.engine.connect() as conn:
        row = (
            await conn.execute(
                text("SELECT status, attempts FROM outbox_message WHERE id = :id"),
                {"id": message_id},
            )
        ).one()
    return row[0], row[1]


async def test_queued_message_is_rendered_in_the_recipients_language(runtime, fake_api):
    _, saskia = await enrol(runtime, fake_api, 20, CONFIDANT, "Saskia", language="nl")
    message = await queue(runtime, saskia, "Welcome, {name}!", name="Saskia")
    assert await runtime.dispatch_outbox() == 1
    sent = fake_api.last_message_to(20)
    assert sent.text == "Welkom, Saskia!" and sent.protect_content
    assert await status(runtime, message) == ("sent", 1)
    assert await runtime.dispatch_outbox() == 0  # never twice


async def test_429_waits_for_retry_after_then_delivers(runtime, fake_api, clock):
    _, saskia = await enrol(runtime, fake_api, 20, CONFIDANT, "Saskia")
    message = await queue(runtime, saskia)
    fake_api.fail_next(
        "sendMessage", status=429, description="Too Many Requests: retry after 30", retry_after=30
    )
    assert await runtime.dispatch_outbox() == 0
    clock.advance(timedelta(seconds=10))
    assert await runtime.dispatch_outbox() == 0  # still waiting
    clock.advance(timedelta(seconds=25))
    assert await runtime.dispatch_outbox() == 1
    assert await status(runtime, message) == ("sent", 2)


async def test_server_errors_back_off_and_retry(runtime, fake_api, clock):
    _, saskia = await enrol(runtime, fake_api, 20, CONFIDANT, "Saskia")
    message = await queue(runtime, saskia)
    fake_api.fail_next("sendMessage", status=502, description="Bad Gateway", times=2)
    assert await runtime.dispatch_outbox() == 0
    clock.advance(timedelta(seconds=6))
    assert await runtime.dispatch_outbox() == 0
    clock.advance(timedelta(seconds=11))
    assert await runtime.dispatch_outbox() == 1
    assert await status(runtime, message) == ("sent", 3)


async def test_blocked_person_is_marked_unreachable_and_the_coordinator_is_told(runtime, fake_api):
    org = await add_organisation(runtime)
    coordinator, _ = await enrol(
        runtime, fake_api, 10, COORDINATOR, "Ingrid", org_id=org, language="en"
    )
    _, saskia = await enrol(runtime, fake_api, 20, CONFIDANT, "Saskia", org_id=org)
    await runtime.dispatch_outbox()
    fake_api.blocked.add(20)
    message = await queue(runtime, saskia)
    await runtime.dispatch_outbox()
    assert (await status(runtime, message))[0] == "unreachable"
    await runtime.dispatch_outbox()
    assert "cannot reach Saskia" in coordinator.last.text
    async with runtime.db.unit_of_work() as uow:
        assert not (await uow.people.get(saskia)).reachable
    # Writing to the bot again makes them reachable again.
    fake_api.blocked.discard(20)
    fake_api.push_text(20, "/help")
    await runtime.poll_once()
    async with runtime.db.unit_of_work() as uow:
        assert (await uow.people.get(saskia)).reachable


async def test_refused_message_is_a_dead_letter_and_the_coordinator_is_told(runtime, fake_api):
    org = await add_organisation(runtime)
    coordinator, _ = await enrol(
        runtime, fake_api, 10, COORDINATOR, "Ingrid", org_id=org, language="en"
    )
    _, saskia = await enrol(runtime, fake_api, 20, CONFIDANT, "Saskia", org_id=org)
    await runtime.dispatch_outbox()
    message = await queue(runtime, saskia)
    fake_api.fail_next("sendMessage", status=400, description="Bad Request: chat not found")
    await runtime.dispatch_outbox()
    assert await status(runtime, message) == ("dead", 1)
    await runtime.dispatch_outbox()
    assert "could not be delivered" in coordinator.last.text


async def test_one_chat_gets_about_one_message_a_second(runtime, fake_api, clock):
    _, saskia = await enrol(runtime, fake_api, 20, CONFIDANT, "Saskia")
    first, second = await queue(runtime, saskia), await queue(runtime, saskia)
    assert await runtime.dispatch_outbox() == 1
    waiting = await status(runtime, second)
    assert waiting[0] == "pending"
    # It waits out the pause, not claimed and freed again round after round.
    assert await runtime.dispatch_outbox() == 0
    assert await status(runtime, second) == waiting
    runtime.dispatcher._last_sent.clear()  # a second later
    clock.advance(timedelta(seconds=1))
    assert await runtime.dispatch_outbox() == 1
    assert (await status(runtime, first))[0] == (await status(runtime, second))[0] == "sent"


def member_update(user_id: int, old: str, new: str) -> dict:
    user = {"id": user_id, "is_bot": False, "first_name": "T"}
    bot = {"id": 123456, "is_bot": True, "first_name": "Sleutel"}
    return {
        "my_chat_member": {
            "chat": {"id": user_id, "type": "private", "first_name": "T"},
            "from": user,
            "date": 0,
            "old_chat_member": {"status": old, "user": bot, "until_date": 0},
            "new_chat_member": {"status": new, "user": bot, "until_date": 0},
        }
    }


async def test_blocking_the_bot_is_noticed_at_once_and_unblocking_too(runtime, fake_api):
    org = await add_organisation(runtime)
    coordinator, _ = await enrol(
        runtime, fake_api, 10, COORDINATOR, "Ingrid", org_id=org, language="en"
    )
    _, saskia = await enrol(runtime, fake_api, 20, CONFIDANT, "Saskia", org_id=org)
    await runtime.dispatch_outbox()
    fake_api.push_raw(member_update(20, "member", "kicked"))
    await runtime.poll_once()
    await runtime.dispatch_outbox()
    async with runtime.db.unit_of_work() as uow:
        assert not (await uow.people.get(saskia)).reachable
    assert f"cannot reach Saskia (P{saskia})" in coordinator.last.text
    fake_api.push_raw(member_update(20, "kicked", "member"))
    await runtime.poll_once()
    async with runtime.db.unit_of_work() as uow:
        assert (await uow.people.get(saskia)).reachable
    # A stranger blocking the bot leaves no trace and gets no message.
    before = len(fake_api.calls_to("sendMessage"))
    fake_api.push_raw(member_update(77, "member", "kicked"))
    await runtime.poll_once()
    assert len(fake_api.calls_to("sendMessage")) == before


async def test_an_update_nobody_can_parse_is_set_aside_and_polling_goes_on(runtime, fake_api):
    chat, _ = await enrol(runtime, fake_api, 20, CONFIDANT, "Saskia", language="en")
    broken = member_update(20, "member", "kicked")
    del broken["my_chat_member"]["new_chat_member"]["until_date"]  # PTB cannot parse this
    fake_api.push_raw(broken)
    fake_api.push_text(20, "/help", language_code="en")
    await runtime.poll_once()
    assert chat.last.text.startswith("Hello Saskia")
    async with runtime.db.unit_of_work() as uow:
        assert await uow.inbox.count_pending() == 0
        assert (await uow.people.by_telegram_id(20)).reachable
