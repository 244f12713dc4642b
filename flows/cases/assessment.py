"""The handler's assessment of a case: the risk level, the signals confirmed or
added (the key person's choice ticked in the same picker), and a short note,
cleaned like every text and stored encrypted in the chronology.

The case's signals become the confirmed set (an honour-related signal marks the
case honour-related; nothing un-marks it). An acute risk brings 112 and Veilig
Thuis to mind at once.

```mermaid
stateDiagram-v2
    [*] --> risk: Record assessment
    risk --> signals: low / medium / high / acute
    signals --> group: a group
    group --> group: tick / untick
    group --> signals: back
    signals --> note: done
    note --> note: too long, or the check failed
    note --> note_check: cleaned text shown
    note_check --> note: write again
    note_check --> [*]: keep (recorded)
    note --> [*]: skip (recorded)
```
"""

from __future__ import annotations

from flows.cases import note, signalpicker
from flows.cases.casefile import HANDLING
from flows.cases.signals import is_honour
from flows.core.context import Choice, Context
from flows.core.messages import N_, Button, _, keyboard
from flows.privacy import access
from storage.records import CaseRecord

NAME = "assess"
RISK_LABELS = {
    "low": N_("Low risk"),
    "medium": N_("Medium risk"),
    "high": N_("High risk"),
    "acute": N_("Acute: danger now"),
}


async def start(ctx: Context, case: CaseRecord, _extra: str = "") -> None:
    choices = [[Choice(_(label), "risk", code)] for code, label in RISK_LABELS.items()]
    ctx.ask(
        NAME,
        "risk",
        _("Your assessment of {ref}. How high is the risk, in your judgement?", ref=case.reference),
        choices,
        draft={"ref": case.reference, "signals": list(case.signals)},
    )


async def on_choice(ctx: Context, action: str, arg: str) -> None:
    step = ctx.state.step
    if step == "risk" and action == "risk" and arg in RISK_LABELS:
        ctx.draft["risk"] = arg
        ctx.reply(_("These are the signals chosen so far. Confirm them, or add what you found."))
        signalpicker.ask_groups(ctx)
    elif step in (signalpicker.GROUPS_STEP, signalpicker.GROUP_STEP):
        if signalpicker.on_choice(ctx, action, arg):
            _ask_note(ctx)
    elif step == "note" and action == "skip":
        await _save(ctx, None)
    elif step == "note_check" and action == "keep":
        await _save(ctx, ctx.draft.pop("cleaned"))
    elif step == "note_check" and action == "rewrite":
        ctx.draft.pop("cleaned")
        _ask_note(ctx)
    else:
        ctx.use_buttons()


on_text = note.on_text  # the note is the only typed answer


def _ask_note(ctx: Context) -> None:
    ctx.ask(
        NAME,
        "note",
        _("A short note on your assessment? No names or numbers, please."),
        [[Choice(_("Skip"), "skip")]],
    )


async def _save(ctx: Context, text: str | None) -> None:
    """Record it, if the person still handles the case and it is still open."""
    risk, signals = ctx.draft["risk"], ctx.draft["signals"]
    case = await access.reload(ctx, ctx.draft["ref"], access.is_handler)
    if case is None:
        return
    ctx.finish()
    if case.status not in HANDLING:
        ctx.reply(_("Case {ref} is closed.", ref=case.reference), ctx.menu())
        return
    await ctx.uow.cases.update(case.id, signals=signals, honour=case.honour or is_honour(signals))
    await ctx.uow.cases.set_handling(case.id, risk=risk)
    await ctx.uow.cases.record(
        case.id, f"assessed.{risk}", now=ctx.now, actor_id=ctx.person.id, body=text
    )
    if risk == "acute":
        ctx.reply(
            _(
                "Acute risk: call 112 if someone is in danger now. "
                "Veilig Thuis advises day and night: 0800-2000."
            )
        )
    ctx.reply(
        _("Your assessment of {ref} is recorded.", ref=case.reference),
        keyboard(Button(_("Decide next step"), f"case:decide:{case.reference}")),
    )
