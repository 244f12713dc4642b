"""What happened to messages after the engine let them go, reported back as data.

The adapter sends what the engine decided; what Telegram then says is not the
adapter's to act on. It reports it (`Engine.report`), and the engine decides in a
transaction of its own, like any event: a reply that showed a case is remembered
(to clear it when the case closes), replies the network lost go through the outbox,
a person who blocked the bot is marked unreachable and their work moves on, and a
refused message is reported to the coordinators.
"""

from __future__ import annotations

from dataclasses import dataclass

from flows.core.messages import Reply


@dataclass(frozen=True)
class Shown:
    """Replies in this chat showed these cases: (reference, message id)."""

    telegram_id: int
    messages: tuple[tuple[str, int], ...]


@dataclass(frozen=True)
class Lost:
    """The network failed on these replies: they go through the outbox instead."""

    telegram_id: int
    replies: tuple[Reply, ...]


@dataclass(frozen=True)
class Blocked:
    """Telegram refused a message because the person blocked the bot."""

    person_id: int


@dataclass(frozen=True)
class Refused:
    """Telegram refused a message for this person for another reason."""

    person_id: int


Report = Shown | Lost | Blocked | Refused
