"""Answers to an invitation: Coming / Maybe / Can't come, and the waiting list.

Without a capacity everyone who says Coming is coming. With one, who says Coming when
every place is taken goes on the waiting list, in the order they asked. When someone
who was coming says Maybe or Can't come, the first on the list is offered the place
with a time to answer (a day, and never later than two hours before the start); a
place that is offered counts as taken until the answer comes or the time runs out,
and then it goes to the next. Who is coming gets a calendar file.

Every answer is news for the coordinator (`flows.core.news`: at once, or in their
daily digest).
"""

from __future__ import annotations

from datetime import timedelta

from flows.broadcasts.sending import PREFIX, answer_buttons
from flows.core import news
from flows.core.callbacks import pack
from flows.core.context import Context
from flows.core.messages import N_, Button, Document, _, keyboard, verbatim
from flows.intervision.calendar import event_file
from storage.records import BroadcastRecord, TimerRecord

OFFER = "broadcast.offer"
OFFER_TIME = timedelta(days=1)
OFFER_CLOSES_BEFORE = timedelta(hours=2)
NEWS = {
    "yes": N_("{name} is coming to {title}."),
    "maybe": N_("{name} might come to {title}."),
    "no": N_("{name} can't come to {title}."),
    "wait": N_("{name} is on the waiting list for {title}."),
}


def offer_subject(broadcast_id: int, person_id: int) -> str:
    return f"bc:{broadcast_id}:{person_id}"


async def answer(ctx: Context, broadcast: BroadcastRecord, action: str) -> None:
    """`yes`, `maybe`, `no`, or `take` (an offered place)."""
    before = broadcast.answers[ctx.person.id]
    if action in ("yes", "take"):
        await _coming(ctx, broadcast, before)
        return
    await ctx.uow.broadcasts.answer(broadcast.id, ctx.person.id, action, now=ctx.now)
    ctx.toast = _("Thank you.")
    ctx.reply(_("Thank you for letting us know."), ctx.menu())
    await _tell_author(ctx, broadcast, action)
    if before in ("yes", "offered"):
        await ctx.uow.timers.cancel(OFFER, offer_subject(broadcast.id, ctx.person.id), now=ctx.now)
        await offer_freed_place(ctx, broadcast.id)


async def _coming(ctx: Context, broadcast: BroadcastRecord, before: str | None) -> None:
    if before == "yes":
        ctx.reply(_("You are on the list. See you on {time}.", time=broadcast.starts_at))
        return
    if before != "offered" and broadcast.full:
        if before != "wait":
            await ctx.uow.broadcasts.answer(broadcast.id, ctx.person.id, "wait", now=ctx.now)
            await _tell_author(ctx, broadcast, "wait")
        now_waiting = await ctx.uow.broadcasts.get(broadcast.id)
        ctx.reply(
            _(
                "Every place is taken. You are number {n} on the waiting list; "
                "we will tell you when a place opens.",
                n=now_waiting.waiting.index(ctx.person.id) + 1,
            ),
            ctx.menu(),
        )
        return
    await ctx.uow.broadcasts.answer(broadcast.id, ctx.person.id, "yes", now=ctx.now)
    await ctx.uow.timers.cancel(OFFER, offer_subject(broadcast.id, ctx.person.id), now=ctx.now)
    ctx.toast = _("Thank you.")
    ctx.reply(
        _(
            "Thank you. See you on {time}. Open the file to put it in your calendar.",
            time=broadcast.starts_at,
        ),
        document=Document(f"B{broadcast.id}.ics", calendar_file(broadcast, ctx)),
    )
    await _tell_author(ctx, broadcast, "yes")


def calendar_file(broadcast: BroadcastRecord, ctx: Context) -> bytes:
    """Like intervision's: the entry says "Sleutel" and the reference, the time and the
    place, not the title (a calendar is seen on lock screens and shared)."""
    return event_file(
        f"B{broadcast.id}",
        broadcast.starts_at,
        broadcast.place,
        cancelled=broadcast.status == "cancelled",
        now=ctx.now,
    )


async def offer_freed_place(ctx: Context, broadcast_id: int) -> None:
    """Offer a free place to the first on the waiting list, if there is one."""
    broadcast = await ctx.uow.broadcasts.get(broadcast_id)
    if broadcast.status != "sent" or broadcast.full or not broadcast.waiting:
        return
    first = broadcast.waiting[0]
    until = min(ctx.now + OFFER_TIME, broadcast.starts_at - OFFER_CLOSES_BEFORE)
    until = max(until, ctx.now + timedelta(hours=1))
    await ctx.uow.broadcasts.answer(
        broadcast.id, first, "offered", now=ctx.now, offered_until=until
    )
    await ctx.uow.timers.schedule(OFFER, offer_subject(broadcast.id, first), until, now=ctx.now)
    await ctx.notify(
        first,
        _(
            "A place opened up for {title}, {time}. It is yours if you answer before {until}.",
            title=verbatim(broadcast.title),
            time=broadcast.starts_at,
            until=until,
        ),
        keyboard(
            [
                Button(_("I'm coming"), pack(PREFIX, "take", str(broadcast.id))),
                Button(_("Can't come"), pack(PREFIX, "no", str(broadcast.id))),
            ]
        ),
        protect=False,
    )


async def on_offer_lapsed(ctx: Context, timer: TimerRecord) -> None:
    """The time to take an offered place ran out: it goes to the next on the list."""
    _prefix, broadcast_id, person_id = timer.subject.split(":")
    broadcast = await ctx.uow.broadcasts.get(int(broadcast_id))
    if broadcast is None or broadcast.answers.get(int(person_id)) != "offered":
        return  # taken or declined meanwhile
    if broadcast.status != "sent":
        return
    await ctx.uow.broadcasts.answer(broadcast.id, int(person_id), None, now=ctx.now)
    await ctx.notify(
        int(person_id),
        _(
            "The place for {title} went to the next person on the waiting list. "
            "You can still answer if you like.",
            title=verbatim(broadcast.title),
        ),
        answer_buttons(broadcast.id),
        protect=False,
    )
    await offer_freed_place(ctx, broadcast.id)


async def _tell_author(ctx: Context, broadcast: BroadcastRecord, answer_: str) -> None:
    if broadcast.author_id is not None:
        text = _(NEWS[answer_], name=ctx.person.display_name, title=verbatim(broadcast.title))
        await news.tell(ctx.uow, broadcast.author_id, text, now=ctx.now)
