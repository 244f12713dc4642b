"""Telegram `Update` → our neutral `Event`; the only place that reads updates.

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

from telegram import Update
from telegram.constants import ChatMemberStatus, ChatType

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


def to_event(update: Update) -> Event | None:
    member = update.my_chat_member
    if member is not None and member.chat.type == ChatType.PRIVATE:
        blocked = member.new_chat_member.status == ChatMemberStatus.BANNED
        return Event(
            update_id=update.update_id,
            telegram_id=member.from_user.id,
            kind=Kind.BLOCKED if blocked else Kind.UNBLOCKED,
        )
    query = update.callback_query
    if query is not None:
        message = query.message
        return Event(
            update_id=update.update_id,
            telegram_id=query.from_user.id,
            kind=Kind.BUTTON,
            data=query.data or "",
            language_code=query.from_user.language_code,
            message_id=message.message_id if message else None,
        )
    edited = update.edited_message
    if edited is not None and edited.from_user is not None:
        if edited.chat.type != ChatType.PRIVATE:
            return None
        return Event(
            update_id=update.update_id,
            telegram_id=edited.from_user.id,
            kind=Kind.EDITED,
            language_code=edited.from_user.language_code,
        )
    message = update.message
    if message is None or message.from_user is None or message.chat.type != ChatType.PRIVATE:
        return None
    base = {
        "update_id": update.update_id,
        "telegram_id": message.from_user.id,
        "language_code": message.from_user.language_code,
        "message_id": message.message_id,
    }
    if message.text is not None:
        text = message.text
        if text.startswith("/"):
            head, _, arg = text[1:].partition(" ")
            command = head.split("@", 1)[0].lower()
            return Event(kind=Kind.COMMAND, command=command, text=arg.strip(), **base)
        return Event(kind=Kind.TEXT, text=text, **base)
    media = next((kind for kind in MEDIA_KINDS if getattr(message, kind, None)), "other")
    return Event(kind=Kind.MEDIA, media=media, **base)
