"""Text normalisation: what every check sees, so look-alike characters cannot hide an identifier."""

from __future__ import annotations

import unicodedata

# Zero-width characters, the soft hyphen and bidi controls: invisible, so they can be slipped
# into a number or a name to break a pattern without changing what a reader sees.
_INVISIBLE = frozenset(
    [chr(c) for c in range(0x200B, 0x2010)]  # ZWSP, ZWNJ, ZWJ, LRM, RLM
    + [chr(c) for c in range(0x202A, 0x202F)]  # LRE, RLE, PDF, LRO, RLO
    + [chr(c) for c in range(0x2060, 0x2065)]  # word joiner, invisible operators
    + [chr(c) for c in range(0x2066, 0x206A)]  # LRI, RLI, FSI, PDI
    + ["\ufeff", "\u061c", "\u00ad", "\u180e"]  # BOM/ZWNBSP, ALM, soft hyphen, MVS
)


def _ascii_digit(ch: str) -> str:
    """Map any Unicode decimal digit (Arabic-Indic, Persian, Devanagari...) to ASCII."""
    if ch.isascii() or not ch.isdecimal():
        return ch
    return str(unicodedata.decimal(ch))


def normalise(text: str) -> str:
    """NFKC, drop invisible and bidi control characters, map all decimal digits to ASCII.

    Newlines and all other whitespace are kept as they are (NFKC turns exotic spaces such
    as U+00A0 into a plain space); nothing is collapsed, so offsets stay meaningful.
    """
    text = unicodedata.normalize("NFKC", text)
    return "".join(_ascii_digit(ch) for ch in text if ch not in _INVISIBLE)


_DOTLESS = str.maketrans("ıł", "il")


def unaccented(word: str) -> str:
    """A Latin word as typed on a phone without accents: "marroquí" -> "marroqui",
    "karısı" -> "karisi"."""
    plain = unicodedata.normalize("NFD", word.translate(_DOTLESS))
    return "".join(ch for ch in plain if not unicodedata.combining(ch))
