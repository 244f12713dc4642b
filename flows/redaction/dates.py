"""Dates: numeric, written in the ten languages, and birth years.

Removed: full numeric dates (12-03-1985, 12/3/85, 1985-03-12, 1364/07/12), a day with a
month name and a year ("March 12, 1985", "12 de marzo de 1985"), a day and month after a
birth cue ("geboren op 12 maart"), and a year or month + year after a birth cue ("born in
1985", "geboren in maart 1985", "1985 doğumlu"). Kept: the day something happened
("donderdag 14 maart", "on 5 March", "з 12 березня": a confidant needs it), a year on its
own ("sinds 2019"), a month without a day ("in maart"), weekdays, times ("14:30"), and
numeric day-month without a year ("12/3"), which is as often a score or a fraction.
"""

from __future__ import annotations

import re

from .lexicon import BIRTH_CUES, MONTHS, alternation
from .spans import Claims

_MONTH = alternation(MONTHS)
_EN_MONTH = (
    "january|february|march|april|may|june|july|august|september|october|november|december"
    "|jan|feb|mar|apr|jun|jul|aug|sept|sep|oct|nov|dec"
)
_DAY = r"(?:0?[1-9]|[12]\d|3[01])"
_YEAR = r"(?:1[3-9]|20)\d{2}"
_YEAR_TAIL = r"(?:[ \t]*(?:r\.|roku|року|р\.|yılı|yılında|sanadka|sanadkii|ዓ\.ም))?"

_NUMERIC = re.compile(r"(?<![\d./-])(\d{1,2})([./-])(\d{1,2})\2(\d{4}|\d{2})(?![\d]|[./-]\d)")
_ISO = re.compile(rf"(?<![\d./-]){_YEAR}([./-])(?:0?[1-9]|1[0-2])\1{_DAY}(?![\d]|[./-]\d)")
_DAY_MONTH = re.compile(
    rf"(?<![0-9A-Za-z_]){_DAY}(?:st|nd|rd|th|e|ste|er|\.|'?[ıi]nci|'?[ıi]ncı|-го)?[ \t]*"
    rf"(?:(?:de|of|the)[ \t]+)?(?:{_MONTH})\.?(?![\w])"
    rf"(?:,?[ \t]*(?:(?:de|del)[ \t]+)?(?:{_YEAR}|'\d{{2}})(?!\d){_YEAR_TAIL})?",
    re.IGNORECASE,
)
_MONTH_DAY = re.compile(
    rf"(?<![\w])(?:{_EN_MONTH})\.?[ \t]+{_DAY}(?:st|nd|rd|th)?(?![\w])"
    rf"(?:,?[ \t]*{_YEAR}(?!\d))?",
    re.IGNORECASE,
)
_FILLER = (
    r"(?:in|op|on|en|el|w|у|в|sanadkii|sannadkii|sanadka|سنة|عام|في|سال|در|de|del|the|year"
    r"|jaar|rok|roku|року|ብ|ኣብ|:|,)"
)
_BIRTH_THEN_YEAR = re.compile(
    rf"(?<![\w])(?:{alternation(BIRTH_CUES)})(?![\w])"
    rf"(?:[ \t]*{_FILLER})*[ \t]*(?P<date>(?:(?:{_MONTH})[ \t]+)?(?:{_YEAR}|'\d{{2}})(?!\d))",
    re.IGNORECASE,
)
_YEAR_THEN_BIRTH = re.compile(
    rf"(?<!\d)(?P<date>{_YEAR})(?!\d)(?:'?[^\W\d_]{{1,3}})?[ \t]*(?:yılında[ \t]*)?"
    r"(?:doğumlu|doğdu|doğmuş|ተወሊዳ|ተወሊዱ|ዝተወለደት|ዝተወለደ|dhalatay|dhashay|متولد شد|به دنیا آمد)",
    re.IGNORECASE,
)

# Afghan solar months with a day and a year: "۲۳ حمل ۱۳۸۶". Only so: alone they are words
# (حمل pregnancy, جدی serious) or names (اسد Asad), so they are no `MONTHS`.
_DARI_MONTHS = "حمل|ثور|جوزا|سرطان|اسد|سنبله|میزان|عقرب|قوس|جدی|دلو|حوت"
_SOLAR_DATE = re.compile(rf"(?<![\w]){_DAY}[ \t]+(?:{_DARI_MONTHS})[ \t]+{_YEAR}(?!\d)")

_HAS_YEAR = re.compile(rf"(?<!\d)(?:{_YEAR}|'\d{{2}})(?!\d)")
_BIRTH_BEFORE = re.compile(
    rf"(?<![\w])(?:{alternation(BIRTH_CUES)})(?![\w])[^.!?\n]*$", re.IGNORECASE
)


def _plausible(a: str, b: str) -> bool:
    x, y = int(a), int(b)
    return 1 <= x <= 31 and 1 <= y <= 31 and (x <= 12 or y <= 12)


# "كل خميس", "هر جمعه شب", "روز جمعه", "كل صباح": every Thursday, every Friday night, on
# Friday, every morning; not Khamis, Juma or Sabah, whose names these words also are.
_EVERY_DAY = re.compile(
    r"(?<!\w)(?:كل|هر|روز|يوم)[ \t]+(?:ال)?(?:خميس|جمعه|جمعة|صباح|مساء)(?:\u200c?ها)?(?!\w)"
)


def find_dates(text: str, claims: Claims) -> None:
    for m in _EVERY_DAY.finditer(text):
        claims.add(m.start(), m.end(), None)
    for m in _NUMERIC.finditer(text):
        if _plausible(m.group(1), m.group(3)):
            claims.add(m.start(), m.end(), "date")
    for m in _ISO.finditer(text):
        claims.add(m.start(), m.end(), "date")
    for pattern in (_DAY_MONTH, _MONTH_DAY):
        for m in pattern.finditer(text):
            # "donderdag 14 maart", "on 5 March": when it happened, kept; with a year or
            # after a birth cue it may be a date of birth, removed
            dated = _HAS_YEAR.search(m.group(0)) or _BIRTH_BEFORE.search(
                text, max(0, m.start() - 40), m.start()
            )
            claims.add(m.start(), m.end(), "date" if dated else None)
    for m in _SOLAR_DATE.finditer(text):
        claims.add(m.start(), m.end(), "date")
    for pattern in (_BIRTH_THEN_YEAR, _YEAR_THEN_BIRTH):
        for m in pattern.finditer(text):
            claims.add(m.start("date"), m.end("date"), "date")
