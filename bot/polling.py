"""Long polling by our own `getUpdates` loop: the offset moves only after the commit.

PTB's `Updater` confirms updates to Telegram before they are processed and
would lose them in a crash; here an update is confirmed (by asking for the
next offset) only once it is safely in the inbox.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging

from telegram import Bot
from telegram.error import Conflict, NetworkError, RetryAfter

from bot.inbox import Inbox
from storage.database import UNAVAILABLE_ERRORS

log = logging.getLogger(__name__)

POLL_TIMEOUT = 25
ALLOWED_UPDATES = ["message", "edited_message", "callback_query"]


async def poll_once(bot: Bot, inbox: Inbox, offset: int, timeout: int = 0) -> int:
    """One getUpdates round: store what arrived, return the next offset."""
    updates = await bot.get_updates(
        offset=offset,
        timeout=timeout,
        allowed_updates=ALLOWED_UPDATES,
        read_timeout=timeout + 10,
    )
    if not updates:
        return offset
    await inbox.store([update.to_dict() for update in updates])
    return updates[-1].update_id + 1


async def poll_forever(bot: Bot, inbox: Inbox, stop: asyncio.Event) -> None:
    await bot.delete_webhook()
    offset = await inbox.next_offset()
    delay = 1.0
    while not stop.is_set():
        try:
            offset = await poll_once(bot, inbox, offset, POLL_TIMEOUT)
            delay = 1.0
            continue
        except RetryAfter as exc:
            wait = float(
                exc.retry_after
                if not hasattr(exc.retry_after, "total_seconds")
                else exc.retry_after.total_seconds()
            )
        except Conflict:
            log.error("another process is polling this bot; waiting")
            wait = 30.0
        except NetworkError:
            wait, delay = delay, min(delay * 2, 60.0)
        except UNAVAILABLE_ERRORS:
            log.warning("database unavailable; updates stay with Telegram")
            wait, delay = delay, min(delay * 2, 60.0)
        with contextlib.suppress(TimeoutError):
            await asyncio.wait_for(stop.wait(), timeout=wait)
