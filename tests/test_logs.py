"""Logs carry ids, kinds and timings — never what people typed."""

from __future__ import annotations

import logging
import sys

from chat import Chat
from people import enrol
from team import log_concern, make_team, press

from bot.logs import JsonFormatter, quiet_libraries
from flows.core.roles import KEY_PERSON

NASTY = [
    "Fatima El Amrani woont op Kalverstraat 12, 1012 AB Amsterdam",
    "bel haar op +31 6 12345678 of mail fatima@example.nl",
    "BSN 111222333, geboren 12-03-1985",
    "اسمها فاطمة ورقمها ٠٦١٢٣٤٥٦٧٨",
    "Её зовут Олена Петренко",
]


async def test_nothing_people_type_reaches_the_logs(runtime, fake_api, caplog):
    quiet_libraries()  # as `sleutel run` does
    caplog.set_level(logging.DEBUG)
    chat, _ = await enrol(runtime, fake_api, 30, KEY_PERSON, "Amina Verborgen", language="en")
    for text in NASTY:
        await chat.send(text)
    stranger = Chat(runtime, fake_api, 31, "en")
    for text in NASTY:
        await stranger.send(text)
    formatter = JsonFormatter()
    logged = "\n".join(formatter.format(record) for record in caplog.records)
    assert "event handled" in logged  # the logs are there, just clean
    for needle in (
        "Fatima",
        "Kalverstraat",
        "12345678",
        "fatima@",
        "111222333",
        "فاطمة",
        "Олена",
        "Amina Verborgen",
        fake_api.token,
    ):
        assert needle not in logged


async def test_a_concern_with_identifiers_leaves_none_in_the_logs(runtime, fake_api, caplog):
    quiet_libraries()
    caplog.set_level(logging.DEBUG)
    team = await make_team(runtime, fake_api)
    reference = await log_concern(team.key_person, initials="Q.Z.", note=NASTY[0] + " " + NASTY[2])
    await press(team.confidant, f"case:open:{reference}")
    await press(team.confidant, f"case:ack:{reference}")
    logged = "\n".join(JsonFormatter().format(record) for record in caplog.records)
    for needle in ("Q.Z.", "Fatima", "Kalverstraat", "111222333", "Amina", "Saskia"):
        assert needle not in logged


def test_an_error_is_logged_by_kind_and_place_never_by_its_message():
    typed = "".join(["Fatima", " El Amrani"])  # as if it came from a person
    try:
        int(typed)
    except ValueError:
        record = logging.LogRecord("t", logging.ERROR, __file__, 1, "failed", (), sys.exc_info())
    entry = JsonFormatter().format(record)
    assert '"error": "ValueError"' in entry and "test_logs.py" in entry
    assert "Fatima" not in entry
