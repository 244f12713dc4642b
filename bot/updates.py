"""Telegram `Update` → our neutral `Event`; the only place that reads updates.

Edited messages, group chats and update kinds the bot does not use give no
event: they are acknowledged and forgotten. Telegram tells the bot when a
person blocks it (and unblocks it) with `my_chat_member`; that becomes an
event too, so their waiting alerts move on at once.
"""

from __future__ import annotations

from telegram import Update
from telegram.constants import ChatMemberStatus, ChatType

from flows.events import Event, Kind

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
