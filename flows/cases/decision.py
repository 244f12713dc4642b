"""The handler decides the next step of a case: monitor, consult a professional,
record that a professional took over or a report was made, or close it.

Every decision lands in the chronology, and the key person always hears the
outcome without details: that it is being followed, that a professional is
involved, that it is closed (with the handler's own words if they wrote some,
cleaned like every text). The case is checked again before anything is changed:
someone else may have closed or taken it meanwhile.

```mermaid
stateDiagram-v2
    [*] --> decide: Decide next step
    decide --> when: monitor
    when --> [*]: 1 week / 2 weeks / 1 month (follow-up timer set)
    decide --> kind: consult
    kind --> [*]: a kind (whom to call, summary to read out)
    decide --> [*]: a professional took over / a report was made
    decide --> reason: close
    reason --> farewell: a reason
    farewell --> farewell: too long, or the check failed
    farewell --> [*]: a message, nothing taken out (closed, key person told)
    farewell --> farewell_check: something taken out
    farewell_check --> farewell: write again
    farewell_check --> [*]: send (closed, key person told)
    farewell --> [*]: close without a message
```
"""

from __future__ import annotations

from flows.cases import consult, followup, note
from flows.cases.casefile import CLOSED, HANDLING, MONITORING, REFERRED
from flows.cases.directory import KINDS
from flows.cases.escalation import open_button
from flows.core.context import Choice, Context
from flows.core.messages import N_, Text, _, keyboard, verbatim
from flows.privacy import access, cleanphone
from storage.records import CaseRecord

NAME = "decide"
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


async def start(ctx: Context, case: CaseRecord, _extra: str = "") -> None:
    choices = [[Choice(_(label), "decide", code)] for code, label in STEPS.items()]
    ctx.ask(
        NAME,
        "decide",
        _("What is the next step for {ref}?", ref=case.reference),
        choices,
        draft={"ref": case.reference},
    )


async def on_choice(ctx: Context, action: str, arg: str) -> None:
    step = ctx.state.step
    if step == "decide" and action == "decide" and arg in STEPS:
        await _decided(ctx, arg)
    elif step == "when" and action == "when" and arg in PERIOD_LABELS:
        await _monitor(ctx, arg)
    elif step == "kind" and action == "kind" and arg in KINDS:
        case = await _case(ctx)
        if case is not None and arg in await consult.kinds(ctx, case):
            ctx.finish()
            await consult.consult(ctx, case, arg)
        elif case is not None:
            ctx.use_buttons()
    elif step == "reason" and action == "reason" and arg in REASON_LABELS:
        ctx.draft["reason"] = arg
        _ask_farewell(ctx)
    elif step == "farewell" and action == "skip":
        await _close(ctx, None)
    elif step == "farewell_check" and action == "send":
        await _close(ctx, ctx.draft["text"])
    elif step == "farewell_check" and action == "rewrite":
        _ask_farewell(ctx)
    else:
        ctx.use_buttons()


async def _decided(ctx: Context, choice: str) -> None:
    """Ask what the choice needs next, or record it at once."""
    if choice == "monitor":
        choices = [[Choice(_(label), "when", code)] for code, label in PERIOD_LABELS.items()]
        ctx.ask(NAME, "when", _("When do you want to follow up?"), choices)
    elif choice == "consult":
        case = await _case(ctx)
        if case is not None:
            kinds = await consult.kinds(ctx, case)
            choices = [[Choice(_(KINDS[kind]), "kind", kind)] for kind in kinds]
            ctx.ask(NAME, "kind", _("Whom do you want to consult?"), choices)
    elif choice == "close":
        choices = [[Choice(_(label), "reason", code)] for code, label in REASON_LABELS.items()]
        ctx.ask(NAME, "reason", _("Why is the case closed?"), choices)
    else:
        await _professional(ctx, choice)


async def on_text(ctx: Context) -> None:
    """Only the closing message is typed."""
    if ctx.state.step != "farewell":
        ctx.use_buttons()
        return
    await note.send_cleaned(ctx, "farewell_check", _close)


def _ask_farewell(ctx: Context) -> None:
    ctx.ask(
        NAME,
        "farewell",
        _(
            "Write a short message for the key person: it goes with the news that the case "
            "is closed. No names or numbers, please."
        ),
        [[Choice(_("Close without a message"), "skip")]],
    )


async def _case(ctx: Context) -> CaseRecord | None:
    """The case, if the person still handles it and it is still being handled."""
    case = await access.reload(ctx, ctx.draft["ref"], access.is_handler)
    if case is not None and case.status not in HANDLING:
        ctx.finish()
        ctx.reply(_("Case {ref} is closed.", ref=case.reference), ctx.menu())
        return None
    return case


def _done(ctx: Context, text: Text, case: CaseRecord) -> None:
    ctx.finish()
    ctx.reply(text, keyboard(open_button(case.reference)))


async def _monitor(ctx: Context, period: str) -> None:
    case = await _case(ctx)
    if case is None:
        return
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
    _done(ctx, text, case)


async def _professional(ctx: Context, action: str) -> None:
    """A professional took over, or a report was made: the case is with them now."""
    case = await _case(ctx)
    if case is None:
        return
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
    _done(ctx, _("Recorded for {ref}.", ref=case.reference), case)


async def _close(ctx: Context, text: str | None) -> None:
    case = await _case(ctx)
    if case is None:
        return
    reason = ctx.draft["reason"]
    await followup.cancel(ctx, case)
    await ctx.uow.cases.set_handling(case.id, status=CLOSED, closed_at=ctx.now, follow_up_at=None)
    await ctx.uow.cases.record(
        case.id, f"closed.{reason}", now=ctx.now, actor_id=ctx.person.id, body=text
    )
    if case.key_person_id:
        await ctx.notify(case.key_person_id, _closed_notice(ctx, case, text), case=case.reference)
    await cleanphone.offer_tidy(ctx, case)
    ctx.finish()
    ctx.reply(_("{ref} is closed. The key person has been told.", ref=case.reference), ctx.menu())


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
