"""The "whom is it about" field: initials only, in any script."""

from __future__ import annotations

import unicodedata

from .normalise import normalise

MAX_LETTERS = 4

# Scripts where one character is a whole syllable or word: two of them run together are
# already a name (Ge'ez "ሳራ" is Sara), so there every letter must stand alone.
_SYLLABIC_RANGES = (
    (0x1200, 0x139F),  # Ethiopic, Ethiopic Supplement
    (0x2D80, 0x2DDF),  # Ethiopic Extended
    (0xAB00, 0xAB2F),  # Ethiopic Extended-A
    (0x3040, 0x30FF),  # Hiragana, Katakana
    (0x3400, 0x9FFF),  # CJK ideographs
    (0xAC00, 0xD7AF),  # Hangul syllables
)


def _is_letter(ch: str) -> bool:
    # Lm (modifier letters such as ʼ) are not initials.
    return unicodedata.category(ch) in ("Lu", "Ll", "Lt", "Lo")


def _is_syllabic(ch: str) -> bool:
    return any(lo <= ord(ch) <= hi for lo, hi in _SYLLABIC_RANGES)


def _upper(ch: str) -> str:
    up = ch.upper()
    return up if len(up) == 1 else ch  # "ß".upper() is "SS": keep the letter itself


def clean_initials(raw: str) -> str | None:
    """Return initials as "F.K." (each letter upper-cased where the script has case, followed
    by a dot, no spaces), or None when the input could be more than initials.

    Accepted: 1-4 letters of any script, each optionally followed by one dot, optionally
    separated by spaces: "FK", "F.K.", "f k", "ف.ك", "О.П.", "ሰ.መ".
    Refused: 5+ letters, digits, emoji, punctuation other than dots, and any run of three or
    more letters written together ("Ali", "Anna", "Omar", also "ABC"): three or four
    initials must be separated by dots or spaces ("A.B.C.", "A B C"), because three joined
    letters cannot be told apart from a short name. Two joined letters ("FK") are allowed,
    except in syllabic scripts (Ethiopic, CJK, Hangul) where two joined characters already
    form a name. Vowel marks (combining characters) are dropped.
    """
    if not isinstance(raw, str):
        return None
    text = unicodedata.normalize("NFC", normalise(raw)).strip()
    letters: list[str] = []
    run: list[str] = []  # letters written together since the last dot or space
    dot_allowed = False
    for ch in text:
        if _is_letter(ch):
            run.append(ch)
            limit = 1 if any(_is_syllabic(c) for c in run) else 2
            if len(run) > limit:
                return None
            letters.append(ch)
            dot_allowed = True
        elif (ch == "." and dot_allowed) or (ch == " " and letters):  # no tabs or newlines
            run, dot_allowed = [], False
        elif unicodedata.category(ch) in ("Mn", "Mc") and run:
            continue
        else:
            return None
        if len(letters) > MAX_LETTERS:
            return None
    if not letters:
        return None
    return "".join(_upper(ch) + "." for ch in letters)
