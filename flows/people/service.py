"""What may be done to an organisation's people, the same from the bot (`/people`,
`/invite`) and from the terminal (`sleutel assign`, `sleutel pause`, ...).

Only an active confidant of the key person's own organisation can become their
confidant or backup; an assignment is recorded (`person.assign_confidant`,
`person.assign_backup`) and the people it concerns are told through the outbox,
whoever made it. Pausing and making active again are recorded the same way, and so
is setting someone's area (`person.set_area`: the neighbourhood they work in, which
broadcasts can go by).

Each function takes what it needs (the unit of work, the organisation, who acts,
`now`) and returns what it did, or raises `Refused` before anything changed: its
text is one line in English for the terminal; the bot answers in its own words,
in the person's language.
"""

from __future__ import annotations

import dataclasses
import unicodedata
from dataclasses import dataclass
from datetime import datetime

from flows.core.messages import Reply, Text, _, to_json
from flows.core.ports import Storage
from flows.core.roles import CONFIDANT, KEY_PERSON
from storage.records import PersonRecord


class Refused(Exception):
    """A rule says no; nothing was changed. The text is one line for the terminal."""


def short_id(person_id: int) -> str:
    """`P12`: how people are named in the bot's lists and in the terminal."""
    return f"P{person_id}"


async def active_confidants(uow: Storage, organisation_id: int) -> list[PersonRecord]:
    return [p for p in await uow.people.in_organisation(organisation_id, CONFIDANT) if p.active]


async def member(uow: Storage, organisation_id: int, person_id: int) -> PersonRecord:
    """Someone of this organisation: only they can be managed from it."""
    person = await uow.people.get(person_id)
    if person is None or not any(m.organisation_id == organisation_id for m in person.memberships):
        raise Refused(f"{short_id(person_id)} is not a member of this organisation")
    return person


async def key_person(uow: Storage, organisation_id: int, person_id: int) -> PersonRecord:
    person = await uow.people.get(person_id)
    if person is None or not any(
        m.role == KEY_PERSON and m.organisation_id == organisation_id for m in person.memberships
    ):
        raise Refused(f"{short_id(person_id)} is not a key person of this organisation")
    return person


async def confidant(
    uow: Storage, organisation_id: int, person_id: int, *, which: str = "confidant"
) -> PersonRecord:
    """An active confidant of this organisation, who can become a key person's `which`
    (confidant or backup)."""
    person = await uow.people.get(person_id)
    if person is None or not any(
        m.role == CONFIDANT and m.organisation_id == organisation_id for m in person.memberships
    ):
        raise Refused(f"{short_id(person_id)} is not a confidant of this organisation ({which})")
    if not person.active:
        raise Refused(
            f"{short_id(person_id)} is paused: only an active confidant can be chosen ({which})"
        )
    return person


async def candidates(uow: Storage, organisation_id: int, key_person_id: int) -> list[PersonRecord]:
    """Who can become this key person's confidant or backup."""
    return [p for p in await active_confidants(uow, organisation_id) if p.id != key_person_id]


@dataclass(frozen=True)
class Assigned:
    key_person: PersonRecord
    confidant: PersonRecord | None
    backup: PersonRecord | None


async def assign(
    uow: Storage,
    *,
    organisation_id: int,
    key_person_id: int,
    confidant_id: int | None = None,
    backup_id: int | None = None,
    actor_id: int | None,
    now: datetime,
) -> Assigned:
    """Give a key person a new confidant and/or backup. The chosen confidant is told whom
    they now support; the key person hears who their confidant is now."""
    if confidant_id is None and backup_id is None:
        raise Refused("choose a confidant or a backup confidant")
    target = await key_person(uow, organisation_id, key_person_id)
    chosen = {}
    for which, person_id in (("confidant", confidant_id), ("backup", backup_id)):
        if person_id is None:
            continue
        if person_id == key_person_id:
            raise Refused(f"{short_id(person_id)} cannot be their own {which}")
        chosen[which] = await confidant(uow, organisation_id, person_id, which=which)
    await uow.people.assign(
        key_person_id, organisation_id, confidant_id=confidant_id, backup_id=backup_id
    )
    for which, person in chosen.items():
        await uow.audit.record(
            f"person.assign_{which}",
            now=now,
            actor_id=actor_id,
            subject=short_id(key_person_id),
            organisation_id=organisation_id,
        )
        await _tell(
            uow,
            person.id,
            _("You now support {name} as their confidant.", name=target.display_name),
            now,
        )
        if which == "confidant":
            await _tell(
                uow, target.id, _("Your confidant is now {name}.", name=person.display_name), now
            )
    return Assigned(target, chosen.get("confidant"), chosen.get("backup"))


async def set_active(
    uow: Storage,
    *,
    organisation_id: int,
    person_id: int,
    active: bool,
    actor_id: int | None,
    now: datetime,
) -> PersonRecord:
    """Pause someone (they can use nothing until made active again), or make them active
    again; recorded as `person.pause` or `person.resume`."""
    person = await member(uow, organisation_id, person_id)
    await uow.people.set_active(person.id, active, now=now)
    await uow.audit.record(
        "person.resume" if active else "person.pause",
        now=now,
        actor_id=actor_id,
        subject=short_id(person.id),
        organisation_id=organisation_id,
    )
    return person


MAX_AREA = 40  # person.area is String(40)


def clean_area(area: str | None) -> str | None:
    """An area as it is kept: without control characters, single spaces; None when
    nothing is left (no area). Refused when it is longer than `MAX_AREA`."""
    if area is None:
        return None
    text = " ".join(unicodedata.normalize("NFC", area).split())  # a newline is a space
    text = "".join(ch for ch in text if unicodedata.category(ch)[0] != "C")
    text = " ".join(text.split())
    if len(text) > MAX_AREA:
        raise Refused(f"an area is at most {MAX_AREA} characters")
    return text or None


async def set_area(
    uow: Storage,
    organisation_id: int,
    person_id: int,
    area: str | None,
    *,
    actor_id: int | None,
    now: datetime,
) -> PersonRecord:
    """Give someone of the organisation an area (a neighbourhood such as "De Pijp"), or
    none (`area` empty or None); recorded as `person.set_area`, without the area itself.
    An area the organisation already has, written in other capitals, is kept as it was
    first written, so "de pijp" does not become a second De Pijp."""
    person = await member(uow, organisation_id, person_id)
    cleaned = clean_area(area)
    if cleaned is not None:
        cleaned = next(
            (
                known
                for known in await uow.people.areas(organisation_id)
                if known.casefold() == cleaned.casefold()
            ),
            cleaned,
        )
    await uow.people.set_area(person.id, cleaned)
    await uow.audit.record(
        "person.set_area",
        now=now,
        actor_id=actor_id,
        subject=short_id(person.id),
        organisation_id=organisation_id,
    )
    return dataclasses.replace(person, area=cleaned)


async def _tell(uow: Storage, person_id: int, text: Text, now: datetime) -> None:
    """A message for someone else, queued in the outbox as `Context.notify` queues it."""
    await uow.outbox.add(person_id, to_json(Reply(text)), now=now)
