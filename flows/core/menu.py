"""The main menu per role: every daily action one tap away, no command to remember.

Menu buttons carry `m:<command>`; the engine treats a tap exactly like the
command, so buttons and commands can never drift apart.
"""

from __future__ import annotations

from dataclasses import dataclass

from flows.core.messages import Button, Keyboard, Text, _
from flows.core.roles import CONFIDANT, COORDINATOR, EVERYONE, KEY_PERSON


@dataclass(frozen=True)
class MenuItem:
    command: str
    label: Text
    roles: frozenset[str]


MENU = (
    MenuItem("concern", _("Something doesn't feel right"), frozenset({KEY_PERSON})),
    MenuItem("cases", _("My cases"), EVERYONE),
    MenuItem("invite", _("Invite someone"), frozenset({COORDINATOR})),
    MenuItem("people", _("People"), frozenset({COORDINATOR})),
    MenuItem("audit", _("Access log"), frozenset({COORDINATOR})),
    MenuItem("directory", _("Directory"), frozenset({COORDINATOR})),
    MenuItem("language", _("Language"), EVERYONE),
    MenuItem("privacy", _("Privacy"), EVERYONE),
)


def menu_keyboard(roles: frozenset[str], available: frozenset[str]) -> Keyboard:
    """Two buttons a row, only the items this person's roles allow and that exist."""
    items = [
        Button(item.label, f"m:{item.command}")
        for item in MENU
        if item.roles & roles and item.command in available
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
