"""A data file loaded once, on first use, and shared by every redaction in the process."""

from __future__ import annotations

import threading
from collections.abc import Callable
from importlib import resources
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


def data_lines(name: str) -> list[str]:
    """The lines of one of this package's hand-written data files (places.txt,
    named_things.txt, community_names.txt, typed_words.txt), stripped, without blank
    lines and comments."""
    text = resources.files(__package__).joinpath(name).read_text("utf-8")
    return [line for line in map(str.strip, text.splitlines()) if line and line[0] != "#"]
