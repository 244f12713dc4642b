"""Untranslated messages: what flows say, before anyone's language is known.

Flows never produce finished strings. `_("Hello {name}", name=...)` builds a
`Text` (a msgid plus parameters) that `bot/` renders in the language of each
recipient, at the moment it is sent. Parameters may be plain strings, numbers,
dates, other `Text`s (e.g. a signal label), lists of those (one per line) or
`Inline` groups (on one line); the renderer
formats each for the recipient's locale. `N_` only marks a literal for
extraction where the `Text` is built later (catalogues of labels).

Because outbox rows wait in the database, texts round-trip through JSON
(`to_json` / `from_json`).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime
from typing import Any

Param = (
    Any  # str | int | float | date | datetime | Text | Inline | LanguageName | InLanguage | list
)


@dataclass(frozen=True)
class Text:
    msgid: str
    params: dict[str, Param] = field(default_factory=dict)
    plural: str | None = None  # with a plural form, params["n"] chooses it


@dataclass(frozen=True)
class Inline:
    """Items shown on one line, separated by commas (a plain list shows one per line)."""

    items: tuple[Param, ...]


@dataclass(frozen=True)
class LanguageName:
    """The name of a language (by code), shown in the reader's own language."""

    code: str


@dataclass(frozen=True)
class InLanguage:
    """A text shown in one given language, whoever reads it: a coordinator previews a
    broadcast as a reader of that language gets it."""

    code: str
    text: Text


def _(msgid: str, **params: Param) -> Text:
    """A translatable text with brace-style placeholders: `_("Hi {name}", name=n)`."""
    return Text(msgid, params)


def _n(singular: str, plural: str, n: int, **params: Param) -> Text:
    """A translatable text with a plural form chosen by `n` (also available as `{n}`)."""
    return Text(singular, {"n": n, **params}, plural)


def verbatim(value: Param) -> Text:
    """A value shown as it is, untranslated (a person's name, a language's own name)."""
    return Text("{value}", {"value": value})


def ticked(label: Text, on: bool) -> Text:
    """A label with a tick (✓) when it is chosen: multi-select buttons edited in place."""
    return _("✓ {label}", label=label) if on else label


def N_(msgid: str) -> str:
    """Mark a literal for extraction only; wrap it in `_()` where it is used."""
    return msgid


@dataclass(frozen=True)
class Button:
    label: Text
    data: str  # callback data, at most 64 bytes, never a translated label


Keyboard = tuple[tuple[Button, ...], ...]


@dataclass(frozen=True)
class Document:
    """A file sent with a reply (an export of someone's own data)."""

    filename: str
    content: bytes


@dataclass(frozen=True)
class Reply:
    """A message for the person who sent the event."""

    text: Text
    buttons: Keyboard = ()
    protect: bool = False
    edit: bool = False  # replace the message whose button was tapped instead of adding one
    document: Document | None = None  # sent with `text` as its caption
    shows_case: str | None = None  # the reference whose details this shows (to clear later)


def keyboard(*rows: Button | list[Button] | tuple[Button, ...]) -> Keyboard:
    """Rows of buttons; a single button makes a row of its own."""
    return tuple((row,) if isinstance(row, Button) else tuple(row) for row in rows)


# --- JSON round-trip for the outbox ---------------------------------------


def to_json(message: Reply) -> dict[str, Any]:
    """A message for someone else, as the outbox keeps it until it is sent."""
    return {
        "text": _text_json(message.text),
        "buttons": [
            [{"label": _text_json(b.label), "data": b.data} for b in row] for row in message.buttons
        ],
        "protect": message.protect,
        "shows_case": message.shows_case,
    }


def from_json(payload: dict[str, Any]) -> Reply:
    buttons = tuple(
        tuple(Button(_text_from(b["label"]), b["data"]) for b in row) for row in payload["buttons"]
    )
    return Reply(
        _text_from(payload["text"]),
        buttons,
        protect=bool(payload.get("protect", True)),
        shows_case=payload.get("shows_case"),
    )


def _text_json(text: Text) -> dict[str, Any]:
    out: dict[str, Any] = {
        "msgid": text.msgid,
        "params": {k: _param_json(v) for k, v in text.params.items()},
    }
    if text.plural is not None:
        out["plural"] = text.plural
    return out


def _param_json(value: Param) -> Any:
    if isinstance(value, Text):
        return {"$text": _text_json(value)}
    if isinstance(value, datetime):
        return {"$datetime": value.isoformat()}
    if isinstance(value, date):
        return {"$date": value.isoformat()}
    if isinstance(value, LanguageName):
        return {"$language": value.code}
    if isinstance(value, Inline):
        return {"$inline": [_param_json(v) for v in value.items]}
    if isinstance(value, InLanguage):
        return {"$in": value.code, "text": _text_json(value.text)}
    if isinstance(value, list | tuple):
        return {"$list": [_param_json(v) for v in value]}
    return value


def _text_from(data: dict[str, Any]) -> Text:
    params = {k: _param_from(v) for k, v in data["params"].items()}
    return Text(data["msgid"], params, data.get("plural"))


def _param_from(value: Any) -> Param:
    if isinstance(value, dict):
        if "$text" in value:
            return _text_from(value["$text"])
        if "$datetime" in value:
            return datetime.fromisoformat(value["$datetime"])
        if "$date" in value:
            return date.fromisoformat(value["$date"])
        if "$list" in value:
            return [_param_from(v) for v in value["$list"]]
        if "$language" in value:
            return LanguageName(value["$language"])
        if "$inline" in value:
            return Inline(tuple(_param_from(v) for v in value["$inline"]))
        if "$in" in value:
            return InLanguage(value["$in"], _text_from(value["text"]))
    return value
