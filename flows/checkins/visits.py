"""`/visit`: a key person going to a meeting or home visit asks to be checked on.

"Check on me in 30 minutes / 1 hour / 2 hours / 3 hours / other", with an optional
note for the confidant that passes the redactor like every text (no names, no
addresses: Sleutel never keeps where someone is; no check-in does). While the visit
runs, one message holds its buttons: I'm back, all fine / Extend / I need help.

At the time the clock asks "Are you safe?" (I'm safe / I need help). No answer
within the organisation's `visit_answer_minutes` (10) asks once more; no answer
after another wait, and the confidant is alerted with the note and "I have
contacted them", and the escalation chain of `flows.core.chain` takes it from
there: backup confidant, then coordinators, each step waiting `visit_ack_minutes`
(15). "I need help" at any moment sends it up the whole chain at once, and the key
person sees 112 and Veilig Thuis. A private code word (`flows.checkins.duress`)
typed instead of an answer looks exactly like "I'm safe" in the key person's chat,
and raises a silent urgent alert. The first helper to acknowledge wins; the others
are told. Timers are rows: they survive a restart, and an alert that fires late
says how late.

Its steps are drawn in docs/dialogues.md, generated from `VISIT`.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import timedelta

from flows.cases import note
from flows.core import chain
from flows.core.callbacks import pack
from flows.core.chain import Alarm, Wording
from flows.core.context import Choice, Context
from flows.core.dialogue import END, STAY, Answer, Dialogue, Done, Go, Next, Question, Step, begin
from flows.core.messages import Button, Keyboard, Text, _, keyboard, verbatim
from flows.core.references import new_reference
from flows.core.roles import KEY_PERSON
from flows.privacy.access import NOT_AVAILABLE
from storage.records import TimerRecord, VisitRecord

PREFIX = "visit"  # its buttons: visit:<action>:<reference>[:<minutes>]
DUE = "visit.due"  # the safety question, asked again, then the alert
ESCALATE = "visit.escalate"
LENGTHS = {"30": _("30 minutes"), "60": _("1 hour"), "120": _("2 hours"), "180": _("3 hours")}
EXTRA = {"30": _("30 minutes more"), "60": _("1 hour more")}
MINUTES = (5, 720)  # what "other" may be


def visit_button(label: Text, action: str, reference: str, *extra: str) -> Button:
    return Button(label, pack(PREFIX, action, reference, *extra))


def running_buttons(reference: str) -> Keyboard:
    return keyboard(
        visit_button(_("I'm back, all fine"), "end", reference),
        visit_button(_("Extend"), "extend", reference),
        visit_button(_("I need help"), "help", reference),
    )


def safety_buttons(reference: str) -> Keyboard:
    return keyboard(
        visit_button(_("I'm safe"), "end", reference),
        visit_button(_("I need help"), "help", reference),
    )


# --- the dialogue that starts a visit ------------------------------------------------


@dataclass
class VisitDraft:
    minutes: int = 0


async def start(ctx: Context, _arg: str) -> None:
    running = await ctx.uow.visits.open_of(ctx.person.id)
    if running is not None and not running.urgent:  # an alarm is not shown as a visit
        ctx.reply(
            _(
                "Your visit {ref} is still running. I will check on you at {time}.",
                ref=running.reference,
                time=running.due_at,
            ),
            running_buttons(running.reference),
        )
        return
    await begin(ctx, VISIT, VisitDraft())


def _ask_length(_ctx: Context, _draft: VisitDraft) -> Question:
    rows = [[Choice(label, "length", code)] for code, label in LENGTHS.items()]
    rows.append([Choice(_("Other"), "other")])
    return Question(_("Going to a meeting or a home visit? When should I check on you?"), rows)


async def _length(_ctx: Context, draft: VisitDraft, code: str) -> Next:
    draft.minutes = int(code)
    return Go("note")


async def _other(_ctx: Context, _draft: VisitDraft, _arg: str) -> Next:
    return Go("minutes")


async def _minutes(ctx: Context, draft: VisitDraft, text: str) -> Next:
    low, high = MINUTES
    digits = text.strip()
    if not digits.isdigit() or not low <= int(digits) <= high:
        ctx.reply(_("Please send a number of minutes from {low} to {high}.", low=low, high=high))
        return STAY
    draft.minutes = int(digits)
    return Go("note")


def _ask_note(_ctx: Context, _draft: VisitDraft) -> Question:
    return Question(
        _(
            "Anything your confidant should know if I cannot reach you? A few words. "
            "No names and no address: Sleutel never keeps where anyone is."
        ),
        [[Choice(_("No note"), "skip")]],
    )


async def _note_kept(ctx: Context, draft: VisitDraft, text: str) -> Next:
    return await _begin(ctx, draft, text)


async def _without_note(ctx: Context, draft: VisitDraft, _arg: str) -> Next:
    return await _begin(ctx, draft, None)


async def _begin(ctx: Context, draft: VisitDraft, text: str | None) -> Next:
    membership = ctx.person.membership(KEY_PERSON)
    due = ctx.now + timedelta(minutes=draft.minutes)
    visit = await ctx.uow.visits.add(
        reference=await new_reference(ctx.uow.visits.reference_taken, prefix="V"),
        organisation_id=membership.organisation_id,
        key_person_id=ctx.person.id,
        confidant_id=membership.confidant_id,
        note=text,
        due_at=due,
        now=ctx.now,
    )
    await ctx.uow.visits.record(visit.id, "started", now=ctx.now, actor_id=ctx.person.id)
    await _ask_at(ctx, visit, due, 1)
    ctx.reply(
        _("Take care. I will check on you at {time} ({ref}).", time=due, ref=visit.reference),
        running_buttons(visit.reference),
    )
    return Done()


VISIT = Dialogue(
    "visit",
    VisitDraft,
    steps=(
        Step(
            "length",
            ask=_ask_length,
            buttons={
                "length": Answer(_length, to=("note",), label="a time", args=LENGTHS),
                "other": Answer(_other, to=("minutes",), label="other"),
            },
        ),
        Step(
            "minutes",
            ask=lambda _ctx, _d: Question(_("In how many minutes? For example 45.")),
            text=Answer(_minutes, to=("note",), label="minutes (else asked again)"),
        ),
        note.note_step(
            "note",
            _ask_note,
            _note_kept,
            to=(END,),
            label="kept (timer set)",
            buttons={"skip": Answer(_without_note, to=(END,), label="no note (timer set)")},
        ),
    ),
    title="/visit",
)


# --- the clock: asking, asking again, alerting ---------------------------------------


async def _ask_at(ctx: Context, visit: VisitRecord, at, ask: int) -> None:
    await ctx.uow.timers.cancel(DUE, _subject(visit), now=ctx.now)
    await ctx.uow.timers.schedule(DUE, _subject(visit), at, now=ctx.now, payload={"ask": ask})


def _subject(visit: VisitRecord) -> str:
    return chain.timer_subject(PREFIX, visit.reference)


async def on_due(ctx: Context, timer: TimerRecord) -> None:
    """Ask "Are you safe?", once more, then alert the chain."""
    visit = await ctx.uow.visits.by_reference(chain.subject_key(timer.subject))
    if visit is None or visit.status not in ("running", "asking"):
        return
    org = await ctx.uow.people.organisation(visit.organisation_id)
    wait = timedelta(minutes=org.visit_answer_minutes)
    ask = timer.payload["ask"]
    if ask <= 2:
        await ctx.uow.visits.change(visit.id, status="asking")
        await ctx.uow.visits.record(visit.id, f"asked.{ask}", now=ctx.now)
        await ctx.notify(
            visit.key_person_id,
            _safety_question(visit, ask, org.visit_answer_minutes),
            safety_buttons(visit.reference),
            protect=False,
        )
        await _ask_at(ctx, visit, ctx.now + wait, ask + 1)
        return
    await ctx.uow.visits.change(visit.id, status="alerting")
    await ctx.uow.visits.record(visit.id, "missed", now=ctx.now)
    visit = await ctx.uow.visits.by_reference(visit.reference)
    await chain.route(ctx, VISITS, _alarm(visit), late=ctx.now - timer.due_at)


def _safety_question(visit: VisitRecord, ask: int, minutes: int) -> Text:
    if ask == 1:
        return _("Are you safe? ({ref})", ref=visit.reference)
    return _(
        "Are you safe? If I hear nothing within {minutes} minutes, your confidant will be "
        "alerted. ({ref})",
        minutes=minutes,
        ref=visit.reference,
    )


# --- the chain's view of a visit -----------------------------------------------------


def _alarm(visit: VisitRecord) -> Alarm:
    return Alarm(
        visit.id,
        visit.reference,
        visit.organisation_id,
        visit.key_person_id,
        visit.confidant_id,
        visit.urgent,
        visit.stage,
        visit,
    )


class VisitChain:
    """A visit waits on the chain while it is alerting and nobody acknowledged it."""

    timer = ESCALATE
    prefix = PREFIX
    steps = (chain.CONFIDANT, chain.BACKUP, chain.COORDINATORS, chain.REPEAT)

    async def load(self, ctx: Context, key: str) -> Alarm | None:
        visit = await ctx.uow.visits.by_reference(key)
        waiting = visit is not None and visit.status == "alerting" and visit.handler_id is None
        return _alarm(visit) if waiting else None

    async def awaiting(self, ctx: Context, person_id: int) -> list[Alarm]:
        return [_alarm(v) for v in await ctx.uow.visits.awaiting(person_id)]

    async def alerted(self, ctx: Context, alarm: Alarm) -> set[int]:
        return await ctx.uow.visits.alerted(alarm.id)

    async def record(self, ctx: Context, alarm: Alarm, action: str, target_id: int | None) -> None:
        await ctx.uow.visits.record(alarm.id, action, now=ctx.now, target_id=target_id)

    async def set_stage(self, ctx: Context, alarm: Alarm, stage: int) -> None:
        await ctx.uow.visits.change(alarm.id, stage=stage)

    async def minutes(self, ctx: Context, alarm: Alarm) -> int:
        return (await ctx.uow.people.organisation(alarm.organisation_id)).visit_ack_minutes

    async def message(self, ctx: Context, alarm: Alarm, wording: Wording) -> tuple[Text, Keyboard]:
        visit = alarm.record
        person = await ctx.uow.people.get(visit.key_person_id) if visit.key_person_id else None
        name = verbatim(person.display_name) if person else _("a former key person")
        what = _visit_alert(visit, name, wording)
        if wording.late_minutes:
            what = _(
                "{alert}\n\nThis alert is {minutes} minutes late: Sleutel was not running.",
                alert=what,
                minutes=wording.late_minutes,
            )
        return what, keyboard(visit_button(_("I have contacted them"), "ack", visit.reference))


def _visit_alert(visit: VisitRecord, name: Text, wording: Wording) -> Text:
    note_text = verbatim(visit.note) if visit.note else _("(no note)")
    if visit.urgent:
        return _(
            "Urgent: {name} needs help now (visit {ref}). Their note: {note}\n"
            "Contact them, or call 112 if you cannot reach them.",
            name=name,
            ref=visit.reference,
            note=note_text,
        )
    if wording.reminder:
        return _(
            "Reminder: nobody has contacted {name} yet after visit {ref}.",
            name=name,
            ref=visit.reference,
        )
    return _(
        "{name} did not answer the safety check after visit {ref} (due {time}). "
        "Their note: {note}\nPlease contact them now.",
        name=name,
        ref=visit.reference,
        time=visit.due_at,
        note=note_text,
    )


VISITS = VisitChain()


async def on_escalate(ctx: Context, timer: TimerRecord) -> None:
    await chain.on_timer(ctx, VISITS, timer)


async def on_unreachable(ctx: Context, person_id: int) -> None:
    await chain.on_unreachable(ctx, VISITS, person_id)


# --- the buttons of a visit ----------------------------------------------------------


async def on_button(ctx: Context, rest: str) -> None:
    """`end:V7K3P`, `extend:V7K3P`, `more:V7K3P:30`, `help:V7K3P`, `ack:V7K3P`."""
    action, _sep, tail = rest.partition(":")
    reference, _sep, extra = tail.partition(":")
    visit = await ctx.uow.visits.by_reference(reference) if reference else None
    own = visit is not None and visit.key_person_id == ctx.person.id
    if (
        visit is not None
        and action == "ack"
        and ctx.person.id in await ctx.uow.visits.alerted(visit.id)
    ):
        await _acknowledge(ctx, visit)
    elif not own or action not in KEY_PERSON_ACTIONS:
        ctx.reply(NOT_AVAILABLE)
    elif visit.status == "ended":
        ctx.reply(_("Visit {ref} is already closed.", ref=visit.reference), ctx.menu())
    else:
        await KEY_PERSON_ACTIONS[action](ctx, visit, extra)


async def _end(ctx: Context, visit: VisitRecord, _extra: str) -> None:
    """Back, all fine (or safe at the question): closed; anyone alerted hears it."""
    await _close(ctx, visit, "ended")
    for helper in sorted(await ctx.uow.visits.alerted(visit.id)):
        await ctx.notify(
            helper,
            _(
                "{name} is safe: visit {ref} is closed.",
                name=ctx.person.display_name,
                ref=visit.reference,
            ),
        )
    ctx.reply(_("Good to hear. Visit {ref} is closed.", ref=visit.reference), ctx.menu())


async def _close(ctx: Context, visit: VisitRecord, action: str) -> None:
    await ctx.uow.visits.change(visit.id, status="ended", ended_at=ctx.now)
    await ctx.uow.visits.record(visit.id, action, now=ctx.now, actor_id=ctx.person.id)
    await ctx.uow.timers.cancel(DUE, _subject(visit), now=ctx.now)
    await chain.stop(ctx, VISITS, _alarm(visit))


async def _extend(ctx: Context, visit: VisitRecord, _extra: str) -> None:
    rows = [[visit_button(label, "more", visit.reference, code)] for code, label in EXTRA.items()]
    ctx.reply(_("How much longer?"), tuple(tuple(row) for row in rows))


async def _more(ctx: Context, visit: VisitRecord, extra: str) -> None:
    if extra not in EXTRA or visit.status == "alerting":
        ctx.reply(NOT_AVAILABLE)
        return
    due = max(ctx.now, visit.due_at) + timedelta(minutes=int(extra))
    await ctx.uow.visits.change(visit.id, status="running", due_at=due)
    await ctx.uow.visits.record(visit.id, "extended", now=ctx.now, actor_id=ctx.person.id)
    await _ask_at(ctx, visit, due, 1)
    ctx.reply(
        _("I will check on you at {time} ({ref}).", time=due, ref=visit.reference),
        running_buttons(visit.reference),
    )


async def _help(ctx: Context, visit: VisitRecord, _extra: str) -> None:
    """The whole chain at once; the key person sees the emergency numbers."""
    ctx.reply(
        _(
            "Call 112 now if you are in danger (police, ambulance).\n"
            "Veilig Thuis gives advice day and night: 0800-2000, free of charge."
        )
    )
    await raise_alarm(ctx, visit, "help")
    ctx.reply(_("Your confidant and the coordinator have been told."), ctx.menu())


async def raise_alarm(ctx: Context, visit: VisitRecord, action: str) -> None:
    """Up the whole chain at once (help, or the duress word)."""
    await ctx.uow.timers.cancel(DUE, _subject(visit), now=ctx.now)
    await ctx.uow.visits.change(visit.id, status="alerting", urgent=True)
    await ctx.uow.visits.record(visit.id, action, now=ctx.now, actor_id=ctx.person.id)
    visit = await ctx.uow.visits.by_reference(visit.reference)
    await chain.route(ctx, VISITS, _alarm(visit))


KEY_PERSON_ACTIONS = {"end": _end, "extend": _extend, "more": _more, "help": _help}


async def _acknowledge(ctx: Context, visit: VisitRecord) -> None:
    """First to say they contacted the key person closes the alert; the others hear it."""
    if not await ctx.uow.visits.acknowledge(visit.id, ctx.person.id):
        ctx.reply(_("Someone else has already contacted them (visit {ref}).", ref=visit.reference))
        return
    await _close(ctx, visit, "acknowledged")
    me = ctx.person
    for other in sorted(await ctx.uow.visits.alerted(visit.id) - {me.id}):
        await ctx.notify(
            other,
            _(
                "{name} has contacted them (visit {ref}).",
                name=me.display_name,
                ref=visit.reference,
            ),
        )
    ctx.toast = _("Thank you.")
    ctx.reply(_("Thank you. Visit {ref} is in your hands now.", ref=visit.reference), ctx.menu())
