"""What a flow family plugs into the engine, declared once.

A family (cases, people, privacy, ...) adds its commands (`CommandSpec`), its
dialogues, its global button prefix, its timers and what it does when someone
becomes unreachable. `flows.registry` lists them all; the engine routes by it,
the main menu and Telegram's command menus are drawn from the same specs, so a
command, its menu button and its description can never drift apart.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from flows.core.context import Context
from flows.core.dialogue import Dialogue
from flows.core.messages import Text
from flows.core.ports import Storage
from flows.core.roles import EVERYONE
from storage.records import TimerRecord

Run = Callable[[Context, str], Awaitable[None]]  # (ctx, the command's argument)
ButtonHandler = Callable[[Context, str], Awaitable[None]]  # (ctx, data after the prefix)
TimerHandler = Callable[[Context, TimerRecord], Awaitable[None]]
# What a chunk of one kind's timers each look up first, read for them all at once
TimerReadAhead = Callable[[Storage, Sequence[TimerRecord]], Awaitable[None]]
UnreachableHook = Callable[[Context, int], Awaitable[None]]  # (ctx, person id)


@dataclass(frozen=True)
class CommandSpec:
    """A command: who may use it, its main-menu button (if any), and its line in
    Telegram's command menu (the menu label when it has no description of its own)."""

    name: str
    run: Run
    roles: frozenset[str] = EVERYONE
    menu: Text | None = None
    description: Text | None = None
    look: bool = False  # only shows something (or asks one thing): an open question waits

    @property
    def summary(self) -> Text:
        assert self.description or self.menu, f"/{self.name} needs a description"
        return self.description or self.menu


@dataclass(frozen=True)
class Registry:
    commands: tuple[CommandSpec, ...]
    dialogues: tuple[Dialogue, ...]
    buttons: Mapping[str, ButtonHandler] = field(default_factory=dict)  # "case:ack:K7F3"
    timers: Mapping[str, TimerHandler] = field(default_factory=dict)
    read_ahead: Mapping[str, TimerReadAhead] = field(default_factory=dict)  # by timer kind
    unreachable: tuple[UnreachableHook, ...] = ()
    daily: tuple[Callable[[Any, Any], Awaitable[None]], ...] = ()  # (uow, now): plan jobs
    free_text: tuple[Callable[[Context, str], Awaitable[bool]], ...] = ()  # True: taken
    enrol: Run | None = None  # "/start <invite code>" from someone not enrolled yet
    enrol_flow: str = ""  # the dialogue a stranger may be in: enrolment

    def command(self, name: str) -> CommandSpec | None:
        return next((c for c in self.commands if c.name == name), None)
