"""The redaction pipeline: normalise, let each detector claim spans, replace them."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field

from . import addresses, dates, names, places, structured
from .lexicon import PUBLIC_NUMBERS
from .normalise import normalise
from .spans import Claims

KINDS: tuple[str, ...] = (
    "name",
    "phone",
    "email",
    "url",
    "handle",
    "postcode",
    "address",
    "date",
    "bsn",
    "iban",
    "plate",
    "number",
)


@dataclass(frozen=True)
class Redaction:
    text: str  # cleaned text, each identifier replaced by a marker like "[phone]"
    removed: tuple[str, ...]  # kinds removed, unique, in order of first appearance
    # Words that may be names or ordinary words ("bahar" spring or Bahar, "umut" hope or
    # Umut): taken out of `text` like names, since a name left in reaches the confidant
    # while a word taken out is only a word the writer sees missing. `with_doubtful` is
    # the text with them still in, so that the writer's tap can put one back
    # (`take_all_out` the others); it is shown to no one as it is.
    doubtful: tuple[str, ...] = ()
    with_doubtful: str = field(default="", repr=False)  # never in a log line by accident


class RedactionError(Exception):
    """Redaction could not be completed; the caller must store and send nothing."""


Detector = Callable[[str, Claims], None]


def _detectors() -> tuple[Detector, ...]:
    """Most specific first; looked up at call time so each step stays replaceable in tests.

    Contact details first (an e-mail address holds digits and a domain), public numbers
    are then protected, dates come before phones (so "01-02-2003 10:00" is a date) and
    the digit-run fallback and names come last, on what nobody else claimed.
    """
    return (
        structured.find_contacts,
        structured.protect_public_numbers,
        structured.find_ibans,
        dates.find_dates,
        structured.find_phones,
        structured.find_plates,
        structured.find_postcodes,
        addresses.find_addresses,
        structured.find_case_numbers,
        structured.find_digit_runs,
        structured.find_social,
        structured.find_handle_shapes,
        structured.protect_services,
        places.protect_named_phrases,
        names.find_names,
    )


_LONG_DIGITS = re.compile(r"\d{8,}")


def _apply(claims: Claims) -> Redaction:
    parts: list[str] = []
    removed: list[str] = []
    pos = 0
    for start, end, kind in sorted(claims.spans):
        if kind is None:
            continue
        if kind not in KINDS:
            raise RedactionError(f"unknown kind {kind!r}")
        parts += [claims.text[pos:start], marker(kind)]
        pos = end
        if kind not in removed:
            removed.append(kind)
    parts.append(claims.text[pos:])
    firsts = {word.casefold(): word for word in reversed(claims.doubtful)}  # first spelling
    doubtful = tuple(dict.fromkeys(firsts[w.casefold()] for w in claims.doubtful))
    kept = "".join(parts)
    if doubtful and "name" not in removed:
        removed.append("name")
    # Beyond the few a writer is asked about, a doubtful word is simply taken out.
    asked, silent = doubtful[:MAX_DOUBTFUL], doubtful[MAX_DOUBTFUL:]
    kept = take_all_out(kept, silent)
    return Redaction(take_all_out(kept, asked), tuple(removed), asked, kept)


MAX_DOUBTFUL = 3  # words a writer is asked about, at most


def marker(kind: str) -> str:
    """What stands in the cleaned text where an identifier of this kind was: "[phone]"."""
    return f"[{kind}]"


def take_out(text: str, word: str) -> str:
    """`text` with every occurrence of `word` (whole, any case) replaced by "[name]"; in
    Arabic script also with "و" (and), "ل" (to), "ب" (with) written onto it: "وأمل"."""
    onto = "و?[لب]?" if "\u0600" <= word[:1] <= "\u06ff" else ""
    pattern = re.compile(
        rf"(?<![^\W\d_])(?P<onto>{onto}){re.escape(word)}(?![^\W\d_])", re.IGNORECASE
    )
    return pattern.sub(rf"\g<onto>{marker('name')}", text)


def take_all_out(text: str, words: Iterable[str]) -> str:
    """`text` with each of `words` taken out: the doubtful words the writer did not put
    back."""
    for word in words:
        text = take_out(text, word)
    return text


def redact(text: str) -> Redaction:
    """Remove identifiers from free text; raise RedactionError rather than return a text
    that may still hold one (fail closed)."""
    if not isinstance(text, str):
        raise RedactionError("text must be a str")
    try:
        claims = Claims(normalise(text))
        for detect in _detectors():
            detect(claims.masked(), claims)
        result = _apply(claims)
    except RedactionError:
        raise
    except Exception as exc:  # any failure inside a detector means: store nothing
        raise RedactionError(f"redaction failed: {type(exc).__name__}") from exc
    if any(d not in PUBLIC_NUMBERS for d in _LONG_DIGITS.findall(result.text)):
        raise RedactionError("a long digit run survived redaction")  # a possible BSN
    return result
