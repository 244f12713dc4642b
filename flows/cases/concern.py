"""`/concern`: a key person logs what does not feel right, step by step.

Acute danger comes first. When someone is in danger right now, the key
person sees 112 and Veilig Thuis before anything else, and the case row is
created at once (urgent, not yet confirmed) and alerted to the confidant, the
backup confidant and the coordinators in the same transaction — nobody waits
for the rest of the questions. Each later answer is written to that case as it
comes (the chronology says "updated"), so an opened alert shows what is known;
Confirm marks it complete. Stopping an urgent concern keeps the case: it was
already sent. A concern that is not urgent exists only as the (encrypted)
conversation draft until Confirm; then it is committed, routed, and only then
is the receipt sent (the engine sends replies after the commit). The receipt
offers to clear the conversation from the key person's chat (`flows.privacy.cleanphone`):
the draft remembers where it began — the `/concern` message, or, when a menu
button started it, the danger question (the tapped message may be an older one).

Initials only (`clean_initials`); the note passes `redact` before it is kept
anywhere, even in the draft, and the key person confirms the cleaned text.

Its steps are drawn in docs/dialogues.md, generated from `CONCERN`.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from flows.cases import escalation, note, service
from flows.cases.buttons import open_button
from flows.cases.casefile import AGE_GROUPS, RELATIONS, YES_NO_UNKNOWN, details
from flows.cases.signalpicker import SIGNALS, SignalDraft
from flows.cases.signals import is_honour
from flows.core.context import Choice, Context
from flows.core.dialogue import (
    END,
    STAY,
    Answer,
    Dialogue,
    Done,
    Go,
    Next,
    Question,
    Step,
    Sub,
    begin,
)
from flows.core.events import Kind
from flows.core.messages import Text, _, keyboard, verbatim
from flows.privacy import cleanphone
from flows.redaction import clean_initials
from storage.records import CaseRecord

STOP = Choice(_("Stop"), "stop")  # a way out on every question, besides /cancel
ORDER = ("initials", "age", "relation", "children", "signals", "note", "honour")
YES_NO = ("yes", "no")


def after(step: str) -> tuple[str, ...]:
    """Where an answer may lead: the next question, or back to the summary after a change
    (family honour is not asked when a signal already says so)."""
    later = ORDER[ORDER.index(step) + 1 :]
    return (*later[: 2 if later[:1] == ("honour",) else 1], "summary")


CHOICES = {
    "age": AGE_GROUPS,
    "relation": RELATIONS,
    "children": YES_NO_UNKNOWN,
    "honour": YES_NO_UNKNOWN,
}
QUESTIONS = {
    "initials": _(
        "Whom is it about? Please send only their initials, for example F.K. Never a full name."
    ),
    "age": _("How old is this person, roughly?"),
    "relation": _("How do you know them?"),
    "children": _("Are there children in the household?"),
    "note": _(
        "What did you notice? Tell it in a few sentences, in your own words. "
        "No names or numbers, please."
    ),
    "honour": _(
        "Could family honour play a part? For example pressure from the family, "
        "a forced marriage, or someone kept hidden."
    ),
}
CHANGE_LABELS = {
    "initials": _("Whom it is about"),
    "age": _("Age"),
    "relation": _("How you know them"),
    "children": _("Children in the household"),
    "signals": _("What you noticed"),
    "note": _("Your note"),
    "honour": _("Family honour"),
}


@dataclass
class ConcernDraft:
    done: list[str] = field(default_factory=list)  # the questions answered, in ORDER
    first: int | None = None  # the message the concern began with (to clear the chat)
    ref: str | None = None  # an urgent concern's case, created at once
    initials: str | None = None
    age: str | None = None
    relation: str | None = None
    children: str | None = None
    signals: list[str] = field(default_factory=list)
    note: str | None = None
    note_locale: str | None = None  # a confidant may read another language
    honour: str | None = None
    guided: bool = False  # the honour guidance was shown

    @property
    def is_honour(self) -> bool:
        return is_honour(self.signals) or self.honour == "yes"

    def fields(self) -> dict:
        """The case's columns."""
        return {
            "initials": self.initials,
            "age_group": self.age,
            "relation": self.relation,
            "children": self.children,
            "signals": self.signals,
            "honour": self.is_honour,
            "note": self.note,
            "note_locale": self.note_locale,
        }

    def steps(self) -> list[str]:
        """The questions of this concern: family honour is not asked when a signal says so."""
        return [s for s in ORDER if not (s == "honour" and is_honour(self.signals))]


async def start(ctx: Context, _arg: str) -> None:
    """Danger first; everything else follows from the answer."""
    first = ctx.event.message_id if ctx.event.kind == Kind.COMMAND else None
    await begin(ctx, CONCERN, ConcernDraft(first=first))


def _ask_danger(_ctx: Context, _draft: ConcernDraft) -> Question:
    return Question(
        _("Is someone in danger right now?\n\n(You can stop at any moment: Stop, or /cancel.)"),
        [
            [Choice(_("Yes, right now"), "danger", "yes")],
            [Choice(_("No"), "danger", "no")],
            [STOP],
        ],
    )


async def _danger(ctx: Context, draft: ConcernDraft, answer: str) -> Next:
    """Yes: emergency numbers first, then the case goes out at once; then the questions."""
    draft.first = draft.first or ctx.event.message_id
    if answer == "yes":
        ctx.reply(
            _(
                "Call 112 now if someone is in immediate danger (police, ambulance).\n"
                "Veilig Thuis gives advice day and night: 0800-2000, free of charge."
            )
        )
        case = await service.create(ctx, urgent=True)
        draft.ref = case.reference
        await escalation.route(ctx, case)
        ctx.reply(
            _(
                "Your confidant and the coordinator are being alerted right now "
                "(reference {ref}). If you can, answer a few more questions: "
                "each answer is passed on at once.",
                ref=case.reference,
            )
        )
    return _next(draft)


def _question(step: str, choices: list[list[Choice]]):
    """A question of ORDER with its buttons, and Stop."""

    def ask(_ctx: Context, _draft: ConcernDraft) -> Question:
        return Question(QUESTIONS[step], [*choices, [STOP]])

    return ask


def _choices(step: str) -> list[list[Choice]]:
    return [[Choice(_(label), step, code)] for code, label in CHOICES[step].items()]


async def _chosen(ctx: Context, draft: ConcernDraft, value: str | None, *, step: str) -> Next:
    setattr(draft, step, value)
    return await _answered(ctx, draft, step)


def _choose(step: str) -> Answer:
    async def run(ctx: Context, draft: ConcernDraft, value: str) -> Next:
        return await _chosen(ctx, draft, value, step=step)

    return Answer(run, to=after(step), label="an answer", args=CHOICES[step])


def _skip(step: str) -> Answer:
    async def run(ctx: Context, draft: ConcernDraft, _arg: str) -> Next:
        return await _chosen(ctx, draft, None, step=step)

    return Answer(run, to=after(step), label="skip")


async def _initials(ctx: Context, draft: ConcernDraft, text: str) -> Next:
    initials = clean_initials(text)
    if initials is None:
        ctx.delete_messages([ctx.event.message_id])  # a name must not stay in the chat
        ctx.reply(
            _(
                "Please send only initials, like F.K. or A.B.C. Sleutel never keeps names: "
                "initials are enough for your confidant, and they protect the person "
                "if a phone is lost or read by someone else. "
                "I have deleted the message you sent from this chat."
            )
        )
        return STAY
    return await _chosen(ctx, draft, initials, step="initials")


async def _signals(ctx: Context, draft: ConcernDraft, chosen: list[str]) -> Next:
    draft.signals = chosen
    return await _answered(ctx, draft, "signals")


async def _note_kept(ctx: Context, draft: ConcernDraft, text: str) -> Next:
    draft.note, draft.note_locale = text, ctx.locale
    return await _answered(ctx, draft, "note")


async def _answered(ctx: Context, draft: ConcernDraft, step: str) -> Next:
    """Mark a step done, show the honour guidance the first time it applies, move on."""
    if step not in draft.done:
        draft.done.append(step)
    if draft.is_honour and not draft.guided:
        draft.guided = True
        ctx.reply(
            _(
                "This may be honour-related. Then the danger can come from several family "
                "members at once, so your confidant will always consult an expert. "
                "Please do not talk to the family about it yourself."
            )
        )
    if draft.ref is not None:
        case = await ctx.uow.cases.by_reference(draft.ref)
        await ctx.uow.cases.update(case.id, **draft.fields())
        await ctx.uow.cases.record(case.id, "updated", now=ctx.now, actor_id=ctx.person.id)
    return _next(draft)


def _next(draft: ConcernDraft) -> Go:
    """The first question not answered yet, or the summary."""
    return Go(next((s for s in draft.steps() if s not in draft.done), "summary"))


def _ask_summary(_ctx: Context, draft: ConcernDraft) -> Question:
    facts = details(**draft.fields())
    if draft.ref is not None:
        text = _(
            "Your urgent concern {ref} has already gone out. This is what you added:\n\n"
            "{details}\n\nIs this right?",
            ref=draft.ref,
            details=facts,
        )
    else:
        text = _("Please check your concern:\n\n{details}\n\nShall I send it?", details=facts)
    choices = [
        [Choice(_("Confirm"), "confirm")],
        [Choice(_("Change something"), "change")],
        [Choice(_("Cancel"), "cancel")],
    ]
    return Question(text, choices, protect=True)


def _ask_change(_ctx: Context, draft: ConcernDraft) -> Question:
    choices = [[Choice(CHANGE_LABELS[s], "change", s)] for s in draft.steps()]
    choices.append([Choice(_("Back to the summary"), "back")])
    return Question(_("What would you like to change?"), choices)


async def _to_change(_ctx: Context, _draft: ConcernDraft, _arg: str) -> Next:
    return Go("change")


async def _change(_ctx: Context, draft: ConcernDraft, step: str) -> Next:
    draft.done.remove(step)
    return Go(step)


async def _back(_ctx: Context, draft: ConcernDraft, _arg: str) -> Next:
    return _next(draft)


async def _confirm(ctx: Context, draft: ConcernDraft, _arg: str) -> Next:
    """Commit the case (the receipt goes out only after the commit) and route it."""
    if draft.ref is not None:
        case = await ctx.uow.cases.by_reference(draft.ref)
        case = await ctx.uow.cases.update(case.id, **draft.fields(), confirmed_at=ctx.now)
        await ctx.uow.cases.record(case.id, "confirmed", now=ctx.now, actor_id=ctx.person.id)
        await _tell_helpers_complete(ctx, case)
    else:
        case = await service.create(ctx, urgent=False, **draft.fields(), confirmed_at=ctx.now)
        await escalation.route(ctx, case)
    clear = keyboard(cleanphone.button(case.reference, draft.first)) if draft.first else ()
    ctx.reply(
        _(
            "Thank you. Your concern has been saved as {ref}.\n\n"
            "{who} will pick it up, and you will hear here when they do. You do not need to do "
            "anything else now. If someone is in danger, call 112.",
            ref=case.reference,
            who=await _who(ctx, case),
        ),
        clear + ctx.menu(),
    )
    return Done()


async def _tell_helpers_complete(ctx: Context, case: CaseRecord) -> None:
    """Whoever was alerted to an urgent case hears that its description is complete."""
    helpers = {case.handler_id} if case.handler_id else await ctx.uow.cases.alerted(case.id)
    text = _(
        "{name} has finished describing concern {ref}.",
        name=ctx.person.display_name,
        ref=escalation.case_label(case),
    )
    for helper in sorted(helpers):
        await ctx.notify(helper, text, keyboard(open_button(case.reference)))


async def _who(ctx: Context, case: CaseRecord) -> Text:
    """Whom the key person can expect: the handler, else their confidant, else whoever
    was alerted."""
    alerted = await ctx.uow.cases.alerted(case.id)
    for person_id in (case.handler_id, case.confidant_id, *sorted(alerted)):
        if person_id and (person_id == case.handler_id or person_id in alerted):
            person = await ctx.uow.people.get(person_id)
            return verbatim(person.display_name)
    return _("Your coordinator")


async def on_cancel(ctx: Context, draft: ConcernDraft) -> None:
    """Stop. An urgent case was already sent, so it stays, with what is known so far."""
    ctx.finish()
    if draft.ref is None:
        ctx.reply(_("Stopped. Nothing was saved."), ctx.menu())
        return
    case = await ctx.uow.cases.by_reference(draft.ref)
    await ctx.uow.cases.record(case.id, "stopped", now=ctx.now, actor_id=ctx.person.id)
    ctx.reply(
        _(
            "Stopped. Your urgent concern {ref} was already sent and stays open with what "
            "you told me so far. Your confidant will contact you.",
            ref=draft.ref,
        ),
        ctx.menu(),
    )


async def _stop(ctx: Context, draft: ConcernDraft, _arg: str) -> Next:
    await on_cancel(ctx, draft)
    return Done()


STOPPING = {"stop": Answer(_stop, to=(END,), label="stop (an urgent case stays)")}


def _choice_step(step: str) -> Step:
    return Step(
        step, ask=_question(step, _choices(step)), buttons={step: _choose(step), **STOPPING}
    )


CONCERN = Dialogue(
    "concern",
    ConcernDraft,
    steps=(
        Step(
            "danger",
            ask=_ask_danger,
            buttons={
                "danger": Answer(
                    _danger,
                    to=(ORDER[0],),
                    label="yes (112 first; case alerted) / no",
                    args=YES_NO,
                ),
                **STOPPING,
            },
        ),
        Step(
            "initials",
            ask=_question("initials", [[Choice(_("I don't know their initials"), "skip")]]),
            text=Answer(_initials, to=after("initials"), label="initials (more is refused)"),
            buttons={"skip": _skip("initials"), **STOPPING},
        ),
        _choice_step("age"),
        _choice_step("relation"),
        _choice_step("children"),
        Step(
            "signals",
            start=Sub(SIGNALS, lambda _ctx, draft: SignalDraft(draft.signals)),
            returns=Answer(_signals, to=after("signals"), label="chosen (honour: guidance)"),
        ),
        note.note_step(
            "note",
            _question("note", [[Choice(_("Skip"), "skip")]]),
            _note_kept,
            to=after("note"),
            label="kept",
            buttons={"skip": _skip("note"), **STOPPING},
        ),
        _choice_step("honour"),
        Step(
            "summary",
            ask=_ask_summary,
            buttons={
                "confirm": Answer(_confirm, to=(END,), label="confirm (saved, routed, receipt)"),
                "change": Answer(_to_change, to=("change",), label="change"),
                "cancel": Answer(_stop, to=(END,), label="cancel (an urgent case stays)"),
            },
        ),
        Step(
            "change",
            ask=_ask_change,
            buttons={
                "change": Answer(
                    _change, to=ORDER, label="one answer again", args=lambda _c, d: d.done
                ),
                "back": Answer(_back, to=("summary",), label="back to the summary"),
            },
        ),
    ),
    on_cancel=on_cancel,
    title="/concern",
)
NAME = CONCERN.name
