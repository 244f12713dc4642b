"""Tests that the fake Bot API speaks PTB's dialect: the real ``telegram.Bot`` talks to it.

If these break after a PTB upgrade, the end-to-end tests built on the fake can't be trusted.
"""

from __future__ import annotations

import asyncio
import datetime as dtm
import io
import warnings

import pytest
from telegram import (
    Bot,
    BotCommand,
    BotCommandScopeAllPrivateChats,
    InlineKeyboardButton,
    InlineKeyboardMarkup,
    ReplyKeyboardMarkup,
)
from telegram.error import (
    BadRequest,
    Conflict,
    EndPointNotFound,
    Forbidden,
    InvalidToken,
    RetryAfter,
)
from telegram.warnings import PTBDeprecationWarning

from bot.emulator import FakeBotAPI

USER = 424242


@pytest.fixture
async def fake_bot_api():
    fake = FakeBotAPI()
    await fake.start()
    yield fake
    await fake.stop()
    assert fake.server_errors == []


@pytest.fixture
async def bot(fake_bot_api: FakeBotAPI):
    bot = Bot(fake_bot_api.token, base_url=fake_bot_api.base_url)
    async with bot:
        yield bot


def keyboard(*pairs: tuple[str, str]) -> InlineKeyboardMarkup:
    return InlineKeyboardMarkup(
        [[InlineKeyboardButton(label, callback_data=data)] for label, data in pairs]
    )


async def test_get_me(bot: Bot, fake_bot_api: FakeBotAPI):
    me = await bot.get_me()
    assert me.id == fake_bot_api.bot_user_id
    assert me.username == fake_bot_api.bot_username
    assert me.is_bot
    assert fake_bot_api.calls_to("getMe")  # also called by `async with bot`


async def test_wrong_token_is_unauthorized(fake_bot_api: FakeBotAPI):
    with pytest.raises(InvalidToken):
        async with Bot("999:WRONG", base_url=fake_bot_api.base_url):
            pass


async def test_send_message_with_keyboard_and_protect_content(bot: Bot, fake_bot_api: FakeBotAPI):
    sent = await bot.send_message(
        USER, "42", reply_markup=keyboard(("Ja", "yes"), ("Nee", "no")), protect_content=True
    )
    assert sent.message_id == 1
    assert sent.chat.id == USER
    assert sent.from_user.id == fake_bot_api.bot_user_id
    assert sent.text == "42"  # a JSON-looking text stays a string
    assert sent.has_protected_content
    assert sent.reply_markup == keyboard(("Ja", "yes"), ("Nee", "no"))

    (call,) = fake_bot_api.calls_to("sendMessage")
    assert call.params["chat_id"] == USER
    assert call.params["protect_content"] is True
    assert call.params["reply_markup"]["inline_keyboard"][0][0]["callback_data"] == "yes"

    message = fake_bot_api.last_message_to(USER)
    assert message.text == "42"
    assert message.protect_content
    assert fake_bot_api.buttons(message) == [("Ja", "yes"), ("Nee", "no")]


async def test_html_is_rendered_and_validated(bot: Bot, fake_bot_api: FakeBotAPI):
    sent = await bot.send_message(USER, "<b>Hoi</b> &amp; welkom", parse_mode="HTML")
    assert sent.text == "Hoi & welkom"
    with pytest.raises(
        BadRequest, match=r"(?i)can't parse entities: unsupported start tag \"jan\""
    ):
        await bot.send_message(USER, "Hoi <Jan>", parse_mode="HTML")


async def test_reply_keyboard_is_recorded_but_not_echoed(bot: Bot, fake_bot_api: FakeBotAPI):
    sent = await bot.send_message(USER, "Kies", reply_markup=ReplyKeyboardMarkup([["A", "B"]]))
    assert sent.reply_markup is None
    recorded = fake_bot_api.last_message_to(USER).reply_markup
    assert recorded is not None
    assert recorded["keyboard"] == [[{"text": "A"}, {"text": "B"}]]
    assert fake_bot_api.buttons(fake_bot_api.last_message_to(USER)) == []


async def test_message_ids_are_shared_with_user_messages(bot: Bot, fake_bot_api: FakeBotAPI):
    await bot.send_message(USER, "een")
    fake_bot_api.push_text(USER, "twee")
    sent = await bot.send_message(USER, "drie")
    assert sent.message_id == 3
    assert (await bot.send_message(USER + 1, "ander")).message_id == 1


async def test_edit_message(bot: Bot, fake_bot_api: FakeBotAPI):
    sent = await bot.send_message(USER, "Vraag?", reply_markup=keyboard(("Ja", "yes")))

    edited = await bot.edit_message_text(
        "Vraag? Ja",
        chat_id=USER,
        message_id=sent.message_id,
        reply_markup=keyboard(("Terug", "back")),
    )
    assert edited.text == "Vraag? Ja"
    assert edited.edit_date is not None
    assert fake_bot_api.buttons(fake_bot_api.last_message_to(USER)) == [("Terug", "back")]

    with pytest.raises(BadRequest, match=r"(?i)message is not modified"):
        await bot.edit_message_text(
            "Vraag? Ja",
            chat_id=USER,
            message_id=sent.message_id,
            reply_markup=keyboard(("Terug", "back")),
        )

    # Like Telegram: editing the text without reply_markup drops the keyboard.
    await bot.edit_message_text("Klaar", chat_id=USER, message_id=sent.message_id)
    assert fake_bot_api.last_message_to(USER).reply_markup is None

    markup_edit = await bot.edit_message_reply_markup(
        chat_id=USER, message_id=sent.message_id, reply_markup=keyboard(("Opnieuw", "again"))
    )
    assert markup_edit.reply_markup == keyboard(("Opnieuw", "again"))
    assert [m.text for m in fake_bot_api.messages_to(USER)] == ["Klaar"]

    with pytest.raises(BadRequest, match=r"(?i)message to edit not found"):
        await bot.edit_message_text("x", chat_id=USER, message_id=999)


async def test_delete_message(bot: Bot, fake_bot_api: FakeBotAPI):
    first = await bot.send_message(USER, "een")
    second = await bot.send_message(USER, "twee")
    fake_bot_api.push_text(USER, "geheim")
    user_message_id = 3  # user and bot messages share the chat's message id counter

    assert await bot.delete_message(USER, first.message_id) is True
    assert await bot.delete_message(USER, user_message_id) is True
    assert [m.message_id for m in fake_bot_api.messages_to(USER)] == [second.message_id]

    with pytest.raises(BadRequest, match=r"(?i)message to delete not found"):
        await bot.delete_message(USER, first.message_id)

    fake_bot_api.undeletable.add(second.message_id)
    with pytest.raises(BadRequest, match=r"(?i)message can't be deleted"):
        await bot.delete_message(USER, second.message_id)

    fake_bot_api.undeletable.clear()
    assert await bot.delete_messages(USER, [second.message_id, 999]) is True
    assert fake_bot_api.messages_to(USER) == []
    assert fake_bot_api.calls_to("deleteMessages")[0].params["message_ids"] == [
        second.message_id,
        999,
    ]


async def test_callback_query(bot: Bot, fake_bot_api: FakeBotAPI):
    sent = await bot.send_message(USER, "Vraag?", reply_markup=keyboard(("Ja", "yes")))
    update_id = fake_bot_api.push_callback(USER, "yes")

    (update,) = await bot.get_updates()
    assert update.update_id == update_id
    query = update.callback_query
    assert query.data == "yes"
    assert query.from_user.id == USER
    assert query.from_user.language_code == "nl"
    assert query.message.message_id == sent.message_id
    assert query.message.text == "Vraag?"

    assert await bot.answer_callback_query(query.id, text="Dank") is True
    assert fake_bot_api.calls_to("answerCallbackQuery")[0].params == {
        "callback_query_id": query.id,
        "text": "Dank",
    }
    with pytest.raises(BadRequest, match=r"(?i)query ID is invalid"):
        await bot.answer_callback_query("12345")


async def test_get_updates_offset_confirmation(bot: Bot, fake_bot_api: FakeBotAPI):
    assert fake_bot_api.push_text(USER, "/start abc", first_name="Anna") == 1
    assert fake_bot_api.push_media(USER, "photo") == 2

    updates = await bot.get_updates()
    assert [u.update_id for u in updates] == [1, 2]
    command = updates[0].message
    assert command.text == "/start abc"
    assert command.from_user.first_name == "Anna"
    assert command.parse_entities() == {command.entities[0]: "/start"}
    assert updates[1].message.photo[-1].width == 1280

    # Unconfirmed updates are delivered again; offset confirms everything below it.
    assert [u.update_id for u in await bot.get_updates()] == [1, 2]
    assert [u.update_id for u in await bot.get_updates(offset=2, limit=1)] == [2]
    assert await bot.get_updates(offset=3) == ()


async def test_get_updates_long_poll(bot: Bot, fake_bot_api: FakeBotAPI):
    loop = asyncio.get_running_loop()
    poll = asyncio.create_task(bot.get_updates(timeout=5))
    await fake_bot_api.wait_for_calls("getUpdates", 1)
    await asyncio.sleep(0.05)
    assert not poll.done()

    started = loop.time()
    fake_bot_api.push_edited_text(USER, "verbeterd", message_id=1)
    (update,) = await poll
    assert loop.time() - started < 1
    assert update.edited_message.text == "verbeterd"

    started = loop.time()
    assert await bot.get_updates(offset=update.update_id + 1, timeout=1) == ()
    assert loop.time() - started >= 0.9


async def test_concurrent_get_updates_conflict(bot: Bot, fake_bot_api: FakeBotAPI):
    """A second poller (e.g. a second bot instance) terminates the first, like Telegram does.

    A second ``Bot`` is needed: PTB gives getUpdates its own connection pool of size 1, so one
    Bot can never poll concurrently with itself.
    """
    first = asyncio.create_task(bot.get_updates(timeout=5))
    await fake_bot_api.wait_for_calls("getUpdates", 1)
    async with Bot(fake_bot_api.token, base_url=fake_bot_api.base_url) as other:
        assert await other.get_updates() == ()
    with pytest.raises(Conflict, match=r"(?i)terminated by other getUpdates request"):
        await first


@pytest.mark.parametrize(
    "kind", ["photo", "voice", "video", "document", "sticker", "location", "contact"]
)
async def test_push_media_parses(bot: Bot, fake_bot_api: FakeBotAPI, kind: str):
    fake_bot_api.push_media(USER, kind)
    (update,) = await bot.get_updates()
    assert getattr(update.message, kind)
    assert update.message.text is None


async def test_set_commands_per_language(bot: Bot, fake_bot_api: FakeBotAPI):
    scope = BotCommandScopeAllPrivateChats()
    await bot.set_my_commands([BotCommand("start", "Begin")], scope=scope, language_code="nl")
    await bot.set_my_commands([BotCommand("start", "Start")], scope=scope, language_code="en")
    await bot.set_my_commands([BotCommand("help", "Help")])

    assert fake_bot_api.commands == {
        ("all_private_chats", "nl"): [{"command": "start", "description": "Begin"}],
        ("all_private_chats", "en"): [{"command": "start", "description": "Start"}],
        ("default", ""): [{"command": "help", "description": "Help"}],
    }
    assert await bot.get_my_commands(scope=scope, language_code="en") == (
        BotCommand("start", "Start"),
    )
    await bot.delete_my_commands(scope=scope, language_code="en")
    assert await bot.get_my_commands(scope=scope, language_code="en") == ()


async def test_send_document_upload(bot: Bot, fake_bot_api: FakeBotAPI):
    payload = b"naam;telefoon\nAnna;0612345678\n"
    sent = await bot.send_document(
        USER, io.BytesIO(payload), filename="export.csv", caption="Export", protect_content=True
    )
    assert sent.document.file_name == "export.csv"
    assert sent.caption == "Export"

    (call,) = fake_bot_api.calls_to("sendDocument")
    assert call.params["document_bytes"] == payload
    assert call.params["chat_id"] == USER
    message = fake_bot_api.last_message_to(USER)
    assert message.document_name == "export.csv"
    assert message.text == "Export"
    assert message.protect_content


async def test_webhook_and_misc_methods(bot: Bot, fake_bot_api: FakeBotAPI):
    assert await bot.set_webhook("https://example.org/hook") is True
    assert (await bot.get_webhook_info()).url == "https://example.org/hook"
    with pytest.raises(Conflict):
        await bot.get_updates()
    fake_bot_api.push_text(USER, "oud")
    assert await bot.delete_webhook(drop_pending_updates=True) is True
    assert await bot.get_updates() == ()
    assert await bot.send_chat_action(USER, "typing") is True
    assert fake_bot_api.calls_to("sendChatAction")[0].params["action"] == "typing"


async def test_unknown_method_is_404_and_recorded(bot: Bot, fake_bot_api: FakeBotAPI):
    # PTB turns the 404 of do_api_request into EndPointNotFound.
    with pytest.raises(EndPointNotFound):
        await bot.do_api_request("frobnicate", api_kwargs={"chat_id": USER})
    assert fake_bot_api.calls_to("frobnicate")[0].params == {"chat_id": USER}


async def test_blocked_chat_is_forbidden(bot: Bot, fake_bot_api: FakeBotAPI):
    fake_bot_api.blocked.add(USER)
    with pytest.raises(Forbidden, match=r"(?i)bot was blocked by the user"):
        await bot.send_message(USER, "Hallo?")
    assert fake_bot_api.messages_to(USER) == []
    assert len(fake_bot_api.calls_to("sendMessage")) == 1


async def test_fail_next_retry_after(bot: Bot, fake_bot_api: FakeBotAPI):
    fake_bot_api.fail_next(
        "sendMessage", status=429, description="Too Many Requests: retry after 7", retry_after=7
    )
    with pytest.raises(RetryAfter) as caught:
        await bot.send_message(USER, "te snel")
    # PTB 22 exposes an int (with a deprecation warning) unless PTB_TIMEDELTA=true opts into
    # timedelta.
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", PTBDeprecationWarning)
        retry_after = caught.value.retry_after
    if isinstance(retry_after, dtm.timedelta):
        retry_after = retry_after.total_seconds()
    assert retry_after == 7
    assert (await bot.send_message(USER, "nu wel")).text == "nu wel"


async def test_fail_next_bad_request_times(bot: Bot, fake_bot_api: FakeBotAPI):
    fake_bot_api.fail_next(
        "sendMessage", status=400, description="Bad Request: chat not found", times=2
    )
    for _ in range(2):
        with pytest.raises(BadRequest, match=r"(?i)chat not found"):
            await bot.send_message(USER, "x")
    await bot.send_message(USER, "x")


async def test_wait_for_calls_times_out_with_listing(fake_bot_api: FakeBotAPI, bot: Bot):
    await bot.send_message(USER, "een")
    with pytest.raises(AssertionError, match="sendMessage"):
        await fake_bot_api.wait_for_calls("editMessageText", 1, timeout=0.1)


async def test_form_and_json_bodies(fake_bot_api: FakeBotAPI):
    """Non-PTB clients (e.g. our own aiohttp polling loop) may post JSON or plain forms."""
    import aiohttp

    url = f"{fake_bot_api.base_url}{fake_bot_api.token}/sendMessage"
    markup = {"inline_keyboard": [[{"text": "A", "callback_data": "a"}]]}
    async with aiohttp.ClientSession() as session:
        async with session.post(
            url, json={"chat_id": str(USER), "text": "json", "reply_markup": markup}
        ) as resp:
            assert (await resp.json())["result"]["reply_markup"] == markup
        form = {"chat_id": str(USER), "text": "true", "reply_markup": '{"inline_keyboard": []}'}
        async with session.post(url, data=form) as resp:
            assert (await resp.json())["result"]["text"] == "true"
        async with session.get(
            f"{fake_bot_api.base_url}{fake_bot_api.token}/getUpdates?timeout=0"
        ) as resp:
            assert await resp.json() == {"ok": True, "result": []}
    first, second = fake_bot_api.calls_to("sendMessage")
    assert first.params["chat_id"] == USER
    assert second.params == {
        "chat_id": USER,
        "text": "true",
        "reply_markup": {"inline_keyboard": []},
    }
