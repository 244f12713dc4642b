"""Ten languages, complete and fit for a phone; Arabic and Tigrinya end to end."""

from __future__ import annotations

import re

import pytest
from people import add_organisation, enrol
from team import (  # noqa: F401 - no_chat_pacing is a fixture
    alert,
    describe,
    log_concern,
    make_team,
    no_chat_pacing,
    press,
)

from bot.catalogs import languages, placeholders, read_catalog
from flows.cases.signals import GROUPS
from flows.core.callbacks import encode_version
from flows.core.languages import ENDONYMS
from flows.core.roles import CONFIDANT, KEY_PERSON

SAMPLE = "X" * 12  # what a placeholder may hold, for length checks
LABEL_SOURCE_MAX = 32  # source texts this short (without placeholders) are button labels
LABEL_MAX = 48  # their translations must still fit a phone's button


def test_ten_languages_have_catalogs():
    assert languages() == sorted(ENDONYMS)


@pytest.mark.parametrize("lang", sorted(ENDONYMS))
def test_every_translation_fits_telegram_and_a_phone(lang):
    catalog = read_catalog(lang)
    assert "native speaker" in catalog.header_comment
    for message in catalog:
        if not message.id:
            continue
        ids = message.id if isinstance(message.id, tuple) else (message.id,)
        strings = message.string if isinstance(message.string, tuple) else (message.string,)
        for string in strings:
            filled = string.format(**dict.fromkeys(placeholders(string), SAMPLE))
            assert len(filled) <= 4096, ids[0]
            short = len(ids[0]) <= LABEL_SOURCE_MAX and "\n" not in ids[0]
            if short and not placeholders(ids[0]):
                assert len(string) <= LABEL_MAX, (lang, ids[0], string)


def test_callback_data_fits_64_bytes():
    version = encode_version(10**10)  # far beyond any real version
    longest = max((code for group in GROUPS for code, _ in group.signals), key=len)
    assert len(f"c:{version}:tick:{longest}".encode()) <= 64


ENGLISH_WORDS = re.compile(r"[A-Za-z][a-z]+(?: [a-z]+){2,}")


def english_fragments() -> set[str]:
    """Runs of three or more English words from the source texts."""
    catalog = read_catalog("en")
    fragments = set()
    for message in catalog:
        for source in message.id if isinstance(message.id, tuple) else (message.id,):
            for part in re.split(r"\{\w*\}|\n", source or ""):
                fragments |= set(ENGLISH_WORDS.findall(part))
    return fragments


async def test_concern_in_arabic_routed_to_a_tigrinya_confidant_leaks_no_english(runtime, fake_api):
    org = await add_organisation(runtime)
    confidant, saskia = await enrol(
        runtime, fake_api, 20, CONFIDANT, "ሳባ", language="ti", org_id=org
    )
    key_person, _ = await enrol(
        runtime, fake_api, 30, KEY_PERSON, "فاطمة", language="ar", org_id=org, confidant_id=saskia
    )
    await key_person.send("/concern")
    await key_person.choose("danger", "no")
    await describe(key_person, note="رأيت كدمات على ذراعها")
    await key_person.choose("confirm")
    await press(confidant, next(d for _, d in fake_api.buttons(alert(confidant)) if ":open:" in d))

    english = english_fragments()
    for chat, script in ((key_person, r"[\u0600-\u06FF]"), (confidant, r"[\u1200-\u137F]")):
        for text in chat.texts():
            assert re.search(script, text), text
            leaked = [fragment for fragment in english if fragment in text]
            assert leaked == [], (chat.language, text, leaked)
    # Names and references keep their order inside Arabic text.
    receipt = key_person.texts()[-1]
    assert re.search("\u2068[A-Z0-9]{4}\u2069", receipt)


async def test_confidant_reads_structure_in_own_language_and_the_note_as_written(runtime, fake_api):
    team = await make_team(runtime, fake_api)  # key person in Dutch, confidant in English
    reference = await log_concern(team.key_person, note="Ze had geen eten bij zich.")
    [details] = await press(team.confidant, f"case:open:{reference}")
    assert "Ze had geen eten bij zich.\n(written in Dutch)" in details.text
    assert "Not enough food" in details.text and "Age: Child under 12" in details.text
