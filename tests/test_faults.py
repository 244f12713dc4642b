"""The database briefly gone: nothing lost, nothing out of order, nothing twice."""

from __future__ import annotations

import pytest
from people import enrol
from sqlalchemy import text
from sqlalchemy.exc import DBAPIError, IntegrityError, OperationalError

from flows.core.roles import KEY_PERSON
from storage.database import (
    UNAVAILABLE_ERRORS,
    Database,
    DatabaseUnavailable,
    is_unavailable,
)

AWAY = OperationalError("SELECT 1", {}, Exception("database is away"))


def fail_once(monkeypatch: pytest.MonkeyPatch, owner: object, name: str) -> None:
    """The first call of `owner.name` meets a database that is away; later calls go through."""
    real = getattr(owner, name)
    failures = iter([True])

    async def flaky(*args: object) -> object:
        if next(failures, False):
            raise AWAY
        return await real(*args)

    monkeypatch.setattr(owner, name, flaky)


async def test_update_waits_while_the_database_is_away_and_keeps_its_order(
    runtime, fake_api, monkeypatch
):
    chat, _ = await enrol(runtime, fake_api, 30, KEY_PERSON, "Amina", language="en")
    fail_once(monkeypatch, runtime.engine, "handle_all")
    before = len(chat.texts())
    fake_api.push_text(30, "/help", language_code="en")
    fake_api.push_text(30, "/language", language_code="en")
    await runtime.poll_once()
    assert len(chat.texts()) == before  # the first failed, the second waited behind it
    async with runtime.db.unit_of_work() as uow:
        assert await uow.inbox.count_pending() == 2

    assert await runtime.process_inbox() == 2
    help_reply, language_question = chat.texts()[before:]
    assert help_reply.startswith("Hello Amina") and "language" in language_question


async def test_updates_are_fetched_again_when_they_could_not_be_stored(
    runtime, fake_api, monkeypatch
):
    chat, _ = await enrol(runtime, fake_api, 30, KEY_PERSON, "Amina", language="en")
    fail_once(monkeypatch, runtime.intake, "store")
    fake_api.push_text(30, "/help", language_code="en")
    with pytest.raises(OperationalError):
        await runtime.poll_once()  # not stored, so not confirmed to Telegram
    await runtime.poll_once()
    assert chat.last.text.startswith("Hello Amina")
    assert sum(1 for t in chat.texts() if t.startswith("Hello Amina")) == 1


async def test_a_reply_lost_to_the_network_is_delivered_by_the_outbox(runtime, fake_api):
    chat, _ = await enrol(runtime, fake_api, 30, KEY_PERSON, "Amina", language="en")
    fake_api.fail_next("sendMessage", status=502, description="Bad Gateway")
    fake_api.push_text(30, "/help", language_code="en")
    await runtime.poll_once()
    assert not chat.last.text.startswith("Hello Amina")
    await runtime.dispatch_outbox()
    assert chat.last.text.startswith("Hello Amina")


async def test_a_button_answered_too_late_still_gets_its_replies(runtime, fake_api):
    chat, _ = await enrol(runtime, fake_api, 30, KEY_PERSON, "Amina", language="en")
    [menu] = await chat.send("/help")
    fake_api.fail_next(
        "answerCallbackQuery", status=400,
        description="Bad Request: query is too old and response timeout expired",
    )  # fmt: skip
    [question] = await chat.tap("Language", menu)
    assert "Which language" in question.text


async def test_only_a_database_that_is_away_counts_as_unavailable(db):
    """Unavailable means "try again later" (503, back off); a refused statement is an
    answer, and retrying it as an outage would retry it forever."""
    gone = Database("sqlite+aiosqlite:////nonexistent-dir/x.db", db.cipher)
    with pytest.raises(Exception) as away:
        async with gone.unit_of_work() as uow:
            await uow.session.execute(text("SELECT 1"))
    assert is_unavailable(away.value)
    assert not await gone.ping()
    await gone.dispose()

    with pytest.raises(IntegrityError) as duplicate:
        async with db.unit_of_work() as uow:
            insert = text("INSERT INTO alembic_version (version_num) VALUES ('twice')")
            await uow.session.execute(insert)
            await uow.session.execute(insert)
    assert not is_unavailable(duplicate.value)
    assert not isinstance(duplicate.value, UNAVAILABLE_ERRORS)

    lost = DBAPIError("SELECT 1", {}, Exception("server closed"), connection_invalidated=True)
    assert is_unavailable(lost)
    assert is_unavailable(DatabaseUnavailable("DBAPIError"))
    assert await db.ping()
