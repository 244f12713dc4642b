"""Telegram's overall ceiling (about 30 messages a second) on every message the bot
sends, direct replies included.

Within one process an `aiolimiter` bucket spaces the sends; on PostgreSQL, where
several workers may run, each send also takes a slot of the current second in
the database (`storage.sendwindow`), so the workers together stay under the
ceiling. When the database does not answer, the local bucket alone decides: a
send is never held up by the limiter's own bookkeeping. `SLEUTEL_RATE_LIMIT=0`
turns it off (for measuring the engine alone).
"""

from __future__ import annotations

import asyncio
import time
from collections.abc import Callable, Coroutine
from typing import Any

from aiolimiter import AsyncLimiter
from telegram.ext import BaseRateLimiter

from storage.database import UNAVAILABLE_ERRORS, Database

COUNTED = ("send", "edit", "copy", "forward")  # Bot API methods that put out a message


class SendLimiter(BaseRateLimiter[None]):
    def __init__(self, per_second: int, shared: Database | None = None) -> None:
        self.per_second = per_second
        # One send every 1/per_second s, no burst: a bucket of `per_second` would let a
        # full bucket go at once and refill within the same second (up to twice the
        # ceiling in one wall-clock second).
        self._local = AsyncLimiter(1, 1 / per_second) if per_second else None
        self._shared = shared

    async def initialize(self) -> None:
        """Nothing to prepare."""

    async def shutdown(self) -> None:
        """Nothing to let go."""

    async def process_request(
        self,
        callback: Callable[..., Coroutine[Any, Any, Any]],
        args: Any,
        kwargs: dict[str, Any],
        endpoint: str,
        data: dict[str, Any],
        rate_limit_args: None,
    ) -> Any:
        if self._local is not None and endpoint.lower().startswith(COUNTED):
            await self._local.acquire()
            if self._shared is not None:
                await self._shared_slot()
        return await callback(*args, **kwargs)

    async def _shared_slot(self) -> None:
        """Wait for a second in which the workers together sent fewer than the ceiling."""
        while True:
            now = time.time()
            try:
                async with self._shared.unit_of_work() as uow:
                    if await uow.send_window.take(int(now), self.per_second):
                        return
            except UNAVAILABLE_ERRORS:
                return
            await asyncio.sleep(1.0 - now % 1.0 + 0.001)
