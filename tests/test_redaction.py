"""The PII redactor (flows.redaction): unit tests per kind, the initials field, failing
closed, and the multilingual corpus scored by benchmarks/redaction.py."""

from __future__ import annotations

import importlib.util
import subprocess
import sys
import unicodedata
from pathlib import Path

import pytest

import flows.redaction
from flows.redaction import (
    KINDS,
    Redaction,
    RedactionError,
    clean_initials,
    normalise,
    redact,
)

ROOT = Path(__file__).resolve().parent.parent


def _load_benchmark():
    """The scoring code lives once, in benchmarks/redaction.py; load it by path."""
    path = ROOT / "benchmarks" / "redaction.py"
    spec = importlib.util.spec_from_file_location("redaction_benchmark", path)
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # dataclasses need the module registered
    spec.loader.exec_module(module)
    return module


bench = _load_benchmark()


def kinds(text: str) -> tuple[str, ...]:
    return redact(text).removed


# --- API shape --------------------------------------------------------------------------


def assert_gone_and_kept(text: str, gone: str, stays: str) -> None:
    """The identifier is taken out of `text` and the phrase beside it stays."""
    cleaned = redact(text).text
    assert gone not in cleaned and stays in cleaned, cleaned


def assert_kept(text: str, stays: str) -> None:
    """The phrase stays in the cleaned `text`."""
    cleaned = redact(text).text
    assert stays in cleaned, cleaned


def test_kinds_are_the_documented_ones():
    assert KINDS == (
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


def test_redaction_is_a_frozen_dataclass_with_markers():
    result = redact("Mijn buurvrouw Fatima belt vaak vanaf 06-12345678.")
    assert isinstance(result, Redaction)
    assert result.text == "Mijn buurvrouw [name] belt vaak vanaf [phone]."
    assert result.removed == ("name", "phone")
    with pytest.raises(AttributeError):
        result.text = "x"  # type: ignore[misc]


def test_removed_is_unique_and_in_order_of_first_appearance():
    result = redact("Bel 06-12345678 of mail a.b@example.com, of bel 020 123 4567.")
    assert result.removed == ("phone", "email")
    assert result.text.count("[phone]") == 2


def test_clean_text_passes_unchanged():
    text = "De kinderen komen altijd te laat op school."
    assert redact(text) == Redaction(text, (), (), text)


def test_module_imports_neither_telegram_nor_sqlalchemy():
    code = (
        "import sys, flows.redaction; "
        "bad = [m for m in sys.modules if m.split('.')[0] in ('telegram', 'sqlalchemy')]; "
        "sys.exit(1 if bad else 0)"
    )
    assert subprocess.run([sys.executable, "-c", code], cwd=ROOT).returncode == 0


# --- normalise --------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("０６１２３４５６７８", "0612345678"),  # fullwidth
        ("٠٦١٢٣٤٥٦٧٨", "0612345678"),  # Arabic-Indic
        ("۰۶۱۲۳۴۵۶۷۸", "0612345678"),  # Persian
        ("०६१२", "0612"),  # Devanagari
        ("06\u200b1234\u200c5678\u200d", "0612345678"),  # zero-width
        ("\u202b06-12\u202c\u2066345\u2069\u061c", "06-12345"),  # bidi controls
        ("\ufeffa\u2060b\u00adc", "abc"),  # BOM, word joiner, soft hyphen
        ("ﬁ ①", "fi 1"),  # NFKC compatibility forms
        ("a\u00a0b", "a b"),  # no-break space becomes a space
        ("line one\nline  two\ttab", "line one\nline  two\ttab"),  # nothing collapsed
    ],
)
def test_normalise(raw, expected):
    assert normalise(raw) == expected


def test_redact_normalises_first():
    assert redact("Bel ٠٦١٢٣٤٥٦٧٨ nu").text == "Bel [phone] nu"
    assert redact("Bel 06\u200b1234\u200b5678 nu").text == "Bel [phone] nu"


# --- each kind --------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "gone"),
    [
        ("+31 6 12345678", "12345678"),
        ("06-12345678", "12345678"),
        ("0612345678", "0612345678"),
        ("020 123 4567", "123 4567"),
        ("06.12.34.56.78", "34.56"),
        ("0031612345678", "0031612345678"),
        ("+212 612 345 678", "612 345 678"),
        ("+31 (0)6 1234 5678", "1234 5678"),
        ("06 - 12 34 56 78", "34 56"),
        ("٠٦١٢٣٤٥٦٧٨", "0612345678"),
        ("09123456789", "09123456789"),  # Iranian mobile: pattern, not NL metadata
    ],
)
def test_phone(text, gone):
    result = redact(f"Bel haar op {text} na school.")
    assert result.removed == ("phone",)
    assert gone not in result.text
    assert result.text.startswith("Bel haar op [phone]")


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        ("mail me op fatima.k@hotmail.com.", "email"),
        ("mail fatima at gmail dot com", "email"),
        ("zie https://example.org/a?b=1 voor meer", "url"),
        ("zie www.example.nl voor meer", "url"),
        ("stuur via t.me/fatima_k een bericht", "url"),
        ("haar account is @fatima_k2", "handle"),
        ("insta: fatima.k.1990", "handle"),
    ],
)
def test_contact_details(text, kind):
    assert kinds(text) == (kind,)


def test_email_is_not_also_a_url_or_handle():
    assert redact("a.b@example.com").text == "[email]"


@pytest.mark.parametrize(
    "text",
    ["1012 AB", "1012AB", "1012ab"],
)
def test_postcode(text):
    assert redact(f"postcode {text}, Amsterdam").text == "postcode [postcode], Amsterdam"


@pytest.mark.parametrize(
    ("text", "street"),
    [
        ("Ze woont op de Kalverstraat 12.", "Kalverstraat 12"),
        ("Ze woont aan de Laan van Meerdervoort 55a.", "Laan van Meerdervoort 55a"),
        ("Eerst woonde ze op Damrak 1-3.", "Damrak 1-3"),
        ("She lives at Main Street 5.", "Main Street 5"),
        ("They moved to 12 Baker Street.", "12 Baker Street"),
        ("Mieszka przy ul. Długiej 5.", "ul. Długiej 5"),
        ("Eski adresi Çiçek Sokak No: 5.", "Çiçek Sokak No: 5"),
        ("Viven en la calle Mayor 5.", "calle Mayor 5"),
        ("تسكن في شارع الحسن الثاني رقم 12.", "شارع الحسن الثاني رقم 12"),
        ("Het adres is Burgemeester de Vlugtlaan 125.", "Burgemeester de Vlugtlaan 125"),
    ],
)
def test_address(text, street):
    result = redact(text)
    assert result.removed == ("address",)
    assert result.text == text.replace(street, "[address]")


def test_a_town_after_the_house_number_stays():
    assert redact("waxay deggan yihiin Schiedamseweg 201b Rotterdam").text == (
        "waxay deggan yihiin [address] Rotterdam"
    )


@pytest.mark.parametrize(
    "text",
    [
        "Het kind zit in groep 7/8.",
        "Kinderen 3-5 jaar mogen mee.",
        "Tussen 2018-2020 woonde ze in Utrecht.",
        "Ze woont in de Kalverstraat.",
        "adres: 3 hoog, de deur links",
        # numbers said in words that are no phone number
        "ik zag twee of drie kinderen, nul of een keer per week",
        "nul zes keer kwam ze, twee drie vier",
    ],
)
def test_not_an_address(text):
    assert redact(text).text == text


@pytest.mark.parametrize(
    "date",
    [
        "12-03-1985",
        "12/3/85",
        "1985-03-12",
        "12.03.1985",
        "03/31/2016",
        "12 maart 1985",
        "March 12, 1985",
        "3rd of May 2010",
        "12 Mart 1985",
        "3 maja 2016",
        "5 березня 2014",
        "12 de marzo de 2016",
        "12 مارس 2016",
        "12 مهر 1395",
        "12 መጋቢት 2016",
        "12 Maarso 2015",
    ],
)
def test_date(date):
    result = redact(f"Datum: {date} (zo staat het in de brief)")
    assert result.removed == ("date",)
    assert result.text == "Datum: [date] (zo staat het in de brief)"


@pytest.mark.parametrize(
    ("text", "year"),
    [
        ("She was born in 1988 in Syria.", "1988"),
        ("Ze is geboren in maart 1990.", "maart 1990"),
        ("Annesi 1985 doğumlu.", "1985"),
        ("متولد 1364 است.", "1364"),
        ("ሰብኣያ ብ1988 ተወሊዱ።", "1988"),
        ("Waxay dhalatay 1990.", "1990"),
    ],
)
def test_birth_year(text, year):
    result = redact(text)
    assert result.removed == ("date",)
    assert year not in result.text


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        ("BSN 123456782", "bsn"),
        ("BSN 1234.56.782", "bsn"),
        ("BSN 123 456 782", "bsn"),
        ("BSN 12345672", "bsn"),  # 8-digit BSN, 11-check on the zero-padded form
        ("nummer 123456789", "number"),  # fails the 11-check: still removed
        ("nummer 12345678", "number"),
        ("nummer 1234567890123", "number"),
        ("nummer 654321", "number"),  # 6+ digits
        ("burgerservicenummer: 1234", "bsn"),  # cue: whatever follows is the BSN
    ],
)
def test_bsn_and_digit_runs(text, kind):
    result = redact(text)
    assert result.removed == (kind,)
    assert not any(ch.isdigit() for ch in result.text.split(" ", 1)[1])


@pytest.mark.parametrize(
    "text",
    [
        "NL91 ABNA 0417 1643 00",
        "NL91ABNA0417164300",
        "nl91abna0417164300",
        "PL61 1090 1014 0000 0712 1981 2874",
        "NL12 ABNA 0123 4567 89",
    ],  # last: bad checksum
)
def test_iban(text):
    assert redact(f"rekening {text}, graag").text == "rekening [iban], graag"


@pytest.mark.parametrize(
    "plate",
    [
        "AB-12-34",
        "12-34-AB",
        "12-AB-34",
        "AB-12-CD",
        "AB-CD-12",
        "12-AB-CD",
        "12-ABC-3",
        "1-ABC-23",
        "AB-123-C",
        "A-123-BC",
        "ABC-12-D",
        "A-12-BCD",
        "1-AB-234",
        "123-AB-4",
        "ab-123-c",
    ],
)
def test_plate(plate):
    assert redact(f"auto met kenteken {plate}.").text == "auto met kenteken [plate]."


@pytest.mark.parametrize(
    ("text", "gone"),
    [
        ("Veilig Thuis heeft dossier 2023-0456 aangemaakt.", "0456"),
        ("Het zaaknummer is 12345.", "12345"),
        ("Zaaknummer 12345 staat op de brief.", "12345"),
        ("She gave me case no. 7788 for this.", "7788"),
        ("The reference is VT-2024-118.", "2024"),
        ("Dosya numarası 2024-118 olarak kaydedildi.", "118"),
        ("Su NIE es X1234567L.", "1234567"),
    ],
)
def test_case_numbers(text, gone):
    result = redact(text)
    assert result.removed == ("number",)
    assert gone not in result.text


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("mijn buurvrouw Fatima heeft blauwe plekken", "Fatima"),
        ("haar man Ahmed schreeuwt", "Ahmed"),
        ("her name is Sarah and", "Sarah"),
        ("her name is sarah and", "sarah"),
        ("a man called John shouted", "John"),
        ("a girl named Hiba sleeps here", "Hiba"),
        ("mevrouw Jansen hoort het", "Jansen"),
        ("Mr. Smith hears it", "Smith"),
        ("meneer de Vries hoort het", "de Vries"),
        ("mevrouw van der Berg hoort het", "van der Berg"),
        ("اسمها فاطمة وعمرها 30", "فاطمة"),
        ("adı Ayşe olan kadın", "Ayşe"),
        ("Ayşe adında bir kadın", "Ayşe"),
        ("Zeynep Hanım duyuyor", "Zeynep"),
        ("ma na imię Anna i", "Anna"),
        ("її звати Олена, вона", "Олена"),
        ("magaceedu waa Hodan, waxay", "Hodan"),
        ("ስማ ሳራ እያ።", "ሳራ"),
        ("ሰበይቱ ሰምሃር ትበሃል።", "ሰምሃር"),
        ("اسم او مریم است", "مریم"),
        ("مریم نام دارد", "مریم"),
        ("se llama María y", "María"),
        ("Su pareja, llamado Carlos Pérez, bebe", "Carlos Pérez"),
        ("Gisteren belde Jolanda mij op.", "Jolanda"),  # capitalised mid-sentence
        ("Khadija kwam huilend binnen.", "Khadija"),  # listed name at a sentence start
        ("mijn buurvrouw fatima huilde", "fatima"),  # lower-case listed name after a cue
        ("اسم زوجها كريم وهو", "كريم"),  # cue, kinship word, then the name
    ],
)
def test_name(text, name):
    result = redact(text)
    assert result.removed == ("name",)
    assert result.text == text.replace(name, "[name]")


def test_possessive_keeps_its_suffix():
    assert redact("Komşum Ayşe'nin kolunda").text == "Komşum [name]'nin kolunda"
    assert redact("Spoke with Layla's mum").text == "Spoke with [name]'s mum"


@pytest.mark.parametrize(
    "text",
    [
        "I gave her 2 kilos of rice.",
        "The 3 children are home alone.",
        "Om 14:30 was ze er weer, om 9 uur ging ze.",
        "Bel Veilig Thuis, 0800-2000, of bij acuut gevaar 112.",
        "Veilig Thuis: 0800 2000.",
        "She is 34 and has one child.",
        "Het is een kind van 7.",
        "Ze betaalde €50 en hij €1.500 per maand; 12.500 euro aan smokkelaars.",
        "She has lived in Amsterdam since 2019.",
        "On Monday and Friday she works; op maandag niet.",
        "In March the boy was ill; in maart was hij ziek.",
        "Gisteren was het rustig. Vandaag niet.",
        "Mijn melding K7F3 gaat over dit gezin.",  # our own case reference is kept
        "The meeting is from 14:30-15:00 in room 4.",
        "Ze zat van 2019-2020 in Utrecht.",
        "Ik sprak met F.K. over de kinderen.",  # initials are what the design allows
        "Mevrouw F.K. heeft blauwe plekken.",
        "Sinds de Ramadan zie ik haar niet.",
        "Ze spreekt Arabisch en een beetje Nederlands.",
        "Hij is in 2015 naar Nederland gekomen.",
    ],
)
def test_keeps_ordinary_text(text):
    assert redact(text).text == text


# --- failing closed ---------------------------------------------------------------------


def test_unexpected_error_becomes_redaction_error(monkeypatch):
    def boom(text, claims):
        raise ValueError("detector bug")

    monkeypatch.setattr(flows.redaction.names, "find_names", boom)
    with pytest.raises(RedactionError) as info:
        redact("Mijn buurvrouw Fatima")
    assert isinstance(info.value.__cause__, ValueError)
    assert "Fatima" not in str(info.value)  # the error never carries the text


def test_non_text_input_is_refused():
    with pytest.raises(RedactionError):
        redact(None)  # type: ignore[arg-type]


def test_a_surviving_digit_run_fails_closed(monkeypatch):
    """If the digit-run fallback ever stops working, a possible BSN is not let through."""
    monkeypatch.setattr(flows.redaction.structured, "find_digit_runs", lambda text, c: None)
    monkeypatch.setattr(flows.redaction.structured, "find_case_numbers", lambda text, c: None)
    with pytest.raises(RedactionError):
        redact("BSN 123456782")


def test_pathological_input_is_handled():
    for text in ["", "   \n", "1 " * 2000, "@" * 3000, "9" * 4000, "Anna " * 800]:
        result = redact(text)
        assert isinstance(result.text, str)


# --- initials ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("FK", "F.K."),
        ("F.K.", "F.K."),
        ("f k", "F.K."),
        ("F. K.", "F.K."),
        ("  a.b.c.  ", "A.B.C."),
        ("A B C D", "A.B.C.D."),
        ("A", "A."),
        ("Ö.Y.", "Ö.Y."),
        ("ف.ك", "ف.ك."),
        ("ف ك م", "ف.ك.م."),
        ("فك", "ف.ك."),
        ("О.П.", "О.П."),
        ("о п", "О.П."),
        ("ሰ.መ", "ሰ.መ."),
        ("ሰ መ", "ሰ.መ."),
        ("Σ.Κ.", "Σ.Κ."),
        ("ＦＫ", "F.K."),  # fullwidth, normalised first
        ("F\u200b.K.", "F.K."),  # zero-width removed first
        ("م.ر", "م.ر."),
    ],
)
def test_initials_accepted(raw, expected):
    assert clean_initials(raw) == expected


@pytest.mark.parametrize(
    "raw",
    [
        "",
        "   ",
        ".",
        "Ali",
        "Anna",
        "Omar",
        "ABC",
        "Fatima",
        "علي",
        "ሳራ",
        "Олена",
        "A.B.C.D.E.",
        "ABCDE",
        "F.K.1",
        "F1",
        "12",
        "F-K",
        "F,K",
        "F..K",
        "F.K!",
        "😀",
        "F 😀",
        "F'K",
        "F.K\nA",
    ],
)
def test_initials_refused(raw):
    assert clean_initials(raw) is None


# --- the corpus -------------------------------------------------------------------------


@pytest.fixture(scope="module")
def corpus():
    return bench.load_corpus()


@pytest.fixture(scope="module")
def scores(corpus):
    return bench.score(corpus)


def _scripts(text: str) -> set[str]:
    names = {"LATIN", "ARABIC", "CYRILLIC", "ETHIOPIC"}
    return {unicodedata.name(ch, "").split(" ")[0] for ch in text if ch.isalpha()} & names


def test_corpus_shape(corpus):
    assert len(corpus) >= 300
    langs = {r["lang"] for r in corpus}
    assert langs == {"nl", "en", "ar", "tr", "pl", "uk", "so", "ti", "fa", "es"}
    scripts = set().union(*(_scripts(r["text"]) for r in corpus))
    assert scripts == {"LATIN", "ARABIC", "CYRILLIC", "ETHIOPIC"}
    with_ids = sum(1 for r in corpus if r["identifiers"])
    assert 0.35 <= with_ids / len(corpus) <= 0.65
    for record in corpus:
        assert set(record) == {"lang", "text", "identifiers", "keep"}
        for fragment in record["identifiers"] + record["keep"]:
            assert fragment in record["text"], (fragment, record["text"])


def test_corpus_recall(scores):
    total = scores["all"]
    assert total.recall >= 0.98, total.misses


def test_corpus_false_removal_rate(scores):
    total = scores["all"]
    assert total.false_removal_rate <= 0.05, total.false_removals


def test_corpus_phone_bsn_and_email_always_removed(corpus, scores):
    hard = [i for r in corpus for i in r["identifiers"] if bench.hard_kind(i)]
    assert len(hard) >= 60  # the hard check must have something to check
    assert scores["all"].hard_misses == []


def test_corpus_never_raises(corpus):
    for record in corpus:
        redact(record["text"])


# --- names and keeps from the built lexicon (issue 22) ----------------------------------


@pytest.mark.parametrize(
    ("text", "names"),
    [
        ("sprak met yasmina el amrani over de kinderen", ["yasmina", "amrani"]),  # no cue
        ("przyszła z synem tomkiem", ["tomkiem"]),  # inflected, lower case
        ("rukiye ile konuştum", ["rukiye"]),
        ("Gloria zegt dat hij drinkt.", ["Gloria"]),  # sentence start, not on a short list
        ("Nilüfer'in kocası bağırıyor.", ["Nilüfer"]),  # Turkish suffix after an apostrophe
        ("Noëlle en Zoë spelen buiten.", ["Noëlle", "Zoë"]),  # diacritics
        ("Siobhan O'Neill heard it.", ["Siobhan", "O'Neill"]),  # apostrophe inside a name
        ("با مریم احمدی صحبت کردم", ["مریم", "احمدی"]),  # family name after a given name
        # the community lists: names the frequency lists count as words, or do not know
        ("امروز نفیسه و سهیلا را دیدم", ["نفیسه", "سهیلا"]),
        ("مریمو دیروز دیدم", ["مریمو"]),  # Farsi speech marks the object
        ("ኣዜብ ሎሚ ደዊላ", ["ኣዜብ"]),  # Tigrinya, unknown to the names data set
        ("faadumana way ooyday markii aan u sheegay", ["faadumana"]),  # Somali "and"
        ("julia, natalia i wiktor to dzieci", ["julia", "natalia", "wiktor"]),  # not "juli"
        ("з віктором коваленком розмова не вийшла", ["віктором", "коваленком"]),  # declined
        ("deniz is 15 en durft niet naar huis", ["deniz"]),  # a name more than "the sea"
        ("youth worker says dev (16) sleeps in the park", ["dev"]),  # an age in brackets
        ("كلمت عبد الرحمن امبارح", ["عبد", "الرحمن"]),  # a compound Arabic name
        ("بهار دختر همسایه ۱۶ سالشه", ["بهار"]),  # a name before a kinship word
        ("там живе тетяна з сином богданом", ["тетяна", "богданом"]),
        ("mieszka teraz u krysi z córką zosią i nie chce wracać", ["krysi", "zosią"]),
        ("Parisa woont hier sinds maart", ["Parisa"]),  # not a declined "Paris"
        # an age after a word that is also one: in brackets with an origin, or "jr"
        ("Hope (Ghanaian, 24) from our prayer meeting", ["Hope"]),
        ("hope 16 jr ghanees zet filmpjes op tiktok", ["hope"]),
        # a Turkish case ending after an apostrophe, in a Dutch sentence too
        ("lale'ye söyledim maar ze durft niet", ["lale"]),
        ("tweeling nisa en elif van de overkant", ["nisa", "elif"]),  # before "and" a name
        ("ሜሮንሲ ዓርቢ ኣይመጸትን ሓዋ ናይ ሜሮን", ["ሜሮን"]),  # Tigrinya "as for Meron"
    ],
)
def test_name_without_cue(text, names):
    cleaned = redact(text).text
    for name in names:
        assert name not in cleaned, cleaned
    assert "[name]" in cleaned


@pytest.mark.parametrize(
    ("text", "gone", "kind"),
    [
        ("zus woont in belgie: kapelstraat 12 bus 4 2000 antwerpen", "2000", "postcode"),
        ("plate is AB12 CDE, silver toyota", "AB12 CDE", "plate"),
        ("the family at Napoleonplein 6: the eldest", "Napoleonplein 6", "address"),
        ("rejestracja polska PO 7K322 stoi zawsze", "PO 7K322", "plate"),
        ("paspoort NX4K71P92 ligt bij hem", "NX4K71P92", "number"),
        ("Ze woont op de Vechtstraat 14-3 hoog.", "Vechtstraat 14-3", "address"),
        ("adres: Meidoornweg 7B, blauwe deur", "Meidoornweg 7B", "address"),
        ("Ze woont in Gent, Kouterbaan 12 bus 4.", "Kouterbaan 12 bus 4", "address"),
        ("postcode 1093 kx, derde deur", "1093 kx", "postcode"),
        ("op TikTok heet hij stoere_rayan", "stoere_rayan", "handle"),
        ("op tiktok heet ze rayangirl", "rayangirl", "handle"),
        ("her Insta is lovely.hanan", "lovely.hanan", "handle"),
        # a street typed short, its floor or addition after the number
        ("wonen op de kerkstr 12 2hg, man", "kerkstr 12", "address"),
        ("waxay degan yihiin oranjestr 41 1hg.", "oranjestr 41", "address"),
        ("خونشون lange nieuwstr 9 bv. اسم", "nieuwstr 9 bv", "address"),
        # a flat, an entrance, an apartment: where someone lives, said or not
        ("Ania z portiek 44 pisala w nocy", "portiek 44", "address"),
        ("mieszka u niego w Den Haag, flat 7c, Moerwijk", "flat 7c", "address"),
        ("вона плакала на ринку. живе кв 37", "кв 37", "address"),
        ("كيخليها تنعس فالكوزينة. شقة 4B", "شقة 4B", "address"),
        # a room in a shelter said after it
        ("кімната 12 в азц, мати і двоє хлопців", "кімната 12", "address"),
        ("el marido de la del cuarto 12 del hotel de refugiados bebe", "cuarto 12", "address"),
        ("у опванзі чоловік з кімнати 214 кричить", "кімнати 214", "address"),
        ("kemping nad jeziorem, miejsce 41", "miejsce 41", "address"),
        ("klatka nr 12 przy lindelaan", "nr 12", "address"),
        ("اسم شوهرش هم جمشید. واحدشون 3C", "3C", "address"),
        # the number first: after "address", or before a Dutch street as in English
        ("tel kwijt, adres 14 plantsoen noord, 2 kinderen", "14 plantsoen noord", "address"),
        ("dad is mr. celik, lives at 14 Hoefsmidstraat", "14 Hoefsmidstraat", "address"),
        ("dükkan kruisstraat 88de, patron bağırıyor", "kruisstraat 88", "address"),
        ("hassan uit nr 23 werd dronken", "nr 23", "address"),
        ("postcode 5612 KX, lambarka guriga 27", "lambarka guriga 27", "address"),
        # a phone number read out in words, digits among them or not, in any language
        ("zn nummer nul zes drie een negen vijf twee acht vier zeven", "drie een", "phone"),
        ("lina's nummer is nul zes 44719382", "nul zes", "phone"),
        ("oğlunun nosu sıfır altı kırk iki on bir elli beş yirmi", "kırk iki", "phone"),
        ("پیام بدم: صفر شش، هفتاد و دو، سی و یک، پنجاه، هشتاد و هشت. اسم", "هفتاد", "phone"),
        ("numbarkiisa 06 shan shan 31 toddoba 9 42", "toddoba", "phone"),
        ("nomer: nul shist visim dva try odyn p'jat' nul shist sim", "visim dva", "phone"),
        ("su número es cero seis doce treinta y cuatro cincuenta y seis", "treinta", "phone"),
    ],
)
def test_identifiers_without_cue(text, gone, kind):
    result = redact(text)
    assert gone not in result.text
    assert kind in result.removed


def test_an_age_in_brackets_with_a_name_is_that_name_s():
    assert redact("a boy in my sons class (ilyas, 16) fainted").text == (
        "a boy in my sons class ([name], 16) fainted"
    )


def test_a_nationality_after_a_name_in_farsi_is_no_family_name():
    assert "ایرانی" in redact("یک خانم مسن ایرانی را دیدم").text


@pytest.mark.parametrize(
    "text",
    [
        "On Mondays and Thursdays she takes the kids to the Safe House.",
        "Op dinsdagen en in de zomermaanden is ze bij haar moeder.",
        "Salı günleri ve cumartesileri annesine gidiyor.",
        "De vader rijdt in een rode Opel en werkt bij de Lidl.",
        "He drives a black Toyota and shops at Aldi on Saturdays.",
        "Ze belde via Signal en we regelden een tolk via Tolkcontact.",
        "Het gezin komt uit België en woont op de 3e verdieping.",
        "No surname given, she only said she is from Eritrea.",
        "her insta is private",
        "sinds 2019 en daarna",
        "Vino de Venezuela y habla por WhatsApp con su madre.",
        "he drives a silver vauxhall and shops at asda",
        "kupiła to w rossmannie i pepco",
        "sahra gibi sıcak bir yaz",  # a Somali name, but a word (desert) in Turkish
        "zij zegt hamdullah het gaat beter, mskina",  # spoken Darija inside Dutch
        "ze werkt in de kassen in het Westland",
        "the husband is still in libya",
        # places in several words, neighbourhoods, origins (places.txt)
        "Today she called me from the AZC in Budel.",
        "Fui a la Hema de Leidsche Rijn el lunes.",
        "ze woont in Bos en Lommer, vlak bij de markt",
        "The Antillean lady came to our sewing class again.",
        "Kırk yaşlarında, Afyonlu, adı bende yok.",
        "خانم ایرانی 40 ساله بهم گفت",
        "ze stond te tanken bij de Shell aan de A2",
        "in de parkeergarage van Q-Park, na de film in Pathé",
        "met mn nichtje in de shisha lounge",
        "В аеропорту Схіпхол у залі прильоту",
        "dziewczyny są z Wałbrzycha",
        "Zijn vader haalt hem op in een grijze Volkswagen Caddy.",
        "kulüp VV Zwaluwen, antrenman salı",
        "ze woont op de 3e verdieping, flat 2 hoog",
        "de moeder (Turks, 40) zei niets",
        "we zagen haar op de Dappermarkt en in het Vondelpark",  # a market, a park
        "сиділи біля азц на лавці",  # the asylum seekers' centre, in Cyrillic letters
        "ab church after the liturgy, abo'a beats her mother",
        "a flat 5 minutes from the school",
        # words typed without their accents, as frequent as with them (mąż, peluquería)
        "mowi ze maz ja bije od pol roku",
        "trabaja en la peluqueria africana del mercado",
    ],
)
def test_keeps_brands_apps_countries_floors_and_plural_weekdays(text):
    assert redact(text).text == text


def test_no_single_word_of_the_named_things_is_a_common_name():
    """A single word of named_things.txt is never taken for a name, so none may be a
    common given or family name: such a shop or feast is listed only inside a phrase."""
    from flows.redaction import judge
    from flows.redaction.once import data_lines

    lex = judge.lexicon()
    words = [line for line in data_lines("named_things.txt") if " " not in line]
    assert len(words) > 1000
    assert [w for w in words if judge.known_name(w, common=True)] == []
    assert judge.known_name("yalda", common=True) and "yalda" not in words
    assert "yalda night" in data_lines("named_things.txt")
    assert lex.name_bucket("bayram") <= 3 and "bayramda" not in words


def test_lexicon_is_loaded_once_and_small():
    from flows.redaction import gazetteer

    first = gazetteer.lexicon()
    assert gazetteer.lexicon() is first
    assert first.name_bucket("fatima") <= 1
    assert first.name_bucket("moeder") == 9 or first.zipf("moeder") >= 4.5
    path = ROOT / "flows" / "redaction" / gazetteer.FILE
    assert path.stat().st_size < 5_000_000


def test_lexicon_out_of_order_is_refused():
    """The loader relies on the file's order (no sort at load): a file written in another
    order is refused, and `redact` then fails closed."""
    from flows.redaction import gazetteer

    words = ["@words nl", *(f"w{n}\t-" for n in range(2000)), "@notperson", "x"]
    ordered = ["@words nl", *sorted(words[1:2001], key=lambda w: gazetteer.word_key(w[:-2]))]
    assert gazetteer._parse([*ordered, "@notperson", "x"]).known("w7")
    with pytest.raises(ValueError, match="order"):
        gazetteer._parse([ordered[0], *reversed(ordered[1:]), "@notperson", "x"])


def test_missing_lexicon_fails_closed(monkeypatch):
    from flows.redaction import gazetteer

    gazetteer.lexicon.forget()
    monkeypatch.setattr(gazetteer, "FILE", "missing.tsv.gz")
    with pytest.raises(RedactionError):
        redact("sprak met yasmina")
    gazetteer.lexicon.forget()  # the real one again, once the file name is back


# --- the classifier for unknown words and names in context (issue 22, round 2) ---------


def test_name_model_is_loaded_once_small_and_judges_shape():
    from flows.redaction import namemodel

    first = namemodel.model()
    assert namemodel.model() is first
    assert (ROOT / "flows" / "redaction" / namemodel.FILE).stat().st_size < 1_000_000
    assert len(first.weights) == first.dim
    assert first.probability("jayden") > 0.8
    assert first.probability("opgehaald") < 0.2
    assert first.probability("عبدالرحمن") > 0.8
    assert first.probability("يصرخون") < 0.2


def test_missing_name_model_fails_closed(monkeypatch):
    from flows.redaction import namemodel

    namemodel.probability.cache_clear()
    namemodel.model.forget()
    monkeypatch.setattr(namemodel, "FILE", "missing.bin.gz")
    try:
        with pytest.raises(RedactionError):
            redact("ik sprak met qwertyuiop over school")
    finally:
        namemodel.probability.cache_clear()
        namemodel.model.forget()


def test_damaged_name_model_is_refused():
    from flows.redaction import namemodel

    with pytest.raises(ValueError):
        namemodel.parse(b"SLEUTEL-NAMEMODEL 1 4096 0.01\n" + bytes(100))
    with pytest.raises(ValueError):
        namemodel.parse(b"something else\n" + bytes(4096))


@pytest.mark.parametrize(
    ("text", "names"),
    [
        ("ik sprak met shaniqua over school", ["shaniqua"]),  # unknown word, after "sprak met"
        ("jayden zegt dat zijn vader slaat", ["jayden"]),  # before "zegt"
        ("talked to latoya yesterday", ["latoya"]),
        ("rozmawiałam z grażyną wczoraj", ["grażyną"]),
        ("говорила з мирославою вчора", ["мирославою"]),
        ("ابنها نور يبكي كل ليلة", ["نور"]),  # a name that is a word, after a kinship word
        ("شوهرش بهروز نیکپور است", ["بهروز", "نیکپور"]),  # Farsi family name in -پور
        ("waxaan la hadlay cabdullaahi maxamed warsame", ["cabdullaahi", "warsame"]),  # chain
        ("ninkeeda warsame ayaa garaacay", ["warsame"]),
        ("ወዲ ተኽለ ኣብ ገዛ ኣሎ", ["ተኽለ"]),  # son of Tekle
        ("spoke with precious about it", ["precious"]),  # a name slot takes a word-name
        ("sevgi ile konuştum", ["sevgi"]),
        ("ольга пише мені", ["ольга"]),  # Cyrillic names are frequent words in wordfreq
        ("бачила наталію вчора", ["наталію"]),  # Ukrainian declension
        ("yıldız'ın babası çok içiyor", ["yıldız"]),  # apostrophe: a Turkish proper noun
        ("consuelo vive en el tercer piso", ["consuelo"]),  # a sentence start without capital
        ("maanta waxaan arkay hibaaq cali oo ooyaysa", ["hibaaq", "cali"]),  # before a name
    ],
)
def test_names_in_context(text, names):
    cleaned = redact(text).text
    for name in names:
        assert name not in cleaned, cleaned


@pytest.mark.parametrize(
    "text",
    [
        "ابنها يبكي كل ليلة",
        "زوجها في البيت",
        "Jej e-mail to nieaktualny",
        "Taleefankeeda waa jaban, fiidkii uun.",
        "ik sprak met een collega van het wijkteam",
        "ze zegt dat het goed gaat",
        "spoke with the teacher",
        "will call her tomorrow",
        "mark my words he is dangerous",
        "hoop dat het goed gaat",
        "deniz kenarında yaşıyor",
        "hollanda'ya geldi",
        "Ninkeeda uma oggola inay keligeed banaanka u baxdo.",
    ],
)
def test_context_alone_takes_no_ordinary_word(text):
    assert redact(text).text == text


@pytest.mark.parametrize(
    ("text", "gone", "stays"),
    [
        # the first word of a note before "says", "told", "قالت": its subject
        ("hope told me her stepdad took her phone", "hope", "her stepdad"),
        ("надія каже що батько б'є дітей", "надія", "батько"),
        ("نور قالت ان اباها يغلق عليها الباب", "نور", "اباها"),
        ("esperanza dice que su padre bebe los sábados", "esperanza", "los sábados"),
        # two common names side by side, each also a word
        ("mehmet demir beyaz bir fiat kullanıyor", "demir", "fiat"),
        # a declined name after "бачила", also a word
        ("бачила марію з синцем біля атб", "марію", "з синцем"),
        # after "and her daughter" in Arabic
        ("سمعت صراخ مريم وابنتها هبة من الشقة", "هبة", "من الشقة"),
        # account names shaped like nothing else, without "@"
        ("op tiktok heet hij xamar_boy252 en stuurt filmpjes", "xamar_boy252", "op tiktok"),
        ("kocasının instagramı kral.murat34 her gün yazıyor", "kral.murat34", "her gün"),
    ],
)
def test_names_and_handles_without_a_cue_on_a_phone(text: str, gone: str, stays: str) -> None:
    assert_gone_and_kept(text, gone, stays)


@pytest.mark.parametrize(
    "text",
    [
        "ze werkt bij de Albert Heijn op de hoek",
        "ze zitten nu in het Safe House",
        "we hebben Veilig Thuis gebeld",
        "op dinsdagen gaat ze naar de jumbo",
    ],
)
def test_services_named_after_a_person_stay(text: str) -> None:
    assert redact(text).text == normalise(text)


@pytest.mark.parametrize(
    ("text", "gone", "stays"),
    [
        # a name found once is a name wherever it stands again
        ("met haar dochter melek naar de ggd melek heeft blauwe plekken", "melek", "de ggd"),
        # a title typed in lower case
        ("mevr de vries-hoekstra van 2 hoog zegt dat", "vries-hoekstra", "2 hoog"),
        # inside an Arabic name: son of
        ("ان اخوها محمد بن علي بيهددها", "علي", "بيهددها"),
        # house numbers in lower case, and 112 after a street
        ("she lives at 8 elm road, 2nd floor", "elm road", "2nd floor"),
        ("adres zeestraat 112 in den haag", "zeestraat 112", "den haag"),
        # a colloquial kinship word before a name
        ("مامانش سوسن تهرانی زنگ زد", "سوسن", "زنگ زد"),
    ],
)
def test_third_round_of_typed_notes(text: str, gone: str, stays: str) -> None:
    assert_gone_and_kept(text, gone, stays)


@pytest.mark.parametrize(
    "text",
    [
        "w piątki chodzi do Lidla i Kruidvatu",  # declined shops
        "3 close friends came with her",  # a number before an ordinary phrase
        "bel 112 als het misgaat",  # the emergency number itself
        "anne zegt dat baba boos is",  # Turkish mother and father
        "wallah ik zweer het, habibti",
    ],
)
def test_third_round_keeps(text: str) -> None:
    assert redact(text).text == normalise(text)


@pytest.mark.parametrize(
    ("text", "kept"),
    [
        ("De GGD komt donderdag 14 maart langs.", True),  # when it happens: kept
        ("she called the safe house on Tuesday 5 March", True),
        ("перебуває в Safe House з 12 березня", True),
        ("geboren op 12 maart, woont bij haar tante", False),  # a birthday: removed
        ("her birthday is 5 March and she is 12", False),
    ],
)
def test_a_day_and_month_without_a_year(text: str, kept: bool) -> None:
    assert (redact(text).text == normalise(text)) is kept


@pytest.mark.parametrize(
    ("text", "gone", "stays"),
    [
        # a declined name and its other forms in the same note
        ("rozmawiałam z anią i jej mężem pawłem, ania mówi że paweł ją popycha", "paweł", "mówi"),
        # a Turkish name before "bey" typed in lower case
        ("kayınpederi ahmet bey kızın okula gitmesini yasakladı", "ahmet", "kızın okula"),
        # mother of, father of
        ("حكيت مع ام سامي اليوم بالسوق", "سامي", "بالسوق"),
        # a capitalised Ukrainian name in another case
        ("вимагає від Ірини гроші готівкою", "Ірини", "гроші"),
    ],
)
def test_sixth_round_of_typed_notes(text: str, gone: str, stays: str) -> None:
    assert_gone_and_kept(text, gone, stays)


@pytest.mark.parametrize(
    ("text", "gone", "stays"),
    [
        # a name written onto a prefix or a suffix in a script without case
        ("ምስ ሳባ ብተሌፎን ተዛሪበ ንሳባ ሰብኣያ ሞባይላ ወሲዱዋ", "ንሳባ", "ሰብኣያ"),
        ("ذهبتُ لسلمى ثم قالت سلمى إن والدها يضرب الأولاد", "لسلمى", "الأولاد"),
        # Somali "her name", typed in lower case
        ("hooyada ayaan la xiriiraa, magaceeda istaahil", "istaahil", "hooyada"),
        # Ukrainian names and their short forms
        ("вітя сашко і їхній дядько живуть з мамою", "сашко", "їхній дядько"),
        ("його дружина анастасія в лікарні", "анастасія", "в лікарні"),
    ],
)
def test_seventh_round_of_typed_notes(text: str, gone: str, stays: str) -> None:
    assert_gone_and_kept(text, gone, stays)


@pytest.mark.parametrize(
    ("text", "gone", "stays"),
    [
        # after a kinship word, a common name that is also a word
        ("annemin kuzeni yağmur okula gitmiyor", "yağmur", "okula"),
        ("yeğenim ayça 15 yaşında", "ayça", "15 yaşında"),
        ("mi prima dulce no quiere volver", "dulce", "no quiere"),
        ("halam kâmuran 80 yaşında", "kâmuran", "80 yaşında"),
        # possessive kinship forms generated, not listed: "my friend", "my sister"
        ("صديقتي ربى خايفة من طليقها", "ربى", "طليقها"),
        ("خواهرم شبنم دیروز زنگ زد", "شبنم", "دیروز"),
        ("دختر همسایه مون ترانه دیر میاد", "ترانه", "دختر همسایه"),
        ("بنت عم دعاء ما بتطلع من البيت", "دعاء", "من البيت"),
        ("أخت صاحبتي مَيْس عمرها 16", "مَيْس", "عمرها 16"),  # short vowels written
        ("ኣዲኣ ንምሕረት ኣይትፈቅደላን", "ምሕረት", "ኣዲኣ"),  # "to Mihret", after "her mother"
        # a word set off by commas where a person is spoken of
        ("همسایه ما، بهار، گفت شوهرش میزنه", "بهار", "همسایه ما"),
        ("de buurvrouw, roos, zei dat hij slaat", "roos", "de buurvrouw"),
        # what others call a person
        ("chłopak, którego nazywa „Sebą”, jeździ audi", "Sebą", "jeździ audi"),
        ("кличуть його Кіт, справжнє ім'я не знаю", "Кіт", "справжнє"),
        ("su novio, le dicen el gato, la amenaza", "el gato", "la amenaza"),
    ],
)
def test_names_where_a_person_is_spoken_of(text: str, gone: str, stays: str) -> None:
    assert_gone_and_kept(text, gone, stays)


@pytest.mark.parametrize(
    "text",
    [
        "mi padre bebe mucho y pierde el trabajo",  # a verb after a kinship word
        "her son will call the school",
        "haar man kan niet lezen",
        "Kocam beni dövüyor",
        "appels, peren en brood van de jumbo",
        "ze kocht een nieuwe gucci tas",
    ],
)
def test_kinship_and_commas_take_no_ordinary_word(text: str) -> None:
    assert redact(text).text == text


@pytest.mark.parametrize(
    ("text", "gone", "stays"),
    [
        # an age said of the word before: a person
        ("the uncle makes joy send money, joy is 19", "joy", "the uncle"),
        ("rênas 15 yaşında okula gitmiyor", "rênas", "15 yaşında"),
        ("نور عمرها 16 سنة واهلها بدهم يزوجوها", "نور", "عمرها 16 سنة"),
        ("Blessing told me her ex still texts her", "Blessing", "her ex"),  # a rarer name
        # "with" shortened on a phone
        ("spoke w precious today at church", "precious", "at church"),
        # a Turkish title after the name, with its case ending
        ("yağmur hanımın gelini hiç dışarı çıkmıyor", "yağmur", "gelini"),
        # the husband of whom: construct state and ezafe
        ("جوز هبة بيستنى قدام شغلها", "هبة", "قدام شغلها"),
        ("شوهر مژگان هر روز دم در کارش وایمیسه", "مژگان", "هر روز"),
        # a Persian object marker and "I saw" after the name
        ("امید رو دیدم تو پارک", "امید", "تو پارک"),
        # a note that opens on whom it is about, in Ge'ez
        ("ዮናስ ሰለስተ መንእሰያት ካብ ሊብያ ኣምጺኡ", "ዮናስ", "ካብ ሊብያ"),
    ],
)
def test_names_by_age_title_and_place_in_the_note(text: str, gone: str, stays: str) -> None:
    assert_gone_and_kept(text, gone, stays)


@pytest.mark.parametrize(
    "text",
    [
        "ሰላም፡ ሓደ ሰብ ኣብ TikTok የፈራርሓ ኣሎ",  # a greeting
        "ሓፍቱ ተስፋ ቆሪጻ እያ",  # she lost hope
        "ተስፋ ኣሎኒ ክትሕገዝ እያ",  # I have hope
        "Saw a woman pushed into a black Mercedes van",
        "nin wata baabuur mercedes cad",
        "امید دارم که خوب بشه",  # I hope it gets better
    ],
)
def test_a_word_that_shows_itself_no_name_is_not_asked_about(text: str) -> None:
    result = redact(text)
    assert result.text == text and result.doubtful == ()


@pytest.mark.parametrize(
    ("text", "asked"),
    [
        ("ሰላም ሎሚ ደዊላትለይ", "ሰላም"),  # "hello, she called me today", or Selam
        ("پدر زیاد مشروب میخورد", "زیاد"),  # "the father drinks a lot", or Ziad
        ("she said this group is the only joy she has", "joy"),  # a common word, no cue
        ("la niña lleva una falda rosa y llora", "rosa"),
    ],
)
def test_a_name_that_is_a_word_goes_until_the_writer_puts_it_back(text: str, asked: str) -> None:
    result = redact(text)
    assert asked not in result.text and "[name]" in result.text
    assert result.doubtful == (asked,) and result.with_doubtful == text


def test_a_name_that_is_a_word_in_another_form_elsewhere_is_not_asked_about() -> None:
    result = redact("oma van ramon zit alleen thuis. ramons oma woont in de bijlmer")
    assert "ramon" not in result.text and result.doubtful == ()


@pytest.mark.parametrize(
    ("text", "stays"),
    [
        ("ab fun run Senbet 14 Ginbot rieyeya", "Senbet 14 Ginbot"),  # a Sunday in May
        ("ebe hanım sorduğunda ingilizce cevap verdi", "ebe hanım"),  # the midwife
        ("la nuera vivió en murcia antes de venir", "en murcia"),
        ("haar familie komt uit nador, ze is bang", "uit nador"),
        ("Ardayga MBO-ga ee Albeda ayuu dhigtaa", "Albeda"),
    ],
)
def test_tigrinya_dates_a_turkish_trade_cities_of_origin_and_a_college_stay(
    text: str, stays: str
) -> None:
    assert_kept(text, stays)


@pytest.mark.parametrize(
    ("text", "stays"),
    [
        ("زارت القابلة جارتي صباح يوم الاثنين", "صباح يوم الاثنين"),  # Monday morning
        ("ኣብ ጉጅለ ሎሚ ሓዳስ ኣደ ኣይመጸትን", "ሓዳስ ኣደ"),  # a new mother
        ("macallimaddu waxay tiri hooyadaa ayaa ku qaadaysa", "hooyadaa"),  # your mother
        ("ኣብ ባዛር ቤተ ክርስቲያን ኪዳነ ምሕረት ርእየያ", "ኪዳነ ምሕረት"),  # a church
        ("hamsaye tabaqe 3 dar ro baz nakard", "tabaqe 3"),  # the third floor
        ("f lklas dyal l bnt dyalha kayn mochkil", "l bnt"),  # the girl
    ],
)
def test_a_morning_a_new_mother_your_mother_a_church_a_floor_and_a_girl_stay(
    text: str, stays: str
) -> None:
    assert_kept(text, stays)


@pytest.mark.parametrize(
    "text",
    [
        "the car is 10 years old",
        "she is 16 and scared",
        "البنت عمرها 17 وخايفة",  # "the girl is 17"
        "Police told me to wait",
    ],
)
def test_openings_and_ages_take_no_ordinary_word(text: str) -> None:
    assert redact(text).text == text


@pytest.mark.parametrize(
    ("text", "gone", "stays"),
    [
        ("ሎሚ ምስ ሚሚ ተዛሪበ", "ሚሚ", "ሎሚ"),  # two Ge'ez letters are two syllables: a name
        ("دوستش که بهش میگن نجو پسر 17 ساله ست", "نجو", "پسر 17 ساله"),  # a nickname
        ("فاطمة بت عوض اتصلت بي", "عوض", "اتصلت بي"),  # Sudanese "daughter of Awad"
    ],
)
def test_short_names_nicknames_and_fathers(text: str, gone: str, stays: str) -> None:
    assert_gone_and_kept(text, gone, stays)


def test_two_letter_gez_kinship_stays() -> None:
    text = "ሓንቲ ኣደ ምስ ደቃ ኣብ ቤት መጽለሊ ኣላ"  # a mother with her children in a shelter
    assert redact(text).text == text


@pytest.mark.parametrize(
    ("text", "handle"),
    [
        ("zit op snapchat als rico.dolce, ze spijbelt op maandag", "rico.dolce"),
        ("on insta hes deezy.moneyy, she had a new iphone", "deezy.moneyy"),
        ("ኣብ TikTok የፈራርሓ ኣሎ። ናታ ድማ lula.asm እዩ።", "lula.asm"),
        ("kızı tiktokta ceren.ist diye hesap açmış", "ceren.ist"),  # "on TikTok"
        ("دخترش در تیک تاک بنام mina.tehran ویدیو میذاره", "mina.tehran"),
        ("на інсті вона kit.ty_88 пише", "kit.ty_88"),
    ],
)
def test_a_dotted_account_name_after_a_platform(text: str, handle: str) -> None:
    cleaned = redact(text).text
    assert handle not in cleaned and "[handle]" in cleaned, cleaned


def test_a_dotted_word_far_from_a_platform_or_a_domain_is_no_account_name() -> None:
    text = "ze zag het op fb, zegt haar zus. " + "Het ging lang goed, " * 5 + "ze huilde.thuis"
    assert redact(text).text == text
    assert redact("op fb zag ik nadia-bakes.nl").text == "op fb zag ik [url]"
    assert redact("op fb zag ik marktplaats.nl").text == "op fb zag ik marktplaats.nl"
    assert redact("zie https://www.bol.com/p/123").text == "zie [url]"  # a page is a URL


@pytest.mark.parametrize(
    ("text", "gone"),
    [
        ("ma (real name shantidevi) 76 says grandson takes her pension", "shantidevi"),
        ("un tipo q se hace llamar flaco recoge chicas de 16", "flaco"),
        ("beta ka naam soedesh, hij komt alleen op de eerste", "soedesh"),  # Sarnami
        ("I spoke with Auntie Efua after church", "Efua"),  # a title, not a relative
    ],
)
def test_real_names_and_chosen_names(text: str, gone: str) -> None:
    cleaned = redact(text).text
    assert gone not in cleaned and "[name]" in cleaned, cleaned


@pytest.mark.parametrize(
    ("text", "gone", "stays"),
    [
        ("hüseyin amca alleen thuis, kızı geld alıyor", "hüseyin", "amca alleen thuis"),
        ("nurhayat teyze yalnız kalıyo", "nurhayat", "teyze yalnız"),
    ],
)
def test_a_name_before_a_title_that_is_also_a_relative(text: str, gone: str, stays: str) -> None:
    assert_gone_and_kept(text, gone, stays)


@pytest.mark.parametrize(
    ("text", "address"),
    [
        ("ze woont oudenoord 212 3 hoog, utrecht", "oudenoord 212"),  # a floor after it
        ("wonen laan van nieuw guinea 88bis utrecht", "laan van nieuw guinea 88bis"),
    ],
)
def test_lower_case_streets_shown_by_a_floor_or_their_kind(text: str, address: str) -> None:
    cleaned = redact(text).text
    assert address not in cleaned and "[address]" in cleaned, cleaned


@pytest.mark.parametrize(
    "text",
    [
        "op het plein van 3 tot 5 uur",
        "in de laan van de kinderen 3 keer",
        "hij woont 3 hoog",
        "annem ve teyze geldi",  # no name before the title
        "mag alleen naar de jumbo abi çok kötü",  # a shop, then "brother"
        "la señora es holandes y su marido marroqui",  # typed without accents
        "el niño colombiano vive en malaga",
    ],
)
def test_floors_titles_and_origins_typed_without_accents_stay(text: str) -> None:
    assert redact(text).text == text


@pytest.mark.parametrize(
    ("text", "gone", "stays"),
    [
        # a name met again with an ending of the note's grammar
        ("у василя кричить дитина, василь каже що це нормально", "василя", "кричить дитина"),
        ("дружина оля сама з дітьми. email оли тут", "оли", "сама з дітьми"),
        ("тетянин син приходить. тетяна з херсона", "тетянин", "син приходить"),
        ("ubax iyo walaasheed way ooyeen ubaxna gacanta", "ubaxna", "gacanta"),
        ("walaasheed nimcona way ooyday", "nimcona", "walaasheed"),  # her sister, and
        ("vriend is creool roepnaam boy boy. kenteken", "boy", "creool"),  # a call name
        ("اسم دختر مهسا است", "مهسا", "اسم دختر"),  # the name of the girl is Mahsa
    ],
)
def test_names_with_endings_call_names_and_a_girl_named(text: str, gone: str, stays: str) -> None:
    assert_gone_and_kept(text, gone, stays)


@pytest.mark.parametrize(
    "text",
    [
        "komşumuz yaşlı Türk bey 3. katta yalnız",  # an origin before a title
        "ramazanda hep beraber iftar yapıyorduk",  # the month, with its ending
        "Od Wielkanocy nikt go nie odwiedził",
        "waan la hadlay Khamiistii",  # Thursday, last
        "waxaan arkay nin ku kaxaynaya mercedes madow",  # a black Mercedes
        "ياخذ فلوسها كل خميس",  # every Thursday, not Khamis
        "هر جمعه شب میاد",  # every Friday night, not Juma
        "من بعد رمضان المعلمه قالت",
        "قال ماما نايمه",
        "همسایه طبقه دوم",  # the neighbour of the second floor
        "her dob is unknown",
    ],
)
def test_feasts_weekdays_floors_and_cars_stay(text: str) -> None:
    assert redact(text).text == text


@pytest.mark.parametrize(
    ("text", "gone", "stays"),
    [
        ("gogo (real name grace) from the church", "grace", "from the church"),
        ("ፓስፖርታ ኣብ ኢድ ወ/ሮ ጽገሬዳ እዩ ዘሎ", "ጽገሬዳ", "ወ/ሮ"),  # Mrs, with its slash
        ("ንብርኽቲ ርእየያ ኣብ lidl", "ብርኽቲ", "lidl"),  # to Birkti (a name that is a word)
        ("ኣብ ፋን ሆግንዶርፕስትራት 41 ይነብሩ", "ሆግንዶርፕስትራት 41", "ይነብሩ"),  # a street in Ge'ez
        ("buurman 2 hoog jan-willem heeft zn moeder", "jan-willem", "2 hoog"),
        ("住在三楼的李秀英阿姨跟我说，她儿子每个月拿走她的 AOW", "李秀英", "她儿子每个月"),
    ],
)
def test_chosen_names_titles_with_a_slash_streets_in_their_script_and_chinese_names(
    text: str, gone: str, stays: str
) -> None:
    assert_gone_and_kept(text, gone, stays)


@pytest.mark.parametrize(
    "text",
    [
        "no surname given",
        "een rood-wit shirt en een half-turkse vriend",
        "الان 3 سنين",  # "now", not a street in "-laan"
        "她 79 岁，只会说广东话。",
    ],
)
def test_ordinary_words_double_words_and_chinese_text_stay(text: str) -> None:
    cleaned = redact(text).text
    assert "[" not in cleaned, cleaned


@pytest.mark.parametrize(
    ("text", "gone", "stays"),
    [
        ("müşterim anlattı teyzesi gülsümü kocası dövüyomuş", "gülsüm", "teyzesi"),
        ("و خواهرش رها رو باباشون ولی رهاجون میگه", "رهاجون", "باباشون"),  # Raha, dear
        ("مدرسه نیلوفر هست. نیلوفره 15 سالشه", "نیلوفره", "سالشه"),  # Niloufar is 15
        ("店里的阿芳 zegt dat haar man geleend heeft van 一个叫强哥的人", "强哥", "的人"),
        ("店里的阿芳 zegt dat haar man geleend heeft", "阿芳", "zegt"),
        ("справа стосується родини ткаченків, чоловік", "ткаченків", "родини"),
        ("nha vizinha dulce ta chora", "dulce", "vizinha"),  # Cape Verdean: neighbour
        ("pak sutrisno the old man downstairs", "sutrisno", "pak"),  # Indonesian title
    ],
)
def test_names_with_endings_of_their_language_and_titles_of_the_communities(
    text: str, gone: str, stays: str
) -> None:
    assert_gone_and_kept(text, gone, stays)


@pytest.mark.parametrize(
    "text",
    [
        "okulda 2019da nişanlandı",  # a year with its ending, no postcode
        "the GP since Diwali. They are Hindustani Surinamese",
        "ቤተ ክርስትያን ቅዱስ ሚካኤል ኣብ Leeuwarden",  # the church of Saint Michael
        "Perşembe akşamı beyaz bir Mercedes'ti",  # a colour, an article, a car
        "trabaja en Ámsterdam Zuid",  # a city typed with a stray accent
        "komşu kadın hiç gelmedi",  # the neighbour woman
        "我的阿姨 zegt",  # my aunt
        "داکتر خانوادگی خبر ندارد",  # the family doctor
    ],
)
def test_feasts_saints_cars_and_cities_with_an_accent_stay(text: str) -> None:
    assert redact(text).text == text


@pytest.mark.parametrize(
    ("text", "gone", "stays"),
    [
        ("one man wey dem dey call uncle chidi don carry am", "chidi", "uncle"),
        ("ife's mum is adaeze, she doesnt speak dutch", "adaeze", "mum"),
        ("afua vroeg of ik iets kon doen", "afua", "vroeg"),
        ("kwabena van de kerk komt elke zondag", "kwabena", "kerk"),
    ],
)
def test_ghanaian_and_nigerian_names_are_in_the_lexicon(text: str, gone: str, stays: str) -> None:
    assert_gone_and_kept(text, gone, stays)


@pytest.mark.parametrize(
    ("text", "gone", "stays"),
    [
        ("ifrah waxay tiri, ifrah-na waa 17 sano", "ifrah-na", "sano"),  # Ifrah, and
        ("ayaa ubax ku qortay. ubaxey ma aha qof been sheegta", "ubax", "qortay"),
        ("ካብ ሳሙኤል ተለቒሑ ነይሩ ቁጽሪ ናይ ሳሚ ሂቡኒ", "ሳሚ", "ቁጽሪ"),  # Sami for Samuel
        ("ሰናይት ሰብኣያ ይዓጽዋ ኣሎ ሰኒ ብመስኮት ትዛረበኒ", "ሰኒ", "ብመስኮት"),  # Seni, Senait
        ("ጓል ሓብተይ ሰላም 17 ዓመታ እያ", "ሰላም", "ሓብተይ"),  # my sister's daughter
        ("ስሙ ኣብ ስናፕቻት dreko.bands እዩ", "dreko.bands", "ስናፕቻት"),  # on Snapchat
        ("de pastor noemt hem kobby en", "kobby", "noemt hem"),
    ],
)
def test_names_again_as_nicknames_with_endings_and_after_kin_and_platforms(
    text: str, gone: str, stays: str
) -> None:
    assert_gone_and_kept(text, gone, stays)


@pytest.mark.parametrize(
    "text",
    [
        "hij noemt haar dom en lelijk",  # he calls her stupid: the words stay
        "ik noemde haar gisteren nog",
        "ሰናይት ምስ ሓደ ሰብ ትዛረብ",  # "ሰብ" (a person) is no short "ሰናይት"
    ],
)
def test_what_is_said_of_someone_stays(text: str) -> None:
    cleaned = redact(text).text
    assert all(word in cleaned for word in text.split()[1:]), cleaned


@pytest.mark.parametrize(
    ("text", "gone", "stays"),
    [
        ("mariam, 14, told her teacher. mariams mum is worried", "mariams", "mum"),
        ("گوشی زنش نیلوفرو آنلاک کنه", "نیلوفر", "زنش"),  # his wife Niloufar's phone
        ("ዳዊት (8 ዓመት) መጺኡ፣ ክሓትቶ ከለኹ ዳዊ ‘ኣቦይ’ ኢሉ", "ዳዊ", "ክሓትቶ"),  # Dawi, Dawit
        ("oyun parkında yağmurun oğlu yine ağlıyordu", "yağmur", "oğlu"),  # Yağmur's son
        ("hasan dedenin torunu kartını almış", "hasan", "dedenin"),  # grandpa Hasan's
        ("adres gooioord 214 bijlmer", "gooioord", "bijlmer"),
        ("zit in de klas bij Mila Jansen. Mila vertelt", "Mila", "klas"),  # a province too
        ("arooskii ee Rotterdam hodan oo 16 jir ah", "hodan", "Rotterdam"),  # a town
    ],
)
def test_names_by_age_possessive_genitive_and_titles_and_streets_in_oord(
    text: str, gone: str, stays: str
) -> None:
    assert_gone_and_kept(text, gone, stays)


@pytest.mark.parametrize(
    "text",
    [
        "در آشپزخانه مسجد روز جمعه",  # on Friday, not Juma
        "adamın karısı hiç dışarı çıkmıyor",  # the man's wife
        "komşunun oğlu her gece bağırıyor",  # the neighbour's son
        "het antwoord 2 was fout",
        "on tuesday, 14, girls came",
    ],
)
def test_a_day_a_man_a_neighbour_and_an_answer_stay(text: str) -> None:
    assert redact(text).text == text


@pytest.mark.parametrize(
    ("text", "gone", "stays"),
    [
        ("امیدو دیدم جلو ایستگاه، گفت دیگه خونه نمیره", "امید", "ایستگاه"),  # I saw Omid
        ("آرزو\u200cرو دیدم سر ایستگاه ترام", "آرزو", "ایستگاه"),
        ("دیروز علیش گفت که پدرش میزنه", "علی", "پدرش"),  # her Ali said
        ("she lives kraaiennest 77 4th floor", "kraaiennest 77", "4th floor"),
        ("ze wonen kikkenstein 2217 in de bijlmer", "kikkenstein", "bijlmer"),
        ("mieszka sam oudwijk 14 bis utrecht", "oudwijk", "utrecht"),
        ("ze zitten in kamer 14 blok c van het azc", "kamer 14", "azc"),
        ("a man keeps coming to her room at night. room 3.12.", "3.12", "at night"),
        ("Habitación 2.14. Ella pidió hablar", "2.14", "Ella"),
        ("w piekarni na rogu pani sikorowa płakała", "sikorowa", "płakała"),  # after a title
        ("e polis a bin atrobe na kas di sra. girigorio", "girigorio", "polis"),
        ("ze woont Ganzenhoef 113 in zuidoost", "113", "zuidoost"),  # a house, not the line
    ],
)
def test_farsi_endings_bare_dutch_streets_rooms_and_names_after_titles(
    text: str, gone: str, stays: str
) -> None:
    assert_gone_and_kept(text, gone, stays)


@pytest.mark.parametrize(
    "text",
    [
        "شوهرش سه\u200cشنبه\u200cها دیر می\u200cآید",  # Tuesdays
        "کارفرما در گلخانه\u200cای در وستلند",  # a greenhouse, not Gulkhan
        "شوهرش مبایلش را میشکنه",  # her mobile
        "het vogelnest 3 keer leeg",
        "de huisbaas 2 keer gebeld",
        "ze moest 3 keer naar de kamer",
        "ኣብ ጉጅለ ዋትስኣፕ ኣዴታት ናይ ክፍሊ 5",  # the mothers of class 5
        "Zaterdag tinha um hematoma no pescoço",  # "um" is "a" here, no mother of
        "la señora del kiosko dice que no sale",
        "ze belde 113 voor hulp",
    ],
)
def test_a_weekday_a_greenhouse_a_nest_and_a_class_stay(text: str) -> None:
    assert redact(text).text == normalise(text)


@pytest.mark.parametrize(
    ("text", "gone", "stays"),
    [
        ("ze belde haar op 0687 112 904 vanavond", "904", "vanavond"),  # no helpline inside
        ("голосове від мар'яни переписую: її сестру привезли", "яни", "сестру"),
        ("camasirhanede tanistigim bayan bahar, kocasi evden", "bahar", "bayan"),
        ("ayeeyo nimco 81 jir ayaa jiifta, nimcana way ka baqaysaa", "nimcana", "baqaysaa"),
        ("buurvrouw op nr 23 hoor ik elke nacht schreeuwen", "23", "buurvrouw"),
        ("prosil zeby ktos zajrzal do grzeska, jego brata", "grzeska", "brata"),
        ("dałam ulotkę, powiedz agacie żeby do niej zadzwoniła", "agacie", "zadzwoniła"),
    ],
)
def test_a_phone_around_112_apostrophes_titles_and_declined_names(
    text: str, gone: str, stays: str
) -> None:
    assert_gone_and_kept(text, gone, stays)


@pytest.mark.parametrize(
    "text",
    [
        "kafeega luqadda ma imaan 3 toddobaad",  # the language café, no name
        "yasemin 15 yasinda snapchatte",  # an age, not Yasin
        "bel 112 of 113, of 0800-2000",
        "at no time did she say where",
    ],
)
def test_a_cafe_an_age_and_helplines_stay(text: str) -> None:
    cleaned = redact(text).text
    assert all(word in cleaned for word in text.split()[1:]), cleaned


@pytest.mark.parametrize(
    ("text", "gone", "stays"),
    [
        (
            "bi kiz var, zeynebin numarasi bende ama telefonu sevgilisi kontrol ediyo",
            "zeyneb",
            "numarasi",
        ),
        ("dün akşam mehmedin arabasi kapının önündeydi ve çocuklar ağlıyordu", "mehmed", "arabasi"),
        ("azc ga corridor-ka caawa way ooyaysay, qolka 17 ayay deggan yihiin", "17", "deggan"),
        ("در دهلیز کمپ هر شب چیغ میزنه، اتاق ۲۱۴ منزل دوم، اولادا ترسیدن", "214", "منزل دوم"),
        ("رنا الحلبي قالت إنو حماتها بتضربها، ولرنا بيبي عمره ٦ شهور", "لرنا", "بيبي"),
        ("ولی خواهرش گفت کار فرهاده. دو تا بچه کوچیک دارن", "فرهاد", "خواهرش"),
        ("پسرش زن خود قدسیه ره در خانه قفل میکنه، قدسیه هالندی نمیدانه", "قدسیه", "هالندی"),
    ],
)
def test_turkish_softened_names_rooms_by_what_follows_and_arabic_and_farsi_endings(
    text: str, gone: str, stays: str
) -> None:
    assert_gone_and_kept(text, gone, stays)


@pytest.mark.parametrize(
    "text",
    [
        "kolunda sigara yanığı gibi izler var",  # its burn, not Yanık
        "we meet in room 4 on tuesday, she lives nearby",
        "يكول ابوه طرده من البيت من اسبوعين",  # his father
        "المعلمه قالت انو اهلها بدهم يزوجوها",  # the teacher
    ],
)
def test_a_burn_a_meeting_room_a_father_and_a_teacher_stay(text: str) -> None:
    cleaned = redact(text).text
    assert all(word in cleaned for word in text.split()[1:]), cleaned


@pytest.mark.parametrize(
    ("text", "gone", "stays"),
    [
        ("my neighbour opa jan on the balcony next door", "jan", "opa"),
        ("свекруха вдарила невістку юлю по обличчю", "юлю", "невістку"),
        ("її племінниця селам 16 років мовчала весь час", "селам", "16 років"),
        ("says her husband jun-jun hits her when he drinks", "jun", "husband"),
        ("Ola mi powiedziała że mąż ją bije", "Ola", "mąż"),
        ("coffee ceremony at selam's house sunday", "selam", "house"),
        ("they stay flierefluiter 17 since may", "17", "since may"),
        ("la familia gomez vive en el centro", "gomez", "familia"),
        ("the smith family lives there", "smith", "family"),
    ],
)
def test_names_after_kin_in_a_slot_with_a_possessive_and_a_family_and_a_bare_address(
    text: str, gone: str, stays: str
) -> None:
    assert_gone_and_kept(text, gone, stays)


def test_a_sunday_before_a_name_is_a_sunday() -> None:
    assert redact("en la iglesia el domingo dolores me dijo").text == (
        "en la iglesia el domingo [name] me dijo"
    )


@pytest.mark.parametrize(
    "text",
    [
        "ze woont daar 2 straten verder",
        "Ze woont sinds 2022 in Emmen",
        "she lives with her aunt 2 years",
    ],
)
def test_how_long_or_how_far_someone_lives_stays(text: str) -> None:
    assert redact(text).text == text


@pytest.mark.parametrize(
    ("text", "gone", "stays"),
    [
        ("sister Precious brought her from lagos", "Precious", "from lagos"),
        ("met Sofia gesproken, ze gaat naar Sofia", "met Sofia", "naar Sofia"),
        ("her uncle in London, his wife London Adeyemi", "London Adeyemi", "in London"),
        ("z sofią rozmawiałam wczoraj", "sofią", "rozmawiałam"),  # with Sofia
    ],
)
def test_a_place_that_is_a_name_stays_where_a_word_says_it_is_a_place(
    text: str, gone: str, stays: str
) -> None:
    assert_gone_and_kept(text, gone, stays)


@pytest.mark.parametrize(
    ("text", "gone", "stays"),
    [
        ("de buurvrouw, mevrouw de bakker, huilde", "bakker", "mevrouw"),
        (
            "familie de graaf wil het stil houden, ze wonen bij de bakker",
            "de graaf",
            "bij de bakker",
        ),
        ("op naam van w. de vries, de buurman", "vries", "de buurman"),
        ("ya no aguanto dice rosa, audio de rosa pasado a texto", "de rosa", "texto"),
    ],
)
def test_a_common_word_after_an_article_stays_unless_a_name_is_said_to_follow(
    text: str, gone: str, stays: str
) -> None:
    assert_gone_and_kept(text, gone, stays)


@pytest.mark.parametrize(
    "text",
    [
        "de pastor noemt hem anders",
        "le pega con la correa y no la deja ir",
        "el pastor de la iglesia me pidió",
        "solo le queda la fe y la esperanza",
    ],
)
def test_the_baker_the_pastor_the_belt_and_hope_stay(text: str) -> None:
    assert redact(text).text == text


@pytest.mark.parametrize(
    "text",
    [
        "yan yataktaki kadin merdivenden dustum diyo ama hemsire yokken kocam itti dedi",
        "syn jej zabral karte do bankomatu i nie ma na leki",
        "el esposo la empuja en el balcon cada noche",
    ],
)
def test_words_typed_without_their_accents_stay(text: str) -> None:
    assert redact(text).text == text


def test_a_name_typed_without_its_accents_is_still_a_name() -> None:
    cleaned = redact("bugun dikis kursunda nilufer yine kolunu sakladi").text
    assert "nilufer" not in cleaned and "kursunda" in cleaned


@pytest.mark.parametrize(
    ("text", "gone", "stays"),
    [
        ("Aanmelding: OSEI, Akosua (geb. 2011), groep 8", "OSEI", "groep 8"),
        ("zijn auto heeft een turks kenteken 06 KLM 482, wit", "KLM 482", "turks kenteken"),
        ("бус з номером ВС 5521 АК стоїть біля школи", "5521", "біля школи"),
        ("ze zit in het opvangcentrum kamer 308 met de kinderen", "308", "met de kinderen"),
        ("живе в гуртожитку, кімната 41, з двома дітьми", "41", "з двома дітьми"),
        ("قالت إنها ساكنة بغرفة 12 مع بناتها", "12", "مع بناتها"),
        ("chłopak z nr 41 znowu płakał na klatce", "41", "na klatce"),
        ("wiem tylko że u jankowskich było głośno w sobotę", "jankowskich", "w sobotę"),
        ("родина мельників з другого поверху", "мельників", "з другого поверху"),
        ("دیروز خونه‌ی احمدی‌ها دعوا بود", "احمدی", "دعوا بود"),
    ],
)
def test_officials_surnames_turkish_and_ukrainian_plates_rooms_and_families_in_plural(
    text: str, gone: str, stays: str
) -> None:
    assert_gone_and_kept(text, gone, stays)


@pytest.mark.parametrize(
    "text",
    [
        "ze zegt dat ze geen hoop meer heeft",  # no hope left
        "she says there is no grace in that house",
        "sin esperanza, dice la señora",
        "kadın artık umut yok diyor",
        "قالت ما في أمل بهالبيت",
        "po wszystkim nie ma nadziei, mówi",
        "ایرانی‌ها و همسایه‌ها اومدن",  # Iranians and neighbours, no family
        "u sąsiadów było cicho",  # at the neighbours'
    ],
)
def test_no_hope_and_plurals_that_name_no_family_stay(text: str) -> None:
    cleaned = redact(text).text
    assert "[name]" not in cleaned, cleaned


@pytest.mark.parametrize(
    "text",
    [
        "En la caja vi a Soledad. Se le notaba la soledad en la cara.",
        "Надія Коваль розповіла про чоловіка. Вона ще має надію повернутися.",
        "Babası Umut'a bağırmış. Yine de umut var, annesi gelecek.",
    ],
)
def test_a_name_written_in_lower_case_by_a_writer_who_capitalises_names_is_the_word(
    text: str,
) -> None:
    cleaned = redact(text).text
    assert cleaned.count("[name]") == 1 + ("Коваль" in text), cleaned
    assert "soledad en" in cleaned or "надію" in cleaned or "umut var" in cleaned, cleaned


def test_a_name_in_lower_case_where_a_name_stands_is_still_the_name() -> None:
    cleaned = redact("En la caja vi a Soledad. Ayer soledad me dijo que su hijo la pega.").text
    assert "oledad" not in cleaned, cleaned


@pytest.mark.parametrize(
    "text",
    [
        "awet 15 amet ab boxing club kulu selus ymetsi ilu hawu ab geza yhrmo",
        "rahwa 14 amet ab fermata ngho ktbeki rekibeya abuwa ygerfa iyu ilatni",
    ],
)
def test_tigrinya_in_latin_letters_keeps_its_words_and_loses_its_name(text: str) -> None:
    cleaned = redact(text).text
    assert cleaned.split()[0] == "[name]", cleaned
    assert cleaned.count("[name]") == 1, cleaned


@pytest.mark.parametrize(
    ("text", "gone", "stays"),
    [
        ("سيارته اوبل رمادي رقمها xk 482 t", "482", "سيارته اوبل"),
        ("gaarigiisu waa toyota lambarkiisu g 748 kx", "748", "toyota"),
        ("zijn kenteken is 12 abc 3 geloof ik", "12 abc 3", "geloof ik"),
    ],
)
def test_a_dutch_plate_typed_with_spaces_after_a_word_for_a_plate(
    text: str, gone: str, stays: str
) -> None:
    assert_gone_and_kept(text, gone, stays)


@pytest.mark.parametrize("text", ["plate 2 of 3 was broken", "reg 3 km verderop"])
def test_numbers_after_a_word_for_a_plate_that_are_no_plate_stay(text: str) -> None:
    assert redact(text).text == text


@pytest.mark.parametrize(
    ("text", "gone", "stays"),
    [
        ("Yıldız ailesinin dairesine (blok C daire 5) girmek istedi", "daire 5", "girmek"),
        ("خانه شان در آلمیره بلاک ب دروازه ۱۲", "دروازه", "آلمیره"),
        ("hoyga gurmadka Rotterdam, qolka 14.", "qolka 14", "Rotterdam"),
        ("el hijo cobra su pension. piso 2b, en Leiden", "piso 2b", "en Leiden"),
        ("ze woont achter de moskee, huisnr 5", "huisnr 5", "achter de moskee"),
        ("mieszkaja nad kruidvatem nr 23", "nr 23", "nad kruidvatem"),
        ("تولدش ۲۳ حمل ۱۳۸۶ است", "1386", "تولدش"),
        ("toyota na polskich blachach WGM 48213. ona", "48213", "toyota"),
        ("een grijze opel met kenteken 4821 KLM", "4821", "grijze opel"),
    ],
)
def test_flats_blocks_house_numbers_afghan_dates_and_plates_after_their_word(
    text: str, gone: str, stays: str
) -> None:
    assert_gone_and_kept(text, gone, stays)


@pytest.mark.parametrize(
    "text",
    [
        "vive en el piso 2 con su madre",  # a floor
        "ze woont sinds 2020 in zaal nr 3 keer",
        "او ۵ ماه حمل است",  # five months pregnant
        "we hadden een blok c oefening in kamer 3",
    ],
)
def test_a_floor_a_pregnancy_and_numbers_where_nobody_lives_stay(text: str) -> None:
    assert "[" not in redact(text).text, redact(text).text


@pytest.mark.parametrize(
    ("text", "stays"),
    [
        ("hij zit op het Calvijn College in Zuid", "Calvijn College"),
        ("reunion de padres: el niño va a la Vondelschool", "Vondelschool"),
        ("در جلسه اولیا مدرسه Het Palet معلم گفت", "Het Palet"),
        ("I met his wife at the Timkat celebration in the church hall", "Timkat"),
        ("henna night for my cousin last sat", "henna night"),
        ("ayeeyo waxay ku nooshahay dabaqa 4aad", "ayeeyo"),
        ("gül gibi kız yazık", "gül gibi"),
        ("umut ediyorum yanlış anlamışımdır", "umut ediyorum"),
        ("ف سوق الأحد، كل صباح كتجي بنت صغيرة بوحدها تشري الخبز", "كل صباح"),
        ("dishab sa'at 2 nesfe shab zang zad, goft shoharesh dare", "sa'at 2 nesfe shab"),
        ("video call wiya ahl zawjha b baghdad w 3amm zawjha gal", "ahl zawjha"),
    ],
)
def test_schools_feasts_kin_likenesses_and_spoken_words_in_latin_letters_stay(
    text: str, stays: str
) -> None:
    assert_kept(text, stays)


@pytest.mark.parametrize(
    ("text", "gone", "stays"),
    [
        ("nazwisko na dzwonku kamińscy, 3 piętro", "kamińscy", "na dzwonku"),
        ("دیروز تو مطب دندونپزشکی مریم‌اینا رو دیدم", "مریم", "رو دیدم"),
    ],
)
def test_a_polish_family_in_the_plural_and_a_farsi_name_with_and_family(
    text: str, gone: str, stays: str
) -> None:
    assert_gone_and_kept(text, gone, stays)


def test_polish_nationalities_in_the_plural_stay() -> None:
    assert redact("polscy i niemieccy turyści").text == "polscy i niemieccy turyści"


@pytest.mark.parametrize(
    ("text", "gone", "stays"),
    [
        ("прізвище здається шевчук, живуть у Велпі", "шевчук", "прізвище здається"),
        ("nazwisko chyba nowak, mieszka sama", "nowak", "nazwisko chyba"),
        ("дзвонила світланка, плакала. я кажу світланко тримайся.", "світланко", "тримайся"),
    ],
)
def test_a_hedge_between_a_cue_and_its_name_and_a_ukrainian_vocative(
    text: str, gone: str, stays: str
) -> None:
    assert_gone_and_kept(text, gone, stays)


@pytest.mark.parametrize(
    ("text", "stays"),
    [
        ("zosia powiedziala ze tata zamyka mame w sypialni", "zamyka mame"),
        ("mieszka z mezem i tesciem w emmen", "z mezem"),
        ("قالت ليا ماماها مريضة بزاف", "ماماها"),
        ("با زن و دو تا بچه‌ش زندگی میکنه", "بچه"),
        ("در شب خینه، عروس فقط ۱۷ سال داشت", "عروس"),
        ("the girl has been kept home; aabaheed says she must help", "aabaheed"),
    ],
)
def test_kin_words_typed_without_accents_or_with_a_possessive_stay(text: str, stays: str) -> None:
    assert_kept(text, stays)


@pytest.mark.parametrize(
    ("text", "stays"),
    [
        ("po szkole rozmawiałam z nią przy bramie, płakała", "przy bramie"),
        ("po mszy przy kawie opowiadał że ojciec go bije", "przy kawie"),
        ("Bezoek op de kraamafdeling van het Maasstad: ze huilde", "Maasstad"),
        ("Visité la sala de maternidad del Erasmus MC. La madre lloraba", "Erasmus MC"),
        ("Na het Eid-gebed bij de Al Fourkaan moskee sprak ik haar", "Al Fourkaan moskee"),
        ("mąż wziął na nią 4 kredyty w Klarna a ona nic nie wiedziała", "Klarna"),
        ("він слідкує через life360 де вона", "life360"),
        ("ኣብ Isala kraamafdeling ዕለት ልደታ 03-11-1998 ኣብ Zwolle assendorperstr 9", "Zwolle"),
        ("maalinta nadiifinta xaafadda waxaan aragnay gabar 13 jir ah", "gabar 13 jir"),
    ],
)
def test_declined_words_hospitals_mosques_apps_and_towns_stay(text: str, stays: str) -> None:
    assert_kept(text, stays)


def test_a_polish_diminutive_in_the_genitive_is_a_name() -> None:
    assert_gone_and_kept("jego siostry Zosi. W autobusie mówili", "Zosi", "siostry")


@pytest.mark.parametrize(
    ("text", "gone", "stays"),
    [
        ("dedesi bayram her gün bağırıyor", "bayram", "her gün"),  # a feast, a man's name
        ("kayınvalidesi nurten telefonunu alıyor", "nurten", "telefonunu"),
        ("orası sevgi ve kocası ahmet'in evi", "sevgi", "ve kocası"),
        ("w sklepie spotkałam sąsiadkę, Kingę, płakała", "Kingę", "płakała"),
        ("numer do justynki mam od siostry", "justynki", "od siostry"),
        ("была у врача с подругой светланой, она плакала", "светланой", "она плакала"),
        ("در مسجد بی بی گل گفت که پسرش او را میزند", "بی بی گل", "پسرش"),
        ("همسایه ما زینت بی بی دروازه را باز کرد", "زینت بی بی", "دروازه"),
        ("hooyadiis waxay tiri cabdiow wuu iga ooyay maanta", "cabdiow", "iga ooyay"),
    ],
)
def test_names_by_kin_by_husband_by_title_and_declined_go(text: str, gone: str, stays: str) -> None:
    assert_gone_and_kept(text, gone, stays)


@pytest.mark.parametrize(
    ("text", "stays"),
    [
        ("annesi ramazan boyunca çok yoruldu", "ramazan boyunca"),
        ("przy polach tulipanów spotkałam dziewczynę", "polach tulipanów"),
        ("nowa pani, polki z krakowa, przyszła", "polki"),
        ("بی بی ما مریض است", "بی بی ما"),
    ],
)
def test_a_feast_a_plural_noun_polish_women_and_a_grandmother_stay(text: str, stays: str) -> None:
    assert_kept(text, stays)


@pytest.mark.parametrize(
    ("text", "gone", "stays"),
    [
        ("Ümit Bey'in annesi 82 yaşında, tek başına", "Ümit", "annesi 82 yaşında"),
        (
            "at the canteen of the club i met selam, she says he checks her phone",
            "selam",
            "her phone",
        ),
    ],
)
def test_a_name_before_a_title_with_its_case_ending_and_selam_where_a_name_stands(
    text: str, gone: str, stays: str
) -> None:
    assert_gone_and_kept(text, gone, stays)


@pytest.mark.parametrize(
    "text", ["selam zus, ze zei dat ze weg moet", "ze zei alleen selam tegen mij en liep door"]
)
def test_selam_as_a_greeting_stays(text: str) -> None:
    assert "selam" in redact(text).text


@pytest.mark.parametrize(
    ("text", "gone", "stays"),
    [
        ("kocası bırakmıyor, adı iman galiba, oda blok C 214", "blok C 214", "kocası"),
        ("haar man pakt haar geld af, kamer 12 unit C, coa weet van niks", "12 unit C", "coa"),
        ("la abuela de la fam. ramirez, portal 18 piso 2, estaba sucia", "portal 18", "piso 2"),
        ("oye gritos donde vive yolanda, en el 4c. el marido bebe", "4c", "el marido"),
        ("gurigeedu waa masjidka gadaashiisa lambar 5", "lambar 5", "masjidka"),
    ],
)
def test_rooms_in_a_block_a_portal_and_a_flat_where_someone_lives(
    text: str, gone: str, stays: str
) -> None:
    assert_gone_and_kept(text, gone, stays)


@pytest.mark.parametrize(
    "text", ["ze woont op de 3e verdieping", "vive en la 3a planta", "ella vive en el 2o piso"]
)
def test_an_ordinal_floor_where_someone_lives_stays(text: str) -> None:
    assert redact(text).text == normalise(text)


@pytest.mark.parametrize(
    ("text", "gone", "stays"),
    [
        ("his son mr de groot collects the pension and never comes", "groot", "pension"),
        ("older one said his name is sky and mum sleeps all day", "sky", "mum sleeps"),
        ("she is from colombia, 34, two kids. instagram huertadelbarrio", "huerta", "34"),
    ],
)
def test_a_surname_after_title_and_particle_a_name_after_name_is_and_a_bare_handle(
    text: str, gone: str, stays: str
) -> None:
    assert_gone_and_kept(text, gone, stays)


@pytest.mark.parametrize(
    "text",
    [
        "no surname given, she is from eritrea",
        "la señora del tercer piso tiene moretones",
        "waxay igu soo wacday whatsapp jimcihii",
        "ik zag het op instagram gisteren.",
    ],
)
def test_ordinary_words_after_a_cue_a_title_or_a_platform_stay(text: str) -> None:
    assert redact(text).text == normalise(text)


@pytest.mark.parametrize(
    ("text", "stays"),
    [
        ("l9it khadija f bab l madrasa, 3ndha zr9a 7da 3inha w galt tay7at f douch", "3inha"),
        ("too zamin bazi ye pesar 4 sale, madaresh goft babash nemizare", "madaresh goft"),
        ("raftam baraye kootah kardan-e mooha, hata baraye kelas-e zaban", "kelas-e zaban"),
        ("she works from 6am to midnight and owes 30k", "6am to midnight"),
    ],
)
def test_arabic_written_with_digits_and_finglish_with_its_endings_stay(
    text: str, stays: str
) -> None:
    assert_kept(text, stays)


@pytest.mark.parametrize("name", ["l3arbi", "5adija", "7assan"])
def test_a_name_written_with_digits_goes(name: str) -> None:
    assert_gone_and_kept(f"{name} zegt dat zijn zus op snap zit", name, "zijn zus")


@pytest.mark.parametrize(
    ("text", "stays"),
    [
        ("uu leeyahay hal kab oo jeexan, ninkeeda ayaa gacanta ku haya lacagta", "ku haya"),
        ("ኣብ ጎነይ ሓንቲ ኣደ ሰለስተ ቆልዑ ኮፍ ኢላ ነይራ", "ሰለስተ ቆልዑ"),
        ("dedemiz nur içinde yatsın ama anneannem yalnız kaldı", "nur içinde"),
        ("віра в краще у неї вже пропала, свекруха не пускає", "віра в краще"),
        ("بعد از خطبه جمعه در چای‌خانه مسجد گفت", "خطبه جمعه"),
        ("شوهرش دم در منتظر بود و نذاشت", "منتظر بود"),
        ("شفت فاطمة الزهراء اليوم عند الطبيب", "اليوم"),
        ("ركب ف طوموبيل Mercedes كحلة بلاكة مغربية", "Mercedes"),
        ("his sister in law hayat is never allowed out, brother in law checks", "brother in law"),
    ],
)
def test_words_of_somali_tigrinya_turkish_ukrainian_farsi_and_arabic_stay(
    text: str, stays: str
) -> None:
    assert_kept(text, stays)


def test_a_name_after_sister_in_law_goes() -> None:
    assert_gone_and_kept("her sister in law hope is not allowed out", "hope", "sister in law")


@pytest.mark.parametrize(
    ("text", "gone", "stays"),
    [
        ("at the swimming diploma day hodan-na waan arkay, her husband shouted", "hodan", "her"),
        ("ركب ف طوموبيل Mercedes كحلة بلاكة مغربية 45781-أ-6", "45781", "Mercedes"),
    ],
)
def test_a_somali_name_with_and_and_a_moroccan_plate(text: str, gone: str, stays: str) -> None:
    assert_gone_and_kept(text, gone, stays)


def test_a_doubtful_arabic_name_goes_also_with_and_written_onto_it() -> None:
    result = redact("شفت أمل ومعاها ولدها 8 سنين، ساكنين هناك وأمل ما بتعرف هولندي")
    assert "أمل" not in result.text and "و[name] ما بتعرف" in result.text, result.text


@pytest.mark.parametrize(
    ("text", "gone", "stays"),
    [
        ("hope came to the dentist with her 2 kids today, the little one had a burn", "hope", "2"),
        ("yaneiry llegó a la escuela con moretones otra vez", "yaneiry", "moretones"),
    ],
)
def test_a_name_before_came_or_llego(text: str, gone: str, stays: str) -> None:
    assert_gone_and_kept(text, gone, stays)


def test_the_imam_named_by_his_role_stays() -> None:
    text = "imam asked me to pass on: a young couple came for a nikah"
    assert redact(text).text == normalise(text)


@pytest.mark.parametrize(
    ("text", "gone", "stays"),
    [
        ("een meisje zat te huilen, sky heet ze, 15 jaar. stiefvader", "sky", "15 jaar"),
        ("they live above the turkish bakery nr 112, the juf is worried", "nr 112", "bakery"),
        ("ساكنين ف Schilderswijk رقم الدار 112", "112", "Schilderswijk"),
        ("el papá le pega. viven en bijlmerdreef 1102 piso 6", "1102", "piso 6"),
        ("oude meneer slaapt in het huisje op tuin 31, zoon heeft hem eruit gezet", "31", "zoon"),
        ("mieszkają na bungalowparku, huisje 31. wczoraj widziałam", "31", "wczoraj"),
        ("با خانواده شوهر در Osdorp زندگی میکند، آپارتمان ۳۱۴. با", "314", "Osdorp"),
        ("bizim apartman 4e verdieping nr 47, amca yalnız", "47", "4e verdieping"),
    ],
)
def test_a_name_before_heet_ze_and_house_numbers_with_their_word(
    text: str, gone: str, stays: str
) -> None:
    assert_gone_and_kept(text, gone, stays)


@pytest.mark.parametrize(
    ("text", "gone", "stays"),
    [
        ("el ex la sigue por instagram @el_real_kevin.nl", "el_real_kevin", "por instagram"),
        ("Gül ile bol.com dagitim merkezinde, kocasi arayip bagiriyodu", "Gül", "bol.com"),
        ("ze verkoopt via marktplaats.nl, mail fatima @ gmail.com", "fatima", "marktplaats.nl"),
    ],
)
def test_a_platform_before_a_handle_and_a_shop_by_its_web_address_stay(
    text: str, gone: str, stays: str
) -> None:
    assert_gone_and_kept(text, gone, stays)


@pytest.mark.parametrize(
    "text",
    [
        "bij de moskee al fath, ze zat naast mij",
        "تو مسجد امام علی دیدمش",
        "waxay ku nool yihiin zorgcentrum De Linde",
        "na a bingo avond ini buurthuis de Kolibrie",
        "المدرسة ديالها Calvijn college سولوني",
        "in the Beverwijkse bazaar i work on saturdays",
        "Na jarmarku w Valkenburgu sprzedawała pierniki",
        "في شب عمرو 15 سنة صار يجي كل يوم تلات",  # his age, not Amr
    ],
)
def test_a_named_mosque_school_or_care_centre_and_a_place_declined_stay(text: str) -> None:
    assert redact(text).text == normalise(text)


@pytest.mark.parametrize(
    ("text", "gone", "stays"),
    [
        ("عندها 3 ولاد والصغير حمزة عندو 2 سنين. قلت", "حمزة", "عندو 2 سنين"),
        ("البنت ديالها الصغيرة كوثر عندها 14 عام خلاوها", "كوثر", "عندها 14 عام"),
        ("شب بینگو بودیم بی بی با عروسش شکیلا آمده بود", "شکیلا", "عروسش"),
        ("toen we de ghusl deden, thenna-yi fadma, ur argaz-nnes dagi", "fadma", "argaz-nnes"),
        ("salam, marzia 31 sala as, 4 ta olad, shauharesh pesa nemete", "marzia", "shauharesh"),
        ("sister i was at the mosque for the janazah wash, her daughter hodan", "hodan", "janazah"),
    ],
)
def test_arabic_ages_kin_with_its_ending_and_words_of_the_community_stay(
    text: str, gone: str, stays: str
) -> None:
    assert_gone_and_kept(text, gone, stays)


@pytest.mark.parametrize(
    ("text", "gone", "stays"),
    [
        ("zag agnieszka met gips. ik heb agnieszce het nummer gegeven", "agnieszce", "gips"),
        ("een poolse vrouw, ewa, werkt daar. ik gaf ewie een folder", "ewie", "folder"),
        ("la dependienta, magda, tenía marcas. le di a magdzie el folleto", "magdzie", "folleto"),
        ("conocí a valentina (vale) gómez, argentina, 29", "vale", "argentina, 29"),
        ("little boy dyon (dyonisio on the cake) kept flinching", "dyonisio", "on the cake"),
        ("she lives alone at blok b 12 in the flat near the albert heijn", "blok b 12", "flat"),
        ("[name] ساكنة ف blok c 14 فالطابق الثالث", "blok c 14", "فالطابق الثالث"),
        ("adı Elif, kapı no 712. kocası asansöre girince sustu", "kapı no 712", "kocası"),
        ("ኣብ ኢዳ ቁስሊ ነይሩ ጎረባብቲ ኣዲኣ ትወቕዓ እያ ይብሉ tjalk 25 2ይ ደርቢ", "tjalk 25", "2ይ ደርቢ"),
    ],
)
def test_a_polish_name_declined_a_name_in_brackets_and_a_flat_by_its_block_go(
    text: str, gone: str, stays: str
) -> None:
    assert_gone_and_kept(text, gone, stays)


@pytest.mark.parametrize(
    "text",
    [
        "bij zwemles in het Sportfondsenbad zag ik blauwe plekken",
        "swimming lesson at de Tongelreep, the girl in the pink swimsuit",
        "bij de echo in het Antonius ziekenhuis was ze 20 weken",
        "bayram namazından sonra ulu camii'nin önünde ağlıyordu",
        "Okul: OBS De Wilgenhoek, groep 3",
        "po szkole (BSO Kinderrijk) dziewczynka płacze",
        "dugsiga quraanka ee masjidka Al-Hijra, macalinku",
        "W biurze Mitros pani powiedziała, że nie płaci od 4 miesięcy",
        "juf zegt ze plast weer in haar broek, haar wang was blauw",
        "руки сині від холоду, дід сидить в морозі",
        "ye zan-e mosen, kheili laghar bood, hafte-i yek bar",
        "ኣብ ገዛ ጓሉ ይነብር ጓሉ ትጸርፎ 79 ዓመቱ ይብል ጎረቤት groep 5 Lidl 2",
    ],
)
def test_a_named_pool_practice_or_housing_office_and_words_of_the_body_stay(text: str) -> None:
    assert redact(text).text == normalise(text)


def test_a_capitalised_word_in_brackets_that_is_no_name_stays():
    assert_gone_and_kept(
        "ik zag Ahmed (buurman) en Sara (Syrische) bij Anna (Amsterdam)", "Ahmed", "(buurman)"
    )
    assert_kept("ik zag Ahmed (buurman) en Sara (Syrische) bij Anna (Amsterdam)", "(Amsterdam)")
    assert_gone_and_kept("zag ik Fatima op school Yasmina zei niets", "Yasmina", "op school")


@pytest.mark.parametrize(
    ("text", "gone", "stays"),
    [
        (
            "mevrouw ligt in het verpleeghuis op kamer 23, haar zoon neemt haar geld",
            "kamer 23",
            "verpleeghuis",
        ),
        ("el piso es el 5 y la puerta 508, se oyen gritos", "puerta 508", "el piso es el 5"),
        ("живуть в azc, кімната 118 блок D, хлопчик плаче", "кімната 118 блок D", "хлопчик"),
        ("اتاقشون B-12 ته راهروئه، بچه‌ها گریه می‌کنند", "B-12", "ته راهروئه"),
        ("qolkooda waa 31C, carruurtu waa gaajaysan yihiin", "31C", "carruurtu"),
        ("de familie, cliënt 4471 bij de voedselbank, komt niet meer", "4471", "voedselbank"),
        ("klantnummer bij de energieleverancier: 820 417, ze betaalt niet", "820 417", "betaalt"),
        ("geschreeuw bij deur 912 op de 9e verdieping", "deur 912", "9e verdieping"),
        ("باب بيتهم 9C، والولاد عم يبكوا", "9C", "والولاد"),
        ("آنها در واحد ۴۱ زندگی می‌کنند", "41", "زندگی"),
        ("ሰበይቲ ምስ ክልተ ቆልዑ ኣብ ኣፓርትመንት 1107", "1107", "ክልተ ቆልዑ"),
        (
            "twee broertjes, wonen ringdijk 88-2 1097 ab, vader drinkt",
            "ringdijk 88-2",
            "vader drinkt",
        ),
        ("op het pleintje stond dewaynio (12) te huilen", "dewaynio", "(12)"),
        ("na targu spotkałam kasię, miała siniaki", "kasię", "siniaki"),
    ],
)
def test_a_room_a_door_a_client_number_and_names_without_a_cue_go(
    text: str, gone: str, stays: str
) -> None:
    assert_gone_and_kept(text, gone, stays)


def test_a_door_shut_twice_has_no_door_number():
    assert_kept("hij zei dat ze de deur 2x dicht moest doen", "deur 2x")


@pytest.mark.parametrize(
    ("text", "stays"),
    [
        ("اتاقش ۷ سالشه که شب‌ها گریه می‌کنه", "7 سالشه"),  # her room; she is seven
        ("ze woont in overvecht 4-hoog, de lift is kapot", "4-hoog"),  # a floor
        (
            "ik zei het al. dochtertje van 6 zat alleen thuis",
            "dochtertje van 6",
        ),  # "al." is "already"
        ("ze vroeg hulp bij Toeslagen en bij Burgerzaken", "Toeslagen"),
        ("في مكتب Burgerzaken كانت تبكي", "Burgerzaken"),
        ("na meczu Feyenoordu ojciec krzyczał na syna", "Feyenoordu"),
        ("halte bij de rai, oudere meneer zonder jas", "bij de rai"),
        ("hooyada lacagta waxay u dirtaa Dahabshiil", "Dahabshiil"),
        ("ze wonen in Lelystad, Zuiderzeewijk, vader is streng", "Zuiderzeewijk"),
        ("ኣብ Zwolle, Assendorp ይነብሩ", "Assendorp"),
    ],
)
def test_ages_floors_offices_clubs_and_neighbourhoods_stay(text: str, stays: str) -> None:
    assert_kept(text, stays)


@pytest.mark.parametrize(
    ("text", "stays"),
    [
        ("hooyada waxay leedahay afar carruur ah, ninkeeda cusub ayaa garaaca", "afar carruur"),
        ("wiilka waxaa la geeyay dhakhtarka, gacantiisa waa dhaawacan", "dhakhtarka"),
        ("shohare jadidesh gardanesh ro gerefte bud, ghermez shode", "gardanesh"),
        ("bachayesh az pedar mitarsan, bazoosh kabud bud", "bazoosh kabud"),
        ("khalti galet liya rajlha kayghowet 3liha f lmghrib", "lmghrib"),
        ("khouya chaf bnaya kat tbki, mratou ma bghatch tgoul walou", "mratou"),
        ("vodyla babusyu na analiz krovi, kazhe onuk shtovhaje", "analiz krovi"),
        ("u neji cholovik zabrav telefon, vona plache", "cholovik"),
        ("haftey ab hadega alla, sebeyti ayfelten", "ab hadega alla"),
    ],
)
def test_words_typed_in_latin_letters_without_a_frequency_list_stay(text: str, stays: str) -> None:
    assert_kept(text, stays)


def test_a_name_beside_those_words_still_goes():
    assert_gone_and_kept("magaceedu waa sagal, afar carruur ayay leedahay", "sagal", "afar")
    assert_gone_and_kept("esmesh maryam bud, gardanesh kabud bud", "maryam", "gardanesh")


@pytest.mark.parametrize(
    ("text", "gone", "stays"),
    [
        ("ze zei ik heet jolie maar iedereen noemt haar jojo", "jolie", "iedereen"),
        ("hij zegt het water is heet, ik heet je welkom", "", "het water is heet"),
        ("wuxuu u yeeray deeqa, saaxiibkiis ayaa ugu yeeray dhego-yare", "dhego-yare", "wuxuu"),
        ("її звати Злата, він називав її златочка при всіх", "златочка", "при всіх"),
    ],
)
def test_a_name_after_someone_is_called_goes(text: str, gone: str, stays: str) -> None:
    if gone:
        assert_gone_and_kept(text, gone, stays)
    else:
        assert_kept(text, stays)


@pytest.mark.parametrize(
    ("text", "stays"),
    [
        ("su pareja la echó a la calle a las 2 de la mañana", "a las 2 de la mañana"),
        ("bij de opticien (hans anders) kwam een meneer met een snee", "hans anders"),
        ("bugün Albert Heijn'in önünde bi kadın ağlıyodu", "Albert Heijn'in"),
        ("Na poczcie (PostNL w Kruidvacie) pani płakała", "Kruidvacie"),
        ("zakupy w Biedronce, mąż krzyczał na dzieci", "Biedronce"),
        ("hooyadii ma joogin, habaryartiis ayaa la socotay", "habaryartiis"),  # his aunt
        ("aabbahay ayaan ka baqaa ayay tiri", "aabbahay ayaan"),  # "I fear my father"
        ("ጓል 17 ዓመታ ምስ ኣደ መርዓዊ መጺኣ", "ኣደ መርዓዊ"),  # the groom's mother
    ],
)
def test_a_time_a_shop_in_two_words_or_declined_and_kin_with_endings_stay(
    text: str, stays: str
) -> None:
    assert_kept(text, stays)


@pytest.mark.parametrize(
    ("text", "stays"),
    [
        ("en la misa de gallo vi a una señora con moretones", "misa de gallo"),
        ("شب یلدا خونه‌ی یه خانواده بودیم", "شب یلدا"),
        ("yalda night at the association, one of the mothers cried", "yalda night"),
        ("ليلة عيد الأضحى اتصلنا بالشرطة", "عيد الأضحى"),
        ("keti koti vieren we altijd samen", "keti koti"),
    ],
)
def test_feasts_and_rites_stay(text: str, stays: str) -> None:
    assert_kept(text, stays)


def test_a_name_that_is_also_a_feast_still_goes_alone():
    assert_gone_and_kept("yalda zei dat haar man haar telefoon pakt", "yalda", "telefoon")
    assert_gone_and_kept("ramazanın karısı ağlıyordu", "ramazanın", "karısı")


@pytest.mark.parametrize(
    ("text", "stays"),
    [
        ("cola del consulado de ecuador en La Haya, una señora lloraba", "La Haya"),
        ("сусіди запросили нас, багаття у дворі в Гауді", "Гауді"),
        ("nad jeziorem (Nieuwe Meer) dziewczynka płakała", "Nieuwe Meer"),
        ("waxaan ku dabaalanay harada Kralingse Plas, gabar 13 jir ah", "Kralingse Plas"),
    ],
)
def test_dutch_places_as_key_persons_write_them_stay(text: str, stays: str) -> None:
    assert_kept(text, stays)


@pytest.mark.parametrize(
    ("text", "stays"),
    [
        ("купували сімку в Lebara біля Hoog Catharijne, жінка нервувала", "Lebara"),
        ("pobieranie krwi w Saltro, czekała starsza pani z synową", "Saltro"),
        ("en el punto de recogida de DHL en el Primera, un señor gritaba", "Primera"),
        ("punkt odbioru DHL w Primerze, mąż stał za nią", "Primerze"),
        ("катались біля Hotel Krasnapolsky, він смикав її за волосся", "Hotel Krasnapolsky"),
    ],
)
def test_shops_labs_and_hotels_stay(text: str, stays: str) -> None:
    assert_kept(text, stays)


def test_a_person_named_as_a_chain_with_a_common_name_still_goes():
    assert_gone_and_kept("buurman bart smit schreeuwt elke avond", "bart smit", "buurman")


@pytest.mark.parametrize(
    ("text", "gone", "stays"),
    [
        ("bachyla halynu bilja shkoly, vona plakala", "halynu", "vona plakala"),
        ("batko zvut serhij, vin pje kozhen den", "serhij", "vin pje"),
    ],
)
def test_ukrainian_names_typed_in_latin_letters_go(text: str, gone: str, stays: str) -> None:
    assert_gone_and_kept(text, gone, stays)


@pytest.mark.parametrize(
    ("text", "gone", "stays"),
    [
        ("ab leyti fishatsion ab gezu ayneberen, seb'ayu yhrma", "fishatsion", "ab gezu"),
        ("ab kenisha rieyeya amaniel, 16 amet", "amaniel", "16 amet"),
        ("abselom ab amsterdam yneber", "abselom", "amsterdam"),
    ],
)
def test_tigrinya_names_typed_in_latin_letters_go(text: str, gone: str, stays: str) -> None:
    assert_gone_and_kept(text, gone, stays)


@pytest.mark.parametrize(
    ("text", "stays"),
    [
        ("kid came with a burn mark on his arm", "burn mark"),  # Марк
        ("3 aydır kira ödenmemiş, kocası kartları almış", "kira"),  # Кіра
        ("la madre solo habla darija, no habla holandés", "darija"),
    ],
)
def test_words_spelt_like_a_ukrainian_name_in_latin_letters_stay(text: str, stays: str) -> None:
    assert_kept(text, stays)


@pytest.mark.parametrize(
    ("text", "gone", "stays"),
    [
        ("op de speelplaats zat Eylül van 8 alleen te huilen", "Eylül", "van 8"),
        (
            "me dio su número: cero seis, cincuenta y dos, diecinueve, treinta, cero uno",
            "cincuenta y dos, diecinueve",
            "me dio su número",
        ),
        ("رقمها زيرو ستة واحد تمانية اتنين تسعة خمسة ستة اربعة سبعة", "تمانية اتنين", "رقمها"),
        ("antrenörü 14 yaşındaki sena'ya mesaj atıyor", "sena", "14 yaşındaki"),
        ("ናይ ጎረቤት ወዳ ኣወት ኣብ ቤት ትምህርቲ ይበኪ", "ኣወት", "ቤት ትምህርቲ"),
        ("esmesh parisa-e, shoharesh mizanesh", "parisa", "esmesh"),
        ("سمعت صراخ من بيت عائلة العراقي بالليل", "العراقي", "بالليل"),
        ("ሰላም ኣብ ቤት ትምህርቲ ትበኪ ነይራ", "ሰላም", "ቤት ትምህርቲ"),
        ("su marido le dijo a Mercedes que no saliera", "Mercedes", "su marido"),
    ],
)
def test_a_month_a_language_or_a_spelling_that_is_a_name_and_a_number_said_go(
    text: str, gone: str, stays: str
) -> None:
    assert_gone_and_kept(text, gone, stays)


@pytest.mark.parametrize(
    ("text", "stays"),
    [
        ("beyaz bir minibüs çarptı, karısı arabadan indi ağlıyordu", "arabadan"),
        ("In het café De Zwaan zat een vrouw met een blauw oog", "De Zwaan"),
        ("op de afdeling in het szpitalu Elisabeth w Tilburgu", "szpitalu Elisabeth"),
        ("شغلوها بالمطعم العراقي بلا عقد", "بالمطعم العراقي"),
        ("الولد الأفغاني ما بروح عالمدرسة", "الأفغاني"),
        ("Dapperstraat'ta bir kadın bağırıyordu", "Dapperstraat"),
        ("mieszkają pod Bredą, przyjechali z Podlasia", "pod Bredą, przyjechali z Podlasia"),
        ("mąż pilnuje, żeby z nikim nie gadała", "z nikim"),
        ("чекали в аеропорту Схіпхол, він забрав її паспорт", "Схіпхол"),
        ("khoha khdam f tanja, hiya bqat hna", "f tanja"),
        ("el señor de control de plagas no la dejó hablar", "control de plagas"),
        ("ik werk bij Yasmin Kapsalon in Noord, de eigenaar slaat zijn vrouw", "Yasmin Kapsalon"),
        ("leeft samen met haar vader, woont Dahliastraat 9 w Utrechcie", "w Utrechcie"),
        ("ab kenisha ወዲ ጎረቤትና ዝበሎ ሰሚዐ", "ወዲ ጎረቤትና"),
        ("e tabata na un fiesta, ningun hende no a bisa noti", "ningun hende"),
        ("hij is op Papiamentu begonnen te schelden", "Papiamentu"),
        ("wiilka wuxuu dhigtaa Quraanka maalin walba", "Quraanka"),
        ("ze leerde hem kennen op Bumble, nu controleert hij haar telefoon", "Bumble"),
        ("bentha 12 l3am w katkhaf mn bbaha", "12 l3am"),
        ("عطاني رقمو وقلي ما تحكي لحدا", "عطاني رقمو"),
        ("lomi hamata nab geza metsia", "hamata"),
        ("sesanbe saate zanoone estakhr bood", "saate zanoone"),
        ("yiyi kolyshnii cholovik pyshe shchodnia", "kolyshnii cholovik"),
        ("ሰላም ሓብተይ ትማሊ ምሸት ኣውያት ሰሚዐ", "ሰላም ሓብተይ"),
        ("ሰላም ክንደይ ኣለኺ ሎሚ", "ሰላም ክንደይ"),  # hello, how are you: no one named
        ("ቆልዑ ሰላም ምስ በልክዎም በኺዮም", "ሰላም ምስ በልክዎም"),
        ("Selam, komşumun kızı okula gitmiyor", "Selam"),
        ("nadzieja na lepsze jutro jej nie opuszcza", "nadzieja na"),
        ("dice que tiene dolores muy fuertes en la espalda", "dolores muy fuertes"),
        ("از بهار امسال بیرون نرفته", "بهار امسال"),
        ("gabadhu guriga nabad ma ku haysato", "nabad ma"),
        ("she got into a mercedes with two older men", "a mercedes"),
        ("baabuur oo Mercedes ah ayaa sugayay", "Mercedes ah"),
        ("rajlha 3ando Mercedes bayda", "Mercedes bayda"),
        ("بيجي لعندها كل خميس وبيصرخ", "كل خميس"),
        ("patronun yeğeni gece çalışıyor", "patronun yeğeni"),
        ("приїхали з Гауди на автобусі", "з Гауди"),
        ("ወዲ ሓወቦኣ ካብ ሊብያ መጺኡ", "ወዲ ሓወቦኣ"),
        ("gaari rar ah ayaa yimid habeenkii", "gaari rar"),
        ("el Día de la Liberación fuimos al festival", "Día de la Liberación"),
    ],
)
def test_venues_origins_streets_and_places_declined_stay(text: str, stays: str) -> None:
    assert_kept(text, stays)


@pytest.mark.parametrize(
    ("text", "gone", "stays"),
    [
        ("cay ocaginda mustafa abiyle konustum, kizi aglıyordu", "mustafa", "abiyle"),
        ("postaneden cikarken fadime teyzeye rastladim", "fadime", "teyzeye"),
        ("damat tarafı ozgunler ailesi, gelin cok kucuk", "ozgunler", "ailesi"),
        ("garson olarak çalışan Ramazan'ın eşi geldi", "Ramazan", "eşi geldi"),
        ("en buyuk kiz nisa ozdogru okula gitmek istiyor", "ozdogru", "okula"),
        ("mieszkaja na ringbaan-west 188 tilburg, maja 2 dzieci", "ringbaan-west 188", "tilburg"),
        ("kubusia z ojcem widziałam wczoraj na przystanku", "kubusia", "z ojcem"),
        ("اسمها غادة مسجلة عندنا رقم ملف 2024-117 من الشهر الماضي", "2024-117", "رقم ملف"),
        ("متولد ۱۴ اسد ۱۳۷۰ (۵ آگوست ۱۹۹۱) است", "1991", "متولد"),
        ("ze wonen samen hoofdweg 7 huis postcode 9681 ah", "9681 ah", "postcode"),
        ("bij de snackbar Ali zei dat zijn vrouw niet mag werken", "Ali", "bij de snackbar"),
        ("شفت شاحنة قدام بيت عائلة الدباغ بالليل", "الدباغ", "بيت عائلة"),
    ],
)
def test_turkish_titles_declined_a_family_in_the_plural_and_a_file_number_go(
    text: str, gone: str, stays: str
) -> None:
    assert_gone_and_kept(text, gone, stays)


@pytest.mark.parametrize(
    ("text", "stays"),
    [
        ("Ayer le dijo que si no paga, su hija tendrá que trabajar", "Ayer"),
        ("вони зі Львова, зараз живуть у Ден Гелдері", "Ден Гелдері"),
        ("سفره حضرت ابوالفضل بود خونه یکی از خانمای ایرانی", "حضرت ابوالفضل"),
        ("اول مهر مدرسه شروع شد ولی نرفت", "اول مهر"),
        ("بهمن پارسال کار نمیکنه", "بهمن پارسال"),
        ("de veerboot van Hoek van Holland naar Harwich", "Harwich"),
        ("En la reunión de Tupperware en casa de una amiga", "Tupperware"),
        ("El sábado, en el festival Milkshake en Ámsterdam", "festival Milkshake"),
        ("westland'daki serada gece vardiyasi, kadın anlattı", "gece vardiyasi"),
        ("babaannesinin yolladığı koliyi almaya gelmiş", "koliyi"),
        ("wracalismy busem z meczu lecha, kibice z tilburga", "meczu lecha"),
        ("живе з татом і мачухою", "з татом"),
        ("у нашій групі мам з ден босха одна мама написала", "з ден босха"),
        ("Працюю в теплиці біля Алсмера", "Алсмера"),
        ("نشر خال البنت صورة لها", "خال البنت"),
        ("تو خونه خواهرش بودم شوهره گفت نمیذارم", "شوهره گفت"),
        ("Aabihii wuxuu joogaa London", "London"),
        ("gabadhu way joogtaa tan iyo Ramadaantii", "Ramadaantii"),
        ("ቤተ ክርስቲያን ቅድስቲ ማርያም ኣብ ኣልሜረ", "ቅድስቲ ማርያም"),
        ("kościół św Józefa w Tilburgu", "św Józefa"),
        ("Haar nani zei: log ke izzat ke baat hai, beti", "Haar nani zei: log ke izzat"),
        ("'Aabbahay wuxuu yiri waa inaad guursataa,' zei ze", "Aabbahay wuxuu yiri"),
        ("Bugün Anadolu Rijschool'da direksiyon dersindeydim", "Anadolu Rijschool"),
        ("lacag $8000 ah ayaa la isku raacay", "8000 ah"),
        ("Dün Paşa Düğün Salonu'nda gelin ağlıyordu", "Paşa Düğün Salonu"),
        ("عائلة الجيران ما بتحكي مع حدا", "عائلة الجيران"),
        ("عند الحلاق السوري بكانالينايلاند سمعت زلمة", "عند الحلاق السوري"),
    ],
)
def test_a_saint_a_month_beside_its_word_a_ferry_port_and_declined_words_stay(
    text: str, stays: str
) -> None:
    assert_kept(text, stays)


@pytest.mark.parametrize(
    ("text", "gone", "stays"),
    [
        ("hoca ahmet efendi arnhem de evde okuyo", "ahmet", "efendi"),
        ("schoenen opgehaald op naam winston, bonnummer 4471", "winston", "schoenen"),
        ("schoenen opgehaald op naam winston, bonnummer 4471", "4471", "bonnummer"),
        ("yemeğinde Ramazan Bey'in kızı ile konuştum", "Ramazan", "Bey'in kızı"),
        ("mowila ze ziec Marek ja zamyka", "Marek", "ziec"),
        ("ነቲ መምህር ዲያቆን ዳዊት ነጊራቶ", "ዳዊት", "ነቲ መምህር"),
    ],
)
def test_a_name_before_efendi_on_whose_name_and_a_receipt_number_go(
    text: str, gone: str, stays: str
) -> None:
    assert_gone_and_kept(text, gone, stays)


@pytest.mark.parametrize(
    ("text", "stays"),
    [
        ("On Fat Thursday we fried pączki in Venlo", "Fat Thursday"),
        ("habeenkii Dabshidka ayaan isku nimid", "Dabshidka"),
        ("fuimos a las posadas en la casa de una familia mexicana", "las posadas"),
        ("бачила її на Вербну неділю в церкві", "Вербну неділю"),
        ("вони живуть у Ніймегені", "у Ніймегені"),
        ("gabadhu waxay ku nooshahay Boschveld", "Boschveld"),
        ("ኣብ ሰንበት ትምህርቲ ናይ ቅድስት ማርያም ኣብ ሮተርዳም", "ቅድስት ማርያም"),
        ("رأيت امرأة مسنة تُركت في السيارة", "امرأة مسنة"),
        ("صار يصرخ انو ما بدي بنت تالتة", "بنت تالتة"),
        ("اجا شب من حمص وطبع ورقة", "من حمص"),
    ],
)
def test_feasts_of_round_37_and_towns_in_cyrillic_stay(text: str, stays: str) -> None:
    assert_kept(text, stays)


@pytest.mark.parametrize(
    ("text", "gone", "stays"),
    [
        ("De eigenares heet mevrouw Van Bergen-Smit, ze is streng", "Bergen-Smit", "mevrouw"),
        ("Ik sprak met meneer van der Bergen over de huur", "Bergen", "meneer"),
        ("haar tante, apodo 'la flaca', la encierra", "flaca", "haar tante"),
        ("his cousin works there, aka bigmike on snap", "bigmike", "his cousin"),
        ("my neighbour Hiwet (ሕወት) is scared of her husband", "ሕወት", "her husband"),
        ("na andrzejkach u ani lalismy wosk", "ani", "na andrzejkach"),
        ("trzyma zone gosie w domu na klucz", "gosie", "w domu"),
        ("chce spać u koleżanki Róży przez tydzień", "Róży", "u koleżanki"),
        ("на подвір'ї мама, лєна, плакала", "лєна", "на подвір'ї"),
        ("my friend Tia said her father hits her", "Tia", "my friend"),
        ("de mevrouw des huizes (van der hoeven) heeft haar pas", "hoeven", "des huizes"),
        ("ik sprak met Van Bergen over de huur", "Bergen", "over de huur"),
    ],
)
def test_a_dutch_family_particle_a_nickname_a_name_in_its_script_and_forms_go(
    text: str, gone: str, stays: str
) -> None:
    assert_gone_and_kept(text, gone, stays)


@pytest.mark.parametrize(
    ("text", "stays"),
    [
        ("a florist on the Nieuwe Binnenweg told me", "Nieuwe Binnenweg"),
        ("meneer van de kapper zei dat ze bang was", "meneer van de kapper"),
        ("se fue a vivir a la casa de su tia en Breda", "su tia"),
        ("tiene un corte en la ceja que se hizo con la puerta", "la ceja"),
        ("Nie mówi ani słowa po niderlandzku", "ani słowa"),
    ],
)
def test_a_street_without_number_kin_typed_plain_and_a_body_part_stay(
    text: str, stays: str
) -> None:
    assert_kept(text, stays)


@pytest.mark.parametrize(
    ("text", "stays"),
    [
        ("we reden met de bus naar Kranenburg over de grens", "Kranenburg"),
        ("їхала до Дюссельдорфа з Утрехта", "до Дюссельдорфа"),
        ("hij huurde bij Sixt een busje naar Marokko", "Sixt"),
        ("de bar van hockeyclub HC Kampong in Utrecht", "HC Kampong"),
        ("At the feast of Kudus Mikael at the church", "Kudus Mikael"),
        ("На День святого Миколая у громаді", "святого Миколая"),
        ("كانت امرأة تطلب كيكة عيد ميلاد لبنتها", "عيد ميلاد"),
        ("ቆልዓ ባዕሉ 'ባባ' ኢሉ ሓቢኡ", "ባባ"),
        ("bas yeh 'متل جدو' قال الاستاذ", "جدو"),
        ("Eşim boyacı, geçen hafta Heerlen'de çalıştı", "boyacı"),
    ],
)
def test_towns_across_the_border_car_hire_saints_and_family_words_stay(
    text: str, stays: str
) -> None:
    assert_kept(text, stays)


@pytest.mark.parametrize(
    ("text", "stays"),
    [
        ("zijn dochter Gül, dat betekent roos, gaat trouwen", "betekent roos"),
        ("she is called Tsega, it means 'grace', and she is scared", "grace"),
        ("w kościele św. Jakuba w Hadze podeszła do mnie", "św. Jakuba"),
        ("a little girl got scared of the siren and screamed", "the siren"),
    ],
)
def test_what_a_name_means_a_saint_after_his_dot_and_a_word_after_the_stay(
    text: str, stays: str
) -> None:
    assert_kept(text, stays)


@pytest.mark.parametrize(
    ("text", "gone", "stays"),
    [
        ("his wife, date of birth 14 August 1961, stays inside", "14 August 1961", "his wife"),
        ("she gave her name as hina and cried", "hina", "cried"),
        ("a letter sent to her old address at Gooioord 88 in Zuidoost", "Gooioord 88", "Zuidoost"),
        ("she lives at Kantershof 212 with her husband", "Kantershof 212", "her husband"),
        ("corka sasiadki ola ma goraczke od 4 dni", "ola", "corka sasiadki"),
        ("przy bankomacie spotkalam ewelinke i jej meza", "ewelinke", "przy bankomacie"),
        ("pagó con tarjeta a nombre de LUIS A CARRANZA ayer", "CARRANZA", "con tarjeta"),
        ("pagó con tarjeta a nombre de LUIS A CARRANZA ayer", "LUIS", "ayer"),
        ("her name is FATIMA EL AMRANI and she is scared", "AMRANI", "she is scared"),
        ("وصل مكتوب من التأمين لنور الهدى يقول انه مفسوخ", "الهدى", "وصل مكتوب"),
    ],
)
def test_an_english_birth_date_a_name_given_as_and_a_street_after_lives_at_go(
    text: str, gone: str, stays: str
) -> None:
    assert_gone_and_kept(text, gone, stays)


@pytest.mark.parametrize(
    ("text", "stays"),
    [
        ("she lives in Amsterdam 2 years now", "Amsterdam 2 years"),
        ("on 14 August she was hit", "14 August"),
        ("kierowca kaze im spac w busie do pracy", "w busie"),
        ("la casa está a nombre de su marido", "su marido"),
        ("her name is on the list of the GGD", "GGD"),
        ("عيطت مع بنت الجيران حيت يدها منفوخة", "بنت الجيران"),
        ("ze zei in het Kurmanji: mêrê min li min dixe", "mêrê min"),
        ("Живуть у Ден Босі з її мамою", "у Ден Босі"),
        ("waxay tiri qiiq ayaa ka soo baxayay daaqada", "qiiq"),
        ("Я ношу одяг до пані, яка шиє вдома в Овервехті", "в Овервехті"),
        ("На фабриці салатів у Бовенкарспелі, де я працюю", "у Бовенкарспелі"),
    ],
)
def test_a_town_and_years_an_incident_date_and_dutch_places_in_cyrillic_stay(
    text: str, stays: str
) -> None:
    assert_kept(text, stays)


@pytest.mark.parametrize(
    ("text", "gone", "stays"),
    [
        ("een man die zich Rico noemt stuurt haar cadeaus", "Rico", "cadeaus"),
        ("hij noemde zichzelf dre en zei dat ze moest werken", "dre", "moest werken"),
        (
            "in een Discord-server, gebruikersnaam xXJayden2012Xx, schreef hij",
            "xXJayden2012Xx",
            "Discord",
        ),
        ("his username is darkwolf and he is twelve", "darkwolf", "twelve"),
        ("він нікого не бачив, його нік darkwolf у грі", "darkwolf", "нікого"),
    ],
)
def test_a_nickname_said_by_calling_oneself_and_a_user_name_go(
    text: str, gone: str, stays: str
) -> None:
    assert_gone_and_kept(text, gone, stays)


@pytest.mark.parametrize(
    ("text", "stays"),
    [
        ("su tío, con quien vive desde que llegó de Lima", "de Lima"),
        ("amenaza con mandar fotos a su familia en Cali", "en Cali"),
        ("le gritó que la mandaba de vuelta a Rosario", "a Rosario"),
        ("De Jumbo noemt het een actie", "Jumbo"),
        ("el la encierra con llave cuando sale", "con llave"),
        ("na de wedstrijd in de kantine van KV Oranje-Wit", "KV Oranje-Wit"),
        ("ze zei: zoji ma yintini flus", "zoji"),
        ("Вони живуть в Еммені, десь на околиці", "в Еммені"),
    ],
)
def test_towns_that_are_names_after_in_or_from_and_words_of_leisure_stay(
    text: str, stays: str
) -> None:
    assert_kept(text, stays)


def test_a_town_that_is_a_name_is_still_a_person_where_a_person_stands():
    assert_gone_and_kept("la hija de Rosario me dijo que su padre la pega", "Rosario", "la hija")


@pytest.mark.parametrize(
    ("text", "gone", "stays"),
    [
        ("he paid with a card in the name of d. van houten today", "houten", "paid with a card"),
        ("the card is in the name of J. Smith, her husband", "Smith", "her husband"),
        ("گفت کار شوهرمه فامیلیشون صدری هست", "صدری", "شوهرمه"),
        ("گفت اسم خودش لاله است", "لاله", "خودش"),
    ],
)
def test_a_family_name_after_an_initial_and_after_the_farsi_word_for_it_goes(
    text: str, gone: str, stays: str
) -> None:
    assert_gone_and_kept(text, gone, stays)


def test_a_single_letter_word_after_a_strong_cue_is_no_initial():
    assert_kept("her name is a secret, she said", "a secret")


@pytest.mark.parametrize(
    ("text", "gone", "stays"),
    [
        ("Hacer üç çocuklu, kocası Ramazan'dan çok korkuyor", "Ramazan", "kocası"),
        ("ma ją w systemie pod numerem pracownika 60-3321", "60-3321", "w systemie"),
        ("their address in Germany is Hansastraße 19, 44137 Dortmund", "44137", "Dortmund"),
        ("their address in Germany is Hansastraße 19, 44137 Dortmund", "Hansastraße 19", "Germany"),
        ("اسمش فکر کنم الناز بود", "الناز", "اسمش"),
        ("Ev sahibi Fikret Güneş camı kendim kırdım dedi", "Güneş", "Ev sahibi"),
        ("أوصلت جارتي السودانية إيثار إلى المستشفى", "إيثار", "جارتي السودانية"),
        ("دختر کاکایم شکیلا در چوکی عقب گریه میکرد", "شکیلا", "دختر کاکایم"),
        ("خانمش، گلالۍ، دستش را در پلستر داشت", "گلالۍ", "خانمش"),
        ("آروم بهم گفت کمکم کن اسمم رویاست", "رویاست", "کمکم کن"),
        ("de vader noemen ze abu karam, echte naam weet ik niet", "karam", "de vader"),
        ("de bruidegom is haar neef, familienaam al-hamwi", "al-hamwi", "haar neef"),
        ("mum whispered. address was 't oude land 14, party", "oude land 14", "mum whispered"),
    ],
)
def test_a_feast_named_man_declined_a_staff_number_and_a_german_address_go(
    text: str, gone: str, stays: str
) -> None:
    assert_gone_and_kept(text, gone, stays)


@pytest.mark.parametrize(
    ("text", "stays"),
    [
        ("вона не купує їй ліки", "ліки"),
        ("ми гуляли в дюнах біля Зандфорта", "біля Зандфорта"),
        ("машина сіра Шкода Октавія з українськими номерами", "Шкода Октавія"),
        ("وقفت سيارة الآيس كريم في شارعنا", "الآيس كريم"),
        ("her husband is a deacon at the church", "deacon"),
        ("Ulu Camii'de namaz kıldık", "Ulu Camii"),
        ("her address is unknown since 2020", "unknown since 2020"),
        ("a fashion agency in Amsterdam West. A 15-year-old girl came", "Amsterdam West"),
        ("a fashion agency in Amsterdam West. A 15-year-old girl came", "15-year-old"),
        ("gri bi mercedes saat 2 de durdu", "gri bi mercedes"),
        ("الام قالتلي انو جوزها كسر البخاخ", "كسر البخاخ"),
        ("جارتي السورية قالت لي", "جارتي السورية"),
    ],
)
def test_medicine_towns_and_a_car_in_ukrainian_an_ice_cream_van_and_a_deacon_stay(
    text: str, stays: str
) -> None:
    assert_kept(text, stays)


@pytest.mark.parametrize(
    ("text", "gone", "stays"),
    [
        ("de vriend die ze Boy noemen haalt haar op", "Boy", "de vriend"),
        ("ze werkt daar, numer pracowniczy 55120, in de nachtdienst", "55120", "nachtdienst"),
        ("ቶኒ ዝብልዎ ወዲ ኣብ ገዛ ይመጽእ", "ቶኒ", "ኣብ ገዛ"),
        ("ولد الجيران كيعيطو ليه الصحراوي ضرب اختو", "الصحراوي", "ولد الجيران"),
        ("he live at zonnebloem 12, 3011 pt with his mum", "zonnebloem 12", "his mum"),
        ("in the game chat (xXnoorXx) he said his dad hits him", "xXnoorXx", "his dad"),
        ("amcasi yilmaz usta diye biliniyo, isyeri 'Yılmaz Usta Döner'", "Yılmaz", "isyeri"),
        ("хлопець льоха забрав у неї телефон", "льоха", "хлопець"),
        ("مادرش گلرخسار جان خیلی ترسیده بود", "گلرخسار", "مادرش"),
        ("دختر خانواده‌ی کرمانیپور گفت پدرش او را میزند", "کرمانیپور", "دختر"),
    ],
)
def test_a_nickname_said_by_calling_a_staff_number_a_typed_address_and_farsi_families_go(
    text: str, gone: str, stays: str
) -> None:
    assert_gone_and_kept(text, gone, stays)


@pytest.mark.parametrize(
    ("text", "stays"),
    [
        ("خواهرزاده ام گفت که پدرش او را میزند", "خواهرزاده"),
        ("گفت الپاسپور ديالها عند راجلها", "الپاسپور"),
        ("we live at home with four kids", "at home"),
        ("بالكاسة بالLidl جان رجلها واكف وراها", "بالLidl"),
        ("در سالن اپیلاسیون خانم پروین دیدمش", "سالن اپیلاسیون"),
    ],
)
def test_a_nephew_a_passport_a_home_and_a_shop_before_a_title_stay(text: str, stays: str) -> None:
    assert_kept(text, stays)


@pytest.mark.parametrize(
    ("text", "gone", "stays"),
    [
        ("رقم الموظف تبعها 3371-902 على البطاقة", "3371-902", "البطاقة"),
        ("ብሕሹኽታ ሚሊና እየ ስመይ ኢላትኒ", "ሚሊና", "ብሕሹኽታ"),
        ("عروسی دختر خانواده بهمنیاری در Almere بود", "بهمنیاری", "عروسی دختر"),
        ("ze wonen op een boerderij aan de tsjerkedyk 12", "tsjerkedyk 12", "boerderij"),
        ("dun gulten in kocasi onu yine dovmus", "gulten", "kocasi"),
        ("parkta cennet ile kocasi kavga ediyordu", "cennet", "parkta"),
    ],
)
def test_an_arabic_staff_number_a_name_said_before_the_word_and_frisian_streets_go(
    text: str, gone: str, stays: str
) -> None:
    assert_gone_and_kept(text, gone, stays)


@pytest.mark.parametrize(
    ("text", "stays"),
    [
        ("عروسی یک خانواده ایرانی در Almere بود", "خانواده ایرانی"),
        ("eve ev ile kocasi geldi", "ev ile kocasi"),
    ],
)
def test_an_iranian_family_and_a_house_with_her_husband_stay(text: str, stays: str) -> None:
    assert_kept(text, stays)


@pytest.mark.parametrize(
    ("text", "gone", "stays"),
    [
        ("بالمطعم في بنت صغيرة، بينادوها الشقرا، بتجلي الصحون", "الشقرا", "الصحون"),
        (
            "Numer ciężarówki, tablica rejestracyjna: KR 55310, stał przy rampie",
            "KR 55310",
            "przy rampie",
        ),
        ("kiracinin adi mehmet can yildiz, 3 cocugu var", "can", "3 cocugu"),
        ("Прийшла з донькою Мартою та сином", "Мартою", "з донькою"),
    ],
)
def test_a_levantine_nickname_a_plate_after_a_colon_a_middle_name_and_marta_go(
    text: str, gone: str, stays: str
) -> None:
    assert_gone_and_kept(text, gone, stays)


def test_a_relative_between_two_names_in_ge_ez_stays():
    assert_kept("ሳባ ሓዋ ዳዊት ኣብ ገዛ ኣሎ", "ሓዋ")


@pytest.mark.parametrize(
    ("text", "gone", "stays"),
    [
        ("De verkoopster, lalla Fadma, huilde bij de kraam", "Fadma", "lalla"),
        ("in de toko zei misi wilhelmina dat ze niet gegeten had", "wilhelmina", "misi"),
        ("رباب‌سازی به نام استاد غلام سخی گفت شاگردش نمی‌خوابد", "غلام", "استاد"),
    ],
)
def test_a_title_before_a_name_stays_and_the_name_goes(text: str, gone: str, stays: str) -> None:
    assert_gone_and_kept(text, gone, stays)


@pytest.mark.parametrize(
    ("text", "stays"),
    [
        ("At the lechon roast for the Santo Niño fiesta I saw bruises", "Santo Niño"),
        ("After mass at St. Agnes last night she cried", "St. Agnes"),
        ("Por Sant Jordi vendíamos libros en el centro", "Sant Jordi"),
        ("خونه نسرین خانم بودیم سبزی پاک میکردیم برای آش", "سبزی"),
        ("ولی نسرین خانم جلوش گفت حقش بود", "جلوش"),
        ("وهو يكول ولزينب بنت صغيرة مريضة هم", "بنت صغيرة"),
        ("кур'єр сказав, що працює на дядю і гроші віддає йому", "на дядю"),
        ("استاد نی من میگه یکی از شاگرداش زخمی میاد", "استاد نی"),
    ],
)
def test_saints_a_word_after_a_title_said_after_a_name_and_a_little_daughter_stay(
    text: str, stays: str
) -> None:
    assert_kept(text, stays)


@pytest.mark.parametrize(
    ("text", "stays"),
    [
        ("ze is 14 en heeft een schram op haar wang", "schram op haar wang"),
        ("later i saw belt marks and burns on the back of her legs", "belt marks and burns"),
        ("tiene cortes en la mano y no tiene papeles", "cortes en la mano"),
        ("ellerinde yanık izleri vardı ve ağlıyordu", "yanık izleri"),
        ("przyszla z limem pod okiem i plakala", "z limem pod okiem"),
        ("zijn vriendin komt elke vrijdag zijn loon ophalen", "zijn loon"),
    ],
)
def test_injuries_and_a_wage_the_name_lists_hold_stay_in_lower_case(text: str, stays: str) -> None:
    assert_kept(text, stays)


@pytest.mark.parametrize(
    ("text", "gone", "stays"),
    [
        ("ze werkt met chen wang in de keuken", "wang", "in de keuken"),
        ("Mevrouw Wang zei dat haar man haar slaat", "Wang", "haar man"),
        ("su numero de empleada es 48117 y trabaja de noche", "48117", "de noche"),
    ],
)
def test_such_a_word_after_a_name_or_with_a_capital_and_a_spanish_staff_number_go(
    text: str, gone: str, stays: str
) -> None:
    assert_gone_and_kept(text, gone, stays)


@pytest.mark.parametrize(
    ("text", "gone", "stays"),
    [
        ("kasia od nowakow przyszla z limem pod okiem", "nowakow", "pod okiem"),
        (
            "Dairede bir oğlan beş gündür yalnız ve buzdolabı boş. Kapı zilinde 'S. Güneş' yazıyor",
            "Güneş",
            "buzdolabı boş",
        ),
    ],
)
def test_a_polish_family_typed_plain_and_a_name_after_an_initial_go(
    text: str, gone: str, stays: str
) -> None:
    assert_gone_and_kept(text, gone, stays)


def test_a_word_after_a_sentence_ending_in_a_letter_stays():
    assert_kept("Ze zit in groep A. Daarna gaat ze naar huis.", "Daarna gaat ze")


@pytest.mark.parametrize(
    ("text", "gone", "stays"),
    [
        ("spotkalem pawla z synem, pawel go szarpnal za ucho", "pawla", "z synem"),
        ("he lives in tilburg he says, real name maybe timo. i have screenshot", "timo", "tilburg"),
    ],
)
def test_a_polish_name_without_its_fleeting_e_and_a_spoken_word_after_name_is_go(
    text: str, gone: str, stays: str
) -> None:
    assert_gone_and_kept(text, gone, stays)


@pytest.mark.parametrize(
    ("text", "stays"),
    [
        ("حسابش دست شوهرشه هیچ پولی بهش نمیده", "دست شوهرشه"),
        ("En la romería en honor a la Virgen del Rocío llegó con el brazo vendado", "Virgen"),
        ("22 січня, на День Соборності, ми робили живий ланцюг", "День Соборності"),
        ("Waxaan xalwo ku karinaynay guriga, gabadheeda ayaa ooysay", "xalwo"),
    ],
)
def test_her_husband_said_is_the_virgin_a_holiday_and_halwa_stay(text: str, stays: str) -> None:
    assert_kept(text, stays)


@pytest.mark.parametrize(
    ("text", "gone", "stays"),
    [
        (
            "telefonunu elinden aldi. kadinin adini duydum melek, turkce ve hollandaca konustu",
            "melek",
            "turkce ve hollandaca",
        ),
        ("miała identyfikator z numerem 55781 na kamizelce", "55781", "na kamizelce"),
        ("گفت شوهرش اجازه نمی‌دهد. اسم خودش را گفت: گل‌بی‌بی.", "گل", "شوهرش"),
    ],
)
def test_a_name_heard_a_badge_number_and_a_name_she_said_herself_go(
    text: str, gone: str, stays: str
) -> None:
    assert_gone_and_kept(text, gone, stays)


@pytest.mark.parametrize(
    ("text", "stays"),
    [
        ("haciendo alfajores con la Flor y su hija, la nena de 12 le tiene pánico", "la nena"),
        ("نامش را نپرسیدم ولی شوهرش همیشه با اوست", "نامش را نپرسیدم"),
    ],
)
def test_the_little_girl_and_a_name_not_asked_stay(text: str, stays: str) -> None:
    assert_kept(text, stays)
