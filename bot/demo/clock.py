"""The demo's clock: the wall clock plus an offset the trainer moves forward."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta


class MovableClock:
    """`flows.core.clock.Clock` for the demo: real time goes on, `skip` jumps ahead."""

    def __init__(self) -> None:
        self.offset = timedelta()

    def now(self) -> datetime:
        return datetime.now(UTC) + self.offset

    def timestamp(self) -> float:
        return self.now().timestamp()

    def skip(self, delta: timedelta) -> None:
        if delta < timedelta():
            raise ValueError("the demo clock only moves forward")
        self.offset += delta
