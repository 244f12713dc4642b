"""The wellbeing check-in: "How are you doing with this work?" every few weeks.

The handbook asks that the safety of the volunteer is watched, and that signals of
unsafety reach the organisation (DOMAIN.md, intervision and safety). So each key
person is asked, on their rhythm (`flows.checkins.rhythm`), how the work is going:
Good / Could be better / I need to talk. The question arrives unprompted, so its
buttons are global (`wb:...`, built by `wb_button` alone) and work whenever they
are tapped, also in the middle of something else.

- "Could be better" asks one optional follow-up (tired, worried about someone,
  unsafe, something at home, other; or skip) and offers a talk.
- "I need to talk" and "I feel unsafe" tell the confidant at once (their backup, or
  the coordinators, when the confidant cannot be reached), with a button to write
  to the key person (`MESSAGE`: cleaned by `flows.cases.note` like every message).
- No answer is no alarm; but when a round comes and the last three check-ins went
  unanswered, the confidant is told, once.

Only codes are kept (`checkin_answer`): never free text. Messages written through
`MESSAGE` go through the outbox and are not kept.
"""

from __future__ import annotations

import logging
from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from datetime import datetime, timedelta

from flows.cases import note
from flows.checkins import rhythm
from flows.core.callbacks import pack
from flows.core.context import Context
from flows.core.dialogue import (
    STALE_DRAFT,
    Done,
    Next,
    begin,
)
from flows.core.messages import N_, Button, Keyboard, Text, _, keyboard, verbatim
from flows.core.ports import Storage
from flows.core.roles import COORDINATOR, KEY_PERSON
from storage.records import CheckinAnswerRecord, PersonRecord, TimerRecord

log = logging.getLogger(__name__)

PREFIX = "wb"  # `wb:a:<answer id>:<answer>`, `wb:d:<answer id>:<detail>`, `wb:m:<person id>`
PLANNER = "checkin.plan"
PLANNER_SUBJECT = "checkins"
SILENT_ROUNDS = 3  # unanswered check-ins in a row that the confidant hears about, once

GOOD, BETTER, TALK = "good", "better", "talk"
ANSWERS = {GOOD: N_("Good"), BETTER: N_("Could be better"), TALK: N_("I need to talk")}
UNSAFE = "unsafe"
DETAILS = {
    "tired": N_("Tired"),
    "worried": N_("Worried about someone I help"),
    UNSAFE: N_("I feel unsafe"),
    "home": N_("Something at home"),
    "other": N_("Other"),
}
SKIP = "skip"
NOT_AVAILABLE = _("This is not available to you.")


def wb_button(label: Text, action: str, *parts: str | int) -> Button:
    """Every wellbeing button, built here: answer (a), detail (d), message (m)."""
    return Button(label, pack(PREFIX, action, *(str(p) for p in parts)))


def question_buttons(answer_id: int) -> Keyboard:
    return keyboard(*(wb_button(_(label), "a", answer_id, code) for code, label in ANSWERS.items()))


def detail_buttons(answer_id: int) -> Keyboard:
    rows = [wb_button(_(label), "d", answer_id, code) for code, label in DETAILS.items()]
    return keyboard(*rows, wb_button(_("Skip"), "d", answer_id, SKIP))


# --- the rounds ---------------------------------------------------------------------------


async def on_timer(ctx: Context, timer: TimerRecord) -> None:
    """A key person's round: ask, then plan the next one."""
    person_id = rhythm.subject_person(timer.subject)
    plan = await ctx.uow.checkins.plan(person_id) if person_id is not None else None
    if plan is None or plan.paused:
        return
    person = await ctx.uow.people.get(person_id)
    if person is None or not person.active or person.membership(KEY_PERSON) is None:
        await ctx.uow.checkins.update_plan(person_id, next_at=None)  # planned when back
        return
    if person.reachable:
        unanswered = plan.unanswered
        last = await ctx.uow.checkins.answers_of(person_id, limit=1)
        if last and last[0].answer is None:
            unanswered += 1
            if unanswered == SILENT_ROUNDS:
                await _tell_helpers(
                    ctx,
                    person,
                    _(
                        "{name} has not answered the last three check-ins. Nothing is "
                        "wrong as far as I know; perhaps ask how they are doing.",
                        name=person.display_name,
                    ),
                )
        await ctx.uow.checkins.update_plan(person_id, unanswered=unanswered)
        answer_id = await ctx.uow.checkins.ask(person_id, plan.organisation_id, now=ctx.now)
        await ctx.notify(
            person_id, _("How are you doing with this work?"), question_buttons(answer_id)
        )
    await rhythm.schedule(ctx, person_id, plan.organisation_id)


async def on_planner(ctx: Context, _timer: TimerRecord) -> None:
    """Once a day: plan a round for every key person who has none; then tomorrow's run,
    or, while more are waiting, the next batch in a minute."""
    more = await rhythm.plan_everyone(ctx)
    later = timedelta(minutes=1) if more else timedelta(days=1)
    await ctx.uow.timers.schedule(PLANNER, PLANNER_SUBJECT, ctx.now + later, now=ctx.now)


async def ensure_planned(uow: Storage, now: datetime) -> None:
    """At start-up: make sure the daily planner is on the clock (exactly one)."""
    if not [t for t in await uow.timers.pending_for(PLANNER_SUBJECT) if t.kind == PLANNER]:
        await uow.timers.schedule(PLANNER, PLANNER_SUBJECT, now, now=now)


# --- the answers --------------------------------------------------------------------------


async def on_button(ctx: Context, rest: str) -> None:
    """`a:<answer id>:<answer>`, `d:<answer id>:<detail>`, `m:<person id>`; shown on top
    of an open question, which comes back afterwards."""
    action, *parts = rest.split(":")
    if action == "m" and len(parts) == 1 and parts[0].isdigit():
        run = _message(ctx, int(parts[0]))
    elif action in ("a", "d") and len(parts) == 2 and parts[0].isdigit():
        run = _answered(ctx, action, int(parts[0]), parts[1])
    else:
        ctx.reply(NOT_AVAILABLE)
        return
    if ctx.state is None:
        await run()
    else:
        await ctx.aside(run)


def _answered(ctx: Context, action: str, answer_id: int, code: str) -> Callable[[], Awaitable]:
    async def run() -> None:
        record = await ctx.uow.checkins.answer(answer_id)
        if record is None or record.person_id != ctx.person.id:
            ctx.reply(NOT_AVAILABLE)
        elif action == "a" and code in ANSWERS and _may_answer(record, code):
            await _answer(ctx, record, code)
        elif action == "d" and (code in DETAILS or code == SKIP) and _may_detail(record):
            await _detail(ctx, record, code)
        else:
            ctx.reply(STALE_DRAFT, ctx.menu())

    return run


def _may_answer(record: CheckinAnswerRecord, code: str) -> bool:
    """Once; "Could be better" may still become "I need to talk"."""
    return record.answer is None or (record.answer == BETTER and code == TALK)


def _may_detail(record: CheckinAnswerRecord) -> bool:
    return record.answer == BETTER and record.detail is None


async def _answer(ctx: Context, record: CheckinAnswerRecord, code: str) -> None:
    await ctx.uow.checkins.set_answer(record.id, answer=code, detail=record.detail, now=ctx.now)
    await ctx.uow.checkins.update_plan(ctx.person.id, unanswered=0)
    if code == GOOD:
        ctx.reply(_("Good to hear. Thank you!"), ctx.menu())
    elif code == BETTER:
        ctx.reply(
            _(
                "Thank you for telling me. What is it mostly about? Only your confidant "
                "sees this. You may skip it."
            ),
            detail_buttons(record.id),
        )
    elif record.detail == UNSAFE:  # already told, with the follow-up
        ctx.reply(_("Your confidant already knows and will get in touch soon."), ctx.menu())
    else:
        await _alert(ctx, TALK)


async def _detail(ctx: Context, record: CheckinAnswerRecord, code: str) -> None:
    if code == SKIP:
        ctx.reply(_("All right."), _talk_offer(record.id))
        return
    await ctx.uow.checkins.set_answer(record.id, answer=BETTER, detail=code, now=ctx.now)
    if code == UNSAFE:
        await _alert(ctx, UNSAFE)
        return
    ctx.reply(
        _("Thank you. If you would like to talk about it, tap the button."),
        _talk_offer(record.id),
    )


def _talk_offer(answer_id: int) -> Keyboard:
    return keyboard(wb_button(_(ANSWERS[TALK]), "a", answer_id, TALK))


async def _alert(ctx: Context, why: str) -> None:
    """Tell the confidant (or whoever stands in) at once, and the key person who."""
    name = ctx.person.display_name
    if why == UNSAFE:
        text = _(
            "{name} says they feel unsafe in this work. Please get in touch with them today.",
            name=name,
        )
    else:
        text = _(
            "{name} would like to talk about how the work is going. Please get in touch "
            "with them soon.",
            name=name,
        )
    told = await _tell_helpers(ctx, ctx.person, text, keyboard(_message_button(ctx.person)))
    if told:
        ctx.reply(
            _(
                "Thank you for telling me. I have let {name} know; they will get in touch "
                "with you soon.",
                name=told[0].display_name,
            ),
            ctx.menu(),
        )
    else:
        ctx.reply(
            _("Thank you for telling me. Please call your coordinator, they want to know."),
            ctx.menu(),
        )


async def helpers(uow: Storage, person: PersonRecord) -> list[PersonRecord]:
    """Who hears about a key person's wellbeing: the confidant; when they cannot be
    reached, the backup; when neither can, the coordinators of the organisation."""
    membership = person.membership(KEY_PERSON)
    if membership is None:
        return []
    for other_id in (membership.confidant_id, membership.backup_id):
        other = await uow.people.get(other_id) if other_id else None
        if other and other.active and other.reachable and other.id != person.id:
            return [other]
    coordinators = await uow.people.in_organisation(membership.organisation_id, COORDINATOR)
    return [c for c in coordinators if c.active and c.reachable and c.id != person.id]


async def _tell_helpers(
    ctx: Context, person: PersonRecord, text: Text, buttons: Keyboard = ()
) -> list[PersonRecord]:
    told = await helpers(ctx.uow, person)
    if not told:
        log.warning("wellbeing notice reaches nobody", extra={"person_id": person.id})
    for helper in told:
        await ctx.notify(helper.id, text, buttons or keyboard(_message_button(person)))
    return told


def _message_button(person: PersonRecord) -> Button:
    return wb_button(_("Message {name}", name=person.display_name), "m", person.id)


# --- a message between a key person and the one who supports them -------------------------


async def may_message(uow: Storage, sender: PersonRecord, other: PersonRecord) -> bool:
    """A key person and their confidant, backup or a coordinator of their organisation,
    either way round."""
    if not other.active or other.id == sender.id:
        return False
    for key_person, helper in ((sender, other), (other, sender)):
        membership = key_person.membership(KEY_PERSON)
        if membership is None:
            continue
        if helper.id in (membership.confidant_id, membership.backup_id):
            return True
        if any(
            m.role == COORDINATOR and m.organisation_id == membership.organisation_id
            for m in helper.memberships
        ):
            return True
    return False


@dataclass
class MessageDraft:
    to: int
    name: str
    again: bool = False


def _message(ctx: Context, person_id: int) -> Callable[[], Awaitable]:
    async def run() -> None:
        other = await ctx.uow.people.get(person_id)
        if other is None or not await may_message(ctx.uow, ctx.person, other):
            ctx.reply(NOT_AVAILABLE)
            return
        await begin(ctx, MESSAGE, MessageDraft(other.id, other.display_name))

    return run


async def _send(ctx: Context, draft: MessageDraft, text: str) -> Next:
    other = await ctx.uow.people.get(draft.to)
    if other is None or not await may_message(ctx.uow, ctx.person, other):
        ctx.reply(NOT_AVAILABLE, ctx.menu())
        return Done()
    await ctx.notify(
        other.id,
        _("{name} writes:\n\n{text}", name=ctx.person.display_name, text=verbatim(text)),
        keyboard(wb_button(_("Reply"), "m", ctx.person.id)),
        protect=True,
    )
    ctx.reply(_("Sent to {name}.", name=other.display_name), ctx.menu())
    return Done()


MESSAGE = note.message_dialogue(
    "wbmessage",
    MessageDraft,
    lambda draft: _("Write your message for {name}. No names or numbers, please.", name=draft.name),
    lambda ctx, draft, text: _send(ctx, draft, text),
    title="Message {name} / Reply, after a check-in",
)
