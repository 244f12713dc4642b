"""The daily digest: non-urgent news held for a coordinator or confidant who chose an
hour (`/digest`) and sent as one summary at that hour; at once for everyone else, and
for urgent alerts always."""

from __future__ import annotations

from datetime import UTC, datetime, time, timedelta

from flowkit import Office
from team import describe, make_team, no_chat_pacing  # noqa: F401 (autouse fixture)

from flows.core import news
from flows.core.context import FlowConfig
from flows.core.messages import _, from_json

TZ = FlowConfig().tz  # the tests' local time: the default SLEUTEL_TIMEZONE
SUMMARY = "Your daily summary:\n{items}"
AT_HOUR = (
    "From now on news that is not urgent comes once a day at {hour}. Urgent alerts "
    "still come at once."
)
AT_ONCE = "From now on news comes at once."
NO_INTERVISION = (
    "{name} has had no intervision for seven weeks. Please plan one: "
    "Intervision, then Plan a session."
)


async def _tell(office: Office, person_id: int, *msgids: str) -> None:
    async with office.db.unit_of_work() as uow:
        for msgid in msgids:
            await news.tell(uow, person_id, _(msgid), now=office.clock.now())


async def _queued(office: Office, person_id: int) -> list:
    """The messages waiting in the outbox for one person, as texts."""
    async with office.db.unit_of_work() as uow:
        pending = await uow.outbox.pending()
    return [from_json(m.payload).text for m in pending if m.person_id == person_id]


async def _digest_timers(office: Office, person_id: int) -> list:
    async with office.db.unit_of_work() as uow:
        return await uow.timers.pending_for(news.digest_subject(person_id))


def _local(day_offset: int, hour: int, clock) -> datetime:
    """`hour` o'clock local time, `day_offset` days from the clock's local date."""
    day = clock.now().astimezone(TZ).date() + timedelta(days=day_offset)
    return datetime.combine(day, time(hour), tzinfo=TZ).astimezone(UTC)


async def _until(office: Office, moment: datetime) -> None:
    office.clock.advance(moment - office.clock.now())
    await office.engine.run_due_timers()


async def _choose_hour(office: Office, hour: str) -> None:
    co = office.coordinator
    [question] = await co.command("digest")
    assert [[b.data.split(":")[-1] for b in row] for row in question.buttons] == [
        [""],
        ["8", "12"],
        ["17", "20"],
    ]
    [done] = await co.choose("hour", hour)
    assert done.text.msgid == AT_HOUR


async def test_news_waits_for_the_hour_and_comes_as_one_message(db, clock):
    office = await Office().open(db, clock)  # Monday 10:00 in Amsterdam
    co = office.coordinator
    await _choose_hour(office, "17")
    await _tell(office, co.id, "first piece of news", "second piece of news")
    assert await _queued(office, co.id) == []
    await office.engine.run_due_timers()  # the first item asked for the timer: placed
    [timer] = await _digest_timers(office, co.id)
    assert timer.due_at == _local(0, 17, clock)
    await _tell(office, co.id, "third piece of news")  # the same summary, the same timer
    assert len(await _digest_timers(office, co.id)) == 1

    await _until(office, _local(0, 17, clock) - timedelta(minutes=1))
    assert await _queued(office, co.id) == []
    await _until(office, _local(0, 17, clock))
    [summary] = await _queued(office, co.id)
    assert summary.msgid == SUMMARY
    assert [item.msgid for item in summary.params["items"]] == [
        "first piece of news",
        "second piece of news",
        "third piece of news",
    ]
    assert await _digest_timers(office, co.id) == []
    await _until(office, _local(1, 17, clock))  # nothing new: no second summary
    assert len(await _queued(office, co.id)) == 1


async def test_news_after_the_hour_waits_for_tomorrow(db, clock):
    office = await Office().open(db, clock)
    co = office.coordinator
    await _choose_hour(office, "8")  # it is 10:00 already
    await _tell(office, co.id, "some news")
    await office.engine.run_due_timers()
    [timer] = await _digest_timers(office, co.id)
    assert timer.due_at == _local(1, 8, clock)


async def test_news_comes_at_once_without_a_digest_hour(db, clock):
    office = await Office().open(db, clock)
    co = office.coordinator
    await _tell(office, co.id, "some news")
    assert [t.msgid for t in await _queued(office, co.id)] == ["some news"]
    assert await _digest_timers(office, co.id) == []


async def test_a_new_hour_moves_the_summary_and_at_once_sends_what_was_held(db, clock):
    office = await Office().open(db, clock)
    co = office.coordinator
    await _choose_hour(office, "20")
    await _tell(office, co.id, "first piece of news")
    await office.engine.run_due_timers()
    [timer] = await _digest_timers(office, co.id)
    assert timer.due_at == _local(0, 20, clock)

    await co.command("digest")
    await co.choose("hour", "8")  # 08:00 has gone by today: tomorrow
    [timer] = await _digest_timers(office, co.id)
    assert timer.due_at == _local(1, 8, clock)
    await _tell(office, co.id, "second piece of news")

    await co.command("digest")
    [done] = await co.choose("off")
    assert done.text.msgid == AT_ONCE
    [summary] = await _queued(office, co.id)
    assert [item.msgid for item in summary.params["items"]] == [
        "first piece of news",
        "second piece of news",
    ]
    assert await _digest_timers(office, co.id) == []
    await _tell(office, co.id, "third piece of news")
    assert [t.msgid for t in await _queued(office, co.id)][1:] == ["third piece of news"]
    await _until(office, _local(1, 9, clock))
    assert len(await _queued(office, co.id)) == 2


async def test_nothing_is_sent_when_nothing_was_held(db, clock):
    office = await Office().open(db, clock)
    co = office.coordinator
    await _choose_hour(office, "17")
    async with db.unit_of_work() as uow:  # a digest timer with nothing held
        await uow.timers.schedule(
            news.DIGEST, news.digest_subject(co.id), clock.now(), now=clock.now()
        )
    await office.engine.run_due_timers()
    await _until(office, _local(2, 18, clock))
    assert await _queued(office, co.id) == []
    await co.command("digest")
    await co.choose("off")  # nothing to send either
    assert await _queued(office, co.id) == []


async def test_the_intervision_reminder_waits_but_urgent_alerts_do_not(db, clock):
    office = await Office().open(db, clock)
    await office.engine.start_daily_jobs()
    kp, lead = office.key_person, office.confidant
    await lead.command("digest")
    await lead.choose("hour", "8")
    office.clock.advance(timedelta(days=50))  # seven weeks without intervision
    await office.engine.run_due_timers()
    await office.engine.run_due_timers()
    assert [t.msgid for t in await _queued(office, kp.id)][-1].startswith("It has been seven")
    assert await _queued(office, lead.id) == []  # held for the confidant

    await kp.command("concern")  # urgent: at once, whatever the hour
    await kp.choose("danger", "no")
    await describe(kp)
    await kp.choose("confirm")
    [alert] = await _queued(office, lead.id)
    assert alert.msgid != SUMMARY

    await _until(office, _local(1, 8, office.clock))
    summary = (await _queued(office, lead.id))[-1]
    assert summary.msgid == SUMMARY
    assert [item.msgid for item in summary.params["items"]] == [NO_INTERVISION]


async def test_the_daily_summary_e2e(runtime, fake_api, clock):
    team = await make_team(runtime, fake_api, key_person_language="en")
    lead, kp = team.confidant, team.key_person

    async def later(**delta) -> None:
        clock.advance(timedelta(**delta))
        await runtime.tick()
        await runtime.tick()  # what the first tick planned for now (the digest timer)
        await runtime.dispatch_outbox()

    await lead.send("/digest")
    await lead.tap("08:00")
    assert lead.last.text.startswith(
        "From now on news that is not urgent comes once a day at 08:00"
    )
    await later(days=50)
    assert kp.last.text.startswith("It has been seven weeks since your last intervision")
    assert not any("no intervision for seven weeks" in t for t in lead.texts())
    eight = _local(1, 8, clock)
    await later(seconds=(eight - clock.now()).total_seconds())
    assert lead.last.text.startswith("Your daily summary:\n• Amina has had no intervision")
    assert lead.last.params.get("protect_content") is True

    await lead.send("/digest")
    [done, *_menu] = await lead.tap("At once")
    assert done.text == "From now on news comes at once."
