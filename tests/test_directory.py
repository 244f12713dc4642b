"""The organisation's directory: `/directory` for coordinators in the bot, and
`sleutel directory add/list` in the terminal."""

from __future__ import annotations

import pytest
from flowkit import Office
from handling import render
from people import enrol
from team import make_team, no_chat_pacing  # noqa: F401 (autouse fixture)
from test_cli import cli_env, fresh_database, sleutel  # noqa: F401 (fixtures)

from flows.cases.directory_service import clean_name, clean_phone
from flows.core.roles import COORDINATOR


@pytest.mark.parametrize(
    ("typed", "kept"),
    [
        ("0800-2000", "0800-2000"),
        ("020  555 1234", "020 555 1234"),
        ("+31 20 555 1234", "+31 20 555 1234"),
        ("06-12345678", "06-12345678"),
        ("112", None),
        ("call me", None),
        ("", None),
    ],
)
def test_phone_numbers_are_checked(typed, kept):
    assert clean_phone(typed) == kept


def test_names_are_tidied_and_limited():
    assert clean_name("  Veilig   Thuis ") == "Veilig Thuis"
    assert clean_name(" ") is None and clean_name("x" * 121) is None


async def test_coordinator_adds_lists_and_removes(db, clock):
    office = await Office().open(db, clock)
    coordinator = office.coordinator
    [empty] = await coordinator.command("directory")
    assert "empty" in empty.text.msgid
    assert [b.data.split(":")[2] for row in empty.buttons for b in row] == ["add", "done"]
    await coordinator.choose("add")
    [name_question] = await coordinator.choose("kind", "neighbourhood_team")
    assert "name" in name_question.text.msgid
    [refused] = await coordinator.send("x" * 121)
    assert refused.text.params == {"max": 120}
    await coordinator.send("Buurtteam  Noord")
    [refused] = await coordinator.send("bel me maar")
    assert refused.text.msgid.startswith("That does not look like a phone number")
    [added] = await coordinator.send("020 555 1234")
    assert render(added.text) == "Added: Neighbourhood team: Buurtteam Noord, 020 555 1234"
    [listing] = await coordinator.command("directory")
    assert render(listing.text).endswith("• Neighbourhood team: Buurtteam Noord, 020 555 1234")
    # Another organisation's entry cannot be removed with a forged button.
    async with db.unit_of_work() as uow:
        other = await uow.people.add_organisation("Elders", now=clock.now())
        theirs = await uow.directory.add(
            other, kind="veilig_thuis", name="VT Elders", phone="0800-2000", now=clock.now()
        )
    [question] = await coordinator.choose("remove")
    [(entry_button,)] = question.buttons
    hint, again = await coordinator.press(entry_button.data.rsplit(":", 1)[0] + f":{theirs.id}")
    assert hint.text.msgid == "Please use the buttons of the last question."
    assert again == question
    [removed] = await coordinator.press(entry_button.data)
    assert removed.text.msgid == "Removed from the directory."
    async with db.unit_of_work() as uow:
        assert await uow.directory.entries(office.org) == []
        assert [e.name for e in await uow.directory.entries(other)] == ["VT Elders"]
        audit = [a.action for a in await uow.audit.for_subject(f"D{entry_button.data[-1]}")]
    assert audit == ["directory.add", "directory.remove"]
    [done] = await (await _reopen(coordinator)).choose("done")
    assert done.text.msgid == "What would you like to do?"


async def _reopen(coordinator):
    await coordinator.command("directory")
    return coordinator


async def test_only_coordinators_have_a_directory(db, clock):
    office = await Office().open(db, clock)
    for person in (office.confidant, office.key_person):
        [reply] = await person.command("directory")
        assert reply.text.msgid == "This is not available for your role."


async def test_directory_e2e_in_the_coordinators_language(runtime, fake_api):
    team = await make_team(runtime, fake_api)
    coordinator = team.coordinator
    [menu] = await coordinator.send("/help")
    [empty] = await coordinator.tap("Directory", menu)
    assert "directory is empty" in empty.text
    await coordinator.tap("Add", empty)
    await coordinator.choose("kind", "veilig_thuis")
    await coordinator.send("Veilig Thuis Amsterdam")
    [added] = await coordinator.send("0800-2000")
    assert added.text == "Added: Veilig Thuis: Veilig Thuis Amsterdam, 0800-2000"
    dutch, _ = await enrol(runtime, fake_api, 12, COORDINATOR, "Kees", org_id=team.org)
    [listing] = await dutch.send("/directory")
    assert "Veilig Thuis: Veilig Thuis Amsterdam, 0800-2000" in listing.text
    assert "adresboek" in listing.text


@pytest.mark.usefixtures("fresh_database")
def test_directory_from_the_terminal(cli_env):  # noqa: F811 (the fixture imported above)
    assert sleutel("db", "upgrade", env=cli_env).returncode == 0
    assert sleutel("org", "add", "Buurtwerk Noord", env=cli_env).returncode == 0
    added = sleutel(
        "directory", "add", "--org", "Buurtwerk Noord", "--kind", "veilig_thuis",
        "--name", "Veilig Thuis Amsterdam", "--phone", "0800-2000", env=cli_env,
    )  # fmt: skip
    assert added.returncode == 0, added.stderr
    assert "Veilig Thuis Amsterdam" in added.stdout and added.stdout.startswith("D")
    bad_phone = sleutel(
        "directory", "add", "--org", "Buurtwerk Noord", "--kind", "child_abuse",
        "--name", "Kindpunt", "--phone", "none", env=cli_env,
    )  # fmt: skip
    assert bad_phone.returncode == 1 and "not a phone number" in bad_phone.stderr
    bad_kind = sleutel(
        "directory", "add", "--org", "Buurtwerk Noord", "--kind", "police",
        "--name", "X", "--phone", "0900-8844", env=cli_env,
    )  # fmt: skip
    assert bad_kind.returncode == 2 and "invalid choice" in bad_kind.stderr
    unknown = sleutel("directory", "list", "--org", "Nope", env=cli_env)
    assert unknown.returncode == 1 and "no organisation" in unknown.stderr
    listing = sleutel("directory", "list", "--org", "Buurtwerk Noord", env=cli_env)
    assert listing.returncode == 0
    [line] = listing.stdout.splitlines()
    assert line.split("\t")[1:] == ["veilig_thuis", "Veilig Thuis Amsterdam", "0800-2000"]
    entry = line.split("\t")[0]
    assert sleutel("org", "add", "Elders", env=cli_env).returncode == 0
    elsewhere = sleutel("directory", "remove", entry, "--org", "Elders", env=cli_env)
    assert elsewhere.returncode == 1 and "not in this organisation's directory" in elsewhere.stderr
    removed = sleutel("directory", "remove", entry, "--org", "Buurtwerk Noord", env=cli_env)
    assert removed.returncode == 0 and removed.stdout == f"{entry} removed\n"
    assert sleutel("directory", "list", "--org", "Buurtwerk Noord", env=cli_env).stdout == ""
    again = sleutel("directory", "remove", entry, "--org", "Buurtwerk Noord", env=cli_env)
    assert again.returncode == 1 and "Traceback" not in again.stderr
