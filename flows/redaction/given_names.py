"""Common given names and family names met in the communities the bot serves.

A name from these lists is removed wherever it stands, also at the start of a sentence.
Names that are also ordinary words are left out on purpose ("Hope", "May", "Can", Arabic
"نور" light, "أمل" hope, "عمر" age, "علي" on me, Tigrinya "ተስፋይ" my hope): those are
only removed after a cue. Latin and Cyrillic entries are casefolded and only match a
capitalised word; Arabic-script and Ethiopic entries match exactly.

Most of the communities' names come from the names data set (`lexicon.tsv.gz`); the
longer lists of Persian, Arabic, Tigrinya and Somali names in `community_names.txt`
fill what it lacks: it has no Eritrea and no Somalia, and its frequency lists count
"نسرین" or "سهیلا" as common words because news text names people.
"""

from __future__ import annotations

from .normalise import normalise
from .once import data_lines


def _words(*chunks: str) -> frozenset[str]:
    return frozenset(w for chunk in chunks for w in chunk.split())


def _community_names() -> tuple[dict[str, frozenset[str]], dict[str, frozenset[str]]]:
    """(names, names that are also words) per language, from community_names.txt."""
    lists: dict[str, dict[str, set[str]]] = {"names": {}, "words": {}}
    section: set[str] = set()
    for line in data_lines("community_names.txt"):
        if line.startswith("@"):
            kind, lang = line[1:].split()
            section = lists[kind].setdefault(lang, set())
        else:
            section.add(normalise(line).casefold())
    names, words = ({k: frozenset(v) for k, v in lists[x].items()} for x in ("names", "words"))
    return names, words


_COMMUNITY, _COMMUNITY_WORDS = _community_names()
# Somali names in Latin letters: removed in any case where they are no word of the
# text's languages ("sahra" is a name in a Somali note, a desert in a Turkish one).
SOMALI_NAMES = _COMMUNITY.get("so", frozenset())
# Ukrainian and Polish given names and their everyday forms, which are no word: names in
# every grammatical case ("з тетяною", "u krysi"), Polish ones in Polish notes.
UKRAINIAN_NAMES = _COMMUNITY.get("uk", frozenset())
UKRAINIAN_NAME_WORDS = _COMMUNITY_WORDS.get("uk", frozenset())
POLISH_NAMES = _COMMUNITY.get("pl", frozenset())
# The Ukrainian names typed in Latin letters, when the phone has no Cyrillic keyboard
# ("bachyla halynu", "batko serhij"): the official way of writing them, the way Polish
# spelling suggests, and the plain way of a Russian keyboard habit.
_LATIN_LETTERS = dict(zip("абвдезклмнопрстуф", "abvdezklmnoprstuf", strict=True)) | {
    "ь": "",
    "'": "",
    "ʼ": "",
    "’": "",
    "ґ": "g",
}
_LATIN_WAYS = tuple(
    str.maketrans(_LATIN_LETTERS | dict(zip("гєжиіїйхцчшщюя", way.split(), strict=True)))
    for way in (
        "h ye zh y i yi y kh ts ch sh shch yu ya",
        "h je z y i ji j ch c cz sz szcz ju ja",
        "g e zh i i i i h c ch sh sch iu ia",
    )
)


def ukrainian_names_in_latin() -> frozenset[str]:
    """Every Latin spelling of the Ukrainian names ("halyna", "serhij", "oksana"); judge.py
    keeps those that are no common word of any language ("mark", "kira", "toma" are)."""
    return frozenset(name.translate(way) for name in UKRAINIAN_NAMES for way in _LATIN_WAYS)


# The Tigrinya names typed in Latin letters ("mehret", "tesfay", "semhar"). Each Ge'ez
# letter is a consonant and one of seven vowels, so the Unicode block spells them out: row
# by row the consonants, and the order within a row the vowel. The sixth order is the
# consonant alone, with the "e" or "i" people write after a first letter ("mehret",
# "mihret") and before a last one ("medhin", "yohannes"), and the "i" of a "y" inside
# the name ("senait"); ቀ is typed "q" or "k", and "ya", "yo" also "ia", "io" ("mariam",
# "tsion").
_GEEZ_ROWS = "h l h m s r s sh q qw q qw b v t ch h hw n ny - k kw h hw w - z zh y d d j g gw g"
_GEEZ_CONSONANTS = (*_GEEZ_ROWS.split(), "t", "ch", "p", "ts", "ts", "f", "p")
_GEEZ_VOWELS = ("e", "u", "i", "a", "e", "", "o", "wa")


def _geez_in_latin(name: str, sixth: str) -> str | None:
    """One Latin spelling of a Ge'ez name, `sixth` the vowel written with a sixth-order
    letter first or before the last ("" for none); None for a letter outside the rows."""
    letters = []
    for i, letter in enumerate(name):
        row, order = divmod(ord(letter) - 0x1200, 8)
        if not 0 <= row < len(_GEEZ_CONSONANTS):
            return None
        consonant = _GEEZ_CONSONANTS[row].strip("-")
        vowel = "a" if not consonant and order == 0 else _GEEZ_VOWELS[order]
        before_last = i == len(name) - 2 and (ord(name[-1]) - 0x1200) % 8 == 5
        if order == 5 and consonant == "y" and sixth == "i" and i:
            consonant = ""
            vowel = "i"
        elif order == 5 and (not consonant or (i == 0 and len(name) > 1) or before_last):
            vowel = sixth or ("" if consonant else "e")  # a bare vowel letter keeps one
        letters.append(consonant + vowel)
    return "".join(letters)


def tigrinya_names_in_latin() -> frozenset[str]:
    """Latin spellings of the Tigrinya names ("mehret", "mihret", "tesfai", "habtemariam");
    judge.py keeps those that are no common word of any language or typed word."""
    in_geez = {n for n in UNCASED_NAMES if "\u1200" <= n[:1] <= "\u139f"}
    geez = _COMMUNITY.get("ti", frozenset()) | in_geez
    spellings = {_geez_in_latin(name, sixth) for name in geez for sixth in ("e", "i", "")} - {None}
    return frozenset(
        spellings
        | {s.replace("q", "k") for s in spellings}
        | {s.replace("ya", "ia").replace("yo", "io") for s in spellings}
    )


# Names that are also ordinary words, in every language: names only where a name stands
# (after "spoke with", a kinship word, next to another name).
NAME_WORDS = frozenset().union(*_COMMUNITY_WORDS.values())


CASED_NAMES = _words(
    # Dutch
    "anna emma sophie julia lotte sanne eva lisa fleur iris saskia marieke ingrid petra",
    "annemarie linda anouk femke esther monique yvonne wilma daan sem lucas levi finn",
    "jesse thijs bram ruben jeroen pieter kees henk willem dirk sander joost wouter maarten",
    "jansen janssen bakker visser smit meijer mulder dekker brouwer dijkstra smits",
    "verhoeven hendriks peters vries",
    # English
    "sarah john michael david james mary jennifer emily jessica elizabeth linda susan karen",
    "robert william thomas daniel matthew smith johnson williams jones miller davis wilson",
    "taylor anderson",
    # Polish
    "maria katarzyna małgorzata agnieszka barbara ewa krystyna magdalena joanna aleksandra",
    "zofia zosia monika beata dorota piotr krzysztof andrzej tomasz paweł michał marcin",
    "jakub kuba grzegorz kowalski kowalska nowak wiśniewska wiśniewski wójcik kamińska",
    "kamiński lewandowska lewandowski zielińska zieliński szymańska woźniak",
    # Spanish and Caribbean
    "maría carmen ana lucía sofía isabel juan josé carlos luis miguel pedro jorge javier",
    "garcía rodríguez martínez lópez gonzález pérez sánchez hernández fernández gómez",
    # Turkish
    "ayşe fatma emine hatice zeynep elif meryem şerife hülya gülsüm esra büşra mehmet",
    "mustafa ahmet hüseyin hasan ibrahim i̇brahim murat emre yusuf ömer burak kemal osman",
    "yılmaz kaya demir şahin çelik yıldız yıldırım öztürk özdemir arslan doğan kılıç",
    # Arabic and Moroccan names in Latin script
    "fatima fatiha khadija aicha aïcha aisha amina nadia samira malika naima zineb houda",
    "loubna hanane yasmina yasmine salma mariam maryam layla leila laila rania lina rasha",
    "dima huda mohamed mohammed muhammad mohammad ahmed ahmad mustapha mostafa youssef",
    "youssouf rachid karim hassan hamid khalid abdel abdelkader abdellah abdullah ismail",
    "bilal mehdi amir hamza ayoub anouar walid tarek samir soufiane driss nordin",
    "el-amrani amrani bouzid benali",
    # Somali
    "hodan faadumo xaliimo hibo sahra ayaan asha ubah deeqa nimco ifrah cali maxamed axmed",
    "cabdi cabdullahi xasan xuseen yuusuf ismaaciil abdirahman mohamud warsame jama",
    "guled liban abdi",
    # Eritrean and Ethiopian names in Latin script
    "senait semhar saba yohannes tesfay tesfaye berhane mehari kidane filmon ghebre",
    "mebrahtu tsegay haben luwam",
    # Iranian and Afghan names in Latin script
    "zahra fatemeh parisa shirin roya reza hossein farid ahmadi hosseini rezaei karimi",
    "mohammadi",
    # Ukrainian names in Latin script and in Cyrillic
    "olena oksana iryna natalia tetiana andrii oleksandr serhii dmytro",
    "олена оксана ірина наталія наталя тетяна світлана марія анна юлія катерина ольга",
    "людмила галина вікторія дарина софія андрій олександр сергій дмитро іван микола",
    "володимир василь петро олег максим юрій богдан тарас артем шевченко коваленко",
    "бондаренко ткаченко кравченко олійник петренко шевчук бойко ковальчук поліщук лисенко",
    "наталья татьяна светлана елена ирина",
)

UNCASED_NAMES = _words(
    # Arabic
    "فاطمة فاطمه خديجة عائشة عائشه أمينة امينة مريم زينب سارة ساره ليلى نادية سميرة مليكة",
    "نعيمة سلمى رانيا هدى لينا ياسمين سعاد سناء رشا محمد أحمد احمد محمود مصطفى",
    "يوسف حسن حسين إبراهيم ابراهيم خالد عبدالله رشيد طارق سامر سمير بلال حمزة أيوب",
    "ايوب إسماعيل اسماعيل مهدي أمير",
    # Farsi and Dari
    "زهرا معصومه سکینه لیلا پریسا مینا سارا نازنین علی رضایی احمدی حسینی محمدی کریمی",
    "موسوی هاشمی رحیمی جعفری مرتضی مصطفی جواد فرید حسین مریم فاطمه",
    # Tigrinya
    "ሳራ ሰምሃር ሳባ ሄለን ሚካኤል ዮሃንስ ዮውሃንስ ፊልሞን ሰናይት ኣስመረት ኤልሳ ሩት ሊያ ሃና ማርያም",
    "ሚርያም ዳዊት ሰለሞን ኣብርሃም ሃብቶም ገብረሂወት ኣዳነች ሉዋም ልዋም ዮናስ ሳምሶን ሮቤል ኤርሚያስ",
    "ናርዶስ ሄኖክ ኣማኑኤል ሳሙኤል ዳኒኤል ኢሳያስ ሰሎሜ",
    "ናሆም ኣቤል ዘውዲቱ ኣልማዝ ፍረወይኒ ፍሬወይኒ ብርሃነ ኪዳነ ዘርኣይ ተወልደ ኣብርሀት ኣብረኸት ተኽለ",
    "ገብረመድህን ገብረሚካኤል ገብረእግዚኣብሄር ወልደሚካኤል ሚኪኤል ትርሓስ ሰናይት ሉላ ሳላ ፍሊሞን",
    "ፍጹም ሙሴ ሃይለ ገብሩ መሓሪ ዮሴፍ ሲምኦን ቴድሮስ ኣሮን ኣክሊሉ ብሩክ ሚኪኤላ ሓጎስ ኣፍወርቂ",
    "ኣስቴር ፀገረዳ ጽገረዳ ሃይማኖት ኤደን ሳሮን ዊንታ ፌቨን ፊዮሪ ሮዛ ሊድያ ሜሮን ቢኒያም ኣዶናይ",
    "የማነ ፍሕሶም ፍስሃጽዮን ምሕረተኣብ ገብረየሱስ ኣንገሶም ተስፋሚካኤል ሃብተ ሃብተማርያም ወልዱ",
).union(*(names for lang, names in _COMMUNITY.items() if lang in ("fa", "ar", "ti")))
