"""The main menu per role: every daily action one tap away, no command to remember.

Menu buttons carry `m:<command>`; the engine treats a tap exactly like the
command, so buttons and commands can never drift apart.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from flows.core.callbacks import menu_data
from flows.core.messages import Button, Keyboard, Text, _
from flows.core.roles import CONFIDANT, KEY_PERSON

if TYPE_CHECKING:
    from flows.core.registry import CommandSpec


def menu_keyboard(roles: frozenset[str], commands: Sequence[CommandSpec]) -> Keyboard:
    """Two buttons a row: the commands with a menu button that this person's roles allow."""
    items = [
        Button(spec.menu, menu_data(spec.name))
        for spec in commands
        if spec.menu is not None and spec.roles & roles
    ]
    return tuple(tuple(items[i : i + 2]) for i in range(0, len(items), 2))


def role_welcome(role: str) -> Text:
    """What each role can do here, in a few words."""
    if role == KEY_PERSON:
        return _(
            "You are a key person. When something doesn't feel right, tap the button "
            "below. Your confidant will pick it up with you."
        )
    if role == CONFIDANT:
        return _(
            "You are a confidant. Concerns from your key persons reach you here, "
            "and you can talk with them about each case."
        )
    return _(
        "You are a coordinator. You can invite people, assign confidants "
        "and see how your organisation is doing."
    )
