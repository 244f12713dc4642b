"""The handler decides the next step of a case: monitor, consult a professional,
record that a professional took over or a report was made, or close it.

Every decision lands in the chronology, and the key person always hears the
outcome without details: that it is being followed, that a professional is
involved, that it is closed (with the handler's own words if they wrote some,
cleaned like every text). The case is checked again before anything is changed:
someone else may have closed or taken it meanwhile.

Its steps are drawn in docs/dialogues.md, generated from `DECIDE`.
"""

from __future__ import annotations

from dataclasses import dataclass

from flows.cases import consult, followup, note
from flows.cases.buttons import open_button
from flows.cases.casefile import CLOSED, HANDLING, MONITORING, REFERRED
from flows.cases.directory import KINDS
from flows.core.context import Choice, Context
from flows.core.dialogue import END, STAY, Answer, Dialogue, Done, Go, Next, Question, Step, begin
from flows.core.messages import N_, Text, _, keyboard, verbatim
from flows.privacy import access, cleanphone
from storage.records import CaseRecord

STEPS = {
    "monitor": N_("Monitor, and follow up later"),
    "consult": N_("Consult a professional"),
    "took_over": N_("A professional took over"),
    "reported": N_("A report was made to Veilig Thuis"),
    "close": N_("Close the case"),
}
PERIOD_LABELS = {"1w": N_("In 1 week"), "2w": N_("In 2 weeks"), "1m": N_("In 1 month")}
REASON_LABELS = {
    "no_concern": N_("No concern after all"),
    "resolved": N_("Resolved"),
    "handed_over": N_("Handed over"),
}


@dataclass
class DecideDraft:
    ref: str
    reason: str = ""


async def start(ctx: Context, case: CaseRecord, _extra: str = "") -> None:
    await begin(ctx, DECIDE, DecideDraft(case.reference))


def _ask_decide(_ctx: Context, draft: DecideDraft) -> Question:
    choices = [[Choice(_(label), "decide", code)] for code, label in STEPS.items()]
    return Question(_("What is the next step for {ref}?", ref=draft.ref), choices)


async def _decided(ctx: Context, draft: DecideDraft, choice: str) -> Next:
    """Ask what the choice needs next, or record it at once."""
    if choice in ("monitor", "consult", "close"):
        return Go({"monitor": "when", "consult": "kind", "close": "reason"}[choice])
    return await _professional(ctx, draft, choice)


def _ask_when(_ctx: Context, _draft: DecideDraft) -> Question:
    choices = [[Choice(_(label), "when", code)] for code, label in PERIOD_LABELS.items()]
    return Question(_("When do you want to follow up?"), choices)


async def _ask_kind(ctx: Context, draft: DecideDraft) -> Question:
    case = await ctx.uow.cases.by_reference(draft.ref)
    kinds = await consult.kinds(ctx, case) if case is not None else []
    choices = [[Choice(_(KINDS[kind]), "kind", kind)] for kind in kinds]
    return Question(_("Whom do you want to consult?"), choices)


async def _consult(ctx: Context, draft: DecideDraft, kind: str) -> Next:
    case = await _case(ctx, draft)
    if case is None:
        return Done()
    if kind not in await consult.kinds(ctx, case):
        ctx.use_buttons()
        return STAY
    await consult.consult(ctx, case, kind)
    return Done()


def _ask_reason(_ctx: Context, _draft: DecideDraft) -> Question:
    choices = [[Choice(_(label), "reason", code)] for code, label in REASON_LABELS.items()]
    return Question(_("Why is the case closed?"), choices)


async def _reason(_ctx: Context, draft: DecideDraft, reason: str) -> Next:
    draft.reason = reason
    return Go("farewell")


def _ask_farewell(_ctx: Context, _draft: DecideDraft) -> Question:
    return Question(
        _(
            "Write a short message for the key person: it goes with the news that the case "
            "is closed. No names or numbers, please."
        ),
        [[Choice(_("Close without a message"), "skip")]],
    )


async def _farewell(ctx: Context, draft: DecideDraft, text: str) -> Next:
    return await note.check_message(ctx, text, lambda cleaned: _close(ctx, draft, cleaned))


async def _farewell_checked(ctx: Context, draft: DecideDraft, text: str | None) -> Next:
    if text is note.REWRITE:
        return Go("farewell")
    return await _close(ctx, draft, text)


async def _without_message(ctx: Context, draft: DecideDraft, _arg: str) -> Next:
    return await _close(ctx, draft, None)


async def _case(ctx: Context, draft: DecideDraft) -> CaseRecord | None:
    """The case, if the person still handles it and it is still being handled."""
    case = await access.reload(ctx, draft.ref, access.is_handler)
    if case is not None and case.status not in HANDLING:
        ctx.reply(_("Case {ref} is closed.", ref=case.reference), ctx.menu())
        return None
    return case


async def _when(ctx: Context, draft: DecideDraft, period: str) -> Next:
    case = await _case(ctx, draft)
    if case is not None:
        await _monitor(ctx, case, period)
    return Done()


async def _monitor(ctx: Context, case: CaseRecord, period: str) -> None:
    due = await followup.schedule(ctx, case, period)
    await ctx.uow.cases.set_handling(case.id, status=MONITORING, follow_up_at=due)
    await ctx.uow.cases.record(case.id, f"monitor.{period}", now=ctx.now, actor_id=ctx.person.id)
    if case.key_person_id:
        await ctx.notify(
            case.key_person_id,
            _(
                "{name} keeps following your concern {ref} and will come back to it on {date}.",
                name=ctx.person.display_name,
                ref=case.reference,
                date=due,
            ),
            case=case.reference,
        )
    text = _(
        "{ref} is being followed. On {date} you will get a reminder, and the key person hears "
        "that you will follow up.",
        ref=case.reference,
        date=due,
    )
    ctx.reply(text, keyboard(open_button(case.reference)))


async def _professional(ctx: Context, draft: DecideDraft, action: str) -> Next:
    """A professional took over, or a report was made: the case is with them now."""
    case = await _case(ctx, draft)
    if case is None:
        return Done()
    await followup.cancel(ctx, case)
    await ctx.uow.cases.set_handling(case.id, status=REFERRED, follow_up_at=None)
    await ctx.uow.cases.record(case.id, action, now=ctx.now, actor_id=ctx.person.id)
    if case.key_person_id and case.status != REFERRED:
        await ctx.notify(
            case.key_person_id,
            _(
                "A professional is now involved in your concern {ref}. {name} stays your contact.",
                ref=case.reference,
                name=ctx.person.display_name,
            ),
            case=case.reference,
        )
    ctx.reply(_("Recorded for {ref}.", ref=case.reference), keyboard(open_button(case.reference)))
    return Done()


async def _close(ctx: Context, draft: DecideDraft, text: str | None) -> Next:
    case = await _case(ctx, draft)
    if case is None:
        return Done()
    reason = draft.reason
    await followup.cancel(ctx, case)
    await ctx.uow.cases.set_handling(case.id, status=CLOSED, closed_at=ctx.now, follow_up_at=None)
    await ctx.uow.cases.record(
        case.id, f"closed.{reason}", now=ctx.now, actor_id=ctx.person.id, body=text
    )
    if case.key_person_id:
        await ctx.notify(case.key_person_id, _closed_notice(ctx, case, text), case=case.reference)
    await cleanphone.offer_tidy(ctx, case)
    ctx.reply(_("{ref} is closed. The key person has been told.", ref=case.reference), ctx.menu())
    return Done()


def _closed_notice(ctx: Context, case: CaseRecord, text: str | None) -> Text:
    thanks = _(
        "Thank you for taking it seriously. If something does not feel right again, you can "
        "always log a new concern."
    )
    if text is None:
        return _("Your concern {ref} is closed. {thanks}", ref=case.reference, thanks=thanks)
    return _(
        "Your concern {ref} is closed. {name} writes:\n\n{text}\n\n{thanks}",
        ref=case.reference,
        name=ctx.person.display_name,
        text=verbatim(text),
        thanks=thanks,
    )


DECIDE = Dialogue(
    "decide",
    DecideDraft,
    steps=(
        Step(
            "decide",
            ask=_ask_decide,
            buttons={
                "decide": Answer(
                    _decided,
                    to=("when", "kind", "reason", END),
                    label="monitor / consult / close; took over or reported (recorded)",
                    args=STEPS,
                )
            },
        ),
        Step(
            "when",
            ask=_ask_when,
            buttons={
                "when": Answer(
                    _when, to=(END,), label="a period (follow-up timer set)", args=PERIOD_LABELS
                )
            },
        ),
        Step(
            "kind",
            ask=_ask_kind,
            buttons={
                "kind": Answer(
                    _consult, to=(END,), label="a kind (whom to call, summary)", args=KINDS
                )
            },
        ),
        Step(
            "reason",
            ask=_ask_reason,
            buttons={
                "reason": Answer(_reason, to=("farewell",), label="a reason", args=REASON_LABELS)
            },
        ),
        Step(
            "farewell",
            ask=_ask_farewell,
            text=Answer(
                _farewell,
                to=(END, note.TEXT_CHECK.name),
                label="a message (closed, or shown cleaned)",
            ),
            returns=Answer(_farewell_checked, to=(END, "farewell"), label="send / write again"),
            buttons={"skip": Answer(_without_message, to=(END,), label="close without a message")},
        ),
    ),
    title="Decide next step",
)
NAME = DECIDE.name
