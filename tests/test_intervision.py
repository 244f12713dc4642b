"""Intervision: a group and a session made with buttons (the date picker included),
invitations in each person's language with a calendar file, answers both ways, a
cancellation, and the reminders, also across a restart."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from conftest import make_settings
from flowkit import Office, add_person
from icalendar import Calendar
from people import enrol
from scan import stored_identifiers
from team import make_team, no_chat_pacing  # noqa: F401 (autouse fixture)

from bot.runtime import Runtime
from flows.core.roles import KEY_PERSON
from flows.intervision import attendance

INVITATION = "Intervision with {name} on {time}. Are you coming?"
REMINDER = "Reminder: intervision on {time}."
CANCELLED = "The intervision on {time} is cancelled."


async def _group(office: Office, members: list[int]) -> None:
    lead = office.confidant
    await lead.command("intervision")
    await lead.choose("group")
    await lead.send("Noord")
    for person in members:
        await lead.choose("member", str(person))
    replies = await lead.choose("done")
    if replies[-1].text.msgid.startswith("An intervision group usually has"):
        replies = await lead.choose("save")
    assert replies[-1].text.msgid == "Group {name} is saved. You can plan its first session now."


async def _session(office: Office, day: str, *, place: str | None = "Buurthuis, zaal 2") -> str:
    lead = office.confidant
    await lead.command("intervision")
    await lead.choose("session")
    await lead.choose("group", "1")
    await lead.choose("day", day)
    await lead.choose("hour", "19")
    await lead.choose("minute", "30")
    replies = await (lead.send(place) if place else lead.choose("skip"))
    [planned] = replies
    assert planned.text.plural == "Session {ref} on {time} is planned; {n} people are invited."
    return planned.text.params["ref"]


async def test_a_group_and_a_session_invite_remind_and_cancel(db, clock):
    office = await Office().open(db, clock)
    kp = office.key_person
    await _group(office, [kp.id])  # one member: allowed after the warning
    day = (clock.now() + timedelta(days=10)).date().isoformat()
    reference = await _session(office, day)
    [(person, msgid, buttons)] = await office.outbox()
    assert (person, msgid) == (kp.id, "Intervision with {name} on {time}, {place}. Are you coming?")
    assert buttons == (f"iv:yes:{reference}", f"iv:no:{reference}", f"iv:ics:{reference}")
    [thanks] = await kp.press(f"iv:yes:{reference}")
    assert thanks.text.msgid == "Thank you. See you on {time}."
    assert thanks.text.params["time"].astimezone(UTC) == datetime.fromisoformat(
        f"{day}T18:30:00+00:00"
    )  # 19:30 in Amsterdam in winter
    [calendar_reply] = await kp.press(f"iv:ics:{reference}")
    [event] = Calendar.from_ical(calendar_reply.document.content).walk("VEVENT")
    assert event["summary"] == f"Sleutel {reference}"  # nothing else on a lock screen
    assert str(event["location"]) == "Buurthuis, zaal 2"
    assert event.decoded("dtstart") == thanks.text.params["time"]
    await office.confidant.command("intervision")
    lines = await office.confidant.choose("list")
    assert lines[0].text.params["yes"].items == ("Amina",)
    before = len(await office.outbox())
    clock.advance(timedelta(days=3, hours=12))  # a week before
    await office.engine.run_due_timers()
    assert [m for _p, m, _b in (await office.outbox())[before:]] == [REMINDER]
    [stranger] = await office.backup.press(f"iv:yes:{reference}")
    assert stranger.text.msgid == "This case is not available to you."
    [done] = await office.confidant.press(f"iv:cancel:{reference}")
    assert done.text.msgid == "Session {ref} is cancelled; everyone invited has been told."
    assert (await office.outbox())[-1][:2] == (kp.id, CANCELLED)
    before = len(await office.outbox())
    clock.advance(timedelta(days=6))  # the day before: nothing for a cancelled session
    await office.engine.run_due_timers()
    assert (await office.outbox())[before:] == []
    [gone] = await kp.press(f"iv:yes:{reference}")
    assert gone.text.msgid == "This session is cancelled."


async def test_no_reminder_for_who_declined(db, clock):
    office = await Office().open(db, clock)
    second = await add_person(
        db, clock, 31, "Bilal", KEY_PERSON, office.org, confidant_id=office.confidant.id
    )
    third = await add_person(
        db, clock, 32, "Chen", KEY_PERSON, office.org, confidant_id=office.confidant.id
    )
    await _group(office, [office.key_person.id, second, third])
    reference = await _session(
        office, (clock.now() + timedelta(days=3)).date().isoformat(), place=None
    )
    await office.key_person.press(f"iv:no:{reference}")
    before = len(await office.outbox())
    clock.advance(timedelta(days=2, hours=12))  # the day before
    await office.engine.run_due_timers()
    reminded = sorted(p for p, m, _b in (await office.outbox())[before:] if m == REMINDER)
    assert reminded == [second, third]


# --- end to end ---------------------------------------------------------------------------


async def test_invitations_in_two_languages_and_a_restart_before_the_reminder_e2e(
    runtime, fake_api, clock, tmp_path
):
    team = await make_team(runtime, fake_api)  # the key person reads Dutch
    english, _id = await enrol(
        runtime,
        fake_api,
        31,
        KEY_PERSON,
        "Bilal",
        language="en",
        org_id=team.org,
        confidant_id=team.ids["confidant"],
    )
    lead = team.confidant
    await lead.send("/intervision")
    await lead.choose("group")
    await lead.send("Noord")
    for person in (team.ids["key_person"], _id):
        await lead.choose("member", str(person))
    await lead.choose("done")
    await lead.choose("save")
    await lead.send("/intervision")
    await lead.choose("session")
    await lead.choose("group", "1")
    await lead.send("15-6 19:30")  # typed: the picker takes it as it is
    await lead.choose("skip")
    await runtime.dispatch_outbox()
    assert "Saskia" in team.key_person.last.text and "19:30" in team.key_person.last.text
    assert team.key_person.last.text.startswith("Intervisie")
    assert (
        english.last.text.startswith("Intervision with Saskia on") and "19:30" in english.last.text
    )
    await english.tap("Coming")
    await team.key_person.tap("Ik kan niet komen")
    await runtime.close()
    clock.advance(timedelta(days=200))  # long past the reminders: they come at once
    restarted = Runtime(make_settings(fake_api, runtime.db.url, tmp_path), clock)
    await restarted.open()
    try:
        english.rt = team.key_person.rt = restarted
        await restarted.tick()
        await restarted.dispatch_outbox()
        assert any(t.startswith("Reminder: intervision on") for t in english.texts()[-3:])
        assert english.last.text.startswith("Intervision always covers three topics")
        assert not any(t.startswith("Herinnering") for t in team.key_person.texts())
    finally:
        await restarted.close()
        runtime.application = restarted.application
        runtime.db = restarted.db


NUDGED = (
    "It has been seven weeks since your last intervision. Please plan one with your "
    "confidant: it helps you with this work."
)


async def _run_days(office: Office, days: float) -> list[tuple[int, str]]:
    before = len(await office.outbox())
    office.clock.advance(timedelta(days=days))
    await office.engine.run_due_timers()
    return [(p, m) for p, m, _b in (await office.outbox())[before:]]


async def test_attendance_and_the_two_month_rule(db, clock):
    office = await Office().open(db, clock)
    await office.engine.start_daily_jobs()
    kp, lead = office.key_person, office.confidant
    assert (await _run_days(office, 48)) == []  # under seven weeks
    told = await _run_days(office, 2)
    assert (kp.id, NUDGED) in told
    assert (
        lead.id,
        "{name} has had no intervision for seven weeks. Please plan one: "
        "Intervision, then Plan a session.",
    ) in told
    assert await _run_days(office, 1) == []  # once per stretch
    await _run_days(office, 12)  # past two months
    await lead.command("intervision")
    [overdue] = await lead.choose("overdue")
    assert overdue.text.msgid == "No intervision for more than two months:\n{lines}"
    assert [line.msgid for line in overdue.text.params["lines"]] == ["{name}: no intervision yet"]
    await _group(office, [kp.id])
    reference = await _session(office, (clock.now() + timedelta(days=2)).date().isoformat())
    await kp.press(f"iv:yes:{reference}")
    asked = await _run_days(office, 3)
    assert (lead.id, "Intervision {ref} has taken place. Who was there?") in asked
    [question] = await lead.press(f"iv:mark:{reference}")
    assert [b.data.split(":", 3)[2:] for row in question.buttons for b in row] == [
        ["was", str(kp.id)],
        ["save", ""],
    ]
    assert question.buttons[0][0].label.msgid == "✓ {label}"  # said yes: ticked already
    [saved] = await lead.choose("save")
    assert saved.text.msgid == "Thank you. Who was at {ref} is saved."
    await lead.command("intervision")
    [nobody] = await lead.choose("overdue")
    assert nobody.text.msgid.startswith("Nobody is overdue")
    [refused] = await kp.press(f"iv:mark:{reference}")
    assert refused.text.msgid == "This case is not available to you."


async def test_the_rule_reminds_a_crowd_in_batches_a_minute_apart(db, clock, monkeypatch):
    """The first run in an office that never planned intervision meets every key person:
    each run reminds a batch in one short transaction, the next follows a minute later."""
    monkeypatch.setattr(attendance, "NUDGES_PER_RUN", 1)
    office = await Office().open(db, clock)
    other = await add_person(
        db, clock, 77, "Nadia", KEY_PERSON, office.org, confidant_id=office.confidant.id
    )
    await office.engine.start_daily_jobs()
    first = await _run_days(office, 50)
    assert [p for p, m in first if m == NUDGED] == [office.key_person.id]
    second = await _run_days(office, 1 / 24 / 60)  # a minute later
    assert [p for p, m in second if m == NUDGED] == [other]
    assert await _run_days(office, 1 / 24 / 60) == []  # then tomorrow's run


async def test_a_moved_session_and_the_safety_estimates_side_by_side(db, clock):
    office = await Office().open(db, clock)
    kp, lead = office.key_person, office.confidant
    await _group(office, [kp.id])
    reference = await _session(office, (clock.now() + timedelta(days=10)).date().isoformat())
    await lead.command("intervision")
    [listed] = await lead.choose("list")
    assert [b.data for row in listed.buttons for b in row] == [
        f"iv:move:{reference}",
        f"iv:cancel:{reference}",
    ]
    await lead.press(f"iv:move:{reference}")
    later = (clock.now() + timedelta(days=20)).date().isoformat()
    await lead.choose("day", later)
    await lead.choose("hour", "10")
    [moved] = await lead.choose("minute", "0")
    assert moved.text.msgid == "Session {ref} is moved to {time}; everyone invited has been told."
    [(_p, told, _b)] = [
        q for q in await office.outbox() if q[1].startswith("Intervision {ref} has moved")
    ]
    assert told.startswith("Intervision {ref} has moved to {time}.")
    [calendar_reply] = await kp.press(f"iv:ics:{reference}")
    [event] = Calendar.from_ical(calendar_reply.document.content).walk("VEVENT")
    assert event["sequence"] == 1  # the calendar replaces the old date
    before = len(await office.outbox())
    office.clock.advance(timedelta(days=13, hours=2))  # past the old week-before, and the new
    await office.engine.run_due_timers()
    assert [m for _p, m, _b in (await office.outbox())[before:]] == [REMINDER]  # only the new
    office.clock.advance(timedelta(days=6))  # the day before the new date
    await office.engine.run_due_timers()
    await kp.press(f"iv:own:{reference}:safe")
    await lead.press(f"iv:their:{reference}:{kp.id}:worries")
    [forged] = await kp.press(f"iv:their:{reference}:{kp.id}:safe")
    assert forged.text.msgid == "This is not available to you."
    before = len(await office.outbox())
    office.clock.advance(timedelta(hours=23))  # the session begins
    await office.engine.run_due_timers()
    side_by_side = {(p, m) for p, m, _b in (await office.outbox())[before:]}
    assert side_by_side == {
        (lead.id, "Safety estimates for {ref}:\n{lines}"),
        (kp.id, "Safety at {ref}:\n{line}"),
    }
    async with db.unit_of_work() as uow:
        session = await uow.intervision.session(reference)
    assert session.estimates == {kp.id: ("safe", "worries")}


async def test_a_session_picked_with_buttons_lands_in_the_calendar_e2e(runtime, fake_api, clock):
    team = await make_team(runtime, fake_api, key_person_language="en")
    lead, kp = team.confidant, team.key_person
    await lead.send("/intervision")
    await lead.choose("group")
    await lead.send("Noord")
    await lead.choose("member", str(team.ids["key_person"]))
    await lead.choose("done")
    await lead.choose("save")
    await lead.send("/intervision")
    await lead.choose("session")
    await lead.choose("group", "1")
    await lead.choose("month", str(clock.now().year * 12 + clock.now().month))  # ▶: next month
    day = datetime(clock.now().year + (clock.now().month == 12), clock.now().month % 12 + 1, 9)
    await lead.choose("day", day.date().isoformat())
    await lead.choose("hour", "14")
    await lead.choose("minute", "15")
    await lead.send("Buurthuis De Pijp, zaal 2")
    await runtime.dispatch_outbox()
    assert kp.last.text.startswith("Intervision with Saskia on") and "14:15" in kp.last.text
    invitation = kp.last
    await kp.tap("Add to my calendar", invitation)
    ics = fake_api.calls_to("sendDocument")[-1].params["document_bytes"]
    [event] = Calendar.from_ical(ics).walk("VEVENT")
    local = event.decoded("dtstart").astimezone(runtime.engine.config.tz)
    assert (local.date(), local.hour, local.minute) == (day.date(), 14, 15)
    assert str(event["location"]) == "Buurthuis De Pijp, zaal 2"
    await kp.tap("Coming", invitation)
    await lead.send("/intervision")
    [listed] = await lead.choose("list")
    assert "Coming: Amina" in listed.text


async def test_a_group_changes_and_a_private_note_and_goals_come_to_the_session(db, clock):
    office = await Office().open(db, clock)
    kp, lead = office.key_person, office.confidant
    second = await add_person(db, clock, 31, "Bilal", KEY_PERSON, office.org, confidant_id=lead.id)
    await _group(office, [kp.id])
    await lead.command("intervision")
    await lead.choose("change")
    await lead.choose("pick", "1")
    await lead.choose("member", str(second))
    await lead.choose("done")
    [changed] = await lead.choose("save")  # two: under three, saved after the warning
    assert changed.text.msgid == "Group {name} is changed."
    async with db.unit_of_work() as uow:
        assert (await uow.intervision.group(1)).members == tuple(sorted((kp.id, second)))

    await kp.command("goals")
    for goal in ("Leren grenzen aangeven", "Vaker om hulp vragen", "Meer rust nemen"):
        await kp.choose("add")
        await kp.send(goal)
        await kp.choose("keep")
    [full] = kp.replies[-1:]
    assert "add" not in [b.data.split(":")[2] for row in full.buttons for b in row]  # three
    await kp.choose("done")

    reference = await _session(office, (clock.now() + timedelta(days=3)).date().isoformat())
    office.clock.advance(timedelta(days=2, hours=12))  # the day before
    await office.engine.run_due_timers()
    await kp.press(f"iv:note:{reference}")
    await kp.send("Vragen hoe het met de buurvrouw verder moet, 0612345678")
    [saved] = await kp.choose("keep")
    assert saved.text.msgid.startswith("Saved. Only you will see it")
    before = len(await office.outbox())
    office.clock.advance(timedelta(hours=22))  # the session begins
    await office.engine.run_due_timers()
    own = [(p, m) for p, m, _b in (await office.outbox())[before:] if m.startswith("Your ")]
    assert own == [  # the note and the goals, to the key person alone
        (kp.id, "Your own note for today:\n{note}"),
        (kp.id, "Your development goals, to look at together:\n{goals}"),
    ]
    async with db.unit_of_work() as uow:
        session = await uow.intervision.session(reference)
        assert await uow.intervision.private_note(session.id, kp.id) == (
            "Vragen hoe het met de buurvrouw verder moet, [phone]"
        )
    office.clock.advance(timedelta(hours=3))  # after the session: the note is gone
    await office.engine.run_due_timers()
    async with db.unit_of_work() as uow:
        assert await uow.intervision.private_note(session.id, kp.id) is None
        assert len(await uow.intervision.goals(kp.id)) == 3
    await kp.command("forget")
    await kp.choose("erase")
    assert await stored_identifiers(db, ["Leren grenzen", "Vaker om hulp"]) == []


async def test_move_estimates_attendance_the_rule_and_cancel_e2e(runtime, fake_api, clock):
    team = await make_team(runtime, fake_api, key_person_language="en")
    lead, kp = team.confidant, team.key_person

    async def later(**delta) -> None:
        clock.advance(timedelta(**delta))
        await runtime.tick()
        await runtime.dispatch_outbox()

    await later(days=50)  # seven weeks without intervision since joining
    assert kp.last.text.startswith("It has been seven weeks since your last intervision")
    assert lead.last.text.startswith("Amina has had no intervision for seven weeks")
    await later(days=12)
    await lead.send("/intervision")
    [overdue] = await lead.choose("overdue")
    assert "Amina: no intervision yet" in overdue.text

    await lead.send("/intervision")
    await lead.choose("group")
    await lead.send("Noord")
    await lead.choose("member", str(team.ids["key_person"]))
    await lead.choose("done")
    await lead.choose("save")
    await lead.send("/intervision")
    await lead.choose("session")
    await lead.choose("group", "1")
    first = clock.now() + timedelta(days=5)
    await lead.send(f"{first.day}-{first.month}-{first.year} 19:30")
    await lead.choose("skip")
    await lead.send("/intervision")
    [listed] = await lead.choose("list")
    await lead.tap("Move to another day", listed)
    moved = clock.now() + timedelta(days=9)
    await lead.send(f"{moved.day}-{moved.month}-{moved.year} 10:00")
    await runtime.dispatch_outbox()
    assert "has moved to" in kp.last.text and "10:00" in kp.last.text
    await kp.tap("Coming")

    await later(days=8, hours=2)  # the day before the new date
    assert kp.last.text.startswith("Intervision always covers three topics")
    await kp.tap("Safe")
    await lead.tap("Unsafe", lead.api.newest_message_to(lead.user_id, lambda m: "Before" in m.text))
    await later(hours=23)  # the session begins: both ratings side by side
    assert any("different: a point for the agenda" in t for t in lead.texts()[-3:])
    assert any(t.startswith("Safety at") for t in kp.texts()[-3:])
    await later(hours=3)  # afterwards: who was there?
    assert lead.last.text.endswith("Who was there?")
    await lead.tap("Mark who was there")
    [saved] = await lead.tap("Save")
    assert saved.text.startswith("Thank you. Who was at")
    await lead.send("/intervision")
    [nobody] = await lead.choose("overdue")
    assert nobody.text.startswith("Nobody is overdue")

    await lead.send("/intervision")
    await lead.choose("session")
    await lead.choose("group", "1")
    third = clock.now() + timedelta(days=4)
    await lead.send(f"{third.day}-{third.month}-{third.year} 19:00")
    await lead.choose("skip")
    await lead.send("/intervision")
    [planned] = await lead.choose("list")
    await lead.tap("Cancel this session", planned)
    await runtime.dispatch_outbox()
    assert kp.last.text.startswith("The intervision on") and kp.last.text.endswith("is cancelled.")


async def test_one_to_one_reminders_per_organisation_and_a_cancelled_calendar_entry(db, clock):
    office = await Office().open(db, clock)
    kp, lead = office.key_person, office.confidant
    async with db.unit_of_work() as uow:
        await uow.people.configure_organisation(
            office.org, intervision_first_reminder_days=3, intervision_last_reminder_days=2
        )
    await lead.command("intervision")
    await lead.choose("session")
    await lead.choose("one")
    await lead.choose("person", str(kp.id))
    await lead.choose("day", (clock.now() + timedelta(days=5)).date().isoformat())
    await lead.choose("hour", "19")
    await lead.choose("minute", "0")
    [planned] = await lead.choose("skip")
    reference = planned.text.params["ref"]
    assert planned.text.params["n"] == 1
    reminded = await _run_days(office, 2.5)  # three days before
    assert reminded == [(kp.id, REMINDER)]
    reminded = await _run_days(office, 1)  # two days before: with the preparation
    assert (kp.id, REMINDER) in reminded and len(reminded) == 3
    await lead.press(f"iv:cancel:{reference}")
    (_p, _m, buttons) = (await office.outbox())[-1]
    assert buttons == (f"iv:ics:{reference}",)
    [removal] = await kp.press(f"iv:ics:{reference}")
    [event] = Calendar.from_ical(removal.document.content).walk("VEVENT")
    assert event["status"] == "CANCELLED"
