"""The visit timer: ended early, extended, missed and escalated through the whole chain,
"I need help", the duress word, a location refused and never stored, and a restart
while a visit timer is pending."""

from __future__ import annotations

from datetime import timedelta

from conftest import make_settings
from flowkit import Office
from scan import stored_identifiers
from sqlalchemy import select
from team import make_team, no_chat_pacing  # noqa: F401 (autouse fixture)

from bot.polling import poll_once
from bot.runtime import Runtime
from flows.checkins.duress import matches, normalise
from flows.core.context import Context, FlowConfig
from flows.privacy.mydata import collect
from flows.privacy.retention import purge
from storage.models import Person

SAFE = "Are you safe? ({ref})"
AGAIN = (
    "Are you safe? If I hear nothing within {minutes} minutes, your confidant will be "
    "alerted. ({ref})"
)
MISSED = (
    "{name} did not answer the safety check after visit {ref} (due {time}). "
    "Their note: {note}\nPlease contact them now."
)
URGENT = (
    "Urgent: {name} needs help now (visit {ref}). Their note: {note}\n"
    "Contact them, or call 112 if you cannot reach them."
)
CLOSED = "Good to hear. Visit {ref} is closed."


async def _start(office: Office, *, minutes: str = "30", note: str | None = None) -> str:
    kp = office.key_person
    await kp.command("visit")
    await kp.choose("length", minutes)
    if note is None:
        [started] = await kp.choose("skip")
    else:
        await kp.send(note)
        [started] = await kp.choose("keep")
    assert started.text.msgid == "Take care. I will check on you at {time} ({ref})."
    return started.text.params["ref"]


async def _tick(office: Office, minutes: int) -> list[tuple[int, str]]:
    before = len(await office.outbox())
    office.clock.advance(timedelta(minutes=minutes))
    await office.engine.run_due_timers()
    return [(person, msgid) for person, msgid, _b in (await office.outbox())[before:]]


async def _events(office: Office, reference: str) -> list[tuple[str, int | None]]:
    async with office.db.unit_of_work() as uow:
        visit = await uow.visits.by_reference(reference)
        return [(action, target) for action, _actor, target in await uow.visits.events(visit.id)]


# --- flow tests ---------------------------------------------------------------------------


async def test_a_missed_visit_asks_twice_then_climbs_the_whole_chain(db, clock):
    office = await Office().open(db, clock)
    kp, confidant, backup, coordinator = (
        office.key_person,
        office.confidant,
        office.backup,
        office.coordinator,
    )
    reference = await _start(office, note="Bij de buurvrouw op de Dorpsstraat 12")
    assert await _tick(office, 29) == []
    assert await _tick(office, 1) == [(kp.id, SAFE)]
    assert await _tick(office, 10) == [(kp.id, AGAIN)]
    assert await _tick(office, 10) == [(confidant.id, MISSED)]
    [(_person, _msgid, buttons)] = (await office.outbox())[-1:]
    assert buttons == (f"visit:ack:{reference}",)
    assert await _tick(office, 15) == [(backup.id, MISSED)]
    assert await _tick(office, 15) == [(coordinator.id, MISSED)]
    async with db.unit_of_work() as uow:
        visit = await uow.visits.by_reference(reference)
    assert visit.note == "Bij de buurvrouw op de [address]"  # never where
    [thanks] = await coordinator.press(f"visit:ack:{reference}")
    assert thanks.text.msgid == "Thank you. Visit {ref} is in your hands now."
    told = (await office.outbox())[-2:]
    assert {(p, m) for p, m, _b in told} == {
        (confidant.id, "{name} has contacted them (visit {ref})."),
        (backup.id, "{name} has contacted them (visit {ref})."),
    }
    assert await _tick(office, 120) == []  # acknowledged: the chain stops
    [(taken, _), *_rest] = [e for e in await _events(office, reference) if e[0] != "started"]
    assert taken == "asked.1"
    assert ("alerted", coordinator.id) in await _events(office, reference)
    assert ("acknowledged", None) in await _events(office, reference)
    [late] = await backup.press(f"visit:ack:{reference}")
    assert late.text.msgid == "Someone else has already contacted them (visit {ref})."


async def test_back_early_or_extended_nothing_is_asked_before_time(db, clock):
    office = await Office().open(db, clock)
    kp = office.key_person
    reference = await _start(office, minutes="60")
    [more] = await kp.press(f"visit:extend:{reference}")
    assert [b.data for row in more.buttons for b in row] == [
        f"visit:more:{reference}:30",
        f"visit:more:{reference}:60",
    ]
    [moved] = await kp.press(f"visit:more:{reference}:30")
    assert moved.text.params["time"] == clock.now() + timedelta(minutes=90)
    assert await _tick(office, 60) == []
    assert await _tick(office, 30) == [(kp.id, SAFE)]
    [closed] = await kp.press(f"visit:end:{reference}")
    assert closed.text.msgid == CLOSED
    assert await _tick(office, 60) == []
    [again] = await kp.press(f"visit:end:{reference}")
    assert again.text.msgid == "Visit {ref} is already closed."
    [other] = await office.confidant.press(f"visit:end:{reference}")
    assert other.text.msgid == "This case is not available to you."


async def test_i_need_help_alerts_everyone_at_once_and_shows_the_numbers(db, clock):
    office = await Office().open(db, clock)
    kp = office.key_person
    reference = await _start(office)
    numbers, told = await kp.press(f"visit:help:{reference}")
    assert "112" in numbers.text.msgid and "0800-2000" in numbers.text.msgid
    assert told.text.msgid == "Your confidant and the coordinator have been told."
    alerted = {(p, m) for p, m, _b in await office.outbox()}
    assert alerted == {
        (office.confidant.id, URGENT),
        (office.backup.id, URGENT),
        (office.coordinator.id, URGENT),
    }
    assert await _tick(office, 30) != [(kp.id, SAFE)]  # no safety question any more


async def test_an_alert_that_fires_late_says_how_late(db, clock):
    office = await Office().open(db, clock)
    reference = await _start(office)
    await _tick(office, 30)
    await _tick(office, 10)
    queued = await _tick(office, 70)  # the bot was away for an hour
    assert queued == [
        (
            office.confidant.id,
            "{alert}\n\nThis alert is {minutes} minutes late: Sleutel was not running.",
        )
    ]
    assert reference


async def test_the_duress_word_looks_like_safe_and_raises_a_silent_alarm(db, clock):
    office = await Office().open(db, clock)
    kp = office.key_person
    await kp.command("codeword")
    [saved] = await kp.send("Zoë Rose")
    assert "will never show the word" in saved.text.msgid
    async with db.unit_of_work() as uow:
        stored = await uow.session.scalar(select(Person.duress_hash).where(Person.id == kp.id))
    assert stored.startswith("scrypt$") and matches("  zoe ROSE ", stored)
    assert not matches("zoe roos", stored)
    assert await stored_identifiers(db, ["Zoë Rose", normalise("Zoë Rose")]) == []
    reference = await _start(office)
    await _tick(office, 30)
    [looks_safe] = await kp.send("zoe rose")
    assert looks_safe.text.msgid == CLOSED  # exactly what "I'm safe" says
    alerted = {(p, m) for p, m, _b in await office.outbox()} - {(kp.id, SAFE)}
    assert alerted == {
        (office.confidant.id, URGENT),
        (office.backup.id, URGENT),
        (office.coordinator.id, URGENT),
    }
    assert ("duress", None) in await _events(office, reference)
    [ordinary] = await kp.send("zoe rose")  # no visit waits: just text
    assert ordinary.text.msgid == "I did not understand that. What would you like to do?"


# --- end to end ---------------------------------------------------------------------------


async def test_a_missed_visit_reaches_the_coordinators_e2e(runtime, fake_api, clock):
    team = await make_team(runtime, fake_api, key_person_language="en")
    kp = team.key_person
    await kp.send("/visit")
    await kp.choose("length", "30")
    await kp.send("Bij de buurvrouw, bel me op 0612345678")
    await kp.choose("keep")
    assert "I will check on you at" in kp.last.text

    async def later(minutes: int) -> None:
        clock.advance(timedelta(minutes=minutes))
        await runtime.tick()
        await runtime.dispatch_outbox()

    await later(30)
    assert kp.last.text.startswith("Are you safe?")
    await later(10)
    assert "your confidant will be alerted" in kp.last.text
    await later(10)
    missed = team.confidant.last.text
    assert "Amina did not answer the safety check" in missed and "[phone]" in missed
    assert "0612345678" not in missed
    await later(15)
    assert "Amina did not answer" in team.backup.last.text
    await later(15)
    assert "Amina did not answer" in team.coordinator.last.text
    await team.coordinator.tap("I have contacted them")
    assert team.coordinator.last.text.startswith("Thank you.")
    assert team.confidant.last.text.startswith("Ingrid has contacted them")


async def test_a_location_is_refused_and_never_stored_e2e(runtime, fake_api):
    team = await make_team(runtime, fake_api, key_person_language="en")
    fake_api.push_media(team.key_person.user_id, "location", language_code="en")
    runtime._offset = await poll_once(runtime.application.bot, runtime.intake, runtime._offset)
    assert await stored_identifiers(runtime.db, ["52.3676", "4.9041"]) == []  # in the inbox
    await runtime.process_inbox()
    assert "locations" in team.key_person.last.text
    assert await stored_identifiers(runtime.db, ["52.3676", "4.9041"]) == []


async def test_a_visit_timer_survives_a_restart_e2e(runtime, fake_api, clock, tmp_path):
    team = await make_team(runtime, fake_api, key_person_language="en")
    kp = team.key_person
    await kp.send("/visit")
    await kp.choose("length", "30")
    await kp.choose("skip")
    await runtime.close()
    clock.advance(timedelta(minutes=45))  # it came due while the bot was down
    restarted = Runtime(make_settings(fake_api, runtime.db.url, tmp_path), clock)
    await restarted.open()
    try:
        kp.rt = restarted
        await restarted.tick()
        await restarted.dispatch_outbox()
        assert kp.last.text.startswith("Are you safe?")
        [closed] = await kp.tap("I'm safe")
        assert closed.text.startswith("Good to hear.")
    finally:
        await restarted.close()
        runtime.application = restarted.application
        runtime.db = restarted.db


async def test_visits_are_in_mydata_go_with_forget_and_after_their_retention(db, clock):
    office = await Office().open(db, clock)
    kp = office.key_person
    reference = await _start(office, note="Koffie bij de buren")
    await kp.press(f"visit:end:{reference}")
    async with db.unit_of_work() as uow:
        person = await uow.people.get(kp.id)
        exported = await collect(Context(uow, clock.now(), None, FlowConfig(), person, "en", None))
    [visit] = exported["visits"]
    assert (visit["reference"], visit["note"], visit["status"]) == (
        reference,
        "Koffie bij de buren",
        "ended",
    )
    clock.advance(timedelta(days=29))
    async with db.unit_of_work() as uow:
        assert (await purge(uow, clock.now()))["visits"] == 0
    clock.advance(timedelta(days=2))
    async with db.unit_of_work() as uow:
        assert (await purge(uow, clock.now()))["visits"] == 1
    second = await _start(office, note="Nog een bezoek")
    await kp.command("forget")
    await kp.choose("erase")
    async with db.unit_of_work() as uow:
        assert await uow.visits.by_reference(second) is None
    assert await stored_identifiers(db, ["Nog een bezoek", "Koffie bij de buren"]) == []


async def _visit_e2e(runtime, fake_api, minutes: str = "60"):
    team = await make_team(runtime, fake_api, key_person_language="en")
    kp = team.key_person
    await kp.send("/visit")
    await kp.choose("length", minutes)
    await kp.choose("skip")
    return team


def _later_e2e(runtime, clock):
    async def later(minutes: int) -> None:
        clock.advance(timedelta(minutes=minutes))
        await runtime.tick()
        await runtime.dispatch_outbox()

    return later


async def test_a_visit_ended_early_and_one_extended_e2e(runtime, fake_api, clock):
    team = await _visit_e2e(runtime, fake_api)
    kp, later = team.key_person, _later_e2e(runtime, clock)
    [more] = await kp.tap("Extend")
    assert more.text == "How much longer?"
    [moved] = await kp.tap("30 minutes more", more)
    assert "I will check on you at" in moved.text
    await later(60)
    assert not kp.last.text.startswith("Are you safe?")  # extended: not yet
    await later(30)
    assert kp.last.text.startswith("Are you safe?")
    [closed] = await kp.tap("I'm safe")
    assert closed.text.startswith("Good to hear. Visit")
    await later(60)
    assert closed.text == kp.last.text  # nothing more asked, nobody alerted
    assert "did not answer" not in team.confidant.last.text
    await kp.send("/visit")
    await kp.choose("length", "30")
    await kp.choose("skip")
    [back] = await kp.tap("I'm back, all fine")
    assert back.text.startswith("Good to hear. Visit")
    await later(60)
    assert back.text == kp.last.text


async def test_i_need_help_e2e(runtime, fake_api, clock):
    team = await _visit_e2e(runtime, fake_api)
    numbers, told = await team.key_person.tap("I need help")
    assert "112" in numbers.text and "0800-2000" in numbers.text
    assert told.text == "Your confidant and the coordinator have been told."
    await runtime.dispatch_outbox()
    for chat in (team.confidant, team.backup, team.coordinator):
        assert chat.last.text.startswith("Urgent: Amina needs help now")


async def test_the_duress_word_e2e(runtime, fake_api, clock, db):
    team = await make_team(runtime, fake_api, key_person_language="en")
    kp, later = team.key_person, _later_e2e(runtime, clock)
    await kp.send("/codeword")
    await kp.send("Lavendel")
    assert "will never show the word" in kp.last.text
    await kp.send("/visit")
    await kp.choose("length", "30")
    await kp.choose("skip")
    await later(30)
    safe_before = len(kp.texts())
    [looks_safe] = await kp.send("lavendel")
    assert looks_safe.text.startswith("Good to hear. Visit")  # as if "I'm safe"
    assert len(kp.texts()) == safe_before + 1  # nothing else in the key person's chat
    await runtime.dispatch_outbox()
    for chat in (team.confidant, team.backup, team.coordinator):
        assert chat.last.text.startswith("Urgent: Amina needs help now")
    assert all("avendel" not in text for text in kp.texts())  # never echoed
    assert await stored_identifiers(db, ["Lavendel", "lavendel"]) == []
