"""Preparing a session: the three standing topics and the handbook's safety estimate.

With the reminder the day before, everyone invited who did not decline reads the
three topics every intervision covers (personal development, the safety of the
supporter, the safety of the client), and each key person rates their own safety
in this work — safe / some worries / unsafe — while the facilitator rates each of
them. When the session begins, both see the two ratings side by side; where they
differ, that is a point for the agenda. Ratings are codes, kept with the
invitation.
"""

from __future__ import annotations

from dataclasses import dataclass

from flows.cases import note
from flows.core.callbacks import pack
from flows.core.context import Context
from flows.core.dialogue import END, Dialogue, Done, Next, Question
from flows.core.messages import N_, Button, Text, _, keyboard, verbatim
from storage.records import SessionRecord, TimerRecord

START = "intervision.start"  # when the session begins: the ratings side by side
ESTIMATES = {"safe": N_("Safe"), "worries": N_("Some worries"), "unsafe": N_("Unsafe")}
TOPICS = _(
    "Intervision always covers three topics: how you are developing in this work, your "
    "own safety, and the safety of the people you help."
)


def _estimate_buttons(reference: str, whose: str, *extra: str) -> tuple:
    return keyboard(
        [
            Button(_(label), pack("iv", whose, reference, *extra, code))
            for code, label in ESTIMATES.items()
        ]
    )


async def ask(ctx: Context, session: SessionRecord) -> None:
    """The day before: the topics, and the ratings asked of both sides."""
    coming = [p for p, answer in session.invited.items() if answer != "no"]
    for person_id in coming:
        await ctx.notify(
            person_id,
            _("{topics}\n\nBefore we meet: how safe do you feel in this work?", topics=TOPICS),
            _estimate_buttons(session.reference, "own")
            + keyboard(Button(_("Write a note for myself"), pack("iv", "note", session.reference))),
        )
        person = await ctx.uow.people.get(person_id)
        if session.facilitator_id and person is not None:
            await ctx.notify(
                session.facilitator_id,
                _(
                    "Before {ref}: how safe is {name} in this work, in your estimate?",
                    ref=session.reference,
                    name=person.display_name,
                ),
                _estimate_buttons(session.reference, "their", str(person_id)),
            )
    await ctx.uow.timers.schedule(START, f"iv:{session.reference}", session.starts_at, now=ctx.now)


async def rate(ctx: Context, session: SessionRecord, whose: str, extra: str) -> None:
    """`own:<code>` from a key person, `their:<person id>:<code>` from the facilitator."""
    person, _sep, code = extra.rpartition(":") if whose == "their" else ("", "", extra)
    about = int(person) if whose == "their" and person.isdigit() else ctx.person.id
    allowed = whose == "own" or ctx.person.id == session.facilitator_id
    if code not in ESTIMATES or not allowed or about not in session.invited:
        ctx.reply(_("This is not available to you."))
        return
    await ctx.uow.intervision.estimate(session.id, about, own=whose == "own", value=code)
    ctx.toast = _("Thank you.")
    ctx.reply(_("Thank you. You will see both ratings side by side at the session."))


async def on_start(ctx: Context, timer: TimerRecord) -> None:
    """The session begins: the ratings side by side, for the facilitator and each key
    person (their own line)."""
    session = await ctx.uow.intervision.session(timer.subject.partition(":")[2])
    if session is None or session.status != "planned":
        return
    for person_id in session.invited:
        await _own_notes(ctx, session, person_id)
    lines = []
    for person_id, (own, theirs) in session.estimates.items():
        person = await ctx.uow.people.get(person_id)
        if person is None or (own is None and theirs is None):
            continue
        line = _line(person.display_name, own, theirs)
        lines.append(line)
        await ctx.notify(person_id, _("Safety at {ref}:\n{line}", ref=session.reference, line=line))
    if lines and session.facilitator_id:
        await ctx.notify(
            session.facilitator_id,
            _("Safety estimates for {ref}:\n{lines}", ref=session.reference, lines=lines),
        )


def _line(name: str, own: str | None, theirs: str | None) -> Text:
    def label(code: str | None) -> Text:
        return _(ESTIMATES[code]) if code in ESTIMATES else _("not given")

    if own is not None and theirs is not None and own != theirs:
        return _(
            "{name}: own {own} · confidant {theirs} — different: a point for the agenda",
            name=verbatim(name),
            own=label(own),
            theirs=label(theirs),
        )
    return _(
        "{name}: own {own} · confidant {theirs}",
        name=verbatim(name),
        own=label(own),
        theirs=label(theirs),
    )


async def _own_notes(ctx: Context, session: SessionRecord, person_id: int) -> None:
    """The key person's own note and development goals, to them alone."""
    note = await ctx.uow.intervision.private_note(session.id, person_id)
    goals = [verbatim(text) for _id, text in await ctx.uow.intervision.goals(person_id)]
    if note is not None:
        text = _("Your own note for today:\n{note}", note=verbatim(note))
        await ctx.notify(person_id, text, protect=True)
    if goals:
        text = _("Your development goals, to look at together:\n{goals}", goals=goals)
        await ctx.notify(person_id, text, protect=True)


@dataclass
class NoteDraft:
    ref: str


async def _note_kept(ctx: Context, draft: NoteDraft, text: str) -> Next:
    session = await ctx.uow.intervision.session(draft.ref)
    await ctx.uow.intervision.save_private_note(session.id, ctx.person.id, text)
    ctx.reply(
        _("Saved. Only you will see it, when the session begins; then it is deleted."),
        ctx.menu(),
    )
    return Done()


PRIVATE_NOTE = Dialogue(
    "privatenote",
    NoteDraft,
    steps=(
        note.note_step(
            "write",
            lambda _ctx, _d: Question(
                _("Write your note. Only you will see it. No names or numbers, please.")
            ),
            _note_kept,
            to=(END,),
            label="kept",
        ),
    ),
    title="Write a note for myself",
)
