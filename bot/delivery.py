"""Sending: flow replies and outbox messages become Bot API calls.

`Sender` renders in the recipient's language and builds the inline keyboard.
`OutboxDispatcher` delivers queued messages with the failure rules of
DESIGN.md §3: 429 waits `retry_after`; 5xx, connection errors and time-outs
back off and retry; 403 marks the person unreachable (the flows escalate);
other 400s are dead letters. PTB's `BadRequest` and `TimedOut` subclass
`NetworkError`, so they are caught first. Overall rate (30 messages/s) is
PTB's `AIORateLimiter`; the ~1 message/s per chat is kept here.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import time
import unicodedata
from datetime import datetime, timedelta

from telegram import Bot, InputFile
from telegram.error import BadRequest, Forbidden, NetworkError, RetryAfter, TimedOut

from bot.i18n import Renderer, split_for_telegram
from bot.metrics import Metrics
from bot.transport import call_raw
from flows.core.clock import Clock
from flows.core.engine import Engine
from flows.core.messages import Keyboard, Reply, Text, from_json
from flows.core.reports import Blocked, Refused
from storage.database import UNAVAILABLE_ERRORS, Database
from storage.records import OutboxRecord

log = logging.getLogger(__name__)

PER_CHAT_INTERVAL = 1.0
# Characters of button labels that fit side by side on one row of a small phone (about
# 320 points wide); a row with more is shown one button a row.
ROW_WIDTH = 28
MAX_BACKOFF = timedelta(minutes=30)


class Sender:
    """Renders and sends. Messages and edits go out by name (`call_raw`) with the
    keyboard as plain JSON, and only the sent message's id is read from the answer:
    PTB's typed methods build each button as an object, then read the whole sent
    message back into objects (its keyboard too), which cost more CPU than the send
    itself. PTB's request layer, errors, retries and rate limiter apply as before."""

    def __init__(self, bot: Bot, renderer: Renderer) -> None:
        self.bot = bot
        self.renderer = renderer

    def markup(self, buttons: Keyboard, locale: str) -> dict | None:
        """The keyboard as the flow laid it out, except that a row whose labels would not
        fit a small phone in this language is split, one button a row."""
        if not buttons:
            return None
        rows: list[list[dict[str, str]]] = []
        for row in buttons:
            labelled = [(self.renderer.render(b.label, locale), b.data) for b in row]
            fits = len(row) == 1 or sum(label_width(t) for t, _d in labelled) <= ROW_WIDTH
            layout = [labelled] if fits else [[one] for one in labelled]
            rows += [[{"text": t, "callback_data": d} for t, d in r] for r in layout]
        return {"inline_keyboard": rows}

    async def send(self, chat_id: int, locale: str, reply: Reply) -> int:
        """Send one message (split when too long; the buttons go on the last part), or a
        file with its caption; the id of the (last) message sent."""
        if reply.document is not None:
            message = await self.bot.send_document(
                chat_id,
                InputFile(reply.document.content, filename=reply.document.filename),
                caption=self.renderer.render(reply.text, locale)[:1024],
                protect_content=reply.protect,
            )
            return message.message_id
        parts = split_for_telegram(self.renderer.render(reply.text, locale))
        sent = {}
        for index, part in enumerate(parts):
            last = index == len(parts) - 1
            sent = await call_raw(
                self.bot,
                "sendMessage",
                chat_id=chat_id,
                text=part,
                reply_markup=self.markup(reply.buttons, locale) if last else None,
                protect_content=reply.protect or None,
            )
        return sent["message_id"]

    async def edit(
        self, chat_id: int, message_id: int, locale: str, text: Text, buttons: Keyboard
    ) -> None:
        try:
            await call_raw(
                self.bot,
                "editMessageText",
                chat_id=chat_id,
                message_id=message_id,
                text=self.renderer.render(text, locale),
                reply_markup=self.markup(buttons, locale),
            )
        except BadRequest as exc:
            if "not modified" not in exc.message.lower():
                raise

    async def clear_buttons(self, chat_id: int, message_id: int) -> None:
        """Take the buttons off an answered question so it cannot be tapped again."""
        # Already without buttons, or too old to edit: then there is nothing to take off.
        with contextlib.suppress(BadRequest):
            await call_raw(
                self.bot, "editMessageReplyMarkup", chat_id=chat_id, message_id=message_id
            )


class OutboxDispatcher:
    def __init__(
        self, db: Database, sender: Sender, engine: Engine, clock: Clock, metrics: Metrics
    ) -> None:
        self.db = db
        self.metrics = metrics
        self.sender = sender
        self.engine = engine
        self.clock = clock
        self._last_sent: dict[int, float] = {}
        self.wake = db.outbox_queued  # set by every commit that queued a message

    async def dispatch_once(self) -> int:
        """Deliver what is due now, round after round while rounds send something (a
        person's next message can be claimed once the one before it went); returns how
        many messages were sent."""
        moment = time.monotonic()  # forget chats whose pause is over: the map stays small
        self._last_sent = {
            chat: at for chat, at in self._last_sent.items() if moment - at < PER_CHAT_INTERVAL
        }
        total = 0
        while sent := await self._round():
            total += sent
        return total

    async def _round(self) -> int:
        now = self.clock.now()
        async with self.db.unit_of_work() as uow:
            due = await uow.outbox.claim_due(now=now)
        sent = 0
        for message in due:
            if message.telegram_id is None:
                await self._give_up(message.id, "dead", "no_recipient")
                continue
            pause = PER_CHAT_INTERVAL - (
                time.monotonic() - self._last_sent.get(message.telegram_id, 0)
            )
            if pause > 0:
                # This chat had a message a moment ago: it waits out the pause (claimed
                # again at once, it would be released again round after round).
                async with self.db.unit_of_work() as uow:
                    await uow.outbox.release(message.id, at=now + timedelta(seconds=pause))
                continue
            sent += await self._deliver(message)
        return sent

    async def _deliver(self, message: OutboxRecord) -> int:
        reply = from_json(message.payload)
        now = self.clock.now()
        try:
            sent = await self.sender.send(message.telegram_id, message.locale, reply)
        except RetryAfter as exc:
            await self._retry(message.id, now + retry_delay(exc.retry_after), "retry_after")
            return 0
        except Forbidden:
            await self._give_up(message.id, "unreachable", "forbidden")
            await self.engine.report(Blocked(message.person_id))
            return 0
        except BadRequest as exc:
            log.error("outbox message refused", extra={"outbox_id": message.id})
            await self._give_up(message.id, "dead", _short(exc.message))
            await self.engine.report(Refused(message.person_id))
            return 0
        except (TimedOut, NetworkError) as exc:
            backoff = min(timedelta(seconds=5 * 2 ** (message.attempts - 1)), MAX_BACKOFF)
            await self._retry(message.id, now + backoff, type(exc).__name__)
            return 0
        self._last_sent[message.telegram_id] = time.monotonic()
        self.metrics.messages_sent.inc()
        async with self.db.unit_of_work() as uow:
            await uow.outbox.mark_sent(message.id, now=now, telegram_message_id=sent)
            if reply.shows_case and message.person_id is not None:
                await uow.shown.add(message.person_id, reply.shows_case, sent, now=now)
        return 1

    async def _retry(self, message_id: int, at: datetime, error: str) -> None:
        async with self.db.unit_of_work() as uow:
            await uow.outbox.retry_later(message_id, at=at, error=error)

    async def _give_up(self, message_id: int, status: str, error: str) -> None:
        self.metrics.messages_failed.labels(status).inc()
        async with self.db.unit_of_work() as uow:
            await uow.outbox.give_up(message_id, status=status, error=error)

    async def run(self, stop: asyncio.Event, interval: float = 1.0) -> None:
        """Deliver until `stop` is set; woken early when a flow queued something."""
        while not stop.is_set():
            self.wake.clear()  # before the round: what is queued meanwhile wakes the next
            try:
                await self.dispatch_once()
            except UNAVAILABLE_ERRORS:
                log.warning("database unavailable; outbox waits")
            except Exception:
                # A loop that dies would silently stop all delivery: log, wait, go on.
                log.exception("outbox round failed; trying again")
            await _wait_any(stop, self.wake, interval)


async def _wait_any(stop: asyncio.Event, wake: asyncio.Event, timeout: float) -> None:
    waiters = [asyncio.create_task(stop.wait()), asyncio.create_task(wake.wait())]
    await asyncio.wait(waiters, timeout=timeout, return_when=asyncio.FIRST_COMPLETED)
    for waiter in waiters:
        waiter.cancel()


def label_width(label: str) -> int:
    """How wide a label shows, in characters: marks that combine with a letter (Arabic
    vowel signs, accents typed apart) and bidi controls take no room."""
    return sum(
        1
        for ch in label
        if not unicodedata.combining(ch) and unicodedata.category(ch) not in ("Mn", "Cf")
    )


def retry_delay(value: int | float | timedelta) -> timedelta:
    """Telegram's `retry_after` (PTB gives seconds now, a timedelta in future versions)."""
    return value if isinstance(value, timedelta) else timedelta(seconds=float(value))


def _short(description: str) -> str:
    return description[:64]
