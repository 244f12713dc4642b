"""Button data, built and read in one place.

Telegram gives a button 64 bytes of data, handed back when it is tapped. Sleutel
uses three shapes, each a prefix and colon-separated parts:

- `c:<version>:<action>:<arg>`: an answer to the open question; the version (base 36)
  tells a fresh tap from a stale one;
- `m:<command>`: a main-menu button, handled exactly like the command;
- `<family>:<action>:<args...>`: a global button of a flow family (`case:ack:K7F3`),
  valid whenever it is tapped and checked against who may press it.
"""

from __future__ import annotations

from dataclasses import dataclass

CHOICE = "c"
MENU = "m"
MAX_BYTES = 64


def pack(prefix: str, *parts: str) -> str:
    data = ":".join((prefix, *parts))
    if len(data.encode()) > MAX_BYTES:
        raise ValueError(f"button data over {MAX_BYTES} bytes: {data!r}")
    return data


def encode_version(version: int) -> str:
    digits = "0123456789abcdefghijklmnopqrstuvwxyz"
    out = ""
    while True:
        version, rest = divmod(version, 36)
        out = digits[rest] + out
        if version == 0:
            return out


def decode_version(text: str) -> int | None:
    try:
        return int(text, 36)
    except ValueError:
        return None


def choice_data(version: int, action: str, arg: str = "") -> str:
    return pack(CHOICE, encode_version(version), action, arg)


@dataclass(frozen=True)
class ChoiceTap:
    version: int | None
    action: str
    arg: str


def read_choice(data: str) -> ChoiceTap | None:
    """An answer button's parts, or None for anything else (or a forged shape)."""
    parts = data.split(":", 3)
    if len(parts) != 4 or parts[0] != CHOICE:
        return None
    return ChoiceTap(decode_version(parts[1]), parts[2], parts[3])


def rebase_choice(data: str, version: int) -> str:
    """The same answer for a question asked again under a new version."""
    tap = read_choice(data)
    return choice_data(version, tap.action, tap.arg) if tap is not None else data


def menu_data(command: str) -> str:
    return pack(MENU, command)


def read_menu(data: str) -> str | None:
    prefix, _sep, command = data.partition(":")
    return command if prefix == MENU else None


CASE = "case"  # the case family's global buttons: `case:<action>:<reference>[:<extra>]`


def case_data(action: str, reference: str, *extra: str) -> str:
    return pack(CASE, action, reference, *extra)
