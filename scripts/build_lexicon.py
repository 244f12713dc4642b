"""Build flows/redaction/lexicon.tsv.gz, the name and word lexicon of the redactor.

    .venv/bin/pip install -e '.[lexicon]'
    .venv/bin/python scripts/build_lexicon.py

Only needed when the lexicon is to be rebuilt; the built file is in the repository and in
the wheel, and the running bot needs none of these packages. Sources and licences are in
flows/redaction/LEXICON.md and in the header of the file written.

Sections of the file (UTF-8 text, gzip):
- `@words`: one casefolded word a line, then a tab and the best rank it reaches as a
  given or family name among the countries of the communities, as a bucket 0-6 (0 = among
  the 50 most common; "-" if not a name), then, for words common enough to matter, a tab
  and its Zipf frequency x 10 in each language of the header line (a name that is also a
  common word of the text's language needs a cue).
- `@function <lang>`: the most frequent words of each language (language guess; never names).
- `@notperson`: countries, languages, nationalities, regions, weekdays and months in every
  form of the ten languages; these are never taken for a person.

It also writes flows/redaction/namemodel.bin.gz, the character n-gram classifier for words
in neither list (namemodel.py): logistic regression trained here with NumPy on names of
the communities' countries (rank at most 20000) against wordfreq's words. `--model` rebuilds
only the classifier, `--lexicon` only the lexicon.
"""

from __future__ import annotations

import gzip
import pickle
import sys
import unicodedata
from datetime import date
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "flows" / "redaction" / "lexicon.tsv.gz"
MODEL_OUT = OUT.with_name("namemodel.bin.gz")
sys.path.insert(0, str(ROOT))


def _split(*chunks: str) -> list[str]:
    return [w for chunk in chunks for w in chunk.split()]


# Countries the communities come from, and the countries whose names they carry.
NAME_COUNTRIES = _split(
    "NL BE MA DZ TN EG LY TR SY IQ LB JO PS SA YE SD ET DJ AF IR PK PL RU MD ES MX CO",
    "PE CL AR EC BO SV HN GT PR US GB IE",
    # The data set has no Somalia, Eritrea or Ukraine; Somali and Eritrean names are
    # ranked in Sweden and Norway, where those communities live.
    "SE NO",
)
# Ghanaian and Nigerian names ("kwabena", "adaeze", "chidi"): the West African churches
# and communities of Amsterdam Zuidoost, Almere and The Hague. In the lexicon only: the
# classifier trained with them too took Somali kinship words ("aabaheed") for names.
# (The Philippines, India and Indonesia were tried as well: their names that are Spanish,
# Dutch or English words, "niña", "sabado", "toko", cost as much as they found.)
WEST_AFRICA = _split("NG GH")
LEXICON_COUNTRIES = [*NAME_COUNTRIES, *WEST_AFRICA]
RANK_BUCKETS = (50, 200, 500, 1000, 2000, 3000, 5000)  # bucket i: rank <= RANK_BUCKETS[i]
MAX_RANK = RANK_BUCKETS[-1]

# Word-frequency languages (wordfreq has no Somali or Tigrinya).
FREQ_LANGS = ("nl", "en", "es", "pl", "tr", "uk", "ru", "ar", "fa")
TYPED_PLAIN = ("nl", "es", "pl", "tr")  # languages whose accents phones often leave out
MIN_ZIPF_NAME = 2.5  # frequency kept for words that are also names
MIN_ZIPF_WORD = 3.3  # frequency kept for any word (capitalised common words are kept)
FUNCTION_WORDS = 150

CLDR_LANGS = ("nl", "en", "es", "pl", "tr", "uk", "ar", "fa", "so", "ti", "ru", "am")
REGION_COUNTRIES = _split(
    "NL BE MA TR SY IQ AF IR ER ET SO PL UA ES SR DZ TN EG",
)

# Plural and inflected forms of weekdays and months that CLDR does not list.
EXTRA_NOT_PERSON = """
maandagen dinsdagen woensdagen donderdagen vrijdagen zaterdagen zondagen maandags dinsdags
woensdags donderdags vrijdags zaterdags zondags mondays tuesdays wednesdays thursdays fridays
saturdays sundays weekends weekend pazartesileri salıları çarşambaları perşembeleri cumaları
cumartesileri pazarları pazartesi'leri poniedziałki wtorki środy czwartki piątki soboty
niedziele poniedziałkami wtorkami środami czwartkami piątkami sobotami niedzielami
понеділками вівторками середами четвергами п'ятницями суботами неділями понеділки вівторки
середи четверги п'ятниці суботи неділі sábados domingos
"""


def _fold(word: str) -> str:
    return unicodedata.normalize("NFKC", word).casefold().replace("’", "'")


def _is_word(word: str) -> bool:
    return (
        len(word) >= 2
        and all(ch.isalpha() or ch in "'-" or unicodedata.category(ch)[0] == "M" for ch in word)
        and word[0].isalpha()
    )


def _cyrillic(name: str) -> bool:
    """Ukrainian names are ranked wherever Cyrillic names are: Poland, Czechia,
    Kazakhstan ("Тетяна" is 964th in Poland)."""
    return "\u0400" <= name[:1] <= "\u04ff"


def _bucket(rank: int) -> int:
    return next(i for i, limit in enumerate(RANK_BUCKETS) if rank <= limit)


def build_names() -> dict[str, int]:
    import names_dataset

    folder = Path(names_dataset.__file__).parent / "v3"
    best: dict[str, int] = {}
    for part in ("first_names", "last_names"):
        with gzip.open(folder / f"{part}.pkl.gz") as f:
            data = pickle.load(f)
        for name, info in data.items():
            ranks = info.get("rank") or {}
            countries = ranks if _cyrillic(name) else LEXICON_COUNTRIES
            rank = min((ranks[c] for c in countries if c in ranks), default=None)
            if rank is None or rank > MAX_RANK:
                continue
            for word in name.split():  # "El Amrani" gives "el" and "amrani"; "el" is a particle
                word = _fold(word)
                if _is_word(word) and rank < best.get(word, MAX_RANK + 1):
                    best[word] = rank
        del data
    return {w: _bucket(r) for w, r in best.items()}


def build_freq(names: dict[str, int]) -> tuple[dict[str, dict[str, int]], dict[str, list[str]]]:
    from wordfreq import iter_wordlist, zipf_frequency

    from flows.redaction.judge import unaccented

    freq: dict[str, dict[str, int]] = {}
    function: dict[str, list[str]] = {}
    for lang in FREQ_LANGS:
        function[lang] = []
        for word in iter_wordlist(lang, "best"):
            zipf = zipf_frequency(word, lang, wordlist="best")
            if zipf < MIN_ZIPF_NAME:
                break
            word = _fold(word)
            if not _is_word(word):
                continue
            if len(function[lang]) < FUNCTION_WORDS:
                function[lang].append(word)
            if zipf >= MIN_ZIPF_WORD or word in names:
                # the higher of its own frequency and, when it is also the plain form of
                # a more frequent word met before ("maz" after "mąż"), that word's
                per_lang = freq.setdefault(word, {})
                per_lang[lang] = max(per_lang.get(lang, 0), round(zipf * 10))
                # typed on a phone without its accents ("hemsire", "kosciele", "miercoles"):
                # the same word, as frequent; but not a common name ("gulsen", "nilufer":
                # Gülşen and Nilüfer are words too, and typed plain mostly the names)
                plain = unaccented(word)
                common_name = min(names.get(plain, 9), names.get(word, 9)) <= 3
                if lang in TYPED_PLAIN and plain != word and plain.isascii() and not common_name:
                    per_lang = freq.setdefault(plain, {})
                    per_lang[lang] = max(per_lang.get(lang, 0), round(zipf * 10))
    return freq, function


def build_not_person() -> set[str]:
    import pycountry
    from babel import Locale

    words: set[str] = set()

    def add(text: str) -> None:
        for word in text.replace("-", " ").replace("(", " ").replace(")", " ").split():
            word = _fold(word.strip(".,"))
            if _is_word(word):
                words.add(word)

    for code in CLDR_LANGS:
        loc = Locale.parse(code)
        for table in (loc.days, loc.months):
            for context in table.values():
                for width in ("wide", "abbreviated"):
                    for name in context.get(width, {}).values():
                        add(name)
        for name in loc.territories.values():
            add(name)
        for name in loc.languages.values():
            add(name)
    for country in REGION_COUNTRIES:
        for sub in pycountry.subdivisions.get(country_code=country) or ():
            add(sub.name)
    add(EXTRA_NOT_PERSON)
    return words


# --- the classifier for unknown words (namemodel.py) --------------------------------------

MODEL_COUNTRIES = [*NAME_COUNTRIES, "DJ", "SO", "ER"]
MODEL_MAX_RANK = 20000
MODEL_DIM = 1 << 18
MODEL_WORDS_PER_LANG = 150_000
MODEL_MAX_ZIPF_NAME = 3.0  # a name this common as a word teaches nothing about names
MODEL_EPOCHS = 60


def model_names() -> set[str]:
    import names_dataset

    folder = Path(names_dataset.__file__).parent / "v3"
    words: set[str] = set()
    for part in ("first_names", "last_names"):
        with gzip.open(folder / f"{part}.pkl.gz") as f:
            data = pickle.load(f)
        for name, info in data.items():
            ranks = info.get("rank") or {}
            if min((ranks[c] for c in MODEL_COUNTRIES if c in ranks), default=10**9) > (
                MODEL_MAX_RANK
            ):
                continue
            for word in name.split():
                word = _fold(word)
                if _is_word(word) and len(word) >= 3:
                    words.add(word)
        del data
    return words


def model_words(names: set[str]) -> tuple[set[str], set[str]]:
    """(names, ordinary words) for training: a word of any frequency list that is not a
    name; a name that is not a common word. Somali and Tigrinya words come from the
    redactor's own lists and CLDR."""
    from babel import Locale
    from wordfreq import iter_wordlist, zipf_frequency

    from flows.redaction import judge
    from flows.redaction.lexicon import KIN, STOP, UNCASED_KIN

    words: set[str] = set()
    common: set[str] = set()
    for lang in FREQ_LANGS:
        for n, word in enumerate(iter_wordlist(lang, "best")):
            if n >= MODEL_WORDS_PER_LANG:
                break
            folded = _fold(word)
            if not _is_word(folded) or len(folded) < 3:
                continue
            words.add(folded)
            if zipf_frequency(word, lang, wordlist="best") >= MODEL_MAX_ZIPF_NAME:
                common.add(folded)
    for code in ("so", "ti", "am"):
        loc = Locale.parse(code)
        for table in (loc.days, loc.months):
            for context in table.values():
                for width in ("wide", "abbreviated"):
                    words.update(_fold(w) for w in context.get(width, {}).values())
        for text in [*loc.territories.values(), *loc.languages.values()]:
            words.update(_fold(w) for w in text.split())
    words.update(judge._SOMALI | judge._TIGRINYA | STOP | KIN | UNCASED_KIN)
    words = {w for w in words if _is_word(w) and len(w) >= 3}
    return names - common, words - names


def train_model(names: set[str], words: set[str]) -> tuple[bytes, float, dict[str, float]]:
    """Logistic regression (Adagrad, full batch) with the classes weighted equally per
    script; returns int8 weights (as bytes + 128), their scale and held-out accuracy."""
    import random

    import numpy as np

    from flows.redaction.namemodel import features, script

    samples = [(w, 1) for w in sorted(names)] + [(w, 0) for w in sorted(words)]
    random.Random(22).shuffle(samples)
    width = 2 + 3 * (20 + 2)
    x = np.full((len(samples), width), MODEL_DIM, dtype=np.int32)
    for row, (word, _) in enumerate(samples):
        idx = features(word, MODEL_DIM)
        x[row, : len(idx)] = idx
    y = np.array([label for _, label in samples], dtype=np.float64)
    tags = [script(w) for w, _ in samples]
    sample_weight = np.ones(len(samples))
    for tag in set(tags):
        mask = np.array([t == tag for t in tags])
        for label in (0, 1):
            part = mask & (y == label)
            if part.any():
                sample_weight[part] = 0.5 * mask.sum() / part.sum() / len(samples)
    test = np.arange(len(samples)) % 20 == 0
    train = ~test
    w = np.zeros(MODEL_DIM + 1)
    g2 = np.full(MODEL_DIM + 1, 1e-8)
    rate, l2 = 0.5, 1e-7
    for _ in range(MODEL_EPOCHS):
        z = w[x[train]].sum(axis=1)
        p = 1 / (1 + np.exp(-np.clip(z, -30, 30)))
        g = (p - y[train]) * sample_weight[train]
        grad = np.bincount(x[train].ravel(), np.repeat(g, width), minlength=MODEL_DIM + 1)
        grad += l2 * w
        g2 += grad * grad
        w -= rate * grad / np.sqrt(g2)
        w[MODEL_DIM] = 0.0
    scale = float(np.abs(w[:MODEL_DIM]).max()) / 127
    q = np.clip(np.round(w[:MODEL_DIM] / scale), -127, 127).astype(np.int16) + 128
    deq = (q.astype(np.float64) - 128) * scale
    z = np.append(deq, 0.0)[x[test]].sum(axis=1)
    right = (z > 0) == (y[test] > 0.5)
    accuracy = {}
    test_tags = [t for t, keep in zip(tags, test, strict=True) if keep]
    for tag in sorted(set(test_tags)):
        mask = np.array([t == tag for t in test_tags])
        for label, name in ((1, "names"), (0, "words")):
            part = mask & (y[test] == label)
            if part.any():
                accuracy[f"{tag} {name}"] = float(right[part].mean())
    return q.astype(np.uint8).tobytes(), scale, accuracy


def build_model() -> None:
    from flows.redaction.namemodel import MAGIC

    names, words = model_words(model_names())
    weights, scale, accuracy = train_model(names, words)
    head = MAGIC + f" {MODEL_DIM} {scale!r}\n".encode()
    with gzip.GzipFile(MODEL_OUT, "wb", compresslevel=9, mtime=0) as f:
        f.write(head + weights)
    print(
        f"{MODEL_OUT.name}: {len(names)} names, {len(words)} words, "
        f"{MODEL_OUT.stat().st_size / 1e6:.2f} MB; held-out accuracy "
        + ", ".join(f"{k} {v:.1%}" for k, v in accuracy.items()),
        file=sys.stderr,
    )


def main() -> int:
    import names_dataset  # noqa: F401  (fail early with a clear message)

    if sys.argv[1:] != ["--lexicon"]:
        build_model()
    if sys.argv[1:] == ["--model"]:
        return 0

    from flows.redaction.gazetteer import word_key

    names = build_names()
    freq, function = build_freq(names)
    not_person = build_not_person()
    # A word that is a common name stays a name even when it is also a country or a
    # language ("Jordan", "Maria"): only a cue or a capital decides there, not this list.
    not_person = {w for w in not_person if names.get(w, 9) > 1}
    nd_version = _version("names-dataset")
    header = [
        "# Sleutel redaction lexicon, built by scripts/build_lexicon.py on "
        + date.today().isoformat(),
        f"# names: names-dataset {nd_version} (MIT, Philippe Remy), ranks for "
        + " ".join(LEXICON_COUNTRIES)
        + f", rank <= {MAX_RANK}, buckets {RANK_BUCKETS}",
        f"# freq: wordfreq {_version('wordfreq')} (Apache-2.0 code; data CC BY-SA 4.0, "
        "Robyn Speer et al.), Zipf x 10",
        "# notperson: CLDR via babel (Unicode licence), ISO 3166-2 via pycountry (LGPL-2.1 "
        "code, Debian iso-codes data)",
    ]
    lines = [*header, "@words " + " ".join(FREQ_LANGS)]
    for word in sorted(set(names) | set(freq), key=word_key):  # the loader's order
        bucket = str(names[word]) if word in names else "-"
        per_lang = freq.get(word)
        if per_lang:
            values = " ".join(str(per_lang.get(lang, 0)) for lang in FREQ_LANGS)
            lines.append(f"{word}\t{bucket}\t{values}")
        else:
            lines.append(f"{word}\t{bucket}")
    for lang in FREQ_LANGS:
        lines.append(f"@function {lang}")
        lines += function[lang]
    lines.append("@notperson")
    lines += sorted(not_person)
    data = ("\n".join(lines) + "\n").encode("utf-8")
    with gzip.GzipFile(OUT, "wb", compresslevel=9, mtime=0) as f:
        f.write(data)
    print(
        f"{OUT.name}: {len(names)} names, {len(freq)} word frequencies, "
        f"{len(not_person)} not-person words, {OUT.stat().st_size / 1e6:.1f} MB",
        file=sys.stderr,
    )
    return 0


def _version(dist: str) -> str:
    from importlib.metadata import version

    return version(dist)


if __name__ == "__main__":
    sys.exit(main())
