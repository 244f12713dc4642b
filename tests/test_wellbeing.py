"""The wellbeing check-in: rounds on the key person's rhythm, the answers and who hears
about them, /checkin, /wellbeing, and what privacy asks of the answers."""

from __future__ import annotations

import json
from datetime import UTC, datetime, timedelta

import pytest
from flowkit import Office, Talker, add_person
from team import make_team, no_chat_pacing  # noqa: F401 (autouse fixture)

from flows.checkins import rhythm, wellbeing
from flows.core.context import FlowConfig
from flows.core.roles import KEY_PERSON
from flows.privacy.retention import purge

TZ = FlowConfig().tz  # local time of the tests: the default SLEUTEL_TIMEZONE
QUESTION = "How are you doing with this work?"
FOLLOW_UP = (
    "Thank you for telling me. What is it mostly about? Only your confidant sees this. "
    "You may skip it."
)
TALK_ALERT = (
    "{name} would like to talk about how the work is going. Please get in touch with them soon."
)
UNSAFE_ALERT = "{name} says they feel unsafe in this work. Please get in touch with them today."
SILENT = (
    "{name} has not answered the last three check-ins. Nothing is wrong as far as I know; "
    "perhaps ask how they are doing."
)
TOLD = "Thank you for telling me. I have let {name} know; they will get in touch with you soon."


async def _office(db, clock) -> Office:
    """An office whose key person has a plan: the planner ran at start-up."""
    office = await Office().open(db, clock)
    await office.engine.start_daily_jobs()
    await office.engine.run_due_timers()
    return office


async def _plan(office: Office, person_id: int | None = None):
    async with office.db.unit_of_work() as uow:
        return await uow.checkins.plan(person_id or office.key_person.id)


async def _answers(office: Office):
    async with office.db.unit_of_work() as uow:
        return await uow.checkins.answers_of(office.key_person.id)


async def _later(office: Office, days: float) -> list[tuple[int, str, tuple[str, ...]]]:
    """Move the clock, run what is due; returns what it queued."""
    before = len(await office.outbox())
    office.clock.advance(timedelta(days=days))
    await office.engine.run_due_timers()
    return (await office.outbox())[before:]


async def _round(office: Office) -> int:
    """Up to the next round; returns the id of the question asked."""
    plan = await _plan(office)
    queued = await _later(office, (plan.next_at - office.clock.now()).total_seconds() / 86400)
    [(person, _msgid, buttons)] = [q for q in queued if q[1] == QUESTION]
    assert person == office.key_person.id
    answer_id = int(buttons[0].split(":")[2])
    assert buttons == tuple(f"wb:a:{answer_id}:{a}" for a in ("good", "better", "talk"))
    return answer_id


def _local_hour(at: datetime) -> int:
    return at.astimezone(TZ).hour


# --- rounds ---------------------------------------------------------------------------------


async def test_every_key_person_gets_one_round_on_the_organisations_rhythm(db, clock):
    office = await _office(db, clock)
    plan = await _plan(office)
    assert plan.next_at == datetime(2026, 3, 16, 9, 0, tzinfo=UTC)  # 10:00 in Amsterdam
    assert await _plan(office, office.confidant.id) is None  # only key persons
    async with db.unit_of_work() as uow:
        timers = await uow.timers.pending_for(rhythm.round_subject(office.key_person.id))
    assert [(t.kind, t.due_at) for t in timers] == [(rhythm.ROUND, plan.next_at)]
    await office.engine.start_daily_jobs()  # a restart plans nothing twice
    await office.engine.run_due_timers()
    async with db.unit_of_work() as uow:
        assert len(await uow.timers.pending_for(rhythm.round_subject(office.key_person.id))) == 1
        assert len(await uow.timers.pending_for(wellbeing.PLANNER_SUBJECT)) == 1
    answer_id = await _round(office)
    [asked] = await _answers(office)
    assert (asked.id, asked.answer, asked.asked_at) == (answer_id, None, plan.next_at)
    assert (await _plan(office)).next_at == datetime(2026, 3, 30, 8, 0, tzinfo=UTC)  # summer


async def test_a_key_person_who_joins_later_is_planned_by_the_daily_planner(db, clock):
    office = await _office(db, clock)
    newcomer = await add_person(
        db, clock, 31, "Bilal", KEY_PERSON, office.org, confidant_id=office.confidant.id
    )
    assert await _plan(office, newcomer) is None
    await _later(office, 1)
    assert (await _plan(office, newcomer)).next_at is not None


async def test_the_planner_plans_a_crowd_in_batches_a_minute_apart(db, clock, monkeypatch):
    """When check-ins begin for many key persons at once, each run plans a batch in a
    short transaction and the next batch follows a minute later, until all are planned."""
    monkeypatch.setattr(rhythm, "PLAN_BATCH", 2)
    office = await Office().open(db, clock)
    crowd = [
        await add_person(
            db, clock, 40 + n, f"K{n}", KEY_PERSON, office.org, confidant_id=office.confidant.id
        )
        for n in range(4)
    ]
    await office.engine.start_daily_jobs()
    await office.engine.run_due_timers()
    planned = [p for p in [office.key_person.id, *crowd] if await _plan(office, p)]
    assert len(planned) == 2  # one batch
    clock.advance(timedelta(minutes=1))
    await office.engine.run_due_timers()
    clock.advance(timedelta(minutes=1))
    await office.engine.run_due_timers()
    for person_id in [office.key_person.id, *crowd]:
        assert (await _plan(office, person_id)).next_at is not None
    async with db.unit_of_work() as uow:
        [planner] = [t for t in await uow.timers.pending_for(wellbeing.PLANNER_SUBJECT)]
    assert planner.due_at - clock.now() > timedelta(hours=23)  # then tomorrow's run


async def test_good(db, clock):
    office = await _office(db, clock)
    answer_id = await _round(office)
    before = await office.outbox()
    [reply] = await office.key_person.press(f"wb:a:{answer_id}:good")
    assert reply.text.msgid == "Good to hear. Thank you!"
    assert [a.answer for a in await _answers(office)] == ["good"]
    [stale] = await office.key_person.press(f"wb:a:{answer_id}:talk")  # a second tap
    assert stale.text.msgid == "This question is no longer open."
    assert await office.outbox() == before  # nobody alerted


async def test_could_be_better_asks_one_follow_up_and_offers_a_talk(db, clock):
    office = await _office(db, clock)
    answer_id = await _round(office)
    before = len(await office.outbox())
    [follow_up] = await office.key_person.press(f"wb:a:{answer_id}:better")
    assert follow_up.text.msgid == FOLLOW_UP
    data = [b.data for row in follow_up.buttons for b in row]
    assert data[-1] == f"wb:d:{answer_id}:skip" and f"wb:d:{answer_id}:tired" in data
    [offer] = await office.key_person.press(f"wb:d:{answer_id}:tired")
    assert [b.data for row in offer.buttons for b in row] == [f"wb:a:{answer_id}:talk"]
    [answer] = await _answers(office)
    assert (answer.answer, answer.detail) == ("better", "tired")
    assert len(await office.outbox()) == before  # tired is no alarm
    [told] = await office.key_person.press(f"wb:a:{answer_id}:talk")
    assert (told.text.msgid, told.text.params["name"]) == (TOLD, "Saskia")
    [(person, msgid, buttons)] = (await office.outbox())[before:]
    assert (person, msgid) == (office.confidant.id, TALK_ALERT)
    assert buttons == (f"wb:m:{office.key_person.id}",)


async def test_a_skipped_follow_up_keeps_only_the_answer(db, clock):
    office = await _office(db, clock)
    answer_id = await _round(office)
    await office.key_person.press(f"wb:a:{answer_id}:better")
    [reply] = await office.key_person.press(f"wb:d:{answer_id}:skip")
    assert reply.text.msgid == "All right."
    [answer] = await _answers(office)
    assert (answer.answer, answer.detail) == ("better", None)


async def test_feeling_unsafe_alerts_the_confidant_at_once(db, clock):
    office = await _office(db, clock)
    answer_id = await _round(office)
    before = len(await office.outbox())
    await office.key_person.press(f"wb:a:{answer_id}:better")
    [told] = await office.key_person.press(f"wb:d:{answer_id}:unsafe")
    assert told.text.msgid == TOLD
    [(person, msgid, _b)] = (await office.outbox())[before:]
    assert (person, msgid) == (office.confidant.id, UNSAFE_ALERT)
    [again] = await office.key_person.press(f"wb:a:{answer_id}:talk")
    assert again.text.msgid == "Your confidant already knows and will get in touch soon."
    assert len(await office.outbox()) == before + 1  # told once


async def test_i_need_to_talk_alerts_the_confidant_who_can_write_back(db, clock):
    office = await _office(db, clock)
    answer_id = await _round(office)
    before = len(await office.outbox())
    await office.key_person.press(f"wb:a:{answer_id}:talk")
    [(person, msgid, [message])] = (await office.outbox())[before:]
    assert (person, msgid) == (office.confidant.id, TALK_ALERT)
    [ask] = await office.confidant.press(message)
    assert ask.text.msgid == "Write your message for {name}. No names or numbers, please."
    [sent] = await office.confidant.send("Shall we talk this week? I have time on Thursday.")
    assert sent.text.msgid == "Sent to {name}."
    [(person, msgid, buttons)] = (await office.outbox())[before + 1 :]
    assert (person, msgid) == (office.key_person.id, "{name} writes:\n\n{text}")
    assert buttons == (f"wb:m:{office.confidant.id}",)
    # The backup, not this key person's confidant, may write too; someone else may not.
    other = await add_person(db, clock, 40, "Olga", KEY_PERSON, office.org)
    stranger = Talker(office.engine, 40, other)
    [denied] = await stranger.press(f"wb:m:{office.key_person.id}")
    assert denied.text.msgid == "This is not available to you."
    [ask] = await office.backup.press(f"wb:m:{office.key_person.id}")
    assert ask.text.msgid.startswith("Write your message")


async def test_without_a_reachable_confidant_the_backup_hears_it(db, clock):
    office = await _office(db, clock)
    async with db.unit_of_work() as uow:
        await uow.people.set_reachable(office.confidant.id, False)
    answer_id = await _round(office)
    before = len(await office.outbox())
    [told] = await office.key_person.press(f"wb:a:{answer_id}:talk")
    assert told.text.params["name"] == "Bram"
    assert [p for p, _m, _b in (await office.outbox())[before:]] == [office.backup.id]


async def test_three_unanswered_in_a_row_are_shown_to_the_confidant_once(db, clock):
    office = await _office(db, clock)
    for _ in range(3):
        await _round(office)
    assert [m for _p, m, _b in await office.outbox() if m == SILENT] == []
    await _round(office)  # the third question went unanswered too
    notices = [(p, m) for p, m, _b in await office.outbox() if m == SILENT]
    assert notices == [(office.confidant.id, SILENT)]
    await _round(office)
    await _round(office)
    assert len([m for _p, m, _b in await office.outbox() if m == SILENT]) == 1
    answer_id = await _round(office)
    await office.key_person.press(f"wb:a:{answer_id}:good")
    assert (await _plan(office)).unanswered == 0


async def test_a_paused_plan_gets_no_round_until_resumed(db, clock):
    office = await _office(db, clock)
    kp = office.key_person
    await kp.command("checkin")
    [shown] = await kp.choose("pause")
    assert shown.text.msgid.startswith("Your check-ins are paused.")
    assert (await _plan(office)).paused
    queued = await _later(office, 60)
    assert [m for _p, m, _b in queued if m == QUESTION] == []
    [shown] = await kp.command("checkin")  # back from leave
    assert shown.text.msgid.startswith("Your check-ins are paused.")
    await kp.choose("resume")
    plan = await _plan(office)
    assert not plan.paused and plan.next_at > clock.now()
    await kp.choose("done")
    await _round(office)


async def test_checkin_chooses_day_and_hour_and_never_at_night(db, clock):
    office = await _office(db, clock)
    kp = office.key_person
    due = (await _plan(office)).next_at
    [shown] = await kp.command("checkin")
    assert shown.text.params["when"] == due
    await kp.choose("day")
    await kp.choose("weekday", "3")  # Thursday
    await kp.choose("hour")
    [shown] = await kp.choose("at", "19")
    plan = await _plan(office)
    assert (plan.weekday, plan.hour) == (3, 19)
    local = plan.next_at.astimezone(TZ)
    assert (local.weekday(), local.hour) == (3, 19)
    assert abs((plan.next_at - due).days) <= 3  # still around the day it was due
    assert shown.text.params["day"].msgid == "Thursday"
    await kp.choose("hour")
    forged = kp.button("at", "19").rsplit(":", 1)[0] + ":3"  # three at night is not offered
    [refused, _again] = await kp.press(forged)
    assert refused.text.msgid == "Please use the buttons of the last question."
    assert (await _plan(office)).hour == 19


@pytest.mark.parametrize("hour", [0, 3, 8, 9, 14, 20, 21, 23])
def test_a_round_never_falls_at_night(hour):
    start = datetime(2026, 3, 20, 0, 30, tzinfo=UTC)
    for step in range(0, 24 * 40, 7):  # every few hours through a summer-time change
        now = start + timedelta(hours=step)
        for weekday in (None, 0, 6):
            at = rhythm.next_round(now, 14, weekday, hour, TZ)
            assert at > now
            assert 9 <= _local_hour(at) <= 20
            assert at.astimezone(TZ).minute == 0
            if weekday is not None:
                assert at.astimezone(TZ).weekday() == weekday


# --- /wellbeing -------------------------------------------------------------------------------


async def test_the_confidant_sees_a_trend_and_the_coordinator_only_counts(db, clock):
    office = await _office(db, clock)
    first = await _round(office)
    await office.key_person.press(f"wb:a:{first}:better")
    await office.key_person.press(f"wb:d:{first}:tired")
    await _round(office)  # no answer
    third = await _round(office)
    await office.key_person.press(f"wb:a:{third}:good")
    [view] = await office.confidant.command("wellbeing")
    [row] = view.text.params["rows"]
    assert row.params["name"].params["value"] == "Amina"
    items = row.params["answers"].items
    assert [i.msgid for i in items] == ["{date} {answer}", "{date} no answer", "{date} {answer}"]
    assert items[0].params["answer"].msgid == "Good"
    assert items[2].params["answer"].params["detail"].msgid == "Tired"
    assert view.buttons  # the menu
    [counts] = await office.coordinator.command("wellbeing")
    assert counts.text.params == {"good": 1, "better": 1, "talk": 0, "none": 1}
    assert "Amina" not in json.dumps(counts.text.params)
    other = await add_person(db, clock, 22, "Olga", "confidant", office.org)
    [none] = await Talker(office.engine, 22, other).command("wellbeing")
    assert none.text.msgid == "You have no key persons yet."
    [refused] = await office.key_person.command("wellbeing")
    assert refused.text.msgid != view.text.msgid


# --- privacy ----------------------------------------------------------------------------------


async def test_retention_deletes_answers_older_than_the_organisations_period(db, clock):
    office = await _office(db, clock)
    await _round(office)
    await _round(office)
    async with db.unit_of_work() as uow:
        await uow.people.configure_organisation(office.org, wellbeing_days=20)
    async with db.unit_of_work() as uow:
        counts = await purge(uow, clock.now())
    assert counts["wellbeing_answers"] == 0  # 14 days old and new
    clock.advance(timedelta(days=7))
    async with db.unit_of_work() as uow:
        counts = await purge(uow, clock.now())
    assert counts["wellbeing_answers"] == 1
    assert len(await _answers(office)) == 1


async def test_mydata_holds_the_answers_and_forget_erases_them(db, clock):
    office = await _office(db, clock)
    answer_id = await _round(office)
    await office.key_person.press(f"wb:a:{answer_id}:good")
    [export] = await office.key_person.command("mydata")
    data = json.loads(export.document.content)
    assert [(a["answer"], a["detail"]) for a in data["wellbeing_checkins"]] == [("good", None)]
    await office.key_person.command("forget")
    await office.key_person.choose("erase")
    assert await _answers(office) == []
    assert await _plan(office) is None
    await _later(office, 30)  # the round planned for them does nothing


# --- end to end -------------------------------------------------------------------------------


async def test_a_round_through_the_bot_reaches_the_confidant_e2e(runtime, fake_api, clock):
    team = await make_team(runtime, fake_api, key_person_language="en")
    await runtime.tick()  # the planner, planned at start-up, plans everyone
    clock.advance(timedelta(days=14))
    await runtime.tick()
    await runtime.dispatch_outbox()
    assert team.key_person.last.text == QUESTION
    assert 9 <= _local_hour(clock.now()) <= 20
    [told] = await team.key_person.tap("I need to talk")
    assert told.text == TOLD.format(name="Saskia")
    await runtime.dispatch_outbox()
    assert team.confidant.last.text == TALK_ALERT.format(name="Amina")
    [ask] = await team.confidant.tap("Message Amina")
    assert ask.text.startswith("Write your message for Amina")
    await team.confidant.send("Shall we talk this week? I have time on Thursday.")
    await runtime.dispatch_outbox()
    assert team.key_person.last.text.startswith("Saskia writes:")
    assert team.key_person.last.protect_content
    [write] = await team.key_person.tap("Reply")
    assert write.text.startswith("Write your message for Saskia")


async def test_each_answer_and_three_silent_rounds_through_the_bot_e2e(runtime, fake_api, clock):
    team = await make_team(runtime, fake_api, key_person_language="en")
    kp = team.key_person
    await runtime.tick()

    async def next_round() -> None:
        clock.advance(timedelta(days=14))
        await runtime.tick()
        await runtime.dispatch_outbox()
        assert kp.last.text == QUESTION

    await next_round()
    [thanks] = await kp.tap("Good")
    assert thanks.text == "Good to hear. Thank you!"
    await next_round()
    [follow_up] = await kp.tap("Could be better")
    assert follow_up.text == FOLLOW_UP
    await kp.tap("I feel unsafe", follow_up)
    await runtime.dispatch_outbox()
    assert team.confidant.last.text == UNSAFE_ALERT.format(name="Amina")
    for _silent in range(4):  # three unanswered, seen when the fourth comes
        await next_round()
    assert team.confidant.last.text == SILENT.format(name="Amina")


def test_the_hour_is_local_to_the_deployments_timezone():
    tokyo = FlowConfig(timezone="Asia/Tokyo").tz
    now = datetime(2026, 3, 2, 9, 0, tzinfo=UTC)
    at = rhythm.next_round(now, 14, None, 10, tokyo)
    assert (at.astimezone(tokyo).hour, at.astimezone(TZ).hour) == (10, 2)
