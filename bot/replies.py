"""Replies: what the engine decided, sent to the person who wrote.

Questions lose their buttons once answered, toasts answer taps, messages the flow
asked to delete are deleted, and a person's command menu is refreshed when their
roles or language changed. What happened is reported back to the engine as data
(`flows.core.reports`): which replies showed a case, which the network lost.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging

from telegram.error import BadRequest, Forbidden, TelegramError

from bot.commands import publish_personal_commands
from bot.delivery import Sender
from flows.core.engine import Engine, Outcome
from flows.core.events import Event, Kind
from flows.core.messages import Reply, _
from flows.core.reports import Lost, Shown

log = logging.getLogger(__name__)

NOT_DELETED = _(
    "Telegram did not let me delete some messages. Please delete them yourself: "
    "press and hold a message, then choose Delete."
)


class Replies:
    def __init__(self, sender: Sender, engine: Engine, outbox_wake: asyncio.Event) -> None:
        self.sender = sender
        self.engine = engine
        self.outbox_wake = outbox_wake  # the outbox dispatcher's: something new to send

    async def answer(self, event: Event, query_id: str | None, outcome: Outcome) -> None:
        """Send the replies, and answer the tapped button's callback query (`query_id`). A
        tapped question loses its buttons unless a reply replaces it; a late button answer
        or a refused edit never stops the replies; replies that meet a network failure go
        to the outbox, which retries them."""
        chat_id = event.telegram_id
        if query_id is not None:
            toast = outcome.toast and self.sender.renderer.render(outcome.toast, outcome.locale)
            with contextlib.suppress(TelegramError):  # too late to answer: Telegram moved on
                await self.sender.bot.answer_callback_query(query_id, text=toast or None)
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
                await self.engine.report(Lost(chat_id, tuple(outcome.replies[index:])))
                self.outbox_wake.set()
                break
            if reply.shows_case:
                shown.append((reply.shows_case, sent))
        try:
            if shown:
                await self.engine.report(Shown(chat_id, tuple(shown)))
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
