"""The demo itself: the Bot API emulator, the real `Runtime` polling it, the seeded
organisation, and what a trainer can do (type, tap, switch a language, add a person,
move the clock). The web page (`bot.demo.web`) only calls these methods and
forwards what `Demo.events` publishes.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
from datetime import datetime, timedelta
from pathlib import Path
from typing import Any

from pydantic import ValidationError
from sqlalchemy import func, select

from bot.commands import publish_personal_commands
from bot.demo.clock import MovableClock
from bot.demo.seed import ORGANISATION, DemoPerson, seed
from bot.emulator import FakeBotAPI
from bot.runtime import Runtime
from bot.settings import Settings, SettingsError
from flows.core.engine import commands_for
from flows.core.languages import ENDONYMS, RIGHT_TO_LEFT
from flows.core.roles import CONFIDANT, COORDINATOR, KEY_PERSON
from flows.people.invitations import create_invite
from flows.privacy import retention
from flows.registry import REGISTRY
from storage.crypto import Cipher
from storage.models import Timer

log = logging.getLogger(__name__)

#: Not a Telegram token: the emulator is the only Bot API the demo talks to.
DEMO_TOKEN = "100000:DEMO-NOT-A-TELEGRAM-TOKEN"
ROLE_LABELS = {KEY_PERSON: "key person", CONFIDANT: "confidant", COORDINATOR: "coordinator"}
#: Timers a trainer wants to see; the nightly purge is housekeeping, not a story.
HOUSEKEEPING_TIMERS = frozenset({retention.TIMER})
FIRST_ADDED_ID = 7101

Event = dict[str, Any]


def button_matches(data: str, spec: str) -> bool:
    """Whether callback `data` is the button `spec` names, language-independently:
    "danger:no" (a question's choice, whatever its version), "done", "m:concern" (a
    menu item), "case:ack" (a case button, whatever its reference)."""
    if data.startswith("c:") and data.count(":") >= 3:
        data = data.split(":", 2)[2]
    return data == spec or data.rstrip(":") == spec or data.startswith(spec + ":")


class DemoError(Exception):
    """Something a trainer asked that cannot be done; said in one line."""


class Hub:
    """Fans events out to every open page (one queue per page)."""

    def __init__(self) -> None:
        self.queues: set[asyncio.Queue[Event | None]] = set()

    def subscribe(self) -> asyncio.Queue[Event | None]:
        queue: asyncio.Queue[Event | None] = asyncio.Queue(maxsize=1000)
        self.queues.add(queue)
        return queue

    def unsubscribe(self, queue: asyncio.Queue[Event | None]) -> None:
        self.queues.discard(queue)

    def publish(self, event: Event | None) -> None:
        for queue in list(self.queues):
            try:
                queue.put_nowait(event)
            except asyncio.QueueFull:  # a page that stopped reading: it reloads
                self.queues.discard(queue)


class Demo:
    def __init__(self, data_dir: Path) -> None:
        self.data_dir = data_dir
        self.clock = MovableClock()
        self.api = FakeBotAPI(clock=self.clock.timestamp)
        self.api.token = DEMO_TOKEN
        self.api.bot_username = "sleutel_demo_bot"
        self.api.bot_first_name = "Sleutel"
        self.events = Hub()
        self.people: dict[int, DemoPerson] = {}  # by chat (Telegram user) id
        self.organisation_id = 0
        self._stop = asyncio.Event()
        self._serving: asyncio.Task[None] | None = None
        self._tasks: set[asyncio.Task[Any]] = set()
        self._changed_at = 0.0
        self._next_id = FIRST_ADDED_ID

    # ---------------------------------------------------------------- lifecycle

    async def start(self) -> None:
        await self.api.start()
        self.settings = self._settings()
        self.runtime = Runtime(self.settings, self.clock)
        await self.runtime.open()
        self.organisation_id, people = await seed(self.runtime.db, self.clock.now())
        self.api.observe(self._on_change)
        self._serving = asyncio.create_task(self.runtime.serve(self._stop))
        for person in people:
            self.people[person.telegram_id] = person
            await self._publish_menu(person)
            self.send(person.telegram_id, "/start")

    async def close(self) -> None:
        for task in list(self._tasks):
            task.cancel()
        self.events.publish(None)  # ends the pages' event streams
        self._stop.set()
        if self._serving is not None:
            with contextlib.suppress(Exception):
                await self._serving
        if hasattr(self, "runtime"):
            await self.runtime.close()
        await self.api.stop()

    def _settings(self) -> Settings:
        """Everything explicit, so nothing from the environment (a real token, a real
        database) reaches the demo; only the timezone may come from there."""
        key_file = self.data_dir / "secret.key"
        if not key_file.exists():
            key_file.write_text(Cipher.generate_key())
            key_file.chmod(0o600)
        try:
            return Settings(
                TELEGRAM_TOKEN=DEMO_TOKEN,
                TELEGRAM_API_BASE_URL=self.api.base_url,
                DATABASE_URL=f"sqlite+aiosqlite:///{(self.data_dir / 'sleutel.db').resolve()}",
                SLEUTEL_DATA_DIR=self.data_dir,
                SLEUTEL_SECRET_KEY=key_file.read_text().strip(),
                SLEUTEL_LISTEN="127.0.0.1:0",
                SLEUTEL_WEBHOOK_URL=None,
                SLEUTEL_WEBHOOK_SECRET=None,
            )
        except ValidationError as exc:
            error = exc.errors()[0]
            raise SettingsError(f"{error['loc'][0]}: {error['msg']}") from None

    def spawn(self, coroutine: Any) -> asyncio.Task[Any]:
        """Run a trainer's action in the background; failures are shown on the page."""
        task = asyncio.create_task(coroutine)
        self._tasks.add(task)

        def done(finished: asyncio.Task[Any]) -> None:
            self._tasks.discard(finished)
            if not finished.cancelled() and (error := finished.exception()) is not None:
                if not isinstance(error, DemoError):
                    log.error("demo action failed", exc_info=error)
                self.events.publish({"type": "notice", "text": str(error) or type(error).__name__})

        task.add_done_callback(done)
        return task

    # ---------------------------------------------------------------- what the page shows

    def person_view(self, person: DemoPerson) -> Event:
        chat = person.telegram_id
        return {
            "chat_id": chat,
            "key": person.key,
            "name": person.name,
            "role": person.role,
            "role_label": ROLE_LABELS.get(person.role, person.role),
            "locale": person.locale,
            "language": ENDONYMS.get(person.locale, person.locale),
            "rtl": person.locale in RIGHT_TO_LEFT,
            "enrolled": person.person_id is not None,
            "menu": self.api.menu_for(chat, person.locale),
        }

    def message_view(self, chat_id: int, entry: Event) -> Event:
        moment = datetime.fromtimestamp(entry["date"], self.settings.tz)
        entry["time"] = moment.strftime("%H:%M")
        entry["day"] = f"{moment:%a} {moment.day} {moment:%b %Y}"
        if entry["document"]:
            entry["document"]["url"] = f"/api/file/{chat_id}/{entry['id']}"
        return entry

    def clock_view(self) -> Event:
        now = self.clock.now().astimezone(self.settings.tz)
        return {
            "label": f"{now:%a} {now.day} {now:%b %Y, %H:%M}",
            "iso": now.isoformat(timespec="seconds"),
            "ahead_minutes": round(self.clock.offset.total_seconds() / 60),
        }

    def state(self) -> Event:
        return {
            "organisation": ORGANISATION,
            "clock": self.clock_view(),
            "people": [
                {
                    **self.person_view(person),
                    "messages": [
                        self.message_view(chat, entry) for entry in self.api.transcript(chat)
                    ],
                }
                for chat, person in self.people.items()
            ],
            "languages": ENDONYMS,
            "roles": ROLE_LABELS,
        }

    def _on_change(self, change: tuple[str, int, int | None]) -> None:
        kind, chat, message_id = change
        self._changed_at = asyncio.get_running_loop().time()
        if chat not in self.people:
            return
        if kind == "message" and message_id is not None:
            entry = self.api.entry(chat, message_id)
            if entry is not None:
                self.events.publish(
                    {"type": "message", "chat_id": chat, "message": self.message_view(chat, entry)}
                )
        elif kind == "deleted":
            self.events.publish({"type": "deleted", "chat_id": chat, "id": message_id})
        elif kind == "commands":
            # Published on enrolment and on a language switch: read the person again.
            self.spawn(self._refresh(chat))

    async def _refresh(self, chat: int) -> None:
        person = self.people[chat]
        async with self.runtime.db.unit_of_work() as uow:
            record = await uow.people.by_telegram_id(chat)
        if record is not None:
            person.person_id, person.locale, person.name = (
                record.id,
                record.locale,
                record.display_name,
            )
        self.events.publish({"type": "person", "person": self.person_view(person)})

    async def _publish_menu(self, person: DemoPerson) -> None:
        async with self.runtime.db.unit_of_work() as uow:
            record = await uow.people.get(person.person_id)
        await publish_personal_commands(
            self.runtime.application.bot,
            self.runtime.renderer,
            person.telegram_id,
            person.locale,
            commands_for(record, REGISTRY),
        )

    # ---------------------------------------------------------------- what a trainer does

    def person(self, chat_or_key: int | str) -> DemoPerson:
        for person in self.people.values():
            if chat_or_key in (person.telegram_id, person.key):
                return person
        raise DemoError(f"no demo person {chat_or_key!r}")

    def send(self, chat_id: int, text: str) -> None:
        person = self.person(chat_id)
        if not text.strip():
            raise DemoError("nothing to send")
        self.api.push_text(chat_id, text, first_name=person.name, language_code=person.locale)

    def press(self, chat_id: int, message_id: int, data: str) -> None:
        person = self.person(chat_id)
        try:
            self.api.press(chat_id, message_id, data, language_code=person.locale)
        except ValueError:
            raise DemoError("that button is no longer there") from None

    async def tap(
        self, chat_id: int, spec: str, *, after: set[int] | None = None, timeout: float = 20.0
    ) -> None:
        """Wait for a button matching `spec` (see `button_matches`) in the chat, newest
        first, on a message not in `after`, and press it."""
        loop = asyncio.get_running_loop()
        deadline = loop.time() + timeout
        while True:
            found = self.api.newest_message_to(
                chat_id,
                lambda m: (
                    (after is None or m.message_id not in after)
                    and any(button_matches(d, spec) for _label, d in self.api.buttons(m))
                ),
            )
            if found is not None:
                data = next(d for _l, d in self.api.buttons(found) if button_matches(d, spec))
                self.press(chat_id, found.message_id, data)
                return
            if loop.time() > deadline:
                raise DemoError(f"no button {spec!r} appeared for {self.person(chat_id).name}")
            await asyncio.sleep(0.05)

    async def wait_for_message(self, chat_id: int, after: set[int], timeout: float = 20.0) -> None:
        loop = asyncio.get_running_loop()
        deadline = loop.time() + timeout
        while not set(self.api.message_ids_to(chat_id)) - after:
            if loop.time() > deadline:
                raise DemoError(f"the bot did not answer {self.person(chat_id).name}")
            await asyncio.sleep(0.05)

    async def switch_language(self, chat_id: int, locale: str) -> None:
        """What a person does: /language, then the language's button."""
        if locale not in ENDONYMS:
            raise DemoError(f"unknown language {locale!r}")
        before = set(self.api.message_ids_to(chat_id))
        self.send(chat_id, "/language")
        await self.tap(chat_id, f"lang:{locale}", after=before)

    def add_person(self, role: str, name: str, locale: str) -> DemoPerson:
        """A new pane; the person then enrols as anyone does (invite, language, consent,
        name) in the background."""
        if role not in ROLE_LABELS:
            raise DemoError(f"unknown role {role!r}")
        if locale not in ENDONYMS:
            raise DemoError(f"unknown language {locale!r}")
        name = " ".join(name.split())[:40]
        if not name:
            raise DemoError("a name is needed")
        existing = {p.key for p in self.people.values()}
        key = "".join(c for c in name.lower() if c.isalnum()) or "person"
        while key in existing:
            key += "2"
        person = DemoPerson(key, self._next_id, name, role, locale)
        self._next_id += 1
        self.people[person.telegram_id] = person
        self.events.publish({"type": "person", "person": self.person_view(person)})
        self.spawn(self._enrol(person))
        return person

    async def _enrol(self, person: DemoPerson) -> None:
        links: dict[str, int | None] = {}
        if person.role == KEY_PERSON:
            links = {
                "confidant_id": self.person("saskia").person_id,
                "backup_id": self.person("bram").person_id,
            }
        async with self.runtime.db.unit_of_work() as uow:
            invite = await create_invite(
                uow,
                organisation_id=self.organisation_id,
                role=person.role,
                now=self.clock.now(),
                **links,
            )
        chat = person.telegram_id
        before = set(self.api.message_ids_to(chat))
        self.send(chat, f"/start {invite.code}")
        await self.tap(chat, f"lang:{person.locale}", after=before)
        before = set(self.api.message_ids_to(chat))
        await self.tap(chat, "agree", after=before)
        before = set(self.api.message_ids_to(chat))
        await self.wait_for_message(chat, before)
        self.send(chat, person.name)

    async def skip(self, delta: timedelta) -> int:
        """Move the bot's clock and run what became due at once; returns the number of
        timers that ran."""
        self.clock.skip(delta)
        self.events.publish({"type": "clock", "clock": self.clock_view()})
        ran = await self.runtime.tick()
        await self.runtime.dispatch_outbox()
        return ran

    async def next_timer(self) -> datetime | None:
        """When the next timer a trainer can see is due (one due already is being run)."""
        async with self.runtime.db.unit_of_work() as uow:
            due = await uow.session.scalar(
                select(func.min(Timer.due_at)).where(
                    Timer.status == "pending",
                    Timer.kind.not_in(HOUSEKEEPING_TIMERS),
                    Timer.due_at > self.clock.now(),
                )
            )
        if due is not None and due.tzinfo is None:  # SQLite keeps naive UTC
            due = due.replace(tzinfo=self.clock.now().tzinfo)
        return due

    async def skip_to_next_timer(self) -> int:
        due = await self.next_timer()
        if due is None:
            raise DemoError("no timer is waiting")
        return await self.skip(max(due - self.clock.now(), timedelta()) + timedelta(seconds=1))

    async def settle(self, quiet: float = 0.6, timeout: float = 15.0) -> None:
        """Wait until the bot has handled everything and sent everything due, and no chat
        changed for `quiet` seconds."""
        loop = asyncio.get_running_loop()
        deadline = loop.time() + timeout
        while loop.time() < deadline:
            await asyncio.sleep(0.1)
            if loop.time() - self._changed_at < quiet:
                continue
            if self.api.pending_update_count:
                continue
            async with self.runtime.db.unit_of_work() as uow:
                busy = (
                    await uow.inbox.count_unanswered()
                    or await uow.outbox.count("pending")
                    or await uow.session.scalar(  # a due timer the clock job is running
                        select(func.count(Timer.id)).where(
                            Timer.status == "pending",
                            Timer.kind.not_in(HOUSEKEEPING_TIMERS),
                            Timer.due_at <= self.clock.now(),
                        )
                    )
                )
            if not busy:
                return

    def keep_note(self) -> str:
        return f"SLEUTEL_DATA_DIR={self.data_dir} sleutel people --org {ORGANISATION!r}"
