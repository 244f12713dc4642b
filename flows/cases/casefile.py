"""What a case records besides signals, and how its details read.

Answers are stored as codes (age group, relation, child check) and shown in
the reader's language: the key person's summary and the confidant's view use
the same `details` text, so both see the same facts.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence

from flows.cases.signals import in_catalogue_order, signal_label
from flows.core.context import Context
from flows.core.messages import N_, LanguageName, Text, _, verbatim
from storage.records import CaseRecord

OPEN = "open"
ACKNOWLEDGED = "acknowledged"
MONITORING = "monitoring"
REFERRED = "referred"
CLOSED = "closed"
HANDLING = (ACKNOWLEDGED, MONITORING, REFERRED)  # picked up, not closed: the handler acts
NOT_CLOSED = (OPEN, *HANDLING)

AGE_GROUPS = {
    "child": N_("Child under 12"),
    "teen": N_("Young person 12-17"),
    "adult": N_("Adult"),
    "older": N_("Older person"),
}
RELATIONS = {
    "participant": N_("Takes part in an activity"),
    "participant_child": N_("Child of a participant"),
    "neighbour": N_("Neighbour"),
    "participant_family": N_("Family of a participant"),
    "other": N_("Other"),
}
YES_NO_UNKNOWN = {
    "yes": N_("Yes"),
    "no": N_("No"),
    "unknown": N_("I don't know"),
}


def _label(labels: dict[str, str], code: str | None) -> Text:
    return _(labels[code]) if code in labels else _("not given")


def details(
    *,
    initials: str | None,
    age_group: str | None,
    relation: str | None,
    children: str | None,
    signals: Sequence[str],
    honour: bool,
    note: str | None,
    note_locale: str | None = None,
) -> Text:
    """The facts of a concern, one per line, in the reader's language; the note as the
    key person wrote it, labelled with its language."""
    return _(
        "About: {initials}\n"
        "Age: {age}\n"
        "Relation: {relation}\n"
        "Children in the household: {children}\n"
        "Signals:\n{signals}\n"
        "Honour-related: {honour}\n"
        "Note: {note}",
        initials=verbatim(initials) if initials else _("not given"),
        age=_label(AGE_GROUPS, age_group),
        relation=_label(RELATIONS, relation),
        children=_label(YES_NO_UNKNOWN, children),
        signals=[signal_label(code) for code in in_catalogue_order(list(signals))]
        or [_("none chosen yet")],
        honour=_("yes — always consult an expert") if honour else _("no"),
        note=_written(note, note_locale),
    )


def _written(note: str | None, locale: str | None) -> Text:
    if not note:
        return _("none")
    if not locale:
        return verbatim(note)
    return _("{note}\n(written in {language})", note=verbatim(note), language=LanguageName(locale))


async def name_of(ctx: Context, person_id: int | None) -> str:
    """A helper's display name, or a dash when nobody is (or is any longer) there."""
    person = await ctx.uow.people.get(person_id) if person_id else None
    return person.display_name if person else "—"


async def key_person_name(ctx: Context, case: CaseRecord) -> Text | str:
    """Who logged the case; "former key person" once they left and erased their data."""
    return named_key_person(case, await names_in(ctx, [case]))


async def names_in(ctx: Context, cases: Iterable[CaseRecord]) -> dict[int, str]:
    """The names of the key persons and handlers of `cases`, in one statement: a list
    of ten cases is one lookup, not twenty."""
    ids = [pid for case in cases for pid in (case.key_person_id, case.handler_id) if pid]
    return await ctx.uow.people.display_names(ids)


def named_key_person(case: CaseRecord, names: Mapping[int, str]) -> Text | str:
    return names.get(case.key_person_id or 0) or _("former key person")
