"""Every main screen rendered in every language: complete, filled in, no English left.

The dialogue runs through the engine and storage (no Telegram): menu, the urgent
concern with 112 first, the questions, the note check, the summary and receipt,
the confidant's alert and opened case, /cases and /privacy.
"""

from __future__ import annotations

import re
from zoneinfo import ZoneInfo

import pytest
from flowkit import Office
from team import describe
from test_languages import english_fragments

from bot.i18n import Renderer, load_catalogs
from flows.core.languages import ENDONYMS
from flows.core.messages import Reply, from_json

RENDERER = Renderer(load_catalogs(), ZoneInfo("Europe/Amsterdam"))
ENGLISH = english_fragments()


def rendered(reply: Reply, locale: str) -> list[str]:
    labels = [RENDERER.render(b.label, locale) for row in reply.buttons for b in row]
    return [RENDERER.render(reply.text, locale), *labels]


@pytest.mark.parametrize("locale", sorted(ENDONYMS))
async def test_main_screens_render_completely(db, clock, locale):
    office = await Office().open(db, clock)
    async with db.unit_of_work() as uow:
        for talker in (office.key_person, office.confidant):
            await uow.people.set_locale(talker.id, locale)
    kp = office.key_person
    await kp.command("help")
    await kp.command("concern")
    await kp.choose("danger", "yes")
    await describe(kp, note="Ze had blauwe plekken op haar arm.", honour="yes")
    await kp.choose("confirm")
    await kp.command("cases")
    await kp.command("privacy")
    alerts = [from_json(m.payload) for m in await _queued(office)]
    reference = kp.replies[-1].text.params.get("ref") or _reference(alerts)
    await office.confidant.press(f"case:open:{reference}")
    await office.confidant.press(f"case:ack:{reference}")

    screens = [
        text
        for reply in kp.replies + office.confidant.replies + alerts
        for text in rendered(reply, locale)
    ]
    assert len(screens) > 40
    for text in screens:
        assert len(text) <= 4096
        assert not re.search(r"\{\w*\}", text), text
        if locale != "en":
            assert [f for f in ENGLISH if f in text] == [], (locale, text)


async def _queued(office: Office):
    async with office.db.unit_of_work() as uow:
        return await uow.outbox.pending()


def _reference(alerts: list[Reply]) -> str:
    for alert in alerts:
        for row in alert.buttons:
            for button in row:
                if button.data.startswith("case:open:"):
                    return button.data.removeprefix("case:open:")
    raise AssertionError("no alert")
