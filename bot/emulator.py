"""An in-process emulator of the Telegram Bot API, for the end-to-end tests and `sleutel demo`.

Why a fake HTTP server instead of mocking ``telegram.Bot``: the end-to-end tests want to run the
*real* PTB ``Application`` and our own ``getUpdates`` polling loop, so that request encoding,
error mapping (``Forbidden``, ``RetryAfter``, ``BadRequest``), defaults and handler dispatch are
exercised exactly as in production. Only the network peer is replaced.

The fake imitates the parts of Telegram's behaviour that bots commonly get wrong:

* ``getUpdates`` offset confirmation and long polling (an update is redelivered until a later
  call confirms it with ``offset > update_id``; a second concurrent poll terminates the first
  with 409, a set webhook makes polling answer 409).
* Per-chat message ids shared by user and bot messages, as in private chats.
* ``editMessageText`` *without* ``reply_markup`` removes the inline keyboard; editing to the
  same content answers "message is not modified".
* ``parse_mode="HTML"`` is rendered to plain text (tags stripped, entities unescaped) and
  unsupported or unbalanced tags answer "can't parse entities", so un-escaped user input is
  caught. Markdown modes are stored verbatim.
* Limits that cause real-world 400s: 4096 characters per text, 1024 per caption, 64 bytes per
  ``callback_data``.

Everything runs on the test's event loop; the ``push_*`` helpers are synchronous so tests can
feed updates without awaiting.

For `sleutel demo`, the emulator also keeps what each person typed, tells observers
(``observe``) when a chat changes, gives a chat's whole ``transcript`` and the command menu a
person would see (``menu_for``), lets a button of a given message be pressed (``press``), hands
out the files the bot sent (``document``), and dates its messages by a clock it is given.
"""

from __future__ import annotations

import asyncio
import contextlib
import copy
import json
import logging
import time
from collections import deque
from collections.abc import Awaitable, Callable
from dataclasses import dataclass, field
from html.parser import HTMLParser
from typing import Any

from aiohttp import web

__all__ = ["ApiCall", "ChatChange", "FakeBotAPI", "SentMessage"]

logger = logging.getLogger(__name__)

JSONDict = dict[str, Any]

#: Form fields that are plain strings even when they happen to look like JSON ("123", "true").
#: PTB sends ``str`` values verbatim and ``json.dumps`` everything else, so without this list a
#: message text of "42" would be decoded to an int.
_STRING_PARAMS = frozenset(
    {
        "text",
        "caption",
        "parse_mode",
        "callback_query_id",
        "inline_message_id",
        "language_code",
        "action",
        "url",
        "secret_token",
        "ip_address",
        "business_connection_id",
        "message_effect_id",
        "document",
        "description",
        "short_description",
        "name",
    }
)

#: Parameters that Telegram documents as integers; accepted as numeric strings too.
_INT_PARAMS = frozenset(
    {
        "chat_id",
        "message_id",
        "from_chat_id",
        "user_id",
        "offset",
        "limit",
        "reply_to_message_id",
        "message_thread_id",
        "cache_time",
    }
)

_MAX_TEXT_LENGTH = 4096
_MAX_CAPTION_LENGTH = 1024
_MAX_CALLBACK_DATA_BYTES = 64
_MAX_UPLOAD_BYTES = 50 * 1024 * 1024  # Telegram's limit for bot uploads.

#: Tags Telegram accepts in parse_mode=HTML (https://core.telegram.org/bots/api#html-style).
_HTML_TAGS = frozenset(
    {
        "b",
        "strong",
        "i",
        "em",
        "u",
        "ins",
        "s",
        "strike",
        "del",
        "span",
        "tg-spoiler",
        "a",
        "tg-emoji",
        "code",
        "pre",
        "blockquote",
    }
)

MEDIA_KINDS = (
    "photo",
    "voice",
    "video",
    "document",
    "sticker",
    "location",
    "contact",
    "video_note",
    "poll",
    "dice",
)


@dataclass
class ApiCall:
    """One request the bot made, with parameters decoded to Python values; when it arrived
    (``time.time()``) and, once answered successfully, the result the bot got back."""

    method: str
    params: JSONDict
    at: float = field(default_factory=time.time)
    result: Any = None


@dataclass
class SentMessage:
    """A snapshot of a bot message as it currently appears in the chat.

    ``text`` is the rendered text (HTML tags stripped) for text messages and the caption for
    documents. ``reply_markup`` is the markup as the bot last set it (any keyboard kind).
    ``params`` are the decoded parameters of the call that sent the message.
    """

    message_id: int
    chat_id: int
    text: str | None
    reply_markup: JSONDict | None
    protect_content: bool
    document_name: str | None
    params: JSONDict


@dataclass
class _StoredMessage:
    """Server-side state of one bot message: the Telegram ``Message`` JSON plus what tests need."""

    message: JSONDict
    raw_text: str | None
    reply_markup: JSONDict | None
    document_name: str | None
    params: JSONDict

    def view(self) -> SentMessage:
        text = self.message.get("text", self.message.get("caption"))
        return SentMessage(
            message_id=self.message["message_id"],
            chat_id=self.message["chat"]["id"],
            text=text,
            reply_markup=copy.deepcopy(self.reply_markup),
            protect_content=bool(self.message.get("has_protected_content", False)),
            document_name=self.document_name,
            params=self.params,
        )


class _ApiError(Exception):
    """Raised by method handlers; becomes an ``{"ok": false, ...}`` answer."""

    def __init__(self, status: int, description: str, retry_after: int | None = None) -> None:
        super().__init__(description)
        self.status = status
        self.description = description
        self.retry_after = retry_after

    def body(self) -> JSONDict:
        body: JSONDict = {"ok": False, "error_code": self.status, "description": self.description}
        if self.retry_after is not None:
            body["parameters"] = {"retry_after": self.retry_after}
        return body


def _bad_request(reason: str) -> _ApiError:
    return _ApiError(400, f"Bad Request: {reason}")


class _Signal:
    """Wakes every coroutine waiting for "something changed" (a new update, a new call).

    Each ``notify`` sets the current event and installs a fresh one, so waiters never have to
    clear it and there is no lost-wakeup race (everything runs on one event loop).
    """

    def __init__(self) -> None:
        self._event = asyncio.Event()

    def notify(self) -> None:
        self._event.set()
        self._event = asyncio.Event()

    async def wait(self, timeout: float) -> None:
        event = self._event
        with contextlib.suppress(TimeoutError):
            await asyncio.wait_for(event.wait(), timeout)


class _TelegramHTML(HTMLParser):
    """Renders Telegram-flavoured HTML to plain text and rejects what Telegram would reject."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self.open_tags: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag not in _HTML_TAGS:
            raise _bad_request(f'can\'t parse entities: Unsupported start tag "{tag}"')
        self.open_tags.append(tag)

    def handle_endtag(self, tag: str) -> None:
        if not self.open_tags or self.open_tags[-1] != tag:
            raise _bad_request(f'can\'t parse entities: Unexpected end tag "{tag}"')
        self.open_tags.pop()

    def handle_data(self, data: str) -> None:
        self.parts.append(data)

    @classmethod
    def render(cls, source: str) -> str:
        parser = cls()
        parser.feed(source)
        parser.close()
        if parser.open_tags:
            tag = parser.open_tags[-1]
            raise _bad_request(
                f"can't parse entities: Can't find end tag corresponding to start tag \"{tag}\""
            )
        return "".join(parser.parts)


def _utf16_len(text: str) -> int:
    """Telegram measures lengths and entity offsets in UTF-16 code units."""
    return len(text.encode("utf-16-le")) // 2


def _decode_form_value(key: str, value: str) -> Any:
    """Undo PTB's form encoding: strings verbatim, everything else ``json.dumps``-ed."""
    if key in _STRING_PARAMS:
        return value
    try:
        return json.loads(value)
    except ValueError:
        return value  # e.g. chat_id="@channelname"


def _normalise_params(params: JSONDict) -> JSONDict:
    """Coerce documented integer parameters and JSON-in-a-string values to Python values."""
    for key, value in params.items():
        if key in _INT_PARAMS and isinstance(value, str) and value.lstrip("-").isdigit():
            params[key] = int(value)
        elif key not in _STRING_PARAMS and isinstance(value, str) and value[:1] in "[{":
            with contextlib.suppress(ValueError):
                params[key] = json.loads(value)
    return params


Handler = Callable[[JSONDict], Awaitable[Any]]

#: What changed in a chat, for observers: (kind, chat id, message id or None).
#: Kinds: "message" (new or edited, the bot's or the user's), "deleted", "commands".
ChatChange = tuple[str, int, int | None]


class FakeBotAPI:
    """A fake Telegram Bot API server on 127.0.0.1 for one bot; see the module docstring."""

    token: str = "123456:TEST-TOKEN"
    bot_user_id: int = 123456
    bot_username: str = "sleutel_test_bot"
    bot_first_name: str = "Sleutel Test"

    def __init__(self, clock: Callable[[], float] = time.time) -> None:
        #: Seconds since the epoch for message dates (``time.time`` unless a demo moves time).
        self.clock = clock
        self.calls: list[ApiCall] = []
        self.blocked: set[int] = set()
        self.undeletable: set[int] = set()
        #: Bot commands keyed by (scope type, language_code or "").
        self.commands: dict[tuple[str, str], list[JSONDict]] = {}
        self.webhook_url: str = ""
        #: Exceptions raised by the fake itself (bugs in this file); tests may assert it's empty.
        self.server_errors: list[BaseException] = []

        self._runner: web.AppRunner | None = None
        self._port: int | None = None
        self._closing = False

        self._pending_updates: list[JSONDict] = []
        self._next_update_id = 1
        self._updates_changed = _Signal()
        self._calls_changed = _Signal()
        self._poll_generation = 0

        self._next_message_id: dict[int, int] = {}
        self._bot_messages: dict[int, dict[int, _StoredMessage]] = {}
        self._user_messages: dict[int, set[int]] = {}
        self._user_message_json: dict[int, dict[int, JSONDict]] = {}
        self._observers: list[Callable[[ChatChange], None]] = []
        self._users: dict[int, JSONDict] = {}
        self._callback_query_ids: set[str] = set()
        self._next_callback_query_id = 1
        self._document_names: dict[str, str] = {}  # file_id -> file name, for re-sends
        self._failures: dict[str, deque[_ApiError]] = {}

        handlers: dict[str, Handler] = {
            "getMe": self._get_me,
            "getUpdates": self._get_updates,
            "sendMessage": self._send_message,
            "sendDocument": self._send_document,
            "editMessageText": self._edit_message_text,
            "editMessageReplyMarkup": self._edit_message_reply_markup,
            "deleteMessage": self._delete_message,
            "deleteMessages": self._delete_messages,
            "answerCallbackQuery": self._answer_callback_query,
            "setMyCommands": self._set_my_commands,
            "getMyCommands": self._get_my_commands,
            "deleteMyCommands": self._delete_my_commands,
            "setWebhook": self._set_webhook,
            "deleteWebhook": self._delete_webhook,
            "getWebhookInfo": self._get_webhook_info,
            "sendChatAction": self._true,
            "close": self._true,
            "logOut": self._true,
        }
        # Telegram matches method names case-insensitively; we record the canonical spelling.
        self._handlers = {name.lower(): (name, fn) for name, fn in handlers.items()}

    # ------------------------------------------------------------------ lifecycle

    async def start(self) -> None:
        """Listen on a free port of 127.0.0.1."""
        app = web.Application(client_max_size=_MAX_UPLOAD_BYTES)
        app.router.add_route("*", "/bot{token}/{method}", self._handle)
        app.router.add_route("*", "/{tail:.*}", self._not_found)
        # A short shutdown timeout: long polls are released by stop() anyway, and a hanging
        # handler must not stall the test suite for aiohttp's default 60 seconds.
        self._runner = web.AppRunner(app, access_log=None, shutdown_timeout=1.0)
        await self._runner.setup()
        site = web.TCPSite(self._runner, "127.0.0.1", 0)
        await site.start()
        self._port = self._runner.addresses[0][1]
        self._closing = False

    async def stop(self) -> None:
        """Release pending long polls and shut the server down."""
        self._closing = True
        self._updates_changed.notify()
        if self._runner is not None:
            await self._runner.cleanup()
            self._runner = None

    @property
    def port(self) -> int:
        if self._port is None:
            raise RuntimeError("FakeBotAPI.start() has not been awaited")
        return self._port

    @property
    def base_url(self) -> str:
        """The ``base_url`` for PTB; PTB appends the token and the method name."""
        if self._port is None:
            raise RuntimeError("FakeBotAPI.start() has not been awaited")
        return f"http://127.0.0.1:{self._port}/bot"

    # ------------------------------------------------------------------ inspection

    @property
    def pending_update_count(self) -> int:
        """Updates not yet confirmed by the bot."""
        return len(self._pending_updates)

    def calls_to(self, method: str) -> list[ApiCall]:
        return [call for call in self.calls if call.method.lower() == method.lower()]

    def messages_to(self, chat_id: int, *, after: set[int] | None = None) -> list[SentMessage]:
        """Bot messages currently visible in the chat, oldest first, edits applied; with
        ``after``, only those whose ids are not in it (the new ones since a snapshot of
        `message_ids_to`)."""
        stored = self._bot_messages.get(chat_id, {})
        return [
            stored[message_id].view()
            for message_id in sorted(stored)
            if after is None or message_id not in after
        ]

    def message_ids_to(self, chat_id: int) -> list[int]:
        """Ids of the bot messages currently in the chat, oldest first (cheap: no copies)."""
        return sorted(self._bot_messages.get(chat_id, {}))

    def newest_message_to(
        self, chat_id: int, matches: Callable[[SentMessage], bool]
    ) -> SentMessage | None:
        """The newest bot message in the chat that ``matches``, or None."""
        stored = self._bot_messages.get(chat_id, {})
        for message_id in sorted(stored, reverse=True):
            view = stored[message_id].view()
            if matches(view):
                return view
        return None

    def last_message_to(self, chat_id: int) -> SentMessage:
        messages = self.messages_to(chat_id)
        if not messages:
            raise AssertionError(f"the bot has no messages in chat {chat_id}")
        return messages[-1]

    @staticmethod
    def buttons(message: SentMessage) -> list[tuple[str, str]]:
        """(label, callback_data) of every inline button, row by row.

        Buttons without callback data (URL buttons etc.) report their URL, or "".
        """
        markup = message.reply_markup or {}
        return [
            (button["text"], button.get("callback_data") or button.get("url") or "")
            for row in markup.get("inline_keyboard", [])
            for button in row
        ]

    async def wait_for_calls(self, method: str, count: int, timeout: float = 5.0) -> None:
        """Wait until at least ``count`` calls to ``method`` have been recorded."""
        loop = asyncio.get_running_loop()
        deadline = loop.time() + timeout
        while len(self.calls_to(method)) < count:
            remaining = deadline - loop.time()
            if remaining <= 0:
                recorded = "\n".join(f"  {call.method} {call.params!r}" for call in self.calls)
                raise AssertionError(
                    f"expected {count} call(s) to {method} within {timeout}s, "
                    f"got {len(self.calls_to(method))}; recorded calls:\n{recorded or '  (none)'}"
                )
            await self._calls_changed.wait(remaining)

    # ------------------------------------------------------------------ a chat as a person sees it

    def observe(self, observer: Callable[[ChatChange], None]) -> None:
        """Call ``observer`` with every change to a chat (see `ChatChange`)."""
        self._observers.append(observer)

    def _changed(self, kind: str, chat_id: int, message_id: int | None) -> None:
        for observer in self._observers:
            try:
                observer((kind, chat_id, message_id))
            except Exception:  # an observer's bug must not fail the Bot API call
                logger.exception("observer failed")

    def _commands_changed(self, key: tuple[str, str]) -> None:
        scope, _language = key
        if scope.startswith("chat:"):
            with contextlib.suppress(ValueError):
                self._changed("commands", int(scope.split(":", 1)[1]), None)

    def menu_for(self, chat_id: int, language_code: str | None = None) -> list[JSONDict]:
        """The command menu a private chat shows, resolved the way Telegram does: the chat's
        own list, then all private chats, then the default; each in the user's language
        first."""
        languages = ([language_code] if language_code else []) + [""]
        for scope in (f"chat:{chat_id}", "all_private_chats", "default"):
            for language in languages:
                if (scope, language) in self.commands:
                    return copy.deepcopy(self.commands[(scope, language)])
        return []

    def entry(self, chat_id: int, message_id: int) -> JSONDict | None:
        """One message of the chat as a client shows it, or None when it is not there:
        ``id``, ``from`` ("bot" or "user"), ``date``, ``text``, ``buttons`` (rows of
        ``{"text", "data"}`` or ``{"text", "url"}``), ``document`` (name, size, type),
        ``edited``, ``protected``."""
        stored = self._bot_messages.get(chat_id, {}).get(message_id)
        if stored is not None:
            message = stored.message
            markup = self._inline_only(stored.reply_markup) or {}
            rows = [
                [
                    {"text": b.get("text", ""), "data": b["callback_data"]}
                    if "callback_data" in b
                    else {"text": b.get("text", ""), "url": b.get("url", "")}
                    for b in row
                ]
                for row in markup.get("inline_keyboard", [])
            ]
            document = message.get("document")
            return {
                "id": message_id,
                "from": "bot",
                "date": message["date"],
                "text": message.get("text", message.get("caption")),
                "buttons": rows,
                "document": {
                    "name": document.get("file_name"),
                    "size": document.get("file_size"),
                    "type": document.get("mime_type"),
                }
                if document
                else None,
                "edited": "edit_date" in message,
                "protected": bool(message.get("has_protected_content")),
            }
        message = self._user_message_json.get(chat_id, {}).get(message_id)
        if message is None:
            return None
        kind = next((k for k in MEDIA_KINDS if k in message), None)
        return {
            "id": message_id,
            "from": "user",
            "date": message["date"],
            "text": message.get("text", f"[{kind}]" if kind else ""),
            "buttons": [],
            "document": None,
            "edited": False,
            "protected": False,
        }

    def transcript(self, chat_id: int) -> list[JSONDict]:
        """The whole chat as a client shows it, oldest first (see `entry`)."""
        ids = set(self._bot_messages.get(chat_id, {})) | set(
            self._user_message_json.get(chat_id, {})
        )
        return [entry for i in sorted(ids) if (entry := self.entry(chat_id, i)) is not None]

    def document(self, chat_id: int, message_id: int) -> tuple[str, str, bytes] | None:
        """(file name, MIME type, bytes) of a file the bot uploaded in this message."""
        stored = self._bot_messages.get(chat_id, {}).get(message_id)
        if stored is None or "document_bytes" not in stored.params:
            return None
        return (
            stored.document_name or "document",
            stored.params.get("document_mime_type") or "application/octet-stream",
            stored.params["document_bytes"],
        )

    def press(
        self, chat_id: int, message_id: int, data: str, *, language_code: str | None = None
    ) -> int:
        """Press a button that is on this message now, as a client can; ValueError if
        there is no such message or button."""
        stored = self._bot_messages.get(chat_id, {}).get(message_id)
        if stored is None:
            raise ValueError("no such message")
        view = stored.view()
        if data not in [d for _label, d in self.buttons(view)]:
            raise ValueError("no such button")
        return self.push_callback(chat_id, data, message=view, language_code=language_code)

    # ------------------------------------------------------------------ faults

    def fail_next(
        self,
        method: str,
        *,
        status: int,
        description: str,
        retry_after: int | None = None,
        times: int = 1,
    ) -> None:
        """Make the next ``times`` calls of ``method`` answer this error instead of working."""
        queue = self._failures.setdefault(method.lower(), deque())
        queue.extend(_ApiError(status, description, retry_after) for _ in range(times))

    # ------------------------------------------------------------------ feeding updates

    def push_raw(self, update: JSONDict) -> int:
        """Queue an update as-is; an ``update_id`` is assigned unless present."""
        update = copy.deepcopy(update)
        if "update_id" not in update:
            update["update_id"] = self._next_update_id
        self._next_update_id = max(self._next_update_id, update["update_id"] + 1)
        self._pending_updates.append(update)
        self._updates_changed.notify()
        message = update.get("message")
        chat = message.get("chat") if isinstance(message, dict) else None
        if isinstance(chat, dict) and isinstance(chat.get("id"), int):  # hostile shapes pass
            chat_id, message_id = chat["id"], message.get("message_id")
            if message_id in self._user_messages.get(chat_id, set()):
                typed = self._user_message_json.setdefault(chat_id, {})
                typed[message_id] = copy.deepcopy(message)
                self._changed("message", chat_id, message_id)
        return update["update_id"]

    def push_text(
        self,
        user_id: int,
        text: str,
        *,
        first_name: str = "Test",
        language_code: str | None = "nl",
    ) -> int:
        """A private-chat text message; a leading "/word" gets a bot_command entity."""
        self._users[user_id] = {"first_name": first_name}
        message = self._user_message(user_id, language_code)
        message["text"] = text
        if entities := self._command_entities(text):
            message["entities"] = entities
        return self.push_raw({"message": message})

    def push_edited_text(
        self, user_id: int, text: str, message_id: int, *, language_code: str | None = "nl"
    ) -> int:
        """An ``edited_message`` update for an earlier user message."""
        user = self._user(user_id, language_code=language_code)
        message: JSONDict = {
            "message_id": message_id,
            "from": user,
            "chat": self._chat(user_id),
            "date": int(self.clock()),
            "edit_date": int(self.clock()),
            "text": text,
        }
        if entities := self._command_entities(text):
            message["entities"] = entities
        return self.push_raw({"edited_message": message})

    def push_forwarded_text(
        self,
        user_id: int,
        text: str,
        *,
        sender_first_name: str = "Fatima",
        sender_last_name: str = "Yilmaz",
        sender_id: int = 555_000_111,
        language_code: str | None = "nl",
    ) -> int:
        """A text message the user forwarded from someone else (``forward_origin`` names the
        original sender, as Telegram does when their privacy settings allow it)."""
        message = self._user_message(user_id, language_code)
        message["text"] = text
        message["forward_origin"] = {
            "type": "user",
            "date": int(self.clock()) - 3600,
            "sender_user": {
                "id": sender_id,
                "is_bot": False,
                "first_name": sender_first_name,
                "last_name": sender_last_name,
            },
        }
        return self.push_raw({"message": message})

    def push_callback(
        self,
        user_id: int,
        data: str,
        *,
        message: SentMessage | None = None,
        language_code: str | None = "nl",
    ) -> int:
        """A button press on a bot message (default: the bot's last message in that chat)."""
        if message is None:
            message = self.last_message_to(user_id)
        stored = self._bot_messages.get(message.chat_id, {}).get(message.message_id)
        if stored is not None:
            message_json = copy.deepcopy(stored.message)
        else:  # deleted meanwhile: Telegram still delivers the press with the old content
            message_json = self._bot_message_json(message.chat_id, message.message_id)
            message_json["text"] = message.text or ""
        query_id = str(4_000_000_000_000_000_000 + self._next_callback_query_id)
        self._next_callback_query_id += 1
        self._callback_query_ids.add(query_id)
        return self.push_raw(
            {
                "callback_query": {
                    "id": query_id,
                    "from": self._user(user_id, language_code),
                    "message": message_json,
                    "chat_instance": str(-(10**18) - user_id),
                    "data": data,
                }
            }
        )

    def push_media(self, user_id: int, kind: str, *, language_code: str | None = "nl") -> int:
        """A private-chat message carrying a non-text payload of ``kind`` (see MEDIA_KINDS)."""
        if kind not in MEDIA_KINDS:
            raise ValueError(f"unknown media kind {kind!r}; expected one of {MEDIA_KINDS}")
        message = self._user_message(user_id, language_code)
        file_id = f"{kind.upper()}-FILE-{message['message_id']}"
        unique = f"{kind}-{user_id}-{message['message_id']}"
        payloads: dict[str, Any] = {
            "photo": [
                {"file_id": f"{file_id}-s", "file_unique_id": f"{unique}-s", "width": 90,
                 "height": 67, "file_size": 1204},
                {"file_id": file_id, "file_unique_id": unique, "width": 1280, "height": 960,
                 "file_size": 112_345},
            ],
            "voice": {"file_id": file_id, "file_unique_id": unique, "duration": 3,
                      "mime_type": "audio/ogg", "file_size": 8_123},
            "video": {"file_id": file_id, "file_unique_id": unique, "width": 640, "height": 360,
                      "duration": 5, "mime_type": "video/mp4", "file_size": 512_000},
            "document": {"file_id": file_id, "file_unique_id": unique, "file_name": "scan.pdf",
                         "mime_type": "application/pdf", "file_size": 40_960},
            "sticker": {"file_id": file_id, "file_unique_id": unique, "type": "regular",
                        "width": 512, "height": 512, "is_animated": False, "is_video": False,
                        "emoji": "🙂", "set_name": "SomeStickers", "file_size": 20_480},
            "location": {"latitude": 52.3676, "longitude": 4.9041},
            "contact": {"phone_number": "+31612345678", "first_name": "Contact",
                        "user_id": 987_654_321},
            "video_note": {"file_id": file_id, "file_unique_id": unique, "length": 240,
                           "duration": 4, "file_size": 90_000},
            "poll": {"id": f"POLL-{unique}", "question": "Fatima Yilmaz?",
                     "options": [{"persistent_id": "1", "text": "ja", "voter_count": 0},
                                 {"persistent_id": "2", "text": "nee", "voter_count": 0}],
                     "total_voter_count": 0, "is_closed": False, "is_anonymous": True,
                     "type": "regular", "allows_multiple_answers": False,
                     "allows_revoting": False, "members_only": False},
            "dice": {"emoji": "🎲", "value": 4},
        }  # fmt: skip
        message[kind] = payloads[kind]
        return self.push_raw({"message": message})

    # ------------------------------------------------------------------ JSON builders

    def _bot_user(self) -> JSONDict:
        return {
            "id": self.bot_user_id,
            "is_bot": True,
            "first_name": self.bot_first_name,
            "username": self.bot_username,
        }

    def _user(self, user_id: int, language_code: str | None) -> JSONDict:
        user: JSONDict = {
            "id": user_id,
            "is_bot": False,
            "first_name": self._users.get(user_id, {}).get("first_name", "Test"),
        }
        if language_code is not None:
            user["language_code"] = language_code
        return user

    def _chat(self, chat_id: int) -> JSONDict:
        first_name = self._users.get(chat_id, {}).get("first_name", "Test")
        return {"id": chat_id, "type": "private", "first_name": first_name}

    def _allocate_message_id(self, chat_id: int) -> int:
        """Private chats number user and bot messages with one shared counter."""
        message_id = self._next_message_id.get(chat_id, 1)
        self._next_message_id[chat_id] = message_id + 1
        return message_id

    def _user_message(self, user_id: int, language_code: str | None) -> JSONDict:
        message_id = self._allocate_message_id(user_id)
        self._user_messages.setdefault(user_id, set()).add(message_id)
        return {
            "message_id": message_id,
            "from": self._user(user_id, language_code),
            "chat": self._chat(user_id),
            "date": int(self.clock()),
        }

    def _bot_message_json(self, chat_id: int, message_id: int) -> JSONDict:
        return {
            "message_id": message_id,
            "from": self._bot_user(),
            "chat": self._chat(chat_id),
            "date": int(self.clock()),
        }

    @staticmethod
    def _command_entities(text: str) -> list[JSONDict]:
        """Real Telegram marks a leading "/command[@bot]" so CommandHandler recognises it."""
        if not text.startswith("/") or len(text) < 2 or text[1].isspace():
            return []
        command = text.split(maxsplit=1)[0]
        return [{"type": "bot_command", "offset": 0, "length": _utf16_len(command)}]

    # ------------------------------------------------------------------ HTTP plumbing

    async def _not_found(self, request: web.Request) -> web.Response:
        return web.json_response(
            {"ok": False, "error_code": 404, "description": "Not Found"}, status=404
        )

    async def _read_params(self, request: web.Request) -> JSONDict:
        """Accept JSON bodies, url-encoded forms, multipart forms and query strings."""
        params: JSONDict = {
            key: _decode_form_value(key, value) for key, value in request.query.items()
        }
        if request.content_type == "application/json":
            body = await request.read()
            if body:
                params.update(json.loads(body))
        elif request.content_type in ("application/x-www-form-urlencoded", "multipart/form-data"):
            form = await request.post()
            for key, value in form.items():
                if isinstance(value, web.FileField):
                    params[key] = value
                else:
                    params[key] = _decode_form_value(key, str(value))
        return _normalise_params(params)

    async def _handle(self, request: web.Request) -> web.Response:
        if request.match_info["token"] != self.token:
            return web.json_response(
                {"ok": False, "error_code": 401, "description": "Unauthorized"}, status=401
            )
        requested = request.match_info["method"]
        canonical, handler = self._handlers.get(requested.lower(), (requested, None))
        params = await self._read_params(request)
        if canonical == "sendDocument":
            self._extract_upload(params)
        call = ApiCall(canonical, params)
        self.calls.append(call)
        self._calls_changed.notify()

        try:
            failures = self._failures.get(canonical.lower())
            if failures:
                raise failures.popleft()
            if handler is None:
                raise _ApiError(404, "Not Found: method not found")
            if params.get("chat_id") in self.blocked:
                raise _ApiError(403, "Forbidden: bot was blocked by the user")
            result = await handler(params)
            call.result = result
        except _ApiError as error:
            return web.json_response(error.body(), status=error.status)
        except Exception as error:  # a bug in the fake: make it loud, not a silent timeout
            logger.exception("FakeBotAPI failed handling %s", canonical)
            self.server_errors.append(error)
            return web.json_response(
                {
                    "ok": False,
                    "error_code": 500,
                    "description": f"Internal Server Error: FakeBotAPI bug: {error!r}",
                },
                status=500,
            )
        return web.json_response({"ok": True, "result": result})

    @staticmethod
    def _extract_upload(params: JSONDict) -> None:
        """Replace the multipart file part by its name and bytes, which tests can inspect."""
        document = params.get("document")
        if isinstance(document, web.FileField):
            params["document"] = document.filename
            params["document_name"] = document.filename
            params["document_bytes"] = document.file.read()
            params["document_mime_type"] = document.content_type

    # ------------------------------------------------------------------ validation helpers

    @staticmethod
    def _render(text: str, parse_mode: str | None, *, caption: bool = False) -> str:
        rendered = _TelegramHTML.render(text) if (parse_mode or "").upper() == "HTML" else text
        limit = _MAX_CAPTION_LENGTH if caption else _MAX_TEXT_LENGTH
        if _utf16_len(rendered) > limit:
            raise _bad_request("message caption is too long" if caption else "message is too long")
        if not caption and not rendered.strip():
            raise _bad_request("message text is empty")
        return rendered

    @staticmethod
    def _check_markup(markup: Any) -> None:
        if markup is None:
            return
        if not isinstance(markup, dict):
            raise _bad_request("can't parse reply keyboard markup JSON object")
        for row in markup.get("inline_keyboard", []):
            for button in row:
                data = button.get("callback_data")
                if data is not None and not (0 < len(data.encode()) <= _MAX_CALLBACK_DATA_BYTES):
                    raise _bad_request("BUTTON_DATA_INVALID")

    @staticmethod
    def _inline_only(markup: JSONDict | None) -> JSONDict | None:
        """Message objects only ever carry inline keyboards; reply keyboards aren't echoed."""
        return markup if markup and "inline_keyboard" in markup else None

    def _store_bot_message(
        self,
        params: JSONDict,
        content: JSONDict,
        *,
        raw_text: str | None,
        document_name: str | None,
    ) -> JSONDict:
        chat_id = params["chat_id"]
        if not isinstance(chat_id, int):
            raise _bad_request("chat not found")
        markup = params.get("reply_markup")
        self._check_markup(markup)
        message = self._bot_message_json(chat_id, self._allocate_message_id(chat_id))
        message.update(content)
        if inline := self._inline_only(markup):
            message["reply_markup"] = inline
        if params.get("protect_content"):
            message["has_protected_content"] = True
        self._bot_messages.setdefault(chat_id, {})[message["message_id"]] = _StoredMessage(
            message=message,
            raw_text=raw_text,
            reply_markup=markup,
            document_name=document_name,
            params=params,
        )
        self._changed("message", chat_id, message["message_id"])
        return copy.deepcopy(message)

    def _editable(self, params: JSONDict) -> _StoredMessage:
        if "inline_message_id" in params:
            raise _bad_request("inline message editing is not supported by FakeBotAPI")
        chat_id, message_id = params.get("chat_id"), params.get("message_id")
        stored = self._bot_messages.get(chat_id, {}).get(message_id)  # type: ignore[arg-type]
        if stored is None:
            if message_id in self._user_messages.get(chat_id, set()):  # type: ignore[arg-type]
                raise _bad_request("message can't be edited")
            raise _bad_request("message to edit not found")
        return stored

    def _apply_edit(
        self, stored: _StoredMessage, markup: JSONDict | None, text: str | None = None
    ) -> JSONDict:
        if text is not None:
            stored.message["text"] = text
        stored.reply_markup = markup
        stored.message.pop("reply_markup", None)
        if inline := self._inline_only(markup):
            stored.message["reply_markup"] = inline
        stored.message["edit_date"] = int(self.clock())
        self._changed("message", stored.message["chat"]["id"], stored.message["message_id"])
        return copy.deepcopy(stored.message)

    def _confirm_updates(self, offset: int) -> None:
        """Telegram forgets updates below a positive offset, or all but the last -offset."""
        if offset > 0:
            self._pending_updates = [u for u in self._pending_updates if u["update_id"] >= offset]
        elif offset < 0:
            self._pending_updates = self._pending_updates[offset:]

    # ------------------------------------------------------------------ method handlers

    async def _true(self, params: JSONDict) -> bool:
        return True

    async def _get_me(self, params: JSONDict) -> JSONDict:
        return {
            **self._bot_user(),
            "can_join_groups": True,
            "can_read_all_group_messages": False,
            "supports_inline_queries": False,
            "can_connect_to_business": False,
            "has_main_web_app": False,
        }

    async def _get_updates(self, params: JSONDict) -> list[JSONDict]:
        if self.webhook_url:
            raise _ApiError(
                409,
                "Conflict: can't use getUpdates method while webhook is active; "
                "use deleteWebhook to delete the webhook first",
            )
        if params.get("offset"):
            self._confirm_updates(int(params["offset"]))
        limit = min(max(int(params.get("limit") or 100), 1), 100)
        loop = asyncio.get_running_loop()
        deadline = loop.time() + float(params.get("timeout") or 0)

        self._poll_generation += 1
        generation = self._poll_generation
        self._updates_changed.notify()  # wake an older poll so it can answer 409 right away
        while True:
            if generation != self._poll_generation:
                raise _ApiError(
                    409,
                    "Conflict: terminated by other getUpdates request; make sure that only "
                    "one bot instance is running",
                )
            remaining = deadline - loop.time()
            if self._pending_updates or self._closing or remaining <= 0:
                return copy.deepcopy(self._pending_updates[:limit])
            await self._updates_changed.wait(remaining)

    async def _send_message(self, params: JSONDict) -> JSONDict:
        raw_text = params.get("text")
        if not isinstance(raw_text, str):
            raise _bad_request("message text is empty")
        content: JSONDict = {"text": self._render(raw_text, params.get("parse_mode"))}
        if params.get("entities"):
            content["entities"] = params["entities"]
        return self._store_bot_message(params, content, raw_text=raw_text, document_name=None)

    async def _send_document(self, params: JSONDict) -> JSONDict:
        document = params.get("document")
        if not isinstance(document, str):
            raise _bad_request("there is no document in the request")
        if "document_bytes" in params:
            name: str = params["document_name"] or "document"
            size = len(params["document_bytes"])
            mime_type = params.get("document_mime_type") or "application/octet-stream"
        elif document in self._document_names:  # re-send of an earlier upload by file_id
            name, size, mime_type = self._document_names[document], 0, "application/octet-stream"
        else:
            raise _bad_request("wrong file identifier/HTTP URL specified")
        chat_id = params.get("chat_id")
        file_id = f"DOCUMENT-{chat_id}-{self._next_message_id.get(chat_id, 1)}"  # type: ignore[arg-type]
        self._document_names[file_id] = name
        content: JSONDict = {
            "document": {
                "file_id": file_id,
                "file_unique_id": f"unique-{file_id}",
                "file_name": name,
                "mime_type": mime_type,
                "file_size": size,
            }
        }
        caption = params.get("caption")
        if caption:
            content["caption"] = self._render(caption, params.get("parse_mode"), caption=True)
        return self._store_bot_message(params, content, raw_text=caption, document_name=name)

    async def _edit_message_text(self, params: JSONDict) -> JSONDict:
        stored = self._editable(params)
        raw_text = params.get("text")
        if not isinstance(raw_text, str):
            raise _bad_request("message text is empty")
        if "text" not in stored.message:
            raise _bad_request("there is no text in the message to edit")
        text = self._render(raw_text, params.get("parse_mode"))
        # Like Telegram: leaving out reply_markup removes the inline keyboard.
        markup = params.get("reply_markup")
        self._check_markup(markup)
        unchanged = (
            text == stored.message["text"]
            and raw_text == stored.raw_text
            and self._inline_only(markup) == self._inline_only(stored.reply_markup)
        )
        if unchanged:
            raise _bad_request(
                "message is not modified: specified new message content and reply markup are "
                "exactly the same as a current content and reply markup of the message"
            )
        stored.raw_text = raw_text
        return self._apply_edit(stored, markup, text)

    async def _edit_message_reply_markup(self, params: JSONDict) -> JSONDict:
        stored = self._editable(params)
        markup = params.get("reply_markup")
        self._check_markup(markup)
        if self._inline_only(markup) == self._inline_only(stored.reply_markup):
            raise _bad_request(
                "message is not modified: specified new message content and reply markup are "
                "exactly the same as a current content and reply markup of the message"
            )
        return self._apply_edit(stored, markup)

    def _delete_one(self, chat_id: Any, message_id: Any) -> bool:
        """Delete a bot or user message; False if there is no such message."""
        if message_id in self.undeletable:
            raise _bad_request("message can't be deleted")
        if self._bot_messages.get(chat_id, {}).pop(message_id, None) is not None:
            self._changed("deleted", chat_id, message_id)
            return True
        user_messages = self._user_messages.get(chat_id, set())
        if message_id in user_messages:
            user_messages.discard(message_id)
            self._user_message_json.get(chat_id, {}).pop(message_id, None)
            self._changed("deleted", chat_id, message_id)
            return True
        return False

    async def _delete_message(self, params: JSONDict) -> bool:
        if not self._delete_one(params.get("chat_id"), params.get("message_id")):
            raise _bad_request("message to delete not found")
        return True

    async def _delete_messages(self, params: JSONDict) -> bool:
        """Messages that can't be found or deleted are skipped, as Telegram documents."""
        for message_id in params.get("message_ids") or []:
            with contextlib.suppress(_ApiError):
                self._delete_one(params.get("chat_id"), message_id)
        return True

    async def _answer_callback_query(self, params: JSONDict) -> bool:
        if params.get("callback_query_id") not in self._callback_query_ids:
            raise _bad_request(
                "query is too old and response timeout expired or query ID is invalid"
            )
        return True

    @staticmethod
    def _commands_key(params: JSONDict) -> tuple[str, str]:
        scope = params.get("scope") or {"type": "default"}
        kind = scope.get("type", "default")
        if "chat_id" in scope:  # one chat's own list: keyed "chat:<id>"
            kind = f"{kind}:{scope['chat_id']}"
        return kind, params.get("language_code") or ""

    async def _set_my_commands(self, params: JSONDict) -> bool:
        commands = params.get("commands")
        if not isinstance(commands, list):
            raise _bad_request("can't parse commands JSON object")
        key = self._commands_key(params)
        self.commands[key] = commands
        self._commands_changed(key)
        return True

    async def _get_my_commands(self, params: JSONDict) -> list[JSONDict]:
        return copy.deepcopy(self.commands.get(self._commands_key(params), []))

    async def _delete_my_commands(self, params: JSONDict) -> bool:
        key = self._commands_key(params)
        self.commands.pop(key, None)
        self._commands_changed(key)
        return True

    async def _set_webhook(self, params: JSONDict) -> bool:
        self.webhook_url = params.get("url") or ""
        if params.get("drop_pending_updates"):
            self._pending_updates.clear()
        return True

    async def _delete_webhook(self, params: JSONDict) -> bool:
        self.webhook_url = ""
        if params.get("drop_pending_updates"):
            self._pending_updates.clear()
        return True

    async def _get_webhook_info(self, params: JSONDict) -> JSONDict:
        return {
            "url": self.webhook_url,
            "has_custom_certificate": False,
            "pending_update_count": len(self._pending_updates),
        }
