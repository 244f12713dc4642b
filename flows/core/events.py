"""What reaches the flows: one neutral event per incoming update."""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum


class Kind(StrEnum):
    TEXT = "text"
    COMMAND = "command"
    BUTTON = "button"
    MEDIA = "media"
    EDITED = "edited"  # a change to a message already sent: not a new answer
    BLOCKED = "blocked"  # the person blocked the bot (nothing can be sent to them)
    UNBLOCKED = "unblocked"  # ... and allowed it again


@dataclass(frozen=True)
class Event:
    update_id: int
    telegram_id: int
    kind: Kind
    text: str = ""  # the message text, or a command's argument
    command: str = ""  # without the slash, lower case
    data: str = ""  # a button's callback data
    media: str = ""  # photo, voice, video, document, sticker, location, contact ...
    language_code: str | None = None
    message_id: int | None = None
