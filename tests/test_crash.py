"""The crash harness: the real bot in a separate process, SIGKILLed at random points.

`sleutel run` (polling) talks to the fake Bot API in this process. Key persons enrol
through the bot with an invite code and log concerns; the confidant, the backup
confidant and the coordinator acknowledge alerts; the escalation chain runs on its
timers. After a few of these actions the bot is killed with SIGKILL at a random moment
(0-1.5 s after an action, half of the time within the first 0.25 s, where the commits
and sends are), started again, and the people carry on: someone whose reply never
came acts again as a person would — taps the same button again or writes the same
text again — and expects the bot to show the question that is open for them.

Moving time: escalation waits hours on the real clock, so the harness makes pending
escalation timers due by setting their `due_at` to the past in the database (the bot
claims due timers every 5 s). While the bot is down it also lets the claims of the
inbox, the outbox and the timers lapse (`claimed_until` in the past), as if the restart
came after their leases (1 and 2 minutes) ran out: that is how rows a killed process held
are picked up again, and the harness need not wait minutes for it.

Checked after every restart, and strictly once more after a final drain:
- lost: every concern a key person saw confirmed (the receipt with its reference)
  exists once in `case`, and its alert reached the confidant, the backup or a
  coordinator (a sent message with the case's Acknowledge button);
- stuck: a person can always go on from where the database says they are: someone
  whose question vanished (its buttons taken off, the next question never sent) writes
  "Hello?" and must be shown the open question; an open draft with nothing to answer
  after that, or three answered tries in a row without getting anywhere, is stuck;
- timers: none is left pending past due after the drain, and each escalation step ran
  once (every group of alerts of a case belongs to its creation or to one finished
  timer);
- no traceback (nor a line that is not JSON) in any life's stderr log.
Duplicates — one outbox message delivered twice, because the kill came between
Telegram's answer and the commit that marks it sent — are allowed (alerts are
at-least-once) but counted, each with how long before the kill its first copy went out.

`SLEUTEL_CRASH_POINTS` kill points (default 50; on SQLite 25 when PostgreSQL runs too,
to keep CI short), seed `SLEUTEL_CRASH_SEED` (default random, printed). `pytest -m
crash` runs only this.
"""

from __future__ import annotations

import asyncio
import json
import os
import random
import time
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from conftest import TEST_KEY
from crashkit import (
    INITIALS_ONLY,
    NAME_QUESTION,
    RECEIPT,
    REPLY_METHODS,
    BotProcess,
    Move,
    Person,
    answer_question,
)
from sqlalchemy import func, select, update

from bot.emulator import FakeBotAPI, SentMessage
from flows.cases.escalation import TIMER as ESCALATE
from flows.core.roles import CONFIDANT, COORDINATOR, KEY_PERSON
from flows.people.invitations import create_invite
from storage.database import Database
from storage.models import Case, CaseEvent, Conversation, InboxUpdate, OutboxMessage, Timer
from storage.models import Person as PersonRow

pytestmark = pytest.mark.crash

KEY_PERSONS = (30, 31, 32)
COORDINATOR_ID, CONFIDANT_ID, BACKUP_ID = 10, 20, 21
CHAIN = (COORDINATOR_ID, CONFIDANT_ID, BACKUP_ID)
ANSWER_TIMEOUT = 3.0  # a reply while the bot is up comes well within this
QUIET = 0.15  # a reply is complete when the chat has been quiet this long
READY_TIMEOUT = 90.0


def now() -> datetime:
    return datetime.now(UTC)


@dataclass
class KillPoint:
    number: int
    after: str  # the last action before the kill
    delay: float
    at: float = 0.0


@dataclass
class Findings:
    lost: dict[str, str] = field(default_factory=dict)  # reference -> what was missing
    stuck: list[str] = field(default_factory=list)
    tracebacks: list[str] = field(default_factory=list)
    timers: list[str] = field(default_factory=list)
    duplicates: list[tuple[int | None, float | None, str]] = field(default_factory=list)


class Harness:
    def __init__(self, api: FakeBotAPI, db: Database, bot: BotProcess, rng: random.Random) -> None:
        self.api, self.db, self.bot, self.rng = api, db, bot, rng
        self.people: dict[int, Person] = {}
        self.kills: list[KillPoint] = []
        self.found = Findings()
        self.startups: list[float] = []
        self.moves = 0
        self.latencies: list[float] = []  # from a move to the first reply to it
        self.spent = {"start": 0.0, "settle": 0.0, "act": 0.0}

    # -- setting up --------------------------------------------------------------------

    async def seed(self) -> None:
        """An organisation, its coordinator, confidant and backup straight into storage;
        the key persons only get invite codes: they enrol through the bot."""
        at = now()
        async with self.db.unit_of_work() as uow:
            org = await uow.people.add_organisation("Buurtwerk Noord", now=at)
            ids = {}
            for telegram_id, name, role in (
                (COORDINATOR_ID, "Ingrid", COORDINATOR),
                (CONFIDANT_ID, "Saskia", CONFIDANT),
                (BACKUP_ID, "Bram", CONFIDANT),
            ):
                ids[telegram_id] = await uow.people.add_person(
                    telegram_id=telegram_id, display_name=name, locale="en", now=at
                )
                await uow.people.add_membership(ids[telegram_id], org, role)
                self.people[telegram_id] = Person(telegram_id, name, role)
            for number, telegram_id in enumerate(KEY_PERSONS):
                invite = await create_invite(
                    uow,
                    organisation_id=org,
                    role=KEY_PERSON,
                    now=at,
                    confidant_id=ids[CONFIDANT_ID],
                    backup_id=ids[BACKUP_ID],
                )
                name = ("Amina", "Yusuf", "Olena")[number]
                self.people[telegram_id] = Person(telegram_id, name, KEY_PERSON, invite.code)

    # -- the bot's lives ---------------------------------------------------------------

    async def start_bot(self) -> None:
        if self.kills:  # down for a while: claims of the killed process have lapsed
            async with self.db.engine.begin() as conn:
                for table in (Timer, InboxUpdate, OutboxMessage):
                    await conn.execute(
                        update(table)
                        .where(table.status == "pending", table.claimed_until.is_not(None))
                        .values(claimed_until=now() - timedelta(seconds=1))
                    )
        polls = len(self.api.calls_to("getUpdates"))
        started = time.monotonic()
        await self.bot.start()
        deadline = started + READY_TIMEOUT
        while len(self.api.calls_to("getUpdates")) <= polls:
            if not self.bot.alive():
                raise AssertionError(f"the bot died at start:\n{self.log_tail()}")
            if time.monotonic() > deadline:
                raise AssertionError(f"the bot did not start:\n{self.log_tail()}")
            await asyncio.sleep(0.02)
        self.startups.append(time.monotonic() - started)

    def log_tail(self, life: int | None = None) -> str:
        path = self.bot.log_path(life or self.bot.lives)
        return path.read_text()[-3000:] if path.exists() else "(no log)"

    async def kill(self, after: str, delay: float) -> None:
        point = KillPoint(len(self.kills) + 1, after, delay)
        point.at = await self.bot.kill()
        self.kills.append(point)

    def scan_log(self, life: int) -> None:
        path = self.bot.log_path(life)
        if not path.exists():
            return
        for line in path.read_text(errors="replace").splitlines():
            if not line.strip():
                continue
            try:
                entry = json.loads(line)
            except ValueError:
                self.found.tracebacks.append(f"life {life}: not JSON: {line[:200]}")
                continue
            if "trace" in entry or entry.get("level") in ("error", "critical"):
                where = entry.get("trace", "").strip().splitlines()[-2:]
                self.found.tracebacks.append(
                    f"life {life} (after kill point {life - 1}): {entry.get('level')} "
                    f"{entry.get('event')!r} {entry.get('error') or ''} {' | '.join(where)}"
                )

    # -- what a person sees and does ---------------------------------------------------

    def replies_since(self, move: Move) -> list:
        return [
            call
            for call in self.api.calls[move.calls_before :]
            if call.method in REPLY_METHODS and call.params.get("chat_id") == move.chat
        ]

    async def wait_answer(self, move: Move, timeout: float, lost_after: float = 0.0) -> bool:
        """Until the bot handled the move, answered and went quiet in that chat; False on
        time-out. (Handled first: a late reply to an earlier move is not this one's.) With
        `lost_after`, give up that long after the move was found handled without a reply:
        the bot was killed between the commit and the reply, which will never come."""
        deadline = time.monotonic() + timeout
        handled_at = None
        while time.monotonic() < deadline:
            if handled_at is None and await self.handled(move.update_id):
                handled_at = time.time()
            replies = self.replies_since(move)
            if lost_after and handled_at and not replies and time.time() - handled_at > lost_after:
                return False
            quiet = replies and time.time() - max(handled_at or 0, replies[-1].at) >= QUIET
            if handled_at is not None and quiet:
                move.answered = True
                self.latencies.append(replies[0].at - move.at)
                return True
            await asyncio.sleep(0.05)
        return False

    def push_text(self, person: Person, text: str) -> Move:
        calls = len(self.api.calls)
        update_id = self.api.push_text(person.telegram_id, text, language_code="en")
        return Move(person.telegram_id, text, None, None, update_id, calls)

    def push_tap(self, person: Person, message: SentMessage, data: str) -> Move:
        calls = len(self.api.calls)
        update_id = self.api.push_callback(
            person.telegram_id, data, message=message, language_code="en"
        )
        return Move(person.telegram_id, None, data, message.message_id, update_id, calls)

    def prompt(self, chat: int) -> tuple[str, SentMessage] | None:
        """The newest message that asks something of the person: a question with buttons,
        the name question, a receipt or a menu."""
        for message in reversed(self.api.messages_to(chat)):
            data = [d for _label, d in self.api.buttons(message)]
            if any(d.startswith("c:") for d in data):
                return "question", message
            if message.text and RECEIPT.search(message.text):
                return "receipt", message
            if any(d.startswith("m:") for d in data):
                return "menu", message
            if message.text and NAME_QUESTION in message.text:
                return "name", message
            if message.text and message.text.startswith(INITIALS_ONLY):
                return "initials", message
        return None

    async def conversation(self, telegram_id: int) -> tuple[str, str, int] | None:
        async with self.db.engine.connect() as conn:
            row = (
                await conn.execute(
                    select(Conversation.flow, Conversation.step, Conversation.version).where(
                        Conversation.telegram_id == telegram_id
                    )
                )
            ).first()
        return tuple(row) if row else None

    async def enrolled(self, telegram_id: int) -> bool:
        async with self.db.engine.connect() as conn:
            found = await conn.scalar(
                select(PersonRow.id).where(PersonRow.telegram_id == telegram_id)
            )
        return found is not None

    def receipts(self, chat: int) -> list[str]:
        """References of the receipts the key person was sent."""
        return [
            match.group(1)
            for call in self.api.calls_to("sendMessage")
            if call.result and call.params.get("chat_id") == chat
            for match in [RECEIPT.search(call.params.get("text") or "")]
            if match
        ]

    async def where(self, person: Person) -> tuple:
        return (
            await self.conversation(person.telegram_id),
            len(self.receipts(person.telegram_id)),
            await self.enrolled(person.telegram_id),
        )

    def incident(self, person: Person, why: str, conversation: tuple | None) -> None:
        if person.stuck:
            return
        person.stuck = True
        texts = [m.text[:60] for m in self.api.messages_to(person.telegram_id)[-3:]]
        point = self.kills[-1].number if self.kills else 0
        self.found.stuck.append(
            f"after kill point {point}: {person.name} ({person.telegram_id}) {why}; "
            f"database: {conversation}; last: {person.last.describe() if person.last else '-'}"
            f"; chat ends with {texts}"
        )

    async def key_person_move(self, person: Person) -> Move:
        """The next thing this key person does, from what their chat shows."""
        shown = self.prompt(person.telegram_id)
        conversation = await self.conversation(person.telegram_id)
        if person.idle >= 3:
            self.incident(person, "answered three times without getting anywhere", conversation)
            person.idle = 0
            return self.push_text(person, "/cancel")
        if shown is None:
            if await self.enrolled(person.telegram_id):
                return self.push_text(person, "/concern")
            return self.push_text(person, f"/start {person.code}")
        kind, message = shown
        if kind != "menu":
            person.nudged = False
        if kind == "question":
            text, data = answer_question(message.text or "", self.api.buttons(message))
            if text is not None:
                return self.push_text(person, text)
            if data is not None:
                return self.push_tap(person, message, data)
            self.incident(person, f"met a question it does not know: {message.text!r}", None)
            return self.push_text(person, "/cancel")
        if kind == "name":
            return self.push_text(person, person.name)
        if kind == "initials":  # told to send initials only
            return self.push_text(person, "F.K.")
        # A receipt or a menu: nothing is open as far as the chat shows. Someone whose
        # question vanished (its buttons were taken off, the next one never came) writes.
        if conversation is not None and conversation[0] in ("concern", "enrolment"):
            if not person.nudged:
                person.nudged = True
                return self.push_text(person, "Hello?")
            self.incident(
                person, "has an open draft but the chat offers only the menu", conversation
            )
        person.nudged = False
        if not await self.enrolled(person.telegram_id):
            return self.push_text(person, f"/start {person.code}")
        return self.push_text(person, "/concern")

    async def after_answer(self, person: Person) -> None:
        mark = await self.where(person)
        if mark == person.mark:
            person.idle += 1
        else:
            person.idle, person.stuck = 0, False
        person.mark = mark

    async def open_alerts(self) -> list[tuple[Person, SentMessage, str]]:
        async with self.db.engine.connect() as conn:
            waiting = set(await conn.scalars(select(Case.reference).where(Case.status == "open")))
        found = []
        for telegram_id in CHAIN:
            for message in self.api.messages_to(telegram_id):
                for _label, data in self.api.buttons(message):
                    if data.startswith("case:ack:") and data.split(":")[2] in waiting:
                        found.append((self.people[telegram_id], message, data))
        return found

    async def pending_escalations(self) -> int:
        async with self.db.engine.connect() as conn:
            return await conn.scalar(
                select(func.count())
                .select_from(Timer)
                .where(Timer.kind == ESCALATE, Timer.status == "pending")
            )

    async def time_passes(self) -> str:
        async with self.db.engine.begin() as conn:
            await conn.execute(
                update(Timer)
                .where(Timer.kind == ESCALATE, Timer.status == "pending")
                .values(due_at=now() - timedelta(seconds=1))
            )
        return "escalation timers made due"

    async def act(self) -> tuple[str, Move | None]:
        """One action of one person (or of time); returns what it was and the move."""
        self.moves += 1
        choice = self.rng.random()
        if choice < 0.15 and (alerts := await self.open_alerts()):
            helper, message, data = self.rng.choice(alerts)
            move = self.push_tap(helper, message, data)
            helper.last = move
            return move.describe(), move
        if choice < 0.3 and await self.pending_escalations():
            return await self.time_passes(), None
        person = self.people[self.rng.choice(KEY_PERSONS)]
        move = await self.key_person_move(person)
        person.last = move
        return move.describe(), move

    async def act_and_wait(self) -> None:
        _what, move = await self.act()
        if move is not None and await self.wait_answer(move, ANSWER_TIMEOUT):
            person = self.people[move.chat]
            if person.role == KEY_PERSON:
                await self.after_answer(person)

    async def settle(self) -> None:
        """After a restart: wait for the replies to moves made before the kill — or until
        the inbox says the update was handled and its reply cannot come any more."""
        ready = time.monotonic()
        for person in self.people.values():
            move = person.last
            if move is None or move.answered:
                continue
            await self.wait_answer(move, ANSWER_TIMEOUT - (time.monotonic() - ready), 0.5)
            if move.answered and person.role == KEY_PERSON:
                await self.after_answer(person)

    async def handled(self, update_id: int) -> bool:
        async with self.db.engine.connect() as conn:
            status = await conn.scalar(
                select(InboxUpdate.status).where(InboxUpdate.update_id == update_id)
            )
        return status not in (None, "pending")

    # -- checks ------------------------------------------------------------------------

    async def check_cases(self, *, strict: bool) -> None:
        async with self.db.engine.connect() as conn:
            counts = {
                row[0]: row[1]
                for row in await conn.execute(
                    select(Case.reference, func.count()).group_by(Case.reference)
                )
            }
        alerted = {
            data.split(":")[2]
            for call in self.api.calls_to("sendMessage")
            if call.result and call.params.get("chat_id") in CHAIN
            for _label, data in FakeBotAPI.buttons(_as_message(call))
            if data.startswith("case:ack:")
        }
        for telegram_id in KEY_PERSONS:
            for reference in self.receipts(telegram_id):
                if counts.get(reference, 0) != 1:
                    self.found.lost.setdefault(
                        reference, f"{counts.get(reference, 0)} rows in case for a receipt"
                    )
                elif strict and reference not in alerted:
                    self.found.lost.setdefault(reference, "no alert reached the chain")

    async def check_timers(self) -> None:
        """After the drain: nothing pending past due; each escalation step ran once."""
        async with self.db.unit_of_work() as uow:
            timers = (await uow.session.scalars(select(Timer))).all()
            events = (await uow.session.scalars(select(CaseEvent))).all()
            cases = {
                row[0]: row[1] for row in await uow.session.execute(select(Case.id, Case.reference))
            }
        for timer in timers:
            if timer.status == "pending" and timer.due_at < now() - timedelta(seconds=10):
                self.found.timers.append(
                    f"timer {timer.id} ({timer.kind} {timer.subject}) still pending, "
                    f"due {timer.due_at:%H:%M:%S}, attempts {timer.attempts}"
                )
        finished = {}
        for timer in timers:
            if timer.kind == ESCALATE and timer.status == "done":
                finished.setdefault(timer.subject, set()).add(timer.done_at)
        created = {e.case_id: e.at for e in events if e.action == "created"}
        steps: dict[int, set] = {}
        for event in events:
            if event.action in ("alerted", "reminded", "unrouted"):
                steps.setdefault(event.case_id, set()).add(event.at)
        for case_id, moments in steps.items():
            reference = cases[case_id]
            allowed = {created.get(case_id)} | finished.get(f"case:{reference}", set())
            for moment in sorted(moments - allowed):
                self.found.timers.append(
                    f"case {reference}: an escalation step at {moment:%H:%M:%S.%f} belongs "
                    "to no finished timer (a step ran twice?)"
                )

    async def count_duplicates(self) -> None:
        """Copies of an outbox message that were sent but not recorded as sent: the kill
        came between Telegram's answer and the commit, so the message went again."""
        async with self.db.engine.connect() as conn:
            rows = (
                await conn.execute(
                    select(PersonRow.telegram_id, OutboxMessage.telegram_message_id)
                    .join(PersonRow, PersonRow.id == OutboxMessage.person_id)
                    .where(OutboxMessage.status == "sent")
                )
            ).all()
        recorded = {(chat, message_id) for chat, message_id in rows}
        sent = [
            call
            for call in self.api.calls_to("sendMessage")
            if call.result and isinstance(call.result, dict)
        ]

        def key(call) -> tuple:
            markup = json.dumps(call.params.get("reply_markup"), sort_keys=True)
            return call.params.get("chat_id"), call.result.get("text"), markup

        for index, call in enumerate(sent):
            chat, message_id = call.params.get("chat_id"), call.result["message_id"]
            if (chat, message_id) in recorded:
                continue
            later = next(
                (
                    other
                    for other in sent[index + 1 :]
                    if key(other) == key(call) and (chat, other.result["message_id"]) in recorded
                ),
                None,
            )
            if later is None:
                continue
            kill = next((k for k in self.kills if k.at >= call.at), None)
            self.found.duplicates.append(
                (
                    kill.number if kill else None,
                    (kill.at - call.at) if kill else None,
                    f"to {chat}: {(call.result.get('text') or '')[:70]!r}",
                )
            )

    async def figures(self) -> str:
        async with self.db.engine.connect() as conn:
            steps = await conn.scalar(
                select(func.count())
                .select_from(Timer)
                .where(Timer.kind == ESCALATE, Timer.status == "done")
            )
            again = await conn.scalar(
                select(func.count()).select_from(Timer).where(Timer.attempts > 1)
            )
            acknowledged = await conn.scalar(
                select(func.count()).select_from(Case).where(Case.acknowledged_at.is_not(None))
            )
            cases = await conn.scalar(select(func.count()).select_from(Case))
        return (
            f"{cases} cases, {acknowledged} acknowledged, {steps} escalation steps run by "
            f"timers ({again} timers claimed again after a kill)"
        )

    async def drain(self) -> None:
        """The bot up for good: everyone's last reply, the outbox empty, the timers done."""
        await self.settle()
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline:
            async with self.db.engine.connect() as conn:
                outbox = await conn.scalar(
                    select(func.count())
                    .select_from(OutboxMessage)
                    .where(OutboxMessage.status == "pending")
                )
                due = await conn.scalar(
                    select(func.count())
                    .select_from(Timer)
                    .where(Timer.status == "pending", Timer.due_at <= now())
                )
            if not outbox and not due:
                break
            await asyncio.sleep(0.5)
        await asyncio.sleep(1.5)  # the last sends and their commits


def _as_message(call) -> SentMessage:
    return SentMessage(0, 0, None, call.params.get("reply_markup"), False, None, call.params)


def _settings(dialect: str) -> tuple[int, int]:
    points = os.environ.get("SLEUTEL_CRASH_POINTS")
    if points is None:
        both = bool(os.environ.get("TEST_DATABASE_URL"))
        points = "25" if both and dialect == "sqlite" else "50"
    seed = os.environ.get("SLEUTEL_CRASH_SEED")
    return int(points), int(seed) if seed else random.SystemRandom().randrange(1_000_000)


async def test_sigkill_at_random_points_loses_nothing_and_strands_nobody(
    fake_api: FakeBotAPI, db: Database, database_url: str, tmp_path: Path
) -> None:
    points, seed = _settings(db.dialect)
    rng = random.Random(seed)
    env = {k: v for k, v in os.environ.items() if not k.startswith(("TELEGRAM_", "SLEUTEL_"))}
    env.update(
        TELEGRAM_TOKEN=fake_api.token,
        TELEGRAM_API_BASE_URL=fake_api.base_url,
        DATABASE_URL=database_url,
        SLEUTEL_DATA_DIR=str(tmp_path / "data"),
        SLEUTEL_SECRET_KEY=TEST_KEY,
        SLEUTEL_LISTEN="127.0.0.1:0",
    )
    bot = BotProcess(env, tmp_path, fresh_exec=os.environ.get("SLEUTEL_CRASH_EXEC") == "1")
    harness = Harness(fake_api, db, bot, rng)
    await harness.seed()
    began = time.monotonic()
    try:
        await harness.start_bot()
        while len(harness.kills) < points:
            mark = time.monotonic()
            await harness.settle()
            await harness.check_cases(strict=False)
            harness.spent["settle"] += time.monotonic() - mark
            mark = time.monotonic()
            for _ in range(rng.randint(1, 5)):
                await harness.act_and_wait()
            what, _move = await harness.act()
            delay = rng.uniform(0, 0.25) if rng.random() < 0.5 else rng.uniform(0, 1.5)
            await asyncio.sleep(delay)
            await harness.kill(what, delay)
            harness.spent["act"] += time.monotonic() - mark
            harness.scan_log(bot.lives)
            mark = time.monotonic()
            await harness.start_bot()
            harness.spent["start"] += time.monotonic() - mark
        await harness.drain()
        await harness.check_cases(strict=True)
        await harness.check_timers()
        await harness.count_duplicates()
        figures = await harness.figures()
        stopped = await bot.stop()
        harness.scan_log(bot.lives)
    finally:
        await bot.close()
    elapsed = time.monotonic() - began

    found = harness.found
    confirmed = sum(len(harness.receipts(t)) for t in KEY_PERSONS)
    startups = sorted(harness.startups)
    print(
        f"\ncrash harness on {db.dialect}, seed {seed}: {harness.moves} actions, "
        f"{confirmed} concerns confirmed; {figures}; {elapsed:.0f} s; start to first getUpdates "
        f"median {startups[len(startups) // 2]:.2f} s, max {startups[-1]:.2f} s "
        f"({'fresh exec' if bot.fresh_exec else 'forked after imports'}); "
        + ", ".join(f"{name} {spent:.0f} s" for name, spent in harness.spent.items())
    )
    print(
        f"kill points {len(harness.kills)}, lost {len(found.lost)}, "
        f"duplicates {len(found.duplicates)}, stuck {len(found.stuck)}"
    )
    for number, before, what in found.duplicates:
        when = f"{before:.3f} s before kill point {number}" if number else "no kill after it"
        print(f"  duplicate: first copy sent {when}, {what}")
    for reference, why in found.lost.items():
        print(f"  lost: {reference}: {why}")
    for line in found.stuck + found.timers + found.tracebacks:
        print(f"  {line}")
    for point in harness.kills:
        print(f"  kill point {point.number}: {point.delay:.3f} s after {point.after}")

    if harness.latencies:
        latencies = sorted(harness.latencies)
        print(
            f"  replies came {latencies[len(latencies) // 2]:.2f} s after a move (median), "
            f"{latencies[int(len(latencies) * 0.9)]:.2f} s (90%), {latencies[-1]:.2f} s (max)"
        )
    assert confirmed > 0 or points < 20, "no concern was confirmed: the harness did not get far"
    assert not found.lost and not found.stuck, f"seed {seed}: see the lines above"
    assert not found.timers, f"seed {seed}: {found.timers}"
    assert not found.tracebacks, f"seed {seed}: {found.tracebacks}"
    assert stopped, "the bot did not stop on SIGTERM"
