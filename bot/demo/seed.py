"""The made-up organisation the demo starts with: a coordinator, two confidants,
three key persons in different languages, and a directory of professionals.

People are written to storage as if they had enrolled (consent given, display
name chosen); their chats then start with `/start`, which shows their menu.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from flows.core.roles import CONFIDANT, COORDINATOR, KEY_PERSON
from storage.database import Database

ORGANISATION = "Buurtwerk Demo"


@dataclass
class DemoPerson:
    key: str  # how scenarios name them
    telegram_id: int
    name: str
    role: str
    locale: str
    person_id: int | None = None


PEOPLE = (
    DemoPerson("ingrid", 7001, "Ingrid", COORDINATOR, "en"),
    DemoPerson("saskia", 7002, "Saskia", CONFIDANT, "en"),
    DemoPerson("bram", 7003, "Bram", CONFIDANT, "nl"),
    DemoPerson("amina", 7004, "Amina", KEY_PERSON, "ar"),
    DemoPerson("semhar", 7005, "Semhar", KEY_PERSON, "ti"),
    DemoPerson("ayse", 7006, "Ayşe", KEY_PERSON, "tr"),
)

#: Made-up professionals; numbers from the 555 range that no one answers.
DIRECTORY = (
    ("neighbourhood_team", "Buurtteam Noord (demo)", "020 555 0101"),
    ("domestic_violence", "Blijf Groep (demo)", "020 555 0102"),
)


async def seed(db: Database, now: datetime) -> tuple[int, list[DemoPerson]]:
    """Create the organisation, its people and its directory; returns the
    organisation's id and the people with their ids."""
    people = [DemoPerson(p.key, p.telegram_id, p.name, p.role, p.locale) for p in PEOPLE]
    async with db.unit_of_work() as uow:
        org = await uow.people.add_organisation(ORGANISATION, now=now, locale="nl")
        by_key: dict[str, DemoPerson] = {}
        for person in people:
            person.person_id = await uow.people.add_person(
                telegram_id=person.telegram_id,
                display_name=person.name,
                locale=person.locale,
                now=now,
            )
            by_key[person.key] = person
            links = {}
            if person.role == KEY_PERSON:  # Saskia supports them, Bram stands in
                links = {
                    "confidant_id": by_key["saskia"].person_id,
                    "backup_id": by_key["bram"].person_id,
                }
            await uow.people.add_membership(person.person_id, org, person.role, **links)
        for kind, name, phone in DIRECTORY:
            await uow.directory.add(org, kind=kind, name=name, phone=phone, now=now)
    return org, people
