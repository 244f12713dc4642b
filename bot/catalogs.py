"""The translation catalogs: extract texts from the code, merge, check.

`sleutel catalogs update` rebuilds `locales/messages.pot` from the code and
merges it into every `locales/<lang>/LC_MESSAGES/messages.po`: new texts
appear empty, and English, the source language, is filled from the code.
It is `pybabel extract` + `pybabel update` with this project's keywords.
`sleutel catalogs check` lists what a release may not have: missing, empty or
fuzzy translations, placeholders that differ from the source, and plural
forms that do not match the language.
"""

from __future__ import annotations

import copy
import io
import re
from pathlib import Path

from babel.messages.catalog import Catalog, Message
from babel.messages.extract import extract_from_dir
from babel.messages.pofile import read_po, write_po

from bot.i18n import locales_dir

ROOT = Path(__file__).resolve().parent.parent
KEYWORDS = {"_": None, "_n": (1, 2), "N_": None}
METHOD_MAP = [("bot/**.py", "python"), ("flows/**.py", "python")]
SOURCE_LANGUAGE = "en"  # the msgids are English: its catalog is filled from them
PLACEHOLDER = re.compile(r"\{(\w*)\}")


def extract() -> Catalog:
    """Every translatable text in `bot/` and `flows/`, as a template catalog."""
    template = Catalog(project="Sleutel", msgid_bugs_address="", charset="utf-8")
    for filename, lineno, message, comments, context in extract_from_dir(
        str(ROOT), METHOD_MAP, keywords=KEYWORDS, comment_tags=("TRANSLATORS:",)
    ):
        template.add(message, None, [(filename, lineno)], auto_comments=comments, context=context)
    return template


def po_path(lang: str, directory: Path | None = None) -> Path:
    return (directory or locales_dir()) / lang / "LC_MESSAGES" / "messages.po"


def languages(directory: Path | None = None) -> list[str]:
    return sorted(
        p.parent.parent.name for p in (directory or locales_dir()).glob("*/LC_MESSAGES/messages.po")
    )


def read_catalog(lang: str, directory: Path | None = None) -> Catalog:
    with po_path(lang, directory).open("rb") as handle:
        return read_po(handle, locale=lang)


class NotACheckout(Exception):
    """The catalogs can only be updated in a checkout of the source."""


def update(directory: Path | None = None) -> list[Path]:
    """Rebuild the template and merge it into every catalog; returns the files that
    changed. A catalog whose texts did not change is left as it is (its dates too)."""
    if not (ROOT / "pyproject.toml").exists():
        raise NotACheckout(
            "run this in a checkout of Sleutel's source (an installed copy has no code "
            "to extract texts from, and its catalogs are not the ones to edit)"
        )
    directory = directory or locales_dir()
    template = extract()
    changed = []
    if _write(directory / "messages.pot", template, omit_header=False):
        changed.append(directory / "messages.pot")
    for lang in languages(directory):
        catalog = read_catalog(lang, directory)
        # Each catalog gets its own copy: Babel shares the template's message objects.
        catalog.update(copy.deepcopy(template), no_fuzzy_matching=True)
        if lang == SOURCE_LANGUAGE:
            for message in catalog:
                if message.id:
                    message.string = message.id
                    message.flags.discard("fuzzy")
        if _write(po_path(lang, directory), catalog, ignore_obsolete=True):
            changed.append(po_path(lang, directory))
    return changed


_DATES = re.compile(rb'^"(POT-Creation-Date|PO-Revision-Date): [^"]*\\n"$', re.M)


def _write(path: Path, catalog: Catalog, **options: bool) -> bool:
    """Write the catalog unless only its dates would change; True when written."""
    buffer = io.BytesIO()
    write_po(buffer, catalog, sort_output=True, width=100, **options)
    new = buffer.getvalue()
    if path.exists() and _DATES.sub(b"", path.read_bytes()) == _DATES.sub(b"", new):
        return False
    path.write_bytes(new)
    return True


def placeholders(text: str) -> set[str]:
    return set(PLACEHOLDER.findall(text))


def check(directory: Path | None = None) -> list[str]:
    """Problems that must be fixed before a release; empty when all is well."""
    template_ids = {m.id for m in extract() if m.id}
    problems = []
    for lang in languages(directory):
        catalog = read_catalog(lang, directory)
        present = {m.id for m in catalog if m.id}
        for missing in sorted(template_ids - present, key=str):
            problems.append(f"{lang}: missing {_short(missing)}")
        for message in catalog:
            if not message.id or message.id not in template_ids:
                continue
            problems += [
                f"{lang}: {p} {_short(message.id)}"
                for p in _message_problems(message, catalog.num_plurals)
            ]
    return problems


def _message_problems(message: Message, num_plurals: int) -> list[str]:
    if message.fuzzy:
        return ["fuzzy"]
    ids = message.id if isinstance(message.id, tuple) else (message.id,)
    strings = message.string if isinstance(message.string, tuple) else (message.string,)
    if not all(strings):
        return ["empty"]
    if isinstance(message.id, tuple) and len(strings) != num_plurals:
        return [f"{len(strings)} plural forms, language has {num_plurals}"]
    expected = set().union(*(placeholders(i) for i in ids))
    if any(placeholders(s) - expected for s in strings) or not placeholders(strings[-1]) >= (
        expected - {"n"}
    ):
        return ["placeholders differ"]
    return []


def _short(msgid: str | tuple) -> str:
    text = msgid[0] if isinstance(msgid, tuple) else msgid
    return repr(text[:50])
