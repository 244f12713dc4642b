"""Dispatch: stored updates, each person's in order, through the engine.

Processing claims the oldest waiting update of each of up to BATCH people
(`claim_heads`: a lease, so two workers never take the same one, and each
person's updates strictly in order), turns them into `Event`s and hands the
round to the engine, which handles it in one transaction (one commit for the
round; a failing update is handled again on its own, so it holds up no one) and
marks each row handled in it, so an update is acted on once even across a
crash. `bot.replies` then sends what was decided, to everyone side by side,
while the next round is claimed and read (it is handled once they are out).
The round is handled here rather than through PTB's `Application.process_update`,
which takes one update at a time: a commit per update was the most an update
cost. The `Application` still gives the bot, its requests, the rate limiter and
the job queue. When processing fails (the database went away) the row is tried
again later; after a few failed attempts it is set aside, and the sender is told.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging

from bot.intake import notice
from bot.metrics import Metrics
from bot.replies import Replies
from bot.updates import Unreadable, to_event
from flows.core.clock import Clock
from flows.core.engine import Engine, Outcome
from flows.core.events import Event
from flows.core.messages import _
from storage.database import UNAVAILABLE_ERRORS, Database
from storage.inbox import ClaimedUpdate

log = logging.getLogger(__name__)

# An update read: its event, and the callback query to answer (a button was tapped).
Read = tuple[Event, str | None]

BATCH = 16  # people whose updates are handled in one round
NOT_READ = _(
    "Sorry, I could not read your last message. Please send it again in a few plain words."
)


class _Sending:
    """A round's replies on their way, to everyone side by side."""

    def __init__(self, replies: Replies, answers: list[tuple[Read, Outcome]]) -> None:
        self.update_ids = [event.update_id for (event, _query), _outcome in answers]
        self._task = asyncio.ensure_future(
            asyncio.gather(
                *(replies.answer(event, query, outcome) for (event, query), outcome in answers),
                return_exceptions=True,
            )
        )

    async def out(self) -> list[int]:
        """Wait until they are out (or failed: handled and kept, only the replies lost);
        the updates they answered."""
        for outcome in await self._task:
            if isinstance(outcome, Exception):
                log.error("replies not sent", exc_info=outcome)
        return self.update_ids


class Dispatch:
    def __init__(
        self,
        db: Database,
        clock: Clock,
        engine: Engine,
        replies: Replies,
        metrics: Metrics,
        wake: asyncio.Event,
    ) -> None:
        self.db = db
        self.clock = clock
        self.engine = engine
        self.replies = replies
        self.metrics = metrics
        self.wake = wake  # set by the intake when it stored something

    async def process_pending(self) -> int:
        """Handle stored updates until none is waiting, a round at a time.

        From the second round of a call on (from the first when more was stored since
        the call began), a round's replies go out while the next round is claimed and
        read (its senders' next updates among it); that round is handled, in its
        transaction, only once they are out, so a crash loses at most the replies of the
        last round handled, as before, and everyone's replies go in order. The updates a
        round answered are marked done by the statement that claims a later round. A
        round in which one failed (the database went away) ends the call; that update is
        tried again next time, and after a few tries set aside."""
        self.wake.clear()  # from here on set only by what is stored during this call
        done = 0
        answered: list[int] = []
        sending: _Sending | None = None
        complete = True
        rounds = 0
        try:
            while True:
                if sending is not None and rounds == 1 and not self.wake.is_set():
                    # Most calls are one round (a message now and then): a claim while its
                    # replies go out would find nothing. From a second round on, or once
                    # more was stored (a burst), it does.
                    answered += await sending.out()
                    sending = None
                claimed = []
                if complete:  # answered: their senders' next updates may go
                    async with self.db.one_statement() as uow:
                        claimed = await uow.inbox.answer_and_claim(
                            answered,
                            now=self.clock.now(),
                            limit=BATCH,
                            sending=sending.update_ids if sending else (),
                        )
                elif answered:
                    async with self.db.unit_of_work() as uow:
                        await uow.inbox.mark_done(answered)
                done += len(answered)
                answered = []
                if not claimed and sending is None:
                    return done
                skipped, handled = await self._read_all(claimed)
                answered += skipped
                if sending is not None:
                    answered += await sending.out()
                    sending = None
                if handled:
                    sending, complete = await self._handle(handled)
                    rounds += 1
        finally:
            if sending is not None:  # the database went away: the replies still go
                await sending.out()

    async def _read_all(self, claimed: list[ClaimedUpdate]) -> tuple[list[int], list[Read]]:
        """The round's updates read: those set aside or with nothing for the flows (done
        as they are), and those to handle."""
        skipped: list[int] = []
        handled: list[Read] = []
        for update in claimed:
            read = await self._read(update)
            if read is None:
                skipped.append(update.update_id)
            else:
                handled.append(read)
        return skipped, handled

    async def _handle(self, handled: list[Read]) -> tuple[_Sending | None, bool]:
        """Handle one round; its replies start to go out. Whether every update was handled."""
        try:
            results = await self.engine.handle_all([event for event, _query in handled])
        except UNAVAILABLE_ERRORS:
            log.warning("database unavailable; the round is tried again")
            await self._try_again([event.update_id for event, _query in handled])
            return None, False
        failed = []
        replies = []
        for read, result in zip(handled, results, strict=True):
            update_id = read[0].update_id
            if isinstance(result, Exception):
                log.error("update not processed", extra={"update_id": update_id}, exc_info=result)
                failed.append(update_id)
            else:
                replies.append((read, result))
        self.metrics.updates_processed.inc(len(replies))
        # What the flows queued for others wakes the dispatcher when it is committed
        # (`Database.outbox_queued`); a round that queued nothing costs it nothing.
        await self._try_again(failed)
        if not replies:
            return None, not failed
        return _Sending(self.replies, replies), not failed

    async def _try_again(self, update_ids: list[int]) -> None:
        """These may be claimed again at once (their attempts count towards setting them
        aside)."""
        if not update_ids:
            return
        async with self.db.unit_of_work() as uow:
            for update_id in update_ids:
                await uow.inbox.try_again(update_id, at=self.clock.now())

    async def _read(self, claimed: ClaimedUpdate) -> Read | None:
        """The update's event and callback query (`to_event`); None when it has nothing
        for the flows, or is set aside instead (tried too often, or of a shape nobody can
        read: it would fail every time)."""
        if claimed.exhausted:
            log.error("update failed too often; set aside", extra={"update_id": claimed.update_id})
            await self._set_aside(claimed, "failed")
            return None
        try:
            event, query_id = to_event(claimed.payload)
        except Unreadable:
            log.error("update not understood; set aside", extra={"update_id": claimed.update_id})
            await self._set_aside(claimed, "unreadable")
            return None
        return None if event is None else (event, query_id)

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
            try:
                await self.process_pending()
            except UNAVAILABLE_ERRORS:
                log.warning("database unavailable; inbox waits")
            except Exception:
                # A loop that dies would silently stop the bot: log, wait, go on.
                log.exception("inbox round failed; trying again")
            with contextlib.suppress(TimeoutError):
                await asyncio.wait_for(self.wake.wait(), timeout=interval)
