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
from telegram.error import Conflict, NetworkError, RetryAfter, TelegramError

from bot.delivery import retry_delay
from bot.health import TelegramHealth
from bot.intake import Intake
from bot.transport import call_raw
from storage.database import UNAVAILABLE_ERRORS

log = logging.getLogger(__name__)

POLL_TIMEOUT = 25
ALLOWED_UPDATES = ["message", "edited_message", "callback_query", "my_chat_member"]


async def poll_once(bot: Bot, intake: Intake, offset: int, timeout: int = 0) -> int:
    """One getUpdates round: store what arrived, return the next offset.

    The updates are fetched as raw JSON and stored as Telegram sent them: one
    update that PTB cannot parse must not block polling (Bot.get_updates would
    raise on it, again and again); it is set aside when it is processed.
    """
    updates = await call_raw(
        bot,
        "getUpdates",
        offset=offset,
        timeout=timeout,
        allowed_updates=ALLOWED_UPDATES,
        read_timeout=timeout + 10,
    )
    updates = [u for u in updates if isinstance(u, dict) and isinstance(u.get("update_id"), int)]
    if not updates:
        return offset
    await intake.store(updates)
    return max(update["update_id"] for update in updates) + 1


async def poll_forever(
    bot: Bot, intake: Intake, stop: asyncio.Event, health: TelegramHealth | None = None
) -> None:
    """getUpdates until `stop`, backing off on failures; `health` hears how each round went."""
    health = health or TelegramHealth()
    try:
        await bot.delete_webhook()  # a webhook left from before would block getUpdates
    except TelegramError:
        log.warning("could not remove a webhook; polling anyway")
    offset = await intake.next_offset()
    delay = 1.0
    while not stop.is_set():
        try:
            offset = await poll_once(bot, intake, offset, POLL_TIMEOUT)
            health.ok()
            delay = 1.0
            continue
        except RetryAfter as exc:
            health.failed()
            wait = retry_delay(exc.retry_after).total_seconds()
        except Conflict:
            health.failed()
            log.error("another process is polling this bot; waiting")
            wait = 30.0
        except NetworkError:
            health.failed()
            wait, delay = delay, min(delay * 2, 60.0)
        except UNAVAILABLE_ERRORS:
            health.ok()  # Telegram answered; it was storing what it sent that failed
            log.warning("database unavailable; updates stay with Telegram")
            wait, delay = delay, min(delay * 2, 60.0)
        except TelegramError:
            health.failed()
            log.warning("getUpdates refused; trying again", exc_info=True)
            wait, delay = delay, min(delay * 2, 60.0)
        except Exception:
            # A poller that dies would silently stop the bot: log, back off, go on.
            health.failed()
            log.exception("polling round failed; trying again")
            wait, delay = delay, min(delay * 2, 60.0)
        with contextlib.suppress(TimeoutError):
            await asyncio.wait_for(stop.wait(), timeout=wait)
