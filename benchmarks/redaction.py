"""Redaction benchmark: recall and false removals per language on the corpus, and speed.

    python benchmarks/redaction.py [--repeat N] [--show-misses]

Recall is identifiers removed / all identifiers; the false-removal rate is keep-substrings
altered / all keep-substrings (both compared after `normalise`, which is what the cleaned
text is made of). The scoring lives here once: tests/test_redaction.py loads this file and
asserts on the same figures.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
import time
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path

from flows.redaction import normalise, redact

CORPUS = Path(__file__).resolve().parent.parent / "tests" / "corpus" / "redaction.jsonl"

_EMAIL = re.compile(r"[^@\s]+@[^@\s]+\.[^@\s]+")
_NUMERIC = re.compile(r"[+\d\s().\-/]+")


def hard_kind(identifier: str) -> str | None:
    """Return "email" or "phone/bsn" for identifiers that must always go, else None."""
    ident = normalise(identifier)
    if _EMAIL.fullmatch(ident):
        return "email"
    if _NUMERIC.fullmatch(ident) and sum(ch.isdigit() for ch in ident) >= 8:
        return "phone/bsn"
    return None


@dataclass
class Score:
    identifiers: int = 0
    removed: int = 0
    keeps: int = 0
    altered: int = 0
    texts: int = 0
    misses: list[tuple[str, str, str]] = field(default_factory=list)  # (text, ident, out)
    false_removals: list[tuple[str, str, str]] = field(default_factory=list)  # (text, keep, out)
    hard_misses: list[tuple[str, str, str]] = field(default_factory=list)

    @property
    def recall(self) -> float:
        return self.removed / self.identifiers if self.identifiers else 1.0

    @property
    def false_removal_rate(self) -> float:
        return self.altered / self.keeps if self.keeps else 0.0

    def add(self, record: dict, cleaned: str) -> None:
        self.texts += 1
        for ident in record["identifiers"]:
            self.identifiers += 1
            if normalise(ident) in cleaned:
                self.misses.append((record["text"], ident, cleaned))
                if hard_kind(ident):
                    self.hard_misses.append((record["text"], ident, cleaned))
            else:
                self.removed += 1
        for keep in record["keep"]:
            self.keeps += 1
            if normalise(keep) not in cleaned:
                self.altered += 1
                self.false_removals.append((record["text"], keep, cleaned))


def load_corpus(path: Path = CORPUS) -> list[dict]:
    with path.open(encoding="utf-8") as f:
        return [json.loads(line) for line in f if line.strip()]


def score(
    records: Iterable[dict], redact_text: Callable[[str], str] | None = None
) -> dict[str, Score]:
    """Scores per language, plus "all"."""
    redact_text = redact_text or (lambda text: redact(text).text)
    scores: dict[str, Score] = {"all": Score()}
    for record in records:
        cleaned = redact_text(record["text"])
        scores.setdefault(record["lang"], Score()).add(record, cleaned)
        scores["all"].add(record, cleaned)
    return scores


def throughput(records: list[dict], repeat: int) -> tuple[float, float]:
    """(texts per second, mean microseconds per text) over `repeat` passes."""
    texts = [r["text"] for r in records]
    redact(texts[0])  # warm up compiled patterns and phone metadata
    start = time.perf_counter()
    for _ in range(repeat):
        for text in texts:
            redact(text)
    elapsed = time.perf_counter() - start
    n = len(texts) * repeat
    return n / elapsed, elapsed / n * 1e6


def _report(scores: dict[str, Score]) -> None:
    print(f"{'lang':<5} {'texts':>5} {'idents':>6} {'recall':>7} {'keeps':>6} {'false-rm':>8}")
    for lang in [*sorted(k for k in scores if k != "all"), "all"]:
        s = scores[lang]
        print(
            f"{lang:<5} {s.texts:>5} {s.identifiers:>6} {s.recall:>7.1%} "
            f"{s.keeps:>6} {s.false_removal_rate:>8.1%}"
        )


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=5, help="passes for the speed figure")
    parser.add_argument("--show-misses", action="store_true", help="list misses and damage")
    args = parser.parse_args(argv)

    records = load_corpus()
    scores = score(records)
    _report(scores)
    per_second, micros = throughput(records, args.repeat)
    print(f"\nthroughput: {per_second:,.0f} texts/s, {micros:,.0f} µs per text (mean)")
    total = scores["all"]
    if args.show_misses:
        for text, ident, out in total.misses:
            print(f"MISSED {ident!r}\n  in:  {text}\n  out: {out}")
        for text, keep, out in total.false_removals:
            print(f"ALTERED {keep!r}\n  in:  {text}\n  out: {out}")
    if total.hard_misses:
        print(f"\n{len(total.hard_misses)} phone/BSN/e-mail identifiers survived!")
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
