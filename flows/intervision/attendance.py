"""After a session: who was there; and the two-month rule that follows from it.

Two hours after a session starts, its facilitator is asked to mark who was there
(one message of names to tick; those who said they would come are ticked already).
Intervision takes place at least once every two months (DOMAIN.md): once a day the
clock looks at every key person's last attended session (or, before their first,
when they joined). At seven weeks without one, the key person and their confidant
are reminded to plan one, once per stretch; past two months the key person is on
the overdue list that coordinators see under *Intervision* (a confidant sees their
own key persons there).

Its steps are drawn in docs/dialogues.md, generated from `ATTENDANCE`.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime, timedelta

from flows.core import news
from flows.core.callbacks import pack
from flows.core.context import Choice, Context
from flows.core.dialogue import END, Answer, Dialogue, Done, Go, Next, Question, Step, begin
from flows.core.messages import Button, Text, _, keyboard, ticked, verbatim
from flows.core.ports import Storage
from flows.core.roles import COORDINATOR, KEY_PERSON
from storage.records import PersonRecord, SessionRecord, Standing, TimerRecord

AFTER = "intervision.after"  # two hours after the start: who was there?
RULE = "intervision.rule"  # once a day: the two-month rule
RULE_SUBJECT = "intervision:rule"
NUDGES_PER_RUN = 200
ASK_AFTER = timedelta(hours=2)
NUDGE = timedelta(weeks=7)
OVERDUE = timedelta(days=61)


def mark_button(reference: str) -> Button:
    return Button(_("Mark who was there"), pack("iv", "mark", reference))


async def on_after(ctx: Context, timer: TimerRecord) -> None:
    session = await ctx.uow.intervision.session(timer.subject.partition(":")[2])
    if session is None or session.status != "planned" or session.facilitator_id is None:
        return
    await ctx.uow.intervision.drop_private_notes(session.id)  # seen at the session; gone
    await ctx.notify(
        session.facilitator_id,
        _("Intervision {ref} has taken place. Who was there?", ref=session.reference),
        keyboard(mark_button(session.reference)),
    )


async def plan_after(ctx: Context, session: SessionRecord) -> None:
    await ctx.uow.timers.schedule(
        AFTER, f"iv:{session.reference}", session.starts_at + ASK_AFTER, now=ctx.now
    )


# --- marking who was there ---------------------------------------------------------------


@dataclass
class AttendanceDraft:
    ref: str
    present: list[int] = field(default_factory=list)


async def start(ctx: Context, session: SessionRecord) -> None:
    already = await ctx.uow.intervision.attended(session.id)
    coming = [p for p, answer in session.invited.items() if answer == "yes"]
    await begin(ctx, ATTENDANCE, AttendanceDraft(session.reference, sorted(already or coming)))


async def _invited(ctx: Context, draft: AttendanceDraft) -> list[PersonRecord]:
    session = await ctx.uow.intervision.session(draft.ref)
    people = [await ctx.uow.people.get(person_id) for person_id in session.invited]
    return [p for p in people if p is not None]


async def _ask(ctx: Context, draft: AttendanceDraft) -> Question:
    rows = [
        [Choice(ticked(verbatim(p.display_name), p.id in draft.present), "was", str(p.id))]
        for p in await _invited(ctx, draft)
    ]
    rows.append([Choice(_("Save"), "save")])
    return Question(
        _("Who was at intervision {ref}? Tap to tick or untick, then Save.", ref=draft.ref), rows
    )


async def _invited_ids(ctx: Context, draft: AttendanceDraft) -> list[str]:
    return [str(p.id) for p in await _invited(ctx, draft)]


async def _toggle(_ctx: Context, draft: AttendanceDraft, arg: str) -> Next:
    person = int(arg)
    if person in draft.present:
        draft.present.remove(person)
    else:
        draft.present.append(person)
    return Go("who", edit=True)


async def _save(ctx: Context, draft: AttendanceDraft, _arg: str) -> Next:
    session = await ctx.uow.intervision.session(draft.ref)
    await ctx.uow.intervision.mark_attended(session.id, draft.present)
    ctx.reply(_("Thank you. Who was at {ref} is saved.", ref=draft.ref), ctx.menu())
    return Done()


ATTENDANCE = Dialogue(
    "attendance",
    AttendanceDraft,
    steps=(
        Step(
            "who",
            ask=_ask,
            buttons={
                "was": Answer(_toggle, to=("who",), label="tick / untick", args=_invited_ids),
                "save": Answer(_save, to=(END,), label="save"),
            },
        ),
    ),
    title="Mark who was there",
)


# --- the two-month rule ------------------------------------------------------------------


async def ensure_scheduled(uow: Storage, now: datetime) -> None:
    """At start-up: make sure the daily look is planned (exactly one)."""
    if not await uow.timers.pending_for(RULE_SUBJECT):
        await uow.timers.schedule(RULE, RULE_SUBJECT, now, now=now)


async def on_rule(ctx: Context, _timer: TimerRecord) -> None:
    """Remind whoever reached seven weeks without intervision, once per stretch; at
    most NUDGES_PER_RUN in one transaction (the first run in an organisation that
    never planned intervision meets everyone), the rest a minute later."""
    nudged = 0
    for organisation in await ctx.uow.people.organisations():
        for standing in await ctx.uow.intervision.standing(organisation.id):
            reminded = standing.nudged_at is not None and standing.nudged_at >= standing.since
            if ctx.now - standing.since >= NUDGE and not reminded:
                if nudged == NUDGES_PER_RUN:
                    await ctx.uow.timers.schedule(
                        RULE, RULE_SUBJECT, ctx.now + timedelta(minutes=1), now=ctx.now
                    )
                    return
                await _nudge(ctx, standing.person_id)
                nudged += 1
    await ctx.uow.timers.schedule(RULE, RULE_SUBJECT, ctx.now + timedelta(days=1), now=ctx.now)


async def _nudge(ctx: Context, person_id: int) -> None:
    person = await ctx.uow.people.get(person_id)
    await ctx.uow.intervision.set_nudged(person_id, now=ctx.now)
    await ctx.notify(
        person_id,
        _(
            "It has been seven weeks since your last intervision. Please plan one with "
            "your confidant: it helps you with this work."
        ),
    )
    membership = person.membership(KEY_PERSON)
    if membership is not None and membership.confidant_id:
        await news.tell(  # news for the confidant: at once, or in their daily summary
            ctx.uow,
            membership.confidant_id,
            _(
                "{name} has had no intervision for seven weeks. Please plan one: "
                "Intervision, then Plan a session.",
                name=person.display_name,
            ),
            now=ctx.now,
        )


def is_overdue(standing: Standing, now: datetime) -> bool:
    return now - standing.since > OVERDUE


async def overdue(ctx: Context, organisation_id: int) -> Text:
    """Key persons without intervision for more than two months: all of them for a
    coordinator, their own for a confidant."""
    lines = []
    for standing in await ctx.uow.intervision.standing(organisation_id):
        if not is_overdue(standing, ctx.now):
            continue
        person = await ctx.uow.people.get(standing.person_id)
        membership = person.membership(KEY_PERSON)
        mine = membership is not None and membership.confidant_id == ctx.person.id
        if COORDINATOR not in ctx.person.roles and not mine:
            continue
        name = verbatim(person.display_name)
        if standing.last is None:
            lines.append(_("{name}: no intervision yet", name=name))
        else:
            lines.append(_("{name}: last on {date}", name=name, date=standing.last.date()))
    if not lines:
        return _("Nobody is overdue: everyone had intervision in the last two months.")
    return _("No intervision for more than two months:\n{lines}", lines=lines)
