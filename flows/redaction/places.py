"""Places and origins (places.txt): words and phrases that name no one.

A town, a neighbourhood or an origin is what a confidant needs ("AZC in Budel",
"Bos en Lommer", "uit Kharkiv", "Afyonlu", "ایرانی") and identifies nobody, but
its words look like names to the name finder. A single word of the list is never a
name (`is_place`); a phrase of several words is claimed whole and kept
(`protect_places`), so that "Santo Domingo" stays while "Domingo" alone may be a
person. Places that are common given names ("Sofia", "Jordan") are not on the list.
"""

from __future__ import annotations

import re
from itertools import pairwise

from .lexicon import NAMED_PLACES, WHERE
from .normalise import normalise
from .once import LoadedOnce, data_lines
from .spans import Claims

FILE = "places.txt"
_WORD = re.compile(r"[^\W\d_]+(?:['’][^\W\d_]+)*")


def _load() -> tuple[frozenset[str], dict[str, tuple[tuple[str, ...], ...]]]:
    """(single words, phrases by their first word, longest first)."""
    words: set[str] = set()
    phrases: dict[str, set[tuple[str, ...]]] = {}
    for line in data_lines(FILE):
        parts = tuple(normalise(line).casefold().split())
        if len(parts) == 1:
            words.add(parts[0])
        else:
            phrases.setdefault(parts[0], set()).add(parts)
    by_first = {k: tuple(sorted(v, key=len, reverse=True)) for k, v in phrases.items()}
    return frozenset(words), by_first


places = LoadedOnce(_load)


def is_place(word: str) -> bool:
    """A casefolded word that is a place or an origin."""
    return word in places()[0]


def protect_places(text: str, claims: Claims) -> None:
    """Keep every place named in several words ("Den Helder", "Leidsche Rijn", "Rotterdam
    Zuid", "مزار شریف"), and a place that is also a name where a word says it is a place
    ("in Lagos"): claimed as kept, so no later detector takes a part of it."""
    phrases = places()[1]
    tokens = [(m.start(), m.end(), m.group().casefold()) for m in _WORD.finditer(text)]
    for i, (start, end, word) in enumerate(tokens):
        after_where = i and tokens[i - 1][2] in WHERE
        if word in NAMED_PLACES and after_where and not text[tokens[i - 1][1] : start].strip():
            claims.add(start, end, None)
            continue
        for phrase in phrases.get(word, ()):
            last = i + len(phrase) - 1
            if last >= len(tokens):
                continue
            window = tokens[i : last + 1]
            joined = all(text[a[1] : b[0]].strip(" \t-") == "" for a, b in pairwise(window))
            if joined and tuple(t[2] for t in window) == phrase:
                claims.add(start, window[-1][1], None)
                break
