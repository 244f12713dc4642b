"""The built lexicon (lexicon.tsv.gz, made by scripts/build_lexicon.py; see LEXICON.md):
given and family names with their rank, word frequencies per language, the most frequent
words of each language and words that never name a person.

Loaded once, on first use, and shared by every redaction in the process. If the file is
missing or damaged, loading raises and `redact` fails closed.
"""

from __future__ import annotations

import gzip
import io
from array import array
from bisect import bisect_left
from dataclasses import dataclass
from importlib import resources

from .once import LoadedOnce

FILE = "lexicon.tsv.gz"


_NO_NAME = 9


@dataclass(frozen=True)
class Lexicon:
    """Words are looked up by their hash in a sorted array: a few bytes a word instead of
    a dict entry of a hundred, so some 400,000 words cost a few megabytes."""

    langs: tuple[str, ...]  # languages of the frequency columns
    keys: array  # sorted hash() of each casefolded word
    buckets: bytes  # name rank bucket per word (0 = most common name, 9 = not a name)
    freq: bytes  # Zipf x 10 per word and language, len(langs) bytes a word
    function: dict[str, frozenset[str]]  # language -> its most frequent words
    not_person: frozenset[str]

    def _index(self, word: str) -> int:
        key = hash(word)
        i = bisect_left(self.keys, key)
        return i if i < len(self.keys) and self.keys[i] == key else -1

    def known(self, word: str) -> bool:
        """The word is in the lexicon, as a name or as a word."""
        return self._index(word) >= 0

    def name_bucket(self, word: str) -> int:
        """Rank bucket of a casefolded word as a given or family name; 9 if not a name."""
        i = self._index(word)
        return self.buckets[i] if i >= 0 else _NO_NAME

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


def _parse(text: str) -> Lexicon:
    """Parse line by line into flat arrays, then sort them by hash: no list of a few
    hundred thousand rows, so loading does not briefly take ten times what it keeps."""
    keys = array("q")
    buckets = bytearray()
    freq = bytearray()
    function: dict[str, set[str]] = {}
    not_person: set[str] = set()
    langs: tuple[str, ...] = ()
    section = ""
    for line in io.StringIO(text):
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
            keys.append(hash(word))
            buckets.append(_NO_NAME if bucket == "-" else int(bucket))
            freq += bytes(map(int, values[0].split(" "))) if values else empty
        elif section.startswith("function:"):
            function[section[9:]].add(line)
        elif section == "notperson":
            not_person.add(line)
    if len(keys) < 1000 or not langs or not not_person:
        raise ValueError("lexicon incomplete")
    n = len(langs)
    order = array("l", sorted(range(len(keys)), key=keys.__getitem__))
    sorted_freq = bytearray(len(freq))
    for dest, i in enumerate(order):
        sorted_freq[dest * n : dest * n + n] = freq[i * n : i * n + n]
    return Lexicon(
        langs,
        array("q", (keys[i] for i in order)),
        bytes(buckets[i] for i in order),
        bytes(sorted_freq),
        {k: frozenset(v) for k, v in function.items()},
        frozenset(not_person),
    )


def load() -> Lexicon:
    """Read the lexicon file (use `lexicon()`, which does this once)."""
    data = resources.files(__package__).joinpath(FILE).read_bytes()
    return _parse(gzip.decompress(data).decode("utf-8"))


lexicon = LoadedOnce(load)  # the lexicon, loaded on first use and shared by the process
