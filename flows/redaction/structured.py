"""Identifiers with a shape: e-mail, URLs, handles, IBAN, phone numbers, postcodes,
licence plates, case numbers and the digit runs that may be a BSN."""

from __future__ import annotations

import itertools
import re

import phonenumbers
from stdnum import iban
from stdnum.nl import bsn

from .addresses import street_word
from .lexicon import (
    CASE_CUES,
    DIGIT_WORDS,
    HOUSE_NUMBER_WORDS,
    NOT_PERSON,
    NUMBER_JOINS,
    PLATE_CUES,
    PUBLIC_NUMBERS,
    SHOP_DOMAINS,
    SOCIAL_CUES,
    STOP,
    TEEN_WORDS,
    TENS_WORDS,
    ZERO_WORDS,
    alternation,
)
from .spans import Claims


def _digits(s: str) -> str:
    return "".join(ch for ch in s if ch.isdigit())


def _claim_all(
    pattern: re.Pattern[str],
    text: str,
    claims: Claims,
    kind: str | None,
    skip: frozenset[str] = frozenset(),
) -> None:
    """Claim every match, without the punctuation after it; not those in `skip`."""
    for m in pattern.finditer(text):
        found = m.group(0).rstrip(".,;:!?)]}'\"»")
        if found.casefold() not in skip:
            claims.add(m.start(), m.start() + len(found), kind)


# --- contact details -------------------------------------------------------------------

_EMAIL = re.compile(r"(?<![\w.+-])[\w.+-]+@[\w-]+(?:\.[\w-]+)*\.[^\W\d_]{2,}(?![\w-])")
_EMAIL_SPELLED = re.compile(
    # not a platform and a handle: "por instagram @el_real_kevin.nl"
    rf"(?<![\w.+-])(?!(?:{alternation(SOCIAL_CUES)})[ \t]+@)"
    r"[\w.+-]+[ \t]*(?:\(at\)|\[at\]|[ \t]at[ \t]|@)[ \t]*[\w-]+"
    r"(?:[ \t]*(?:\(dot\)|\[dot\]|[ \t]dot[ \t]|[ \t]punt[ \t]|\.)[ \t]*[\w-]+)*"
    r"[ \t]*(?:\(dot\)|\[dot\]|[ \t]dot[ \t]|[ \t]punt[ \t]|\.)[ \t]*"
    r"(?:com|nl|net|org|be|de|eu|info|fr|uk|tr|pl|ua|es|ma)(?![\w])",
    re.IGNORECASE,
)
_TLDS = "com|nl|org|net|me|be|eu|info|io|tr|ma|ru|ua|pl|es|uk|er|ir|af|sy|app|gov|edu|co|tv|ly|biz"
_URL = re.compile(
    r"(?:https?://|www\.)[^\s<>\"]+"
    rf"|(?<![\w@.])(?:[A-Za-z0-9-]+\.)+(?:{_TLDS})(?::\d+)?(?:/[^\s<>\"]*)?(?![\w])"
)
_SHOP_DOMAIN = re.compile(
    rf"(?<![\w.@/-])(?:{alternation(tuple(SHOP_DOMAINS))})(?![\w/@-]|\.\w)", re.IGNORECASE
)
_HANDLE = re.compile(r"(?<![\w@./])@(?=\w{2})[\w.]*\w")
_SOCIAL = re.compile(
    rf"(?<!\w)(?:{alternation(SOCIAL_CUES)})(?!\w)"
    r"(?:[ \t]*(?:account|accountnaam|naam|name|is|hesabı|konto|nazwa|cuenta|акаунт))*"
    r"[ \t]*(?:(?P<colon>[:=])[ \t]*@?(?P<any>[\w.]{3,})|@?(?P<marked>[\w.]*[\d_.][\w.]*\w)"
    r"|(?P<verb>(?:heet|heette|noemt[ \t]+zich|called|named|goes[ \t]+by|se[ \t]+llama|adı|ismi"
    r"|nazywa[ \t]+się|nick|звати|зветься|username|gebruikersnaam|is)"
    r"(?:[ \t]+(?:hij|ze|zij|he|she|hem|haar|him|her|jako|як))?)[ \t]*[:=]?[ \t]*@?"
    r"(?P<word>[\w.]{3,}))",
    re.IGNORECASE,
)


def find_contacts(text: str, claims: Claims) -> None:
    """E-mail before URL (the domain of an address is not a website), then URLs, handles."""
    _claim_all(_EMAIL, text, claims, "email")
    _claim_all(_EMAIL_SPELLED, text, claims, "email")  # "fatima at gmail dot com"
    _claim_all(_SHOP_DOMAIN, text, claims, None)  # a shop's site is a shop: "bol.com"
    _claim_all(_URL, text, claims, "url")
    _claim_all(_HANDLE, text, claims, "handle")


def _unknown_word(word: str) -> bool:
    from .gazetteer import lexicon

    low = word.casefold()
    unknown = lexicon().zipf(low) == 0 and not lexicon().known(low)
    return unknown and low not in STOP and low not in NOT_PERSON  # "whatsapp jimcihii"


def _ordinary_word(word: str) -> bool:
    from .gazetteer import lexicon

    low = word.casefold()
    return word.isalpha() and (lexicon().zipf(low) >= 3.5 and lexicon().name_bucket(low) > 3)


# A platform named, then shortly after it a word with a dot or an underscore between
# letters: "op snapchat als rico.dolce", "on insta hes deezy.moneyy", "ኣብ TikTok ...
# ናታ ድማ lula.asm". Ordinary writing has no "word.word" (a domain ends in a TLD: a URL,
# found before; "i.e." has one-letter parts); a sentence typed without a space after
# its full stop may lose a word to this, near a platform only.
# The platform word may carry a case ending: "tiktokta", "insta'da", "на інсті".
_PLATFORM = re.compile(
    rf"(?<!\w)(?:{alternation(SOCIAL_CUES)})(?:'?\w{{1,4}})?(?!\w)", re.IGNORECASE
)
_DOTTED = re.compile(r"(?<![\w@./-])[A-Za-z][A-Za-z0-9]+(?:[._][A-Za-z0-9]+)+(?![\w@])")
_PLATFORM_REACH = 120  # characters after the platform word


# A platform word and one word that ends the sentence: "instagram huertadelbarrio".
_LAST_WORD = re.compile(r"[ \t]+@?(?P<word>[^\W\d_][\w.]{4,}\w)(?=[ \t]*(?:[.,;!?\n]|$))")


def find_social(text: str, claims: Claims) -> None:
    """Account names given without "@" after a platform word: "insta: fatima.k",
    "instagram huertadelbarrio" (a word that is no word of any language there)."""
    for m in _PLATFORM.finditer(text):
        for dotted in _DOTTED.finditer(text, m.end(), m.end() + _PLATFORM_REACH):
            claims.add(dotted.start(), dotted.end(), "handle")
        last = _LAST_WORD.match(text, m.end())
        if last and _unknown_word(last.group("word")):
            claims.add(last.start("word"), last.end("word"), "handle")
    for m in _SOCIAL.finditer(text):
        if m.group("verb"):
            word = m.group("word").rstrip(".")
            if _ordinary_word(word):
                continue  # "her insta is private"
            claims.add(m.start("word"), m.start("word") + len(word), "handle")
            continue
        group = "any" if m.group("colon") else "marked"
        name = m.group(group).rstrip(".")
        if len(name) >= 3:
            claims.add(m.start(group), m.start(group) + len(name), "handle")


# Account names shaped like nothing else: an underscore ("sami_2009", "ricky_nl"), or
# letters with a dot and digits ("kral.murat34"), or lower-case letters run into two to
# four digits ("kevin22"), wherever they stand; ordinary writing has none of these.
_HANDLE_SHAPE = re.compile(
    r"(?<![\w@./-])(?:[A-Za-z0-9][\w.]*_(?:[\w.]*[A-Za-z0-9])?"
    r"|[A-Za-z]{2,}\.[A-Za-z]+\d+|[a-z]{3,}\d{2,4}"
    r"|[a-z]{3,}(?:\.[a-z0-9]+)*\.[a-z]*\d+|[a-z]{3}\.[a-z]{3,}"
    r"|xX[\w.]+Xx)(?![\w@])"  # a gamer's tag: "xXdeeqXx"
)
# Schools, mosques, churches, hospitals, community and care centres, named after a
# person or a thing: "het Calvijn College", "basisschool De Klimop", "مدرسه Het Palet",
# "de Al Fourkaan moskee", "moskee al fath", "el fath moskee", "ulu camii", "مسجد امام
# علی", "het Antonius ziekenhuis", "BSO Kinderrijk", "stichting al amal".
# Kept whole: they name where many go, not one of them. (A practice named after its
# doctor names a professional, not a client.)
# "cami" in its own case: ignoring case, "ı" is "i", and "Fikret Güneş camı" (the glass)
# would be a mosque
_PLACE_AFTER_NAME = (
    r"(?i:college|lyceum|gymnasium|moskee|mosque|kerk|church|iglesia|kościół"
    r"|ziekenhuis|gasthuis)|[Cc]amii?|CAMII?|Academie|Academy|MC|UMC"
)
_PLACE_BEFORE_NAME = (
    r"school|basisschool|schooltje|مدرسه|مدرسة|escuela|colegio|okulu|szkoła|szkole|школа"
    r"|школі|dugsiga|ቤት[ \t]+ትምህርቲ|buurthuis|wijkcentrum|buurtcentrum|jongerencentrum"
    r"|zorgcentrum|verpleeghuis|verzorgingshuis|kinderopvang|kinderdagverblijf|bso|obs|bibliotheek"
    r"|apotheek|praktijk|tandartspraktijk|huisartsenpraktijk|stichting|zaal|sporthal|zwembad"
    r"|moskee|mosque|camii|masjid|masjidka|kerk|church|[وبلف]?(?:مسجد|جامع)"
)
# Before a bare capitalised name too; not "school", "kerk", "zaal": "op school Yasmina zei"
_NAMED_BEFORE_NAME = (
    r"bso|obs|stichting|apotheek|praktijk|tandartspraktijk|huisartsenpraktijk|sporthal"
    r"|zwembad|jongerencentrum|buurtcentrum|wijkcentrum|buurthuis|kinderdagverblijf"
)
_INSTITUTIONS = re.compile(
    rf"(?<!\w)(?:(?:[A-Z][\w'-]+[ \t]+){{1,2}}(?:{_PLACE_AFTER_NAME})"
    r"|(?i:al|el)[ \t-]+[^\W\d_]+[ \t]+(?:(?i:moskee|mosque)|[Cc]amii)"  # "el fath moskee"
    r"|[^\W\d_]+[ \t]+[Cc]amii"  # "ulu camii": Turkish puts the name before it
    rf"|(?i:{_PLACE_BEFORE_NAME})"
    r"[ \t]+(?:(?i:de|het|'t)[ \t]+[A-Z][\w'-]+"  # "buurthuis de Kolibrie", "OBS De Wilgenhoek"
    r"|(?i:al|el|an|as|ar|at)[ \t-]+[^\W\d_][\w'-]*"  # "moskee al fath", "masjidka Al-Hijra"
    r"|(?:امام|الامام|الإمام)[ \t]+[^\W\d_]+|ال[^\W\d_]+)"  # "مسجد امام علی", "جامع الفتح"
    rf"|(?i:{_NAMED_BEFORE_NAME})[ \t]+[A-Z][\w'-]+)(?!\w)"  # "BSO Kinderrijk"
)


# A user name said as one, without its platform: "gebruikersnaam xXJayden2012Xx".
_USERNAME = re.compile(
    r"(?<!\w)(?:gebruikersnaam|username|user name|gamertag|accountnaam|nombre de usuario"
    r"|kullanıcı adı|nazwa użytkownika|нікнейм|нік)(?!\w)(?:[ \t]+(?:is|es|was|jest|є))?"
    r"[ \t]*[:=]?[ \t]*@?(?P<word>[\w.]{3,})",
    re.IGNORECASE,
)


def find_handle_shapes(text: str, claims: Claims) -> None:
    for m in _USERNAME.finditer(text):
        if m.group("word").casefold() not in STOP:
            claims.add(m.start("word"), m.end("word"), "handle")
    _claim_all(_HANDLE_SHAPE, text, claims, "handle", skip=NOT_PERSON)  # "life360": an app


def protect_services(text: str, claims: Claims) -> None:
    """Schools, mosques and centres named after a person are not a person (shops and
    services named so are phrases of named_things.txt)."""
    _claim_all(_INSTITUTIONS, text, claims, None)


# --- public numbers, IBAN, phone -------------------------------------------------------

_WORD_BEFORE = re.compile(r"([^\W\d_]+)[ \t]+$")
# Not inside a longer group of digits: "0687 112 904" is a phone, not 112.
_PUBLIC = re.compile(r"(?<![\d+])(?<!\d[ .-])(?:0[89]00[ .-]?\d{4}|11[23])(?!\d|[ .-]\d)")


_NUMBER_WORD_BEFORE = re.compile(
    rf"(?<![\w])(?:{alternation(HOUSE_NUMBER_WORDS)})[ \t]*$", re.IGNORECASE
)


def protect_public_numbers(text: str, claims: Claims) -> None:
    """Emergency and helpline numbers (112, Veilig Thuis 0800-2000) identify no one: keep."""
    for m in _PUBLIC.finditer(text):
        before = _WORD_BEFORE.search(text, max(0, m.start() - 40), m.start())
        if before and street_word(before.group(1)):
            continue  # "zeestraat 112", "Ganzenhoef 113": a house number
        if _NUMBER_WORD_BEFORE.search(text, max(0, m.start() - 20), m.start()):
            continue  # "above the bakery nr 112", "رقم الدار 112"
        if _digits(m.group(0)) in PUBLIC_NUMBERS:
            claims.add(m.start(), m.end(), None)


_IBAN_START = re.compile(r"(?<![\w])[A-Za-z]{2}\d{2}(?:[ ]?[A-Za-z0-9]){11,30}")
_NL_IBAN_SHAPE = re.compile(r"NL\d{2}[A-Z]{4}\d{10}")


def find_ibans(text: str, claims: Claims) -> None:
    """Valid IBANs (stdnum), shortest valid prefix of a greedy candidate; a Dutch-shaped
    account number with a wrong checksum is still an account number."""
    for m in _IBAN_START.finditer(text):
        cand = m.group(0)
        for end in range(len(cand), 14, -1):
            sub = cand[:end]
            after = text[m.start() + end : m.start() + end + 1]
            if sub.endswith(" ") or after.isalnum():
                continue
            compact = sub.replace(" ", "").upper()
            if iban.is_valid(compact) or _NL_IBAN_SHAPE.fullmatch(compact):
                claims.add(m.start(), m.start() + end, "iban")
                break


_SEP = r"[ \t./()-]{0,3}"
_PHONE_INTL = re.compile(rf"(?<![\w+])(?:\+|00)[ \t]?\d(?:{_SEP}\d){{7,14}}(?!\d)")
_PHONE_NATIONAL = re.compile(rf"(?<![\w+])\(?0\d(?:{_SEP}\d){{8,10}}(?!\d)")


def find_phones(text: str, claims: Claims) -> None:
    """phonenumbers (region NL, VALID) for numbers written with 0, 00 or +; then patterns
    for anything phone-shaped the metadata rejects (typos, made-up or new ranges)."""
    matcher = phonenumbers.PhoneNumberMatcher(
        text, "NL", leniency=phonenumbers.Leniency.VALID, max_tries=200
    )
    for m in matcher:
        if m.raw_string.lstrip("(").startswith(("+", "0")):
            claims.add(m.start, m.end, "phone")
    for pattern in (_PHONE_INTL, _PHONE_NATIONAL):
        for m in pattern.finditer(text):
            claims.add(m.start(), m.end(), "phone")
    for start, end in _said_numbers(text):
        claims.add(start, end, "phone")


_NUMBER_TOKEN = re.compile(r"[^\W_]+(?:['ʼ’][^\W_]*)*")
_NUMBER_GAP = re.compile(r"[ \t,.،\-–/]{1,3}")
_SAID_PHONE_DIGITS = 8  # a Dutch number without its 0 has nine


def _said_numbers(text: str) -> list[tuple[int, int]]:
    """Phone numbers read out in words, digits perhaps among them, in any of the
    communities' languages: "nul zes 44719382", "sıfır altı kırk iki on bir …",
    "06 shan shan 31 toddoba 9 42", "صفر شش، هفتاد و دو، سی و یک". A run of such words
    that begins with nought and says at least eight digits; a tens word and the unit
    beside it say two ("kırk iki", "هفتاد و دو", "اثنين و اربعين")."""
    found = []
    run: list[tuple[int, int, str, bool]] = []  # start, end, kind, joined to the one before
    last_end = -1
    joined = False  # a join word ("و", "y") since the last number

    def close() -> None:
        digits, words, previous = 0, 0, ""
        for _start, _end, kind, after_join in run:
            if kind.isdigit():
                digits += int(kind)
            else:
                words += 1
                if kind == "unit":
                    digits += 0 if previous == "tens" else 1
                elif kind == "tens":
                    digits += 1 if previous == "unit" and after_join else 2
                else:
                    digits += 1 if kind == "zero" else 2
            previous = kind
        zero_first = bool(run) and (run[0][2] == "zero" or text[run[0][0]] == "0")
        if zero_first and words and digits >= _SAID_PHONE_DIGITS:
            found.append((run[0][0], run[-1][1]))
        run.clear()

    for m in _NUMBER_TOKEN.finditer(text):
        word = m.group(0)
        folded = re.sub("['ʼ’]", "", word.casefold())
        if run and not _NUMBER_GAP.fullmatch(text[last_end : m.start()]):
            close()
        if run and folded in NUMBER_JOINS:
            joined, last_end = True, m.end()
            continue
        if word.isdigit():
            kind = str(len(word))
        elif folded in ZERO_WORDS:
            kind = "zero"
        elif folded in DIGIT_WORDS:
            kind = "unit"
        elif folded in TENS_WORDS:
            kind = "tens"
        elif folded in TEEN_WORDS:
            kind = "teen"
        else:
            close()
            joined = False
            continue
        run.append((m.start(), m.end(), kind, joined))
        joined, last_end = False, m.end()
    close()
    return found


# --- postcodes, plates, case numbers ---------------------------------------------------

_POSTCODE = re.compile(r"(?<![\w])[1-9]\d{3}(?: ?[A-Z]{2}|[a-z]{2})(?![\w])")
# A year with a Turkish case ending written onto it: "2019da" (in 2019), "2020den".
_YEAR_WITH_ENDING = re.compile(r"(?:19|20)\d\d(?:da|de|ta|te)")
_POSTCODE_LOWER = re.compile(r"(?<![\w])[1-9]\d{3} (?P<letters>[a-z]{2})(?![\w])")
# Two-letter words that follow a number in running text ("sinds 2019 en", "1500 tl").
_TWO_LETTER_TEXT = (
    "en in op of is om na de al ik je ze we of to at on as an by it he me my no so up us or"
    " if go do be am ve ya da ne ki bu şu ile el la lo un se te y al es ha ya mi tu su le"
    " na od do po za we ze że ja ty on my wy ta to ma są co jak в на та не до по за це як"
    " ka ku u la ee oo waa iyo ay uu ah tl kg km cm mm ml uur jr yr st rd nd th"
)
_TWO_LETTER_WORDS = frozenset(_TWO_LETTER_TEXT.split())
# ... unless the word before says it is a postcode: "postcode 9681 ah"
_POSTCODE_CUE = re.compile(
    r"(?<![\w])(?:postcode|post code|postal code|pc|kod pocztowy|posta kodu)[ \t:]*$", re.IGNORECASE
)

# Dutch licence plate side codes 1-14 (L = letter, D = digit).
_SIDECODES = (
    "LL-DD-DD",
    "DD-DD-LL",
    "DD-LL-DD",
    "LL-DD-LL",
    "LL-LL-DD",
    "DD-LL-LL",
    "DD-LLL-D",
    "D-LLL-DD",
    "LL-DDD-L",
    "L-DDD-LL",
    "LLL-DD-L",
    "L-DD-LLL",
    "D-LL-DDD",
    "DDD-LL-D",
)
_PLATE = re.compile(
    r"(?<![\w-])(?:"
    + "|".join(c.replace("L", "[A-Z]").replace("D", r"\d") for c in _SIDECODES)
    + r")(?![\w-])",
    re.IGNORECASE,
)

_CODE = r"[A-Za-z0-9](?:[A-Za-z0-9]|[-/.](?=[A-Za-z0-9])|[ ](?=\d))*"
_BSN_CUES = ("bsn", "burgerservicenummer", "sofinummer", "sofi-nummer")
_CASE = re.compile(
    rf"(?<![\w])(?P<cue>{alternation(CASE_CUES + _BSN_CUES)})(?![^\W\d_])[ \t]*"
    r"(?:(?:nummer|number|numarası|numer|номер|número|nr\.?|no\.?|is|was|es|waa|jest|є"
    r"|تبعها|تبعه|ديالها|ديالو|:|#|№|-)[ \t]*)*"
    rf"(?P<code>{_CODE})",
    re.IGNORECASE,
)
# A number word, a few words saying whose number it is, a colon: "Cliëntnummer bij de
# praktijk: 20417", "student number at the MBO: 583920".
_NUMBER_OF = re.compile(
    r"(?<![\w])[^\W\d_]*(?:nummer|number|numer|номер|número|numara|numarası)"
    r"(?:[ \t]+[^\W\d_]+){1,3}[ \t]*:[ \t]*(?P<code>\d[\d ./-]*\d)(?![\w])",
    re.IGNORECASE,
)
_ALNUM_CODE = re.compile(r"(?<![\w-])[A-Z0-9]+(?:[-/][A-Z0-9]+)+(?![\w-])")
# Dutch passport and identity card numbers: two letters, six letters or digits, a digit
# (never the letter O): "NX4K71P92".
_DOCUMENT = re.compile(r"(?<![\w-])[A-NP-Z]{2}[A-NP-Z0-9]{6}[0-9](?![\w-])")


def find_postcodes(text: str, claims: Claims) -> None:
    """Dutch postcodes "1234 AB" and "1234AB", and in lower case "1234ab" and "1093 kx"
    unless the two letters are a word ("sinds 2019 en", "lacag 8000 ah" stay) or a year's
    case ending ("2019da")."""
    for m in _POSTCODE.finditer(text):
        if not _YEAR_WITH_ENDING.fullmatch(m.group()):
            claims.add(m.start(), m.end(), "postcode")
    for m in _POSTCODE_LOWER.finditer(text):
        said = _POSTCODE_CUE.search(text, max(0, m.start() - 20), m.start())
        if said or m.group("letters") not in _TWO_LETTER_WORDS:
            claims.add(m.start(), m.end(), "postcode")


# After a word for a plate, a plate of any country typed any way, a word or two between,
# a colon too: "رقمها xk 482 t", "lambarkiisu waa g 748 kx", "na polskich blachach WGM
# 48213", "Tablica ciężarówki: WGM 48217".
_PLATE_CUE = re.compile(rf"(?<!\w)(?:{alternation(PLATE_CUES)})(?!\w)", re.IGNORECASE)
_PLATE_PART = re.compile(r"\w+|[^\w\s-]|\n")


def _plate_after(text: str, cue_end: int) -> tuple[int, int] | None:
    """The first run of two or three parts that looks like a plate, starting at one of
    the three words after a plate's word; parts joined by one space or a dash."""
    parts = []
    for m in _PLATE_PART.finditer(text, cue_end, cue_end + 60):
        if m.group() == ":":
            continue
        if not m.group().isalnum():
            break  # a comma, a full stop or a line ends the search
        parts.append(m)
    for first in range(min(3, len(parts))):
        for count in (3, 2):
            run = parts[first : first + count]
            gaps = [text[a.end() : b.start()] for a, b in itertools.pairwise(run)]
            if (
                len(run) == count
                and all(g in (" ", "-") for g in gaps)
                and _plate_like(text[run[0].start() : run[-1].end()])
            ):
                return run[0].start(), run[-1].end()
    return None


def _plate_like(code: str) -> bool:
    """Letters and at least two digits, five to nine in all, and no word among them:
    "xk 482 t", "4821 KLM"; not "12 or so", "2 of 3"."""
    groups = code.replace("-", " ").split()
    digits = sum(ch.isdigit() for ch in code)
    letters = sum(ch.isalpha() for ch in code)
    words = [
        g for g in groups if g.isalpha() and (g.lower() in _TWO_LETTER_WORDS or g.lower() in STOP)
    ]
    return digits >= 2 and letters >= 1 and 5 <= digits + letters <= 9 and not words


# British plates, in capitals only: "AB12 CDE"; Polish ones: "PO 7K322", "KR 4F219";
# Turkish ones, a province 01-81 first: "34 ABC 123"; Ukrainian ones in the Cyrillic
# letters that look Latin (or those Latin letters): "АА 1234 ВК".
_UK_PLATE = re.compile(r"(?<![\w-])[A-Z]{2}\d{2} ?[A-Z]{3}(?![\w-])")
_PL_PLATE = re.compile(r"(?<![\w-])[A-Z]{2,3} \d[A-Z0-9]{3,4}(?![\w-])")
_TR_PLATE = re.compile(
    r"(?<![\w-])(?:0[1-9]|[1-7]\d|8[01]) ?(?:[A-Z]{2,3} ?\d{2,4}|[A-Z] ?\d{4})(?![\w-])"
)
_UA_PLATE = re.compile(
    r"(?<![\w-])[АВЕІКМНОРСТХABEIKMHOPCTX]{2} ?\d{4} ?[АВЕІКМНОРСТХABEIKMHOPCTX]{2}(?![\w-])"
)


# Moroccan plates: a number, an Arabic letter, the region's number: "45781-أ-6".
_MA_PLATE = re.compile(
    r"(?<![\w-])\d{1,6}[ \t]*[-|][ \t]*[\u0621-\u064a][ \t]*[-|][ \t]*\d{1,2}(?![\w-])"
)


def find_plates(text: str, claims: Claims) -> None:
    for pattern in (_PLATE, _UK_PLATE, _TR_PLATE, _UA_PLATE, _MA_PLATE):
        _claim_all(pattern, text, claims, "plate")
    for cue in _PLATE_CUE.finditer(text):
        plate = _plate_after(text, cue.end())
        if plate:
            claims.add(*plate, "plate")
    for m in _PL_PLATE.finditer(text):
        tail = m.group(0).split(" ")[1]
        if any(ch.isalpha() for ch in tail):  # "BSN 12345" is no plate
            claims.add(m.start(), m.end(), "plate")


def find_case_numbers(text: str, claims: Claims) -> None:
    """Numbers from other systems: after a cue ("dossier", "case no.", "#", "klantnummer
    bij Eneco:") any code with three or more digits, and upper-case codes like
    "VT-2024-118". Our own short case
    references such as "K7F3" have fewer than three digits and are kept."""
    for m in _CASE.finditer(text):
        code = m.group("code").rstrip(".")
        if len(_digits(code)) >= 3:
            kind = "bsn" if m.group("cue").casefold() in _BSN_CUES else "number"
            claims.add(m.start("code"), m.start("code") + len(code), kind)
    for m in _NUMBER_OF.finditer(text):
        if len(_digits(m.group("code"))) >= 3:
            claims.add(m.start("code"), m.end("code"), "number")
    for pattern in (_ALNUM_CODE, _DOCUMENT):
        for m in pattern.finditer(text):
            code = m.group(0)
            if len(_digits(code)) >= 3 and any(ch.isalpha() for ch in code):
                claims.add(m.start(), m.end(), "number")


# --- digit runs: possible BSN and other long numbers -----------------------------------

_CLUSTER = re.compile(r"(?<![\w])\d+(?:[ ./-]\d+)*")
_ALNUM_LONG = re.compile(r"(?<![\w])[A-Za-z]{0,4}\d{6,}[A-Za-z]{0,4}(?![\w])|\d{6,}")
_YEAR = re.compile(r"(?:1[3-9]|20)\d{2}")
_MONEY_BEFORE = re.compile(r"(?:[€$£]|eur|euro|usd|tl|zł|грн)[ \t]*$", re.IGNORECASE)
_MONEY_AFTER = re.compile(
    r"^[ \t]*(?:€|euro|eur|dollar|lira|tl|zł|złotych|грн|гривень|درهم|ریال|تومان|birr|nakfa)",
    re.IGNORECASE,
)


def _is_money(text: str, start: int, end: int) -> bool:
    return bool(_MONEY_BEFORE.search(text[max(0, start - 6) : start])) or bool(
        _MONEY_AFTER.match(text[end : end + 10])
    )


def find_digit_runs(text: str, claims: Claims) -> None:
    """Any 8-9 digits written as one number (also "1234.56.782", "123 456 782") are a
    possible BSN: "bsn" when the 11-check passes, else "number". Longer numbers and any
    run of 6+ digits are "number". Year lists ("2019-2020") and money amounts are kept."""
    for m in _CLUSTER.finditer(text):
        groups = re.split(r"[ ./-]", m.group(0))
        digits = "".join(groups)
        if len(digits) < 8 or _is_money(text, m.start(), m.end()):
            continue
        if all(len(g) == 4 and _YEAR.fullmatch(g) for g in groups):
            continue
        kind = "bsn" if len(digits) <= 9 and bsn.is_valid(digits) else "number"
        claims.add(m.start(), m.end(), kind)
    for m in _ALNUM_LONG.finditer(text):
        if not _is_money(text, m.start(), m.end()):
            claims.add(m.start(), m.end(), "number")
