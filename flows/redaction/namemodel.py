"""Is an unknown word a name? A small character n-gram classifier (namemodel.bin.gz).

For words the lexicon knows neither as a name nor as a word, the shape of the word decides:
"kayleigh", "xaliimo", "کریمزاده" look like names, "thuiskomt", "gitmiyor", "میترساند" look
like words. Logistic regression on hashed character 2-4-grams of the casefolded word with
its script, trained by scripts/build_lexicon.py on the lexicon's names and wordfreq's words
(LEXICON.md). Pure Python at run time: a few dozen CRC-32 hashes and byte look-ups a word.

Loaded once, on first use, and shared. A missing or damaged file raises, and `redact` fails
closed.
"""

from __future__ import annotations

import gzip
import math
import unicodedata
import zlib
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

from .once import LoadedOnce

FILE = "namemodel.bin.gz"
MAGIC = b"SLEUTEL-NAMEMODEL 1"
MAX_CHARS = 20


def script(word: str) -> str:
    """The script of a word's first letter: lat, cyr, arab, ethi or other."""
    ch = word[:1]
    if not ch:
        return "other"
    if "\u1200" <= ch <= "\u139f" or "\u2d80" <= ch <= "\u2ddf":
        return "ethi"
    if "\u0600" <= ch <= "\u06ff" or "\u0750" <= ch <= "\u077f":
        return "arab"
    if "\u0400" <= ch <= "\u04ff":
        return "cyr"
    if ch.isascii() or unicodedata.name(ch, "").startswith("LATIN"):
        return "lat"
    return "other"


def features(word: str, dim: int) -> list[int]:
    """Hashed indexes of the word's character 2-, 3- and 4-grams (with ^ and $ at its ends),
    of its script and a bias; the same function trains and predicts."""
    tag = script(word)
    padded = "^" + word[:MAX_CHARS] + "$"
    grams = [tag, "#bias"]
    for n in (2, 3, 4):
        grams += [tag + padded[i : i + n] for i in range(len(padded) - n + 1)]
    return [zlib.crc32(g.encode("utf-8")) % dim for g in grams]


@dataclass(frozen=True)
class NameModel:
    dim: int
    scale: float  # weight = (byte - 128) * scale
    weights: bytes

    def probability(self, word: str) -> float:
        """Probability that a casefolded word is a name rather than an ordinary word."""
        w = self.weights
        z = sum(w[i] - 128 for i in features(word, self.dim)) * self.scale
        return 1.0 / (1.0 + math.exp(-max(-30.0, min(30.0, z))))


def parse(data: bytes) -> NameModel:
    head, _, body = data.partition(b"\n")
    parts = head.split()
    if len(parts) != 4 or b" ".join(parts[:2]) != MAGIC:
        raise ValueError("name model: bad header")
    dim, scale = int(parts[2]), float(parts[3])
    if dim < 1024 or len(body) != dim or not 0 < scale < 1:
        raise ValueError("name model: damaged")
    return NameModel(dim, scale, body)


def load() -> NameModel:
    """Read the model file (use `model()`, which does this once)."""
    data = resources.files(__package__).joinpath(FILE).read_bytes()
    return parse(gzip.decompress(data))


model = LoadedOnce(load)  # the model, loaded on first use and shared by the process


@lru_cache(maxsize=16384)
def probability(word: str) -> float:
    """Probability that a casefolded word unknown to the lexicon is a name."""
    return model().probability(word)
