"""The date-and-time picker (flows.core.when) as a host dialogue uses it: a calendar of
buttons, typed dates and times, Cancel, and buttons the calendar never offered.

The clock stands at Monday 2 March 2026, 09:00 UTC (10:00 in Amsterdam, winter time);
summer time starts there on 29 March."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime

from flowkit import Office, Talker

from flows.core.context import FlowConfig
from flows.core.dialogue import END, Answer, Dialogue, Done, Step, Sub, begin
from flows.core.engine import Engine
from flows.core.messages import _
from flows.core.registry import CommandSpec, Registry
from flows.core.when import PAST_DAY, PAST_TIME, UNREADABLE_DATE, WHEN, WhenDraft

USE_BUTTONS = "Please use the buttons of the last question."
CALENDAR = "Which day? Tap a day from {first} to {last}"


@dataclass
class Meeting:
    pass


async def _picked(ctx, _draft: Meeting, at: datetime | None):
    ctx.reply(_("Picked {at}", at=at) if at is not None else _("Nothing picked"))
    return Done()


HOST = Dialogue(
    "meeting",
    Meeting,
    steps=(
        Step(
            "at",
            start=Sub(WHEN, lambda _ctx, _draft: WhenDraft()),
            returns=Answer(_picked, to=(END,)),
        ),
    ),
)


async def _start(ctx, _arg):
    await begin(ctx, HOST, Meeting())


async def _talker(db, clock) -> Talker:
    office = await Office().open(db, clock)
    spec = CommandSpec("meeting", _start, menu=_("Meeting"))
    engine = Engine(db, clock, FlowConfig(), Registry((spec,), (HOST, WHEN)))
    talker = Talker(engine, office.key_person.telegram_id, office.key_person.id)
    await talker.command("meeting")
    return talker


def _buttons(talker: Talker) -> list[tuple[str, str]]:
    """(action, arg) of the last question's buttons."""
    last = next(r for r in reversed(talker.replies) if r.buttons)
    return [tuple(b.data.split(":", 3)[2:]) for row in last.buttons for b in row]


def _picked_at(replies) -> datetime:
    [picked] = replies
    assert picked.text.msgid == "Picked {at}"
    return picked.text.params["at"]


async def test_a_day_in_summer_time_picked_with_the_buttons(db, clock):
    talker = await _talker(db, clock)
    [calendar] = talker.replies[-1:]
    assert calendar.text.msgid.startswith(CALENDAR)
    days = [arg for action, arg in _buttons(talker) if action == "day"]
    assert days[0] == "2026-03-02" and days[-1] == "2026-03-31"  # today on, not 1 March
    assert [a for a, _arg in _buttons(talker) if a == "month"] == ["month"]  # only ▶
    [april] = await talker.choose("month", str(2026 * 12 + 3))
    assert april.edit and april.text.params["first"].isoformat() == "2026-04-01"
    [hours] = await talker.choose("day", "2026-04-15")
    assert hours.edit and hours.text.msgid.startswith("{day}: at what hour?")
    assert [arg for a, arg in _buttons(talker) if a == "hour"] == [str(h) for h in range(8, 22)]
    [_minutes] = await talker.choose("hour", "19")
    assert [arg for a, arg in _buttons(talker) if a == "minute"] == ["0", "15", "30", "45"]
    at = _picked_at(await talker.choose("minute", "30"))
    assert at == datetime(2026, 4, 15, 17, 30, tzinfo=UTC)  # 19:30 CEST


async def test_a_day_in_winter_time_and_only_hours_still_to_come_today(db, clock):
    talker = await _talker(db, clock)
    await talker.choose("day", "2026-03-02")
    assert next(arg for a, arg in _buttons(talker) if a == "hour") == "10"
    await talker.choose("hour", "10")
    assert [arg for a, arg in _buttons(talker) if a == "minute"] == ["15", "30", "45"]
    at = _picked_at(await talker.choose("minute", "15"))
    assert at == datetime(2026, 3, 2, 9, 15, tzinfo=UTC)  # 10:15 CET


async def test_the_calendar_goes_twelve_months_ahead_and_back_again(db, clock):
    talker = await _talker(db, clock)
    for month in range(1, 13):
        await talker.choose("month", str(2026 * 12 + 2 + month))
    last = talker.replies[-1]
    assert last.text.params["last"].isoformat() == "2027-03-31"
    assert [arg for a, arg in _buttons(talker) if a == "month"] == [str(2027 * 12 + 1)]
    [back] = await talker.choose("month", str(2027 * 12 + 1))
    assert back.text.params["first"].isoformat() == "2027-02-01"


async def test_a_typed_date_and_time_skips_the_hour_and_the_minutes(db, clock):
    talker = await _talker(db, clock)
    at = _picked_at(await talker.send("12-3 19:30"))
    assert at == datetime(2026, 3, 12, 18, 30, tzinfo=UTC)


async def test_typed_dates_in_every_shape_and_then_a_typed_hour(db, clock):
    talker = await _talker(db, clock)
    assert _picked_at(await talker.send("2026-07-01 19.30")) == datetime(
        2026, 7, 1, 17, 30, tzinfo=UTC
    )
    await talker.command("meeting")
    [hours] = await talker.send("12/03/2027")
    assert hours.text.msgid.startswith("{day}: at what hour?")
    assert hours.text.params["day"].isoformat() == "2027-03-12"
    [minutes] = await talker.send("19")
    assert minutes.text.msgid == "{day}: at what time exactly?"
    at = _picked_at(await talker.choose("minute", "45"))
    assert at == datetime(2027, 3, 12, 18, 45, tzinfo=UTC)
    await talker.command("meeting")
    await talker.send("1-4-2026")
    assert _picked_at(await talker.send("8.05")) == datetime(2026, 4, 1, 6, 5, tzinfo=UTC)


async def test_a_past_or_unreadable_date_is_refused_kindly_and_asked_again(db, clock):
    talker = await _talker(db, clock)
    for typed, why in [
        ("1-3-2026", PAST_DAY),
        ("1-3", PAST_DAY),
        ("2-3 9:30", PAST_TIME),
        ("tomorrow", UNREADABLE_DATE),
        ("31-2", UNREADABLE_DATE),
        ("12-3 25:00", UNREADABLE_DATE),
    ]:
        kind, again = await talker.send(typed)
        assert kind.text == why, typed
        assert again.text.msgid.startswith(CALENDAR)
    refused, _again = await talker.send("1-4-2027")
    assert refused.text.msgid == "Please choose a day up to {last}."
    at = _picked_at(await talker.send("12-3 19:30"))
    assert at == datetime(2026, 3, 12, 18, 30, tzinfo=UTC)


async def test_cancel_hands_back_nothing_at_every_step(db, clock):
    talker = await _talker(db, clock)
    for taps in ([], [("day", "2026-03-20")], [("day", "2026-03-20"), ("hour", "12")]):
        for action, arg in taps:
            await talker.choose(action, arg)
        [nothing] = await talker.choose("cancel")
        assert nothing.text.msgid == "Nothing picked"
        await talker.command("meeting")


async def test_another_day_goes_back_to_the_calendar(db, clock):
    talker = await _talker(db, clock)
    await talker.choose("day", "2026-03-20")
    await talker.choose("hour", "9")
    [calendar] = await talker.choose("back")
    assert calendar.edit and calendar.text.msgid.startswith(CALENDAR)
    await talker.choose("day", "2026-03-21")
    await talker.choose("hour", "8")
    at = _picked_at(await talker.choose("minute", "0"))
    assert at == datetime(2026, 3, 21, 7, 0, tzinfo=UTC)


async def test_buttons_the_calendar_never_offered_are_refused_by_the_layer(db, clock):
    talker = await _talker(db, clock)
    real = talker.button("day", "2026-03-20")
    for forged in ("2026-03-01", "garbage", "2026-04-20"):
        hint, again = await talker.press(real.replace("2026-03-20", forged))
        assert hint.text.msgid == USE_BUTTONS, forged
        assert again.text.msgid.startswith(CALENDAR)
    month = talker.button("month", str(2026 * 12 + 3))
    hint, _again = await talker.press(month.replace(str(2026 * 12 + 3), str(2026 * 12 + 1)))
    assert hint.text.msgid == USE_BUTTONS
    await talker.choose("day", "2026-03-02")
    hint, _again = await talker.press(talker.button("hour", "10").replace(":10", ":9"))
    assert hint.text.msgid == USE_BUTTONS
    await talker.choose("hour", "10")
    hint, _again = await talker.press(talker.button("minute", "15").replace(":15", ":0"))
    assert hint.text.msgid == USE_BUTTONS
