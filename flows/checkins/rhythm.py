"""When a key person's wellbeing check-in comes, and `/checkin` to change it.

Every key person has one plan (`checkin_plan`) and one pending timer
(`ROUND`, subject `person:<id>`). A round falls `checkin_days` (the
organisation's rhythm, default 14) after the last one, on the weekday the key
person chose (the nearest one) and at their hour, local time; never at night:
only between 09:00 and 20:00.

Flows get the time as UTC (`ctx.now`); local time is the deployment's
`SLEUTEL_TIMEZONE` (`FlowConfig.tz`, Europe/Amsterdam by default).

`/checkin` shows the plan and lets the key person choose a weekday and an hour,
or pause the check-ins while on leave (and resume them). Its steps are drawn in
docs/dialogues.md, generated from `CHECKIN`.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime, time, timedelta, tzinfo

from flows.core.context import Choice, Context
from flows.core.dialogue import END, Answer, Dialogue, Done, Go, Next, Question, Step, begin
from flows.core.messages import N_, _, _n, verbatim
from flows.core.roles import KEY_PERSON
from storage.records import CheckinPlanRecord

ROUND = "checkin.round"
EARLIEST, LATEST = 9, 20  # local hours a check-in may come
DEFAULT_HOUR = 10
PLAN_BATCH = 200  # key persons planned per run of the daily planner
HOURS = (9, 10, 12, 14, 17, 19)  # what /checkin offers
WEEKDAYS = (
    N_("Monday"),
    N_("Tuesday"),
    N_("Wednesday"),
    N_("Thursday"),
    N_("Friday"),
    N_("Saturday"),
    N_("Sunday"),
)


def round_subject(person_id: int) -> str:
    return f"person:{person_id}"


def subject_person(subject: str) -> int | None:
    text = subject.removeprefix("person:")
    return int(text) if text.isdigit() else None


def next_round(
    now: datetime,
    days: int,
    weekday: int | None,
    hour: int,
    tz: tzinfo,
    *,
    around: datetime | None = None,
) -> datetime:
    """The next check-in after `now`: on the day `days` from now (or the day of `around`),
    moved to the nearest chosen weekday, at `hour` local time (kept within the day)."""
    day = (around or now + timedelta(days=days)).astimezone(tz).date()
    if weekday is not None:
        day += timedelta(days=(weekday - day.weekday() + 3) % 7 - 3)
    hour = min(max(hour, EARLIEST), LATEST)
    while True:
        at = datetime.combine(day, time(hour), tzinfo=tz).astimezone(UTC)
        if at > now:
            return at
        day += timedelta(days=7 if weekday is not None else 1)


async def schedule(
    ctx: Context, person_id: int, organisation_id: int, *, around: datetime | None = None
) -> CheckinPlanRecord:
    """Plan the person's next round (making their plan if they have none): one timer."""
    uow, now = ctx.uow, ctx.now
    org = await uow.people.organisation(organisation_id)
    days = org.checkin_days if org else 14
    plan = await uow.checkins.plan(person_id)
    if plan is None:
        plan = await uow.checkins.add_plan(
            person_id, organisation_id, hour=DEFAULT_HOUR, next_at=None
        )
    due = next_round(now, days, plan.weekday, plan.hour, ctx.config.tz, around=around)
    await uow.checkins.update_plan(person_id, next_at=due)
    subject = round_subject(person_id)
    await uow.timers.cancel(ROUND, subject, now=now)
    await uow.timers.schedule(ROUND, subject, due, now=now)
    return await uow.checkins.plan(person_id)


async def plan_everyone(ctx: Context) -> bool:
    """Active key persons without a planned round get one (new key persons, existing
    ones when check-ins began, someone back after being paused), PLAN_BATCH at a time:
    the first run may meet thousands, and one short transaction holds neither the
    database nor much memory for long. True when more are waiting."""
    unplanned = await ctx.uow.checkins.unplanned(KEY_PERSON, limit=PLAN_BATCH)
    for person_id, organisation_id in unplanned:
        await schedule(ctx, person_id, organisation_id)
    return bool(await ctx.uow.checkins.unplanned(KEY_PERSON, limit=1))


# --- /checkin -----------------------------------------------------------------------------


@dataclass
class CheckinDraft:
    pass


async def start(ctx: Context, _arg: str) -> None:
    await begin(ctx, CHECKIN, CheckinDraft())


async def _plan(ctx: Context) -> CheckinPlanRecord:
    plan = await ctx.uow.checkins.plan(ctx.person.id)
    if plan is None:
        membership = ctx.person.membership(KEY_PERSON)
        plan = await schedule(ctx, ctx.person.id, membership.organisation_id)
    return plan


def hour_label(hour: int) -> str:
    return f"{hour:02d}:00"


async def _ask_plan(ctx: Context, _draft: CheckinDraft) -> Question:
    plan = await _plan(ctx)
    if plan.paused:
        text = _(
            "Your check-ins are paused. I will not ask how you are doing until you resume them."
        )
        toggle = Choice(_("Resume check-ins"), "resume")
    else:
        org = await ctx.uow.people.organisation(plan.organisation_id)
        day = _(WEEKDAYS[plan.weekday]) if plan.weekday is not None else _("any day")
        text = _n(
            "Every day I ask how you are doing with this work, around {hour}. "
            "Next check-in: {when}.",
            "Every {n} days I ask how you are doing with this work, on {day} around "
            "{hour}. Next check-in: {when}.",
            org.checkin_days if org else 14,
            day=day,
            hour=hour_label(plan.hour),
            when=plan.next_at,
        )
        toggle = Choice(_("Pause (I am on leave)"), "pause")
    return Question(
        text,
        [
            [Choice(_("Choose a day"), "day"), Choice(_("Choose a time"), "hour")],
            [toggle],
            [Choice(_("Done"), "done")],
        ],
    )


def _ask_day(_ctx: Context, _draft: CheckinDraft) -> Question:
    days = [Choice(_(name), "weekday", str(i)) for i, name in enumerate(WEEKDAYS)]
    rows = [days[i : i + 2] for i in range(0, len(days), 2)]
    return Question(
        _("On which day would you like your check-in?"),
        [*rows, [Choice(_("Any day"), "weekday", "any")]],
    )


def _ask_hour(_ctx: Context, _draft: CheckinDraft) -> Question:
    hours = [Choice(verbatim(hour_label(h)), "at", str(h)) for h in HOURS]
    return Question(_("At what time of day?"), [hours[i : i + 3] for i in range(0, len(hours), 3)])


async def _change(ctx: Context, **changes: object) -> None:
    """Save a change and plan the next round around the day it was due anyway."""
    plan = await _plan(ctx)
    await ctx.uow.checkins.update_plan(ctx.person.id, **changes)
    if not plan.paused:
        await schedule(ctx, ctx.person.id, plan.organisation_id, around=plan.next_at)


async def _day(ctx: Context, _draft: CheckinDraft, _arg: str) -> Next:
    return Go("day")


async def _hour(ctx: Context, _draft: CheckinDraft, _arg: str) -> Next:
    return Go("hour")


async def _weekday(ctx: Context, _draft: CheckinDraft, arg: str) -> Next:
    await _change(ctx, weekday=None if arg == "any" else int(arg))
    return Go("plan")


async def _at(ctx: Context, _draft: CheckinDraft, arg: str) -> Next:
    await _change(ctx, hour=int(arg))
    return Go("plan")


async def _pause(ctx: Context, _draft: CheckinDraft, _arg: str) -> Next:
    await _plan(ctx)
    await ctx.uow.checkins.update_plan(ctx.person.id, paused=True, next_at=None)
    await ctx.uow.timers.cancel(ROUND, round_subject(ctx.person.id), now=ctx.now)
    return Go("plan")


async def _resume(ctx: Context, _draft: CheckinDraft, _arg: str) -> Next:
    plan = await _plan(ctx)
    await ctx.uow.checkins.update_plan(ctx.person.id, paused=False, unanswered=0)
    await schedule(ctx, ctx.person.id, plan.organisation_id)
    return Go("plan")


async def _done(ctx: Context, _draft: CheckinDraft, _arg: str) -> Next:
    ctx.reply(_("Thank you."), ctx.menu())
    return Done()


CHECKIN = Dialogue(
    "checkin",
    CheckinDraft,
    title="/checkin",
    steps=(
        Step(
            "plan",
            ask=_ask_plan,
            buttons={
                "day": Answer(_day, to=("day",), label="choose a day"),
                "hour": Answer(_hour, to=("hour",), label="choose a time"),
                "pause": Answer(_pause, to=("plan",), label="pause (on leave)"),
                "resume": Answer(_resume, to=("plan",), label="resume"),
                "done": Answer(_done, to=(END,), label="done"),
            },
        ),
        Step(
            "day",
            ask=_ask_day,
            buttons={
                "weekday": Answer(
                    _weekday,
                    to=("plan",),
                    label="a weekday / any day",
                    args=(*(str(i) for i in range(7)), "any"),
                )
            },
        ),
        Step(
            "hour",
            ask=_ask_hour,
            buttons={
                "at": Answer(_at, to=("plan",), label="an hour", args=tuple(str(h) for h in HOURS))
            },
        ),
    ),
)
