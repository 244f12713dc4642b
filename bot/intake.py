"""Intake: every update committed to the inbox before Telegram hears it arrived.

Updates reach the intake from our own `getUpdates` loop (`bot.polling`) or the
webhook (`bot.webhook`); both tell Telegram "received" only after the commit.
Text is cleaned at the door; what cannot be kept, and a flood from one person, is
set aside with its kind and id only. Then `bot.dispatch` takes it from there.
"""

from __future__ import annotations

import asyncio
from dataclasses import replace
from datetime import datetime, timedelta
from typing import Any

from bot.metrics import Metrics
from bot.updates import admit
from flows.core.clock import Clock
from flows.core.messages import Reply, Text, _, to_json
from storage.database import Database, UnitOfWork, is_unavailable
from storage.inbox import IncomingUpdate

FLOOD_LIMIT = 30  # waiting updates from one person before more are set aside
FLOOD_WINDOW = timedelta(minutes=10)  # one flood warning per person in this time

FLOOD_WARNING = _(
    "You are sending messages faster than I can read them. I will answer what you "
    "sent first; please wait a moment before you send more."
)


class Intake:
    def __init__(
        self, db: Database, clock: Clock, metrics: Metrics, outbox_wake: asyncio.Event
    ) -> None:
        self.db = db
        self.clock = clock
        self.metrics = metrics
        self.stored = asyncio.Event()  # something new: wakes the dispatch
        self.outbox_wake = outbox_wake  # a warning was queued: wakes the outbox dispatcher
        self._arrived: list[tuple[Any, asyncio.Future[None]]] = []
        self._storing: asyncio.Task[None] | None = None

    async def store_delivered(self, update: Any) -> None:
        """Store one update a webhook delivered, committed together with those delivered
        meanwhile (a group commit): Telegram sends one update a request and many requests
        at once, and a transaction each cost more than the update. Returns once it is
        committed; raises what storing raised."""
        arrived = asyncio.get_running_loop().create_future()
        self._arrived.append((update, arrived))
        if self._storing is None or self._storing.done():
            self._storing = asyncio.create_task(self._store_arrived())
        await arrived

    async def _store_arrived(self) -> None:
        """Store what arrived, batch after batch while more arrives. A batch that fails for
        another reason than an unavailable database is stored again one update at a time,
        so one update that cannot be stored holds up no other."""
        while self._arrived:
            batch, self._arrived = self._arrived, []
            error = await self._try_to_store(batch)
            if error is None or len(batch) == 1 or is_unavailable(error):
                _settle(batch, error)
                continue
            for one in batch:
                _settle([one], await self._try_to_store([one]))

    async def _try_to_store(
        self, batch: list[tuple[Any, asyncio.Future[None]]]
    ) -> Exception | None:
        try:
            await self.store([update for update, _arrived in batch])
        except Exception as exc:
            return exc
        return None

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
        self.stored.set()
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
                    await notice(uow, chat, FLOOD_WARNING, now)
                    self.outbox_wake.set()
        return kept

    async def next_offset(self) -> int:
        async with self.db.unit_of_work() as uow:
            return await uow.inbox.next_offset()


def _settle(batch: list[tuple[Any, asyncio.Future[None]]], error: Exception | None) -> None:
    """Tell the waiting requests how storing went (one that gave up waiting is skipped)."""
    for _update, arrived in batch:
        if arrived.done():
            continue
        if error is None:
            arrived.set_result(None)
        else:
            arrived.set_exception(error)


async def notice(uow: UnitOfWork, chat_id: int, text: Text, now: datetime) -> None:
    """A short word to the sender, through the outbox; strangers get nothing."""
    person = await uow.people.by_telegram_id(chat_id)
    if person is not None:
        await uow.outbox.add(person.id, to_json(Reply(text)), now=now)
