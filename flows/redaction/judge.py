"""Is a word without a cue a name? Decided with the built lexicon (gazetteer.py).

A word is taken as a name when it is a given or family name common in the countries of
the communities and not a common word of the text's languages: the more common the name,
the more common a word it may also be ("Gloria", "Tomek" are names; "will", "deniz",
"moeder" are words). A word's frequency is its highest in any of the languages, since
key persons switch languages within a note. A capital at the start of a sentence counts a
little for the name. The languages of a text are guessed from its most frequent words
(function words are never names; Somali and Tigrinya, which have no frequency list, only
take the more common names, and inflected names are not looked for in Somali).

Inflected names are found by their stem: Turkish case endings ("rukiyeyle", "ayşenin"),
Polish and Ukrainian declension ("tomkiem", "anną", "олену").

A word the lexicon does not know at all is judged by its shape (namemodel.py): taken when
the classifier is quite sure, or fairly sure in a name's context (next to another name,
after "sprak met", a kinship word, before "zegt"). In such a context a name that is also a
word is judged as if it were capitalised. In Somali and Tigrinya, whose words the
classifier has hardly seen, only in context.
"""

from __future__ import annotations

import re
from functools import lru_cache

from . import namemodel
from .gazetteer import NO_NAME, Lexicon, lexicon
from .given_names import (
    NAME_WORDS,
    POLISH_NAMES,
    SOMALI_NAMES,
    UKRAINIAN_NAME_WORDS,
    UKRAINIAN_NAMES,
    UNCASED_NAMES,
    tigrinya_names_in_latin,
    ukrainian_names_in_latin,
)
from .lexicon import COLOURS, KIN, NAMES_NOT_PLACES, NOT_PERSON, STOP, UNCASED_KIN
from .normalise import unaccented
from .once import LoadedOnce, data_lines
from .places import is_named_thing, is_place, named_things, places


def _split(*chunks: str) -> list[str]:
    return [w for chunk in chunks for w in chunk.split()]


# Highest Zipf frequency (as a word of the text's languages) a name of each rank bucket
# may have and still be taken for a name: lower case, capital at a sentence start. The
# lower-case, Cyrillic and uncased tables sit 0.2 above where keep and recall were
# balanced: on the corpora so far that took 21 more identifiers for 17 more words to
# keep. A name left in a note reaches the confidant; a word taken out is shown to the
# writer, who can type it again. (At a sentence start it bought 3 for 2: left as it was.)
_LOWER = (4.8, 4.4, 4.0, 3.6, 3.2, 2.9, 2.7)
_CAPITAL = (5.0, 4.7, 4.4, 4.0, 3.5, 3.1, 2.8)
# Cyrillic frequency lists count names heavily (news and encyclopaedia text, casefolded):
# "ольга", "катерина" are as frequent as common words there.
_CYRILLIC = (5.2, 5.0, 4.4, 4.0, 3.4, 3.0, 2.8)
# Arabic script has no case: names that are also words ("أمل" hope) need a cue.
_UNCASED = (4.6, 4.2, 3.8, 3.4, 3.0, 2.7, 2.5)
# A capitalised word inside a sentence that is this common a word and at best a rare
# name is a brand, an app or a thing ("via Signal", "een rode Opel"), not a person.
COMMON_WORD = 3.5
_RARE_NAME = 6
# Classifier probability above which an unknown word is a name: alone, in context.
_SHAPE_ALONE = 0.93
_SHAPE_CONTEXT = 0.6
_SHAPE_SLOT = 0.6
_ETHIOPIC_AFTER_KIN = 0.8

# Somali has no frequency list: its most frequent words, which are never names.
_SOMALI = frozenset(
    _split(
        "waa iyo ee oo ka ku u la aan ma tan kuna kuma waxaa waxay wuxuu ayaa ah in ay uu",
        "leeyahay leedahay haya haysa haystaa jaro galo xiray xirtay",
        "ayay ayuu laga lagu loo hadda markii marka kadib kahor sida sidoo kale inay inuu",
        "inaan haddii laakiin mar badan yar weyn wax kasta dhan dhammaan aad si dhex hoos",
        "kor gudaha dibadda maanta shalay berri habeen galab subax maalin toddobaad bil",
        "sanad sano hooyo aabe aabo hooyada aabaha walaal walaashay walaalkay carruur",
        "carruurta ilmo ilmaha gabar gabadh wiil nin naag haweeney gurigeeda guriga guri",
        "dugsi dugsiga iskuul iskuulka isbitaal isbitaalka booliska bulshada caawimo",
        "caawin dhibaato xaalad xaaladda arrin arrinta qof dad dadka aniga adiga isaga",
        "iyada annaga idinka iyaga waxaan waxaad waxaynu waxay wuxuu ayaan ayaad ayey",
        "ayuu sheegay tiri yiri arkay maqlay qaylo garaacay ooyayay baqay cabsi",
        "uun keliya kaliya fiidkii subaxii galabtii habeenkii taleefan taleefanka lambarka",
        "gaariga baabuurka shaqada lacag uma kama lama uga ugu kala isla kiiska",
        "walaalo walaalaha walaasheed walaalkeed aabihii hooyadii hooyooyinka adeerkood",
        "jir jirka jirta dhab dhabta qabto qabta ninka ninkeeda naagta cambuulo suuqa",
        "joogaa joogta joogo deggan degan yahay yihiin hore ina guuriyaa",
        "luqad luqadda luuqad luuqadda fasal fasalka kafee kafeega masaajid masjidka",
    )
)
# Somali possessive and article endings ("taleefankeeda", "fiidkii"): such words make a
# text Somali for the language guess.
_SOMALI_ENDING = re.compile(r"(?:keed|kiis|teed|tiis|kayg|tayd|kood|tood)a$|[kt]ii$")
# Tigrinya has no frequency list either: its most frequent words.
_TIGRINYA = frozenset(
    _split(
        "እያ እዩ ኢያ ኢዩ ኣላ ኣሎ እሞ ግን ከኣ ምስ ኣብ ናይ ካብ ን ንሳ ንሱ ንሳቶም ኣነ ንስኺ ንስኻ ሎሚ ትማሊ ጽባሕ ገዛ ገዛኣ",
        "እንተ እንተዘይ እንተደኣ ክሳብ ስለ ምኽንያቱ ከምኡ",
        "ቤት ትምህርቲ ፖሊስ ሓገዝ ቆልዑ ቆልዓ ኣደ ኣቦ ሰብኣይ ሰበይቲ ጓል ወዲ ብዙሕ ቅድሚ ድሕሪ",
        "ክልተ ሰለስተ ኣርባዕተ ሓሙሽተ ሽዱሽተ ሸውዓተ ሸሞንተ ትሽዓተ ዓሰርተ",
    )
)

# Languages key persons mix into Dutch in Latin letters that have no frequency list:
# their frequent words, never names (the classifier would take them for names).
_SPOKEN = frozenset(
    _split(
        # Moroccan Arabic (Darija) as written in chat
        "ana nta nti hwa hiya huma hna ntoma ma machi kat kan kant kayn kayna ghadi ghir",
        "bghit bghat bgha daba lyoum lbareh ghedda bzaf chwiya mzyan mezyan wach wakha",
        "walakin ila ida hit hitach fin fash kifash chno chnou achno 3lach 3la f fl mn men",
        "dyal dial diali dyali dyalha dyalo l had hadi hada hadchi ga3 kolchi kol nhar",
        "lila sbah l3chiya rajel rajlha rajlek mrato mratu mra drari dri bent weld khoya",
        "khti khtha khouha mama baba yemma bba hanout ftour lftour 3id l3id lmoskee jame3",
        "khroj khrej dkhol dkhel kla chrab nass nas flous lflous dar ddar lbit tbib sbitar",
        "bezzaf safi yallah zwin zwina khayfa khayef yqtelni yqtelha kaydreb kaydrebha",
        "mskina meskina miskina mskin meskin hchouma hshouma hchoma hshoma 7chouma",
        "hamdullah hamdoulah hamdolillah alhamdulillah lhamdulillah hamdulillah",
        "inshallah inchallah nchallah wallah wellah wallahi mashallah machallah",
        "bismillah sahbi sahbti bsahtek bslama labas bikhir 3afak afak smahli",
        "hbiba habibti 3ayla l3ayla lwalida lwalid rajli mrati rajel drari dyalna",
        "rajelha rajlha rajlek mratu mrato 3ndha 3ndo 3andha mochkil mushkil kbir kbira",
        "sghir sghira la3ziza l3ziza 3ziza khti khtha dar ddar tmssa7 kul koll nhar",
        # French, as Moroccan and Algerian key persons mix it in
        "son sa ses mon ma mes mari femme ans elle il est avec chez frappe frapper peur",
        "les des une dans pour pas très maison enfants fille fils",
        # Persian in Latin letters (Finglish)
        "shohar shoharesh shoharam khanum khanom hamsaye hamsayeh mige migeh mizane",
        "mizaneh bache bacheha dare dareh khune khooneh zanesh pesaresh dokhtaresh",
        "babash babam maman mamanesh hamkar hamkaram kar safai shirkat daftar mega goft",
        "goftam salashe sale saat sa'at nesfe shab ruz emruz dishab diruz zang",
        "madrese dokhtara pesara harf mikone mikonum mekonum zakhmi kamelesh",
        "raftam raft rafte miram mire bere beram boro umad omad bordam bord avordam",
        "baraye barash bara hata hatta hamash hamishe hich hichi chon chun chera chizi",
        "kootah kutah kardan kard kardam karde mikard konim kone konam begire migire",
        "migiran gereft mooha moo dast pa sorat surat zakhm kabood kaboud kelas zaban",
        "zabun dars az ba bahash dar tu too ru roo zir bala zamin bazi khiaban kuche",
        "madar pedar padar baradar khahar kharj kharid pool pul bood boodam budam hast",
        "hastam nist nistam ast shod shode mishe jadid peyam peyamha tamas gushi goshi",
        "shomare adres sauda sawda tanha zindagi zendegi mekona mikona mizana bacha",
        "bachaha yakhchal khali sala saale sal khana khane khoone khone khune qafas",
        "ghafas khod sard garm nemizare nemitune nemikhad mikhad age agar vali",
        "migoft didam didim salon nakhun kapshen sorfe dampaei bedune pesar",
        "shauhar shauharesh showhar showharesh olad awlad aulad",
        "yek do se chahar panj boud budan laghar mosen pir ketabkhoone ketabkhane",
        "pasport pasportesh pasporteshoo pasporteshu",
        # Darija, more of it
        "mlli melli hta 7ta douch kaysedd kaysed 3liha 3lih 3lia jra galli gali galt",
        "khsrti khsr walo bentha bentu l9it chft chaft wjhha drri fih fiha lberd sbbat",
        "sabr sber sukkar sokkar skar dawra yedha yeddha yddha kouzina lkouzina takchita",
        "qaftan lhenna",
        # Tarifit (Riffian Berber), mixed into Darija and Dutch
        "argaz argaz-nnes argaz-is tamghart tamettut yemma-s yemma-nnes baba-s thenna ur",
        # Levantine and Iraqi Arabic in Latin letters
        "ahl zawj zawjha zawjah zawji jawzha ma3 ma7atta m7atta yom jom3a sene sana 3omra",
        "3omro kenet zalame ktir kteer madrase 2alet 2al enno sar bl 3al w b el",
        "3amm 3ammha bintha ibn binti sarat tnam zojha zoj jozha jouzha",
        # Sranan Tongo
        "mi yu a e no fu en san sabi pikin frede neti ala kon de wan tu dri taki go wani",
        "mek nanga ini tapu baka fosi now ete kba kaba dati disi sma sma's mama papa oso",
        "wroko moni nyan dringi sribi luku yere doro gi pasi bigi pikinso tangi fa tori",
        "sisa brada boi uma man manpikin umapikin naki fon kiri frede dei ala kon libi",
        "owru yongu siki dresi skoro wakti gwe kari piki firi bribi yari friyari",
        # Papiamento
        "bo nan nos ta tin ku na pa un su yu muhé homber yamá aña kas mama tata dushi",
        "awor ayera mañan semper nunka kiko unda kon pakiko sí no ma tambe mucha yu'n",
        "hopi spantá spanta ruman kasá kasa bati malu bon sa bisa papia tende mester",
        "biba tur djaluna djamars djarason djaweps djabièrnè djasabra djadumingu",
        "preokupá preokupa bati'é yuda polis",
        "noti ningun ningún hende hendenan misa kosnan",
        # Tigrinya written in Latin letters
        "ane ab alla haftey hawey adey abo'a abo ade ayfelten ayfetwen bizuh",
        "kemey tsbuq zeyblu gezana gezay dekey",
        "hagez hagezi deliye deleye sebaya sebay sebeyti sebeyto gual wedi hawka hawkey",
        "ferihe ferhe ferhu bejaka yekenyeley kemey ezi eti ezom haftu",
        "nab kab ms mis nay kem kemzi gn gin kea ke'a kulu kula kulom bzuh hiji lomi tmali",
        "tsbah ngho mshet leyti mealti semun werhi amet amete ametu ameta senuy selus",
        "rebue hamus qedam sembet nsu nsa nsom nihna nska nski sebat qolu'u qol'u qolea",
        "gwal guala gualu abuu abuwa abua abuka adeu adea haw hawu hafti hafta",
        "ahwat ahwatu ahwata ahwatey sebeytu sebeyta geza gezu geza'a gezaa gezom memhr",
        "memhrti gnzeb gnzebu gnzeba telefon telefonu telefona mekina dukan",
        "bshkleta bshkletu iyu iya iyom eyu eya ilu ilom ilatni iluni ybl tbl yblu ybla",
        "ayfeltn ydli tdli yneber tneber yneberu tneberu metsie metsiu metsiom zmetse",
        "ymetsi tmetsi ywesd twesd wesidu wesida yiwesdula yhrm yhrma yhrmo hrmu ktbeki",
        "tbeki ybeki rekibeya rekibeyo rekibu smu smom mbl'i mbli dekiyu dekiya hmam",
        "ygerfa ygerfo ayatwn ayat adeu kouchi nyanyan",
        # Somali verbs and phrases met inside Dutch or English notes
        "baqayaa baqaysaa ka waan wuu way ayaan doonayaa rabaa rabtaa tagto tago",
        "amaah amaahda amaahyo celis wiilasheeda wiilashiisa gabdhaheeda",
    )
)

_TR_VOWELS = frozenset("aeıioöuü")
_TR_HARD = {"b": "p", "c": "ç", "d": "t", "ğ": "k"}
_TR_SUFFIXES = tuple(
    _split(
        "'nın 'nin 'nun 'nün 'ın 'in 'un 'ün 'ya 'ye 'yı 'yi 'yu 'yü 'yla 'yle 'la 'le",
        "'da 'de 'ta 'te 'dan 'den 'tan 'ten 'a 'e 'ı 'i 'u 'ü nın nin nun nün yla yle ya",
        "ye yı yi yu yü dan den tan ten da de ta te ın in un ün la le ların lerin lar ler",
        "cığım ciğim cım cim ım im um üm ı ü",
    )
)
_SHORT_NAME_CASES = frozenset({"ю", "у", "і", "ї", "ею", "єю", "ою"})
_SLAVIC_SUFFIXES = tuple(
    _split(
        "owi iem em ą ę ie y i u a om ach ою ею єю ові еві ом ем ої ей ой у ю і ї и а я",
    )
)


def turkish_case(low: str) -> bool:
    """The word ends in a Turkish case ending after an apostrophe ("lale'ye"), which only
    a proper noun takes: the word is Turkish even where the text around it is not. Not
    a lone vowel: "abo'a" is Tigrinya typed in Latin letters."""
    head, found, tail = low.partition("'")
    return bool(found and head) and len(tail) > 1 and "'" + tail in _TR_SUFFIXES


def guess_langs(words: list[str], lex: Lexicon) -> tuple[str, ...]:
    """Languages whose frequent words the text uses, plus English; Somali and Tigrinya
    are guessed from their own short lists."""
    counts: dict[str, int] = {}
    for lang, common in lex.function.items():
        counts[lang] = sum(1 for w in words if w in common)
    counts["so"] = sum(1 for w in words if w in _SOMALI or _SOMALI_ENDING.search(w))
    best = max(counts.values(), default=0)
    langs = [lang for lang, n in counts.items() if n and n * 2 >= best]
    if "en" not in langs:
        langs.append("en")
    return tuple(langs)


# Words that say a name is not known, after a name cue: "اسمش را نمیدانم", "ስማ
# ኣይፈልጦን", "ma ogi magaca qoyska", "بدون اسم عائلة".
_NAME_UNKNOWN = frozenset(
    _split(
        "نمیدانم نمیدونم نمیدانیم نمیدونیم نگفت نگفته نگفتن ندارم نداره ندارد معلوم",
        "بعرف بعرفش ماعرف ماعرفتش مش مو معروف بدون عائلة العائلة",
        "ኣይፈልጦን ኣይፈለጥኩን ኣይፈልጣን ኣይነገረትን ክትነግረኒ ኣይደለየትን ኣይነገረትንን",
        "qoyska qoyskeeda qoyskiisa wali weli ogi ogiin aqaan aqaano",
        "العيلة عيلة عيلتها عيلته العايلة عايلة እኳ ኣይነገረትናን ኣይነገረትን ኣይነገሩናን",
    )
)


# Persian in Latin letters puts "his, her" (-esh, -ash), "my" (-am), "your" (-et), the
# plural (-ha) and the ezafe (-e, -ye) on its words: "madaresh", "kelas-e zaban". The
# forms are made once, so a word is one lookup and not one test per ending.
_FINGLISH_ENDINGS = ("-ye", "-e", "hasho", "hash", "esh", "ash", "ham", "am", "et", "ha", "sh")
_SPOKEN_WITH_ENDINGS = frozenset(
    stem + joint + ending
    for stem in _SPOKEN
    for ending in _FINGLISH_ENDINGS
    for joint in (("",) if ending.startswith("-") else ("", "-"))
    if len(stem + joint) > 2
)


def spoken_word(word: str) -> bool:
    """A frequent word of a language without a frequency list (Somali, Tigrinya, Darija
    and others in Latin letters), also Finglish with its endings, or one that says a name
    is not known; the longer lists of such words are in typed_words.txt."""
    return (
        word in _SOMALI
        or word in _TIGRINYA
        or (word.startswith("በል") and len(word) >= 3)  # "say": "ሰላም ምስ በልኩዎም", "በለት"
        or word in _SPOKEN
        or word in _NAME_UNKNOWN
        or word in _SPOKEN_WITH_ENDINGS
        or word in typed_words()
    )


def listed_spoken(word: str) -> bool:
    """Only on the longer lists of spoken words (typed_words.txt), not among the most
    frequent nor a word that says a name is not known."""
    return word in typed_words() and not (
        word in _SOMALI or word in _TIGRINYA or word in _SPOKEN or word in _NAME_UNKNOWN
    )


# Somali pronouns written together ("wuu iga ooyay": he cried to me), which are names in
# other languages (the Polish Iga): function words only in a Somali note.
_SOMALI_PRONOUNS = frozenset(
    _split("iga igu ii kaa kuu noo nooga noogu naga nagu idiin idinka iiga iigu kaaga kuugu")
)


def _function_word(word: str, lex: Lexicon, langs: tuple[str, ...]) -> bool:
    if word in STOP or spoken_word(word):
        return True
    if word in UNCASED_KIN or word in KIN or word in COLOURS:
        return True  # "ሓዋ" her brother, "walaalo" siblings, "white": never the name itself
    if "so" in langs and word in _SOMALI_PRONOUNS:
        return True
    return any(word in lex.function.get(lang, ()) for lang in langs)


def part_of_name(word: str) -> bool:
    """A word in Arabic script beside a title that belongs to the name ("بی بی گل"): a
    name of the lexicon, also one that is a word, but no function word, kin or thing."""
    lex = lexicon()
    return (
        _bucket(lex, word) <= 5
        and lex.zipf(word) < 6.0
        and not _function_word(word, lex, ("fa", "ar"))
        and not not_person(word)
    )


def ethiopic(word: str) -> bool:
    """Written in Ge'ez (Tigrinya, Amharic): a script without case."""
    return "\u1200" <= word[:1] <= "\u139f"


def not_person(word: str) -> bool:
    """Countries, languages, regions, weekdays and months in every form, brands, shops,
    apps and organisations; also declined ("do Lidla i Kruidvatu", "na Telegramie")."""
    lex = lexicon()

    def listed(form: str) -> bool:
        if form in NAMES_NOT_PLACES:
            return False  # "sena'ya": to Sena
        return form in NOT_PERSON or form in lex.not_person or is_named_thing(form)

    if listed(word) or is_place(word):
        return True
    # a common name is not a declined month or shop: "julia" is no form of "juli"
    if lex.name_bucket(word) <= 3:
        return False
    if word.endswith("i") and lex.name_bucket(word[:-1] + "ia") <= 3:
        return False  # "siostry Zosi" is Zosia's, not a form of some "zosa"
    if word.endswith(("ę", "ą")) and lex.name_bucket(word[:-1] + "a") <= 3:
        return False  # "Kingę" is Kinga, not a form of "king"
    stems = _stems(word)
    if any(stem in NAMES_NOT_PLACES for stem in stems):
        return False  # "з донькою Мартою" is Marta's, not a form of "март" (March)
    if any(listed(stem) for stem in stems):
        return True
    if any(is_place(stem) for stem in _place_stems(word)):  # "z Wałbrzycha", "w Krakowie"
        return True
    if "\u0400" <= word[:1] <= "\u04ff" and len(word) >= 7:
        # a Dutch place spelt in Cyrillic, also declined: "в Овервехті", "у Бовенкарспелі"
        stems = [word, *_place_stems(word)]
        if any(is_place(latin) for stem in stems for latin in _dutch_spellings(stem)):
            return True
    # "w Kruidvacie", "w Primerze", "w Biedronce", "w Pradze"
    if any(listed(stem) or is_place(stem) for stem in _softened_stems(word)):
        return True
    return word in _unaccented_not_person()  # typed without accents: "marroqui", "holandes"


def _build_unaccented() -> frozenset[str]:
    """The accented words of the not-a-person lists, without their accents (a form that
    is a common given name stays out: it is judged as a name)."""
    lex = lexicon()
    out = set()
    for word in NOT_PERSON | lex.not_person | places()[0] | named_things()[0]:
        plain = unaccented(word)
        if plain != word and plain.isascii() and lex.name_bucket(plain) > 3:
            out.add(plain)
    return frozenset(out)


_unaccented_not_person = LoadedOnce(_build_unaccented)


def _build_typed_words() -> frozenset[str]:
    """typed_words.txt: ordinary words of languages that no frequency list has as they
    are typed in Latin letters, so that "cusub" (new) or "gardanesh" (her neck) is not
    taken for a name the classifier has not seen. Names are left out of it."""
    return frozenset(data_lines("typed_words.txt"))


typed_words = LoadedOnce(_build_typed_words)


_CYRILLIC_TO_DUTCH = str.maketrans(
    {
        "а": "a", "б": "b", "в": "v", "д": "d", "е": "e", "є": "je", "ж": "zj", "з": "z",
        "и": "i", "і": "i", "ї": "ji", "й": "j", "к": "k", "л": "l", "м": "m", "н": "n",
        "о": "o", "п": "p", "р": "r", "с": "s", "т": "t", "ф": "f", "ц": "ts", "ч": "tsj",
        "ш": "sj", "ь": "", "ю": "ju", "я": "ja", "'": "", "’": "",
    }
)  # fmt: skip
_CYRILLIC_DUTCH_SOUNDS = {"г": ("g", "h"), "х": ("ch", "g", "h"), "у": ("u", "oe", "ou")}


@lru_cache(maxsize=4096)
def _dutch_spellings(word: str) -> frozenset[str]:
    """How a Dutch name written in Cyrillic may be spelt in Dutch: "овервехт" is
    "overvecht", "гауда" "gouda" ("г" and "х" are g, ch or h; "у" u or oe)."""
    spellings = {""}
    for ch in word:
        options = _CYRILLIC_DUTCH_SOUNDS.get(ch) or (ch.translate(_CYRILLIC_TO_DUTCH),)
        spellings = {s + o for s in spellings for o in options}
        if len(spellings) > 64:
            return frozenset()
    return frozenset(spellings)


def _place_stems(word: str) -> list[str]:
    """A declined Polish or Ukrainian place: "krakowie", "wałbrzycha", "харкова". A plain
    "-a" counts only with a Polish letter or in Cyrillic: "Parwana" and "Parisa" are
    names, not Parwan and Paris."""
    stems = [
        word[: -len(end)]
        for end in _PLACE_ENDINGS
        if word.endswith(end) and (end != "se" or len(word) >= 8)  # "tyrese" is no Tyre's
    ]
    slavic = "\u0400" <= word[:1] <= "\u04ff" or any(ch in "łąęśćżźńó" for ch in word)
    if slavic and word.endswith(("a", "а", "у")):
        stems.append(word[:-1])
    if word.endswith("и") and "\u0400" <= word[:1] <= "\u04ff":
        stems.append(word[:-1] + "а")  # the genitive: "з Гауди" (from Gouda)
    if word.endswith(("ą", "ę")):
        stems.append(word[:-1] + "a")  # "pod Bredą", "na Florydę"
    if word.endswith("ia") and len(word) >= 7:
        stems.append(word[:-1] + "e")  # "z Podkarpacia", "z Podlasia"
    return [stem for stem in stems if len(stem) >= 3]


# The Polish locative softens the last consonant of the word it declines.
_SOFTENED = (
    ("cie", ("t",)),
    ("dzie", ("d", "da")),
    ("rze", ("r", "ra")),
    ("ce", ("ka",)),
    ("dze", ("ga",)),
)


def _softened_stems(word: str) -> list[str]:
    """A shop, a brand or a place in the Polish locative: "kruidvacie" (Kruidvat),
    "primerze" (Primera), "biedronce" (Biedronka), "pradze" (Praga)."""
    return [
        word[: -len(end)] + base
        for end, bases in _SOFTENED
        if word.endswith(end) and len(word) - len(end) >= 3
        for base in bases
    ]


# Also the Polish locative in "-u" ("w Valkenburgu") and the Dutch adjective in "-se"
# ("de Beverwijkse bazaar", "Rotterdamse").
_PLACE_ENDINGS = ("iem", "em", "ie", "ach", "owi", "ą", "ę", "і", "ом", "ем", "u", "se")


_POLISH_SOFT = {"si": "ś", "zi": "ź", "ci": "ć", "ni": "ń"}


@lru_cache(maxsize=1 << 15)  # the same words come back note after note
def _stems(word: str) -> tuple[str, ...]:
    out = []
    for suffixes in (_TR_SUFFIXES, _SLAVIC_SUFFIXES):
        for suffix in suffixes:
            # two letters for a short Cyrillic name in "-я" or "-а": "юлю" (Юля), "олю" (Оля)
            shortest = 2 if suffix in _SHORT_NAME_CASES and "\u0400" <= word[:1] <= "\u04ff" else 3
            if word.endswith(suffix) and len(word) - len(suffix) >= shortest:
                stem = word[: -len(suffix)].rstrip("'")
                out.append(stem)
                if suffixes is _TR_SUFFIXES and suffix[0] in _TR_VOWELS and len(suffix) > 1:
                    # a Turkish name's last consonant softens before a vowel: "zeynebin"
                    # (Zeynep), "mehmedin" (Mehmet); not before "-ı" alone, mostly "its":
                    # "yanığı" (its burn, not Yanık)
                    out.append(stem[:-1] + _TR_HARD.get(stem[-1], stem[-1]))
                if stem[-1:] in "kcł" and len(stem) >= 3 and stem[-2] not in "aeiouy":
                    out.append(stem[:-1] + "e" + stem[-1])  # "tomk" -> "tomek", "pawł" -> "paweł"
                    out.append(stem[:-1] + "ie" + stem[-1])  # "grzesk" -> "grzesiek"
                # "anną" -> "anna", "оленою" -> "олена", "наталію" -> "наталія"
                if "\u0400" <= stem[:1] <= "\u04ff":
                    out += [stem + "а", stem + "я"]
                    if stem.endswith("енк"):
                        out.append(stem + "о")  # "коваленком" -> "коваленко"
                    if stem.endswith("ц") and suffix == "і":
                        out.append(stem[:-1] + "ка")  # "наталці" -> "наталка"
                    if stem.endswith("і") and suffix in ("я", "ю"):
                        out.append(stem + "й")  # "сергія" -> "сергій", "андрію" -> "андрій"
                elif suffixes is _SLAVIC_SUFFIXES:
                    out.append(stem + "a")
                    if suffix == "i":
                        out.append(stem + "ia")  # "zosi" -> "zosia", "kasi" -> "kasia"
                    if stem[-2:] in _POLISH_SOFT:  # "kubusia", "jasiem" -> "kubuś", "jaś"
                        out.append(stem[:-2] + _POLISH_SOFT[stem[-2:]])
    return tuple(out)


_CIRCUMFLEX = str.maketrans("âîû", "aiu")
# and the Pashto letters for Farsi ones: "گلالۍ" is Gulalai
_ARABIC_VARIANTS = str.maketrans("یکىۀةۍېګښ", "يكيههييگش")
# Ukrainian and Russian patronymics in every case: "петрович", "іванівна", "олегівни".
# And Ukrainian family names in "-енко", of one person or of a family: "ткаченків".
_PATRONYMIC = re.compile(
    r"\w{3,}(?:ович|евич|йович|івна|ївна|овна|евна)(?:а|у|ем|ові|і|и|ою|ої)?$"
    r"|\w{2,}енк(?:о|а|у|ові|ів|ом|ам|ами|ах)$"
)


# Ukrainian spellings of names ranked in Russian ("вікторія", "андрій").
_UKRAINIAN_TO_RUSSIAN = str.maketrans("іїєґ", "ииег")
# Ge'ez has rows that sound alike, and people spell a name with either: "ኣወት" and "ዓወት",
# "ሃይለ" and "ሓይለ", "ጸጋ" and "ፀጋ". The first letter of each such row, by sound.
_GEEZ_ALIKE = ((0x12A0, 0x12D0), (0x1200, 0x1210, 0x1280), (0x1230, 0x1220), (0x1338, 0x1340))


def _geez_spellings(word: str) -> set[str]:
    """A Ge'ez word with the letters of each row that sounds alike written in the other
    rows of its sound, one row at a time."""
    spellings = {word}
    for rows in _GEEZ_ALIKE:
        for row in rows:
            if not any(row <= ord(ch) < row + 8 for ch in word):
                continue
            for other in rows:
                if other != row:
                    swap = {code: code - row + other for code in range(row, row + 8)}
                    spellings.add(word.translate(swap))
    return spellings


# Ukrainian given names and their everyday short forms (community_names.txt), without
# those that are also ordinary words (faith, hope, love, novel): the names data set has
# no Ukraine, and ranks Ukrainian spellings only where they happen to match Russian ones.
_UKRAINIAN_ALWAYS = UKRAINIAN_NAMES - UKRAINIAN_NAME_WORDS
# Names that are also words, but in a note about a family far more often the name:
# removed in any case, anywhere ("deniz came by", "نرگس دختر همسایه"). Privacy before
# readability: "the sea" or "consent" is rarely what a note is about; a season, a
# weekday or a feeling ("بهار" spring, "امید" hope, "أمل") is, and stays out of this list.
ALWAYS_NAMES = frozenset(
    _split(
        "deniz umut emre burak esperanza lucía sami hakim",
        "نرگس رضا شیرین",
    )
)


# ... except where the next word shows the ordinary word: "deniz kenarında" (by the sea).
_AS_WORD_BEFORE = {
    "deniz": ("kenar", "kıyı", "suyu", "tatil", "manzara", "hava", "ürün", "yol"),
    "umut": ("var", "yok", "ver", "et", "ed", "kes"),  # "umut ediyorum": I hope
    "gül": ("gibi",),  # "gül gibi kız": a girl like a rose
    "nur": ("içinde",),  # "nur içinde yatsın": may he rest in light
    "віра": ("в", "є", "що"),  # "віра в краще": faith in better days
    "надії": ("на",),  # "надії на зміни": hope for change
    "надія": ("на", "є", "що", "помирає"),  # "надія є": there is hope
    "wiara": ("w", "każe", "kaze"),  # "wiara w rodzinę": faith in the family
    "nadzieja": ("że", "ze", "na", "jest", "umiera"),  # "nadzieja że wróci": hope that
    "esperanza": ("que", "q", "en"),  # "la esperanza de que", "esperanza en dios"
    "dolores": ("en", "fuertes", "muy"),  # "dolores en el pecho": pains, not Dolores
    "hayat": ("zor", "çok", "pahalı", "bitti"),  # "hayat zor": life is hard
    "بهار": ("تا", "امسال", "پارسال", "گذشته", "آینده"),  # "از بهار تا حالا": since spring
    "nabad": ("ma", "ku", "kuma", "bay", "ayay"),  # "nabad ma leh": has no peace
    "любов": ("все", "до"),  # "любов все перетерпить": love endures all
    "منتظر": ("بود", "است", "هست", "ماند"),  # "منتظر بود": was waiting
    # a greeting: "selam zus", "selam sister", "zei alleen selam tegen mij"
    "selam": ("zus", "sister", "sis", "abla", "kardeş", "tegen", "to", "aleyk", "alaik", "alayk"),
    "ተስፋ": ("ቆሪጻ", "ቆሪጹ", "ቆሪጾም", "ቆሪጽና", "ኣሎኒ", "የብለይን", "ኣይቆረጸትን"),  # lost hope
    "امید": ("دارم", "داریم", "دارد", "داره", "وار"),  # I hope
    # the morning of a day: "صباح يوم الاثنين", "صباح الثلاثاء", not Sabah
    "صباح": ("يوم", "ال", "اليوم", "امس", "أمس", "بكرة", "غد", "كل"),
    "ሓዳስ": ("ኣደ", "ገዛ", "ዓመት", "ስራሕ", "ቤት", "መኪና"),  # a new mother, not Hadas
    # the feasts, also men's names after a kinship word: "babası ramazan", not "annesi
    # ramazan boyunca oruç tuttu" (her mother fasted through Ramadan)
    "ramazan": ("boyunca", "ay", "bayram", "için", "gel", "başla", "bit", "sofra", "orucu"),
    "bayram": ("için", "gel", "namaz", "boyunca", "tatil", "harçlı", "ziyaret", "sabah"),
}


def used_as_word(word: str, following: str) -> bool:
    """A name that the next word shows to be the ordinary word: "deniz kenarında" (the
    seaside), "ተስፋ ቆሪጻ" (she lost hope), "امید دارم" (I hope)."""
    return following.startswith(_AS_WORD_BEFORE.get(word, ("\0",)))


def _always_name(word: str, langs: tuple[str, ...]) -> bool:
    """A name whatever the frequency lists say, also declined ("тетяну", "богдана",
    Polish "krysi", "zosią" in a Polish note)."""
    if word in ALWAYS_NAMES or word in _UKRAINIAN_ALWAYS:
        return True
    if "\u0400" <= word[:1] <= "\u04ff":
        return any(stem in _UKRAINIAN_ALWAYS for stem in _stems(word))
    if "pl" in langs:
        # "ani" is "nor" before it is Ania's genitive (names.py reads "u ani": at Ania's)
        return polish_name_form(word) and (
            word in POLISH_NAMES or lexicon().zipf(word, ("pl",)) < 5.0
        )
    return False


def polish_name_form(word: str) -> bool:
    """A Polish given name or one of its declined forms ("krysi", "zosią", "tomkiem")."""
    if word in POLISH_NAMES:
        return True
    if word.endswith(("ach", "ami")):
        return False  # a plural: "na andrzejkach" (at St Andrew's Eve), not Andrzejek
    if (
        word.endswith("e")
        and not word.endswith("ie")  # a place's locative: "w busie", "w lesie"
        and not lexicon().zipf(word)
        and known_name(word[:-1] + "a")
    ):
        return True  # "-ę" typed plain, in no word list: "spotkalam ewelinke"
    return any(stem in POLISH_NAMES for stem in _polish_stems(word))


def _polish_stems(word: str) -> list[str]:
    """Base forms of a declined Polish given name: "krysi" -> "krysia", "zosią" ->
    "zosia", "tomkiem" -> "tomek", "pawła" -> "paweł", "ewą" -> "ewa", and the dative
    with its changed consonant: "agacie" -> "agata", "wandzie" -> "wanda"."""
    out = list(_stems(word))
    for ending, base in (("i", "ia"), ("ą", "a"), ("ę", "a"), ("u", "a"), ("ą", "ia")):
        if word.endswith(ending) and len(word) > 2:
            out.append(word[: -len(ending)] + base)
    for ending, base in _POLISH_DATIVE:
        if word.endswith(ending) and len(word) > len(ending) + 1:
            out.append(word[: -len(ending)] + base)
    # the diminutive in "-ka", declined: "ewelinki", "agatce", "justynkę" -> "ewelina",
    # "agata", "justyna"; not a word of its own ("polki": Polish women, not Pola's)
    for ending in ("ka", "ki", "kę", "ką", "ce", "kom"):
        if word.endswith(ending) and len(word) > len(ending) + 3 and lexicon().zipf(word) < 2.5:
            out.append(word[: -len(ending)] + "a")
    return out


_POLISH_DATIVE = (
    *(("cie", "ta"), ("dzie", "da"), ("rze", "ra"), ("ce", "ka"), ("dze", "ga")),
    *((c + "ie", c + "a") for c in "bfmnpswz"),
    ("le", "la"),
)


def _build_listed_names() -> frozenset[str]:
    """Names of the hand-written lists, ranked as common names whatever the data set says:
    Ukrainian and Tigrinya (also typed in Latin letters, but not where that spelling is a
    common word of any language, a typed word, a place or a thing: "mark", "kira",
    "toma", "selam"), Somali, and names in scripts without case."""
    lex = lexicon()
    latin = (
        name
        for name in ukrainian_names_in_latin() | tigrinya_names_in_latin()
        if lex.zipf(name) < 3.0
        and not spoken_word(name)
        and not is_place(name)
        and not is_named_thing(name)
    )
    return UKRAINIAN_NAMES | SOMALI_NAMES | UNCASED_NAMES | frozenset(latin)


_listed_names = LoadedOnce(_build_listed_names)


def _bucket(lex: Lexicon, word: str, *, spell_alike: bool = True) -> int:
    """Rank bucket, trying the Arabic and Persian spellings of yeh and kaf as well, the
    Russian spelling of a Ukrainian name and the other spellings of a Ge'ez one (also
    the Amharic "አ" for the Tigrinya "ኣ")."""
    bucket = lex.name_bucket(word)
    if word in _listed_names():
        bucket = min(bucket, 2)
    elif word in NAME_WORDS:
        bucket = min(bucket, 3)  # a name that is also a word: a name where names stand
    first = word[:1]
    if "\u0400" <= first <= "\u04ff":
        # also when the Ukrainian spelling is a rarer name: "лєна" is Лена
        russian = word.translate(_UKRAINIAN_TO_RUSSIAN)
        variants = {russian, russian.replace("ий", "ей")} if russian != word else set()
        return min([bucket, *(lex.name_bucket(v) for v in variants)])
    if bucket <= 6:
        return bucket
    if not word.isascii() and word != word.translate(_CIRCUMFLEX):
        return _bucket(lex, word.translate(_CIRCUMFLEX))  # "kâmuran" is "kamuran"
    if "\u0600" <= first <= "\u06ff":
        folded = word.translate(_ARABIC_VARIANTS)
        persian = folded.replace("ي", "ی").replace("ك", "ک")
        bucket = min(lex.name_bucket(folded), lex.name_bucket(persian))
    elif ethiopic(first) and spell_alike:
        others = _geez_spellings(word) - {word}
        bucket = min([bucket, *(_bucket(lex, other, spell_alike=False) for other in others)])
    return bucket


def too_short(word: str) -> bool:
    """Too short to judge as a name: under three letters, but in Ge'ez, where a letter is
    a syllable, under two ("ሚኪ", "ሚሚ" are names)."""
    return len(word) < (2 if ethiopic(word) else 3)


def is_name(
    word: str,
    langs: tuple[str, ...],
    *,
    capital: bool = False,
    cased: bool = True,
    context: bool = False,
) -> bool:
    """A casefolded word standing without a cue: is it a name? `capital` when written
    with a capital at the start of a sentence; `cased` is False in Arabic and Ethiopic;
    `context` when it stands where names stand (next to a name, after "sprak met")."""
    lex = lexicon()
    if too_short(word) or _function_word(word, lex, langs) or not_person(word):
        return False
    if _PATRONYMIC.search(word) or _always_name(word, langs):
        return True  # "петрович", "іванівна", "олегівни": only ever part of a name
    bucket = _bucket(lex, word)
    # Somali has no frequency list: "cali" is a Spanish word, not a Somali one
    zipf = lex.zipf(word, langs) if "so" in langs else lex.zipf(word)
    in_geez = ethiopic(word)
    if bucket < len(_LOWER):
        if zipf == 0 and ("so" in langs or in_geez):
            # Somali and Tigrinya have no frequency list: only the more common names
            return context or bucket <= (3 if capital else 2)
        table = _CAPITAL if capital or context else _UNCASED if not cased else _LOWER
        if "\u0400" <= word[0] <= "\u04ff":
            table = tuple(max(pair) for pair in zip(table, _CYRILLIC, strict=True))
        return zipf < table[bucket]
    cyrillic = "\u0400" <= word[0] <= "\u04ff"
    # Cyrillic names are declined and their forms counted apart ("миколи", "ярину")
    if (
        cased
        and zipf
        < (
            5.0
            if cyrillic and capital
            else 4.0
            if cyrillic or "pl" in langs
            else 3.5
            if context
            else 2.5
        )
        and ("so" not in langs)
    ):
        limit = 2 if word.isascii() else 4  # Cyrillic and Turkish names are ranked sparsely
        stems = _stems(word)
        # "przy bramie" (at the gate) is a form of "brama", not of the name "Bram"
        of_a_word = (
            "pl" in langs
            and not cyrillic
            and any(lex.zipf(stem, langs) >= 3.8 and lex.name_bucket(stem) >= 2 for stem in stems)
        )
        if not of_a_word and any(
            _bucket(lex, stem) <= limit and not _function_word(stem, lex, langs) for stem in stems
        ):
            return True
    return _shape_name(word, lex, langs, context=context)


def _shape_name(word: str, lex: Lexicon, langs: tuple[str, ...], *, context: bool) -> bool:
    """A word unknown to the lexicon (neither a name nor a word of any frequency list)
    that looks like a name to the classifier; stems of inflected words must be unknown
    too ("tomkiem" is judged by "tomek", "gitmiyor" is no name)."""
    if lex.known(word) or any(lex.known(stem) for stem in _stems(word) if len(stem) >= 4):
        return False
    if len(word) >= 7 and word.endswith(("sı", "si", "su", "sü")) and lex.known(word[:-2]):
        return False  # a Turkish word with "its": "vardiyası" (her shift), not a name
    if any(lex.known(part) for part in re.split(r"[-']", word)):
        return False  # "e-mail", "brother-in-law"
    if "so" in langs or ethiopic(word):
        limit = _SHAPE_ALONE if context else 2.0  # words the classifier has hardly seen
    else:
        limit = _SHAPE_CONTEXT if context else _SHAPE_ALONE
    return namemodel.probability(word) >= limit


def slot_name(word: str, langs: tuple[str, ...]) -> bool:
    """In a name slot ("spoke with ..."): a name of the lexicon unless it is one of the
    most frequent words, or a word the lexicon does not know that is shaped like a name."""
    lex = lexicon()
    if too_short(word) or _function_word(word, lex, langs) or not_person(word):
        return False
    bucket = _bucket(lex, word)
    if bucket <= 6:
        # a rare name that is a frequent word of the note's language is that word:
        # "Ayer le dijo" (yesterday he told her), not a man called Ayer
        return lex.zipf(word) < 5.5 and not (bucket >= 5 and lex.zipf(word, langs) >= 5.0)
    if lex.zipf(word) < 4.2 and any(_bucket(lex, stem) <= 3 for stem in _stems(word)):
        return True  # "з вікторією", "бачила марію" (a rarer word too), not "z panią"
    if lex.known(word):
        return False
    # Somali words are hardly known to the classifier: in a slot only a sure shape
    limit = _SHAPE_ALONE if "so" in langs else _SHAPE_SLOT
    return namemodel.probability(word) >= limit


def name_stems(word: str) -> list[str]:
    """The base forms of a declined name that the lexicon knows as names ("pawłem" ->
    "paweł", "олену" -> "олена")."""
    return [stem for stem in _stems(word) if known_name(stem)]


def family_name(word: str) -> bool:
    """After "van den", "el": a name of the lexicon that is not a common word."""
    lex = lexicon()
    return _bucket(lex, word) <= _RARE_NAME and lex.zipf(word) < 4.2 and not not_person(word)


def after_title(word: str, langs: tuple[str, ...]) -> bool:
    """After a title ("pani sikorowa", "mrs o'neill"): a word that is hardly a word of any
    language the lexicon knows is the family name the title goes with."""
    lex = lexicon()
    if too_short(word) or _function_word(word, lex, langs) or not_person(word):
        return False
    return lex.zipf(word) < 2.0 and all(lex.zipf(part) < 2.0 for part in _stems(word))


def after_ethiopic_kin(word: str) -> bool:
    """After a Tigrinya kinship word: a name of the lexicon, or a word the classifier
    takes for a name, never a function word or a verb in the third person ("ይ...")."""
    if len(word) < 2 or word in _TIGRINYA or word.startswith("ይ"):
        return False
    return known_name(word) or namemodel.probability(word) >= _ETHIOPIC_AFTER_KIN


def pair_name(word: str, langs: tuple[str, ...]) -> bool:
    """One of two names side by side: a common name of the lexicon (among the 1000 most
    common of a country) that is not a function word, a place or a thing."""
    lex = lexicon()
    if _function_word(word, lex, langs) or not_person(word):
        return False
    return _bucket(lex, word) <= 2 and lex.zipf(word) < 5.8


def before_name(word: str, langs: tuple[str, ...]) -> bool:
    """Right before a name ("hibaaq cali"): a word the lexicon does not know that the
    classifier is quite sure of, in every language (Somali chains too)."""
    lex = lexicon()
    if too_short(word) or _function_word(word, lex, langs) or not_person(word):
        return False
    return _shape_name(word, lex, (), context=False)


def known_name(word: str, *, common: bool = False) -> bool:
    """The lexicon knows the word as a name (of any rank kept; `common`: among the 1000
    most common of a country)."""
    return _bucket(lexicon(), word) <= (3 if common else _RARE_NAME)


def proper_noun(word: str) -> bool:
    """A capitalised word with an apostrophe suffix ("Nilüfer'in") is a proper noun in
    Turkish: a name if the lexicon knows it as one."""
    return _bucket(lexicon(), word) <= 6 and not not_person(word)


def doubtful_name(word: str, langs: tuple[str, ...]) -> bool:
    """Kept, but perhaps a name: one of the names that are also words, or a common name
    of the lexicon that is not a common word of the text's languages."""
    lex = lexicon()
    if _function_word(word, lex, langs) or not_person(word):
        return False
    if word in NAME_WORDS or word in ALWAYS_NAMES:
        return True
    return _bucket(lex, word) <= 2 and lex.zipf(word, (*langs, "en", "nl")) < 4.5


def name_over_word(word: str, langs: tuple[str, ...]) -> bool:
    """After "his name is", a word that is a name more than a frequent word: "sky", not
    "given" ("no surname given") nor "haar"."""
    lex = lexicon()
    return lex.name_bucket(word) <= 4 and lex.zipf(word, langs) < 5.0


def kin_name(word: str, langs: tuple[str, ...]) -> bool:
    """Right after a kinship word: a common name of the lexicon (among the 1000 most
    common of a country) or a name that is also a word, unless it is one of the most
    common words of the text's languages ("her son will", "haar man kan")."""
    lex = lexicon()
    if too_short(word) or _function_word(word, lex, langs) or not_person(word):
        return False
    if word in NAME_WORDS:
        return True
    bucket = _bucket(lex, word)
    if bucket <= 2:
        return lex.zipf(word) < 5.5
    return bucket == 3 and lex.zipf(word) < 4.0  # "mi padre bebe" drinks, not Bebe


def very_common(word: str, langs: tuple[str, ...]) -> bool:
    """One of the most common words of the text's languages ("سر" head, "داد" gave), not
    a listed name: no name even next to a kinship word."""
    return lexicon().zipf(word, langs) >= 5.5 and word not in UNCASED_NAMES


def rare_word(word: str, langs: tuple[str, ...]) -> bool:
    """Hardly a word of the text's languages (a listed Somali name may be taken)."""
    return lexicon().zipf(word, langs) < 3.5


def common_word(word: str, langs: tuple[str, ...]) -> bool:
    """A common word of the text's languages and at best a rare name."""
    lex = lexicon()
    bucket = lex.name_bucket(word)
    if bucket == NO_NAME and lex.zipf(word, ("nl", "en")) >= 3.0:
        return True  # a Dutch word nobody is called, in any note: "Toeslagen", "Bazaar"
    return bucket >= _RARE_NAME and lex.zipf(word) >= COMMON_WORD


def ordinary(word: str, langs: tuple[str, ...]) -> bool:
    """A common word of the text's languages that is not a name here ("no surname
    given"); "meisje heet ilham" is a name although "ilham" is a Turkish word."""
    return lexicon().zipf(word, (*langs, "en", "nl")) >= 4.0 and not is_name(word, langs)
