"""One bad message never stops the bot: hostile updates are cleaned or set aside, a flood
does not hold up anyone else, a reply that never arrived leaves no dead end, and commands
that only show something leave an open question as it is."""

from __future__ import annotations

import pytest
from people import enrol
from sqlalchemy import text

from bot.polling import poll_once
from bot.updates import Unreadable, clean, to_event
from flows.core.events import Kind
from flows.core.roles import KEY_PERSON

WARNING = "You are sending messages faster than I can read them"


async def _statuses(runtime) -> dict[str, int]:
    async with runtime.db.engine.connect() as conn:
        rows = await conn.execute(
            text("SELECT coalesce(reason, status), count(*) FROM inbox_update GROUP BY 1")
        )
        return dict(rows.all())


def test_text_is_cleaned_at_the_door():
    dirty = {"text": "hi \ud800 there\x00\x07\x1b[31m\u0085\r\n\tok", "n": [1, "\udfff"]}
    assert clean(dirty) == {"text": "hi \ufffd there[31m\n\tok", "n": [1, "\ufffd"]}
    assert clean("\ud83d\ude00") == "\U0001f600"  # a pair that belongs together stays


def _message(**fields) -> dict:
    body = {"message_id": 7, "from": {"id": 30, "language_code": "ar"}, "chat": {"type": "private"}}
    return {"update_id": 1, "message": {**body, **fields}}


def test_an_update_is_read_from_its_json_field_by_field():
    event, query = to_event(_message(text="/Concern@SleutelBot now"))
    assert (event.kind, event.command, event.text, event.language_code) == (
        Kind.COMMAND,
        "concern",
        "now",
        "ar",
    )
    assert query is None
    assert to_event(_message(photo=[{"file_id": "x"}]))[0].media == "photo"
    assert to_event(_message(photo=[]))[0].media == "other"  # nothing in it
    assert to_event(_message(chat={"type": "group"})) == (None, None)  # groups are not read
    tap = {"id": "q1", "from": {"id": 30}, "data": "a:b", "message": {"message_id": 9}}
    event, query = to_event({"update_id": 2, "callback_query": tap})
    assert (event.kind, event.data, event.message_id, query) == (Kind.BUTTON, "a:b", 9, "q1")
    blocked = {
        "from": {"id": 30},
        "chat": {"type": "private"},
        "new_chat_member": {"status": "kicked"},
    }
    assert to_event({"update_id": 3, "my_chat_member": blocked})[0].kind == Kind.BLOCKED


@pytest.mark.parametrize(
    "update",
    [
        _message(message_id="7"),  # a number written as text
        _message(chat="nope"),
        _message(**{"from": {"id": True}}),  # a bool is no id
        _message(text=["not", "text"]),
        {"update_id": 2, "callback_query": {"from": {"id": 30}, "data": "a"}},  # no query id
        {"update_id": "1", "message": {}},
    ],
)
def test_an_update_of_another_shape_is_unreadable(update: dict):
    with pytest.raises(Unreadable):
        to_event(update)


async def test_a_lone_surrogate_does_not_stop_the_bot_for_anyone(runtime, fake_api):
    amina, _ = await enrol(runtime, fake_api, 30, KEY_PERSON, "Amina", language="en")
    bilal, _ = await enrol(runtime, fake_api, 31, KEY_PERSON, "Bilal", language="en")
    replies = await amina.send("hi \ud800")
    assert replies and "\ud800" not in replies[0].text  # answered, kindly
    assert (await bilal.send("/help"))[0].text.startswith("Hello Bilal")
    assert (await amina.send("/help"))[0].text.startswith("Hello Amina")


async def test_an_update_that_cannot_be_kept_is_set_aside_and_polling_goes_on(runtime, fake_api):
    await enrol(runtime, fake_api, 30, KEY_PERSON, "Amina", language="en")
    huge = 2**70
    fake_api.push_raw({"update_id": huge, "message": {"text": "x"}})
    await runtime.poll_once()
    offsets = [call.params.get("offset") for call in fake_api.calls_to("getUpdates")]
    assert offsets[-1] is None or int(offsets[-1]) <= huge
    await runtime.poll_once()  # the next round confirms it: it is not fetched forever
    assert int(fake_api.calls_to("getUpdates")[-1].params["offset"]) == huge + 1
    assert b'sleutel_updates_set_aside_total{reason="bad_id"} 1.0' in runtime.metrics.render()


async def test_an_update_of_a_shape_nobody_can_read_is_set_aside_and_its_sender_told(
    runtime, fake_api
):
    amina, _ = await enrol(runtime, fake_api, 30, KEY_PERSON, "Amina", language="en")
    fake_api.push_raw(
        {"message": {"message_id": "not a number", "from": {"id": 30}, "chat": "nope"}}
    )
    await runtime.poll_once()
    await runtime.dispatch_outbox()
    assert amina.last.text.startswith("Sorry, I could not read your last message")
    assert (await _statuses(runtime)).get("unreadable") == 1
    assert (await amina.send("/help"))[0].text.startswith("Hello Amina")


async def test_a_flood_from_one_person_does_not_hold_up_another(runtime, fake_api):
    """300 messages from one person, then one from another, all stored at once (as the
    polling loop stores them while the inbox works): the other is answered in the first
    round, the flooder gets what they sent first and one warning, the rest is set aside."""
    amina, _ = await enrol(runtime, fake_api, 30, KEY_PERSON, "Amina", language="en")
    bilal, _ = await enrol(runtime, fake_api, 31, KEY_PERSON, "Bilal", language="en")
    before_amina, before_bilal = len(amina.texts()), len(bilal.texts())
    sent_before = len(fake_api.calls_to("sendMessage"))
    for n in range(300):
        fake_api.push_text(30, f"hello {n}", language_code="en")
    fake_api.push_text(31, "/help", language_code="en")
    offset = await runtime.intake.next_offset()
    for _round in range(4):
        offset = await poll_once(runtime.application.bot, runtime.intake, offset)
    await runtime.process_inbox()
    await runtime.dispatch_outbox()

    sends = fake_api.calls_to("sendMessage")[sent_before:]
    order = [int(call.params["chat_id"]) for call in sends]
    assert 31 in order[:2]  # Bilal is answered in the first round, beside Amina's first
    assert len(bilal.texts()) == before_bilal + 1
    flooder = amina.texts()[before_amina:]
    assert sum(WARNING in t for t in flooder) == 1
    assert len(flooder) == 30 + 1
    assert (await _statuses(runtime)).get("flood") == 270


async def test_a_reply_that_never_arrived_is_asked_again_from_a_stale_button(
    runtime, fake_api, monkeypatch
):
    """The bot stopped right after committing a tap, before the edit reached the phone:
    the old buttons are stale, and pressing one shows the open question again."""
    amina, _ = await enrol(runtime, fake_api, 30, KEY_PERSON, "Amina", language="en")
    await amina.send("/concern")
    first = amina.with_buttons()
    real_answer = runtime.replies.answer

    async def crashed(*_args: object) -> None:
        return None

    monkeypatch.setattr(runtime.replies, "answer", crashed)
    await amina.choose("danger", "no")  # committed, but the person sees nothing
    monkeypatch.setattr(runtime.replies, "answer", real_answer)
    assert amina.with_buttons() == first

    stale = next(data for _label, data in fake_api.buttons(first) if ":danger:no" in data)
    fake_api.push_callback(30, stale, message=first, language_code="en")
    replies = await amina._round()
    assert amina.last_toast() == "This question is no longer open."
    assert "This question is no longer open." in replies[0].text
    stale_reply, again = replies
    assert not stale_reply.reply_markup  # not the main menu: the person is in a concern
    assert "initials" in again.text  # the question the lost reply would have shown
    await amina.send("F.K.")  # and the concern goes on from there
    assert fake_api.buttons(amina.last)


async def test_a_look_at_the_privacy_notice_keeps_the_concern_being_written(runtime, fake_api):
    amina, _ = await enrol(runtime, fake_api, 30, KEY_PERSON, "Amina", language="en")
    await amina.send("/concern")
    await amina.choose("danger", "no")
    question = amina.with_buttons()
    replies = await amina.send("/privacy")
    assert not any("Nothing was saved" in r.text for r in replies)
    assert "What Sleutel keeps" in replies[0].text
    assert replies[-1].text == question.text  # back at the open question
    await amina.send("F.K.")  # and the draft goes on from there
    await amina.choose("age", "child")


async def test_changing_language_in_the_middle_comes_back_to_the_open_question(runtime, fake_api):
    amina, _ = await enrol(runtime, fake_api, 30, KEY_PERSON, "Amina", language="en")
    await amina.send("/concern")
    await amina.choose("danger", "no")
    await amina.send("/language")
    replies = await amina.choose("lang", "nl")
    assert "Nederlands" in replies[0].text
    assert "initialen" in replies[-1].text  # the open question again, now in Dutch
    await amina.send("F.K.")
    await amina.choose("age", "child")


async def test_help_in_the_middle_says_so_and_asks_again(runtime, fake_api):
    amina, _ = await enrol(runtime, fake_api, 30, KEY_PERSON, "Amina", language="en")
    [question] = await amina.send("/concern")
    help_text, again = await amina.send("/help")
    assert "You are in the middle of something" in help_text.text
    assert not help_text.reply_markup  # no menu: a tap there would leave the question
    assert again.text == question.text
