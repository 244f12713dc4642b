"""The inbox: store every update first, then process it through PTB's `Application`.

Updates reach the inbox from our own `getUpdates` loop (`bot.polling`) or the
webhook (`bot.webhook`); both tell Telegram "received" only after the commit.
Processing claims the oldest waiting update of each person (`claim_heads`:
a lease, so two workers never take the same one, and each person's updates
strictly in order), hands them side by side to `Application.process_update`,
whose single handler turns each into an `Event` for the engine. The engine
marks the row done in the same transaction as the flow's changes, so an
update is acted on once even across a crash. When processing fails (the
database went away) the row is tried again later; after a few failed attempts
it is set aside, and the sender is told.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
from dataclasses import replace
from datetime import datetime, timedelta
from typing import Any

from telegram import Update
from telegram.error import BadRequest, Forbidden, TelegramError
from telegram.ext import Application, ContextTypes

from bot.commands import publish_personal_commands
from bot.delivery import OutboxDispatcher, Sender
from bot.metrics import Metrics
from bot.updates import admit, to_event
from flows.core.clock import Clock
from flows.core.engine import Engine, Outcome
from flows.core.events import Event, Kind
from flows.core.messages import Reply, Text, _, to_json
from storage.database import UNAVAILABLE_ERRORS, Database, UnitOfWork
from storage.inbox import ClaimedUpdate, IncomingUpdate

log = logging.getLogger(__name__)

BATCH = 16  # people whose updates are handled side by side
FLOOD_LIMIT = 30  # waiting updates from one person before more are set aside
FLOOD_WINDOW = timedelta(minutes=10)  # one flood warning per person in this time

FLOOD_WARNING = _(
    "You are sending messages faster than I can read them. I will answer what you "
    "sent first; please wait a moment before you send more."
)
NOT_READ = _(
    "Sorry, I could not read your last message. Please send it again in a few plain words."
)
NOT_DELETED = _(
    "Telegram did not let me delete some messages. Please delete them yourself: "
    "press and hold a message, then choose Delete."
)


class Inbox:
    def __init__(
        self,
        db: Database,
        clock: Clock,
        application: Application,
        engine: Engine,
        sender: Sender,
        dispatcher: OutboxDispatcher,
        metrics: Metrics,
    ) -> None:
        self.db = db
        self.clock = clock
        self.application = application
        self.engine = engine
        self.sender = sender
        self.dispatcher = dispatcher
        self.metrics = metrics
        self.wake = asyncio.Event()
        self._failed: set[int] = set()

    async def store(self, updates: list[Any]) -> int:
        """Commit raw updates (duplicates ignored); raises only when the database is away.

        Text is cleaned at the door (`bot.updates.clean`). What cannot be kept is set
        aside with its kind and id only, so it never blocks polling or anyone else: an
        id outside 64 bits (not even that can be kept), a payload that cannot be
        encrypted, or the messages of someone flooding the bot past `FLOOD_LIMIT`
        waiting updates (they get one friendly warning).
        """
        now = self.clock.now()
        incoming = []
        for raw in updates:
            update = admit(raw)
            if update is None:
                self.metrics.updates_set_aside.labels("bad_id").inc()
                continue
            incoming.append(update)
        async with self.db.unit_of_work() as uow:
            incoming = await self._hold_back_floods(uow, incoming, now)
            added = await uow.inbox.add(incoming, now=now)
        for update in incoming:
            if update.reason:
                self.metrics.updates_set_aside.labels(update.reason).inc()
        self.metrics.updates_received.inc(added)
        self.wake.set()
        return added

    async def _hold_back_floods(
        self, uow: UnitOfWork, incoming: list[IncomingUpdate], now: datetime
    ) -> list[IncomingUpdate]:
        """Past FLOOD_LIMIT waiting updates from one chat, the rest is set aside; the
        person is warned once per FLOOD_WINDOW. Others are not held up by a flood:
        each person's updates are handled in turn (`claim_heads`)."""
        chats = {u.chat_id for u in incoming if u.chat_id is not None and u.payload is not None}
        waiting = await uow.inbox.pending_by_chat(chats)
        warned: set[int] = set()
        kept = []
        for update in incoming:
            chat = update.chat_id
            if chat is None or update.payload is None:
                kept.append(update)
                continue
            waiting[chat] = waiting.get(chat, 0) + 1
            if waiting[chat] <= FLOOD_LIMIT:
                kept.append(update)
                continue
            kept.append(replace(update, payload=None, reason="flood"))
            if chat not in warned:
                warned.add(chat)
                if not await uow.inbox.set_aside_since(chat, "flood", now - FLOOD_WINDOW):
                    await self._notice(uow, chat, FLOOD_WARNING, now)
        return kept

    async def _notice(self, uow: UnitOfWork, chat_id: int, text: Text, now: datetime) -> None:
        """A short word to the sender, through the outbox; strangers get nothing."""
        person = await uow.people.by_telegram_id(chat_id)
        if person is not None:
            await uow.outbox.add(person.id, to_json(Reply(text)), now=now)
            self.dispatcher.wake.set()

    async def next_offset(self) -> int:
        async with self.db.unit_of_work() as uow:
            return await uow.inbox.next_offset()

    async def process_pending(self) -> int:
        """Handle stored updates until none is waiting: each round claims the oldest
        update of up to BATCH people and handles them side by side, each person's in
        order. A round in which one failed (the database went away) ends the call;
        that update is tried again next time, and after a few tries set aside."""
        done = 0
        while True:
            async with self.db.unit_of_work() as uow:
                claimed = await uow.inbox.claim_heads(
                    now=self.clock.now(), limit=BATCH, skip_locked=self.db.dialect == "postgresql"
                )
            if not claimed:
                return done
            results = await asyncio.gather(*(self._process(update) for update in claimed))
            async with self.db.unit_of_work() as uow:  # answered: the next may go
                await uow.inbox.mark_done(
                    [u.update_id for u, ok in zip(claimed, results, strict=True) if ok]
                )
            done += sum(results)
            if not all(results):
                return done

    async def _process(self, claimed: ClaimedUpdate) -> bool:
        """Hand one update to PTB's Application; False when it must be tried again."""
        if claimed.exhausted:
            log.error("update failed too often; set aside", extra={"update_id": claimed.update_id})
            await self._set_aside(claimed, "failed")
            return True
        try:
            update = Update.de_json(claimed.payload, self.application.bot)
        except Exception:  # a shape PTB cannot read: it would fail every time
            log.error("update not understood; set aside", extra={"update_id": claimed.update_id})
            await self._set_aside(claimed, "unreadable")
            return True
        await self.application.process_update(update)
        if claimed.update_id not in self._failed:
            return True
        self._failed.discard(claimed.update_id)
        async with self.db.unit_of_work() as uow:
            await uow.inbox.try_again(claimed.update_id, at=self.clock.now())
        return False

    async def _set_aside(self, claimed: ClaimedUpdate, reason: str) -> None:
        self.metrics.updates_set_aside.labels(reason).inc()
        now = self.clock.now()
        async with self.db.unit_of_work() as uow:
            await uow.inbox.set_aside(claimed.update_id, reason, now=now)
            if claimed.chat_id is not None:
                await self._notice(uow, claimed.chat_id, NOT_READ, now)

    async def run(self, stop: asyncio.Event, interval: float = 2.0) -> None:
        while not stop.is_set():
            self.wake.clear()
            try:
                await self.process_pending()
            except UNAVAILABLE_ERRORS:
                log.warning("database unavailable; inbox waits")
            except Exception:
                # A loop that dies would silently stop the bot: log, wait, go on.
                log.exception("inbox round failed; trying again")
            with contextlib.suppress(TimeoutError):
                await asyncio.wait_for(self.wake.wait(), timeout=interval)

    async def on_update(self, update: Update, _context: ContextTypes.DEFAULT_TYPE) -> None:
        """PTB's only handler: the update becomes an event, the engine decides, we send."""
        event = to_event(update)
        try:
            if event is None:
                return  # nothing for the flows: done with its round
            outcome = await self.engine.handle(event)
        except Exception:
            self._failed.add(update.update_id)
            log.exception("update not processed", extra={"update_id": update.update_id})
            return
        self.metrics.updates_processed.inc()
        await self._answer(update, event, outcome)
        # What the flows queued for others wakes the dispatcher when it is committed
        # (`Database.outbox_queued`); an update that queued nothing costs it nothing.

    async def _delete(self, chat_id: int, outcome: Outcome) -> None:
        """Delete messages (100 per call, Telegram's limit; one by one where the Bot API
        has no deleteMessages); say so when Telegram refuses."""
        ids = sorted(set(outcome.deletions))
        bot = self.sender.bot
        try:
            for start in range(0, len(ids), 100):
                await bot.delete_messages(chat_id, ids[start : start + 100])
        except BadRequest:
            await self.sender.send(chat_id, outcome.locale, Reply(NOT_DELETED))
        except TelegramError:
            refused = 0
            for message_id in ids:
                try:
                    await bot.delete_message(chat_id, message_id)
                except BadRequest:
                    refused += 1
            if refused:
                await self.sender.send(chat_id, outcome.locale, Reply(NOT_DELETED))

    async def _answer(self, update: Update, event: Event, outcome: Outcome) -> None:
        """Send the replies. A tapped question loses its buttons unless a reply replaces it;
        a late button answer or a refused edit never stops the replies; replies that meet a
        network failure go to the outbox, which retries them."""
        chat_id = event.telegram_id
        if update.callback_query is not None:
            toast = outcome.toast and self.sender.renderer.render(outcome.toast, outcome.locale)
            with contextlib.suppress(TelegramError):  # too late to answer: Telegram moved on
                await update.callback_query.answer(toast or None)
            if event.message_id and not any(r.edit for r in outcome.replies):
                await self.sender.clear_buttons(chat_id, event.message_id)
        shown = []
        for index, reply in enumerate(outcome.replies):
            try:
                if reply.edit and event.kind == Kind.BUTTON and event.message_id:
                    await self.sender.edit(
                        chat_id, event.message_id, outcome.locale, reply.text, reply.buttons
                    )
                    continue
                sent = await self.sender.send(chat_id, outcome.locale, reply)
            except Forbidden:
                log.info("sender blocked the bot while being answered")
                return
            except BadRequest:
                log.error("reply refused by Telegram", exc_info=True)
                continue
            except TelegramError:
                log.warning("reply not delivered; handed to the outbox")
                await self.engine.defer_replies(chat_id, outcome.replies[index:])
                self.dispatcher.wake.set()
                break
            if reply.shows_case:
                shown.append((reply.shows_case, sent.message_id))
        try:
            if shown:
                await self.engine.remember_shown(chat_id, shown)
            if outcome.deletions:
                await self._delete(chat_id, outcome)
            if outcome.commands is not None:
                await publish_personal_commands(
                    self.sender.bot,
                    self.sender.renderer,
                    chat_id,
                    outcome.locale,
                    outcome.commands,
                )
        except TelegramError:
            log.warning("after the replies: a deletion or command menu failed", exc_info=True)
