"""Places (places.txt) and named things (named_things.txt): words and phrases that name
no one.

A town, a neighbourhood or an origin is what a confidant needs ("AZC in Budel",
"Bos en Lommer", "uit Kharkiv", "Afyonlu", "ایرانی"), and so is the shop, the venue or
the feast where something was seen ("bij de Bruna", "Hans Anders", "misa de gallo",
"شب یلدا"). They identify nobody, but their words look like names to the name finder.
A single word of either list is never a name (`is_place`, `is_named_thing`); a phrase
of several words is claimed whole and kept (`protect_named_phrases`), so that "Santo
Domingo" or "Hans Anders" stays while "Domingo" or "Hans" alone may be a person. Words
that are common given names ("Sofia", "Yalda", "Bayram") are in neither list as single
words, only inside phrases.
"""

from __future__ import annotations

import re
from itertools import pairwise

from .lexicon import NAMED_PLACES, VENUE_AFTER, WHERE
from .normalise import normalise
from .once import LoadedOnce, data_lines
from .spans import Claims

FILE = "places.txt"
THINGS_FILE = "named_things.txt"
_WORD = re.compile(r"[^\W\d_]+(?:['’][^\W\d_]+)*")

Phrases = dict[str, tuple[tuple[str, ...], ...]]


def load_words_and_phrases(name: str) -> tuple[frozenset[str], Phrases]:
    """(single words, phrases by their first word, longest first)."""
    words: set[str] = set()
    phrases: dict[str, set[tuple[str, ...]]] = {}
    for line in data_lines(name):
        parts = tuple(normalise(line).casefold().split())
        if len(parts) == 1:
            words.add(parts[0])
        else:
            phrases.setdefault(parts[0], set()).add(parts)
    by_first = {k: tuple(sorted(v, key=len, reverse=True)) for k, v in phrases.items()}
    return frozenset(words), by_first


places = LoadedOnce(lambda: load_words_and_phrases(FILE))
named_things = LoadedOnce(lambda: load_words_and_phrases(THINGS_FILE))


def _both_phrases() -> Phrases:
    ours, theirs = places()[1], named_things()[1]
    return {
        first: tuple(sorted({*ours.get(first, ()), *theirs.get(first, ())}, key=len, reverse=True))
        for first in ours.keys() | theirs.keys()
    }


_phrases = LoadedOnce(_both_phrases)


def is_place(word: str) -> bool:
    """A casefolded word that is a place or an origin."""
    return word in places()[0]


def is_named_thing(word: str) -> bool:
    """A casefolded word that names a shop, a brand, a venue, a service or a feast."""
    return word in named_things()[0]


def _without_case_ending(word: str) -> str:
    """A Turkish case ending is set off after an apostrophe: "Albert Heijn'in"."""
    return re.split("['’]", word, maxsplit=1)[0]


def _venue_name_start(
    text: str, tokens: list[tuple[int, int, str]], i: int, phrase: tuple[str, ...]
) -> int:
    """Where a capitalised venue phrase begins with the name before it: "Paşa Düğün
    Salonu", "Öz Anadolu Market" (the hall, whoever it is named after)."""
    k = i
    if phrase[0] in VENUE_AFTER and text[tokens[i][0]].isupper():
        while k > 0 and i - k < 2 and text[tokens[k - 1][0]].isupper():
            if text[tokens[k - 1][1] : tokens[k][0]] not in (" ", "\t"):
                break
            k -= 1
    return tokens[k][0]


def protect_named_phrases(text: str, claims: Claims) -> None:
    """Keep every place or thing named in several words ("Den Helder", "Leidsche Rijn",
    "Hans Anders", "misa de gallo", "مزار شریف"), and a place that is also a name where a
    word says it is a place ("in Lagos"): claimed as kept, so no later detector takes a
    part of it."""
    phrases = _phrases()
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
            said = zip((t[2] for t in window), phrase, strict=True)
            if joined and all(p in (w, _without_case_ending(w)) for w, p in said):
                claims.add(_venue_name_start(text, tokens, i, phrase), window[-1][1], None)
                break
