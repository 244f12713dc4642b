"""Enrolment end to end: the real PTB Application, our polling loop, storage, the fake Bot API."""

from __future__ import annotations

from datetime import timedelta

from chat import Chat
from people import add_organisation, enrol, invite_code
from sqlalchemy import text

from flows.core.roles import CONFIDANT, COORDINATOR, KEY_PERSON


async def test_key_person_enrols_in_their_language_and_gets_the_menu(runtime, fake_api):
    org = await add_organisation(runtime)
    coordinator_chat, coordinator = await enrol(runtime, fake_api, 10, COORDINATOR, "Ingrid")
    _, confidant = await enrol(runtime, fake_api, 20, CONFIDANT, "Saskia", language="en")
    code = await invite_code(
        runtime, org, KEY_PERSON, confidant_id=confidant, created_by_id=coordinator
    )

    amina = Chat(runtime, fake_api, 30, language="en")
    [question] = await amina.send(f"/start {code}")
    labels = [label for label, _ in fake_api.buttons(question)]
    assert labels[0] == "English"  # Telegram's language first
    assert "Nederlands" in labels

    [notice] = await amina.choose("lang", "en")
    assert "initials" in notice.text and "Autoriteit Persoonsgegevens" in notice.text
    await amina.choose("agree")
    replies = await amina.send("  Amina   B. ")
    assert "Welcome, Amina B.!" in replies[0].text
    menu = [label for label, _ in fake_api.buttons(replies[-1])]
    assert "Language" in menu and "Privacy" in menu and "People" not in menu

    # The confidant and the coordinator who made the invite are told.
    assert "Amina B. has joined Sleutel as key person." in fake_api.last_message_to(20).text
    assert "Amina B." in coordinator_chat.last.text

    async with runtime.db.unit_of_work() as uow:
        person = await uow.people.by_telegram_id(30)
    assert person.locale == "en" and person.roles == {KEY_PERSON}
    assert person.membership(KEY_PERSON).confidant_id == confidant


async def test_coordinator_menu_offers_invite_and_people(runtime, fake_api):
    chat, _ = await enrol(runtime, fake_api, 11, COORDINATOR, "Ingrid", language="en")
    labels = [label for label, _ in fake_api.buttons(chat.last)]
    assert "Invite someone" in labels and "People" in labels


async def test_unknown_person_gets_one_neutral_reply_and_leaves_no_trace(runtime, fake_api, db):
    stranger = Chat(runtime, fake_api, 666, language="en")
    secret = "Fatima Yilmaz 0612345678"
    for text_sent in ("hello", secret, "/concern", "/start", "/help"):
        [reply] = await stranger.send(text_sent)
        assert "closed service" in reply.text
    [reply] = await stranger.send_media("photo")
    assert "closed service" in reply.text

    async with db.engine.connect() as conn:
        for table in ("person", "membership", "conversation", "audit_event", "outbox_message"):
            count = (await conn.execute(text(f"SELECT count(*) FROM {table}"))).scalar()
            assert count == 0, table
        payloads = (await conn.execute(text("SELECT payload FROM inbox_update"))).all()
    assert all(p[0] is None for p in payloads)  # processed updates keep only their id


async def test_wrong_used_and_expired_codes_each_get_their_own_message(runtime, fake_api, clock):
    org = await add_organisation(runtime)
    expired = await invite_code(runtime, org, KEY_PERSON, days=1)
    used = await invite_code(runtime, org, CONFIDANT)
    await enrol_with_code(runtime, fake_api, 41, used)
    clock.advance(timedelta(days=2))

    chat = Chat(runtime, fake_api, 42, language="en")
    assert "not known" in (await chat.send("/start nonsense-code"))[0].text
    assert "already been used" in (await chat.send(f"/start {used}"))[0].text
    assert "expired" in (await chat.send(f"/start {expired}"))[0].text


async def enrol_with_code(runtime, api, user_id: int, code: str) -> Chat:
    chat = Chat(runtime, api, user_id, language="en")
    await chat.send(f"/start {code}")
    await chat.choose("lang", "en")
    await chat.choose("agree")
    await chat.send("Someone")
    return chat


async def test_declining_consent_stores_nothing_about_the_person(runtime, fake_api, db):
    code = await invite_code(runtime, await add_organisation(runtime), KEY_PERSON)
    chat = Chat(runtime, fake_api, 50, language="en")
    await chat.send(f"/start {code}")
    await chat.choose("lang", "en")
    [reply] = await chat.choose("decline")
    assert "Without your consent" in reply.text
    async with db.engine.connect() as conn:
        assert (await conn.execute(text("SELECT count(*) FROM person"))).scalar() == 0
        assert (await conn.execute(text("SELECT count(*) FROM conversation"))).scalar() == 0


async def test_restart_in_the_middle_of_enrolment_continues_where_it_was(
    runtime, fake_api, clock, tmp_path
):
    from conftest import make_settings

    from bot.runtime import Runtime

    code = await invite_code(runtime, await add_organisation(runtime), KEY_PERSON)
    chat = Chat(runtime, fake_api, 60, language="en")
    await chat.send(f"/start {code}")
    await chat.choose("lang", "en")
    await runtime.close()

    restarted = Runtime(make_settings(fake_api, runtime.db.url, tmp_path), clock)
    await restarted.open()
    try:
        chat.rt = restarted
        await chat.choose("agree")
        [welcome, *_] = await chat.send("Yusuf")
        assert "Welcome, Yusuf!" in welcome.text
    finally:
        await restarted.close()
        runtime.application = restarted.application  # the fixture closes what it opened
        runtime.db = restarted.db


async def test_old_button_pressed_twice_is_no_longer_open(runtime, fake_api):
    code = await invite_code(runtime, await add_organisation(runtime), KEY_PERSON)
    chat = Chat(runtime, fake_api, 70, language="en")
    [question] = await chat.send(f"/start {code}")
    data = chat.find_button(question, "English")
    await chat.choose("lang", "en")
    fake_api.push_callback(70, data, message=question, language_code="en")
    reply, again = await chat._round()
    assert "no longer open" in reply.text
    assert fake_api.buttons(again)  # the consent question again
    assert chat.last_toast() == "This question is no longer open."
    # The first tap's effect stands: the consent question is still the open one.
    await chat.choose("agree")


async def test_media_and_commands_in_the_middle_of_enrolment(runtime, fake_api):
    code = await invite_code(runtime, await add_organisation(runtime), KEY_PERSON)
    chat = Chat(runtime, fake_api, 80, language="en")
    await chat.send(f"/start {code}")
    await chat.choose("lang", "en")
    await chat.choose("agree")
    refusal, again = await chat.send_media("voice")
    assert "does not keep photos, voice messages" in refusal.text
    assert "name" in again.text  # the open question again
    [too_long] = await chat.send("x" * 200)
    assert "1 to 32 letters" in too_long.text
    [welcome, *_] = await chat.send("Noor")
    assert "Welcome, Noor!" in welcome.text


async def test_an_unsupported_telegram_language_starts_in_the_organisations_language(
    runtime, fake_api
):
    async with runtime.db.unit_of_work() as uow:
        org = await uow.people.add_organisation("Expats", now=runtime.clock.now(), locale="en")
    code = await invite_code(runtime, org, KEY_PERSON)
    chat = Chat(runtime, fake_api, 90, language="pt-BR")
    [question] = await chat.send(f"/start {code}")
    assert question.text == "Welcome to Sleutel. Which language do you prefer?"
    assert fake_api.buttons(question)[0][0] == "English"  # the organisation's first
