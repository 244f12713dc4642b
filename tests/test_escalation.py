"""Routing, acknowledgement, the escalation chain, permissions and /cases."""

from __future__ import annotations

from datetime import timedelta

from chat import Chat
from flowkit import Office, add_person
from people import enrol
from sqlalchemy import event
from team import (
    alert,
    describe,
    log_concern,
    make_team,
    newest_reference,
    no_chat_pacing,  # noqa: F401 (autouse fixture)
    open_notice,
    press,
)

from flows.core.roles import CONFIDANT, COORDINATOR, KEY_PERSON

ALERT = "New concern {ref} from {name}."
REMINDER = "Reminder: concern {ref} from {name} is still waiting to be picked up."
ESCALATED = "Concern {ref} from {name} has not been picked up yet. Can you take it?"


async def _log(office: Office, *, urgent: bool = False) -> str:
    kp = office.key_person
    await kp.command("concern")
    replies = await kp.choose("danger", "yes" if urgent else "no")
    if urgent:
        return replies[1].text.params["ref"]
    await describe(kp, age="adult", children="no", signals=(("phys", "phys.bruises"),))
    [receipt] = await kp.choose("confirm")
    return receipt.text.params["ref"]


async def _tick(office: Office, minutes: int) -> list[tuple[int, str]]:
    """Move the clock, run what is due; returns the messages it queued."""
    before = len(await office.outbox())
    office.clock.advance(timedelta(minutes=minutes))
    await office.engine.run_due_timers()
    return [(person, msgid) for person, msgid, _b in (await office.outbox())[before:]]


# --- flow tests ---------------------------------------------------------------------------


async def test_the_chain_reminds_then_backup_then_coordinators_then_everyone(db, clock):
    office = await Office().open(db, clock)
    reference = await _log(office)
    [(person, msgid, buttons)] = await office.outbox()
    assert (person, msgid) == (office.confidant.id, ALERT)
    assert buttons == (f"case:open:{reference}", f"case:ack:{reference}")
    assert await _tick(office, 239) == []
    assert await _tick(office, 1) == [(office.confidant.id, REMINDER)]
    assert await _tick(office, 240) == [(office.backup.id, ESCALATED)]
    assert await _tick(office, 240) == [(office.coordinator.id, ESCALATED)]
    reminded = await _tick(office, 240)
    assert sorted(reminded) == sorted(
        (p, REMINDER) for p in (office.confidant.id, office.backup.id, office.coordinator.id)
    )
    events = await office.events(reference)
    assert [(a, t) for a, _actor, t in events][:5] == [
        ("created", None),
        ("alerted", office.confidant.id),
        ("reminded", office.confidant.id),
        ("alerted", office.backup.id),
        ("alerted", office.coordinator.id),
    ]
    assert sorted(t for a, _actor, t in events[5:]) == sorted(
        [office.confidant.id, office.backup.id, office.coordinator.id]
    )
    assert all(actor is None for _a, actor, _t in events[1:])  # the clock did it


async def test_a_chunk_of_timers_reads_its_people_at_once(db, clock):
    """Each escalation step looks up the confidant and the key person's name; for a
    chunk of timers they are read in one statement (`escalation.read_ahead`)."""
    office = await Office().open(db, clock)
    references = [await _log(office) for _ in range(3)]
    statements: list[str] = []
    event.listen(
        db.engine.sync_engine,
        "before_cursor_execute",
        lambda _conn, _cursor, statement, *_args: statements.append(statement),
    )
    assert await _tick(office, 240) == [(office.confidant.id, REMINDER)] * 3
    people = [s for s in statements if s.lstrip().startswith("SELECT person.")]
    assert len(people) == 1
    async with db.unit_of_work() as uow:
        for reference in references:
            case = await uow.cases.by_reference(reference)
            assert [e.action for e in await uow.cases.events(case.id)][-1] == "reminded"


async def test_acknowledging_stops_the_chain(db, clock):
    office = await Office().open(db, clock)
    reference = await _log(office)
    await _tick(office, 240)
    [thanks] = await office.confidant.press(f"case:ack:{reference}")
    assert thanks.text.msgid.startswith("Thank you. You are handling")
    assert (await office.case(reference)).handler_id == office.confidant.id
    assert await _tick(office, 24 * 60) == []
    [again] = await office.confidant.press(f"case:ack:{reference}")
    assert again.text.msgid == "You are already handling {ref}."


async def test_urgent_goes_to_everyone_at_once_and_reminds_after_15_minutes(db, clock):
    office = await Office().open(db, clock)
    await _log(office, urgent=True)
    everyone = {office.confidant.id, office.backup.id, office.coordinator.id}
    assert {p for p, _m, _b in await office.outbox()} == everyone
    assert await _tick(office, 14) == []
    assert {p for p, m in await _tick(office, 1) if m == REMINDER} == everyone


async def test_without_a_reachable_confidant_the_case_goes_straight_up(db, clock):
    office = await Office().open(db, clock, backup=False)
    async with db.unit_of_work() as uow:
        await uow.people.set_active(office.confidant.id, False, now=clock.now())
    reference = await _log(office)
    assert [(p, m) for p, m, _b in await office.outbox()] == [(office.coordinator.id, ALERT)]
    [opened] = await office.coordinator.press(f"case:open:{reference}")
    assert opened.text.msgid.startswith("Concern {ref} from {name}")
    receipt = office.key_person.replies[-1]
    assert receipt.text.params["who"].params == {"value": "Ingrid"}


async def test_no_backup_means_the_coordinators_are_next(db, clock):
    office = await Office().open(db, clock, backup=False)
    await _log(office)
    await _tick(office, 240)
    assert await _tick(office, 240) == [(office.coordinator.id, ESCALATED)]


async def test_people_without_the_right_see_not_available_and_it_is_recorded(db, clock):
    office = await Office().open(db, clock)
    reference = await _log(office)
    other_confidant = await add_person(db, clock, 22, "Olga", CONFIDANT, office.org)
    other_key_person = await add_person(
        db, clock, 31, "Bilal", KEY_PERSON, office.org, confidant_id=other_confidant
    )
    for telegram_id, person_id in ((22, other_confidant), (31, other_key_person)):
        talker = type(office.confidant)(office.engine, telegram_id, person_id)
        for data in (f"case:open:{reference}", f"case:ack:{reference}"):
            [reply] = await talker.press(data)
            assert reply.text.msgid == "This case is not available to you."
    for data in (f"case:open:{reference}", "case:open:ZZZZ", "case:burn:" + reference, "case:"):
        [reply] = await office.coordinator.press(data)  # not escalated to her yet
        assert reply.text.msgid == "This case is not available to you."
    [reply] = await office.key_person.press(f"case:ack:{reference}")
    assert reply.text.msgid == "This case is not available to you."
    denied = [(actor) for action, actor, _t in await office.events(reference) if action == "denied"]
    assert denied == [
        other_confidant,
        other_confidant,
        other_key_person,
        other_key_person,
        office.coordinator.id,
        office.key_person.id,
    ]
    # Once escalated to the coordinator, she may open it; the key person sees their own.
    for _step in ("reminder", "backup", "coordinators"):
        await _tick(office, 240)
    [opened] = await office.coordinator.press(f"case:open:{reference}")
    assert opened.protect and opened.buttons[0][0].data == f"case:ack:{reference}"
    [own] = await office.key_person.press(f"case:open:{reference}")
    assert [b.data for row in own.buttons for b in row] == [  # no Acknowledge for them
        f"case:msg:{reference}",
        f"case:update:{reference}",
    ]
    readers = [actor for action, actor, _t in await office.events(reference) if action == "opened"]
    assert readers == [office.coordinator.id, office.key_person.id]


async def test_cases_lists_own_cases_and_open_cases_urgent_first(db, clock):
    office = await Office().open(db, clock)
    first = await _log(office)
    clock.advance(timedelta(hours=1))
    second = await _log(office)
    clock.advance(timedelta(hours=1))
    urgent = await _log(office, urgent=True)
    await office.key_person.command("cancel")
    [listing] = await office.confidant.command("cases")
    lines = listing.text.params["lines"]
    assert [line.params["ref"] for line in lines][1:] == [second, first]
    assert lines[0].params["ref"].params["ref"] == urgent
    assert [row[0].data for row in listing.buttons] == [
        f"case:open:{r}" for r in (urgent, second, first)
    ]
    [own] = await office.key_person.command("cases")
    assert [line.params["status"].msgid for line in own.text.params["lines"]] == [
        "waiting to be picked up; still being described",
        "waiting to be picked up",
        "waiting to be picked up",
    ]
    [nothing] = await office.backup.command("cases")
    assert nothing.text.params["lines"][0].params["ref"].params["ref"] == urgent
    # A coordinator lists only what was escalated to them: here the urgent case.
    [escalated] = await office.coordinator.command("cases")
    assert [line.params["ref"].params["ref"] for line in escalated.text.params["lines"]] == [urgent]


# --- end to end ---------------------------------------------------------------------------


async def test_escalation_along_the_whole_chain_e2e(runtime, fake_api, clock):
    team = await make_team(runtime, fake_api)
    reference = await log_concern(team.key_person)
    assert alert(team.confidant).text == f"New concern {reference} from Amina."

    async def later(minutes: int) -> None:
        clock.advance(timedelta(minutes=minutes))
        await runtime.tick()
        await runtime.dispatch_outbox()

    await later(240)
    assert team.confidant.last.text == (
        f"Reminder: concern {reference} from Amina is still waiting to be picked up."
    )
    await later(240)
    escalated = f"Concern {reference} from Amina has not been picked up yet. Can you take it?"
    assert team.backup.last.text == escalated
    assert team.backup.last.protect_content
    await later(240)
    assert team.coordinator.last.text == escalated
    [opened] = await team.coordinator.tap("Open", alert(team.coordinator))
    assert "About: F.K." in opened.text
    await team.coordinator.tap("Acknowledge", opened)
    opened = await open_notice(team.key_person)
    assert opened.text == f"Ingrid heeft je zorg {reference} opgepakt."
    for chat in (team.confidant, team.backup):
        assert chat.last.text == f"Ingrid is handling {reference}."
    await later(24 * 60)
    assert team.coordinator.last.text != escalated and "Reminder" not in team.confidant.last.text


async def test_a_confidant_who_blocked_the_bot_is_passed_at_once(runtime, fake_api):
    team = await make_team(runtime, fake_api)
    fake_api.blocked.add(team.confidant.user_id)
    reference = await log_concern(team.key_person)
    await runtime.dispatch_outbox()
    assert team.backup.last.text == (
        f"Concern {reference} from Amina has not been picked up yet. Can you take it?"
    )
    assert "Saskia" in team.coordinator.texts()[-1]  # told that she cannot be reached
    async with runtime.db.unit_of_work() as uow:
        case = await uow.cases.by_reference(reference)
        actions = [(e.action, e.target_id) for e in await uow.cases.events(case.id)]
    assert ("unreachable", team.ids["confidant"]) in actions
    assert ("alerted", team.ids["backup"]) in actions


async def test_permissions_e2e_old_alerts_and_a_stranger(runtime, fake_api):
    team = await make_team(runtime, fake_api)
    reference = await log_concern(team.key_person)
    other, _ = await enrol(runtime, fake_api, 40, CONFIDANT, "Olga", language="en", org_id=team.org)
    [reply] = await press(other, f"case:open:{reference}")
    assert reply.text == "This case is not available to you."
    [reply] = await press(team.coordinator, f"case:open:{reference}")
    assert reply.text == "This case is not available to you."
    stranger = Chat(runtime, fake_api, 666, language="en")
    await stranger.send("hello")
    [reply] = await press(stranger, f"case:open:{reference}")
    assert "closed service" in reply.text
    # The confidant acknowledges twice from the same old alert: harmless.
    message = alert(team.confidant)
    await press(team.confidant, f"case:ack:{reference}")
    fake_api.push_callback(20, f"case:ack:{reference}", message=message, language_code="en")
    [again] = await team.confidant._round()
    assert again.text == f"You are already handling {reference}."
    assert await newest_reference(runtime) == reference


async def test_coordinator_role_cannot_log_a_concern(runtime, fake_api):
    chat, _ = await enrol(runtime, fake_api, 50, COORDINATOR, "Kees", language="en")
    [reply] = await chat.send("/concern")
    assert reply.text == "This is not available for your role."
