"""Properties of the engine under random event sequences (hypothesis), on real storage.

Two organisations (a coordinator, a confidant, a backup and a key person in the first;
a coordinator, a confidant and a key person in the second) and a stranger send random
events: texts (nasty ones, carrying names, phone numbers, e-mail addresses and bank and
citizen numbers in several scripts), commands, taps on the buttons they were offered,
forged buttons (any case's reference, old versions, garbage) and media. Whatever
happens:

- the engine never raises;
- no identifier from the texts is stored anywhere (every text column of every table,
  decrypted where it is encrypted; the directory keeps professionals' numbers on
  purpose and is left out);
- a message that shows a case (`shows_case`), to the sender or to anyone else, only
  reaches someone `flows.privacy.access` lets see it.
"""

from __future__ import annotations

import asyncio
from datetime import timedelta
from itertools import count
from pathlib import Path

from conftest import TEST_KEY
from flowkit import add_person
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from scan import stored_identifiers
from sqlalchemy import select

from flows.core.clock import FakeClock
from flows.core.context import FlowConfig
from flows.core.engine import Engine
from flows.core.events import Event, Kind
from flows.core.messages import Reply, from_json
from flows.core.roles import CONFIDANT, COORDINATOR, KEY_PERSON
from flows.registry import REGISTRY
from storage.crypto import Cipher
from storage.database import Database
from storage.models import Case, OutboxMessage

IDENTIFYING = (
    ("haar naam is Fatima Yilmaz", "Yilmaz"),
    ("her name is Anna Kowalski", "Kowalski"),
    ("اسمها فاطمة الزهراء", "الزهراء"),
    ("її звати Олена Петренко", "Петренко"),
    ("ma na imię Katarzyna Nowak", "Katarzyna"),
    ("se llama Lucía Fernández", "Fernández"),
    ("nama-eeda waa Hodan Warsame", "Warsame"),
    ("اسمش مریم احمدی است", "احمدی"),
    ("mail fatima.yilmaz@example.com", "yilmaz@example.com"),
    ("bel 06-12345678", "12345678"),
    ("BSN 111222333", "111222333"),
    ("IBAN NL91ABNA0417164300", "NL91ABNA0417164300"),
    ("ze woont Kerkstraat 12, 1234 AB", "Kerkstraat"),
)
IDENTIFIERS = tuple(found for _text, found in IDENTIFYING)
NASTY = (
    "",
    "\u200b\u2060",
    "😢🙏🏽👨‍👩‍👧",
    "<b>x</b> <script>alert(1)</script> &amp;",
    "\u202eabc\u202c \u2067def\u2069",
    "F.K.",
    "ف.ك.",
    "О.П.",
    "x" * 1200,
    "/start",
)
filler = st.text(
    alphabet=st.sampled_from("abcdefghijklm nopqrstuvwxyzéëçşğ аблвгд ابتثج .,!?\n😢"),
    max_size=40,
)
texts = st.one_of(
    st.sampled_from(NASTY),
    st.tuples(filler, st.sampled_from([t for t, _i in IDENTIFYING]), filler).map(
        lambda p: f"{p[0]} . {p[1]} . {p[2]}"
    ),
)
commands = st.sampled_from(
    [*(spec.name for spec in REGISTRY.commands), "start", "help", "cancel", "nonsense"]
)
FORGED_ACTIONS = ("open", "ack", "log", "msg", "assess", "decide", "update", "reassign", "tidy")
media = st.sampled_from(("photo", "voice", "sticker", "location", "contact", "poll", "dice"))

ACTORS = (
    "coordinator",
    "confidant",
    "backup",
    "key_person",
    "stranger",
    "coordinator_b",
    "confidant_b",
    "key_person_b",
)
#: An event: who, what, and a number to pick with (a button, a case, a text).
events = st.tuples(
    st.sampled_from(ACTORS),
    st.sampled_from(("text", "command", "tap", "tap", "tap", "tap", "forged", "media", "wait")),
    st.integers(min_value=0, max_value=1000),
    texts,
    commands,
    media,
)

_people = count(1)
_updates = count(1_000_000)


class World:
    """One run: two organisations and a stranger, talking to the engine."""

    async def open(self, db: Database, clock: FakeClock) -> World:
        self.db, self.clock = db, clock
        self.engine = Engine(db, clock, FlowConfig(), REGISTRY)
        self.ids: dict[str, int] = {}  # actor → person id
        self.telegram: dict[str, int] = {}  # actor → telegram id
        self.offered: dict[str, list[str]] = {a: [] for a in ACTORS}
        self.seen_outbox = 0
        base = next(_people) * 100
        async with db.unit_of_work() as uow:
            org_a = await uow.people.add_organisation(f"A{base}", now=clock.now())
            org_b = await uow.people.add_organisation(f"B{base}", now=clock.now())
        for offset, (actor, role, org) in enumerate(
            (
                ("coordinator", COORDINATOR, org_a),
                ("confidant", CONFIDANT, org_a),
                ("backup", CONFIDANT, org_a),
                ("coordinator_b", COORDINATOR, org_b),
                ("confidant_b", CONFIDANT, org_b),
            )
        ):
            self.telegram[actor] = base + offset
            self.ids[actor] = await add_person(db, clock, base + offset, actor, role, org)
        for offset, (actor, org, confidant, backup) in enumerate(
            (
                ("key_person", org_a, "confidant", "backup"),
                ("key_person_b", org_b, "confidant_b", None),
            ),
            start=10,
        ):
            self.telegram[actor] = base + offset
            self.ids[actor] = await add_person(
                db,
                clock,
                base + offset,
                actor,
                KEY_PERSON,
                org,
                confidant_id=self.ids[confidant],
                backup_id=self.ids[backup] if backup else None,
            )
        self.telegram["stranger"] = base + 99
        self.person_actor = {person: actor for actor, person in self.ids.items()}
        return self

    async def references(self) -> list[str]:
        async with self.db.unit_of_work() as uow:
            return list((await uow.session.scalars(select(Case.reference))).all()) or ["ZZZZ"]

    async def event(self, actor, what, pick, text, command, kind) -> Event:
        fields: dict = {}
        if what == "text":
            fields = {"kind": Kind.TEXT, "text": text}
        elif what == "command":
            fields = {"kind": Kind.COMMAND, "command": command, "text": ""}
        elif what == "media":
            fields = {"kind": Kind.MEDIA, "media": kind}
        elif what == "tap" and self.offered[actor]:
            offered = self.offered[actor]
            fields = {"kind": Kind.BUTTON, "data": offered[pick % len(offered)]}
        else:
            references = await self.references()
            forged = (
                f"case:{FORGED_ACTIONS[pick % len(FORGED_ACTIONS)]}:"
                f"{references[pick % len(references)]}",
                "c:zz:danger:yes",
                "m:people",
                "m:concern",
                "💥",
            )
            fields = {"kind": Kind.BUTTON, "data": forged[pick % len(forged)]}
        return Event(next(_updates), self.telegram[actor], message_id=pick + 1, **fields)

    async def step(self, actor, what, *args) -> list[str]:
        """One event (or time passing: the timers run); the problems it showed."""
        if what == "wait":
            self.clock.advance(timedelta(hours=5))
            await self.engine.run_due_timers()  # must not raise
            return await self._outbox()
        event = await self.event(actor, what, *args)
        outcome = await self.engine.handle(event)  # must not raise
        problems = []
        person = self.ids.get(actor)
        for reply in outcome.replies:
            problems += await self._shown(person, reply, "reply")
        buttons = [b.data for r in outcome.replies for row in r.buttons for b in row]
        if buttons:
            self.offered[actor] = buttons
        problems += await self._outbox()
        return problems

    async def _outbox(self) -> list[str]:
        """Messages queued for others: check what they show, offer their buttons."""
        problems = []
        async with self.db.unit_of_work() as uow:
            rows = (
                await uow.session.execute(
                    select(OutboxMessage.id, OutboxMessage.person_id, OutboxMessage.payload)
                    .where(OutboxMessage.id > self.seen_outbox)
                    .order_by(OutboxMessage.id)
                )
            ).all()
        cipher = Cipher([TEST_KEY])
        for row_id, person_id, payload in rows:
            self.seen_outbox = row_id
            message = from_json(cipher.decrypt_json(payload))
            problems += await self._shown(person_id, message, "notice")
            actor = self.person_actor.get(person_id)
            buttons = [b.data for row in message.buttons for b in row]
            if actor and buttons:
                self.offered[actor] = self.offered[actor] + buttons
        return problems

    async def _shown(self, person_id: int | None, reply: Reply, how: str) -> list[str]:
        if not reply.shows_case:
            return []
        async with self.db.unit_of_work() as uow:
            case = await uow.cases.by_reference(reply.shows_case)
            if case is None:
                return [f"{how} shows {reply.shows_case}, which does not exist"]
            alerted = await uow.cases.alerted(case.id)
        allowed = {case.key_person_id, case.confidant_id, case.handler_id, *alerted}
        if person_id is None or person_id not in allowed:
            actor = self.person_actor.get(person_id, "stranger")
            return [f"{how} {reply.text.msgid!r} shows {case.reference} to {actor}"]
        return []


def _database(path: Path) -> Database:
    return Database(f"sqlite+aiosqlite:///{path}", Cipher([TEST_KEY]))


def test_random_event_sequences_keep_privacy_and_access(tmp_path: Path) -> None:
    path = tmp_path / "properties.db"

    async def migrate() -> None:
        db = _database(path)
        await db.upgrade()
        await db.dispose()

    asyncio.run(migrate())

    @settings(
        max_examples=25,
        deadline=None,
        derandomize=True,
        database=None,
        suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
    )
    @given(st.lists(events, min_size=1, max_size=30))
    def run(sequence) -> None:
        async def go() -> None:
            db = _database(path)
            try:
                world = await World().open(db, FakeClock())
                problems = []
                for actor, *args in sequence:
                    problems += await world.step(actor, *args)
                assert not problems, problems
                assert not await stored_identifiers(
                    db, IDENTIFIERS, skip=("directory_entry",)
                )  # professionals kept on purpose
            finally:
                await db.dispose()

        asyncio.run(go())

    run()
