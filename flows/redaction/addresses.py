"""Street + house number: "Kalverstraat 12", "Laan van Meerdervoort 55a", "Damrak 1-3",
"Main Street 5", "12 Baker Street", "ul. Długa 5", "Çiçek Sokak No: 5", "شارع الحسن 12".

A street name without a number is kept (it is not an address), and so is a city. A room
with its number is taken out ("kamer 14 blok c", "room 3.12"): in a shelter or a shared
house it says where someone lives.
"""

from __future__ import annotations

import re

from .gazetteer import lexicon
from .lexicon import (
    ADDRESS_CUES,
    HOUSE_NUMBER_WORDS,
    KIN,
    NOT_NAMES,
    NOT_PERSON,
    NOT_STREETS,
    PARTICLES,
    STOP,
    STREET_BEFORE,
    STREET_SUFFIXES,
    STREET_WORDS,
    alternation,
)
from .places import is_place
from .spans import Claims

_WORD = r"(?<![\w'’-])[^\W\d_](?:[^\W\d_]|['’-](?=[^\W\d_]))*\.?"
_NUMBER_WORD = rf"(?:(?:{alternation(HOUSE_NUMBER_WORDS)})[ \t]*)"
_ADDITION = (  # "1-3", "55a", "12 A", "143-III", "12 hs"; not "211 w Hadze" (in The Hague)
    r"(?:[ \t]?[-/][ \t]?\d{1,4})?(?:(?:[ \t](?![wziyeou][ \t]+[^\W\d_]))?[A-Za-z](?![\w]))?"
    r"(?:[ \t-]?(?:hs|bis|bg|bv|I{1,3}|huis|boven))?"
    r"(?:[ \t]+(?:bus|bte|boîte)[ \t]*\d{1,4}[A-Za-z]?)?"  # Belgian "12 bus 4"
)
# With a Turkish case ending on it: "kruisstraat 88de" (at 88), "88'den" (from 88).
_TURKISH_CASE = r"(?:['’]?[dt][ae](?:n|ki)?)?"
_HOUSE = rf"\d{{1,5}}(?P<add>{_ADDITION}){_TURKISH_CASE}(?![\w]|[.,:]\d)"  # "plein 6: the" too

_STREET_THEN_NUMBER = re.compile(
    rf"(?P<street>(?:{_WORD}[ \t]+){{0,5}}{_WORD})[ \t]+{_NUMBER_WORD}?(?P<num>{_HOUSE})"
)
_NUMBER_THEN_STREET = re.compile(
    rf"(?<![\w])\d{{1,5}}[A-Za-z]?[ \t]+(?P<street>(?:{_WORD}[ \t]+){{0,3}}{_WORD})(?![\w])"
)
_CUE_STREET = re.compile(
    rf"(?<![\w])(?:{alternation(STREET_BEFORE)})[ \t]*(?P<name>(?:{_WORD}[ \t]+){{0,4}}?)"
    rf"{_NUMBER_WORD}?{_HOUSE}",
    re.IGNORECASE,
)
# Dutch streets that open with their kind, typed in lower case: "laan van nieuw guinea 88"
_KIND_FIRST = re.compile(
    rf"(?<![\w])(?:laan|plein|kade|singel)[ \t]+(?:van|der|op)[ \t]+(?:{_WORD}[ \t]+){{0,3}}"
    rf"{_WORD}[ \t]+{_HOUSE}",
    re.IGNORECASE,
)
# A Dutch street written in the writer's script: "ፋን ሆግንዶርፕስትራት 41", "کرایسکاده ۵B"
# (the digits are plain by now). Its ending says it is a street: straat, plein, gracht,
# kade as they are spelt in Ge'ez and in Arabic script (not the short "laan", "weg":
# "الان 3" is "now 3").
_SCRIPT_STREET = re.compile(
    r"(?<![\w])(?:(?:ፋን|ቫን|فان)[ \t]+)?[^\W\d_]+"
    r"(?:ስትራት|ስትራኣት|ፕሊን|ግራኽት|ካደ|ዌኽ|سترات|ستراط|استرات|پلین|بلين|گراخت|کاده|كاده)"
    rf"[ \t]+{_HOUSE}"
)
# A room with its number where someone lives, in a shelter or a shared house: numbered
# by floor ("room 3.12", "Habitación 2.14"), in a block or a building ("kamer 14 blok c",
# "kamer 3 van het pand"), or said of where someone lives or stays ("ze zitten in kamer
# 14"). A meeting "in room 4" stays. A flat, a block's entrance ("portiek 44"), a door
# ("deur 912", "باب بيتهم 9C") or an apartment ("кв 37", "شقة 4B") with its number is
# where someone lives, said or not.
_DWELLINGS = (
    r"flat|portiek|appartement|apartment|apartamento|daire|dairesi|кв\.?|квартира|квартирі"
    r"|شقة|شقه|دروازه|portal|آپارتمان|apartman|apartmanı|apartmani|klatka|klatki|klatce"
    r"|واحدش|واحدشون|واحدشان|واحدمون"  # Farsi "their unit 3C"
    r"|puerta|deur|door|woning"  # a flat's door: "piso 7, puerta 712", "bij deur 912"
    r"|ኣፓርትመንት|ኣፓርታማ|አፓርትመንት|(?<=در )واحد"  # "ኣፓርትመንት 1107", "در واحد ۴۱"
    r"|باب[ \t]+(?:بيتهم|بيتها|بيته|البيت|الدار|الشقة|دارهم|دارها|شقتهم|شقتها)"
    # a room said to be someone's: "اتاقشان C-14", "qolkoodu waa 22B" (their room is)
    r"|اتاقش|اتاقشان|اتاقشون|اتاقمون"
    r"|(?:qolkiisa|qolkeeda|qolkooda|qolkoodu|qolkeenna)(?:[ \t]+waa)?"
)
_ROOM = re.compile(
    r"(?<![\w])(?:(?:blok|block|bloque|بلاک)[ \t]+\w(?![\w])[ \t]*)?"  # "blok C daire 5"
    rf"(?:(?P<dwelling>{_DWELLINGS})|kamer|room|habitaci[oó]n|cuarto|pok[oó]j"
    r"|pokoju|oda|odası|odasi|кімната|кімнаті|кімнату|кімнати|комната|комнате|комнаты"
    r"|каюта|каюті|tuin|huisje|bungalow|chalet|caravan|stacaravan"  # a garden, a holiday park
    r"|plek|miejsce|parcela"  # a camping pitch
    r"|[وبل]?(?:ال)?غرفة|غرفه|اتاق|اطاق|qolka|ክፍሊ)[ \t]*"
    r"(?P<inblock>(?:blok|block|bloque|unit)[ \t]+[A-Za-z](?![\w])[ \t]*)?"  # "oda blok C 214"
    rf"{_NUMBER_WORD}?(?:[A-Za-z]-?)?\d{{1,4}}(?P<floor>[./-]\d{{1,3}})?(?!\d|[xX](?!\w))"
    r"[A-Za-z]?(?![\w.,:/-]\d)"  # not twice, "2x"
    r"(?![ \t]*(?:سال|jaar|years|yaş|lat|років|jir|sano)\w*)"  # "اتاقش ۹ سالشه": her age
    r"(?P<block>[ \t]+(?:blok|block|bloque|gebouw|building|unit|блок|корпус)[ \t]+\w(?![\w])"
    r"|(?=[ \t]+(?:van het|in het|del|of the|w)[ \t]+(?:pand|azc|building|edificio|budynku)))?",
    re.IGNORECASE,
)
# A house number alone, said of where someone lives: "de buurvrouw op nr 23", and with
# its word after "from" or "house": "syn sąsiadów z nr 23", "guriga nambar 23".
_AT_NUMBER = re.compile(
    rf"(?<![\w])(?:(?:op|at|pod)[ \t]+(?P<house>{_NUMBER_WORD}\d{{1,4}}[A-Za-z]?)"
    r"|(?:z|ze|van|uit|from|de|del|guriga|huis|house|ev|будинок|дом)[ \t]+"
    rf"(?P<numbered>(?:nr\.?|no\.|nummer|number|nambar|numara|номер)[ \t]*\d{{1,4}}[A-Za-z]?))"
    r"(?![\w]|[.,:/-]\d)",
    re.IGNORECASE,
)
# A flat by its number and a letter: in Spanish "piso 2b", "piso 3ºB" (not "piso 2", a
# floor); the block's letter, then the flat: "blok b 12", "ساكنة ف blok c 14".
_FLAT_NUMBER = re.compile(
    r"(?<![\w])(?:piso[ \t]+\d{1,2}[º°]?[ \t]?[A-Za-z]|(?:blok|block|bloque)[ \t]+[A-Za-z]"
    r"[ \t]+\d{1,4}[A-Za-z]?)(?![\w]|[.,:/-]\d)",
    re.IGNORECASE,
)
# A house number with its word, in a sentence that says someone lives there: "mieszkaja
# nad kruidvatem nr 23", "ze woont achter de moskee, huisnr 5".
_NUMBERED = re.compile(
    rf"(?<![\w]){_NUMBER_WORD}\d{{1,4}}[A-Za-z]?(?![\w]|[.,:/-]\d)", re.IGNORECASE
)

# Number words that say "house number" themselves: "huisnr 5", "رقم الدار 112".
_HOUSE_NUMBER = re.compile(
    r"huis|kapı|رقم[ \t]+(?:الدار|البيت|المنزل|الشقة)|lambarka[ \t]+guriga", re.IGNORECASE
)

_LIVES = re.compile(
    r"(?<![\w])(?:woont|wonen|woon|zit|zitten|slaapt|lives|living|live|stays|staying|vive|viven"
    r"|duerme|mieszka|mieszkają|mieszkaja|живе|живуть|проживає|проживають|kalıyor|kaldığı|oturuyor|تسكن"
    r"|يسكن|ساکن|ساكن|ساكنة|ساكنين|زندگی|azc|азц|opvang\w*|shelter|pand|hostel|hotel|albergue"
    r"|гуртожит\w*|опван\w*|kamp|camp|camping\w*|kemping\w*|کمپ|کمب|مخيم|apartman\w*"
    r"|آپارتمان\w*"
    r"|الكامب|deggan|degan|nool|hoyga|guri\w*|ይነብሩ|ትነብር|ይነብር"
    r"|verpleeghuis\w*|verzorgingshuis\w*|ziekenhuis|nursing|ligt)(?![\w])",  # a patient's
    re.IGNORECASE,
)

# Words for a floor that follow its number ("3e verdieping", "2. piętro", "4th floor")
_FLOOR_WORDS = (
    r"(?:verdieping|etage|hoog|floor|piętro|piętrze|piso|planta|kat|katta|поверх|поверсі)"
)

# A flat's number with its letter, in a sentence that says someone lives there: "donde
# vive yolanda, en el 4c"; not an ordinal ("2e verdieping", "3a planta", "2o piso").
_FLAT_CODE = re.compile(
    r"(?<![\w./-])\d{1,3}[A-DF-Za-df-z](?![\w]|[.,:/-]\d)"
    rf"(?![ \t]+(?:{_FLOOR_WORDS}|planta|klas|groep))",
    re.IGNORECASE,
)
# Right after the room, its floor says the same: "kamer 12 3e verdieping", and where the floor
# word comes first, "اتاق ۲۱۴ منزل دوم" (second floor), "qolka 4 dabaqa 2aad".
_LIVES_AFTER = re.compile(
    rf"{_LIVES.pattern}|(?<![\w])(?:{_FLOOR_WORDS}|منزل|طبقه|dabaq|dabaqa)(?![\w])",
    re.IGNORECASE,
)


_ADDRESS_WORD = re.compile(
    r"(?<![\w])(?:adres|address|adresi|dirección|direccion|адреса|адрес|العنوان|آدرس"
    r"|cinwaanka)(?![\w])",
    re.IGNORECASE,
)


def _room_lived_in(text: str, m: re.Match[str]) -> bool:
    """The room found by `_ROOM` is a flat, has a floor or a block, is part of an address
    ("address is industrieweg 4 kamer 2") or its sentence says someone lives or stays
    there."""
    if m.group("dwelling") or m.group("floor") or m.group("inblock"):
        return True
    return (
        m.group("block") is not None
        or _ADDRESS_WORD.search(_sentence_before(text, m.start())) is not None
        or _lived_in(text, m.start(), m.end())
    )


def _sentence_before(text: str, start: int) -> str:
    """What its sentence says before text[start], at most 80 characters of it."""
    return re.split(r"[.!?\n]", text[max(0, start - 80) : start])[-1]


def _lived_in(text: str, start: int, end: int) -> bool:
    """The sentence says someone lives or stays at text[start:end], before it or after
    it ("qolka 17 ayay deggan yihiin")."""
    before = _sentence_before(text, start)
    after = " ".join(re.split(r"[.,،!?\n]", text[end : end + 40])[0].split()[:3])
    return _LIVES.search(before) is not None or _LIVES_AFTER.search(after) is not None


# After the word "address" the number may come first, and the street in lower case:
# "adres 14 plantsoen noord". The words up to a common word or the sentence's end.
_ADDRESS_WORDS = "adres|address|adresi|адреса|dirección|direccion|العنوان|آدرس|cinwaanka|ኣድራሻ"
_ADDRESS_NUMBER_FIRST = re.compile(
    rf"(?<![\w])(?:{_ADDRESS_WORDS})[ \t:]+(?P<num>\d{{1,5}}[A-Za-z]?)"
    rf"(?P<words>(?:[ \t]+{_WORD}){{1,3}})",
    re.IGNORECASE,
)
# Between the cue and the street: "lives at", "address is", "woont op", "mieszka na".
_LINK_BEFORE_STREET = re.compile(
    r"(?:at|on|in|is|was|op|aan|en|na|przy|на|у|в|w|es|ist)[ \t:]+(?=[^\W\d_]|')",
    re.IGNORECASE,
)
# The word "address" itself: after it a street in lower case is one ("address was 't oude
# land 14"); after "lives at" the words must look like a name.
_ADDRESS_WORD = re.compile(_ADDRESS_WORDS, re.IGNORECASE)
_STREET_ARTICLES = frozenset({"'t", "t", "de", "het", "den", "la", "el"})
_CUE_ADDRESS = re.compile(
    rf"(?<![\w])(?:{alternation(ADDRESS_CUES)})[ \t:]*(?P<addr>(?:(?:'t|{_WORD})[ \t]+){{0,5}}?"
    rf"{_NUMBER_WORD}?{_HOUSE})",
    re.IGNORECASE,
)

# Lower-case words with these suffixes are streets too ("kalverstraat 12"); the others
# ("schoolplein", "onderweg", "kerkhof") are ordinary words unless capitalised.
_LOWER_OK = (
    "straat",
    "laan",
    "gracht",
    "singel",
    "steeg",
    "dreef",
    "kade",
    "weg",
    "plein",
    "dijk",
    "dyk",  # Frisian
    "strjitte",
    "baan",
    "straatweg",
    "oord",  # "gooioord 214", but not "antwoord 2" (below)
    "str",  # "kerkstr 12", "lindenstr. 14 a": "straat" shortened
)
# Endings of Dutch street names that end ordinary words too ("vogelnest", "kerkhof"): a
# word with one of them, in either case, is a street only when it is no word the lexicon
# knows ("kraaiennest 77", "Ganzenhoef 113", "kikkenstein 212", "oudwijk 14").
_UNKNOWN_WORD_ENDINGS = (
    *("nest", "hoef", "hof", "werf", "wal", "lei", "wijk", "stein", "steen", "veld"),
    *("burg", "haven", "hout", "poort", "brink", "horst", "kamp", "donk", "beek", "berg"),
    *("dal", "hoek", "waard", "weide", "wende", "erf", "gaarde", "akker", "rode", "markt"),
    *("park", "pad", "hage", "lust", "zicht", "rijk", "meer", "plantsoen", "hoven"),
)
# Street words that also end an ordinary phrase after a number ("3 close friends", "2 way"),
# taken in lower case only when these are not: "8 elm road", "14b oak street".
_LOWER_STREET_WORDS = frozenset(
    ["street", "road", "avenue", "lane", "drive", "grove", "crescent", "terrace", "gardens"]
)
_NUMBER_WORDS = frozenset(w.rstrip(".:") for w in HOUSE_NUMBER_WORDS)
_ORDINARY = frozenset(
    {"onderweg", "halfweg", "midweg", "weg", "dam", "hof", "park", "wal"}
    | {"antwoord", "akkoord", "wachtwoord", "voorwoord", "trefwoord", "wachtwoorden"}
)


# After a single word with a range ("Kinderen 3-5 jaar") these show it is not an address.
# A word that ends a sentence: "West." (not an abbreviation: "str.", "nr.", "Dr.").
_SENTENCE_END = re.compile(r"[^\W\d_]{4,}\.$")
_UNITS = re.compile(
    r"(?:[ \t]*|-)(?:jaar|jaren|years?|keer|times|uur|hours?|kilo|kg|euro|maanden|months?|weken"
    r"|weeks?|dagen|days?|minuten|minutes|yaş|lat|lata|років|роки|años|sano|jir|سنوات|سال"
    r"|سنة|سنين|سنه|عام|ዓመት|ዓመቱ|ዓመታ)"
    r"(?![\w])",
    re.IGNORECASE,
)


_YEARS = re.compile(r"(?:19|20)\d\d\b")

# A number followed by a floor word is a floor, not a house ("de 3e verdieping").
_FLOOR = re.compile(
    r"(?:e|de|ste|th|rd|nd|st|\.|\.?[ \t]*(?:kat|piętro|piso))?(?:[ \t]+|-)"  # "3-hoog"
    rf"{_FLOOR_WORDS}(?![\w])",
    re.IGNORECASE,
)


# A floor after the house number ("212 3 hoog", "14-2 hoog"): whatever word stands before
# the number is a street, even in lower case and without a street suffix.
_FLOOR_AFTER_HOUSE = re.compile(
    r"[ \t]*(?:-[ \t]*)?\d{1,2}(?:e|de)?[ \t]*(?:hoog|hg)(?![\w])", re.I
)


def _floor_at(text: str, pos: int) -> bool:
    """A floor word follows at pos ("3 hoog", "2e verdieping"), without a number of its
    own after it ("bijlmerdreef 1102 piso 6", "portal 18 piso 2": the number before is
    the house's)."""
    floor = _FLOOR.match(text, pos)
    return floor is not None and not re.match(r"[ \t]*\d", text[floor.end() :])


def _floor(text: str, number_start: int) -> bool:
    """The number at number_start is a floor, not a house number."""
    m = re.match(r"\d+", text[number_start:])
    return m is not None and _floor_at(text, number_start + m.end())


def _bare(word: str) -> str:
    return word.rstrip(".").casefold()


def _cased(word: str) -> bool:
    return word[0].lower() != word[0].upper()


_COMPASS = re.compile(r"-(?:west|oost|noord|zuid)$")


def street_word(word: str) -> bool:
    """The word, as written, ends a street's name: "Kalverstraat", "kraaiennest", also
    with a side of town after it ("ringbaan-west")."""
    low = _COMPASS.sub("", _bare(word))
    if low in STREET_WORDS:
        return word[0].isupper()
    if low in _ORDINARY or low in NOT_STREETS:
        return False
    if word[0].isupper() and any(low.endswith(s) for s in STREET_SUFFIXES):
        return True
    if not word[0].isupper() and any(low.endswith(s) and len(low) > len(s) + 2 for s in _LOWER_OK):
        return True
    return any(low.endswith(s) and len(low) > len(s) + 2 for s in _UNKNOWN_WORD_ENDINGS) and not (
        lexicon().known(low)
    )


def _street_start(words: list[str], has_addition: bool, has_number_word: bool) -> int | None:
    """Index of the first word of the street name ending at the last word, or None."""
    for i in range(len(words)):
        tail = words[i:]
        if not (tail[0][0].isupper() or street_word(tail[0])):
            continue
        if is_place(_bare(tail[0])) and (len(tail) > 1 or has_number_word):
            continue  # "in Zwolle assendorperstr 9", "Schilderswijk nr 112": the town stays
        if not all(w[0].isupper() or _bare(w) in PARTICLES or street_word(w) for w in tail):
            continue
        if any(street_word(w) for w in tail):
            return i
        low = _bare(tail[0])
        if has_addition and len(tail) == 1 and low not in NOT_STREETS | NOT_NAMES:
            return i
    return None


def _name_like(words: list[str]) -> bool:
    """Words between an address cue and the number look like a street name."""
    return bool(words) and all(
        w[0].isupper() or not _cased(w) or _bare(w) in PARTICLES or _bare(w) in _NUMBER_WORDS
        for w in words
    )


# A Belgian or German postcode after an address: "Kapelstraat 12 bus 4, 2000 Antwerpen",
# "Hansastraße 19, 44137 Dortmund".
_POSTCODE_AFTER = re.compile(r"[ \t]*,?[ \t]*(?P<code>[1-9]\d{3}|\d{5})(?=[ \t]+[^\W\d_])")


def _postcodes_after_addresses(text: str, claims: Claims) -> None:
    for _start, end, kind in list(claims.spans):
        m = _POSTCODE_AFTER.match(text, end) if kind == "address" else None
        if m:
            claims.add(m.start("code"), m.end("code"), "postcode")


# A Dutch street in Latin letters inside a note in another script, with its number: "ኣብ
# slinge 112 3ይ ደርቢ ይቕመጡ", "تسكن ف tjalk 25". Not a word of any language the lexicon
# knows, a brand or a place ("groep 5", "Lidl 2", "Almere 3"), nor an amount or a year
# ("huurtoeslag 1900").
_LATIN_STREET = re.compile(
    r"(?<![\w])(?P<street>[A-Za-z][a-z]{3,})[ \t]+(?:\d{1,3}[A-Za-z]?|\d{4}[A-Za-z])"
    r"(?![\w]|[.,:/-]\d)"
)
_NO_LATIN_STREET = NOT_STREETS | NOT_NAMES | NOT_PERSON | STOP


def _other_script(text: str) -> bool:
    """Most of the note's letters are not Latin."""
    letters = [c for c in text if c.isalpha()]
    return sum(not c.isascii() for c in letters) > 0.6 * len(letters)


def find_addresses(text: str, claims: Claims) -> None:
    for m in _NUMBER_THEN_STREET.finditer(text):
        words = re.findall(_WORD, m.group("street"))
        capitals = all(w[0].isupper() for w in words) and _bare(words[-1]) in STREET_WORDS
        typed = (
            len(words) <= 3
            and _bare(words[-1]) in _LOWER_STREET_WORDS
            and not any(_bare(w) in STOP for w in words[:-1])
        )
        if capitals or typed:
            end = m.end()
            if words[-1].endswith(".") and len(words[-1]) > 4:  # "Street." ends the sentence
                end -= 1
            claims.add(m.start(), end, "address")
            continue
        # a Dutch street after its number, as in English: "lives at 14 Hoefsmidstraat"
        for word in re.finditer(_WORD, m.group("street")):
            if street_word(word.group().rstrip(".")) and not is_place(_bare(word.group())):
                claims.add(m.start(), m.start("street") + word.end(), "address")
                break
            if not (word.group()[0].isupper() or _bare(word.group()) in PARTICLES):
                break
    for m in _STREET_THEN_NUMBER.finditer(text):
        found = list(re.finditer(_WORD, m.group("street")))
        ends = [k for k, w in enumerate(found[:-1]) if _SENTENCE_END.search(w.group())]
        found = found[ends[-1] + 1 :] if ends else found  # "in Amsterdam West. A 15-year-old"
        addition = m.group("add").strip()
        number_word = bool(text[m.end("street") : m.start("num")].strip())
        start = _street_start([w.group() for w in found], bool(addition), number_word)
        if start is None and _FLOOR_AFTER_HOUSE.match(text, m.end()):
            last = found[-1].group()  # "oudenoord 212 3 hoog": the floor shows the house
            start = len(found) - 1 if _bare(last) not in STOP else None
        if start is None:
            continue
        one_word = len(found) - start == 1
        bare_word = one_word and not street_word(found[start].group())
        if (one_word and _UNITS.match(text, m.end())) or (
            bare_word and _YEARS.match(m.group("num"))
        ):
            continue  # "Kinderen 3-5 jaar", "het vogelnest 3 keer", "Tussen 2018-2020"
        if not _floor(text, m.start("num")):
            claims.add(m.start("street") + found[start].start(), m.end(), "address")
    for m in _CUE_STREET.finditer(text):
        if _UNITS.match(text, m.end()):  # "xaafadda ... gabar 13 jir": a girl of 13
            continue
        named = re.findall(_WORD, m.group("name"))
        if named and all(len(w) <= 3 and _bare(w) in STOP for w in named):
            continue  # "la echó a la calle a las 2": a time, no street
        # "derde keer al. dochtertje zuzia van 6": a child of six, not the Polish "al."
        if not any(_bare(w) in KIN for w in re.findall(_WORD, m.group())):
            claims.add(m.start(), m.end(), "address")
    for m in _ROOM.finditer(text):
        # not "naar de kamer 3 keer" (three times to the room), "flat 2 hoog" (a floor)
        floor = _floor_at(text, m.end())
        if _room_lived_in(text, m) and not (_UNITS.match(text, m.end()) or floor):
            claims.add(m.start(), m.end(), "address")
    for m in _FLAT_NUMBER.finditer(text):
        claims.add(m.start(), m.end(), "address")
    for m in _NUMBERED.finditer(text):
        if _UNITS.match(text, m.end()):
            continue  # "nr 3 keer"
        if _HOUSE_NUMBER.match(m.group()) or _lived_in(text, m.start(), m.end()):
            claims.add(m.start(), m.end(), "address")
    for m in _FLAT_CODE.finditer(text):
        if _lived_in(text, m.start(), m.end()):
            claims.add(m.start(), m.end(), "address")
    for m in _AT_NUMBER.finditer(text):
        house = "house" if m.group("house") else "numbered"
        claims.add(m.start(house), m.end(house), "address")
    for m in _SCRIPT_STREET.finditer(text):
        claims.add(m.start(), m.end(), "address")
    for m in _KIND_FIRST.finditer(text):
        if not _UNITS.match(text, m.end()):  # "in de laan van de kinderen 3 keer"
            claims.add(m.start(), m.end(), "address")
    for m in _CUE_ADDRESS.finditer(text):
        start = m.start("addr")
        lead = _LINK_BEFORE_STREET.match(text, start)
        if lead:  # "she lives at Reigersbos 104", "her address is Gooioord 12"
            start = lead.end()
        words = re.findall(_WORD, text[start : m.end("addr")])
        # after the cue one rare word in lower case and the number: "they stay
        # flierefluiter 17", not "ze woont sinds 2022", "ze woont daar 2 straten verder"
        one_word = (
            len(words) == 1
            and _bare(words[0]) not in NOT_STREETS | NOT_NAMES | PARTICLES | STOP
            and lexicon().zipf(_bare(words[0])) < 3.5
            and not _UNITS.match(text, m.end("addr"))
        )
        if _floor_at(text, m.end("addr")) or (lead and _UNITS.match(text, m.end("addr"))):
            continue  # "ze woont in poelenburg 3-hoog": a floor; "lives in Breda 2 years"
        said = (
            _ADDRESS_WORD.match(m.group())
            and len(words) <= 4
            and all(_bare(w) not in STOP or _bare(w) in _STREET_ARTICLES for w in words)
            and not _UNITS.match(text, m.end("addr"))
        )
        if not all(_bare(w) in PARTICLES for w in words) and (
            _name_like(words) or one_word or said
        ):
            claims.add(start, m.end("addr"), "address")
    for m in _ADDRESS_NUMBER_FIRST.finditer(text):
        end = m.end("num")
        for word in re.finditer(_WORD, m.group("words")):
            if _bare(word.group()) in STOP or _UNITS.match(word.group()):
                break
            end = m.start("words") + word.end()
        if end > m.end("num") and not _floor(text, m.start("num")):
            claims.add(m.start("num"), end, "address")
    if _other_script(text):
        for m in _LATIN_STREET.finditer(text):
            word = m.group("street").lower()
            if (
                word not in _NO_LATIN_STREET
                and lexicon().zipf(word) < 3.5
                and not is_place(word)
                and not _UNITS.match(text, m.end())
            ):
                claims.add(m.start(), m.end(), "address")
    _postcodes_after_addresses(text, claims)
