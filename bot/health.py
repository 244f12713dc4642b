"""Is Telegram reachable? What the getUpdates loop and the webhook last saw.

The getUpdates loop calls `ok()` after every round that reached Telegram and
`failed()` after every round that did not; the webhook calls `ok()` for every
update Telegram posts. `/healthz` reads `report()`: unhealthy once polling has
failed for more than `UNHEALTHY_AFTER` seconds. The log says once when
Telegram has been unreachable for `LOG_AFTER` seconds, and once when it is back
(kinds and seconds only). Time is a monotonic clock, injectable for tests.
"""

from __future__ import annotations

import logging
import time
from collections.abc import Callable
from typing import Any

log = logging.getLogger(__name__)

LOG_AFTER = 60.0
UNHEALTHY_AFTER = 120.0


class TelegramHealth:
    def __init__(self, clock: Callable[[], float] = time.monotonic) -> None:
        self.clock = clock
        self._last_ok: float | None = None
        self._failing_since: float | None = None
        self._logged = False

    def ok(self) -> None:
        now = self.clock()
        if self._logged and self._failing_since is not None:
            log.info(
                "telegram reachable again", extra={"seconds": round(now - self._failing_since)}
            )
        self._last_ok = now
        self._failing_since = None
        self._logged = False

    def failed(self) -> None:
        if self._failing_since is None:
            self._failing_since = self.clock()
        self._log_if_long()

    @property
    def failing(self) -> bool:
        """Whether the last round failed."""
        return self._failing_since is not None

    def failing_for(self) -> float:
        """Seconds since the first of the failures in a row; 0 when the last round worked."""
        if self._failing_since is None:
            return 0.0
        return self.clock() - self._failing_since

    def healthy(self) -> bool:
        return self.failing_for() <= UNHEALTHY_AFTER

    def report(self) -> dict[str, Any]:
        self._log_if_long()
        last = None if self._last_ok is None else round(self.clock() - self._last_ok, 1)
        return {
            "last_success_seconds_ago": last,
            "failing_for_seconds": round(self.failing_for(), 1),
        }

    def _log_if_long(self) -> None:
        failing = self.failing_for()
        if not self._logged and failing >= LOG_AFTER:
            self._logged = True
            log.warning("telegram unreachable", extra={"seconds": round(failing)})
