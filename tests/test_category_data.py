"""Integrity of the category lexicon and the stop-word list in khobor/lang/bn/."""
import collections
import pathlib
import unicodedata

import pytest

import khobor
from khobor.morph import lemma
from khobor.normalize import normalize, search_key

BN_DIR = pathlib.Path(khobor.__file__).parent / "lang/bn"
CATEGORY_PATH = BN_DIR / "category_words.tsv"
STOPWORDS_PATH = BN_DIR / "stopwords.txt"

CATEGORIES = {"politics", "international", "sports", "economy", "disaster", "crime", "health",
              "technology", "education", "entertainment"}
WEIGHTS = {"1", "2", "3"}
MIN_PER_CATEGORY = 80
MIN_STOPWORDS = 500
# Entries kept although the stemmer maps them elsewhere (গান is also a form of গাওয়া, listed too).
LEMMA_EXCEPTIONS = {"গান"}


def _category_lines():
    lines = CATEGORY_PATH.read_text(encoding="utf-8").split("\n")
    assert lines[-1] == "", "category_words.tsv must end with a newline"
    return lines[:-1]


CATEGORY_LINES = _category_lines()
CATEGORY_ROWS = [line.split("\t") for line in CATEGORY_LINES[1:]]
CATEGORY = {r[0]: (r[1], int(r[2])) for r in CATEGORY_ROWS if len(r) == 3 and r[2] in WEIGHTS}


def _stopwords():
    text = STOPWORDS_PATH.read_text(encoding="utf-8")
    assert text.endswith("\n"), "stopwords.txt must end with a newline"
    return [line for line in text.split("\n") if line and not line.startswith("#")]


STOPWORDS = _stopwords()


# -- category_words.tsv -------------------------------------------------------------------------

def test_category_header():
    assert CATEGORY_LINES[0] == "word\tcategory\tweight"


def test_category_three_columns_no_blank_fields():
    bad = [r for r in CATEGORY_ROWS if len(r) != 3 or not all(f and f == f.strip() for f in r)]
    assert bad == []


def test_category_no_comments_or_blank_lines():
    assert [line for line in CATEGORY_LINES[1:] if not line or line.startswith("#")] == []


def test_categories_are_allowed():
    assert sorted({r[1] for r in CATEGORY_ROWS} - CATEGORIES) == []


def test_weights_are_allowed():
    assert sorted({r[2] for r in CATEGORY_ROWS} - WEIGHTS) == []


def test_no_duplicate_category_words():
    counts = collections.Counter(r[0] for r in CATEGORY_ROWS)
    assert [w for w, n in counts.items() if n > 1] == []


def test_no_duplicate_search_keys():
    # article.py looks words up by search_key: two entries with one key would shadow each other.
    keys = collections.defaultdict(list)
    for r in CATEGORY_ROWS:
        keys[search_key(r[0])].append(r[0])
    assert {k: v for k, v in keys.items() if len(v) > 1} == {}


def test_category_words_are_single_bengali_words():
    bad = [r[0] for r in CATEGORY_ROWS
           if any(c.isspace() for c in r[0]) or not all("\u0980" <= c <= "\u09ff" or c in "\u200c\u200d" for c in r[0])]
    assert bad == []


def test_category_words_nfc_and_normalized():
    bad = [r[0] for r in CATEGORY_ROWS
           if not unicodedata.is_normalized("NFC", r[0]) or normalize(r[0]) != r[0]]
    assert bad == []


def test_category_words_are_base_forms():
    # categorize() looks up lemmas, so an entry the stemmer would reduce further never matches.
    bad = [(r[0], lemma(r[0])) for r in CATEGORY_ROWS if r[0] not in LEMMA_EXCEPTIONS and lemma(r[0]) != r[0]]
    assert bad == []


@pytest.mark.parametrize("category", sorted(CATEGORIES))
def test_enough_words_per_category(category):
    n = sum(1 for r in CATEGORY_ROWS if r[1] == category)
    assert n >= MIN_PER_CATEGORY, f"{category}: {n} words"


@pytest.mark.parametrize("category", sorted(CATEGORIES))
def test_every_category_has_decisive_words(category):
    assert any(r[1] == category and r[2] == "3" for r in CATEGORY_ROWS)


FACTS = [
    ("নির্বাচন", "politics", 3),
    ("হরতাল", "politics", 3),
    ("বিধানসভা", "politics", 3),
    ("জাতিসংঘ", "international", 3),
    ("যুদ্ধবিরতি", "international", 3),
    ("দূতাবাস", "international", 3),
    ("উইকেট", "sports", 3),
    ("অধিনায়ক", "sports", 3),
    ("ওয়ানডে", "sports", 3),
    ("মূল্যস্ফীতি", "economy", 3),
    ("রেমিট্যান্স", "economy", 3),
    ("শেয়ারবাজার", "economy", 3),
    ("ভূমিকম্প", "disaster", 3),
    ("ঘূর্ণিঝড়", "disaster", 3),
    ("দুর্ঘটনা", "disaster", 1),
    ("ধর্ষণ", "crime", 3),
    ("গ্রেপ্তার", "crime", 3),
    ("ইয়াবা", "crime", 3),
    ("ডেঙ্গু", "health", 3),
    ("টিকা", "health", 3),
    ("স্মার্টফোন", "technology", 3),
    ("সফটওয়্যার", "technology", 3),
    ("এসএসসি", "education", 3),
    ("বিশ্ববিদ্যালয়", "education", 3),
    ("চলচ্চিত্র", "entertainment", 3),
    ("অভিনেত্রী", "entertainment", 3),
]


@pytest.mark.parametrize("word,category,weight", FACTS, ids=[f[0] for f in FACTS])
def test_category_facts(word, category, weight):
    word = unicodedata.normalize("NFC", word)
    assert CATEGORY.get(word) == (category, weight)


# -- stopwords.txt ------------------------------------------------------------------------------

def test_enough_stopwords():
    assert len(STOPWORDS) >= MIN_STOPWORDS


def test_no_duplicate_stopwords():
    counts = collections.Counter(STOPWORDS)
    assert [w for w, n in counts.items() if n > 1] == []


def test_stopwords_single_words_nfc_and_normalized():
    bad = [w for w in STOPWORDS
           if " " in w or "\t" in w or not unicodedata.is_normalized("NFC", w) or normalize(w) != w]
    assert bad == []


def test_no_stopword_in_category_words():
    # Compared by search_key, the key both lookups in article.py use.
    cat_keys = {search_key(r[0]): r[0] for r in CATEGORY_ROWS}
    assert sorted((w, cat_keys[search_key(w)]) for w in STOPWORDS if search_key(w) in cat_keys) == []


@pytest.mark.parametrize("word", ["আমি", "তিনি", "এবং", "জন্য", "থেকে", "হয়েছে", "বলেন", "জানান", "দুই",
                                  "গতকাল", "বছর", "বিষয়", "ঘটনা", "সূত্র", "প্রতিবেদক"])
def test_stopword_facts(word):
    assert unicodedata.normalize("NFC", word) in STOPWORDS
