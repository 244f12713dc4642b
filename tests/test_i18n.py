"""Rendering at the edge and the catalog checks."""

from __future__ import annotations

from datetime import UTC, date, datetime
from zoneinfo import ZoneInfo

import pytest

from bot.catalogs import check, extract, placeholders
from bot.i18n import FSI, PDI, Renderer, load_catalogs, split_for_telegram
from flows.core.languages import match_language
from flows.core.messages import (
    Button,
    Inline,
    Reply,
    _,
    _n,
    from_json,
    keyboard,
    to_json,
    verbatim,
)


@pytest.fixture(scope="module")
def renderer() -> Renderer:
    return Renderer(load_catalogs(), ZoneInfo("Europe/Amsterdam"))


def test_every_catalog_is_complete_and_consistent():
    assert check() == []


def test_template_holds_every_text_of_the_code():
    from babel.messages.pofile import read_po

    from bot.i18n import locales_dir

    with (locales_dir() / "messages.pot").open("rb") as handle:
        template = {m.id for m in read_po(handle) if m.id}
    assert {m.id for m in extract() if m.id} == template


def test_dates_are_shown_in_the_local_timezone_and_language(renderer):
    moment = datetime(2026, 3, 2, 8, 30, tzinfo=UTC)  # 09:30 in Amsterdam
    text = _("Follow-up on {when}", when=moment)
    assert "09:30" in renderer.render(text, "nl") and "mrt" in renderer.render(text, "nl")
    assert "Mar" in renderer.render(text, "en")
    assert "2026" in renderer.render(_("On {day}", day=date(2026, 3, 2)), "en")


def test_plural_forms_follow_the_number(renderer):
    assert renderer.render(_n("{n} case", "{n} cases", 1), "en") == "1 case"
    assert renderer.render(_n("{n} case", "{n} cases", 3), "en") == "3 cases"


def test_right_to_left_isolates_inserted_values(renderer):
    text = _("Welcome, {name}!", name="K7F3")
    assert f"{FSI}K7F3{PDI}" in renderer.render(text, "ar")
    assert FSI not in renderer.render(text, "nl")


VEILIG_THUIS = (
    "Acute risk: call 112 if someone is in danger now. "
    "Veilig Thuis advises day and night: 0800-2000."
)


def _displayed(text: str) -> str:
    """What a right-to-left reader sees, left to right on the screen (python-bidi)."""
    from bidi import get_display

    return get_display(text).translate(dict.fromkeys(range(0x2066, 0x206A)))


@pytest.mark.parametrize("locale", ["ar", "fa"])
def test_numbers_initials_and_latin_words_keep_their_order_in_right_to_left_text(renderer, locale):
    shown = _displayed(renderer.render(_(VEILIG_THUIS), locale))
    assert "0800-2000" in shown and "112" in shown
    initials = _(
        "Whom is it about? Please send only their initials, for example F.K. Never a full name."
    )
    assert "F.K." in _displayed(renderer.render(initials, locale))
    with_ref = _("Welcome, {name}!", name="0800-2000")
    assert "0800-2000" in _displayed(renderer.render(with_ref, locale))


def test_the_bidi_check_would_see_a_reversed_number():
    assert "2000-0800" in _displayed("اتصل بـ 0800-2000 الآن")


def test_left_to_right_languages_get_no_isolation(renderer):
    for locale in ("nl", "ti", "so"):
        assert not set(renderer.render(_(VEILIG_THUIS), locale)) & {"\u2066", "\u2069"}


def test_items_on_one_line_are_joined_the_way_the_language_writes(renderer):
    items = _("{items}", items=Inline(("a", "b")))
    assert renderer.render(items, "ar") == f"{FSI}a{PDI}، {FSI}b{PDI}"
    assert renderer.render(items, "ti") == "a፣ b"


def test_lists_and_inline_groups(renderer):
    text = _("{items}", items=["a", verbatim("b")])
    assert renderer.render(text, "en") == "• a\n• b"
    assert renderer.render(_("{items}", items=Inline(("a", "b"))), "en") == "a, b"


def test_texts_survive_the_outbox_round_trip():
    text = _(
        "On {day} {who}: {items}",
        day=date(2026, 1, 2),
        who=verbatim("Saskia"),
        items=[_("Language"), Inline(("x",))],
    )
    message = Reply(text, keyboard(Button(_("Language"), "m:language")), shows_case="K7F3")
    assert from_json(to_json(message)) == message


def test_long_texts_are_split_at_line_ends():
    parts = split_for_telegram("\n".join(["line"] * 2000), limit=4096)
    assert len(parts) == 3 and all(len(p) <= 4096 for p in parts)


@pytest.mark.parametrize(
    ("code", "expected"),
    [("ar-MA", "ar"), ("nl", "nl"), ("en-GB", "en"), ("pt-BR", None), (None, None)],
)
def test_telegram_language_codes_map_to_the_closest_language(code, expected):
    assert match_language(code, ("nl", "en", "ar")) == expected


def test_placeholders_are_read_from_brace_fields():
    assert placeholders("Hi {name}, {n} cases") == {"name", "n"}
