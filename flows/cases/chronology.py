"""The chronology of a case, read two ways.

`show`: for the helpers, who did what when, with the messages and notes (the only
content the chronology holds, decrypted by storage). Reading leaves a trace too,
but reads are not steps, so they are not listed.

`access_log`: for coordinators, every read and change — who and when — without
any text: the audit trail of the case.

`anonymous_steps`: the steps alone, dated, without names or any text — what a
confidant may read out to a professional.
"""

from __future__ import annotations

from flows.cases.buttons import open_button
from flows.cases.directory import KINDS
from flows.core.context import Context
from flows.core.messages import N_, Text, _, keyboard, verbatim
from storage.records import CaseEventRecord, CaseRecord

MAX_SHOWN = 60
READS = frozenset({"opened", "chronology"})
# steps the clock and the routing take by themselves; any other step without an actor was
# taken by someone who has since left and erased their data
BY_SLEUTEL = frozenset(
    {"alerted", "reminded", "unreachable", "unrouted", "follow_up", "participant_left"}
)
RISKS = {"low": N_("low"), "medium": N_("medium"), "high": N_("high"), "acute": N_("acute")}
PERIODS = {"1w": N_("in 1 week"), "2w": N_("in 2 weeks"), "1m": N_("in 1 month")}
REASONS = {
    "no_concern": N_("no concern after all"),
    "resolved": N_("resolved"),
    "handed_over": N_("handed over"),
}
# action (before any ".code") -> what it reads as; {target} is whom it concerned
ACTIONS = {
    "created": N_("logged the concern"),
    "updated": N_("added to the description"),
    "confirmed": N_("finished the description"),
    "stopped": N_("stopped describing; the urgent case stays"),
    "alerted": N_("alerted {target}"),
    "reminded": N_("reminded {target}"),
    "unreachable": N_("could not reach {target}"),
    "unrouted": N_("could reach nobody"),
    "denied": N_("was refused access"),
    "acknowledged": N_("picked up the case"),
    "message": N_("wrote to {target}"),
    "assessed": N_("recorded an assessment: risk {detail}"),
    "monitor": N_("decided to monitor; follow-up {detail}"),
    "follow_up": N_("reminded {target} of the follow-up day"),
    "consulted": N_("consulted a professional: {detail}"),
    "took_over": N_("recorded that a professional took over"),
    "reported": N_("recorded that a report was made"),
    "closed": N_("closed the case: {detail}"),
    "reassigned": N_("passed the case on to {target}"),
    "added_signals": N_("added signals"),
    "added_note": N_("added an update"),
    "cleared": N_("cleared the concern from their phone"),
    "tidied": N_("deleted the messages about the case from their phone"),
    "opened": N_("opened the case"),
    "chronology": N_("read the chronology"),
    "audited": N_("read the access log"),
    "participant_left": N_("someone involved left Sleutel"),
}
# the steps a professional may hear about, without names: action -> text
STEPS = {
    "created": N_("concern noted by a key person"),
    "acknowledged": N_("picked up by the confidant"),
    "message": N_("confidant and key person in touch"),
    "assessed": N_("assessed: risk {detail}"),
    "monitor": N_("monitoring; follow-up {detail}"),
    "follow_up": N_("follow-up"),
    "consulted": N_("professional consulted: {detail}"),
    "added_signals": N_("key person added signals"),
    "added_note": N_("key person added information"),
    "reassigned": N_("passed on to another confidant"),
}


def _parts(event: CaseEventRecord) -> tuple[str, Text | str]:
    """`assessed.high` -> ("assessed", the label of "high" in the reader's language)."""
    action, _dot, code = event.action.partition(".")
    for labels in (RISKS, PERIODS, REASONS, KINDS):
        if code in labels:
            return action, _(labels[code])
    return action, code


async def show(ctx: Context, case: CaseRecord, _extra: str = "") -> None:
    """Who did what when, and the messages; the newest last."""
    await ctx.uow.cases.record(case.id, "chronology", now=ctx.now, actor_id=ctx.person.id)
    events = [e for e in await ctx.uow.cases.events(case.id) if e.action not in READS]
    names: dict[int | None, str] = {}
    lines = []
    for event in events[-MAX_SHOWN:]:
        lines.append(await _line(ctx, event, names))
    ctx.reply(
        _("Chronology of {ref}:\n{lines}", ref=case.reference, lines=lines),
        keyboard(open_button(case.reference)),
        protect=True,
        shows_case=case.reference,
    )


async def access_log(ctx: Context, case: CaseRecord) -> None:
    """Who opened or changed the case, and when; never the messages or notes."""
    await ctx.uow.cases.record(case.id, "audited", now=ctx.now, actor_id=ctx.person.id)
    events = await ctx.uow.cases.events(case.id)
    names: dict[int | None, str] = {}
    lines = [await _line(ctx, event, names, with_text=False) for event in events[-MAX_SHOWN:]]
    ctx.reply(_("Access log of {ref}:\n{lines}", ref=case.reference, lines=lines), ctx.menu())


async def _line(
    ctx: Context, event: CaseEventRecord, names: dict[int | None, str], *, with_text: bool = True
) -> Text:
    action, detail = _parts(event)
    for person_id in (event.actor_id, event.target_id):
        if person_id not in names:
            person = await ctx.uow.people.get(person_id) if person_id else None
            names[person_id] = person.display_name if person else "—"
    what = (
        _(ACTIONS[action], target=names[event.target_id], detail=detail)
        if action in ACTIONS
        else verbatim(event.action)
    )
    if event.actor_id is not None:
        who = verbatim(names[event.actor_id])
    elif action in BY_SLEUTEL:
        who = _("Sleutel")
    else:  # someone who has since erased their data
        who = verbatim("—")
    if event.body and with_text:
        return _(
            "{when} · {who} {what}\n“{body}”",
            when=event.at,
            who=who,
            what=what,
            body=verbatim(event.body),
        )
    return _("{when} · {who} {what}", when=event.at, who=who, what=what)


def anonymous_steps(events: list[CaseEventRecord]) -> list[Text]:
    """Dated steps without names or text; a run of the same step is said once."""
    steps: list[Text] = []
    last = None
    for event in events:
        action, detail = _parts(event)
        if action not in STEPS or (action, detail) == last:
            continue
        last = (action, detail)
        steps.append(_("{when}: {step}", when=event.at, step=_(STEPS[action], detail=detail)))
    return steps
