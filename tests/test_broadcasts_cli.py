"""`sleutel broadcast send|list`: the same broadcasts as `/broadcast`, from a terminal."""

from __future__ import annotations

import asyncio
from datetime import datetime, timedelta

import pytest
from conftest import TEST_KEY
from flowkit import Office
from scan import stored_identifiers
from test_cli import cli_env, sleutel  # noqa: F401 (the fixture)

from flows.core.messages import from_json

ORG = "Buurtwerk"  # the Office's organisation


@pytest.fixture
def env(cli_env: dict[str, str]) -> dict[str, str]:  # noqa: F811 (the fixture imported above)
    return {**cli_env, "SLEUTEL_SECRET_KEY": TEST_KEY}


async def run(env: dict[str, str], *args: str):
    return await asyncio.to_thread(sleutel, "broadcast", *args, env=env)


async def queued(office: Office) -> dict[int, object]:
    async with office.db.unit_of_work() as uow:
        return {m.person_id: from_json(m.payload) for m in await uow.outbox.pending()}


async def test_an_announcement_from_the_terminal_is_cleaned_and_queued(db, clock, env):
    office = await Office().open(db, clock)
    done = await run(
        env,
        "send",
        *("--org", ORG, "--from", f"P{office.coordinator.id}", "--audience", "key"),
        *("--title", "Nieuwe folders", "--text", "Vragen? Bel Fatima op 0612345678."),
        "--version=ar=أسئلة؟ اتصلوا على 0612345678",
    )
    assert done.returncode == 0, done.stderr
    assert "--text: removed" in done.stdout and "queued for 1 people" in done.stdout
    messages = await queued(office)
    assert list(messages) == [office.key_person.id]
    assert messages[office.key_person.id].text.msgid.startswith("From {name}, your coordinator")
    assert await stored_identifiers(db, ["0612345678"]) == []
    listing = await run(env, "list", "--org", ORG)
    assert "announcement\tsent\tNieuwe folders\tkey" in listing.stdout
    assert "pending=1" in listing.stdout


async def test_an_invitation_planned_from_the_terminal(db, clock, env):
    office = await Office().open(db, clock)
    at = (datetime.now() + timedelta(days=14)).strftime("%Y-%m-%d 10:00")
    send_at = (datetime.now() + timedelta(days=2)).strftime("%Y-%m-%d 09:00")
    done = await run(
        env,
        "send",
        *("--org", ORG, "--from", f"P{office.coordinator.id}", "--kind", "invitation"),
        *("--title", "Werkbezoek vrouwenopvang", "--text", "Welkom.", "--at", at),
        *("--place", "Opvanghuis", "--capacity", "12", "--send-at", send_at),
    )
    assert done.returncode == 0, done.stderr
    assert "planned for" in done.stdout
    assert await queued(office) == {}  # the bot sends it at its time
    async with db.unit_of_work() as uow:
        [broadcast] = await uow.broadcasts.recent(office.org)
    shown = (broadcast.status, broadcast.capacity, broadcast.place)
    assert shown == ("scheduled", 12, "Opvanghuis")


@pytest.mark.parametrize(
    "extra, says",
    [
        (("--from", "P2"), "is not a coordinator"),
        (("--audience", "group:Nobody"), "no intervision group named"),
        (("--audience", "lang:xx"), "not an audience"),
        (("--kind", "invitation"), "an invitation needs --at"),
        (("--send-at", "2020-01-01 10:00"), "already passed"),
        (("--version", "klingon=nuqneH"), "--version"),
    ],
)
async def test_mistakes_are_explained_in_one_line_and_nothing_is_sent(db, clock, env, extra, says):
    office = await Office().open(db, clock)
    base = ("--org", ORG, "--from", f"P{office.coordinator.id}", "--title", "T", "--text", "Hi")
    done = await run(env, "send", *base, *extra)  # a repeated option: the last one counts
    assert done.returncode == 1 and says in done.stderr, (done.stdout, done.stderr)
    assert await queued(office) == {}
