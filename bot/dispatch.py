"""Dispatch: stored updates, each person's in order, through the engine.

Processing claims the oldest waiting update of each person (`claim_heads`: a
lease, so two workers never take the same one, and each person's updates strictly
in order), hands them side by side to `Application.process_update`, whose single
handler turns each into an `Event` for the engine. The engine marks the row done
in the same transaction as the flow's changes, so an update is acted on once even
across a crash; `bot.replies` then sends what it decided. When processing fails
(the database went away) the row is tried again later; after a few failed
attempts it is set aside, and the sender is told.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging

from telegram import Update
from telegram.ext import Application, ContextTypes

from bot.intake import notice
from bot.metrics import Metrics
from bot.replies import Replies
from bot.updates import to_event
from flows.core.clock import Clock
from flows.core.engine import Engine
from flows.core.messages import _
from storage.database import UNAVAILABLE_ERRORS, Database
from storage.inbox import ClaimedUpdate

log = logging.getLogger(__name__)

BATCH = 16  # people whose updates are handled side by side
NOT_READ = _(
    "Sorry, I could not read your last message. Please send it again in a few plain words."
)


class Dispatch:
    def __init__(
        self,
        db: Database,
        clock: Clock,
        application: Application,
        engine: Engine,
        replies: Replies,
        metrics: Metrics,
        wake: asyncio.Event,
    ) -> None:
        self.db = db
        self.clock = clock
        self.application = application
        self.engine = engine
        self.replies = replies
        self.metrics = metrics
        self.wake = wake  # set by the intake when it stored something
        self._failed: set[int] = set()

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
                await notice(uow, claimed.chat_id, NOT_READ, now)
                self.replies.outbox_wake.set()

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
        await self.replies.answer(update, event, outcome)
        # What the flows queued for others wakes the dispatcher when it is committed
        # (`Database.outbox_queued`); an update that queued nothing costs it nothing.
