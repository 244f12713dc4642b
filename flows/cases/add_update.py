"""A key person adds to an open case: new signals, or a few words on what happened.

Signals are ticked in the same picker as in the concern, starting from the case's
own; only new ones are added. Text is cleaned like the concern's note and kept
(encrypted) in the chronology. Whoever handles the case — or, before anyone
picked it up, whoever it was sent to — hears it at once, with the reference.

```mermaid
stateDiagram-v2
    [*] --> what: Add an update
    what --> signals: new signals
    signals --> group: a group
    group --> group: tick / untick
    group --> signals: back
    signals --> [*]: done (added, helpers told)
    what --> note: write something
    note --> note: too long, or the check failed
    note --> note_check: cleaned text shown
    note_check --> note: write again
    note_check --> [*]: keep (added, helpers told)
```
"""

from __future__ import annotations

from flows.cases import note, signalpicker
from flows.cases.casefile import CLOSED
from flows.cases.escalation import open_button
from flows.cases.signals import in_catalogue_order, is_honour, signal_label
from flows.core.context import Choice, Context
from flows.core.messages import Text, _, keyboard, verbatim
from flows.privacy import access
from storage.records import CaseRecord

NAME = "caseupdate"


async def start(ctx: Context, case: CaseRecord, _extra: str = "") -> None:
    ctx.ask(
        NAME,
        "what",
        _("What would you like to add to {ref}?", ref=case.reference),
        [
            [Choice(_("New signals"), "signals")],
            [Choice(_("Write something"), "note")],
        ],
        draft={"ref": case.reference, "signals": list(case.signals)},
    )


async def on_choice(ctx: Context, action: str, arg: str) -> None:
    step = ctx.state.step
    if step == "what" and action == "signals":
        signalpicker.ask_groups(ctx)
    elif step == "what" and action == "note":
        _ask_note(ctx)
    elif step in (signalpicker.GROUPS_STEP, signalpicker.GROUP_STEP):
        if signalpicker.on_choice(ctx, action, arg):
            await _save(ctx, ctx.draft["signals"], None)
    elif step == "note_check" and action == "keep":
        await _save(ctx, None, ctx.draft.pop("cleaned"))
    elif step == "note_check" and action == "rewrite":
        ctx.draft.pop("cleaned")
        _ask_note(ctx)
    else:
        ctx.use_buttons()


on_text = note.on_text  # the note is the only typed answer


def _ask_note(ctx: Context) -> None:
    ctx.ask(NAME, "note", _("What would you like to add? No names or numbers, please."))


async def _save(ctx: Context, chosen: list[str] | None, text: str | None) -> None:
    """Add what is new to the case, note it in the chronology, tell the helpers."""
    case = await access.reload(ctx, ctx.draft["ref"], access.is_key_person)
    if case is None:
        return
    ctx.finish()
    if case.status == CLOSED:
        ctx.reply(_("Case {ref} is closed.", ref=case.reference), ctx.menu())
        return
    added = [code for code in chosen or [] if code not in case.signals]
    if chosen is not None and not added:
        ctx.reply(_("Nothing new was chosen, so nothing was added."), ctx.menu())
        return
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
