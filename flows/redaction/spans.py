"""Claimed regions of the text: the first detector to claim a region wins it."""

from __future__ import annotations

from dataclasses import dataclass, field

MASK = "\x00"


@dataclass
class Claims:
    """Non-overlapping spans of one normalised text, each with a kind or None (keep as is).

    Detectors run from most to least specific; a later detector cannot take a region an
    earlier one claimed, so "0800-2000" claimed as public stays whole and a phone number
    is never half-eaten by the date pattern.
    """

    text: str
    spans: list[tuple[int, int, str | None]] = field(default_factory=list)
    doubtful: list[str] = field(default_factory=list)  # kept words that may be names

    def free(self, start: int, end: int) -> bool:
        return all(end <= s or start >= e for s, e, _ in self.spans)

    def add(self, start: int, end: int, kind: str | None) -> bool:
        if start >= end or not self.free(start, end):
            return False
        self.spans.append((start, end, kind))
        return True

    def masked(self) -> str:
        """The text with every claimed region replaced by MASK characters (same length)."""
        chars = list(self.text)
        for start, end, _ in self.spans:
            chars[start:end] = MASK * (end - start)
        return "".join(chars)
