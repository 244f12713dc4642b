"""Consulting a professional: whom to call from the organisation's directory, and an
anonymised summary to read out to them.

The summary holds only what may be shared without the client's consent: the
initials, the age group, whether there are children in the household, the
signals and the steps taken so far with their dates. Never the note, the
messages, the relation, or any name (neither the key person's nor the
confidant's). Veilig Thuis can always be called anonymously, so its national
number is offered when the directory has no entry of that kind.
"""

from __future__ import annotations

from flows.cases.buttons import decide_button, open_button
from flows.cases.casefile import AGE_GROUPS, YES_NO_UNKNOWN
from flows.cases.chronology import anonymous_steps
from flows.cases.directory import KINDS
from flows.cases.signals import in_catalogue_order, signal_label
from flows.core.context import Context
from flows.core.messages import Text, _, keyboard, verbatim
from storage.records import CaseRecord, DirectoryRecord

VEILIG_THUIS = "veilig_thuis"
NATIONAL = DirectoryRecord(0, 0, VEILIG_THUIS, "Veilig Thuis", "0800-2000")


def summary(case: CaseRecord, steps: list[Text]) -> Text:
    """The anonymised summary: nothing beyond initials, age, child check, signals, steps."""
    return _(
        "About: {initials}\n"
        "Age: {age}\n"
        "Children in the household: {children}\n"
        "Signals:\n{signals}\n"
        "Steps so far:\n{steps}",
        initials=verbatim(case.initials) if case.initials else _("not given"),
        age=_(AGE_GROUPS[case.age_group]) if case.age_group in AGE_GROUPS else _("not given"),
        children=(
            _(YES_NO_UNKNOWN[case.children]) if case.children in YES_NO_UNKNOWN else _("not given")
        ),
        signals=[signal_label(code) for code in in_catalogue_order(list(case.signals))]
        or [_("none chosen yet")],
        steps=steps,
    )


async def entries(ctx: Context, case: CaseRecord, kind: str) -> list[DirectoryRecord]:
    found = await ctx.uow.directory.entries(case.organisation_id, kind)
    return found or ([NATIONAL] if kind == VEILIG_THUIS else [])


async def kinds(ctx: Context, case: CaseRecord) -> list[str]:
    """The kinds the directory has someone for, and Veilig Thuis, which is always there."""
    present = {e.kind for e in await ctx.uow.directory.entries(case.organisation_id)}
    return [kind for kind in KINDS if kind in present or kind == VEILIG_THUIS]


async def consult(ctx: Context, case: CaseRecord, kind: str) -> None:
    """Show whom to call and what to read out; the key person hears that a professional
    is being asked, once, without details."""
    earlier = await ctx.uow.cases.events(case.id)
    await ctx.uow.cases.record(case.id, f"consulted.{kind}", now=ctx.now, actor_id=ctx.person.id)
    if case.key_person_id and not any(e.action.startswith("consulted.") for e in earlier):
        await ctx.notify(
            case.key_person_id,
            _(
                "{name} is asking a professional for advice about your concern {ref}, "
                "without names.",
                name=ctx.person.display_name,
                ref=case.reference,
            ),
            case=case.reference,
        )
    steps = anonymous_steps(await ctx.uow.cases.events(case.id))
    ctx.reply(
        _(
            "{kind} — you can call:\n{contacts}\n\n"
            "Read out only this (no names, no notes):\n\n{summary}",
            kind=_(KINDS[kind]),
            contacts=[
                _("{name}: {phone}", name=verbatim(e.name), phone=e.phone)
                for e in await entries(ctx, case, kind)
            ],
            summary=summary(case, steps),
        ),
        keyboard(
            decide_button(case.reference),
            open_button(case.reference),
        ),
        protect=True,
        shows_case=case.reference,
    )
