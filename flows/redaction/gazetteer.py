"""The built lexicon (lexicon.tsv.gz, made by scripts/build_lexicon.py; see LEXICON.md):
given and family names with their rank, word frequencies per language, the most frequent
words of each language and words that never name a person.

Loaded once, on first use, and shared by every redaction in the process. If the file is
missing or damaged, loading raises and `redact` fails closed.
"""

from __future__ import annotations

import gzip
from array import array
from bisect import bisect_left
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache
from hashlib import blake2b
from importlib import resources

from .once import LoadedOnce

FILE = "lexicon.tsv.gz"


NO_NAME = 9


@lru_cache(maxsize=8192)
def word_key(word: str) -> int:
    """A word's 64-bit key, the same in every process (unlike `hash`): the build writes
    the words in the order of their keys, so loading needs no sort, and no sort's
    temporary lists of a few hundred thousand numbers (some 30 MB for a moment)."""
    return int.from_bytes(blake2b(word.encode(), digest_size=8).digest(), "little", signed=True)


@dataclass(frozen=True)
class Lexicon:
    """Words are looked up by their key in a sorted array: a few bytes a word instead of
    a dict entry of a hundred, so some 400,000 words cost a few megabytes."""

    langs: tuple[str, ...]  # languages of the frequency columns
    keys: array  # word_key() of each casefolded word, ascending (the file's order)
    buckets: bytes  # name rank bucket per word (0 = most common name, 9 = not a name)
    freq: bytes  # Zipf x 10 per word and language, len(langs) bytes a word
    function: dict[str, frozenset[str]]  # language -> its most frequent words
    not_person: frozenset[str]

    def _index(self, word: str) -> int:
        key = word_key(word)
        i = bisect_left(self.keys, key)
        return i if i < len(self.keys) and self.keys[i] == key else -1

    def known(self, word: str) -> bool:
        """The word is in the lexicon, as a name or as a word."""
        return self._index(word) >= 0

    def name_bucket(self, word: str) -> int:
        """Rank bucket of a casefolded word as a given or family name; 9 if not a name."""
        i = self._index(word)
        return self.buckets[i] if i >= 0 else NO_NAME

    def zipf(self, word: str, langs: tuple[str, ...] | None = None) -> float:
        """Highest Zipf frequency of the casefolded word in these languages (all if None)."""
        i = self._index(word)
        if i < 0:
            return 0.0
        n = len(self.langs)
        row = self.freq[i * n : i * n + n]
        if langs is None:
            return max(row) / 10
        return max((row[self.langs.index(x)] for x in langs if x in self.langs), default=0) / 10


def _parse(lines: Iterable[str]) -> Lexicon:
    """Parse line by line into flat arrays, in the file's order (by `word_key`): no list
    of a few hundred thousand rows, so loading does not briefly take ten times what it
    keeps."""
    keys = array("q")
    buckets = bytearray()
    freq = bytearray()
    function: dict[str, set[str]] = {}
    not_person: set[str] = set()
    langs: tuple[str, ...] = ()
    section = ""
    for line in lines:
        line = line.rstrip("\n")
        if not line or line.startswith("#"):
            continue
        if line.startswith("@"):
            head, *rest = line[1:].split()
            section = head
            if head == "words":
                langs = tuple(rest)
                empty = bytes(len(langs))
            elif head == "function":
                section = "function:" + rest[0]
                function[rest[0]] = set()
            continue
        if section == "words":
            word, bucket, *values = line.split("\t")
            key = word_key(word)
            if keys and key <= keys[-1]:
                raise ValueError("lexicon words out of order: rebuild it")
            keys.append(key)
            buckets.append(NO_NAME if bucket == "-" else int(bucket))
            freq += bytes(map(int, values[0].split(" "))) if values else empty
        elif section.startswith("function:"):
            function[section[9:]].add(line)
        elif section == "notperson":
            not_person.add(line)
    if len(keys) < 1000 or not langs or not not_person:
        raise ValueError("lexicon incomplete")
    return Lexicon(
        langs,
        keys,
        bytes(buckets),
        bytes(freq),
        {k: frozenset(v) for k, v in function.items()},
        frozenset(not_person),
    )


def load() -> Lexicon:
    """Read the lexicon file (use `lexicon()`, which does this once)."""
    # streamed: the decompressed text (8 million characters) is never held whole, which
    # would take some 35 MB for a moment beside the bot
    with (
        resources.files(__package__).joinpath(FILE).open("rb") as raw,
        gzip.open(raw, "rt", encoding="utf-8") as text,
    ):
        return _parse(text)


lexicon = LoadedOnce(load)  # the lexicon, loaded on first use and shared by the process
