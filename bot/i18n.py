"""Rendering at the edge: a flow's `Text` becomes a string in one recipient's language.

Catalogs are read from `locales/<lang>/LC_MESSAGES/messages.po` at start-up
and compiled in memory (Babel), so no compiled `.mo` files need to be built or
shipped. Dates, times and numbers are formatted by Babel for the locale in
`SLEUTEL_TIMEZONE`; in right-to-left languages every inserted value (names,
references, numbers, dates) is wrapped in Unicode bidi isolation so that
"K7F3" or "14:30" keep their order inside Arabic or Farsi text, and so is every
number, initials and Latin word in the translation itself ("0800-2000", "F.K.",
"Telegram"): catalogs are written plainly, the isolation is added here.
"""

from __future__ import annotations

import gettext
import logging
import re
from datetime import date, datetime, tzinfo
from importlib.resources import files
from io import BytesIO
from pathlib import Path

from babel import Locale
from babel.dates import format_skeleton, format_time
from babel.messages.mofile import write_mo
from babel.messages.pofile import read_po
from babel.numbers import format_decimal

from flows.core.languages import RIGHT_TO_LEFT
from flows.core.messages import InLanguage, Inline, LanguageName, Text

log = logging.getLogger(__name__)

LRI, FSI, PDI = "\u2066", "\u2068", "\u2069"  # left-to-right / first-strong isolate ... pop
SEPARATORS = {"ar": "، ", "fa": "، ", "ti": "፣ "}  # between items on one line; else ", "

_LATIN = "A-Za-z0-9\u00c0-\u024f"
# A left-to-right run inside right-to-left text: initials with their dots ("F.K."), or
# Latin words and numbers joined by spaces and inner punctuation ("0800-2000", "14:30",
# "Veilig Thuis", "t.me/x", "/cancel"), but not a sentence's final full stop.
_LTR_RUN = re.compile(
    rf"(?:[A-Za-z]\.){{2,4}}|[/@]?[{_LATIN}](?:[{_LATIN}]|[-.:/+@_'’ ?=&%#~](?=[{_LATIN}]))*"
)
_PLACEHOLDER = re.compile(r"(\{\{|\}\}|\{[^{}]*\})")


def locales_dir() -> Path:
    return Path(str(files("locales")))


def load_catalogs(directory: Path | None = None) -> dict[str, gettext.GNUTranslations]:
    """Every `<lang>/LC_MESSAGES/messages.po`, compiled in memory."""
    directory = directory or locales_dir()
    catalogs = {}
    for po in sorted(directory.glob("*/LC_MESSAGES/messages.po")):
        lang = po.parent.parent.name
        with po.open("rb") as handle:
            catalog = read_po(handle, locale=lang)
        buffer = BytesIO()
        write_mo(buffer, catalog)
        buffer.seek(0)
        catalogs[lang] = gettext.GNUTranslations(buffer)
    return catalogs


class Renderer:
    def __init__(self, catalogs: dict[str, gettext.GNUTranslations], timezone: tzinfo) -> None:
        self._catalogs = catalogs
        self._tz = timezone

    @property
    def locales(self) -> tuple[str, ...]:
        return tuple(self._catalogs)

    def render(self, text: Text, locale: str) -> str:
        translations = self._catalogs.get(locale) or gettext.NullTranslations()
        if text.plural is not None:
            template = translations.ngettext(text.msgid, text.plural, int(text.params["n"]))
        else:
            template = translations.gettext(text.msgid)
        if locale in RIGHT_TO_LEFT:
            template = isolate_runs(template, braces=bool(text.params))
        if not text.params:
            return template
        values = {key: self._value(value, locale) for key, value in text.params.items()}
        try:
            return template.format(**values)
        except (KeyError, IndexError, ValueError):
            # A broken translation must not silence a message: fall back to the source text.
            log.error("broken translation", extra={"locale": locale})
            return (text.plural if text.plural and values.get("n") != "1" else text.msgid).format(
                **values
            )

    def _value(self, value: object, locale: str) -> str:
        if isinstance(value, Text):
            return self.render(value, locale)
        if isinstance(value, InLanguage):
            return self.render(value.text, value.code)
        if isinstance(value, Inline):
            separator = SEPARATORS.get(locale, ", ")
            return separator.join(self._value(v, locale) for v in value.items)
        if isinstance(value, LanguageName):
            name = Locale.parse(value.code).get_display_name(Locale.parse(locale)) or value.code
            return self._isolate(name, locale)
        if isinstance(value, list | tuple):
            return "\n".join("• " + self._value(v, locale) for v in value)
        return self._isolate(self._format(value, locale), locale)

    def _format(self, value: object, locale: str) -> str:
        babel_locale = Locale.parse(locale)
        if isinstance(value, datetime):
            local = value.astimezone(self._tz)
            day = format_skeleton("yMMMd", local, locale=babel_locale)
            return f"{day} {format_time(local, 'HH:mm', locale=babel_locale)}"
        if isinstance(value, date):
            return format_skeleton("yMMMd", value, locale=babel_locale)
        if isinstance(value, int | float) and not isinstance(value, bool):
            return format_decimal(value, locale=babel_locale)
        return str(value)

    @staticmethod
    def _isolate(value: str, locale: str) -> str:
        return f"{FSI}{value}{PDI}" if locale in RIGHT_TO_LEFT else value


def isolate_runs(text: str, *, braces: bool = True) -> str:
    """Wrap each left-to-right run of a right-to-left text in LRI ... PDI, leaving
    `{placeholders}` alone (their values are isolated when they are inserted)."""
    if not braces:
        return _LTR_RUN.sub(lambda m: f"{LRI}{m.group(0)}{PDI}", text)
    parts = _PLACEHOLDER.split(text)
    for index in range(0, len(parts), 2):  # the even parts are literal text
        parts[index] = _LTR_RUN.sub(lambda m: f"{LRI}{m.group(0)}{PDI}", parts[index])
    return "".join(parts)


def split_for_telegram(text: str, limit: int = 4096) -> list[str]:
    """Telegram takes 4096 characters a message: split long texts at line ends."""
    parts: list[str] = []
    while len(text) > limit:
        cut = text.rfind("\n", 0, limit)
        cut = cut if cut > 0 else limit
        parts.append(text[:cut])
        text = text[cut:].lstrip("\n")
    parts.append(text)
    return parts
