"""A key person adds to an open case: new signals, or a few words on what happened.

Signals are ticked in the same picker as in the concern, starting from the case's
own; only new ones are added. Text is cleaned like the concern's note and kept
(encrypted) in the chronology. Whoever handles the case — or, before anyone
picked it up, whoever it was sent to — hears it at once, with the reference.

Its steps are drawn in docs/dialogues.md, generated from `ADD_UPDATE`.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from flows.cases import note
from flows.cases.buttons import open_button
from flows.cases.casefile import CLOSED
from flows.cases.signalpicker import SIGNALS, SignalDraft
from flows.cases.signals import in_catalogue_order, is_honour, signal_label
from flows.core.context import Choice, Context
from flows.core.dialogue import END, Answer, Dialogue, Done, Go, Next, Question, Step, Sub, begin
from flows.core.messages import Text, _, keyboard, verbatim
from flows.privacy import access
from storage.records import CaseRecord


@dataclass
class UpdateDraft:
    ref: str
    signals: list[str] = field(default_factory=list)


async def start(ctx: Context, case: CaseRecord, _extra: str = "") -> None:
    await begin(ctx, ADD_UPDATE, UpdateDraft(case.reference, list(case.signals)))


def _ask_what(_ctx: Context, draft: UpdateDraft) -> Question:
    return Question(
        _("What would you like to add to {ref}?", ref=draft.ref),
        [[Choice(_("New signals"), "signals")], [Choice(_("Write something"), "note")]],
    )


async def _to_signals(_ctx: Context, _draft: UpdateDraft, _arg: str) -> Next:
    return Go("signals")


async def _to_note(_ctx: Context, _draft: UpdateDraft, _arg: str) -> Next:
    return Go("note")


async def _signals(ctx: Context, draft: UpdateDraft, chosen: list[str]) -> Next:
    return await _save(ctx, draft, chosen, None)


async def _note_kept(ctx: Context, draft: UpdateDraft, text: str) -> Next:
    return await _save(ctx, draft, None, text)


async def _save(
    ctx: Context, draft: UpdateDraft, chosen: list[str] | None, text: str | None
) -> Next:
    """Add what is new to the case, note it in the chronology, tell the helpers."""
    case = await access.reload(ctx, draft.ref, access.is_key_person)
    if case is None:
        return Done()
    if case.status == CLOSED:
        ctx.reply(_("Case {ref} is closed.", ref=case.reference), ctx.menu())
        return Done()
    added = [code for code in chosen or [] if code not in case.signals]
    if chosen is not None and not added:
        ctx.reply(_("Nothing new was chosen, so nothing was added."), ctx.menu())
        return Done()
    if added:
        signals = [*case.signals, *added]
        await ctx.uow.cases.update(case.id, signals=signals, honour=case.honour or is_honour(added))
        await ctx.uow.cases.record(case.id, "added_signals", now=ctx.now, actor_id=ctx.person.id)
    else:
        await ctx.uow.cases.record(
            case.id, "added_note", now=ctx.now, actor_id=ctx.person.id, body=text
        )
    what = [signal_label(code) for code in in_catalogue_order(added)] if added else verbatim(text)
    for helper in await _helpers(ctx, case):
        await ctx.notify(
            helper,
            _update_text(ctx, case, what),
            keyboard(open_button(case.reference)),
            case=case.reference,
        )
    ctx.reply(_("Added to {ref}. Your confidant has been told.", ref=case.reference), ctx.menu())
    return Done()


ADD_UPDATE = Dialogue(
    "caseupdate",
    UpdateDraft,
    steps=(
        Step(
            "what",
            ask=_ask_what,
            buttons={
                "signals": Answer(_to_signals, to=("signals",), label="new signals"),
                "note": Answer(_to_note, to=("note",), label="write something"),
            },
        ),
        Step(
            "signals",
            start=Sub(SIGNALS, lambda _ctx, draft: SignalDraft(draft.signals)),
            returns=Answer(_signals, to=(END,), label="done (added, helpers told)"),
        ),
        note.note_step(
            "note",
            lambda _ctx, _d: Question(
                _("What would you like to add? No names or numbers, please.")
            ),
            _note_kept,
            to=(END,),
            label="kept (added)",
        ),
    ),
    title="Add an update",
)
NAME = ADD_UPDATE.name


def _update_text(ctx: Context, case: CaseRecord, what: Text | list[Text]) -> Text:
    return _(
        "{name} added to concern {ref}:\n{what}",
        name=ctx.person.display_name,
        ref=case.reference,
        what=what,
    )


async def _helpers(ctx: Context, case: CaseRecord) -> list[int]:
    """The handler; before anyone picked it up, everyone it was sent to."""
    if case.handler_id:
        return [case.handler_id]
    return sorted(await ctx.uow.cases.alerted(case.id))
