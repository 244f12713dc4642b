"""The inbox: store every update first, then process it through PTB's `Application`.

Updates reach the inbox from our own `getUpdates` loop (`bot.polling`) or the
webhook (`bot.webhook`); both tell Telegram "received" only after the commit.
Processing reads pending rows in `update_id` order, hands each to
`Application.process_update`, whose single handler turns it into an `Event`
for the engine. The engine marks the row done in the same transaction as the
flow's changes, so an update is acted on once even across a crash. When
processing fails (the database went away) the round stops, keeping order, and
the row is tried again later; after a few failed attempts it is set aside.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
from typing import Any

from telegram import Update
from telegram.error import BadRequest, Forbidden, TelegramError
from telegram.ext import Application, ContextTypes

from bot.commands import publish_personal_commands
from bot.delivery import OutboxDispatcher, Sender
from bot.metrics import Metrics
from bot.updates import to_event
from flows.clock import Clock
from flows.engine import Engine, Outcome
from flows.events import Event, Kind
from flows.messages import Reply, _
from storage.database import UNAVAILABLE_ERRORS, Database

log = logging.getLogger(__name__)

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

    async def store(self, updates: list[dict[str, Any]]) -> int:
        """Commit raw updates (duplicates ignored); raises when the database is away."""
        now = self.clock.now()
        added = 0
        async with self.db.unit_of_work() as uow:
            for update in updates:
                added += await uow.inbox.add(int(update["update_id"]), update, now=now)
        self.metrics.updates_received.inc(added)
        self.wake.set()
        return added

    async def next_offset(self) -> int:
        async with self.db.unit_of_work() as uow:
            return await uow.inbox.next_offset()

    async def process_pending(self) -> int:
        """Process stored updates in order; stop at the first that fails."""
        async with self.db.unit_of_work() as uow:
            pending = await uow.inbox.pending()
        done = 0
        for update_id, payload in pending:
            async with self.db.unit_of_work() as uow:
                attempts = await uow.inbox.begin_attempt(update_id)
            if attempts == 0 or attempts > 5:
                continue
            try:
                update = Update.de_json(payload, self.application.bot)
            except (TypeError, ValueError, KeyError):
                log.error("update not understood; set aside", extra={"update_id": update_id})
                async with self.db.unit_of_work() as uow:
                    await uow.inbox.mark_done(update_id, now=self.clock.now())
                continue
            await self.application.process_update(update)
            if update_id in self._failed:
                self._failed.discard(update_id)
                break
            done += 1
        return done

    async def run(self, stop: asyncio.Event, interval: float = 2.0) -> None:
        while not stop.is_set():
            try:
                await self.process_pending()
            except UNAVAILABLE_ERRORS:
                log.warning("database unavailable; inbox waits")
            except Exception:
                # A loop that dies would silently stop the bot: log, wait, go on.
                log.exception("inbox round failed; trying again")
            self.wake.clear()
            with contextlib.suppress(TimeoutError):
                await asyncio.wait_for(self.wake.wait(), timeout=interval)

    async def on_update(self, update: Update, _context: ContextTypes.DEFAULT_TYPE) -> None:
        """PTB's only handler: the update becomes an event, the engine decides, we send."""
        event = to_event(update)
        try:
            if event is None:
                async with self.db.unit_of_work() as uow:
                    await uow.inbox.mark_done(update.update_id, now=self.clock.now())
                return
            outcome = await self.engine.handle(event)
        except Exception:
            self._failed.add(update.update_id)
            log.exception("update not processed", extra={"update_id": update.update_id})
            return
        self.metrics.updates_processed.inc()
        await self._answer(update, event, outcome)
        self.dispatcher.wake.set()

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
