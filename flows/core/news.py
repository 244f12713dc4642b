"""Non-urgent news for coordinators and confidants: answers to an invitation, a
delivery report, an overdue list, unanswered check-ins. Urgent alerts never come here;
they are queued at once with `Context.notify`.

Whoever chose a digest hour (`/digest`, `flows.people.digest`) gets their news held
(`digest_item`, encrypted like the outbox) and sent as one message, the daily summary,
at the next occurrence of that local hour; everyone else gets it at once.

A person with held news has one pending `DIGEST` timer (subject `dg:<person id>`).
`tell` is called with a unit of work only, without the deployment's time zone, so the
first item held asks for the timer at once, marked `plan`; the timer then places itself
at the hour after the news came (`on_digest`, which has the configuration). A timer
that runs late, after the hour, sends at once: news waits at most a day.
"""

from __future__ import annotations

from datetime import UTC, datetime, time, timedelta, tzinfo

from flows.core.context import Context
from flows.core.messages import Reply, Text, _, from_json, to_json
from flows.core.ports import Storage
from storage.records import TimerRecord

DIGEST = "news.digest"


def digest_subject(person_id: int) -> str:
    return f"dg:{person_id}"


def _subject_person(subject: str) -> int | None:
    text = subject.removeprefix("dg:")
    return int(text) if text.isdigit() else None


def next_digest(after: datetime, hour: int, tz: tzinfo) -> datetime:
    """The first moment after `after` that is `hour` o'clock local time (in UTC)."""
    day = after.astimezone(tz).date()
    while True:
        at = datetime.combine(day, time(hour), tzinfo=tz).astimezone(UTC)
        if at > after:
            return at
        day += timedelta(days=1)


async def tell(uow: Storage, person_id: int, text: Text, *, now: datetime) -> None:
    """Queue a piece of news for someone: at once, or held for their daily digest."""
    message = to_json(Reply(text, protect=True))
    person = await uow.people.get(person_id)
    if person is None or person.digest_hour is None:
        await uow.outbox.add(person_id, message, now=now)
        return
    await uow.digest.hold(person_id, message, now=now)
    subject = digest_subject(person_id)
    if not [t for t in await uow.timers.pending_for(subject) if t.kind == DIGEST]:
        await uow.timers.schedule(DIGEST, subject, now, now=now, payload={"plan": True})


async def on_digest(ctx: Context, timer: TimerRecord) -> None:
    """Place a `plan` timer at the person's hour; at the hour, send what is held."""
    person_id = _subject_person(timer.subject)
    person = await ctx.uow.people.get(person_id) if person_id is not None else None
    if person is None:
        return
    if person.digest_hour is not None and timer.payload.get("plan"):
        due = next_digest(timer.due_at, person.digest_hour, ctx.config.tz)
        if due > ctx.now:
            await ctx.uow.timers.schedule(DIGEST, timer.subject, due, now=ctx.now)
            return
    await send_held(ctx.uow, person.id, now=ctx.now)


async def send_held(uow: Storage, person_id: int, *, now: datetime) -> bool:
    """Everything held for the person as one message, now; False when nothing was held."""
    held = await uow.digest.take(person_id)
    if not held:
        return False
    items = [from_json(payload).text for payload in held]
    summary = Reply(_("Your daily summary:\n{items}", items=items), protect=True)
    await uow.outbox.add(person_id, to_json(summary), now=now)
    return True


async def replan(ctx: Context, person_id: int, hour: int | None) -> None:
    """After a change of hour: a pending digest moves to the new hour; with none (news at
    once), what was held is sent now."""
    subject = digest_subject(person_id)
    if await ctx.uow.timers.cancel(DIGEST, subject, now=ctx.now) and hour is not None:
        due = next_digest(ctx.now, hour, ctx.config.tz)
        await ctx.uow.timers.schedule(DIGEST, subject, due, now=ctx.now)
    if hour is None:
        await send_held(ctx.uow, person_id, now=ctx.now)
