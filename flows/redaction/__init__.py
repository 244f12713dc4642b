"""PII redaction for free text and the initials field (DESIGN.md section 6).

Free text a key person types passes `redact` before it is stored or sent; the person is
shown `Redaction.removed`. Everything is normalised first (NFKC, no invisible or bidi
characters, ASCII digits), so look-alike characters cannot hide an identifier. If anything
goes wrong, `redact` raises `RedactionError` and the caller stores nothing; a digit run of
8+ digits that survives for any reason is also an error.

Pure Python (regular expressions, `phonenumbers`, `python-stdnum`): no I/O, no models.
Detectors run from most to least specific, each claiming spans of the normalised text
(`core._detectors`): contact details, public numbers (kept), IBAN, dates, phones,
postcodes, plates, addresses, case numbers, digit runs, social accounts, names.

Decisions where the design is silent:
- Kept: 112, 113 and the national helplines (Veilig Thuis 0800-2000, Kindertelefoon,
  police 0900-8844, Slachtofferhulp); a year on its own ("sinds 2019") unless after a
  birth cue; a month without a day; day-month without a year ("12/3", "14 maart": the
  day something happened), unless after a birth cue; times, ages,
  counts and money; cities and countries; a street name without a house number; single
  letters (initials are what the design allows); our own short case references ("K7F3").
- Removed although not certainly identifying: any 8-9 digit number (as "bsn" when the
  11-check passes, else "number"), any 6+ digit run, any capitalised word inside a
  sentence that is not a known place, institution, weekday, month or nationality
  (privacy before readability: an unknown shop or school name may go too).
"""

from .core import KINDS, Redaction, RedactionError, marker, redact, take_all_out
from .gazetteer import lexicon
from .initials import clean_initials
from .namemodel import model
from .normalise import normalise
from .places import named_things, places


def prepare() -> None:
    """Load the lexicon and the name model now (seconds of work), so that the first
    person who types a note does not wait for it, nor anyone else meanwhile."""
    lexicon()
    model()
    places()
    named_things()


__all__ = [
    "KINDS",
    "Redaction",
    "RedactionError",
    "clean_initials",
    "marker",
    "normalise",
    "prepare",
    "redact",
    "take_all_out",
]
