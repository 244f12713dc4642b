"""Flow tests without Telegram: events straight into the engine, replies as msgids.

People are written to storage directly (no enrolment dialogue), so a dialogue
table runs in milliseconds against real SQLite (and PostgreSQL when configured).
"""

from __future__ import annotations

from itertools import count

from flows.core.clock import FakeClock
from flows.core.context import FlowConfig
from flows.core.engine import Engine, Outcome
from flows.core.events import Event, Kind
from flows.core.messages import Reply, Text, from_json
from flows.core.roles import CONFIDANT, COORDINATOR, KEY_PERSON
from flows.registry import REGISTRY
from storage.database import Database

_updates = count(1)


class Talker:
    """One person talking to the engine; remembers the last question's buttons."""

    def __init__(self, engine: Engine, telegram_id: int, person_id: int) -> None:
        self.engine = engine
        self.telegram_id = telegram_id
        self.id = person_id
        self.replies: list[Reply] = []
        self.toast: Text | None = None

    async def _event(self, kind: Kind, **fields: str) -> list[Reply]:
        event = Event(next(_updates), self.telegram_id, kind, message_id=1, **fields)
        outcome: Outcome = await self.engine.handle(event)
        self.replies += outcome.replies
        self.toast = outcome.toast
        return outcome.replies

    async def send(self, text: str) -> list[Reply]:
        return await self._event(Kind.TEXT, text=text)

    async def command(self, name: str, arg: str = "") -> list[Reply]:
        return await self._event(Kind.COMMAND, command=name, text=arg)

    async def media(self, kind: str) -> list[Reply]:
        return await self._event(Kind.MEDIA, media=kind)

    async def press(self, data: str) -> list[Reply]:
        return await self._event(Kind.BUTTON, data=data)

    def button(self, action: str, arg: str = "") -> str:
        """The data of the open question's button `action:arg`."""
        for reply in reversed(self.replies):
            for row in reply.buttons:
                for button in row:
                    parts = button.data.split(":", 3)
                    if len(parts) == 4 and parts[2:] == [action, arg]:
                        return button.data
            if reply.buttons:
                break
        raise AssertionError(f"no button {action}:{arg} in {self.msgids()[-3:]}")

    async def choose(self, action: str, arg: str = "") -> list[Reply]:
        return await self.press(self.button(action, arg))

    def msgids(self) -> list[str]:
        return [reply.text.msgid for reply in self.replies]


async def add_person(
    db: Database, clock: FakeClock, telegram_id: int, name: str, role: str, org: int, **kw
) -> int:
    async with db.unit_of_work() as uow:
        person = await uow.people.add_person(
            telegram_id=telegram_id, display_name=name, locale="en", now=clock.now()
        )
        await uow.people.add_membership(person, org, role, **kw)
    return person


class Office:
    """An organisation with a coordinator, a confidant, a backup and a key person."""

    async def open(self, db: Database, clock: FakeClock, *, backup: bool = True) -> Office:
        self.db, self.clock = db, clock
        self.engine = Engine(db, clock, FlowConfig(), REGISTRY)
        async with db.unit_of_work() as uow:
            self.org = await uow.people.add_organisation("Buurtwerk", now=clock.now())
        coordinator = await add_person(db, clock, 10, "Ingrid", COORDINATOR, self.org)
        confidant = await add_person(db, clock, 20, "Saskia", CONFIDANT, self.org)
        backup_id = await add_person(db, clock, 21, "Bram", CONFIDANT, self.org)
        key_person = await add_person(
            db,
            clock,
            30,
            "Amina",
            KEY_PERSON,
            self.org,
            confidant_id=confidant,
            backup_id=backup_id if backup else None,
        )
        self.coordinator = Talker(self.engine, 10, coordinator)
        self.confidant = Talker(self.engine, 20, confidant)
        self.backup = Talker(self.engine, 21, backup_id)
        self.key_person = Talker(self.engine, 30, key_person)
        return self

    async def outbox(self) -> list[tuple[int, str, tuple[str, ...]]]:
        """Everything queued so far: (person id, msgid, button data), oldest first; for a
        case notice, the message it holds back until Open is tapped."""
        async with self.db.unit_of_work() as uow:
            due = await uow.outbox.pending()
        out = []
        for message in due:
            queued = from_json(message.payload.get("held", message.payload))
            data = tuple(b.data for row in queued.buttons for b in row)
            out.append((message.person_id, queued.text.msgid, data))
        return out

    async def case(self, reference: str):
        async with self.db.unit_of_work() as uow:
            return await uow.cases.by_reference(reference)

    async def events(self, reference: str) -> list[tuple[str, int | None, int | None]]:
        async with self.db.unit_of_work() as uow:
            case = await uow.cases.by_reference(reference)
            return [(e.action, e.actor_id, e.target_id) for e in await uow.cases.events(case.id)]
