"""The handler's assessment of a case: the risk level, the signals confirmed or
added (the key person's choice ticked in the same picker), and a short note,
cleaned like every text and stored encrypted in the chronology.

The case's signals become the confirmed set (an honour-related signal marks the
case honour-related; nothing un-marks it). An acute risk brings 112 and Veilig
Thuis to mind at once.

Its steps are drawn in docs/dialogues.md, generated from `ASSESS`.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from flows.cases import note
from flows.cases.buttons import decide_button
from flows.cases.casefile import HANDLING
from flows.cases.signalpicker import SIGNALS, SignalDraft
from flows.cases.signals import is_honour
from flows.core.context import Choice, Context
from flows.core.dialogue import END, Answer, Dialogue, Done, Go, Next, Question, Step, Sub, begin
from flows.core.messages import N_, _, keyboard
from flows.privacy import access
from storage.records import CaseRecord

RISK_LABELS = {
    "low": N_("Low risk"),
    "medium": N_("Medium risk"),
    "high": N_("High risk"),
    "acute": N_("Acute: danger now"),
}


@dataclass
class AssessDraft:
    ref: str
    signals: list[str] = field(default_factory=list)
    risk: str = ""


async def start(ctx: Context, case: CaseRecord, _extra: str = "") -> None:
    await begin(ctx, ASSESS, AssessDraft(case.reference, list(case.signals)))


def _ask_risk(_ctx: Context, draft: AssessDraft) -> Question:
    choices = [[Choice(_(label), "risk", code)] for code, label in RISK_LABELS.items()]
    return Question(
        _("Your assessment of {ref}. How high is the risk, in your judgement?", ref=draft.ref),
        choices,
    )


async def _risk(ctx: Context, draft: AssessDraft, risk: str) -> Next:
    draft.risk = risk
    ctx.reply(_("These are the signals chosen so far. Confirm them, or add what you found."))
    return Go("signals")


async def _signals(_ctx: Context, draft: AssessDraft, chosen: list[str]) -> Next:
    draft.signals = chosen
    return Go("note")


def _ask_note(_ctx: Context, _draft: AssessDraft) -> Question:
    return Question(
        _("A short note on your assessment? No names or numbers, please."),
        [[Choice(_("Skip"), "skip")]],
    )


async def _note_kept(ctx: Context, draft: AssessDraft, text: str) -> Next:
    return await _save(ctx, draft, text)


async def _skip(ctx: Context, draft: AssessDraft, _arg: str) -> Next:
    return await _save(ctx, draft, None)


async def _save(ctx: Context, draft: AssessDraft, text: str | None) -> Next:
    """Record it, if the person still handles the case and it is still open."""
    case = await access.reload(ctx, draft.ref, access.is_handler)
    if case is None:
        return Done()
    if case.status not in HANDLING:
        ctx.reply(_("Case {ref} is closed.", ref=case.reference), ctx.menu())
        return Done()
    signals, risk = draft.signals, draft.risk
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
        keyboard(decide_button(case.reference)),
    )
    return Done()


ASSESS = Dialogue(
    "assess",
    AssessDraft,
    steps=(
        Step(
            "risk",
            ask=_ask_risk,
            buttons={"risk": Answer(_risk, to=("signals",), label="a level", args=RISK_LABELS)},
        ),
        Step(
            "signals",
            start=Sub(SIGNALS, lambda _ctx, draft: SignalDraft(draft.signals)),
            returns=Answer(_signals, to=("note",), label="confirmed"),
        ),
        note.note_step(
            "note",
            _ask_note,
            _note_kept,
            to=(END,),
            label="kept (recorded)",
            buttons={"skip": Answer(_skip, to=(END,), label="skip (recorded)")},
        ),
    ),
    title="Record assessment",
)
NAME = ASSESS.name
