"""The rules for people are the same in the bot and in the terminal: `/people` and
`sleutel assign` / `sleutel pause`, `/invite` and `sleutel invite` go through
`flows.people.service` and `flows.people.invitations`."""

from __future__ import annotations

import asyncio
import json

import pytest
from conftest import TEST_KEY
from flowkit import Office
from test_cli import cli_env, sleutel  # noqa: F401 (the fixture)

from flows.people import service
from flows.people.invitations import issue_invite
from flows.people.service import Refused

ORG = "Buurtwerk"  # the Office's organisation


@pytest.fixture
def env(cli_env: dict[str, str]) -> dict[str, str]:  # noqa: F811 (the fixture imported above)
    """The terminal on the test's database, with the test's key."""
    return {**cli_env, "SLEUTEL_SECRET_KEY": TEST_KEY}


async def run(env: dict[str, str], *args: str):
    return await asyncio.to_thread(sleutel, *args, env=env)


async def snapshot(office: Office) -> tuple:
    """The key person's membership, what was recorded about them, and what waits to be
    sent: (person id, message as the outbox keeps it)."""
    kp = office.key_person.id
    async with office.db.unit_of_work() as uow:
        membership = (await uow.people.get(kp)).membership("key_person")
        audit = [(a.action, a.actor_id) for a in await uow.audit.for_subject(f"P{kp}")]
        queued = [(m.person_id, m.payload) for m in await uow.outbox.pending()]
    return (membership.confidant_id, membership.backup_id), audit, queued


def told(queued: list, chosen_id: int, chosen_name: str, office: Office) -> list:
    """Who was told what, with the chosen confidant as a role instead of a person."""
    who = {chosen_id: "the chosen confidant", office.key_person.id: "the key person"}
    return [
        (who.get(person_id, person_id), json.dumps(payload).replace(chosen_name, "<chosen>"))
        for person_id, payload in queued
    ]


async def test_assign_in_the_terminal_records_and_tells_as_people_does(db, clock, env):
    office = await Office().open(db, clock)
    kp, saskia, bram = office.key_person.id, office.confidant.id, office.backup.id
    # In the bot: Bram becomes Amina's confidant.
    coordinator = office.coordinator
    await coordinator.command("people")
    await coordinator.choose("pick", str(kp))
    await coordinator.choose("confidant")
    [done] = await coordinator.choose("set_confidant", str(bram))
    assert done.text.msgid == "{confidant} now supports {name}."
    membership, bot_audit, bot_queued = await snapshot(office)
    assert membership == (bram, bram)
    assert bot_audit == [("person.assign_confidant", coordinator.id)]

    # In the terminal: Saskia again.
    result = await run(env, "assign", f"P{kp}", "--org", ORG, "--confidant", f"P{saskia}")
    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith(f"P{kp} assigned: confidant P{saskia} Saskia")
    membership, audit, queued = await snapshot(office)
    assert membership == (saskia, bram)
    cli_audit = audit[len(bot_audit) :]
    assert cli_audit == [("person.assign_confidant", None)]  # the terminal has no actor
    assert [a for a, _ in cli_audit] == [a for a, _ in bot_audit]
    cli_queued = queued[len(bot_queued) :]
    assert told(cli_queued, saskia, "Saskia", office) == told(bot_queued, bram, "Bram", office)
    assert [person for person, _ in cli_queued] == [saskia, kp]  # both told, as in the bot


async def test_a_backup_in_the_terminal_as_in_the_bot(db, clock, env):
    office = await Office().open(db, clock, backup=False)
    kp, bram = office.key_person.id, office.backup.id
    coordinator = office.coordinator
    await coordinator.command("people")
    await coordinator.choose("pick", str(kp))
    await coordinator.choose("backup")
    await coordinator.choose("set_backup", str(bram))
    _m, bot_audit, bot_queued = await snapshot(office)
    assert bot_audit == [("person.assign_backup", coordinator.id)]
    result = await run(env, "assign", f"P{kp}", "--org", ORG, "--backup", f"P{bram}")
    assert result.returncode == 0, result.stderr
    _m, audit, queued = await snapshot(office)
    assert [a for a, _ in audit] == ["person.assign_backup"] * 2
    assert queued[len(bot_queued) :] == bot_queued  # only the backup is told, the same words
    assert [person for person, _ in bot_queued] == [bram]


async def test_a_paused_confidant_is_refused_in_the_terminal_and_nothing_changes(db, clock, env):
    office = await Office().open(db, clock)
    kp, bram = office.key_person.id, office.backup.id
    paused = await run(env, "pause", f"P{bram}", "--org", ORG)
    assert paused.returncode == 0, paused.stderr
    async with db.unit_of_work() as uow:
        assert [a.action for a in await uow.audit.for_subject(f"P{bram}")] == ["person.pause"]
    before = await snapshot(office)

    refused = await run(env, "assign", f"P{kp}", "--org", ORG, "--confidant", f"P{bram}")
    assert refused.returncode == 1
    [line] = refused.stderr.strip().splitlines()
    assert line == (
        f"sleutel: P{bram} is paused: only an active confidant can be chosen (confidant)"
    )
    assert refused.stdout == ""
    assert await snapshot(office) == before  # not assigned, not recorded, nobody told

    # The bot does not offer Bram, and a forged tap on him is refused the same way.
    coordinator = office.coordinator
    await coordinator.command("people")
    await coordinator.choose("pick", str(kp))
    [question] = await coordinator.choose("confidant")
    assert [b.data.rsplit(":", 1)[1] for row in question.buttons for b in row] == [
        str(office.confidant.id)
    ]
    forged = question.buttons[0][0].data.rsplit(":", 1)[0] + f":{bram}"
    hint, again = await coordinator.press(forged)
    assert hint.text.msgid == "Please use the buttons of the last question."
    assert again == question
    assert await snapshot(office) == before

    resumed = await run(env, "resume", f"P{bram}", "--org", ORG)
    assert resumed.returncode == 0, resumed.stderr
    again = await run(env, "assign", f"P{kp}", "--org", ORG, "--confidant", f"P{bram}")
    assert again.returncode == 0, again.stderr


async def test_the_terminal_refuses_what_the_bot_does_not_offer(db, clock, env):
    office = await Office().open(db, clock)
    kp, saskia = office.key_person.id, office.confidant.id
    cases = {
        ("assign", f"P{saskia}", "--confidant", f"P{saskia}"): "not a key person",
        ("assign", f"P{kp}", "--confidant", f"P{kp}"): "cannot be their own confidant",
        ("assign", f"P{kp}", "--backup", f"P{office.coordinator.id}"): "not a confidant",
        ("pause", "P999"): "not a member",
    }
    before = await snapshot(office)
    for (command, *args), said in cases.items():
        result = await run(env, command, *args, "--org", ORG)
        assert result.returncode == 1 and said in result.stderr, (args, result.stderr)
        assert "Traceback" not in result.stderr
    assert await snapshot(office) == before


async def test_invites_follow_the_same_rules_everywhere(db, clock, env):
    office = await Office().open(db, clock)
    saskia, bram = office.confidant.id, office.backup.id
    async with db.unit_of_work() as uow:
        await service.set_active(
            uow,
            organisation_id=office.org,
            person_id=bram,
            active=False,
            actor_id=None,
            now=clock.now(),
        )
    for kwargs, said in (
        ({"role": "key_person"}, "with their confidant"),
        ({"role": "confidant", "confidant_id": saskia}, "only for key persons"),
        ({"role": "key_person", "confidant_id": bram}, "paused"),
        ({"role": "key_person", "confidant_id": saskia, "backup_id": saskia}, "another"),
    ):
        async with db.unit_of_work() as uow:
            with pytest.raises(Refused, match=said):
                await issue_invite(uow, organisation_id=office.org, now=clock.now(), **kwargs)
    paused = await run(
        env, "invite", "--org", ORG, "--role", "key_person", "--confidant", f"P{bram}"
    )
    assert paused.returncode == 1 and "is paused" in paused.stderr
    async with db.unit_of_work() as uow:
        assert await uow.people.pending_invites(office.org, now=clock.now()) == []
    made = await run(
        env, "invite", "--org", ORG, "--role", "key_person", "--confidant", f"P{saskia}"
    )
    assert made.returncode == 0, made.stderr

    # The bot offers only the active confidant.
    coordinator = office.coordinator
    await coordinator.command("invite")
    [question] = await coordinator.choose("role", "key_person")
    assert [b.data.rsplit(":", 1)[1] for row in question.buttons for b in row] == [str(saskia)]


async def areas_of(office: Office) -> dict[int, str | None]:
    async with office.db.unit_of_work() as uow:
        people = await uow.people.in_organisation(office.org)
    return {p.id: p.area for p in people}


async def area_audit(office: Office, person_id: int) -> list[tuple[str, int | None]]:
    async with office.db.unit_of_work() as uow:
        return [(a.action, a.actor_id) for a in await uow.audit.for_subject(f"P{person_id}")]


def labels(reply) -> list[tuple[str, str]]:
    """The question's buttons: (label as shown, action:arg)."""
    return [
        (str(b.label.params.get("value", b.label.msgid)), b.data.split(":", 2)[2])
        for row in reply.buttons
        for b in row
    ]


async def test_an_area_is_typed_tapped_and_cleared_in_people(db, clock):
    office = await Office().open(db, clock)
    kp, saskia = office.key_person.id, office.confidant.id
    coordinator = office.coordinator
    await coordinator.command("people")
    [actions] = await coordinator.choose("pick", str(kp))
    assert "area:" in [data for _label, data in labels(actions)]
    [question] = await coordinator.choose("area")
    assert question.text.msgid.startswith("{name} has no area yet.")
    assert question.buttons == ()  # no areas yet, and nothing to clear
    [done] = await coordinator.send("  De \t Pijp\u200b ")
    assert done.text.msgid == "The area of {name} is now {area}."
    assert done.text.params["area"] == "De Pijp"
    assert (await areas_of(office))[kp] == "De Pijp"
    assert await area_audit(office, kp) == [("person.set_area", coordinator.id)]
    [listing] = await coordinator.command("people")
    [amina_line] = [line for line in listing.text.params["lines"] if line.params["id"] == f"P{kp}"]
    assert any(p.msgid == "area: {area}" for p in amina_line.params["details"].items)

    # Saskia: De Pijp is offered as a button, so nobody types it another way.
    await coordinator.choose("pick", str(saskia))
    [question] = await coordinator.choose("area")
    assert labels(question) == [("De Pijp", "set_area:0")]
    [done] = await coordinator.choose("set_area", "0")
    assert done.text.params["area"] == "De Pijp"
    # Typed in other capitals, it is still the same De Pijp.
    await coordinator.command("people")
    await coordinator.choose("pick", str(office.backup.id))
    await coordinator.choose("area")
    await coordinator.send("de PIJP")
    assert set((await areas_of(office)).values()) == {None, "De Pijp"}

    # Amina's own area is not offered again; "No area" clears it.
    await coordinator.command("people")
    await coordinator.choose("pick", str(kp))
    [question] = await coordinator.choose("area")
    assert question.text.msgid.startswith("The area of {name} is {area}.")
    assert labels(question) == [("No area", "no_area:")]
    [cleared] = await coordinator.choose("no_area")
    assert cleared.text.msgid == "{name} no longer has an area."
    assert (await areas_of(office))[kp] is None
    assert await area_audit(office, kp) == [("person.set_area", coordinator.id)] * 2


async def test_a_too_long_area_is_refused_kindly_and_the_question_stays(db, clock):
    office = await Office().open(db, clock)
    kp = office.key_person.id
    coordinator = office.coordinator
    await coordinator.command("people")
    await coordinator.choose("pick", str(kp))
    await coordinator.choose("area")
    for too_much in ("x" * 41, "\x07\u200b"):
        [refused] = await coordinator.send(too_much)
        assert refused.text.msgid.startswith("An area is a short name such as a neighbourhood")
        assert refused.text.params["max"] == 40
    assert (await areas_of(office))[kp] is None
    assert await area_audit(office, kp) == []
    [done] = await coordinator.send("y" * 40)  # still asked: the limit itself is fine
    assert done.text.params["area"] == "y" * 40


async def test_a_tap_on_an_area_that_was_not_offered_is_refused(db, clock):
    office = await Office().open(db, clock)
    kp, saskia = office.key_person.id, office.confidant.id
    async with db.unit_of_work() as uow:
        await service.set_area(uow, office.org, saskia, "Noord", actor_id=None, now=clock.now())
    coordinator = office.coordinator
    await coordinator.command("people")
    await coordinator.choose("pick", str(kp))
    [question] = await coordinator.choose("area")
    assert labels(question) == [("Noord", "set_area:0")]
    forged = coordinator.button("set_area", "0").rsplit(":", 1)[0] + ":1"
    hint, again = await coordinator.press(forged)
    assert hint.text.msgid == "Please use the buttons of the last question."
    assert again == question
    assert (await areas_of(office))[kp] is None


async def test_set_area_in_the_terminal_as_in_the_bot(db, clock, env):
    office = await Office().open(db, clock)
    kp, bram = office.key_person.id, office.backup.id
    coordinator = office.coordinator
    await coordinator.command("people")
    await coordinator.choose("pick", str(kp))
    await coordinator.choose("area")
    await coordinator.send("De Pijp")
    bot_audit = await area_audit(office, kp)

    made = await run(env, "people", "set-area", f"P{bram}", "de pijp", "--org", ORG)
    assert made.returncode == 0, made.stderr
    assert made.stdout == f"P{bram} area: De Pijp\n"  # the spelling the bot used
    cli_audit = await area_audit(office, bram)
    assert cli_audit == [("person.set_area", None)]  # the terminal has no actor
    assert [a for a, _ in cli_audit] == [a for a, _ in bot_audit]
    before = await run(env, "people", "--org", ORG, "set-area", f"P{kp}", "Noord")
    assert before.returncode == 0, before.stderr  # --org before set-area works too

    listing = await run(env, "people", "--org", ORG)
    assert listing.returncode == 0, listing.stderr
    rows = {line.split("\t")[0]: line for line in listing.stdout.splitlines()}
    assert rows[f"P{kp}"].endswith("\tarea: Noord")
    assert rows[f"P{bram}"].endswith("\tarea: De Pijp")
    assert rows[f"P{coordinator.id}"].endswith("\tarea: -")
    as_json = await run(env, "people", "--org", ORG, "--json")
    areas = {row["id"]: row["area"] for row in map(json.loads, as_json.stdout.splitlines())}
    assert areas == {
        f"P{coordinator.id}": None,
        f"P{office.confidant.id}": None,
        f"P{bram}": "De Pijp",
        f"P{kp}": "Noord",
    }

    cleared = await run(env, "people", "set-area", f"P{bram}", "--clear", "--org", ORG)
    assert cleared.returncode == 0, cleared.stderr
    assert cleared.stdout == f"P{bram} has no area\n"
    assert (await areas_of(office))[bram] is None
    assert len(await area_audit(office, bram)) == 2


async def test_the_terminal_refuses_a_bad_area_and_nothing_changes(db, clock, env):
    office = await Office().open(db, clock)
    kp = office.key_person.id
    cases = {
        ("P999", "Noord"): "P999 is not a member of this organisation",
        (f"P{kp}", "x" * 41): "an area is at most 40 characters",
        (f"P{kp}",): "give an area, or --clear",
        (f"P{kp}", "Noord", "--clear"): "give an area, or --clear",
    }
    for args, said in cases.items():
        result = await run(env, "people", "set-area", *args, "--org", ORG)
        assert result.returncode == 1, (args, result.stdout)
        assert result.stderr == f"sleutel: {said}\n"
        assert result.stdout == ""
    no_org = await run(env, "people")
    assert no_org.returncode == 1 and "give --org" in no_org.stderr
    assert set((await areas_of(office)).values()) == {None}
    assert await area_audit(office, kp) == []
