"""Putting a broadcast in the outbox, and what follows it on the clock.

`create` is used by `/broadcast` and by `sleutel broadcast` alike. A broadcast sent
now is queued in the transaction that keeps it; one sent later waits for its `SEND`
timer, which finds the audience again at that moment. Either way `queue` adds one
recipient row and one outbox message per person in one transaction, each message
keyed by topic and person (`B12`), so a crash sends to all or to none and a second
attempt cannot reach anyone twice. The outbox delivers at Telegram's pace (at most
30 messages a second, about one a second in a chat) and honours `retry_after`.

Each recipient reads the frame ("from your coordinator", the date in their own
format, the buttons) in their own language, and the text in their language if the
coordinator wrote a version for it, else in the coordinator's.

After queueing: the `REPORT` timer looks every minute until nothing waits any more and
then tells the author what was delivered, what failed and who blocked the bot (they
are marked unreachable when Telegram says so); the `REMIND` timer reminds who is
coming or maybe, a day before an invitation.
"""

from __future__ import annotations

from datetime import datetime, timedelta

from flows.broadcasts import audience
from flows.core import news
from flows.core.callbacks import pack
from flows.core.context import Context
from flows.core.messages import (
    Button,
    Inline,
    Keyboard,
    Reply,
    Text,
    _,
    keyboard,
    to_json,
    verbatim,
)
from flows.core.ports import Storage
from storage.records import BroadcastRecord, TimerRecord

PREFIX = "bc"  # its buttons: bc:<action>:<broadcast id>
SEND = "broadcast.send"
REMIND = "broadcast.remind"
REPORT = "broadcast.report"
ANSWERS = {"yes": _("Coming"), "maybe": _("Maybe"), "no": _("Can't come")}
REMIND_BEFORE = timedelta(days=1)
LOOK_AGAIN = timedelta(minutes=1)


def subject(broadcast_id: int) -> str:
    return f"bc:{broadcast_id}"


def topic(broadcast_id: int, part: str = "") -> str:
    """The outbox topic of a broadcast (`B12`), its reminder (`B12r`), an update."""
    return f"B{broadcast_id}{part}"


def answer_buttons(broadcast_id: int) -> Keyboard:
    return keyboard(
        [Button(label, pack(PREFIX, code, str(broadcast_id))) for code, label in ANSWERS.items()]
    )


def message(broadcast: BroadcastRecord, author: str, locale: str) -> Text:
    """The broadcast as a reader of `locale` gets it."""
    text = verbatim(broadcast.text_for(locale))
    if broadcast.kind == "invitation":
        where = verbatim(broadcast.place) if broadcast.place else _("place to follow")
        return _(
            "Invitation from {name}, your coordinator: {title}\n{time}, {place}\n\n{text}",
            name=author,
            title=verbatim(broadcast.title),
            time=broadcast.starts_at,
            place=where,
            text=text,
        )
    return _(
        "From {name}, your coordinator: {title}\n\n{text}",
        name=author,
        title=verbatim(broadcast.title),
        text=text,
    )


async def create(
    uow: Storage,
    *,
    organisation_id: int,
    author_id: int,
    kind: str,
    title: str,
    text: str,
    versions: dict[str, str],
    place: str | None,
    starts_at: datetime | None,
    capacity: int | None,
    audience_: str,
    send_at: datetime | None,
    now: datetime,
) -> BroadcastRecord:
    """Keep a broadcast and queue it now, or plan it for `send_at`."""
    broadcast_id = await uow.broadcasts.add(
        organisation_id=organisation_id,
        author_id=author_id,
        kind=kind,
        title=title,
        text=text,
        versions=versions,
        place=place,
        starts_at=starts_at,
        capacity=capacity,
        audience=audience_,
        send_at=send_at,
        now=now,
    )
    await uow.audit.record(
        "broadcast.planned" if send_at else "broadcast.sent",
        now=now,
        actor_id=author_id,
        subject=topic(broadcast_id),
        organisation_id=organisation_id,
    )
    if send_at is not None and send_at > now:
        await uow.timers.schedule(SEND, subject(broadcast_id), send_at, now=now)
    else:
        await queue(uow, broadcast_id, now=now)
    return await uow.broadcasts.get(broadcast_id)


async def queue(uow: Storage, broadcast_id: int, *, now: datetime) -> int:
    """Recipient rows and messages for the audience as it is now; how many."""
    broadcast = await uow.broadcasts.get(broadcast_id)
    people = await audience.members(
        uow, broadcast.organisation_id, broadcast.audience, author_id=broadcast.author_id
    )
    author = await _author_name(uow, broadcast)
    await uow.broadcasts.add_recipients(broadcast.id, [p.id for p in people])
    buttons = answer_buttons(broadcast.id) if broadcast.kind == "invitation" else ()
    for person in people:
        reply = Reply(message(broadcast, author, person.locale), buttons)
        await uow.outbox.add(person.id, to_json(reply), now=now, topic=topic(broadcast.id))
    await uow.timers.schedule(REPORT, subject(broadcast.id), now + LOOK_AGAIN, now=now)
    if broadcast.starts_at is not None and broadcast.starts_at - REMIND_BEFORE > now:
        await uow.timers.schedule(
            REMIND, subject(broadcast.id), broadcast.starts_at - REMIND_BEFORE, now=now
        )
    return len(people)


async def tell_audience(
    uow: Storage, broadcast: BroadcastRecord, text: Text, part: str, *, now: datetime
) -> int:
    """Tell everyone who got the broadcast and did not decline (an update, a
    cancellation), once each: `part` makes the topic of this message."""
    told = 0
    for person_id, answer in broadcast.answers.items():
        if answer != "no":
            payload = to_json(Reply(text))
            await uow.outbox.add(person_id, payload, now=now, topic=topic(broadcast.id, part))
            told += 1
    return told


async def _author_name(uow: Storage, broadcast: BroadcastRecord) -> str:
    author = await uow.people.get(broadcast.author_id) if broadcast.author_id else None
    return author.display_name if author else "Sleutel"


async def on_send(ctx: Context, timer: TimerRecord) -> None:
    """A planned broadcast's moment: queue it, unless it was cancelled meanwhile."""
    broadcast = await ctx.uow.broadcasts.get(int(timer.subject.partition(":")[2]))
    if broadcast is not None and broadcast.status == "scheduled":
        await queue(ctx.uow, broadcast.id, now=ctx.now)


async def on_remind(ctx: Context, timer: TimerRecord) -> None:
    """A day before: who is coming or maybe is reminded, once."""
    broadcast = await ctx.uow.broadcasts.get(int(timer.subject.partition(":")[2]))
    if broadcast is None or broadcast.status != "sent":
        return
    where = verbatim(broadcast.place) if broadcast.place else _("place to follow")
    text = _(
        "A reminder: {title}, {time}, {place}. See you there!",
        title=verbatim(broadcast.title),
        time=broadcast.starts_at,
        place=where,
    )
    for person_id, answer in broadcast.answers.items():
        if answer in ("yes", "maybe"):
            await ctx.uow.outbox.add(
                person_id, to_json(Reply(text)), now=ctx.now, topic=topic(broadcast.id, "r")
            )


async def on_report(ctx: Context, timer: TimerRecord) -> None:
    """When nothing of the broadcast waits any more, its author hears how it went."""
    broadcast_id = int(timer.subject.partition(":")[2])
    broadcast = await ctx.uow.broadcasts.get(broadcast_id)
    if broadcast is None or broadcast.author_id is None:
        return
    if (await ctx.uow.outbox.delivery(topic(broadcast_id))).get("pending"):
        await ctx.uow.timers.schedule(REPORT, timer.subject, ctx.now + LOOK_AGAIN, now=ctx.now)
        return
    text = _(
        "{title} went out. {delivery}",
        title=verbatim(broadcast.title),
        delivery=await delivery(ctx.uow, broadcast),
    )
    await news.tell(ctx.uow, broadcast.author_id, text, now=ctx.now)


async def delivery(uow: Storage, broadcast: BroadcastRecord) -> Text:
    """Delivered, waiting, not delivered, blocked the bot (by name: the coordinator
    follows up with them)."""
    counts = await uow.outbox.delivery(topic(broadcast.id))
    blocked = await uow.people.display_names(counts.get("unreachable", []))
    names = tuple(verbatim(name) for name in blocked.values())
    return _(
        "Delivered: {sent} · Waiting: {pending} · Not delivered: {dead} · "
        "Blocked the bot: {blocked}{names}",
        sent=len(counts.get("sent", [])),
        pending=len(counts.get("pending", [])),
        dead=len(counts.get("dead", [])),
        blocked=len(names),
        names=_(" ({names})", names=Inline(names)) if names else "",
    )


TIMERS = {SEND: on_send, REMIND: on_remind, REPORT: on_report}
