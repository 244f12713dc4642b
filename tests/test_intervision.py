"""Intervision: a group and a session made with buttons (the date picker included),
invitations in each person's language with a calendar file, answers both ways, a
cancellation, and the reminders, also across a restart."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from conftest import make_settings
from flowkit import Office, add_person
from icalendar import Calendar
from people import enrol
from team import make_team, no_chat_pacing  # noqa: F401 (autouse fixture)

from bot.runtime import Runtime
from flows.core.roles import KEY_PERSON

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
        assert english.last.text.startswith("Reminder: intervision on")
        assert not team.key_person.last.text.startswith("Herinnering")
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
