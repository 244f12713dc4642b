"""A stored Telegram update → our neutral `Event`; the only place that reads updates.

Group chats and update kinds the bot does not use give no event: they are
acknowledged and forgotten. An edited message is an event of its own: the
person is told that a change is not read, since an answer once given has
already been acted on. Telegram tells the bot when a
person blocks it (and unblocks it) with `my_chat_member`; that becomes an
event too, so their waiting alerts move on at once.
"""

from __future__ import annotations

import json
import re
from typing import Any

from telegram.constants import ChatMemberStatus

from flows.core.events import Event, Kind
from storage.inbox import IncomingUpdate

MAX_ID = 2**63  # ids are stored as 64-bit integers
# C0 and C1 controls, except tab and newline: they hide text or confuse what shows it.
_CONTROLS = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f]")


def clean(value: Any) -> Any:
    """Every string of a raw update made safe to store and show: a lone surrogate (which
    JSON allows and UTF-8 cannot encode) becomes U+FFFD, controls other than tab and
    newline go. Done at the door, before the inbox, the redactor or the database."""
    if isinstance(value, str):
        if value.isprintable():  # no control, no lone surrogate: most strings, as they are
            return value
        text = value.encode("utf-16", "surrogatepass").decode("utf-16", "replace")
        return _CONTROLS.sub("", text)
    if isinstance(value, dict):
        return {clean(key): clean(item) for key, item in value.items()}
    if isinstance(value, list):
        return [clean(item) for item in value]
    return value


def admit(raw: Any) -> IncomingUpdate | None:
    """A raw update as the inbox keeps it: cleaned, with its sender and kind; set aside
    (no payload) when it cannot be encrypted; None when not even its id can be kept."""
    update_id = raw.get("update_id") if isinstance(raw, dict) else None
    if not isinstance(update_id, int) or not 0 <= update_id < MAX_ID:
        return None
    kind = clean(str(next((key for key in raw if key != "update_id"), "none")))
    try:
        payload = _placeless(clean(raw))
        json.dumps(payload, ensure_ascii=False)
    except (ValueError, TypeError, RecursionError):
        return IncomingUpdate(update_id, None, kind, None, "unreadable")
    return IncomingUpdate(update_id, _sender(payload.get(kind)), kind, payload)


PLACES = ("location", "venue")
NOWHERE = {"latitude": 0.0, "longitude": 0.0}


def _placeless(payload: Any) -> Any:
    """A shared or live location never reaches the inbox: its coordinates are replaced at
    the door, so the update still says what it was (and is refused kindly) but not where.
    No check-in keeps where anyone is, on purpose."""
    if not isinstance(payload, dict):
        return payload
    for body in payload.values():
        if isinstance(body, dict):
            for place in PLACES:
                if place in body:
                    body[place] = (
                        dict(NOWHERE, title="", address="") if place == "venue" else NOWHERE
                    )
    return payload


def _sender(body: Any) -> int | None:
    """The Telegram user the update comes from (in a private chat: the chat)."""
    sender = body.get("from") if isinstance(body, dict) else None
    user_id = sender.get("id") if isinstance(sender, dict) else None
    return user_id if isinstance(user_id, int) and -MAX_ID < user_id < MAX_ID else None


MEDIA_KINDS = (
    "photo",
    "voice",
    "video",
    "video_note",
    "audio",
    "document",
    "sticker",
    "animation",
    "location",
    "venue",
    "contact",
    "poll",
    "dice",
    "story",
)


class Unreadable(ValueError):
    """An update not of the shape the Bot API documents: it would fail every time."""


def _object(value: Any) -> dict[str, Any]:
    if not isinstance(value, dict):
        raise Unreadable
    return value


def _id(value: Any) -> int:
    if type(value) is not int:  # not a bool, not a string of digits
        raise Unreadable
    return value


def _text(value: Any) -> str | None:
    if value is not None and not isinstance(value, str):
        raise Unreadable
    return value


def _user(body: dict[str, Any]) -> tuple[int, str | None]:
    """The sender's id and language."""
    user = _object(body.get("from"))
    return _id(user.get("id")), _text(user.get("language_code"))


def _private(body: dict[str, Any]) -> bool:
    return _text(_object(body.get("chat")).get("type")) == "private"


def to_event(payload: Any) -> tuple[Event | None, str | None]:
    """The stored update's event (None when it has nothing for the flows), and the id of
    the callback query to answer when a button was tapped; raises `Unreadable`.

    Read from the Bot API's JSON itself, only the fields used: PTB's `Update.de_json`
    builds every object of the update first, a tenth of the bot's CPU in a burst."""
    update = _object(payload)
    update_id = _id(update.get("update_id"))
    if update.get("my_chat_member") is not None:
        member = _object(update["my_chat_member"])
        if not _private(member):
            return None, None
        status = _object(member.get("new_chat_member")).get("status")
        blocked = status == ChatMemberStatus.BANNED  # "kicked": the person blocked the bot
        kind = Kind.BLOCKED if blocked else Kind.UNBLOCKED
        return Event(update_id=update_id, telegram_id=_user(member)[0], kind=kind), None
    if update.get("callback_query") is not None:
        query = _object(update["callback_query"])
        query_id = _text(query.get("id"))
        if query_id is None:
            raise Unreadable
        telegram_id, language = _user(query)
        message = query.get("message")
        event = Event(
            update_id=update_id,
            telegram_id=telegram_id,
            kind=Kind.BUTTON,
            data=_text(query.get("data")) or "",
            language_code=language,
            message_id=None if message is None else _id(_object(message).get("message_id")),
        )
        return event, query_id
    edited = update.get("edited_message")
    if edited is not None and _object(edited).get("from") is not None:
        if not _private(edited):
            return None, None
        telegram_id, language = _user(edited)
        event = Event(
            update_id=update_id, telegram_id=telegram_id, kind=Kind.EDITED, language_code=language
        )
        return event, None
    message = update.get("message")
    if message is None or _object(message).get("from") is None or not _private(message):
        return None, None
    telegram_id, language = _user(message)
    base = {
        "update_id": update_id,
        "telegram_id": telegram_id,
        "language_code": language,
        "message_id": _id(message.get("message_id")),
    }
    text = _text(message.get("text"))
    if text is not None:
        if text.startswith("/"):
            head, _, arg = text[1:].partition(" ")
            command = head.split("@", 1)[0].lower()
            return Event(kind=Kind.COMMAND, command=command, text=arg.strip(), **base), None
        return Event(kind=Kind.TEXT, text=text, **base), None
    media = next((kind for kind in MEDIA_KINDS if message.get(kind)), "other")
    return Event(kind=Kind.MEDIA, media=media, **base), None
