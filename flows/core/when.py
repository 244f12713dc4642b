"""A moment in the future, picked with buttons: a day from a month calendar, an hour,
then the minutes; a sub-dialogue that hands the host a UTC `datetime`, or None when
the person taps Cancel.

The calendar shows the days of one month from today on and moves a month back or
forward (from the current month up to twelve months ahead), editing its message in
place. A date can also be typed ("12-3", "12-3-2027", "12/03/2027", "2027-03-12"),
with a time after it ("12-3 19:30") to skip the hour and the minutes; an hour can be
typed as "19:30", "19.30" or "19". Days, hours and minutes are local time
(`FlowConfig.tz`); only moments still to come are offered or accepted.

A date typed without a year is in this year, or in the next when its month has
already gone (in December, "5-1" is in January); earlier this month is refused.
"""

from __future__ import annotations

import calendar
import re
from dataclasses import dataclass
from datetime import UTC, date, datetime, time

from flows.core.context import Choice, Context
from flows.core.dialogue import END, STAY, Answer, Dialogue, Done, Go, Next, Question, Step
from flows.core.messages import Text, _, verbatim

HOURS = range(8, 22)  # the hours offered as buttons; any hour may be typed
MINUTES = (0, 15, 30, 45)
MONTHS_AHEAD = 12
PER_ROW = 7
HOURS_PER_ROW = 4

UNREADABLE_DATE = _(
    "I could not read that date. Please tap a day, or type it as 12-3, 12-3-2027 or "
    "2027-03-12, with a time if you like (12-3 19:30)."
)
UNREADABLE_TIME = _("I could not read that time. Please tap an hour, or type a time such as 19:30.")
PAST_DAY = _("That day has already passed. Please choose a day from today on.")
PAST_TIME = _("That time has already passed. Please choose a later time.")

_DAY_MONTH = re.compile(r"(\d{1,2})[-/.](\d{1,2})(?:[-/.](\d{4}|\d{2}))?")
_ISO = re.compile(r"(\d{4})-(\d{1,2})-(\d{1,2})")
_TIME = re.compile(r"(\d{1,2})(?:[:.h](\d{2}))?")


@dataclass
class WhenDraft:
    year: int = 0  # the month shown; 0 until the calendar is first shown
    month: int = 0
    day: str = ""  # the chosen day, ISO
    hour: int = -1  # the chosen hour, local


def _today(ctx: Context) -> date:
    return ctx.now.astimezone(ctx.config.tz).date()


def _moment(ctx: Context, day: date, hour: int, minute: int) -> datetime:
    """A local day and time as UTC; across a change to or from summer time too."""
    return datetime.combine(day, time(hour, minute), tzinfo=ctx.config.tz).astimezone(UTC)


def _to_come(ctx: Context, day: date, hour: int, minute: int) -> bool:
    return _moment(ctx, day, hour, minute) > ctx.now


def _month_index(year: int, month: int) -> int:
    return year * 12 + month - 1


def _month_of(index: int) -> tuple[int, int]:
    return index // 12, index % 12 + 1


def _window(ctx: Context) -> tuple[int, int]:
    """The first and last month the calendar may show, as month indexes."""
    today = _today(ctx)
    first = _month_index(today.year, today.month)
    return first, first + MONTHS_AHEAD


def _last_day(ctx: Context) -> date:
    year, month = _month_of(_window(ctx)[1])
    return date(year, month, calendar.monthrange(year, month)[1])


def _shown(ctx: Context, draft: WhenDraft) -> tuple[int, int]:
    """The month shown, kept inside the window (a new draft, or one left for a while)."""
    first, last = _window(ctx)
    index = min(max(_month_index(draft.year, draft.month), first), last)
    draft.year, draft.month = _month_of(index)
    return draft.year, draft.month


def _hours(ctx: Context, day: date) -> list[int]:
    return [h for h in HOURS if _to_come(ctx, day, h, MINUTES[-1])]


def _minutes(ctx: Context, day: date, hour: int) -> list[int]:
    return [m for m in MINUTES if _to_come(ctx, day, hour, m)]


def _days(ctx: Context, draft: WhenDraft) -> list[date]:
    """The days of the shown month that still have an hour to offer."""
    year, month = _shown(ctx, draft)
    today = _today(ctx)
    days = [date(year, month, d) for d in range(1, calendar.monthrange(year, month)[1] + 1)]
    return [d for d in days if d > today or (d == today and _hours(ctx, d))]


def _day_args(ctx: Context, draft: WhenDraft) -> list[str]:
    return [d.isoformat() for d in _days(ctx, draft)]


def _month_args(ctx: Context, draft: WhenDraft) -> list[str]:
    first, last = _window(ctx)
    index = _month_index(*_shown(ctx, draft))
    return [str(i) for i in (index - 1, index + 1) if first <= i <= last]


def _hour_args(ctx: Context, draft: WhenDraft) -> list[str]:
    return [str(h) for h in _hours(ctx, date.fromisoformat(draft.day))]


def _minute_args(ctx: Context, draft: WhenDraft) -> list[str]:
    return [str(m) for m in _minutes(ctx, date.fromisoformat(draft.day), draft.hour)]


CANCEL_ROW = [Choice(_("Cancel"), "cancel")]


def _calendar(ctx: Context, draft: WhenDraft) -> Question:
    days = _days(ctx, draft)
    buttons = [Choice(verbatim(str(d.day)), "day", d.isoformat()) for d in days]
    rows = [buttons[i : i + PER_ROW] for i in range(0, len(buttons), PER_ROW)]
    first, last = _window(ctx)
    index = _month_index(draft.year, draft.month)
    moves = []
    if index > first:
        moves.append(Choice(verbatim("◀"), "month", str(index - 1)))
    if index < last:
        moves.append(Choice(verbatim("▶"), "month", str(index + 1)))
    rows += [moves, CANCEL_ROW]
    year, month = draft.year, draft.month
    shown_first = days[0] if days else date(year, month, 1)
    shown_last = date(year, month, calendar.monthrange(year, month)[1])
    text = _(
        "Which day? Tap a day from {first} to {last}, or type a date such as 12-3 or "
        "12-3-2027, with a time if you like (12-3 19:30).",
        first=shown_first,
        last=shown_last,
    )
    return Question(text, [row for row in rows if row])


def _hour_question(ctx: Context, draft: WhenDraft) -> Question:
    day = date.fromisoformat(draft.day)
    buttons = [Choice(verbatim(f"{h:02d}:00"), "hour", str(h)) for h in _hours(ctx, day)]
    rows = [buttons[i : i + HOURS_PER_ROW] for i in range(0, len(buttons), HOURS_PER_ROW)]
    rows += [[Choice(_("Another day"), "back")], CANCEL_ROW]
    text = _("{day}: at what hour? Tap one, or type a time such as 19:30.", day=day)
    return Question(text, rows)


def _minute_question(ctx: Context, draft: WhenDraft) -> Question:
    day = date.fromisoformat(draft.day)
    row = [
        Choice(verbatim(f"{draft.hour:02d}:{m:02d}"), "minute", str(m))
        for m in _minutes(ctx, day, draft.hour)
    ]
    rows = [row, [Choice(_("Another day"), "back")], CANCEL_ROW]
    return Question(_("{day}: at what time exactly?", day=day), [r for r in rows if r])


def _read_time(text: str) -> tuple[int, int | None] | None:
    """(hour, minute or None) from "19:30", "19.30" or "19"; None when unreadable."""
    match = _TIME.fullmatch(text.strip())
    if match is None:
        return None
    hour, minute = int(match[1]), match[2]
    if hour > 23 or (minute is not None and int(minute) > 59):
        return None
    return hour, None if minute is None else int(minute)


def _read_date(ctx: Context, text: str) -> date | None:
    today = _today(ctx)
    try:
        if match := _ISO.fullmatch(text):
            return date(int(match[1]), int(match[2]), int(match[3]))
        if match := _DAY_MONTH.fullmatch(text):
            day, month, year = int(match[1]), int(match[2]), match[3]
            if year is not None:
                return date(int(year) + (2000 if len(year) == 2 else 0), month, day)
            year = today.year + (1 if month < today.month else 0)
            return date(year, month, day)
    except ValueError:  # 31-2, month 13
        return None
    return None


def _refuse(ctx: Context, text: Text) -> Next:
    """A kind word on what did not fit, and the question again."""
    ctx.reply(text)
    ctx.ask_again()
    return STAY


async def _typed_day(ctx: Context, draft: WhenDraft, text: str) -> Next:
    parts = text.replace(",", " ").split()
    day = _read_date(ctx, parts[0]) if 1 <= len(parts) <= 2 else None
    at = _read_time(parts[1]) if len(parts) == 2 else None
    if day is None or (len(parts) == 2 and at is None):
        return _refuse(ctx, UNREADABLE_DATE)
    if day < _today(ctx):
        return _refuse(ctx, PAST_DAY)
    if day > _last_day(ctx):
        return _refuse(ctx, _("Please choose a day up to {last}.", last=_last_day(ctx)))
    draft.day, draft.year, draft.month = day.isoformat(), day.year, day.month
    if at is None:
        return Go("hour")
    return _at(ctx, draft, *at)


def _at(ctx: Context, draft: WhenDraft, hour: int, minute: int | None) -> Next:
    """A typed hour (with minutes or not) on the chosen day."""
    day = date.fromisoformat(draft.day)
    last_minute = MINUTES[-1] if minute is None else minute
    if not _to_come(ctx, day, hour, last_minute):
        return _refuse(ctx, PAST_TIME)
    draft.hour = hour
    if minute is None:
        return Go("minute")
    return Done(_moment(ctx, day, hour, minute))


async def _typed_hour(ctx: Context, draft: WhenDraft, text: str) -> Next:
    at = _read_time(text)
    if at is None:
        return _refuse(ctx, UNREADABLE_TIME)
    return _at(ctx, draft, *at)


async def _month(_ctx: Context, draft: WhenDraft, index: str) -> Next:
    draft.year, draft.month = _month_of(int(index))
    return Go("day", edit=True)


async def _day(_ctx: Context, draft: WhenDraft, iso: str) -> Next:
    draft.day = iso
    return Go("hour", edit=True)


async def _hour(_ctx: Context, draft: WhenDraft, hour: str) -> Next:
    draft.hour = int(hour)
    return Go("minute", edit=True)


async def _minute(ctx: Context, draft: WhenDraft, minute: str) -> Next:
    return Done(_moment(ctx, date.fromisoformat(draft.day), draft.hour, int(minute)))


async def _back(_ctx: Context, draft: WhenDraft, _arg: str) -> Next:
    draft.day, draft.hour = "", -1
    return Go("day", edit=True)


async def _cancel(_ctx: Context, _draft: WhenDraft, _arg: str) -> Next:
    return Done(None)


_CANCEL = Answer(_cancel, to=(END,), label="cancel: None")
_BACK = Answer(_back, to=("day",), label="another day")

WHEN = Dialogue(
    "whenpicker",
    WhenDraft,
    steps=(
        Step(
            "day",
            ask=_calendar,
            buttons={
                "day": Answer(_day, to=("hour",), label="a day", args=_day_args),
                "month": Answer(_month, to=("day",), label="◀ / ▶ a month", args=_month_args),
                "cancel": _CANCEL,
            },
            text=Answer(
                _typed_day, to=("hour", "minute", END), label="typed date (with a time: done)"
            ),
        ),
        Step(
            "hour",
            ask=_hour_question,
            buttons={
                "hour": Answer(_hour, to=("minute",), label="an hour", args=_hour_args),
                "back": _BACK,
                "cancel": _CANCEL,
            },
            text=Answer(_typed_hour, to=("minute", END), label="typed time (with minutes: done)"),
        ),
        Step(
            "minute",
            ask=_minute_question,
            buttons={
                "minute": Answer(_minute, to=(END,), label="the minutes", args=_minute_args),
                "back": _BACK,
                "cancel": _CANCEL,
            },
            text=Answer(_typed_hour, to=("minute", END), label="typed time (with minutes: done)"),
        ),
    ),
    sub=True,
    title="handed over by an intervision session or a broadcast",
)
