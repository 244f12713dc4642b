"""Cue words per language. Lower-case (casefolded); apostrophes written as a plain '.

Languages: nl, en, ar, tr, pl, uk, so, ti, fa, es. Multi-word cues are written with spaces.
"""

from __future__ import annotations

import re

from .normalise import unaccented


def alternation(words: tuple[str, ...]) -> str:
    """A regex alternation of cue items, longest first, so "huisnr" wins over "nr"."""
    return "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))


def _words(*chunks: str) -> frozenset[str]:
    return frozenset(w for chunk in chunks for w in chunk.split())


def _items(*chunks: str) -> tuple[str, ...]:
    """Items separated by "|" (an item may hold spaces: "date of birth")."""
    return tuple(item for chunk in chunks for item in chunk.split("|"))


def _phrases(*chunks: str) -> tuple[tuple[str, ...], ...]:
    return tuple(tuple(item.split()) for item in _items(*chunks))


# The next word is a name whatever its case ("her name is sarah").
NAME_CUES_STRONG = _phrases(
    # nl
    "haar naam is|zijn naam is|de naam is|naam is|genaamd|genoemd|met de naam",
    "voornaam|achternaam|noemt zich|noemen ze|iedereen noemt haar|op naam van|op naam",
    "familienaam|family name",  # "familienaam al-hamwi"
    # "heet" is also "hot", but not after a person: "ik heet jolie", "ze heette sky"
    "ik heet|ze heet|zij heet|hij heet|ik heette|ze heette|zij heette|hij heette",
    # "de pastor noemt hem kobby", but "hij noemt haar dom": a word of the language stays
    "noemt hem|noemt haar|noemde hem|noemde haar|noemden hem|noemden haar",
    # en
    "her name is|his name is|their name is|name is|named|known as|first name",
    "surname|last name|full name|real name|real name is|her real name|his real name",
    "her name as|his name as|their name as|name as",  # "she gave her name as hina"
    "in the name of|on the name of|in name of",  # "a card in the name of d. van houten"
    # tr
    "adı|adi|ismi|isimi|soyadı|adı da|ismi de",
    "adını duydum|adini duydum|adını söyledi|adini soyledi",  # "I heard her name: melek"
    # pl
    "ma na imię|na imię|nazywa się|o imieniu|imieniem|o nazwisku|nazwisko|nazwiskiem",
    # uk
    "звати|її звати|його звати|звуть|на ім'я|на прізвище|прізвище|зветься",
    # so
    "magaceedu|magaciisu|magacoodu|magacayguna|la yiraahdo|la yidhaahdo|la dhaho|la yiraa",
    "la yiraahdaa|la yidhaahdaa|magaceeda waa|magaciisa waa|magaca waa|magaceeda|magaciisa",
    "loo yaqaan|loo yaqaanaa|loogu yeero|lagu naanaysto|naanaystiisa|naanaysteeda",
    # "called him/her": "ugu yeeray dhego-yare"
    "u yeeray|ugu yeeray|u yeertay|ugu yeertay|u yeeraan|ugu yeeraan",
    # es
    "se llama|su nombre es|de nombre|se llamaba|me llamo|apellido|su apellido es",
    "a nombre de",  # "pagó con tarjeta a nombre de LUIS A CARRANZA"
    # ar (script has no case: every name cue behaves as strong)
    "اسمها|اسمه|اسمي|اسم|تدعى|يدعى|المدعوة|المدعو|تسمى|يسمى|تسمي|باسم|اسمها هو|اسمه هو",
    # Darija and Levantine: "her name", "they call her"
    "سميتها|سميتو|سميته|سميتهم|كيسميوها|كيقولو ليها|كيقولو ليه|بيقولولها|بيقولوله",
    # the same in Latin letters ("esma" is left out: also the Turkish name Esma)
    "esmha|esmaha|ismha|ismaha|esmo|esmou|ismo|ismu|smitha|smito|smitou|smiytha",
    # fa
    "اسم او|اسمش|نام او|نامش|به نام|بنام|نام|اسم|اسمم|نامم",
    "اسمش را گفت|اسمش رو گفت|نامش را گفت|اسم خودش را گفت|اسم خودش رو گفت",  # she said
    "فامیلیش|فامیلیشون|فامیلیشان|فامیلش|نام خانوادگی|نام خانوادگیش",  # family name
    # the same in Latin letters ("esmesh fereshteh-e": her name is Fereshteh)
    "esmesh|esmash|esmeshun|esmeshoon|namesh",
    # Sarnami and Hindustani in Latin letters: "beta ka naam soedesh" (the son's name)
    "ka naam|ke naam|ki naam",
    # ti
    "ስማ|ስሙ|ሽማ|ሽሙ|ስማ ድማ|ሽማ ድማ|ስም|ሽም",
)

# What others call a person: the next word is a nickname even when it is an ordinary
# word ("le dicen el gato", "кличуть його Кіт", "którego nazywa „Sebą”").
NICKNAME_CUES = _phrases(
    "noemen hem|noemen haar|ze noemen hem|ze noemen haar|iedereen noemt hem|bijnaam|roepnaam",
    "noemt zichzelf|noemde zichzelf|noemen zichzelf|noemt zich|noemde zich",
    "they call him|they call her|calls himself|calls herself|nickname|alias|goes by|aka",
    "nazywa|nazywają|mówią na niego|mówią na nią|wołają na niego|wołają na nią|ksywa",
    "кличуть його|кличуть її|називають його|називають її|кличуть|прізвисько",
    "називав його|називав її|називала його|називала її|називали його|називали її",
    "кликав її|кликала її|кликали її|кликав його|кликала його|кликали його",
    "le dicen|le llaman|le dicen el|le llaman el|le dicen la|le llaman la|apodo",
    "se hace llamar|se hacía llamar|se hace llamar el|se hace llamar la",
    "lakabı|lakabı da|diye çağırıyorlar",
    "بهش میگن|بهش میگفتن|صداش میکنن|صداش میزنن|لقبش",
    "كيعيطو ليه|كيعيطو ليها|كيعيطو عليه|كيعيطو عليها|كيعيطولو|كيعيطوليه|كيعيطولها",
    "بينادوها|بينادوه|ينادونها|ينادونه|بيناديها|بيناديه|بينادولها|بينادوله",
)

# The next word is a name only if capitalised (scripts with case): "heet" is also "hot",
# "called" is also "phoned", "llamada" is also "a call".
NAME_CUES_WEAK = _phrases(
    "heet|heette|naam|called|name|imię|ім'я|llamada|llamado|nombre|magaca",
)

# A name comes *before* these: "Ayşe adında bir kadın", "ሳራ ትበሃል", "مریم نام دارد".
NAME_CUES_BEFORE = _phrases(
    "adında|adlı|isimli|isminde|adındaki|ትበሃል|ይበሃል|ትብሃል|ይብሃል|ዝተባህለት|ዝተባህለ|ዝበሃል|እትበሃል|ዝብሃል",
    "ኢሎም ዝጽውዕዋ|ኢሎም ዝጽውዕዎ|ኢሎም ይጽውዕዋ|ኢሎም ይጽውዕዎ|ይብልዋ|ይብልዎ|ዝብልዋ|ዝብልዎ",
    "እየ ስመይ|እዩ ስሙ|እያ ስማ|እዩ ሽሙ|እያ ሽማ",  # "ሚና እየ ስመይ": Mina is my name
    "نام دارد|نام داره|اسم دارد",
    # "sky heet ze": Dutch puts the name first as often as after ("ze heet sky")
    "heet ze|heet hij|heette ze|heette hij",
    "noemt|noemde|noemen|noemden",  # "een man die zich Rico noemt", "die ze Boy noemen"
)

# Titles before a name: "mevrouw Jansen", "Mr. Smith", "meneer de Vries", "السيدة فاطمة".
# "Mother of", "father of" in Latin letters: titles too, but "um" is also a word of other
# languages ("tinha um hematoma"), so no rare word after them is taken for a name.
KUNYA_LATIN = _words("um umm oum abu")
TITLES = KUNYA_LATIN | _words(
    "mevrouw mevr mw mevrouwtje meneer mnr dhr heer juffrouw juf meester dokter",
    "mr mrs ms miss mister dr sir madam auntie aunty deacon",
    "señor señora sr sra srta don doña",
    "pan pani panna państwo",
    "пан пані панна",
    "bay bayan",
    "mbah mbak pak ibu bapak xaaji xaajiyo",
    "marwo mudane aabbe",
    "misi masra",  # Sranan: Mrs, Mr
    "lalla sidi",  # Darija: Mrs, Mr ("lalla Fadma")
    "السيد السيدة الأستاذ الأستاذة الاستاذ الاستاذة الحاج الحاجة",
    "آقای خانم",
    "ወይዘሮ ኣቶ ወይዘሪት ወ/ሮ ወ/ት ወ/ሪት ዲያቆን ቀሺ",  # deacon, priest
)

# Turkish titles written after the name: "Ayşe Hanım", "Mehmet Bey".
_TURKISH_VOWELS = "aıoueiöü"


def _turkish_cases(stems: str) -> frozenset[str]:
    """Turkish titles said after a name, with their case endings in vowel harmony and
    also typed without the Turkish letters: "mustafa abiyle" (with brother Mustafa),
    "yağmur hanımın gelini", "hasan dedenin torunu", "fadime teyzeye"."""
    out = set()
    for stem in stems.split():
        last = [c for c in stem if c in _TURKISH_VOWELS][-1]
        a = "a" if last in "aıou" else "e"
        i = {"a": "ı", "ı": "ı", "o": "u", "u": "u", "e": "i", "i": "i", "ö": "ü", "ü": "ü"}[last]
        y, n = ("y", "n") if stem[-1] in _TURKISH_VOWELS else ("", "")
        forms = {stem, f"{stem}{n}{i}n", f"{stem}{y}{a}", f"{stem}{y}l{a}", f"{stem}d{a}n"}
        forms |= {f"{stem}d{a}", f"{stem}l{a}r"}
        if y:  # after a consonant "-ı" is also "his": "ağabeyi" is her brother
            forms.add(f"{stem}{y}{i}")
        out |= forms | {unaccented(f) for f in forms}
    return frozenset(out)


TITLES_AFTER = (
    _turkish_cases(
        "hanım bey abla teyze amca hoca ağabey abi dede nine hala dayı yenge enişte efendi"
    )
    | _words("hanımı beyi خانم جان جون")  # "yağmur hanımı": Mrs Yağmur (accusative)
) - {"abide"}  # a monument


def _possessed(stems: str, after_consonant: str, after_vowel: str, vowels: str) -> frozenset[str]:
    """Kinship nouns with their possessive endings, generated rather than listed: a
    writer's "my cousin" is a form no list foresees ("kuzenim", "خواهرم", "صديقتي"). A
    form that is no real word costs nothing; a missing one lets the name after it go."""
    out = set()
    for stem in stems.split():
        ends = after_vowel if stem[-1] in vowels else after_consonant
        base = stem[:-1] + "ت" if stem.endswith("ة") else stem  # "صديقة" -> "صديقتي"
        out.update(base + end for end in ends.split())
    return frozenset(out)


# Turkish: "kuzenim", "yeğeni", "teyzemin", "arkadaşımın", "komşumuzun".
_TURKISH_KIN = _possessed(
    "kuzen yeğen torun komşu arkadaş teyze hala amca dayı abla abi ağabey kardeş anne baba"
    " koca karı eş kız gelin damat enişte yenge dede nine görümce baldız sevgili nişanlı"
    " öğretmen kayınbirader kayınpeder kayınvalide kaynana kaynata bacanak elti",
    "im ım um üm i ı u ü imin ımın umun ümün inin ının unun ünün imiz ımız umuz ümüz",
    "m si sı su sü min mın sinin sının sunun mız miz muz müz",
    "aeıioöuü",
) | _words(
    "komşum komşumuz komşusu komşu kocası kocam karısı eşi eşim oğlu oğlum kızı kızım",
    "annesi annem babası babam kardeşi kardeşim ablası ablam abisi abim ağabeyi teyzesi",
    "teyzem halası halam amcası amcam dayısı dayım yengesi arkadaşı arkadaşım öğretmeni",
    "torunu gelini damadı kuzeni çocuğu çocukları anne baba abla abi teyze hala amca dayı",
    "yenge enişte dede nine kız",
)
# also typed without the Turkish letters: "en buyuk kiz nisa", "karisi", "damadi"; but
# "karim" is Karim more than "karım" (my wife), and Esi a Ghanaian name
_TURKISH_KIN |= {unaccented(word) for word in _TURKISH_KIN} - {"karim", "esi"}
# Farsi and Dari: "خواهرم" my sister, "دوستش" her friend, "همسایمون" our neighbour.
_PERSIAN_KIN = _possessed(
    "خواهر برادر مادر پدر دختر پسر شوهر همسر زن دوست همسایه همسای خاله عمه عمو دایی"
    " مامان بابا داداش آبجی نوه همکار معلم نامزد خشو",
    "م ش مون شون مان شان ت تون شه مه",  # spoken "is": "دست شوهرشه", with her husband
    "م ش مون شون ام اش",
    "هی",
)
# Arabic: "صديقتي" my friend, "اختي" my sister, "جارتنا" our neighbour.
_ARABIC_KIN = _possessed(
    "صديقة صديق صاحبة صاحب رفيقة رفيق اخت أخت اخو أخو بنت ابن جارة جار ام أم ابو أبو"
    " زوج زوجة خالة عمة خال حماة مرت جوز حفيدة حفيد خطيب خطيبة زميلة زميل معلمة",
    "ي ها ه نا هم و",
    "ي ها ه نا هم",
    "وي",
)
# Somali: "habaryartiis" his maternal aunt, "walaalkeed" her brother, "hooyadood" their
# mother; each stem with the letter that links it to the ending (t, k, g, d or none).
# His, her, their only: not "my" ("aabbahay ayaan ka baqaa", I fear my father: "ayaan"
# is "I", also the name Ayaan), nor "the" ("carruurta xanaanaysa", the children she minds).
_SOMALI_KIN = _possessed(
    "habaryart eedad hooyad ayeeyad aabah aabbah walaalk walaash adeerk abtig saaxiibk"
    " saaxiibt derisk derist wiilk gabadh inant nink naagt xaask ilmah carruurt seeddig"
    " soddogg soddohd dumaashid awoowg",
    "iis eed ood iisa eeda ooda aa ayda",  # his, her, their; your ("hooyadaa")
    "",
    "",
)

# Kinship and relationship words; in scripts with case a capitalised word after them is
# taken as a name ("haar man Ahmed", "komşum Ayşe", "її чоловік Андрій").
_POLISH_KIN = _words(
    "sąsiadka sąsiadki sąsiadkę sąsiadką sąsiad sąsiada mąż męża mężem żona żony żonę syn",
    "syna synem córka córki córkę córką matka matki mama mamy mamę ojciec ojca tata taty",
    "siostra siostry siostrę brat brata babcia babci dziadek ciocia cioci wujek wujka",
    "koleżanka koleżanki koleżankę koleżanką koleżance kolega kolegi przyjaciółka przyjaciel",
    "partnerka chłopak dziewczyna wnuczka wnuk teściowa zięć zięcia synowa synowej",
    "nauczycielka synek córeczka",
)
KIN = (
    _TURKISH_KIN
    | _SOMALI_KIN
    | _words(
        # nl
        "buurvrouw buurman buren buurmeisje buurjongen man vrouw echtgenoot echtgenote partner",
        "vriend vriendin vriendje ex zoon zoontje dochter dochtertje kind kindje kinderen",
        "moeder vader mama papa zus zusje zuster broer broertje oma opa tante oom nicht nichtje",
        "neef neefje schoonmoeder schoonvader schoonzus stiefvader stiefmoeder collega",
        "leraar lerares mentor kleinzoon kleindochter dochters zonen zoons meisje jongen",
        # en
        "neighbour neighbor neighbours neighbors husband wife boyfriend girlfriend son daughter",
        "child children kids baby mother mom mum father dad sister brother grandmother grandma",
        "law",  # "her sister in law hope": the relative's name follows "law"
        "grandfather grandpa aunt uncle cousin niece nephew friend colleague teacher",
        "stepfather stepmother stepdaughter stepson girl boy",
        # pl, typed without their accents too ("corka sasiadki kaja", "zamyka mame")
        *(_POLISH_KIN | {unaccented(word) for word in _POLISH_KIN}),
        # uk
        "сусідка сусідки сусідку сусід сусіда чоловік чоловіка дружина дружину син сина донька",
        "доньку доньки дочка дочку мати матір мама мами батько батька тато сестра сестру брат",
        "брата бабуся дідусь тітка дядько подруга подругу друг друга вчителька племінниця",
        "дядя дядю дяді дядька дядькові дядьком тітку тітки тітці тіткою",  # "працює на дядю"
        "синок донечка онука онук онуку невістка невістку невістки свекруха свекруху",
        "племінницю племінниці племінник племінника татом тата татові татко татка",
        # so
        "deriskayga deriskeyga derisku deriskeeda deris ninkeeda ninkayga ninka naagtiisa",
        "xaaskiisa xaaskeeda wiilkeeda wiilkiisa wiilka gabadheeda gabadhiisa gabadha",
        "inanteeda hooyadeed hooyadiis hooyada aabbaheed aabaheed aabihiis aabaha walaasheed",
        "walaashiis walaalkeed walaalkiis walaashay walaalkay saaxiibteed saaxiibkeed",
        "saaxiibtay ilmaheeda carruurteeda ayeeyadeed eedadeed habaryarteed adeerkeed",
        "abtigeed macallinka macallimadda eedadey eedadeed walaalaheed walaalihiis walaalahay",
        # the same, bare: grandmother, grandfather, aunts, uncle, mother, father, sibling
        "ayeeyo awoowe eedo habaryar abti hooyo aabo aabbe walaal macallin macalin",
        # Sarnami (Surinamese Hindustani): grandmother, daughter, brother, sister, aunt
        "nani dadi beti bhaiya didi mausi chachi",
        # pt, Cape Verdean Kriolu
        "vizinha vizinho irmã irmão filha filho fidju",
        # es
        "vecina vecino marido esposo esposa mujer hijo hija hijos hijas madre padre mamá papá",
        "nena nene",  # the little girl, boy: "la nena de 12"
        "hermana hermano tía tío abuela abuelo prima primo amiga amigo novio novia pareja",
        "suegra nieta nieto sobrina sobrino maestra maestro compañera",
        # Farsi and Dari in Latin letters, Kurmanji: husband, her husband, my husband
        "shohar shoharam shoharesh shawhar shawharam shawharesh mêrê",
        # Arabic in Latin letters: "bint jiranna lama" (our neighbours' daughter Lama)
        "jarti jari jarna jaratna jiranna jiranha khalti 3amti mrato mratu rajlha rajelha",
        "zawjha zojha jozha jouzha khti khtha khoya khouya bent bint binti weld wld ukhti",
        "zoji zouji jouzi",  # my husband (Iraqi, Levantine)
    )
)


# Endings a name takes in the note's own grammar, written onto it: Somali "-na" (and),
# Ukrainian and Polish cases ("у василя", "email оли", "z anią"), the Ukrainian
# possessive ("тетянин син"), Turkish cases typed without the apostrophe ("aysenin").
NAME_ENDINGS = _words(
    "na ba oy a ą ę e i y u o у ю і и е є я а ем ом ою ею ій ів ин ина ине ину ині",
    "nin nın in ın ya ye yı yi da de dan den la le yla yle",
    "s",  # typed without its apostrophe: "mariams mum"
)


# Kinship words in scripts without case, skipped between a name cue and the name.
UNCASED_KIN = (
    _PERSIAN_KIN
    | _ARABIC_KIN
    | _words(
        "زوجها زوجته زوج ابنها ابنه ابنتها ابنته بنتها بنته جارتي جاري جارتها جاره أمها امها",
        # spoken Arabic and Farsi: "جوزها" her husband, "مرتو" his wife, "مامانش" his mother
        "جوزها جوزي مرته مرتو حماتها حماها خالها عمها خالتها عمتها اخته اخوه",
        "مامانش باباش زنش داداشش آبجیش شوهرم زنم پسرم دخترم مادرشوهرش",
        # her child (the joiner gone), her mum and dad (Darija), the bride and groom
        "بچهش بچش بچهاش ماماها باباها عروس داماد عروسش عروسم عروسمون دامادش دامادم",
        "أبوها ابوها أختها اختها أخوها اخوها صديقتها صديقه طفلها طفلتها",
        "شوهرش همسرش پسرش دخترش مادرش پدرش خواهرش برادرش همسایه همسایهاش همسایهام",
        "ሰብኣያ ሰበይቱ ወዳ ጓላ ኣዴኣ ኣዲኣ ኣዲኡ ኣቦኣ ኣቦኡ ሓብታ ሓዋ ጎረቤተይ ጎረቤት ኣደ ኣቦ ደቃ ደቁ ደቀይ",
        # the children, the mother, the father (Darija, Levantine); Dari uncle
        "الدراري الولاد الاولاد الأولاد الأم الام الأب الاب كاكا کاکا کاکای ولد",
        "کاکایم کاکایش کاکایت کاکایمان کاکایشان",  # my, his, your uncle (Dari)
        # the girl, the boy (Sudanese, Levantine, Darija); Darija "my mother"
        "البنية البنيه البت مي ميمتي",
        "ሓውቦኣ ሓውቦኡ ሓትኖኣ ሓትኖኡ ኣኮኣ ኣኮኡ ሓወቦ ኣኮይ ሓወቦይ ሓትነይ",
        # the groom, the bride, the mother- and father-in-law: "ኣደ መርዓዊ" (his mother)
        "መርዓዊ መርዓት ሓማት ሓሙ ሓማታ ሓሙታ",
        # his and my brother, sister, son, daughter, mother, father
        "ሓዉ ሓወይ ሓብቱ ሓብተይ ወዱ ጓሉ ወደይ ጓለይ ኣደይ ኣቦይ ሓፍተይ ሓፍቱ",
        "ጎረቤትና ጎረቤታ ጎረቤቱ ጎረቤትኩም ጎረቤቶም ጎረቤትኩ",  # our, her, his, your neighbour
        "ሓወቦ ሓወቦኣ ሓወቦኡ ሓወቦይ ሓትነ ሓትነኣ ሓትነኡ ኣኮ ኣኮኣ ኣኮኡ",  # uncles and aunts
        "پسرعمو پسرعموش پسرعموی دخترعمو دخترعموش پسرخاله پسرخالهش دخترخاله دخترخالهش",
        "پسرعمه دخترعمه پسردایی دختردایی خالهم خالم عمهم عموم",
        "adeer adeerkeed adeerkay adeerkiis adeerkood",
        # the uncle, the aunt, bare; spoken Farsi "the husband", "the woman", "the girl"
        "خال خالة عمة شوهره زنه دختره پسره",
        "الجيران جيران",  # the neighbours: "بنت الجيران" is no family's daughter
        # grandpa, grandma (Levantine, spoken); dad, mum (Tigrinya, said by a child)
        "جدو جدي ستو تيتا ባባ ማማ",
    )
)

# Lower-case function words that can follow a cue but are never a name.
STOP = _words(
    # nl
    "de het een en of is was niet geen onbekend ik je jij hij zij ze wij we jullie die dat",
    "dit van in op aan met voor bij naar om te er ook nog al heel erg weet weten niemand",
    "eigenlijk zelf dan maar want als",
    # en
    "the a an and or is was not no unknown i you he she we they it that this of in on at to",
    "for with by from me her him them us my his their our also still very really who",
    "nobody myself herself himself",
    # tr
    "ve ya da de ne bu şu o bir değil yok bilinmiyor bilmiyorum ben sen biz onun",
    # pl
    "i a w na z do nie jest to ten ta jej jego ich się że nieznane nie wiem",
    "nikt nikogo nikomu nikim nic niczego niczym",
    # uk
    "і й та в у на з до не є це цей ця її його їх що невідомо знаю",
    # so
    "waa iyo ee oo ka ku u la aan ma waxaa waxay wuxuu ayaa ah",
    # es
    "el la los las un una y o es no de del en con por para su sus que se lo le desconocido",
    "chiquita chiquito pequeña pequeño mayor menor",
    # ar
    "في من على إلى الى عن مع هي هو هم كانت كان التي الذي و أو او ثم لكن لا لم لن قد عمرها",
    "عمره تبلغ يبلغ وهي وهو منذ عند عندها عنده تسكن يسكن تعيش يعيش وعمرها وعمره وعندها",
    "وعنده ولديها ولديه لديها لديه غير مجهول",
    "الكبير الكبيرة الصغير الصغيرة الكبار الصغار الكبيرين الصغيرين الوسطاني الوسطانية ما",
    "الحاج الحاجة الشيخ الحجية الحجيه حجية",
    "اليوم امبارح البارح بكرة",
    # fa
    "است هست بود و که از در با را به تا هم اما ولی سال ساله دارد داره می او این آن",
    "هستند نیست ست هستن بودن میشه شد شان",
    # mum and dad, said as a child says them: "قال ماما نايمه"; the doctor; "hajji"
    "ماما بابا مامان داکتر دکتر حاجی",
    # ti
    "እያ እዩ ኢያ ኢዩ ኣላ ኣሎ እሞ ግን ከኣ ምስ ኣብ ናይ ካብ ን ዕድሜኣ ዕድሜኡ ትነብር ይነብር",
    "ነይራ ነይሩ ኩሉ ኩላ ኩሎም",
)

# A colour before a word makes it a thing, most often a car: "a white Mercedes".
COLOURS = _words(
    "white black red blue grey gray silver green yellow brown dark wit witte zwart zwarte",
    "rood rode blauw blauwe grijs grijze zilver zilveren groen groene blanco blanca negro",
    "negra rojo roja gris azul plateado beyaz siyah kırmızı gri mavi biały biała białym",
    "czarny czarna czarnym czerwony srebrny білий біла чорний чорна сірий сіра червоний",
    "ጸሊም ጻዕዳ ቀይሕ ሰማያዊ ሓመልማል مشکی سفید قرمز آبی طوسی نقره‌ای أسود اسود أبيض ابيض",
    "أحمر احمر رمادي فضي رصاصي سودا بيضا حمرا cad madow casaan buluug cawl cagaar",
    "كحلة كحل بيضاء سوداء حمراء زرقاء ብጸሊም ብጻዕዳ",
    # Arabic in Latin letters: "Mercedes bayda" (a white Mercedes)
    "bayda baida byda byed abyad kahla hamra sawda swda zarqa",
)
# After these the next word is a thing, not a person: a car make before its model
# ("Volkswagen Caddy", "Fiat Doblo"), a car before its make ("baabuur mercedes"), a
# club's letters before its name ("VV Zwaluwen").
# A saint, whose name a church, a feast or a town bears: "St. Agnes", "Santo Niño", "Sant
# Jordi" (the words themselves are no names either).
SAINTS = _words("st sint saint sankt santo santa sant san são virgen")  # "la Virgen del Rocío"
THING_BEFORE = SAINTS | _words(
    "opel volkswagen vw toyota ford renault peugeot citroën citroen fiat kia hyundai bmw",
    "audi skoda škoda seat volvo nissan mazda honda suzuki tesla dacia mitsubishi mercedes",
    "mercedes-benz lexus porsche jeep chevrolet lada daewoo chrysler dodge cupra",
    "vv sv fc rksv sc afc csv vvv rkvv hvv rkc hc mhc kv ckv",  # "HC Kampong", "KV Oranje"
    # a saint, whose name a church bears: "ቤተ ክርስትያን ቅዱስ ሚካኤል"
    "ቅዱስ ቅድስት ቅድስቲ św sw świętego swietego świętej swietej",  # "św Józefa"
    "kidus kudus qidus святого святої святий свята",  # "Kudus Mikael", "святого Миколая"
    "шкода шкоду шкоди",  # the car: "сіра Шкода Октавія"
    "день дня",  # a holiday: "на День Соборності"
    # a car, before its make: "baabuur mercedes", "araba mercedes", "een auto Mercedes"
    "auto coche carro araba arabası samochód samochodem машина машиною baabuur baabuurka",
    "طوموبيل طونوبيل سيارة سيارته سيارتها ماشین",
)

# Arabic words of origin (nisbas), also family names ("عمر المصري"): after a common word
# they say where someone is from, "لصبي سوداني" (to a Sudanese boy), "الشاب السوري".
# Written masculine and without the article; "ال" before and "ة" after are taken off.
ARABIC_NISBAS = _words(
    "سوري سوداني عراقي مغربي تركي يمني مصري لبناني فلسطيني صومالي اريتري إريتري ارتيري",
    "افغاني أفغاني ايراني إيراني جزائري تونسي ليبي اردني أردني كويتي سعودي هولندي كردي",
    "عربي امازيغي أمازيغي حلبي شامي بغدادي حمصي ريفي اثيوبي إثيوبي حبشي باكستاني هندي",
)

# A greeting that is also a name (Selam, Salam), and whom it greets: "ሰላም ሓብተይ"
# (hello, my sister), "ሰላም ክንደይ ኣለኺ" (hello, how are you), "salam khti".
GREETINGS = _words("ሰላም selam salam slm سلام salaam")
GREETED = _words(
    "ሓብተይ ሓፍተይ ሓወይ ኣሕዋተይ ኣደይ ክንደይ ኩልኹም khti ukhti habibti habibi abla kanka canım",
    "kardeşim sis sister dear everyone allemaal iedereen",
)

# A venue's word, after which a capitalised word names the venue, not a person: "Café
# De Ooievaar", "heladería Florencia", "szpitalu Antonius", "مکتب Al Amana".
VENUE_BEFORE = _words(
    "café cafe cafetaria cafetería cafeteria bar restaurant restaurante restoran snackbar",
    "heladería heladeria panadería panaderia lavandería lavanderia hotel hostel",
    "ziekenhuis hospital hastane hastanesi szpital szpitalu szpitala szpitalem",
    "kawiarnia kawiarni restauracja restauracji лікарня лікарні лікарню кафе ресторан",
    "مستشفى مطعم مقهى مکتب بیمارستان رستوران makhaayad makhaayadda isbitaalka",
    "festival festiwal festivali фестиваль фестивалі",  # "festival Milkshake"
)
# A venue's word written with a capital after its name: "Paşa Düğün Salonu", "Öz Anadolu
# Market", "Yasmin Kapsalon"; the words before it are the venue's name.
VENUE_AFTER = _words(
    "salonu düğün market marketi supermarkt supermarket grill kebab döner fırını kuaför",
    "kapsalon barbershop restaurant restoran lokantası bakkerij slagerij bakery shop store",
    "camii moskee kerk tienda sklep",
)
# The article between the venue's word and its name: "Café De Ooievaar", "مکتب Al Amana".
VENUE_ARTICLES = _words("de het 't the el la al")

# Words that may join two names in a list: "Amir en Sara", "Ali ve Ayşe".
CONJUNCTIONS = _words("en and y e i ve та і й iyo und")

# Name particles: "de Vries", "van der Berg", "El Amrani", "bin Laden", "de la Cruz".
PARTICLES = _words(
    "van de der den het ter ten te 't la del da dos di du le el al bin ben bint ibn abu von"
)

# Capitalised words that are not names: they do not extend a name and a kinship cue
# followed by them takes nothing. Exact words (casefolded).
NOT_NAMES = _words(
    # words of endearment and oaths in spoken Arabic, Turkish and Farsi written in Latin
    "habibti habibi hayati wallah wallahi inshallah mashallah yallah khalas canım jan joon",
    # pronouns, articles, question words
    "i i'm i've i'd ik hij zij ze wij we jij je u het de een the a an he she they we you it",
    "this that there what when why how who wat waar wanneer waarom hoe wie el la los las",
    "un una yo ella él ellos ja ona on my ty oni ben sen o biz onlar kim ne ви вас вам ваш",
    "usted ustedes ud",
    # weekdays and months
    "maandag dinsdag woensdag donderdag vrijdag zaterdag zondag monday tuesday wednesday",
    "thursday friday saturday sunday pazartesi salı çarşamba perşembe cuma cumartesi pazar",
    "januari februari maart april mei juni juli augustus september oktober november",
    "december january february march may june july august october ocak şubat mart nisan",
    "mayıs haziran temmuz ağustos eylül ekim kasım aralık",
    # the Tigrinya weekdays and months typed in Latin letters ("Senbet 14 Ginbot")
    "senbet segno selus rebue hamus arbi kedam meskerem tiqimti tikimti hidar tahsas",
    "yekatit lekatit megabit miyazia miyazya ginbot hamle nehase pagume",
    # institutions and helplines
    "veilig thuis politie police ggd wijkteam buurtteam blijf groep jeugdzorg kinderbescherming",
    "raad leger heils kindertelefoon vluchtelingenwerk coa azc ind gemeente sociaal team",
    "school huisarts ziekenhuis moskee kerk centrum stichting social services council",
    "voedselbank humanitas jeugd gezin slachtofferhulp fier moviera sterk huis samen",
    "belastingdienst gemeentehuis bijbel red cross salvation army women women's aid refuge",
    "rode kruis",
    "child protection hospital doctor nurse shelter",
    # Turkish trades said with a title: "ebe hanım" (the midwife), "müdür bey"
    "ebe müdür müdire hoca memur şoför usta savcı kapıcı bekçi başkan patron eczacı terzi",
    "patronun patronu patronum ustanın ustası",  # "patronun yeğeni": the boss's nephew
    "kasap bakkal manav boyacı boyaci",
    # religion and feasts
    "god allah ramadan ramazan bayram eid suikerfeest offerfeest kerst kerstmis christmas",
    "ramazanda ramazandan ramadaan ramadaanka ramadaankii ramadhan wielkanoc wielkanocy",
    "diwali divali holi lebaran navidad nochebuena pascua noël hanukkah chanoeka ketikoti",
    "ciid ciidda ciidii ciida ፋሲካ ልደት hindustani hindoestaans hindoestaanse creools",
    "creoolse javaans javaanse loket",
    "izzat",  # Sarnami: honour ("log ke izzat")
    # words the name lists hold: the library, the cold, the frost; empty, a key, a finger
    "bieb холод холоду холодно мороз морозі морозу خاوي خاوية مفتاح صبعو صبعها معوج",
    "pasen easter islam koran quran alle ilaahay dios bóg boga bogiem бог бога",
    "timkat meskel newroz nowruz henna hina kına zumba",
    "janazah janaza janazeh ghusl nikah nikkah iftar suhoor sahur umrah hajj wudu zakat",
    # peoples of Afghanistan and Iran, as a nationality is kept
    "hazara هزاره هزارە pashtun پشتون tajik تاجیک uzbek ازبک baloch بلوچ",
    "isniin talaado arbaco khamiis jimco sabti axad países bajos",
    # nationalities and languages written with a capital (nl, en)
    "nederlands nederlandse marokkaans marokkaanse turks turkse syrisch syrische eritrees",
    "afghan afghans afghani",
    "eritrese somalisch somalische afghaans afghaanse iraans iraanse iraaks iraakse pools",
    "poolse oekraïens oekraïense spaans spaanse engels engelse arabisch arabische koerdisch",
    "koerdische berbers surinaams surinaamse antilliaans antilliaanse tigrinya dari farsi",
    "perzisch dutch english moroccan turkish syrian eritrean somali afghan iranian iraqi",
    "polish ukrainian spanish arabic kurdish persian berber african european muslim",
    "christian moslim christen türk türkçe",
    # words for a parent or a birth date that a possessive or "is" puts where names stand
    "dob",
    # who leads prayer or a service, named by the role: "imam asked me to pass on"
    "imam imaam pastor dominee priester",
    # a block of flats, before its letter: "blok C daire 5", "ze wonen blok c flat 5"
    "blok block bloque",
    # body parts the name lists hold (not "wang", "pols", "udo", "kostka": names as well)
    "ceja cejas cuello ojo costilla barbilla brew брова",
    "llave llaves zapateria",  # a key, the shoe shop typed plain
    "lohusa ліки ліків قالین قالینها",  # a new mother; medicine; a carpet
    # other
    "mr mrs ms dr covid corona whatsapp telegram facebook instagram tiktok snapchat",
)

# Words a note is about that the name lists also hold: injuries, the marks they leave,
# a wage ("een schram op haar wang", "belt marks", "cortes en la mano", "yanık izleri",
# "z limem pod okiem", "zijn loon ophalen"). Standing alone in lower case they are these
# words; after a name ("li wang") or with a capital ("Cortés") still a person's.
WORDS_IN_LOWER_CASE = _words("wang schram loon belt burns cortes yanık yanik limem")

# Towns that are also common names, so not on the places list: kept only where the
# words before say a place follows ("vive en Lima", "llegó de Cali", "in Pereira").
TOWNS_ALSO_NAMES = _words(
    "lima cali cuenca pereira rosario cartagena santiago valencia florencia victoria",
    "sofia sofía jordan aydın aydin medina",
)
# Before such a town: "in", "from" where no person is meant; "de" after coming or being.
IN_TOWN = _words("en in desde vanuit uit")
FROM_TOWN_WORDS = _words(
    "llegó llego vino viene vienen trajo trajeron volvió volvio es son eres soy vuelta"
)

# Places and institutions start with these (casefolded); such words are kept.
NOT_NAME_PREFIXES = _items(
    "nederland|holland|holandi|holandii|hollanda|niderland|нідерланд|голланд|marok|fas",
    "turk|türk|syri|suriye|eritre|ethiop|ethiopi|somali|soomaal|afghan|afganistan|iran",
    "irak|iraq|ukrain|україн|polsk|polsc|polen|poland|spanj|spain|españ|hiszpan|europ",
    "європ|afrika|africa|amsterdam|rotterdam|utrecht|den haag|haag|eindhoven|tilburg",
    "groningen|almere|breda|nijmegen|arnhem|zaandam|zaanstad|haarlem|leiden|zwolle",
    "amersfoort|apeldoorn|enschede|schiedam|delft|dordrecht|maastricht|den bosch|lelystad",
    "gouda|alkmaar|hilversum|zoetermeer|diemen|amstelveen|vlaardingen|muqdisho|mogadish",
    "hargeys|asmara|addis|kabul|teheran|tehran|damascus|damask|aleppo|istanbul|ankara",
    "casablanca|rabat|tanger|nador|warszaw|krak|kyiv|kiev|київ|харків|львів|madrid|curaçao",
    "curacao|aruba|suriname|paramaribo|veilig|thuis|izmir|амстердам|роттердам|гааг|утрехт",
    "харк|одес|київ|києв|львов|дніпр|польщ|німеч",
)

BIRTH_CUES = _items(
    "geboren|geb.|geboortedatum|geboortejaar|born|date of birth|birth date|dob|d.o.b.",
    "birthday|doğum tarihi|doğumlu|doğdu|urodzona|urodzony|urodziła się|urodził się",
    "data urodzenia|rok urodzenia|народилася|народився|дата народження|рік народження",
    "dhalatay|dhashay|taariikhda dhalashada|ተወሊዳ|ተወሊዱ|ዝተወለደት|ዝተወለደ|ዕለተ ልደት|ولدت|ولد|مواليد",
    "تاريخ الميلاد|تاريخ ميلاد|تولد|متولد|تاریخ تولد|nació|nacida|nacido",
    "fecha de nacimiento",
)

MONTHS = _items(
    # nl
    "januari|februari|maart|april|mei|juni|juli|augustus|september|oktober|november",
    "december|jan|feb|mrt|apr|jun|jul|aug|sep|sept|okt|nov|dec",
    # en
    "january|february|march|may|june|july|august|october|mar|oct",
    # tr
    "ocak|şubat|mart|nisan|mayıs|haziran|temmuz|ağustos|eylül|ekim|kasım|aralık",
    # pl (genitive, as used in dates, and nominative)
    "stycznia|lutego|marca|kwietnia|maja|czerwca|lipca|sierpnia|września|października",
    "listopada|grudnia|styczeń|luty|marzec|kwiecień|maj|czerwiec|lipiec|sierpień|wrzesień",
    "październik|listopad|grudzień",
    # uk
    "січня|лютого|березня|квітня|травня|червня|липня|серпня|вересня|жовтня|листопада",
    "грудня",
    # so
    "janaayo|febraayo|maarso|abriil|maajo|juun|luulyo|agoosto|sebtembar|oktoobar|nofembar",
    "desembar",
    # es
    "enero|febrero|marzo|abril|mayo|junio|julio|agosto|septiembre|setiembre|octubre",
    "noviembre|diciembre",
    # ar (Egyptian/Gulf, Levantine, Maghrebi names)
    "يناير|فبراير|مارس|أبريل|ابريل|مايو|يونيو|يوليو|أغسطس|اغسطس|سبتمبر|أكتوبر|اكتوبر",
    "نوفمبر|ديسمبر|كانون الثاني|شباط|آذار|نيسان|أيار|حزيران|تموز|آب|أيلول|تشرين الأول",
    "تشرين الثاني|كانون الأول|ماي|يوليوز|غشت|شتنبر|نونبر|دجنبر",
    # fa (Gregorian and solar hijri)
    "ژانویه|فوریه|آوریل|مه|ژوئن|ژوئیه|اوت|سپتامبر|اکتبر|نوامبر|دسامبر|فروردین|اردیبهشت",
    "خرداد|تیر|مرداد|شهریور|مهر|آبان|آذر|دی|بهمن|اسفند",
    # as Iranians and Afghans also write the Gregorian ones
    "آگوست|اگوست|آگست|اگست|جولای|آپریل|اپریل|جنوری|فبروری|مارچ|سپتمبر|اکتوبر|نومبر|دسمبر",
    # ti
    "ጥሪ|ለካቲት|መጋቢት|ሚያዝያ|ግንቦት|ሰነ|ሓምለ|ነሓሰ|መስከረም|ጥቅምቲ|ሕዳር|ታሕሳስ",
)

# Words beside a month that say it is the month: "اول مهر" (the first of Mehr), "بهمن
# پارسال" (Bahman last year), "شهر آب"; Mehr, Azar and Bahman are names too.
MONTH_BEFORE = _words(
    "ماه اول اوایل اواسط اواخر وسط آخر شهر بداية أول نهاية منتصف اوائل أواخر ወርሒ",
)
MONTH_AFTER = _words(
    "ماه پارسال امسال گذشته آینده الماضي القادم الجاي الماضى",
)

# Street words that start a street name in other languages: "ul. Długa 5", "calle Mayor 3".
STREET_BEFORE = _items(
    "ul.|ulica|ulicy|al.|aleja|alei|os.|вул.|вулиця|вулиці|просп.|проспект|пров.|провулок",
    "calle|c/|avenida|avda.|av.|plaza|paseo|camino|شارع|زنقة|درب|حي|خیابان|کوچه|بلوار",
    "jidka|waddada|xaafadda|ጎደና|ጎዳና",
)

# Dutch street suffixes ("Kalverstraat", "Laan van Meerdervoort") and whole street words
# in English and Turkish ("Main Street", "Çiçek Sokak").
STREET_SUFFIXES = _items(
    "straat|laan|weg|plein|gracht|kade|singel|dijk|hof|pad|steeg|dreef|park|plantsoen",
    "markt|baan|burgwal|wal|haven|veld|erf|poort|allee|boulevard|dam|plaats|zijde|kwartier",
    "straatweg|oord|hoeve|gaarde|stede|weide|akker|str",
    "straße|strasse|gasse",  # German addresses of family across the border
    "dyk|wei|strjitte|leane|paed|buorren",  # Frisian: "hegedyk 3", "Tsjerkestrjitte 8"
)
STREET_WORDS = _words(
    "street st road rd avenue ave lane drive close way court place square crescent terrace",
    "gardens grove row sokak sokağı sok cadde caddesi cad bulvarı bulvar mahallesi mah yolu",
)

# Words before a house number: "Kalverstraat nr. 12", "Çiçek Sokak No: 5", "پلاک ۱۲".
HOUSE_NUMBER_WORDS = (
    *("nr.", "nr", "no.", "no:", "no", "nummer", "number", "numer", "numero", "número"),
    *("huisnr.", "huisnr", "huisnummer", "kapı no", "kapı no:", "kapı numarası"),
    *("numara", "номер", "№", "پلاک", "شماره", "رقم", "lambar", "lambarka", "nambar"),
    *("رقم الدار", "رقم البيت", "رقم المنزل", "رقم الشقة", "lambarka guriga"),
)

# Cues that introduce an address: what follows up to the house number is removed.
ADDRESS_CUES = _items(
    "adres|adres:|address|address:|woont op|woont aan|woont in de|woonachtig aan",
    "woonachtig op|lives at|lives on|mieszka na|mieszka przy|живе на|живе за адресою",
    "адреса|vive en|vive en la|dirección|adresi|oturuyor|العنوان|عنوانها|عنوانه|تسكن في",
    "آدرس|cinwaanka|ኣድራሻ|they stay|she stays|he stays|they live|she lives|he lives|ze wonen",
    "viven en|viven en la|vivo en|vivimos en|vive en el|viven en el",
    "zij wonen|ze woont|zij woont|hij woont|wonen|woont",
    "she live|he live|live at|living at|staying at",  # typed fast: "she live at kempering 88"
)

# Words that, with a house number after them, are not streets: "groep 7/8", "stap 2-3".
NOT_STREETS = _words(
    "groep klas bus lijn tram metro artikel hoofdstuk kamer room page pagina blok stap step",
    "fase niveau level graad week dag day nummer versie version jaar year uur hour",
)

# Cues for case and file numbers from other systems: "dossier 2023-0456", "case no. 7788".
CASE_CUES = _items(
    "dossier|dossiernummer|dossiernr|zaaknummer|zaaknr|kenmerk|referentie|referentienummer",
    "ref|ref.|registratienummer|cliëntnummer|clientnummer|klantnummer|case|case no",
    "bonnummer|bonnr|ordernummer|bestelnummer|pakketnummer|volgnummer",
    "personeelsnummer|werknemersnummer|employee number|staff number|numer pracownika",
    "número de empleado|número de empleada|numero de empleado|numero de empleada",
    "رقم الموظف|رقم الموظفة|الرقم الوظيفي|رقم العامل|رقم العاملة",
    "numer pracowniczy|nr pracownika|nr pracowniczy|identyfikator z numerem",
    "numerem pracownika|personel numarası|sicil numarası|табельний номер",
    "case no.|case number|file|file no|file number|reference|client number|patient number",
    "record|id|dosya|dosya no|dosya numarası|kimlik no|tc kimlik|tc kimlik no|numer sprawy",
    "sygnatura|pesel|номер справи|справа|справа №|expediente|número de caso|رقم الملف",
    "رقم ملف|رقم ملفها|رقم ملفه|نمرة الملف|شماره پرونده‌اش|پرونده",
    "رقم القضية|ملف رقم|شماره پرونده|کد ملی|lambarka kiiska|lambarka|ቁጽሪ|ቁፅሪ|nr|nr.|no.|#",
    "№",
    "cliente|client|cliënt|klient|klienta|klientka|klant|müşteri|клієнт|клиент|macmiil",
)

# Digits said in words, as a phone number is read out ("nul zes …", "sıfır altı kırk iki",
# "صفر شش، هفتاد و دو"): the words for nought to nine, for ten to nineteen (two digits),
# and the tens, which stand for two digits with or without the unit beside them ("kırk
# iki", "هفتاد و دو"). Apostrophes are left out ("p'jat'" is "pjat").
ZERO_WORDS = _words("nul zero sıfır sifir cero нуль ноль nol صفر زيرو ዜሮ eber")
DIGIT_WORDS = ZERO_WORDS | _words(
    "een één twee drie vier vijf zes zeven acht negen",  # nl
    "one two three four five six seven eight nine",
    "bir iki üç uc dört dort beş bes altı alti yedi sekiz dokuz",
    "jeden jedna dwa dwie trzy cztery pięć piec sześć szesc siedem osiem dziewięć dziewiec",
    "один одна два дві три чотири пять шість сім вісім девять четыре шесть семь восемь",
    "odyn odna dva dvi try chotyry pjat shist sim visim devjat devyat",
    "uno una dos tres cuatro cinco seis siete ocho nueve",
    "واحد اثنين اثنان اتنين جوج ثلاثة تلاتة أربعة اربعة ربعة خمسة ستة سبعة ثمانية تمنية تمانية",
    "تسعة",
    "یک دو سه چهار پنج شش هفت هشت نه",
    "kow laba saddex afar shan lix toddoba sideed siddeed sagaal",
    "ሓደ ክልተ ሰለስተ ኣርባዕተ ሓሙሽተ ሽዱሽተ ሸውዓተ ሸሞንተ ትሽዓተ",
)
TEEN_WORDS = _words(
    "tien elf twaalf dertien veertien vijftien zestien zeventien achttien negentien",
    "ten eleven twelve thirteen fourteen fifteen sixteen seventeen eighteen nineteen",
    "diez once doce trece catorce quince dieciséis dieciseis diecisiete dieciocho diecinueve",
    "ده یازده دوازده سیزده چهارده پانزده شانزده هفده هجده نوزده toban ዓሰርተ",
)
TENS_WORDS = _words(
    "twintig dertig veertig vijftig zestig zeventig tachtig negentig",
    "twenty thirty forty fifty sixty seventy eighty ninety",
    "on yirmi otuz kırk kirk elli altmış altmis yetmiş yetmis seksen doksan",
    "veinte treinta cuarenta cincuenta sesenta setenta ochenta noventa",
    "двадцять тридцять сорок пятдесят шістдесят сімдесят вісімдесят девяносто",
    "عشرين ثلاثين تلاتين اربعين أربعين خمسين ستين سبعين ثمانين تمانين تسعين",
    "بیست سی چهل پنجاه شصت هفتاد هشتاد نود",
    "labaatan soddon afartan konton lixdan toddobaatan sideetan sagaashan",
    "ዕስራ ሰላሳ ኣርብዓ ሓምሳ ስሳ ሰብዓ ሰማንያ ቴስዓ",
)
NUMBER_JOINS = _words("و y iyo")  # "هفتاد و دو", "treinta y dos", "labaatan iyo shan"

# Words before a licence plate, where a code of letters and digits typed any way is one:
# "kenteken xk 482 t", "رقمها xk 482 t", "na polskich blachach WGM 48213".
PLATE_CUES = _items(
    "kenteken|nummerbord|nummerplaat|plate|number plate|license plate|licence plate|reg",
    "registration|plaka|plakası|plakasi|tablica|tablice|rejestracja|numer rejestracyjny",
    "blachach|blachy|blachami",
    "номер|номери|номерний знак|matrícula|matricula|placa|رقمها|رقمه|رقم السيارة|نمره|پلاک",
    "پلاکش|lambar|lambarkiisu|lambarkeeda|lambarka gaariga|taarga|ቁጽሪ መኪና|ታርጋ",
)

# Social media names after a platform word: "insta: fatima.k".
SOCIAL_CUES = _items(
    "instagram|insta|facebook|fb|tiktok|snapchat|snap|telegram|twitter|signal|whatsapp",
    # as written in other scripts
    "اینستاگرام|انستغرام|انستقرام|انستجرام|اینستا|انستا|فیسبوک|فيسبوك|فیس بوک|فيس بوك",
    "تیک تاک|تیکتاک|تيك توك|تيكتوك|سناپ چت|اسنپ چت|سناب شات|سناب|تلگرام|تلغرام|تليجرام",
    "واتساپ|واتس اب|واتساب|інстаграм|інста|інсті|тікток|телеграм|фейсбук|снапчат",
    "ኢንስታግራም|ኢንስታ|ቲክቶክ|ፌስቡክ|ቴሌግራም|ስናፕቻት|ስናፕ|ዋትስኣፕ|ዋትሳፕ",
)

# Public numbers that identify no one: emergency, helplines, police non-emergency.
# Shops known by their web address, which names no one: "bij bol.com", "via marktplaats.nl".
SHOP_DOMAINS = _words(
    "bol.com marktplaats.nl zalando.nl zalando.com coolblue.nl amazon.nl amazon.com",
    "vinted.nl booking.com thuisbezorgd.nl wehkamp.nl temu.com shein.com aliexpress.com",
    "2dehands.be werk.nl toeslagen.nl",
)

PUBLIC_NUMBERS = frozenset(
    ["112", "113", "08002000", "08000432", "09008844", "09000101", "08000113"]
)

# Capitalised words that never name a person although they may look like a name or be
# missing from the frequency lists: shops, brands and car makes, apps and platforms,
# organisations and services (countries, languages, regions, weekdays and months in every
# form come from the built lexicon, gazetteer.py).
NOT_PERSON = _words(
    # shops and chains
    "jumbo lidl aldi plus vomar hoogvliet coop spar dekamarkt poiesz heijn ah",
    "hema action kruidvat etos zeeman primark blokker wibra xenos ikea gamma praxis karwei",
    "mediamarkt coolblue bol zalando wehkamp amazon marktplaats intertoys",
    "mcdonald's mcdonalds kfc burger king subway dominos domino's starbucks febo kwantum",
    "c&a h&m bijenkorf decathlon jysk fietsenwinkel carrefour mercadona bim a101",
    "şok migros biedronka żabka lewiatan rossmann pepco netto auchan dino stokrotka",
    "сільпо атб епіцентр фора новус ашан укрпошта пошта приватбанк монобанк ощадбанк",
    "dirk ekoplaza kruidvat vinted bershka asda tesco sainsbury's sainsburys morrisons",
    "argos boots greggs waitrose iceland poundland eroski alcampo hipercor",
    "scapino vanharen bristol ici-paris kiabi polonez",
    # pay later and quick loans, the debt of many a note
    "klarna afterpay riverty in3 ferratum",
    # housing corporations, where the rent is paid: "W biurze Mitros", "مكتب Ymere"
    "ymere mitros vestia stadgenoot rochdale woonstad havensteder woonbron staedion",
    "vidomes wonion portaal woonzorg",
    # hospitals, where a birth or a wound is seen: "op de kraamafdeling van het Maasstad"
    "isala maasstad olvg erasmus radboudumc umcg lumc amphia rijnstate zuyderland ikazia",
    "spaarne tergooi dijklander flevoziekenhuis haaglanden umc",
    # car makes and brands
    "opel volkswagen vw toyota ford renault peugeot citroën citroen fiat kia hyundai bmw",
    "audi skoda škoda seat volvo nissan mazda honda suzuki tesla dacia mitsubishi",
    "lexus porsche mini jeep chevrolet tata yamaha vespa gazelle batavus sparta",
    "vauxhall mercedes-benz lada daewoo chrysler dodge cupra",
    # car models
    "corsa astra zafira insignia polo golf passat touran tiguan clio megane twingo",
    "prius yaris corolla aygo auris focus fiesta mondeo octavia fabia ibiza leon",
    "picanto sportage qashqai micra swift c1 c3 c4 208 308 3008 punto panda",
    "life360 findmy",
    # languages the built lexicon lacks: "ze spreekt alleen darija"
    "darija darja farsi kurmanji",
    # airlines, malls
    "ryanair transavia klm easyjet pegasus wizz wizzair corendon sunexpress lufthansa",
    "catharijne zuidplein kalverstraat",
    # petrol stations, cinemas, car parks, gyms: where something was seen ("bij de Shell")
    "shell esso texaco tinq tango avia pathé pathe kinepolis vue q-park interparking",
    "basic-fit basicfit sportcity shisha",
    # halls, arenas and clubs where a match or a fair was: "bij de rai", "na meczu Feyenoordu"
    "rai ahoy ziggo kuip afas gelredome feyenoord ajax psv vitesse excelsior heracles",
    "cambuur telstar galatasaray fenerbahçe fenerbahce besiktas trabzonspor legia wisła",
    "shakhtar dynamo wydad",
    # money sent home: "Dahabshiil ee Schiedam"
    "dahabshiil worldremit moneygram taaj",
    # the municipality's and the state's offices: "باجه Burgerzaken"
    "burgerzaken belastingdienst toeslagen stadsloket stadsdeel",
    "схіпхол схіпголі шіпхол سخيبول سكيبول اسخیپول",
    # origins in Arabic script that the names data set has as names
    "افغان افغانی ایرانی عراقی سوری مغربی هلندی ترکی عربی افغانستانی",
    "iphone samsung huawei xiaomi nokia apple android google nike adidas playstation",
    "xbox nintendo netflix spotify youtube disney onlyfans",
    # fashion brands a gift or a bag is named by: "een nieuwe gucci tas"
    "gucci prada dior vuitton balenciaga moncler versace armani lacoste",
    "zara mango shein rolex pandora swarovski nikes گوچی",
    # apps, platforms, messaging
    "signal whatsapp telegram facebook messenger instagram insta tiktok snapchat snap",
    "twitter x viber imo botim skype zoom teams discord reddit linkedin threads bereal",
    "tinder google maps gmail outlook hotmail digid mijngemeente ns ov-chipkaart",
    "bumble badoo hinge grindr happn lovoo feeld okcupid parship lexa",
    "papiamentu papiamento sranan sranantongo sarnami",  # languages the built list lacks
    "quraan quraanka quraanku qur'aan quran koran kuran kur'an",
    "ovchipkaart 9292 uber bolt thuisbezorgd deliveroo tikkie paypal",
    # organisations, services, institutions
    "tolkcontact tolkendienst globalise sensoor fier moviera arosa perspektief kompaan",
    "fairwork humanitas slachtofferhulp kinderbescherming jeugdbescherming kindertelefoon",
    "steunpunt raadslieden kadera veiligheidshuis combiwel swazoom dock movisie",
    "lumens kinderopvang peuterspeelzaal bso buurthuis wijkcentrum consultatiebureau",
    "jgz cjg ggz ggd uwv svb duo cak cjib ind coa azc азц vluchtelingenwerk nidos",
    "rutgers amref unicef unhcr iom msf oxfam novib caritas diaconie leger",
    "safe house shelter blijf-van-mijn-lijf-huis blijfhuis opvang vrouwenopvang",
    "mosque church synagogue moskee kerk camii cami mezquita iglesia meczet kościół",
    "politie police polis policía policja поліція شرطة پلیس booliska ፖሊስ",
    "veilig thuis jeugdzorg wijkteam buurtteam sociaal team schuldhulp",
    "mops ops pcpr caritas niebieska karta pogotowie straż дія цнап",
    "albert-heijn ah-to-go rabobank ing abn amro sns asn bunq knab triodos",
    "rtl nos npo bbc cnn aljazeera trt",
    # cities and towns (Dutch ones also start NOT_NAME_PREFIXES), Belgian ones
    "gent antwerpen brussel bruxelles luik liège mechelen leuven brugge hasselt genk",
    "charleroi namen namur aalst kortrijk oostende sint-niklaas molenbeek schaerbeek",
    "anderlecht borgerhout deurne zwijndrecht lelystad purmerend hoorn zeist ede venlo",
    "heerlen sittard roermond emmen assen leeuwarden deventer helmond oss roosendaal",
    "bergen spijkenisse capelle nieuwegein veenendaal houten alphen gorinchem kampen",
    "hoofddorp haarlemmermeer rijswijk voorburg leidschendam wassenaar katwijk osdorp",
    "bijlmer slotervaart geuzenveld kanaleneiland overvecht lombok feijenoord charlois",
    "schilderswijk transvaal moerwijk laak escamp",
    # Dutch regions; countries the names data set also has as given names
    "westland achterhoek veluwe betuwe twente randstad gooi zaanstreek kennemerland",
    "libya djibouti moldova montenegro",
    # the same cities as key persons write them in their own script (declined forms are
    # found by their stem: "у гронінгені", "в дордрехті")
    "амстердам роттердам гаага гааги утрехт ейндховен ейндговен тілбург гронінген алмере",
    "бреда неймеген апелдорн апельдорн гарлем арнем енсхеде амерсфорт зволле лейден",
    "маастрихт дордрехт зутермер делфт антверпен брюссель гент нідерланди бельгія",
    "امستردام أمستردام روتردام لاهاي اوتريخت أوترخت ايندهوفن تيلبورغ خرونينغن الميرا",
    "بريدا نيميخن ارنهيم لايدن ماستريخت دوردريخت انتويرب بروكسل هولندا",
    "آمستردام روتردام لاهه اوترخت آیندهوون تیلبورخ خرونینگن آلمره بردا نایمخن آرنم",
    "لیدن ماستریخت دوردرخت آنتورپ بروکسل آپلدورن آپلدورن هلند",
    "ኣምስተርዳም ሮተርዳም ዘሄግ ኡትረኽት ኣይንድሆቨን ቲልቡርግ ሆላንድ",
    # Somali weekdays with the article
    "isniinta talaadada arbacada khamiista jimcaha sabtida axadda",
    # floors and ordinals in addresses
    "verdieping etage hoog floor piso piętro поверх kat طبقه طابق الطابق بالطابق",
    # the fasting month, whose name is also a given name (Ramadan, Ramazan): a note
    # speaks of the month far more often
    "رمضان برمضان ورمضان",
    # Friday, the day of prayer, also a given name (Juma): "خطبه جمعه"
    "جمعه الجمعة الجمعه",
    # Somali weekdays with the article of the past ("Thursday, last")
    "isniintii talaadadii arbacadii khamiistii jimcihii sabtidii axaddii",
)

# Words after which a name often stands without a cue ("sprak met yasmina", "belde noor",
# "spoke to kayleigh", "با مریم"): there a name that is also a word, or a word the lexicon
# does not know, is judged more readily (judge.py). Not cues: "met een riem" stays.
# A family named by its name: the word before it ("familie bakker", "сім'я бондарів"),
# the word after it ("yılmaz ailesi", "the smith family").
FAMILY_WORDS = _words("fam familie familia rodzina rodziny rodzinę сім'я сім'ї сім'ю родина родини")
FAMILY_AFTER = _words("ailesi family")
NAME_CONTEXT_BEFORE = _words(
    # nl
    "met belde gebeld zag gezien sprak gesproken gepraat appte appt bezocht hielp",
    # en
    "with to saw seen met called phoned asked told visited helped",
    # es
    "con a vi llamé hablé visité ayudé",
    # pl
    "z ze widziałam widziałem rozmawiałam rozmawiałem dzwoniłam spotkałam",
    # uk
    "з із зі бачила бачив говорила розмовляла дзвонила зустріла",
    # tr
    "gördüm aradım",
    # so: also "the number of", "the mother of" before the name ("lambarka xaliimo")
    "hadlay wacay lambarka taleefanka emaylka cinwaanka hooyadii aabihii walaashii",
    "walaalkii gabadhii wiilkii ninkii naagtii magaca",
    # ar, fa
    "مع رأيت شاهدت كلمت تكلمت اتصلت با دیدم",
    # ti
    "ምስ ወዲ ጓል",
    *FAMILY_WORDS,
)

# Words before which a name often stands without a cue ("noor vertelde", "rukiye ile").
NAME_CONTEXT_AFTER = _words(
    # nl
    "zegt zei vertelde vertelt belde huilde schreeuwde appte appt belt durft slaapt woont",
    "kwam komt",
    # en
    "says said told cried shouted called texted lives came comes kept keeps showed asked",
    # es
    "dice dijo contó cuenta llamó lloraba vive llora conto llegó llego vino",
    # pl
    "mówi powiedziała powiedział płakała krzyczał dzwoniła mieszka",
    # uk
    "каже сказала сказав казала плакала кричав дзвонила живе пише",
    # tr
    "ile dedi söyledi ağladı aradı anlattı",
    # so
    "ayaa",
    # ar, fa
    "قالت قال تقول يقول بكت گفت میگوید اتصلت قالتلي حكت زنگ",
    *FAMILY_AFTER,
)

# Name slots: after "spoke with", before "ile konuştum" or "and her husband", a person's
# name is nearly certain; there any name of the lexicon is taken, also one that is a
# word ("sevgi ile konuştum").
NAME_SLOT_BEFORE = _phrases(
    "sprak met|gesproken met|gepraat met|praatte met|belde met|gesprek met|afspraak met",
    "spoke with|spoke to|talked to|talked with|speaking to|met with|chatted with",
    "spoke w|talked w|met w|spoke w/|talked w/|sprak m|gesproken m",
    "hablé con|hable con|hablando con|hablamos con|llamé a",
    "rozmawiałam z|rozmawiałem z|rozmowa z|rozmawiałam ze",
    "говорила з|говорила із|розмовляла з|розмовляла із|розмова з|говорив з",
    "la hadlay|la hadashay|la kulmay",
    "تكلمت مع|تحدثت مع|تحدثت الى|تحدثت إلى|رأيت|شاهدت|قابلت",
    "ik zag|zag ik|i saw|vi a|widziałam|widziałem|бачила|бачив",
)
NAME_SLOT_AFTER = _phrases(
    "ile konuştum|ile görüştüm|ile konuştuk|ile görüştük",
    # "gönül ve kocası": someone and her husband, someone and his wife
    "ve kocası|ve karısı|ve eşi|en haar man|en zijn vrouw|and her husband|and his wife",
    "y su marido|y su esposo|y su esposa|i jej mąż|i jej maz|i jego żona|i jego zona",
    "та її чоловік|і її чоловік|و زوجها|و جوزها|و راجلها|و شوهرش|و همسرش|iyo ninkeeda",
    "iyo xaaskiisa",
    "صحبت کردم|حرف زدم|رو دیدم|را دیدم|رو دیدیم|رو میشناسم",
    "ተዛሪበ|ተራኺበ",
)

# Places that are common given names as well, so not in places.txt: a place after a word
# that says where ("uncle in Lagos", "from London", "naar Sofia"), a person elsewhere.
# Prepositions that also mean "with" or "of" ("z", "de", "bij") say nothing.
NAMED_PLACES = _words(
    "lagos london paris sofia jordan georgia florence victoria adana aydın kars aden medina",
    "alexandria lima santiago orlando milan valencia aurora regina",
    # cities of origin that the names data set holds as family names ("uit Nador")
    "nador oujda agadir tanger fes safi murcia quito cartagena keren homs hama malatya",
    "tanja saba",  # Tangier as typed in Arabizi ("f tanja"), the island of Saba
)
# Common given names that the built lexicon also lists as a language or a small place
# ("Sena", a language of Mozambique; Saba, an island): a name, unless a word says a place.
NAMES_NOT_PLACES = _words(
    "sena saba naama mila leona lucía tristan cristóbal",
    "марта",  # Marta, in Ukrainian notes; "of March" only in Russian ("8 марта")
)
WHERE = _words("in from to naar uit near en desde em в у في از در f fi mn joogaa joogta magaalada")
# Arabic "at", "to", "from", "with", "on": "عند الحلاق" (at the barber's)
ARABIC_PREPOSITIONS = _words("عند لعند ع على عل في من مع الى إلى")
