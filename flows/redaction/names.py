"""Personal names, found in four ways, most certain first:

1. after a name cue: "her name is Sarah", "heet Fatima", "اسمها فاطمة", "ስማ ሳራ", and
   before one: "Ayşe adında", "ሳራ ትበሃል"; after a title: "mevrouw Jansen", "Mr. Smith";
2. in scripts with case, a capitalised word after a kinship cue: "haar man Ahmed";
3. a word from the given-name lists, wherever it stands, and a name from the built
   lexicon that is not a common word of the text's languages, in any case and script
   ("sprak met yasmina", "Gloria zegt", "rukiye ile", "przyszła z tomkiem"; judge.py);
4. in scripts with case, a capitalised word that does not start a sentence and is not a
   known place, institution, weekday, month, nationality, pronoun, shop, brand, app or
   organisation, nor a common word that is at best a rare name ("ik zag Jolanda", but
   "via Signal", "een rode Opel").

In scripts without case (Arabic, Farsi, Tigrinya) nothing shows where a name ends, so
after a name cue the next word is taken and, privacy before readability, the word after
it too unless it is a function word. Outside cues only listed and lexicon names are found
there, with the family name that follows a given name.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

from . import judge
from .gazetteer import lexicon
from .given_names import CASED_NAMES, NAME_WORDS, SOMALI_NAMES, UNCASED_NAMES
from .lexicon import (
    ARABIC_NISBAS,
    ARABIC_PREPOSITIONS,
    COLOURS,
    CONJUNCTIONS,
    FAMILY_AFTER,
    FAMILY_WORDS,
    FROM_TOWN_WORDS,
    GREETED,
    GREETINGS,
    IN_TOWN,
    KIN,
    KUNYA_LATIN,
    MONTH_AFTER,
    MONTH_BEFORE,
    MONTHS,
    NAME_CONTEXT_AFTER,
    NAME_CONTEXT_BEFORE,
    NAME_CUES_BEFORE,
    NAME_CUES_STRONG,
    NAME_CUES_WEAK,
    NAME_ENDINGS,
    NAME_SLOT_AFTER,
    NAME_SLOT_BEFORE,
    NICKNAME_CUES,
    NOT_NAME_PREFIXES,
    NOT_NAMES,
    NOT_PERSON,
    PARTICLES,
    SAINTS,
    STOP,
    THING_BEFORE,
    TITLES,
    TITLES_AFTER,
    TOWNS_ALSO_NAMES,
    UNCASED_KIN,
    VENUE_AFTER,
    VENUE_ARTICLES,
    VENUE_BEFORE,
    WORDS_IN_LOWER_CASE,
)
from .normalise import unaccented
from .places import is_named_thing, is_place
from .spans import MASK, Claims

_LETTER = r"[^\W\d_]"
_MARK = r"[\u0300-\u036f\u0483-\u0489\u0591-\u05c7\u0610-\u061a\u064b-\u065f\u0670\u06d6-\u06ed]"
# "ወ/ሮ", "ወ/ት", "ወ/ሪት" (Mrs, Miss) are written with a slash, and are one word
_TOKEN = re.compile(
    rf"ወ/(?:ሮ|ት|ሪት)|{_LETTER}(?:{_LETTER}|{_MARK})*(?:['’-]{_LETTER}(?:{_LETTER}|{_MARK})*)*"
)

_HARAKAT = re.compile(r"[\u064b-\u065f\u0670]")  # Arabic short vowels, written at times
_PLAIN_GAP = re.compile(r"[ \t]+")
_AGE_AFTER = re.compile(  # "(16)", "(16 jaar)", "(Ghanaian, 24)"
    r"[ \t]*\((?:(?P<inside>[^\W\d_][\w-]*)[ \t]*,[ \t]*)?"
    r"(?:\d{1,2}|\d{1,2}[ \t]*(?:jaar|j|yrs?|years?|años|yaş|lat))\)"
    r"|[ \t]*,[ \t]*\d{1,2}[ \t]*,"  # "mariam, 14, told her teacher"
)
# "joy is 19", "rênas 15 yaşında", "نور عمرها 16": an age said of the word before
_AGE_SAID = re.compile(
    r"[ \t]+(?:(?:is|was|turned|tiene|ma|має|heeft|عمرها|عمره|عمرو|عمرا|عندها|عندو|عنده"
    r"|ዕድሜኣ|ዕድሜኡ)[ \t]+"
    r"(?:pas|net|only|just|al|solo|tylko)?"
    r"[ \t]*\d{1,2}\b|\d{1,2}[ \t]*(?:jaar|jr|yrs|yaşında|yasinda|años|lat|років|роки|рік|jir"
    r"|ساله|سالشه|سالش|عام|سنة|سنين|ዓመቱ|ዓመታ|ዓመት|salashe|salesh|saale)(?!\w))"
)
# "his age", "she has" before the years in Arabic: "حمزة عندو 2 سنين", "شب عمرو 15 سنة" (عمرو
# is also the name Amr, but not before an age).
_AGE_WORDS = frozenset({"عمرها", "عمره", "عمرو", "عمرا", "عمري", "عمرى", "عندها", "عندو", "عنده"})
_NUMBER_NEXT = re.compile(r"[ \t]+\d")
_CUE_GAP = re.compile(r"[ \t]*[:=,\-–—]?[ \t\n]*[\"'“”„«»‘’‚]?[ \t]*")
_TITLE_GAP = re.compile(r"\.?[ \t]+|\.")
_SENTENCE_END = frozenset(".!?;:…\n።፧")
_OPENERS = " \t\"'“”‘’«»([-–—*•"
# Between a strong cue and its name: "is", and a hedge ("прізвище здається шевчук").
_FILLERS = frozenset(
    (
        "is", "was", "waa", "es", "هو", "هي", "jest", "є", "ist", "здається", "мабуть",
        "напевно", "chyba", "pewnie", "galiba", "sanırım", "sanirim", "creo", "quizás",
        "quizas", "probably", "maybe", "perhaps", "misschien", "waarschijnlijk",
        "خودش", "خودم",  # "اسم خودش لاله": her own name is Laleh
        "فکر", "کنم", "انگار",  # "اسمش فکر کنم الناز بود": her name, I think, was Elnaz
    )
)  # fmt: skip
_COLON_GAP = re.compile(r"[ \t]*:[ \t]*")
_POSSESSIVES_TEXT = "su sus her his their haar zijn hun jej jego ich її його їхня onun kocası"
_POSSESSIVES = frozenset(_POSSESSIVES_TEXT.split())

STRONG, WEAK, TITLE, KINSHIP, BEFORE, TITLE_AFTER, NICKNAME = range(7)
_MAX_NAME_TOKENS = 5
_STREET_ENDINGS = (
    "straat",
    "laan",
    "gracht",
    "singel",
    "plein",
    "kade",
    "steeg",
    "dreef",
    "plantsoen",
    "weg",  # "de Nieuwe Binnenweg"; no name ends so
)


@dataclass(frozen=True)
class _Tok:
    start: int
    end: int
    text: str
    low: str
    cased: bool
    cap: bool


# Arabic in Latin letters writes some sounds with digits: "3inha" (her eye), "7assan".
_ARABIZI = re.compile(r"[A-Za-z0-9]*[A-Za-z][A-Za-z0-9]*")
# Two readings of its digits: left out ("l3arbi" -> "larbi"), or read as the letters
# they stand for ("5adija" -> "khadija", "7assan" -> "hassan").
_ARABIZI_READINGS = (
    str.maketrans("", "", "0123456789"),
    str.maketrans({"2": "a", "3": "a", "5": "kh", "6": "t", "7": "h", "8": "gh", "9": "q"}),
)


def _arabizi_name(text: str, m: re.Match[str]) -> _Tok | None:
    """The Latin letters at m are written with digits: the whole word as a token when it
    reads as a common name ("l3arbi", "7assan"), else None ("3inha", "kat5rojch")."""
    whole = _ARABIZI.match(text, text.rfind(" ", 0, m.start()) + 1)
    if whole is None or not whole.start() <= m.start() < whole.end():
        return None
    word = whole.group(0)
    if sum(ch.isalpha() for ch in word) < 3:
        return None  # "6am", "30k", "16j", "80s"
    if judge.spoken_word(word.casefold()):
        return None  # a word of the dialect: "l3am" (the year), not Lam
    for reading in _ARABIZI_READINGS:
        low = re.sub(r"\d", "", word.casefold().translate(reading))
        if judge.known_name(low, common=True) and not judge.common_word(low, ("en", "nl")):
            return _Tok(whole.start(), whole.end(), word, low, True, word[0].isupper())
    return None


def _tokens(text: str) -> list[_Tok]:
    """The words of the text; a word written with digits, as Arabic is in Latin letters
    ("3inha" her eye, "kat5rojch"), only when it reads as a name ("l3arbi")."""
    out: list[_Tok] = []
    for m in _TOKEN.finditer(text):
        word = m.group(0)
        glued = text[m.start() - 1 : m.start()].isdigit() or text[m.end() : m.end() + 1].isdigit()
        if glued and word.isascii():
            tok = _arabizi_name(text, m)
            if tok is not None and (not out or out[-1].start != tok.start):
                out.append(tok)
            continue
        low = word.casefold().replace("’", "'").replace("ʼ", "'").replace("i\u0307", "i")
        low = _HARAKAT.sub("", low)  # "مَيْس" is looked up as "ميس"
        first = word[0]
        out.append(
            _Tok(m.start(), m.end(), word, low, first.lower() != first.upper(), first.isupper())
        )
    return out


def _cue_table() -> dict[str, list[tuple[tuple[str, ...], int]]]:
    table: dict[str, list[tuple[tuple[str, ...], int]]] = {}
    groups = (
        (NAME_CUES_STRONG, STRONG),
        (NICKNAME_CUES, NICKNAME),
        (NAME_CUES_WEAK, WEAK),
        (NAME_CUES_BEFORE, BEFORE),
        (tuple((t,) for t in TITLES), TITLE),
        (tuple((k,) for k in KIN), KINSHIP),
        (tuple((t,) for t in TITLES_AFTER), TITLE_AFTER),
    )
    for phrases, kind in groups:
        for phrase in phrases:
            table.setdefault(phrase[0], []).append((phrase, kind))
    for entries in table.values():
        entries.sort(key=lambda e: -len(e[0]))
    return table


_CUES = _cue_table()
_MONTH_WORDS = frozenset(m for m in MONTHS if " " not in m)
_WORD_AS_MUCH = 4.0  # zipf from which a lower-case name without a cue is asked about
_FEASTS_NAMED = frozenset({"ramazan", "bayram"})  # Turkish men are named after the feasts
# Words of a month or a feast that still name a person beside kin or a title ("zus april")
_CALENDAR_NAMES = _MONTH_WORDS | _FEASTS_NAMED
_SLOT_BEFORE: dict[str, list[tuple[str, ...]]] = {}
for _phrase in NAME_SLOT_BEFORE:
    _SLOT_BEFORE.setdefault(_phrase[-1], []).append(_phrase)
_SLOT_AFTER: dict[str, list[tuple[str, ...]]] = {}
for _phrase in NAME_SLOT_AFTER:
    _SLOT_AFTER.setdefault(_phrase[0], []).append(_phrase)
_OF_FATHER = frozenset({"ወዲ", "ጓል"})
# Somali marks the subject with these right after it: "xaliimo waxay sheegtay".
# Pronouns between a subject and its verb: "Mar me cuenta", "Ola mi powiedziała"
_CLITICS = frozenset({"me", "le", "nos", "te", "mi", "jej", "nam", "мені", "їй", "нам"})
_SOMALI_SUBJECT = frozenset({"waxay", "wuxuu", "ayay", "ayuu"})
# Before an Arabic name: mother of, father of (a parent called by their eldest child),
# son of (Sudanese "ود").
_KUNYA = frozenset({"ام", "أم", "ابو", "أبو", "ود"})
# Inside an Arabic name: son of, daughter of, father of, servant of.
_UNCASED_PARTICLES = frozenset({"بن", "ابن", "بنت", "بت", "ود", "ابو", "أبو", "عبد"})
_CHILD_OF = frozenset({"بن", "ابن", "بنت", "بت"})
# Titles in Arabic script skipped after "named": "به نام استاد غلام" (master, also
# "teacher", so no cue itself: "استاد نی من", my ney teacher).
_TITLES_NAMED = frozenset({"استاد", "آقای", "خانم", "السيد", "السيدة", "الحاج", "الحاجة"})
# The first half of a compound Arabic name before a word with the article: "عبد الرحمن",
# "نور الهدى", "سيف الدين", "فاطمة الزهراء" is caught by its listed first half.
_COMPOUND_HEADS = frozenset(
    [
        "عبد",
        "نور",
        "سيف",
        "شمس",
        "صلاح",
        "علاء",
        "نصر",
        "جمال",
        "بدر",
        "فخر",
        "عز",
        "عماد",
        "حسام",
        "نجم",
        "زين",
        "تاج",
    ]
)
_ETHIOPIC_ARTICLES = frozenset({"እቲ", "እታ", "ሓደ", "ሓንቲ", "ናይ"})
# Kinship nouns without a possessive, after a name: "بهار دختر همسایه", "هبة بنت جارتي".
_BARE_KIN = frozenset(
    [
        "دختر",
        "پسر",
        "همسایه",
        "خواهر",
        "برادر",
        "مادر",
        "پدر",
        "شوهر",
        "بنت",
        "ابن",
        "جارة",
        "جارتنا",
        "اخت",
        "أخت",
        "اخو",
        "أخو",
        "ጓል",
        "ወዲ",
    ]
)
# A husband, a wife, before whose they are: "جوز هبة" Hiba's husband, "شوهر مژگان".
_SPOUSE_OF = frozenset({"جوز", "زوج", "مرت", "زوجة", "شوهر", "همسر"})
_COMMAS = frozenset(",،")
# "No" before a word or after it, as one word or two ("nie ma", "ما في", "ma leh").
_NEGATED_BEFORE = frozenset(
    tuple(phrase.split())
    for phrase in (
        "geen", "zonder", "no", "without", "sin", "no hay", "queda", "bez", "brak",
        "nie ma", "без", "немає", "нема", "هیچ", "بلا", "بدون", "ما في", "ما فيه",
        "ما عندها", "ما عنده", "ما عندي", "ما بقى", "ma kayn", "makaynch",
    )
)  # fmt: skip
_NEGATED_AFTER = frozenset(
    tuple(phrase.split())
    for phrase in ("yok", "kalmadı", "kalmamış", "ma leh", "ma haysto", "የለን", "የብላን", "የብሉን")
)
# Weekdays that are also given names, and the words that make them the day
_DAYS_NAMED = frozenset({"domingo", "sábado", "sabado"})
_DAY_BEFORE = frozenset({"el", "los", "este", "cada", "al", "del", "o", "no", "pelo", "aos"})
_GENITIVE = frozenset({"ın", "in", "un", "ün", "nın", "nin", "nun", "nün"})
_ARTICLES = frozenset({"bir", "bi", "een", "a", "an", "un", "una"})  # "gri bi mercedes"
_ARABIC_BARE_WEEKDAYS = frozenset(
    {"سبت", "احد", "أحد", "اثنين", "ثلاثاء", "اربعاء", "أربعاء", "خميس", "جمعة", "جمعه"}
)
# Spanish titles, after which "de" is "of" ("el señor de la tienda"), no Dutch particle
_SPANISH_TITLES = frozenset({"señor", "señora", "senor", "senora", "sr", "sra", "don", "doña"})
# Arabic words before a family's name: "عائلة الحلبي", "آل المصري", "دار السوسي".
_FAMILY_WORDS_AR = frozenset({"عائلة", "العائلة", "عيلة", "العيلة", "عايلة", "آل"})
# Turkish typed plain: the genitive written apart ("gulsen in"), or "with" ("ile").
_APART_GENITIVE_OR_WITH = _GENITIVE | {"ile"}
_FAMILY_WORDS_FA = frozenset({"خانواده", "خانوادهی", "خانوادهٔ", "فامیل"})
_FAMILY_OF = _FAMILY_WORDS_AR | {"ال", "دار", "بيت"}
# The Turkish cases of where: in, from ("arabada", "arabadan")
_TR_PLACE_CASES = frozenset({"da", "de", "ta", "te", "dan", "den", "tan", "ten"})
# Definite articles, by the languages they are one in (Spanish "de" is "of": "de rosa")
# Before a common word that is no name here: "boven de bakker", "the baker"; also after a
# Dutch possessive, "in haar broek", "haar wang" (her trousers, her cheek), where a name
# does not stand (English "her" does: "told her sara").
_DEFINITE = {
    "de": ("nl",),
    "het": ("nl",),
    "the": ("en",),
    "el": ("es",),
    "la": ("es",),
    "haar": ("nl",),
    "mijn": ("nl",),
    "hun": ("nl",),
}
# Spanish kin typed without the accent, rarer as typed than as a name: "de su tia"
_KIN_UNACCENTED = frozenset({"tia", "tio", "mama", "papa"})
_MEANS = frozenset(
    {"betekent", "means", "meaning", "significa", "znaczy", "означає", "значить", "demek"}
)
_NICKNAME_ARTICLES = frozenset({"el", "la", "de", "het", "the"})
_KIN_DETERMINERS = frozenset({"el", "la", "su", "mi", "tu"})
_PLACE_PREPOSITIONS = frozenset(
    {"in", "bij", "naar", "op", "uit", "at", "to", "near", "inside", "en", "w", "na"}
)
_GREETING_MARKS = frozenset("!,،፡፣")
# Possessives written apart in spoken Farsi: "همسایه مون" our neighbour.
_DETACHED_POSSESSIVES = frozenset({"مون", "مان", "شون", "شان", "ام", "اش"})
# "بنت عم", "ابن خال": a cousin, after "بنت", "ابن" (in `_BARE_KIN`).
_COUSIN_OF = frozenset({"عم", "خال", "عمي", "خالي", "عمو", "خالو"})
# Farsi family names: "احمدی", "کریمزاده", "صالحپور", "رضانیا", "نیکفر".
_FAMILY_ENDINGS = ("ی", "زاده", "پور", "نیا", "فر")
_CUE_WORDS = frozenset(
    w for phrases in (NAME_CUES_STRONG, NAME_CUES_WEAK, NICKNAME_CUES) for p in phrases for w in p
)


_BRACKET_GAP = re.compile(r"[ \t]*\([ \t]*")


class _Scan:
    """One pass over the tokens of a masked text, collecting the indexes of name tokens."""

    def __init__(self, text: str) -> None:
        self.text = text
        self.toks = _tokens(text)
        self.names: set[int] = set()
        self.unsure: set[int] = set()  # names as much a word, alone: asked about
        self.langs = judge.guess_langs([t.low for t in self.toks], lexicon())

    # --- gaps and token tests ----------------------------------------------------------

    def gap(self, i: int) -> str:
        """Text between token i-1 and token i."""
        return self.text[self.toks[i - 1].end : self.toks[i].start]

    def joined(self, i: int, pattern: re.Pattern[str] = _PLAIN_GAP) -> bool:
        """Token i exists and follows token i-1 with only a gap of this pattern."""
        return 0 < i < len(self.toks) and pattern.fullmatch(self.gap(i)) is not None

    def sentence_start(self, i: int) -> bool:
        start = self.toks[i].start
        before = self.text[max(0, start - 40) : start].rstrip(_OPENERS)
        return not before or before[-1] in _SENTENCE_END

    @staticmethod
    def not_name(tok: _Tok) -> bool:
        """Known non-names; single letters are initials, which the design allows."""
        low = tok.low
        base = _base(low)
        return (
            len(tok.text) == 1
            or low in NOT_NAMES
            or (low.split("-")[0] in NOT_NAMES and not judge.known_name(low.split("-")[-1]))
            or judge.not_person(low.split("-")[0])  # "TikTok-ga", "Safe House-ka"
            or base in NOT_NAMES
            or judge.not_person(low)
            or judge.not_person(base)
            or low in _MONTH_WORDS
            or low in TITLES
            or low in SAINTS
            or low in KIN
            or low in TITLES_AFTER
            or low.replace("'", "") in TITLES_AFTER  # "Bey'in"
            or low in PARTICLES
            or low.startswith(NOT_NAME_PREFIXES)
            # "de Kalverstraat" without a number stays, also "Beverwijkstraat'ta"
            or base.endswith(_STREET_ENDINGS)
            or _venue(base)  # "Vondelschool", "Sloterparkbad", "Rijschool'da"
            # "Ámsterdam"; not a Polish case ending: "basię" is Basia, not the place Basie
            or (
                not low.isascii() and not low.endswith(("ę", "ą")) and _plain_place(unaccented(low))
            )
        )

    def listed(self, tok: _Tok) -> bool:
        if tok.cased:
            if tok.cap and (tok.low in CASED_NAMES or tok.low.split("'")[0] in CASED_NAMES):
                return True
            return any(f in SOMALI_NAMES for f in _somali_forms(tok.low)) and judge.rare_word(
                tok.low, self.langs
            )
        if any(form in UNCASED_NAMES for form in _bare_forms(tok.text)):
            return True
        # "فرشته‌جان": "dear" is said to a person, so a name that is also a word is a name
        dear = tok.text.endswith("جان") and len(tok.text) > 5
        return dear and tok.text[:-3] in NAME_WORDS

    def capital_name(self, tok: _Tok) -> bool:
        head = re.split(r"['’-]", tok.text)[0]
        acronym = head.isupper() and len(head) > 1  # "GGD", "BSN-keeda"
        return (
            tok.cased
            and tok.cap
            and not acronym
            and not self.not_name(tok)
            and ("'" in tok.low[1:3] or not judge.common_word(_base(tok.low), self.langs))
        )  # "O'Neill", "D'Souza" are names

    def shouted_name(self, tok: _Tok) -> bool:
        """A name of the lexicon written in capitals, as on a card or a form: "a nombre de
        LUIS A CARRANZA"."""
        return (
            tok.cased
            and tok.text.isupper()
            and len(tok.text) >= 3
            and not self.not_name(tok)
            and judge.known_name(tok.low)
        )

    def context(self, i: int) -> bool:
        """Token i stands where names stand: after "sprak met", a kinship word or a name
        already found, or before "zegt" (a word before a name: `chains`)."""
        before = self.toks[i - 1] if self.joined(i) else None
        after = self.toks[i + 1] if self.joined(i + 1) else None
        return bool(
            (before and self.after_name(i))
            or (before and _context_word(before.low, NAME_CONTEXT_BEFORE))
            or (before and (before.low in KIN or before.text in UNCASED_KIN))
            or (after and _context_word(after.low, NAME_CONTEXT_AFTER))
        )

    def after_uncased_kin(self, i: int) -> bool:
        """In Arabic script and Ge'ez, after a kinship word ("ابنها علي", "زوجها امل") any
        name of the lexicon, also one that is a word; after "ወዲ", "ጓል" (son, daughter of)
        the father's name."""
        tok = self.toks[i]
        if tok.cased or not self.joined(i) or self.stop(tok) or tok.text in UNCASED_KIN:
            return False
        if self.joined(i + 1) and judge.used_as_word(tok.low, self.toks[i + 1].low):
            return False  # "جارتي صباح يوم الاثنين": my neighbour, on Monday morning
        before = self.toks[i - 1].text
        kin = (
            before in UNCASED_KIN
            or (before[:1] == "و" and before[1:] in UNCASED_KIN)
            or before in _SPOUSE_OF
        )  # "جوز هبة", "شوهر مژگان": the husband of whom
        if (before in _DETACHED_POSSESSIVES or before in _COUSIN_OF) and self.joined(i - 1):
            # "دختر همسایه مون ترانه": our neighbour's daughter; "بنت عم دعاء": cousin
            head = self.toks[i - 2].text
            if head in UNCASED_KIN or head in _BARE_KIN:
                before, kin = head, True
        if (
            not kin
            and before.startswith("ال")
            and before.endswith(("ية", "يه", "ي"))
            and self.joined(i - 1)
            and self.toks[i - 2].text in UNCASED_KIN
        ):
            kin = True  # her origin between: "جارتي السودانية إيثار" (my Sudanese neighbour)
        if before in _OF_FATHER:  # but "እታ ጓል" is "the girl"
            article = self.joined(i - 1) and self.toks[i - 2].text in _ETHIOPIC_ARTICLES
            return judge.ethiopic(tok.text) and len(tok.text) > 1 and not article
        if before in _KUNYA:
            return judge.known_name(tok.low)  # "ام سامي", "ابو خالد": mother, father of
        if before in UNCASED_KIN and judge.ethiopic(tok.text):
            # Ge'ez: after "ሓብታ", "ኣደኡ" a word shaped like a name ("ሓብታ ምሕረት"), not
            # "ሰብኣያ ሰኺሩ" (her husband, drunk)
            return any(judge.after_ethiopic_kin(f) for f in _bare_forms(tok.text))
        return kin and any(
            # a common name, or a rarer one that is a rare word: "دختر کاکایم شکیلا"
            (
                judge.known_name(form, common=True)
                or (judge.known_name(form) and lexicon().zipf(form) < 3.0)
            )
            and not judge.very_common(form, self.langs)
            and not judge.not_person(form)
            for form in _bare_forms(tok.low)
        )  # also "زنش نیلوفرو": his wife Niloufar, the object

    def set_off(self, i: int) -> bool:
        """A word alone between commas, or between a sentence start and a comma, that is
        a common name of the lexicon or a name that is also a word: "همسایه ما، بهار،
        گفت", "de buurvrouw, roos, zei". A word set off like this is said of a person, or
        is a list's item; a list of things holds no common names."""
        tok = self.toks[i]
        before = "," if i == 0 or self.sentence_start(i) else self.gap(i).strip()
        after = self.text[tok.end : tok.end + 3].strip()[:1]
        if before not in _COMMAS or after not in _COMMAS or self.stop(tok):
            return False
        if tok.cased and (self.not_name(tok) or tok.text[1:2].isupper()):
            return False
        return judge.kin_name(_base(tok.low) if tok.cased else tok.low, self.langs)

    def uncased_subject(self, i: int) -> bool:
        """In Arabic script and Ge'ez, the first word of a sentence that is a listed name or
        a common name rare as a word: "ተስፋይ ንወዱ ይወቕዖ", "ዮናስ ሰለስተ ...". A note seldom
        opens on a bare noun; it opens on whom it is about. Names that are also words
        ("ሰላም" hello, "امید" hope) are asked about instead."""
        tok = self.toks[i]
        if tok.cased or not self.sentence_start(i) or i + 1 >= len(self.toks):
            return False
        if self.stop(tok) or tok.text in UNCASED_KIN or tok.text in _BARE_KIN:
            return False
        if any(form in NAME_WORDS for form in _bare_forms(tok.text)):
            return False
        return (
            self.listed(tok)
            or (judge.known_name(tok.low, common=True) and judge.rare_word(tok.low, self.langs))
        ) and not judge.not_person(tok.low)

    def after_kin(self, i: int) -> bool:
        """In scripts with case, after a kinship word a common name of the lexicon, also
        one that is a word: "teyzemin kızı yağmur", "mi prima dulce", "kuzenim ayça"."""
        tok = self.toks[i]
        if not (tok.cased and self.joined(i) and self.toks[i - 1].low in KIN):
            return False
        half, dash, other = tok.low.partition("-")
        if (
            dash
            and half == other
            and judge.known_name(half)
            and not judge.ordinary(half, self.langs)
        ):
            return True  # a name said twice is a nickname: "her husband jun-jun"
        # "opa jan", "zus april": no month's grandfather; "babası ramazan": no feast's father
        month = _base(tok.low) in _CALENDAR_NAMES  # also "kocası Ramazan'dan"
        if self.stop(tok) or (self.not_name(tok) and not month) or tok.low in KIN:
            return False
        if self.joined(i + 1) and judge.used_as_word(tok.low, self.toks[i + 1].low):
            return False  # "dedemiz nur içinde yatsın": our grandfather, rest in light
        # "walaasheed nimcona": her sister Nimco, and; "teyzesi gülsümü": her aunt Gülsüm;
        # "невістку юлю": her daughter-in-law Yulia
        base = _base(tok.low)
        forms = _somali_forms(base)
        if {"tr", "pl", "uk"} & set(self.langs) and not judge.ordinary(base, self.langs):
            forms += [  # but "komşu kadın": the neighbour woman
                stem
                for stem in judge.name_stems(base)
                if not (base[len(stem) :] in _TR_PLACE_CASES and judge.ordinary(stem, self.langs))
            ]  # and "karısı arabadan indi": his wife got out of the car, not Araba
        if "pl" in self.langs and base.endswith("ie"):
            forms.append(base[:-2] + "ia")  # "zone bogusie": żonę Bogusię, typed plain
        return any(judge.kin_name(form, self.langs) for form in forms)

    def before_uncased_kin(self, i: int) -> bool:
        """In Arabic script and Ge'ez, a name (also one that is a word) right before a
        kinship word that says who it is: "بهار دختر همسایه" (Bahar, the neighbour's
        daughter), "امید پسرش" (Omid, her son), "هبة بنت جارتي"."""
        tok = self.toks[i]
        if tok.cased or not self.joined(i + 1) or self.stop(tok):
            return False
        after = self.toks[i + 1].text
        return (
            (after in UNCASED_KIN or after in _BARE_KIN)
            and not judge.used_as_word(tok.low, after)  # "ሓዳስ ኣደ": a new mother
            and tok.text not in UNCASED_KIN
            and tok.text not in _BARE_KIN
            and judge.known_name(tok.low, common=True)
            and not judge.very_common(tok.low, self.langs)
            and not judge.not_person(tok.low)
        )

    def genitive_before_kin(self, i: int) -> bool:
        """Turkish: whose relative, said with the genitive: "yağmurun oğlu" (Yağmur's
        son), "aslının kocası"; a common name of the lexicon, also one that is a word,
        since rain has no son. But "adamın karısı": the man's wife."""
        tok = self.toks[i]
        if "tr" not in self.langs or not tok.cased or not self.joined(i + 1):
            return False
        if self.toks[i + 1].low not in KIN or self.stop(tok):
            return False
        low = _base(tok.low)
        if low in _FEASTS_NAMED and low != tok.low:
            return True  # "Ramazan'ın eşi": the feast has no wife
        if self.not_name(tok):
            return False
        stems = [low[:-n] for n in (2, 3) if low[-n:] in _GENITIVE and len(low) - n >= 3]
        return any(
            judge.kin_name(stem, self.langs) and not judge.not_person(stem) for stem in stems
        )

    def with_own_kin(self, i: int) -> bool:
        """Turkish typed plain: a name more often than a word, with her own relative after
        it, the genitive typed apart or "with" between: "gulsen in kocasi" (Gülşen's
        husband), "sevgi ile kocasi" (Sevgi and her husband); not "araba ile kocasi"."""
        tok = self.toks[i]
        if "tr" not in self.langs or not tok.cased or i + 2 >= len(self.toks):
            return False
        link, kin = self.toks[i + 1], self.toks[i + 2]
        if link.low not in _APART_GENITIVE_OR_WITH or kin.low not in KIN:
            return False
        if not (self.joined(i + 1) and self.joined(i + 2)) or self.stop(tok):
            return False
        return judge.name_over_word(tok.low, self.langs) and not judge.not_person(tok.low)

    def after_name(self, i: int) -> bool:
        """Token i follows a name found, and may be more of it: not after a Turkish name
        in the genitive ("mehmedin arabası", Mehmet's car), though after a name that only
        ends like one ("metin yılmaz")."""
        if i - 1 not in self.names:
            return False
        low = self.toks[i - 1].low
        return not (
            "tr" in self.langs
            and any(low.endswith(ending) for ending in _GENITIVE)
            and not judge.known_name(low.replace("'", ""))
        )

    def aged(self, i: int) -> bool:
        """A word with an age after it is a person: "dev (16)", "zoë (15) heeft", "joy is
        19", "rênas 15 yaşında"."""
        tok = self.toks[i]
        if self.stop(tok) or self.not_name(tok) or tok.text in UNCASED_KIN:
            return False
        bracket = _AGE_AFTER.match(self.text, tok.end)
        if bracket:
            inside = bracket.group("inside")
            if inside and not judge.not_person(inside.casefold()):
                return False  # "my sons class (ilyas, 16)": the age is Ilyas's
            return (
                judge.known_name(_base(tok.low))
                or judge.before_name(tok.low, self.langs)
                or judge.slot_name(tok.low, self.langs)  # "jurensley (14)"
            )
        if _AGE_SAID.match(self.text, tok.end):  # said of a name, or of "she", "the girl"
            word = _base(tok.low)
            kin = self.joined(i) and self.toks[i - 1].low in KIN
            return (
                judge.kin_name(word, self.langs)
                or judge.is_name(word, self.langs, cased=tok.cased, context=True)
                # "племінниця селам 16 років": between a relative and an age, a word that
                # is hardly one of the language
                or (kin and judge.rare_word(word, self.langs) and not judge.not_person(word))
            )
        return False

    def after_thing(self, i: int) -> bool:
        """After a colour or a thing's word: "een grijze Volkswagen Caddy", "VV Zwaluwen",
        also with an article between: "beyaz bir Mercedes"."""
        before = self.toks[i - 1].low if i > 0 else ""
        # "św. Jakuba", "St. Agnes": the saint's abbreviation with its dot
        if not (self.joined(i) or (before in ("św", "sw", "st") and self.joined(i, _TITLE_GAP))):
            return False
        if before in _ARTICLES and self.joined(i - 1):
            before = self.toks[i - 2].low
        return before in COLOURS | THING_BEFORE

    def shown_no_name(self, i: int) -> bool:
        """The words around token i show it is no person: a common word after an article,
        a venue's name, a word of origin after a common word, a greeting, a weekday after
        "every", a month said to be one, a trade after "at"."""
        return any(
            check(i)
            for check in (
                self.common_after_article,
                self.after_venue,
                self.before_venue,
                self.origin_after_word,
                self.greeting,
                self.weekday_after_every,
                self.month_said,
                self.trade_after_preposition,
                self.meaning_said,
                self.town_said,
            )
        )

    def town_said(self, i: int) -> bool:
        """A town that is also a name, where the words before say a place follows: "vive
        en Lima", "llegó de Cali", "de vuelta a Rosario"; not "la hija de Rosario"."""
        if i < 1 or unaccented(self.toks[i].low) not in TOWNS_ALSO_NAMES or not self.joined(i):
            return False
        before = self.toks[i - 1].low
        if before in IN_TOWN:
            return True
        return (
            before in ("de", "a")
            and i >= 2
            and self.joined(i - 1)
            and self.toks[i - 2].low in FROM_TOWN_WORDS
        )

    def meaning_said(self, i: int) -> bool:
        """A word given as what a name means is a word: "Gül, dat betekent roos", "Tsega
        (it means 'grace')"."""
        return i > 0 and self.toks[i - 1].low in _MEANS and self.joined(i, _CUE_GAP)

    def origin_after_word(self, i: int) -> bool:
        """An Arabic word of origin after a common word says where someone is from:
        "لصبي سوداني" (to a Sudanese boy), "محل الذهب السوري" (the Syrian gold shop); after
        a name it is a family name ("عمر المصري")."""
        tok = self.toks[i]
        word = tok.low.removeprefix("ال")
        if tok.cased or not self.joined(i) or word.removesuffix("ة") not in ARABIC_NISBAS:
            return False
        before = self.toks[i - 1].low
        if before in _FAMILY_OF or before in FAMILY_WORDS:
            return False  # "بيت عائلة الحلبي": the Halabi family's house
        common_word = lexicon().zipf(before, ("ar",)) >= 4.0  # "الذهب": gold, also a name
        common_word = common_word or self.trade_after_preposition(i - 1)  # "عند الحلاق"
        return i - 1 not in self.names and (common_word or lexicon().name_bucket(before) > 3)

    def greeting(self, i: int) -> bool:
        """A greeting, not the name Selam: before whom it greets ("ሰላም ሓብተይ"), opening the
        note with a comma ("Selam, ..."), or said ("ሰላም ምስ በልኩዎም": when I greeted them)."""
        tok = self.toks[i]
        if tok.low not in GREETINGS:
            return False
        if self.joined(i + 1) and self.toks[i + 1].low in GREETED:
            return True
        said = self.joined(i + 2) and self.toks[i + 2].text.startswith("በል")
        if self.joined(i + 1) and self.toks[i + 1].text == "ምስ" and said:
            return True
        return i == 0 and self.text[tok.end : tok.end + 1] in _GREETING_MARKS

    def before_venue(self, i: int) -> bool:
        """A capitalised word in a venue's name, before its capitalised venue word: "Paşa
        Düğün Salonu", "Öz Anadolu Market" (the shop, whoever it is named after)."""

        def venue_word(k: int) -> bool:
            return self.toks[k].cap and _base(self.toks[k].low) in VENUE_AFTER

        if venue_word(i) and self.joined(i) and self.toks[i - 1].cap:
            return True  # the venue's word itself
        k = i
        while k - i < 3 and self.toks[k].cap and self.joined(k + 1):
            k += 1
            if venue_word(k):
                return True
        return False

    def after_venue(self, i: int) -> bool:
        """A capitalised word after a venue's word names the venue: "Café De Ooievaar",
        "heladería Florencia", "szpitalu Antonius"; in lower case it may be a person
        ("in de snackbar ahmed zei"), and so it is when it speaks ("bij de snackbar Ali
        zei")."""
        if not (self.toks[i].cap and self.joined(i)):
            return False
        if self.joined(i + 1) and _context_word(self.toks[i + 1].low, NAME_CONTEXT_AFTER):
            return False
        k = i - 1
        if self.toks[k].low in VENUE_ARTICLES and self.joined(k):
            k -= 1
        return k >= 0 and self.toks[k].low in VENUE_BEFORE

    def common_after_article(self, i: int) -> bool:
        """A common word in lower case after "de", "the", "el": "boven de bakker", "de
        pastor zei" (the baker, the pastor), unless a title, a relative, an initial or a
        word before names says a name follows ("mevrouw de bakker", "familie de graaf")."""
        tok = self.toks[i]
        if tok.cap or not tok.cased or not self.joined(i) or i < 1:
            return False
        if tok.low in _KIN_UNACCENTED and self.toks[i - 1].low in _KIN_DETERMINERS:
            return "es" in self.langs
        if not set(_DEFINITE.get(self.toks[i - 1].low, ())) & set(self.langs):
            return False
        if self.joined(i + 1) and self.toks[i + 1].low in FAMILY_AFTER:
            return False  # "the smith family"
        if i >= 2:
            before = self.toks[i - 2].low
            if (
                before in TITLES
                or before in KIN
                or i - 2 in self.names
                or (len(before) == 1 and self.gap(i - 1).startswith("."))  # "w. de vries"
                or before in FAMILY_WORDS  # "familie de graaf"
            ):
                return False
        # English "the" is no family particle, as Dutch "de" is: "scared of the siren"
        floor = 2.5 if self.toks[i - 1].low == "the" else 4.0
        return lexicon().zipf(tok.low, self.langs) >= floor

    def venue_after_article(self, i: int) -> bool:
        """A capitalised word after "het" or "the", or after "de" after a preposition,
        names a place: "in het Sportfondsenbad", "swimming lesson at de Tongelreep". Not
        a family: "the Smith family", "the Jansens"; not "van de Berg", "mevrouw de Vries"."""
        tok = self.toks[i]
        if not tok.cap or i < 2 or not (self.joined(i) and self.joined(i - 1)):
            return False
        article, before = self.toks[i - 1].low, self.toks[i - 2].low
        if self.joined(i + 1) and self.toks[i + 1].low in FAMILY_AFTER:
            return False
        if article in ("het", "'t") or (article == "the" and not tok.low.endswith("s")):
            return True
        return article == "de" and before in _PLACE_PREPOSITIONS

    def next_to_colour(self, i: int) -> bool:
        """A car beside its colour ("mercedes cad"), after an article ("in a mercedes",
        "een Mercedes"; not Spanish "a Mercedes": to Mercedes) or said to be one ("oo
        Mercedes ah": which is a Mercedes)."""
        after = self.joined(i + 1) and self.toks[i + 1].low in (*COLOURS, "ah")
        before = self.toks[i - 1].low if i and self.joined(i) else ""
        article = before in _ARTICLES and not (before == "a" and "es" in self.langs)
        return self.after_thing(i) or after or article

    def after_initial(self, i: int) -> bool:
        """A capitalised name of the lexicon right after an initial and its dot, also one
        that is a word: "S. Güneş" on a doorbell (also "sun"). Not a word that is no name
        after a sentence ending in a letter ("groep A. Daarna")."""
        tok = self.toks[i]
        if not (tok.cased and tok.cap and i and self.joined(i, _TITLE_GAP)):
            return False
        initial = self.toks[i - 1]
        if len(initial.text) != 1 or not initial.text.isupper() or self.gap(i)[:1] != ".":
            return False
        return not self.stop(tok) and not self.not_name(tok) and judge.known_name(_base(tok.low))

    def lower_case_word(self, i: int) -> bool:
        """A word a note is about that the name lists also hold, alone in lower case:
        "een schram op haar wang" (`WORDS_IN_LOWER_CASE`); after a name a name's."""
        tok = self.toks[i]
        return not tok.cap and tok.low in WORDS_IN_LOWER_CASE and i - 1 not in self.names

    def doubtful(self, i: int) -> bool:
        """A word that may be a name or an ordinary word: a name that is also a word
        ("bahar", "umut", "ሰላም"), or a common name of the lexicon that is rare as a word
        here. Taken out, and the writer may put it back."""
        tok = self.toks[i]
        if judge.too_short(tok.text) or self.stop(tok) or tok.low in NOT_NAMES:
            return False
        if tok.cased and (self.not_name(tok) or tok.text[1:2].isupper()):
            return False  # "GGD"
        if self.lower_case_word(i):
            return False
        if self.shown_no_name(i):
            return False  # "boven de bakker", "heladería Florencia"
        word = _base(tok.low) if tok.cased else tok.low
        if self.joined(i + 1) and judge.used_as_word(word, self.toks[i + 1].low):
            return False  # "deniz kenarında": the sea
        if self.next_to_colour(i):
            return False  # "a black Mercedes van", "mercedes cad": a car
        if self.text[tok.end : tok.end + 1] in _GREETING_MARKS and self.sentence_start(i):
            return False  # "ሰላም፡", "Salam!": a greeting
        forms = _bare_forms(word) if judge.ethiopic(word) else [word]  # "ንብርኽቲ": to Birkti
        return any(judge.doubtful_name(form, self.langs) for form in forms)

    def slot(self, i: int) -> bool:
        """Token i stands in a name slot: after "spoke with", before "ile konuştum",
        first in a sentence before "says", "told", "قالت"."""
        if self.joined(i):
            for phrase in _SLOT_BEFORE.get(self.toks[i - 1].low, ()):
                first = i - len(phrase)
                if first >= 0 and all(
                    self.toks[first + n].low == w and (n == 0 or self.joined(first + n))
                    for n, w in enumerate(phrase)
                ):
                    return True
        verb = i + 2 if self.joined(i + 2) and self.toks[i + 1].low in _CLITICS else i + 1
        if (
            self.joined(verb)
            and self.sentence_start(i)
            and (
                _context_word(self.toks[verb].low, NAME_CONTEXT_AFTER)
                or self.toks[verb].low in _SOMALI_SUBJECT
            )
        ):
            # "hope told me", "надія каже", "نور قالت", "Mar me cuenta": the subject
            return True
        if self.joined(i + 1):
            for phrase in _SLOT_AFTER.get(self.toks[i + 1].low, ()):
                last = i + len(phrase)
                if last < len(self.toks) and all(
                    self.toks[i + 1 + n].low == w and self.joined(i + 1 + n)
                    for n, w in enumerate(phrase)
                ):
                    return True
        return False

    def slot_name(self, i: int) -> bool:
        tok = self.toks[i]
        if self.stop(tok) or (tok.cased and self.not_name(tok)):
            return False
        return self.slot(i) and judge.slot_name(_base(tok.low), self.langs)

    def at_home_of(self, i: int) -> bool:
        """Polish "u" (at the home of) before a declined given name, also one that is a
        frequent word: "u ani" is at Ania's, where "ani" is otherwise "nor"."""
        return (
            i > 0
            and self.toks[i - 1].low == "u"
            and "pl" in self.langs
            and self.joined(i)
            and judge.polish_name_form(self.toks[i].low)
        )

    def after_dutch_particles(self, i: int) -> bool:
        """After "van der", "van den" or a "Van" inside a sentence, which only a family
        name has, the next word is that name, also a word or a town: "(van der hoeven)",
        "met Van Bergen"."""
        if i < 1 or self.toks[i - 1].low not in PARTICLES or not self.joined(i):
            return False
        if self.stop(self.toks[i]):
            return False
        first = i
        while first > 0 and first > i - 3 and self.toks[first - 1].low in PARTICLES:
            first -= 1
        if first == i or not (
            self.joined(first + 1) and _dutch_family_particles(self.toks[first:i])
        ):
            return False
        if self.toks[first].text == "Van" and self.sentence_start(first):
            return False  # "Van Gogh" may open a sentence; "Van daar" is "from there"
        tok = self.toks[i]
        return not (tok.cased and self.not_name(tok)) or is_place(tok.low.split("-")[0])

    def lexicon_name(self, i: int, context: bool = False) -> bool:
        """A name from the built lexicon that is not a common word here, or an unknown word
        shaped like a name (judge.py)."""
        tok = self.toks[i]
        head, somali_and = tok.low[:-3], tok.low.endswith(("-na", "-se"))
        if somali_and and judge.known_name(head, common=True) and not judge.not_person(head):
            return True  # Somali "and", "but" on a name: "hodan-na", "ayaan-na"
        if tok.cased and tok.text[1:2].isupper():
            return False  # "GGD", "BSN"
        if (self.not_name(tok) if tok.cased else tok.low in NOT_NAMES) or _HAN.match(tok.text):
            return False
        word = _base(tok.low) if tok.cased else tok.low
        # "Nilüfer'in", "yıldız'ın": Turkish marks proper nouns with an apostrophe
        if (
            tok.cased
            and word != tok.low
            and judge.proper_noun(word)
            and (
                tok.cap
                or (
                    ("tr" in self.langs or judge.turkish_case(tok.low))
                    and judge.known_name(word, common=True)
                )
            )
        ):
            return True
        if (
            tok.low.endswith(("'s", "’s"))
            and "en" in self.langs
            and judge.known_name(word, common=True)
            and not judge.common_word(word, ("en",))
        ):
            return True  # "at selam's house": whose house, in English, is a person's
        if (
            not tok.cased
            and word[:1] == "و"
            and len(word) > 3
            and judge.is_name(word[1:], self.langs, cased=False, context=context)
        ):
            return True
        if not tok.cased and "fa" in self.langs and self.persian_ending(word, context):
            return True
        if not tok.cased and _persian_family_name(word, self.langs):
            return True
        if self.joined(i + 1) and judge.used_as_word(word, self.toks[i + 1].low):
            return False  # "deniz kenarında"
        # typed on a phone a sentence starts without its capital: "gloria zegt", "tyrone says"
        capital = tok.cased and (tok.cap or self.sentence_start(i))
        parts = word.split("-")
        if len(parts) > 1 and all(len(p) >= 3 and judge.known_name(p) for p in parts):
            # a double name after a title: "mevr de vries-hoekstra"; common given names, not
            # all of them also words, are one anywhere: "buurman jan-willem", "anne-marie"
            given = all(judge.known_name(p, common=True) for p in parts) and not all(
                judge.ordinary(p, self.langs) for p in parts
            )
            return context or capital or given
        return judge.is_name(word, self.langs, capital=capital, cased=tok.cased, context=context)

    def persian_ending(self, word: str, context: bool) -> bool:
        """A Farsi word that is no word itself but a name with an ending written onto it:
        the spoken object marker or "-ه" (is) after a common name, also one that is a word
        ("امیدو دیدم" I saw Omid, "پروانه‌ره", "کار فرهاده"), or a possessive or a family's
        plural after a common name that is no common word ("علیش", "رضایی‌ها")."""
        if not judge.rare_word(word, self.langs):
            return False
        objects, others = _persian_stems(word)
        return any(
            judge.known_name(stem, common=True)
            and not judge.very_common(stem, self.langs)
            and not judge.not_person(stem)
            and stem not in _KUNYA  # Arabic "ابوه": his father
            and not stem.startswith("ال")  # Arabic "المعلمه": the teacher
            for stem in objects
        ) or any(
            judge.known_name(stem, common=True)
            and judge.is_name(stem, self.langs, cased=False, context=context)
            for stem in others
        )

    def compound(self, i: int) -> bool:
        """An Arabic compound name: "عبد الرحمن", "نور الهدى", also after "ل", "ب" or "و"
        (not "نور الشمس" alone: the second half must be a name of the lexicon or end in a
        name's "-ين"/"-ى")."""
        head = self.toks[i].text
        if head[:1] in "لبو" and head[1:] in _COMPOUND_HEADS:
            head = head[1:]  # "لنور الهدى": to Nour al-Huda
        if not (head in _COMPOUND_HEADS and self.joined(i + 1)):
            return False
        second = self.toks[i + 1].text
        return (
            second.startswith("ال")
            and len(second) >= 4
            and (judge.known_name(second) or second.endswith(("ين", "ى", "ن")))
        )

    def second_word(self, tok: _Tok) -> bool:
        """In a script without case, may this word after a name still be part of it?
        Listed names, Arabic family names with the article ("الزهراء"), Farsi family names
        in -ی ("احمدی"), and in Ethiopic any word but a function word (the father's name)."""
        if tok.cased or self.stop(tok) or judge.not_person(tok.low):
            return False  # "خانم مسن ایرانی": an Iranian, not the family Irani
        text = tok.text
        return (
            self.listed(tok)
            or text.startswith("ال")
            or (text.endswith(_FAMILY_ENDINGS) and len(text) >= 4)
            or judge.ethiopic(text)
        )

    def pair(self, i: int) -> bool:
        """A given name and a family name side by side, both common names of the lexicon,
        also when each is a word too: "mehmet demir", "андрій шевченко", "حمید رضایی".
        Two common words that are both frequent names are rare in a note; a name and a
        surname are not."""
        if not self.joined(i + 1):
            return False
        first = self.toks[i]
        if first.cap and self.sentence_start(i) and judge.ordinary(first.low, self.langs):
            return False  # "Bel Fatima op ...": a sentence's first word, call
        if first.low in _DAYS_NAMED and self.joined(i) and self.toks[i - 1].low in _DAY_BEFORE:
            return False  # "el domingo dolores me dijo": on Sunday, Dolores
        return all(
            len(t.text) >= 3
            and not self.stop(t)
            and not (t.cased and self.not_name(t))
            and judge.pair_name(_base(t.low), self.langs)
            for t in (self.toks[i], self.toks[i + 1])
        )

    def apposition(self, i: int) -> bool:
        """A capitalised name at a sentence start, then a comma and a kinship word or a
        possessive: "Esperanza, su hija, ..."."""
        tok = self.toks[i]
        if not (tok.cased and tok.cap and self.sentence_start(i)) or i + 1 >= len(self.toks):
            return False
        if self.gap(i + 1).strip() != "," or self.not_name(tok):
            return False
        nxt = self.toks[i + 1].low
        return (nxt in KIN or nxt in _POSSESSIVES) and lexicon().name_bucket(tok.low) <= 6

    def family_name(self, tok: _Tok) -> bool:
        """Arabic family names with the article, Farsi ones in -ی (after a given name),
        but not a common adjective in -ی ("تلفنی" by phone) nor an origin ("هالندی")."""
        text = tok.text
        return (
            not self.stop(tok)
            and not judge.not_person(tok.low)
            and (
                (text.startswith(("ال", "بن", "بو")) and len(text) >= 5)
                or (
                    text.endswith(_FAMILY_ENDINGS)
                    and len(text) >= 5
                    and (self.listed(tok) or judge.rare_word(tok.low, self.langs))
                )
            )
        )

    @staticmethod
    def place_named(tok: _Tok) -> bool:
        """A capitalised common name that is also a province or a language far away
        ("Mila"): a given name when a found name follows it. Not a town of the
        places list ("Rotterdam hodan": in Rotterdam, Hodan)."""
        low = tok.low
        return (
            tok.cased
            and tok.cap
            and not tok.text.isupper()
            and judge.not_person(low)
            and not is_place(low)
            and judge.known_name(low, common=True)
            and low not in NOT_NAMES
            and low not in _MONTH_WORDS
        )

    @staticmethod
    def stop(tok: _Tok) -> bool:
        """A word that is never a name: a function word, also of the languages without a
        frequency list, or one that says the name is not known ("نمیدانم", "ኣይፈልጦን")."""
        return (
            tok.low in STOP
            or _HAN.match(tok.text) is not None
            or (tok.text[:1] == "و" and tok.text[1:] in STOP)
            or judge.spoken_word(tok.low)
        )

    def weekday_after_every(self, i: int) -> bool:
        """An Arabic weekday without its article after "every" or "day": "كل خميس" (every
        Thursday), "يوم جمعة"; Khamis and Juma are names elsewhere."""
        before = self.toks[i - 1].text if i and self.joined(i) else ""
        every = before in ("كل", "يوم", "وكل", "ويوم")  # also with "and": "وكل خميس"
        return every and self.toks[i].text in _ARABIC_BARE_WEEKDAYS

    def trade_after_preposition(self, i: int) -> bool:
        """An Arabic word with its article right after "at", "to", "from" is the trade or
        thing it says: "عند الحلاق" (at the barber's), not the family Al-Hallaq."""
        text = self.toks[i].text
        if not (text.startswith("ال") and len(text) >= 5 and i and self.joined(i)):
            return False
        if self.toks[i - 1].text not in ARABIC_PREPOSITIONS:
            return False
        return lexicon().zipf(text[2:], ("ar",)) >= 3.0

    def month_said(self, i: int) -> bool:
        """A month's name that is a name too, where a word beside it says it is the month:
        "اول مهر", "بهمن پارسال"."""
        if self.toks[i].low not in _MONTH_WORDS:
            return False
        before = self.joined(i) and self.toks[i - 1].low in MONTH_BEFORE
        after = self.joined(i + 1) and self.toks[i + 1].low in MONTH_AFTER
        return before or after

    def age_word(self, i: int) -> bool:
        """An Arabic "his age", "she has" before a number: "عندو 2 سنين"."""
        tok = self.toks[i]
        return tok.low in _AGE_WORDS and _NUMBER_NEXT.match(self.text, tok.end) is not None

    # --- collecting ----------------------------------------------------------------------

    def extend(self, i: int) -> None:
        """Take token i as a name, then following capitalised words, particles before a
        capitalised word, and "and"-joined names ("Amir en Sara")."""
        self.names.add(i)
        if not self.after_name(i + 1):
            return
        taken, k = 1, i + 1
        shouted = self.toks[i].text.isupper() and len(self.toks[i].text) > 1  # "LUIS A ..."
        while taken < _MAX_NAME_TOKENS and self.joined(k):
            tok = self.toks[k]
            if not tok.cased:
                if self.age_word(k):
                    return
                if (
                    tok.text in _UNCASED_PARTICLES
                    and self.joined(k + 1)
                    # "زينب بنت صغيرة": Zainab has a little daughter, no "bint Saghira"
                    and not (
                        tok.text in _CHILD_OF
                        and not judge.known_name(self.toks[k + 1].low, common=True)
                        and judge.ordinary(self.toks[k + 1].low, self.langs)
                    )
                ):
                    self.names.update((k, k + 1))  # "محمد بن علي", "عبد الرحيم"
                    taken, k = taken + 1, k + 2
                    continue
                if not (self.listed(tok) or self.lexicon_name(k) or self.family_name(tok)):
                    return
                self.names.add(k)
                taken, k = taken + 1, k + 1
                continue
            run = k
            while self.joined(run) and self.toks[run].low in PARTICLES | CONJUNCTIONS:
                run += 1
            if (
                shouted
                and run + 1 < len(self.toks)
                and len(self.toks[run].text) == 1
                and self.joined(run + 1, _TITLE_GAP)
            ):
                run += 1  # the initial between: "LUIS A CARRANZA"
            joined_by_and = run > k and self.toks[run - 1].low in CONJUNCTIONS
            # a family name typed in lower case, unknown as a word: "nisa ozdogru"
            unknown = run == k and not tok.cap and not lexicon().known(tok.low)
            if (
                run > k + 2
                or not self.joined(run)
                or not (
                    self.capital_name(self.toks[run])
                    or (shouted and self.shouted_name(self.toks[run]))
                    # "hibo iyo yaasiin"
                    or self.lexicon_name(run, context=joined_by_and or unknown)
                )
            ):
                return
            self.names.update(range(k, run + 1))
            taken, k = taken + 1, run + 1

    def take_after(self, j: int, kind: int) -> None:
        """Take the name that starts at token j, after a cue of this kind."""
        named = kind in (STRONG, NICKNAME)
        while named and self.joined(j, _CUE_GAP) and self.toks[j].low in _FILLERS:
            j += 1
        # "اسم زوجها أحمد": the name of her husband is Ahmed; "اسم دختر مهسا"
        while self.joined(j, _CUE_GAP) and (
            self.toks[j].text in UNCASED_KIN
            or self.toks[j].text in _BARE_KIN
            or (named and self.toks[j].text in _TITLES_NAMED)
        ):
            j += 1
        if not self.joined(j, _TITLE_GAP if kind == TITLE else _CUE_GAP):
            return
        tok = self.toks[j]
        # an initial before the family name: "in the name of d. van houten"
        initialled = (
            named
            and tok.cased
            and len(tok.text) == 1
            and j + 1 < len(self.toks)
            and self.gap(j + 1).startswith(".")
            and self.joined(j + 1, _TITLE_GAP)
        )
        if initialled:
            j += 1
            tok = self.toks[j]
        start = j
        if kind == NICKNAME and tok.low in _NICKNAME_ARTICLES and self.joined(j + 1):
            self.names.update((j, j + 1))  # "apodo 'el pato'", "bijnaam de Snor"
            return
        if not tok.cased:
            if kind == KINSHIP or self.stop(tok) or judge.not_person(tok.low):
                return  # "خانم ایرانی": the Iranian lady
            self.names.add(j)
            nxt = j + 1
            if self.joined(nxt) and self.second_word(self.toks[nxt]):
                self.extend(nxt)
            return
        first = j
        while first < j + 3 and self.toks[first].low in PARTICLES and self.joined(first + 1):
            first += 1
        lead = self.toks[first]
        typed_title = kind == TITLE and (
            self.lexicon_name(first, context=True)
            or (
                first == j
                and self.toks[j - 1].low not in KUNYA_LATIN
                and (
                    judge.after_title(lead.low, self.langs)
                    or judge.kin_name(lead.low, self.langs)  # "bayan bahar", "señora luz"
                )
            )
        )
        # "mr de groot": a title and a particle make the next word a family name, also a
        # common word; but "meneer van de kapper" is the man from the barber's
        # "mevrouw Van Bergen-Smit": after "Van" or "van der" also a town is the name
        dutch = _dutch_family_particles(self.toks[j:first])
        surname = (
            kind == TITLE
            and ((first == j + 1 and tok.low in ("de", "den", "ter", "ten")) or dutch)
            and self.toks[j - 1].low not in _SPANISH_TITLES  # "el señor de control de plagas"
            and lead.cased
            and not self.stop(lead)
            and (
                not self.not_name(lead) or (dutch and lead.cap and is_place(lead.low.split("-")[0]))
            )
        )
        typed_title = typed_title or surname
        shouted = named and self.shouted_name(lead)
        # "de vader noemen ze abu karam": a father's or mother's name after a strong cue
        kunya = named and first == j + 1 and tok.low in KUNYA_LATIN and lead.low not in STOP
        if first != j and not (
            self.capital_name(lead) or typed_title or shouted or initialled or kunya
        ):
            return
        if first == j + 1 and tok.low == "van":
            j = first  # "de juf van Amira" is Amira's teacher; "mevrouw van [name]" is fine
        if (
            self.capital_name(lead)
            or (lead.low in CASED_NAMES and not self.not_name(lead))  # "haar man ahmed"
            or typed_title  # "mevr de vries-hoekstra"
            or shouted
            or kunya
            or (
                initialled
                and not self.stop(lead)
                # "d. van houten": after an initial and a particle, also a town's name
                and (not self.not_name(lead) or (first > start and is_place(lead.low)))
            )
            or (
                named
                and first == j
                # "her name is timo": a word of the longer lists of spoken words ("timo",
                # Somali hair) is a name after a strong cue, in another language's note
                and (not self.stop(lead) or (kind == STRONG and judge.listed_spoken(lead.low)))
                and (
                    kind == NICKNAME  # any word: "le dicen el gato", "Sebą" (not Seba town)
                    or (
                        # a name that is also a word of the lists: "her name as hina"
                        (not self.not_name(lead) or _listed_word_and_name(lead.low))
                        and (
                            lead.cap
                            or not lead.cased
                            or not judge.ordinary(lead.low, self.langs)
                            or judge.kin_name(lead.low, self.langs)  # "real name grace"
                            or (kind == STRONG and judge.name_over_word(lead.low, self.langs))
                        )
                    )
                )
            )  # "her name is sarah", but "no surname given"
        ):
            self.names.update(range(j, first))
            self.extend(first)

    def take_before(self, i: int, kind: int) -> None:
        """Take the name that ends just before the cue at token i ("Ayşe adında")."""
        k, taken = i - 1, 0
        while k >= 0 and self.joined(k + 1) and taken < 3:
            tok = self.toks[k]
            shop = kind == TITLE_AFTER and _base(tok.low) in NOT_PERSON
            if self.stop(tok) or shop:
                break  # "annem ve teyze", "de jumbo abi": no name before the title
            if tok.cased:
                named = (
                    tok.low in _CALENDAR_NAMES
                    # "die zich Rico noemt", where "rico" is also a word
                    or (
                        kind == BEFORE
                        and tok.cap
                        and judge.known_name(tok.low, common=True)
                        and tok.low not in NOT_PERSON
                        and not is_named_thing(tok.low)
                    )
                )
                if self.not_name(tok) and not named:
                    break  # "yaşlı Türk bey": the old Turkish man; but "eylül hanım", "Ramazan Bey"
                typed = (
                    kind in (TITLE_AFTER, BEFORE) and not taken and judge.known_name(_base(tok.low))
                )
                if not (self.capital_name(tok) or typed):  # "Ayşe hanım", "osman bey"
                    break
            elif taken and not self.listed(tok):
                break
            elif kind == TITLE_AFTER and not (
                self.listed(tok)
                or judge.known_name(tok.low)
                # "گل‌افروز جان" (dear Golafruz): in Farsi a word that is no word is a name
                # before "jan", which only ever follows a name ("خانم" also comes before one)
                or (
                    self.toks[i].text in _PERSIAN_ENDEARMENTS
                    and "fa" in self.langs
                    and tok.text.isalpha()
                    and {_script(c) for c in tok.text} == {"ARABIC"}  # not "بالLidl"
                    and not (self.stop(tok) or judge.ordinary(tok.low, self.langs))
                )
            ):
                break  # "بهار خانم", "فرشته جان": a name of the lexicon before the title
            self.names.add(k)
            k, taken = k - 1, taken + 1

    def named_next(self, j: int) -> bool:
        """A title said after one name ("نسرین خانم") takes the next word only if that
        may be a name too: in a script with case, where the cue's rules judge it as ever;
        in Arabic script, a common name of the lexicon ("سبزی", herbs, is not)."""
        return (
            j < len(self.toks)
            and self.joined(j)
            and (self.toks[j].cased or judge.known_name(self.toks[j].low, common=True))
        )

    def cue_at(self, i: int) -> tuple[int, int] | None:
        """(kind, index after the cue) for the longest cue starting at token i; a title
        after a name also with its case ending set off ("Ümit Bey'in annesi")."""
        low = self.toks[i].low
        if low not in _CUES and low.replace("'", "") in TITLES_AFTER:
            return TITLE_AFTER, i + 1
        for phrase, kind in _CUES.get(low, ()):
            end = i + len(phrase)
            if end > len(self.toks):
                continue
            if all(self.toks[i + n].low == w for n, w in enumerate(phrase)) and all(
                self.joined(i + n) for n in range(1, len(phrase))
            ):
                return kind, end
        return None

    def run(self) -> set[int]:
        for i, tok in enumerate(self.toks):
            cue = self.cue_at(i)
            if cue is None:
                continue
            kind, after = cue
            if kind in (BEFORE, TITLE_AFTER):
                self.take_before(i, kind)
            elif tok.low in TITLES_AFTER:
                self.take_before(i, TITLE_AFTER)  # "hüseyin amca" as well as "amca hüseyin"
                if i - 1 in self.names and not self.named_next(after):
                    continue  # "نسرین خانم سبزی پاک میکردیم": after her name, no other
            if kind in (STRONG, WEAK, TITLE, KINSHIP, NICKNAME):
                if kind == WEAK and tok.cased and not self.joined(after, _COLON_GAP):
                    kind = KINSHIP  # weak cue: the name must be capitalised
                elif kind == WEAK:
                    kind = STRONG  # "naam: fatima"
                self.take_after(after, kind)
        for i, tok in enumerate(self.toks):
            if (
                i in self.names
                or self.after_thing(i)
                or self.venue_after_article(i)
                or self.shown_no_name(i)
                or self.lower_case_word(i)
            ):
                continue
            if self.age_word(i):
                continue
            if tok.low in _CUE_WORDS and self.cue_at(i) is not None:
                continue  # the cue itself: "esmesh fereshteh"
            if tok.low in THING_BEFORE and self.next_to_colour(i):
                continue  # "mercedes madow": a black Mercedes, a car
            acronym = tok.cased and tok.text.isupper() and len(tok.text) < 5
            listed = self.listed(tok) and not acronym
            unknown = (
                self.capital_name(tok) and tok.low not in _CUE_WORDS and not self.sentence_start(i)
            )
            paired = self.pair(i) or self.compound(i)
            if paired:
                self.names.add(i + 1)
            if (
                listed
                or unknown
                or paired
                or self.apposition(i)
                or self.after_uncased_kin(i)
                or self.before_uncased_kin(i)
                or self.after_kin(i)
                or self.genitive_before_kin(i)
                or self.with_own_kin(i)
                or self.set_off(i)
                or self.uncased_subject(i)
                or self.aged(i)
                or self.slot_name(i)
                or self.at_home_of(i)
                or self.after_dutch_particles(i)
                or self.foreign_month(i)
                or _family_plural(tok, self.langs)
                or self.family_in_plural(i)
                or self.after_family_word(i)
                or self.after_initial(i)
            ):
                self.extend(i)
            elif self.lexicon_name(i, context := self.context(i)):
                if self.word_as_much(i, context):
                    self.unsure.add(i)
                self.extend(i)
        self.aliases()
        self.chains()
        self.again()
        self.names -= {i for i in self.names if self.negated(i)}
        self.unsure = {i for i in self.unsure if i in self.names and self.alone(i)}
        self.names -= self.unsure
        return self.names

    def after_family_word(self, i: int) -> bool:
        """After "family" an Arabic word with the article is the family's name, also one
        that is a word (not a common one): "عائلة الدباغ" (the Dabbagh family, or tanner),
        but "عائلة الجيران" (the neighbours' family). In Farsi a family name in "-i" that
        is no word: "خانواده اردشیری", but "خانواده ایرانی" (an Iranian family)."""
        tok = self.toks[i]
        if tok.cased or not (i and self.joined(i)):
            return False
        family = self.toks[i - 1].text
        if family in _FAMILY_WORDS_FA:
            return (
                tok.text.endswith("ی")
                and not self.stop(tok)
                and not judge.ordinary(tok.low, self.langs)
                and not judge.not_person(tok.low)  # nor a place, a language, a country
            )
        if family not in _FAMILY_WORDS_AR or not tok.text.startswith("ال") or self.stop(tok):
            return False
        return lexicon().zipf(tok.low, ("ar",)) < 4.0 and not judge.not_person(tok.low)

    def family_in_plural(self, i: int) -> bool:
        """A Turkish family said in the plural before "family": "özgünler ailesi", "the
        Özgüns' family"; the singular is a name of the lexicon."""
        low = self.toks[i].low.replace("'", "")
        if not (low.endswith(("ler", "lar")) and len(low) > 5 and self.joined(i + 1)):
            return False
        if not any(self.toks[i + 1].low.startswith(word) for word in FAMILY_AFTER):
            return False  # "ailesi", "ailesinin", "ailesine"
        return judge.known_name(low[:-3]) and not judge.not_person(low[:-3])

    def foreign_month(self, i: int) -> bool:
        """A month of another language than the note's, with a capital and no number
        beside it, that is a common name: "Eylül van 13" in a Dutch note is a girl; "15
        Eylül" and "in April" in an English one stay."""
        tok = self.toks[i]
        if not (tok.cap and tok.low in _MONTH_WORDS and judge.known_name(tok.low, common=True)):
            return False
        if lexicon().zipf(tok.low, self.langs) >= 2.0:
            return False
        beside = self.run_of(i, -1)[-1:] + self.run_of(i, 1)[:1]
        return not any(word[:1].isdigit() for word in beside)

    def alone(self, i: int) -> bool:
        """No other name found beside token i, nor in another form of it elsewhere in the
        note ("ramon ... ramons", "kader ... kaderin"): nothing else says it is a name."""
        if any(k in self.names and self.joined(max(i, k)) for k in (i - 1, i + 1)):
            return False
        word = _base(self.toks[i].low)
        for k in self.names:
            other = _base(self.toks[k].low)
            shared = max(3, min(len(word), len(other)) - 2)
            if other != word and other[:shared] == word[:shared]:
                return False
        return True

    def word_as_much(self, i: int, context: bool) -> bool:
        """A name of the lexicon, typed in lower case where nothing says a name stands,
        that is as much a common word ("the only joy she has", "una rosa", "een roos
        erop"): taken out all the same, and the writer is asked about it."""
        tok = self.toks[i]
        return (
            tok.cased
            and not tok.cap
            and not context
            and lexicon().zipf(_base(tok.low), self.langs) >= _WORD_AS_MUCH
        )

    def aliases(self) -> None:
        """The word in brackets right after a name is what the person is called too:
        "valentina (vale) gómez", "la mamá de mateo (lucía)", "dyon (dyonisio on the cake)".
        Not an age, a function word, or a common word unless it begins as the name does."""
        for i in sorted(self.names):
            j = i + 1
            if j >= len(self.toks) or not _BRACKET_GAP.fullmatch(self.gap(j)):
                continue
            tok, name = self.toks[j], self.toks[i].low
            if self.stop(tok) or tok.low in KIN or tok.low in NOT_NAMES:
                continue
            if _script(tok.text) != _script(name):
                # the name in the person's own script: "Tsega (ፀጋ)", "Fatima (فاطمة)"
                if tok.low not in UNCASED_KIN and not judge.not_person(tok.low):
                    self.names.add(j)
                continue
            if not tok.cased:
                continue
            nickname = len(tok.low) >= 3 and name[:3] == tok.low[:3]
            # "lucía" is also Saint Lucia: the name without its accent is what counts
            if nickname or judge.is_name(unaccented(tok.low), self.langs):
                self.names.add(j)

    def negated(self, i: int) -> bool:
        """A word that names a thing as well as a person, with "no" on it: "geen hoop
        meer", "no hope left", "ما في أمل", "umut yok", "amal ma leh". Nobody says "no
        Ahmed"; a name in capitals stays a name."""
        tok = self.toks[i]
        if tok.cap:
            return False
        word = _base(tok.low) if tok.cased else tok.low
        if word not in NAME_WORDS and lexicon().zipf(word, self.langs) < 4.0:
            return False
        before = self.run_of(i, -1)
        after = self.run_of(i, 1)
        return any(
            tuple(before[-n:]) in _NEGATED_BEFORE or tuple(after[:n]) in _NEGATED_AFTER
            for n in (1, 2)
        )

    def run_of(self, i: int, step: int) -> list[str]:
        """Up to two words next to token i on one side (-1 before, 1 after), in text order,
        as far as no punctuation stands between."""
        words: list[str] = []
        k = i
        while len(words) < 2 and self.joined(max(k, k + step)):
            k += step
            words.append(self.toks[k].low)
        return words[::-1] if step < 0 else words

    def again(self) -> None:
        """A word taken as a name is a name wherever else it stands in the note: "haar
        dochter melek ... melek heeft blauwe plekken", "kerem'in babası ... kerem slaapt"."""
        found = {_base(self.toks[i].low) for i in self.names}
        # "ንምሕረት ... ምሕረት": the name without what is written onto it
        found |= {
            form
            for i in self.names
            if not self.toks[i].cased
            for form in _bare_forms(self.toks[i].low)
        }
        found = {w for w in found if not judge.too_short(w) and w not in STOP}
        # and in its other grammatical forms: "pawłem ... paweł", "anią ... ania"
        found |= {stem for w in found for stem in judge.name_stems(w)}
        found |= {form for w in found for form in _polish_dative(w)}  # "ewa ... ewie"
        # the same name typed once with its letters and once without: "yilmaz usta ...
        # 'Yılmaz Usta Döner'"
        plain = {unaccented(w) for w in found if len(w) >= 4}
        # a writer who gave every name found a capital
        capitalises = all(self.toks[k].cap for k in self.names if self.toks[k].cased)
        for i, tok in enumerate(self.toks):
            if i in self.names or self.stop(tok) or (capitalises and self.written_as_word(i)):
                continue
            base = _base(tok.low)
            forms = [base, *_bare_forms(base)] if not tok.cased else _suffixed_forms(base)
            if not tok.cased:  # "نیلوفره" (Niloufar is), "بهاری" (Bahar, you), "پروانه‌ره"
                forms += [stem for stems in _persian_stems(base) for stem in stems]
            if (
                any(f in found for f in forms)
                or (tok.cased and len(base) >= 4 and unaccented(base) in plain)
                or any(stem in found for stem in judge.name_stems(base))
                or (tok.cased and _inflected(base, found))
                or _ethiopic_nickname(base, found)
            ):
                self.names.add(i)  # also "ንሳባ" (to Saba), "لسلمى" (to Salma), "ዮናስን"

    def written_as_word(self, i: int) -> bool:
        """A common word in lower case inside a sentence, from a writer who gave every
        name found a capital (`again` asks only then): "Soledad ... se le notaba la
        soledad", "Надія ... має надію". That writer wrote the word here, not the name;
        unless it stands where a name does ("soledad me dijo")."""
        tok = self.toks[i]
        if not tok.cased or tok.cap or self.sentence_start(i) or self.slot(i):
            return False
        word = _base(tok.low)
        return word in NAME_WORDS or lexicon().zipf(word, self.langs) >= 4.0

    def family_after_particles(self, k: int) -> set[int]:
        """After a name, "van den", "de", "el" and a family name of the lexicon that is
        not a common word: "jessica van den berg", "ismail el ouali"; not "van de buren"."""
        run = k
        while run < k + 3 and self.joined(run) and self.toks[run].low in PARTICLES:
            run += 1
        if run >= len(self.toks) or not self.joined(run) or run == k:
            return set()
        tok = self.toks[run]
        if self.stop(tok) or (tok.cased and self.not_name(tok)):
            return set()
        if tok.cap or judge.family_name(_base(tok.low)):
            return set(range(k, run + 1))
        return set()

    def joined_before(self, i: int) -> bool:
        """The name before "and" and the found name i ("tweeling nisa en elif"), as
        `extend` takes the one after ("hibo iyo yaasiin")."""
        if i < 2 or i - 2 in self.names or not (self.joined(i) and self.joined(i - 1)):
            return False
        if self.toks[i - 1].low not in CONJUNCTIONS:
            return False
        tok = self.toks[i - 2]
        return (
            not self.stop(tok)
            and not (tok.cased and self.not_name(tok))
            and self.lexicon_name(i - 2, context=True)
        )

    def official_surname(self, k: int) -> bool:
        """A family name in capitals that opens a line before a comma and the given name,
        as officials write it: "Re: MENSAH, Abena", "ШЕВЧЕНКО, Наталія"."""
        if k < 0 or k in self.names or self.gap(k + 1).strip() not in _COMMAS:
            return False
        tok = self.toks[k]
        opens = k == 0 or self.sentence_start(k) or self.gap(k).strip().endswith(":")
        return (
            opens
            and tok.cased
            and tok.text.isupper()
            and len(tok.text) >= 3
            and judge.known_name(tok.low)
            and not self.not_name(tok)
        )

    def middle_name(self, k: int) -> bool:
        """A common given name between two names found is a middle name, also one that is
        a word: "ahmet can tekin"."""
        if k in self.names or k + 1 not in self.names or k - 1 not in self.names:
            return False
        if not (self.joined(k) and self.joined(k + 1)):
            return False
        tok = self.toks[k]
        word = _base(tok.low)
        return (
            tok.cased  # not "X ሓዋ Y" (X's brother Y) in a script without case
            and not self.stop(tok)
            and word not in KIN
            and judge.known_name(word, common=True)
            and not judge.not_person(word)
        )

    def chains(self) -> None:
        """Words next to a found name that are names in that context: the surname after a
        given name, the given name before it, Somali chains of name, father's name and
        grandfather's name ("cabdi maxamed xasan")."""
        for _ in range(_MAX_NAME_TOKENS):
            found = set()
            for i in self.names:
                if self.official_surname(i - 1):
                    found.add(i - 1)
                if self.middle_name(i + 1):
                    found.add(i + 1)
                if self.joined_before(i):
                    found.add(i - 2)
                for k in (i - 1, i + 1):
                    if k in self.names or not self.joined(max(i, k)):
                        continue
                    if k > i and not self.after_name(k):
                        continue
                    tok = self.toks[k]
                    if self.stop(tok) or tok.low in _CUE_WORDS or self.age_word(k):
                        continue
                    if k < i and self.place_named(tok):
                        found.add(k)  # "bij Mila Jansen": Mila is a province too
                        continue
                    if tok.cased and self.not_name(tok):
                        continue
                    if k > i and tok.low in PARTICLES:
                        found |= self.family_after_particles(k)
                        continue
                    # before a name, an unknown word needs more than the context
                    surely = k > i or judge.known_name(_base(tok.low))
                    if self.lexicon_name(k, context=surely) or (
                        k < i and judge.before_name(tok.low, self.langs)
                    ):
                        found.add(k)
            if not found:
                return
            self.names |= found


# A family named in the plural, the way Polish, Ukrainian and Farsi say "the Kowalskis":
# the plural ending, and what the name is in the singular.
_FAMILY_PLURALS = (
    ("skich", ("ski", "ska")),  # "u dąbrowskich"
    ("ckich", ("cki", "cka")),
    ("dzkich", ("dzki", "dzka")),
    ("scy", ("ski",)),  # "nazwisko na dzwonku kamińscy"
    ("ccy", ("cki",)),
    ("dzcy", ("dzki",)),
    ("ów", ("",)),  # "od nowaków"
    ("ів", ("",)),  # "родина кравчуків"
    ("ها", ("",)),  # "خونه‌ی نوری‌ها" (the joiner is gone by now)
)


# The last part of a Dutch compound that names a place, not a person: "Vismarkt",
# "Sloterparkbad", "Tandartspraktijk", "Jongerenwerk", "Kinderparadijs", "Wilgenhoek".
# With the shorter heads, five letters at least before it: a family name is seldom that
# long a word before "kerk" or "hoek" ("Oudkerk", "Verhoek" stay names); "huis" is left
# out ("Oosterhuis", "Nijhuis").
_VENUE_HEADS = ("markt", "park", "school")
_SHORT_VENUE_HEADS = (
    *("bad", "praktijk", "centrum", "kantoor", "paradijs", "winkel", "zaal", "theater"),
    *("kliniek", "apotheek", "ziekenhuis", "werk", "rijk", "loop", "hoek", "tuin", "hal"),
    *("kerk", "wijk", "buurt"),  # "Zuiderzeewijk", "Transvaalbuurt"
)


def _listed_word_and_name(low: str) -> bool:
    """A word of the not-a-name list that is also a common given name ("hina": henna)."""
    return low in NOT_NAMES and judge.known_name(low, common=True)


def _script(word: str) -> str:
    """The script of a word's first letter ("LATIN", "ARABIC", "ETHIOPIC", ...)."""
    return unicodedata.name(word[:1], "?").split(" ")[0]


def _dutch_family_particles(toks: list[_Tok]) -> bool:
    """Particles that only a Dutch family name has: "Van" with its capital, or "van der",
    "van den" ("meneer van de kapper" is the barber)."""
    words = [tok.low for tok in toks]
    return bool(toks) and (toks[0].text == "Van" or words in (["van", "der"], ["van", "den"]))


def _venue(low: str) -> bool:
    return (low.endswith(_VENUE_HEADS) and len(low) > 7) or any(
        low.endswith(head) and len(low) >= len(head) + 5 for head in _SHORT_VENUE_HEADS
    )


def _family_plural(tok: _Tok, langs: tuple[str, ...]) -> bool:
    """A family name in the plural: not a word itself, and a family name of the lexicon
    in the singular ("kowalskich": Kowalski, "حسینی‌ها": Hosseini); with the plain ending
    of any noun a common one ("nowaków": Nowak, "кравчуків": Кравчук), in a Polish note
    also typed without its accent ("od nowakow")."""
    low = tok.low
    plurals = _FAMILY_PLURALS + ((("ow", ("",)),) if "pl" in langs else ())
    for ending, singulars in plurals:
        if not low.endswith(ending) or len(low) < len(ending) + 3:
            continue
        stem = low[: -len(ending)]
        if lexicon().zipf(low) >= 3.0 or judge.not_person(stem):
            return False
        if ending == "ها":  # "بچه‌ها" children; a Persian family name ends in -i,
            return stem.endswith("ی") and judge.known_name(stem, common=True)  # and is common
        if not singulars[0] and lexicon().name_bucket(stem) > 4:
            return False  # "polach tulipanów": the tulip is a rare family name
        return any(judge.family_name(stem + s) for s in singulars)
    return False


def _bare_forms(text: str) -> list[str]:
    """A word of a script without case as it is, and without what is written onto names:
    Arabic "و" (and), "ل" (to), "ب" (with, by), also "و" before one of the others;
    Ge'ez "ን" before (to) or after (and), "ሲ" and "ውን" after (as for, also);
    Farsi "جان" after (dear), "اینا" after (and family) and the spoken object ending
    "و"."""
    forms = [text]
    if text[:1] in "ولب" and len(text) > 3:
        forms.append(text[1:])
        if text[:2] in ("ول", "وب") and len(text) > 4:
            forms.append(text[2:])  # "ولرنا": and to Rana
    if judge.ethiopic(text) and len(text) > 2:
        if text[0] == "ን":
            forms.append(text[1:])
        if text[-1] in "ንሲ":
            forms.append(text[:-1])
        if text.endswith("ውን") and len(text) > 3:
            forms.append(text[:-2])
    if text.endswith(("جان", "جون")) and len(text) > 5:
        forms.append(text[:-3])  # "dear", written or spoken: "رهاجون"
    if text.endswith("اینا") and len(text) > 6:
        forms.append(text[:-4])  # and family, spoken: "مریم‌اینا" (the joiner is gone)
    if text[-1:] == "و" and "\u0600" <= text[:1] <= "\u06ff" and len(text) > 3:
        forms.append(text[:-1])  # Farsi speech marks the object: "مریمو دیدم"
    return forms


_SOFT_ENDINGS = tuple("aeiouyаяоеєіийь")


def _inflected(word: str, found: set[str]) -> bool:
    """A word that is a name already found in this note with a grammatical ending: the
    name itself, or the name without its last vowel (or soft sign), or without the "e"
    Polish drops before its last consonant ("paweł ... pawła", "jacek ... jacka"), then
    the ending."""
    for cut in range(1, 4):
        stem, ending = word[:-cut], word[-cut:]
        if ending not in NAME_ENDINGS or len(stem) < 2:
            continue
        if (len(stem) >= 3 and stem in found) or any(
            (name[:-1] == stem and name.endswith(_SOFT_ENDINGS) and len(name) >= 3)
            or (len(name) >= 4 and name[-2] == "e" and name[:-2] + name[-1] == stem)
            for name in found
        ):
            return True
    return False


# Spoken Farsi writes onto a word what marks it as the object, and possessives, "is" and
# the plural; the zero-width non-joiner that may part them is gone once normalised. After
# the object marker and "-ه" (is: "کار فرهاده", it is Farhad's doing) even a common name
# that is also a word is taken; after the others, only one that is no common word.
_PERSIAN_OBJECT = ("رو", "ره", "را", "و", "ه")
_PERSIAN_ENDINGS = (
    *("هایشان", "هاشون", "هایش", "هاش", "های", "ها", "شون", "شان", "مون", "تون"),
    *("اش", "ش", "ه", "ی", "م"),
)


_PERSIAN_ENDEARMENTS = frozenset({"جان", "جون"})
# Persian family names end in these, written onto a name or a place's adjective
# ("تهرانی‌پور", "حسین‌زاده", "احمدی‌نژاد"); not "خواهرزاده" (a nephew), "پاسپور".
_PERSIAN_FAMILY_ENDINGS = ("پور", "زاده", "نژاد")


def _persian_family_name(word: str, langs: tuple[str, ...]) -> bool:
    ending = next((e for e in _PERSIAN_FAMILY_ENDINGS if word.endswith(e)), None)
    if ending is None or word.startswith("ال") or judge.ordinary(word, langs):
        return False
    stem = word[: -len(ending)]
    return len(stem) >= 3 and (
        stem.endswith("ی") or (stem in UNCASED_NAMES and not judge.ordinary(stem, langs))
    )


def _persian_stems(word: str) -> tuple[list[str], list[str]]:
    """The stems of a word in Arabic script before an object ending ("آرزورو" ->
    "آرزو"), and before another ending ("علیش" -> "علی"), of three letters at least."""
    if not "\u0600" <= word[:1] <= "\u06ff":
        return [], []

    def cut(endings: tuple[str, ...]) -> list[str]:
        return [word[: -len(e)] for e in endings if word.endswith(e) and len(word) - len(e) >= 3]

    return cut(_PERSIAN_OBJECT), cut(_PERSIAN_ENDINGS)


def _suffixed_forms(low: str) -> list[str]:
    """A word, and the name it may be with a Somali ending: "-na" (and), the vocative,
    or an ending after a hyphen ("ifrah-na", "cali-ka"); a Ukrainian vocative in "-о"."""
    forms = _somali_forms(low)
    head, hyphen, tail = low.rpartition("-")
    if hyphen and len(head) >= 3 and 1 <= len(tail) <= 3:
        forms.append(head)
    if low.endswith("о") and len(low) >= 5 and "\u0400" <= low[:1] <= "\u04ff":
        forms.append(low[:-1] + "а")  # the Ukrainian vocative: "світланко" (Світланка)
    return forms


# A Polish woman's name in "-a" to her ("dałam ewie", "agnieszce", "magdzie"): the last
# consonant softens before "-e" ("k" -> "c", "g" -> "dz", "t" -> "ci", "d" -> "dzi", "r" ->
# "rz"), after a soft one the ending is "-i" ("oli", "marii").
_POLISH_DATIVE = (("k", "ce"), ("g", "dze"), ("t", "cie"), ("d", "dzie"), ("r", "rze"))


def _polish_dative(name: str) -> list[str]:
    if not name.endswith("a") or len(name) < 3 or not name.isascii() or not name.isalpha():
        return []
    stem = name[:-1]
    if stem.endswith(("i", "l", "j")):
        return [stem + "i"]
    for last, ending in _POLISH_DATIVE:
        if stem.endswith(last):
            return [stem[:-1] + ending]
    return [stem + "ie"]


def _ethiopic_nickname(word: str, found: set[str]) -> bool:
    """A Ge'ez word of two syllables that shortens a longer name found in the note: its
    first syllable, then the second syllable's consonant with another vowel ("ሳሚ" for
    "ሳሙኤል", "ሰኒ" for "ሰናይት"), or the name's first two syllables ("ፍረ" for "ፍረወይኒ",
    "ዳዊ" for "ዳዊት")."""
    if len(word) != 2 or not judge.ethiopic(word) or word in STOP:
        return False
    return any(
        len(name) >= 3
        and judge.ethiopic(name)
        and name[0] == word[0]
        and _consonant(name[1]) == _consonant(word[1])
        for name in found
    )


def _consonant(syllable: str) -> int:
    """The consonant of a Ge'ez syllable: each has its seven or eight vowels in a row."""
    return (ord(syllable) - 0x1200) // 8


def _plain_place(plain: str) -> bool:
    """A word typed with a stray accent that is, without it, a place or no person."""
    return plain.isascii() and (judge.not_person(plain) or plain.startswith(NOT_NAME_PREFIXES))


def _somali_forms(low: str) -> list[str]:
    """A Somali name as it is, and without "-na" (and), the vocative ("nimcooy",
    "faadumooy", "mustafow") or the article ("aaminada"); a name in "-o" takes them after "-a"
    ("nimcana", "barakada": Nimco, Barako)."""
    forms = [low]
    if len(low) > 5 and low.endswith(("na", "oy", "ey", "ada", "ata", "aka", "aga")):
        forms.append(low[:-2])
        if low.endswith(("ana", "ada", "ata", "aka", "aga")):
            forms.append(low[:-3] + "o")
    if len(low) > 5 and low.endswith("ooy"):
        forms.append(low[:-3] + "a")
    if len(low) > 5 and low.endswith("ow"):
        forms += [low[:-2] + "e", low[:-2]]  # a man called: "mustafow", "cabdiow"
    return forms


def _context_word(low: str, words: frozenset[str]) -> bool:
    """A context word, also with the Arabic "and" before it ("ومع")."""
    return low in words or (low[:1] == "و" and low[1:] in words)


def _base(low: str) -> str:
    """The word without an apostrophe suffix ("ayşe'nin" -> "ayşe"), but "o'neill" whole,
    and Cyrillic whole: in Ukrainian the apostrophe is part of the word ("мар'яна")."""
    head, found, _ = low.partition("'")
    if not found or len(head) <= 2 or "\u0400" <= low[:1] <= "\u04ff":
        return low
    return head


def _span(tok: _Tok) -> tuple[int, int]:
    """A name with a short suffix after an apostrophe ("Fatima's", "Ayşe'nin") loses only
    the name; "O'Brien" and Ukrainian "Мар'яна" are a name as a whole."""
    if "\u0400" <= tok.text[:1] <= "\u04ff":
        return tok.start, tok.end
    for sep in ("'", "’"):
        head, found, tail = tok.text.partition(sep)
        if found and len(tail) <= 4:
            return tok.start, tok.start + len(head)
    return tok.start, tok.end


# Chinese is written without spaces, so a run of Han characters is no word and never
# judged as a name (`_Scan.stop`). A name is found by its family name, one of the common
# ones, and a title or kinship word right after the given name: "李秀英阿姨", "王芳女士".
_HAN = re.compile(r"[\u4e00-\u9fff]")
_HAN_NAME = re.compile(
    r"[李王张刘陈杨黄赵吴周徐孙马朱胡郭何林罗高郑梁谢宋唐许韩冯邓曹彭曾萧田董潘袁蔡蒋余杜叶程魏"
    r"苏吕丁任卢姚沈钟姜崔谭陆范汪廖石金贾韦夏方邹熊白孟秦邱侯江尹薛闫段雷龙黎史陶贺毛郝顾龚邵"
    r"万覃武钱戴严莫孔常汤康乔赖][\u4e00-\u9fff]{1,2}"
    r"(?=阿姨|女士|先生|小姐|太太|老师|大爷|奶奶|爷爷|叔叔|阿婆|阿伯|医生)"
    # "阿芳" (Fang, said warmly), "叫强哥的人" (a man called Qiang-ge)
    r"|阿[\u4e00-\u9fff](?![\u4e00-\u9fff])(?<![姨婆伯公])|(?<=叫)[\u4e00-\u9fff]{2,3}?(?=的)"
)


# Dari "بی بی" (lady) is part of a woman's name, before it or after it: "بی بی گل", "زینت
# بی بی", "گل بی بی"; the name goes with it. Alone it is a grandmother, and stays.
_BIBI = re.compile(
    r"(?:(?P<before>[^\W\d_]+)[ \t]+)?(?P<bibi>(?<![\w\u200c])بی[ \u200c]?بی(?![\w\u200c]))"
    r"(?:[ \t]+(?P<after>[^\W\d_]+))?"
)


def _find_bibi(text: str, claims: Claims) -> None:
    for m in _BIBI.finditer(text):
        if m.group("after") and judge.part_of_name(m.group("after")):
            claims.add(m.start("bibi"), m.end("after"), "name")
        elif m.group("before") and judge.part_of_name(m.group("before")):
            claims.add(m.start("before"), m.end("bibi"), "name")


def find_names(text: str, claims: Claims) -> None:
    for m in _HAN_NAME.finditer(text):
        claims.add(m.start(), m.end(), "name")
    _find_bibi(text, claims)
    scan = _Scan(text)
    names = scan.run()
    claims.doubtful += [
        tok.text
        for i, tok in enumerate(scan.toks)
        if i not in names
        and MASK not in tok.text
        and (i in scan.unsure or scan.doubtful(i))
        and not scan.negated(i)
    ]
    spans: list[list[int]] = []
    for i in sorted(names):
        start, end = _span(scan.toks[i])
        if spans and i - 1 in scan.names and scan.joined(i) and spans[-1][2] == i - 1:
            spans[-1][1], spans[-1][2] = end, i
        else:
            spans.append([start, end, i])
    for start, end, _ in spans:
        if MASK not in text[start:end]:
            claims.add(start, end, "name")
