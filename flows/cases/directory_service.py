"""The directory's rules, the same for `/directory` in the bot and `sleutel directory`
in the terminal: the kinds of help, how a name and a phone number are checked, and
adding or removing an entry (recorded as `directory.add` / `directory.remove`).

Entries are organisations and their public numbers, not people the bot serves,
so they are kept as they are. Phone numbers are checked with `phonenumbers`
(Dutch numbers without the +31 too). A rule that says no raises `Refused` before
anything changed (`BadName`, `BadPhone` for what was typed).
"""

from __future__ import annotations

from datetime import datetime

import phonenumbers

from flows.core.messages import N_
from flows.core.ports import Storage
from flows.people.service import Refused
from storage.records import DirectoryRecord

KINDS = {
    "domestic_violence": N_("Domestic violence"),
    "child_abuse": N_("Child abuse"),
    "elder_abuse": N_("Elder abuse"),
    "honour": N_("Honour-related violence"),
    "neighbourhood_team": N_("Neighbourhood team"),
    "veilig_thuis": N_("Veilig Thuis"),
}
MAX_NAME = 120


class BadName(Refused):
    """Empty, or longer than `MAX_NAME`."""


class BadPhone(Refused):
    """Not something that can be a Dutch or international number."""


def clean_name(text: str) -> str | None:
    name = " ".join(text.split())
    return name if 0 < len(name) <= MAX_NAME else None


def clean_phone(text: str) -> str | None:
    """The number as typed (tidied), when it can be a Dutch or international number."""
    number = " ".join(text.split())
    try:
        parsed = phonenumbers.parse(number, "NL")
    except phonenumbers.NumberParseException:
        return None
    return number if len(number) <= 40 and phonenumbers.is_possible_number(parsed) else None


def checked_name(text: str) -> str:
    name = clean_name(text)
    if name is None:
        raise BadName(f"a name must be 1 to {MAX_NAME} characters")
    return name


def checked_phone(text: str) -> str:
    phone = clean_phone(text)
    if phone is None:
        raise BadPhone(f"not a phone number: {text!r}")
    return phone


async def add_entry(
    uow: Storage,
    *,
    organisation_id: int,
    kind: str,
    name: str,
    phone: str,
    actor_id: int | None,
    now: datetime,
) -> DirectoryRecord:
    """Add a professional to the organisation's directory, name and number as checked."""
    if kind not in KINDS:
        raise Refused(f"not a kind of help: {kind!r} (one of {', '.join(KINDS)})")
    entry = await uow.directory.add(
        organisation_id, kind=kind, name=checked_name(name), phone=checked_phone(phone), now=now
    )
    await uow.audit.record(
        "directory.add",
        now=now,
        actor_id=actor_id,
        subject=f"D{entry.id}",
        organisation_id=organisation_id,
    )
    return entry


async def remove_entry(
    uow: Storage, *, organisation_id: int, entry_id: int, actor_id: int | None, now: datetime
) -> None:
    """Remove an entry, only one of this organisation's own."""
    if not await uow.directory.remove(organisation_id, entry_id):
        raise Refused(f"D{entry_id} is not in this organisation's directory")
    await uow.audit.record(
        "directory.remove",
        now=now,
        actor_id=actor_id,
        subject=f"D{entry_id}",
        organisation_id=organisation_id,
    )
