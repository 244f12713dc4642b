"""A data file loaded once, on first use, and shared by every redaction in the process."""

from __future__ import annotations

import threading
from collections.abc import Callable
from typing import Generic, TypeVar

T = TypeVar("T")


class LoadedOnce(Generic[T]):
    """`load` run on the first call and its result kept; a caller that comes while
    another thread loads waits for that load instead of starting a second."""

    def __init__(self, load: Callable[[], T]) -> None:
        self._load = load
        self._lock = threading.Lock()
        self._value: T | None = None

    def __call__(self) -> T:
        if self._value is None:
            with self._lock:
                if self._value is None:
                    self._value = self._load()
        return self._value

    def forget(self) -> None:
        """Load again on the next call (tests that swap the file)."""
        self._value = None
