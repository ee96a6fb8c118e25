"""Integrity of the number-word lexicon and the unit lexicon in khobor/lang/bn/."""
import collections
import pathlib
import re
import unicodedata

import pytest

import khobor
from khobor.normalize import normalize, search_key

BN_DIR = pathlib.Path(khobor.__file__).parent / "lang/bn"
NUMBERS_PATH = BN_DIR / "number_words.tsv"
UNITS_PATH = BN_DIR / "units.tsv"

KINDS = {"number", "scale", "fraction", "modifier", "ordinal", "decimal", "percent_prefix"}
TYPES = {"money", "percent", "measure", "count"}
PLAIN_NUMBER = re.compile(r"-?\d+(\.\d+)?")
ASCII_UNIT = re.compile(r"[A-Za-z0-9_]+")
SYMBOLS = {"৳", "$", "₹", "€", "£", "¥", "%"}


def _lines(path):
    return path.read_text(encoding="utf-8").split("\n")


def _rows(path):
    lines = _lines(path)
    assert lines[-1] == "", f"{path.name} must end with a newline"
    return [line.split("\t") for line in lines[1:-1]]


NUMBER_ROWS = _rows(NUMBERS_PATH)
UNIT_ROWS = _rows(UNITS_PATH)
NUMBER = {r[0]: (float(r[1]), r[2]) for r in NUMBER_ROWS if len(r) == 3 and PLAIN_NUMBER.fullmatch(r[1])}
UNIT = {r[0]: (r[1], r[2]) for r in UNIT_ROWS if len(r) == 3}
BOTH = pytest.mark.parametrize("rows", [NUMBER_ROWS, UNIT_ROWS], ids=["number_words", "units"])


def test_headers():
    assert _lines(NUMBERS_PATH)[0] == "word\tvalue\tkind"
    assert _lines(UNITS_PATH)[0] == "word\tunit\ttype"


@BOTH
def test_three_columns_and_no_blank_fields(rows):
    assert [r for r in rows if len(r) != 3 or not all(f and f == f.strip() for f in r)] == []


def test_kinds_are_allowed():
    assert sorted({r[2] for r in NUMBER_ROWS} - KINDS) == []


def test_types_are_allowed():
    assert sorted({r[2] for r in UNIT_ROWS} - TYPES) == []


@BOTH
def test_no_duplicate_words(rows):
    counts = collections.Counter(r[0] for r in rows)
    assert [w for w, n in counts.items() if n > 1] == []


@BOTH
def test_words_are_nfc_and_normalized(rows):
    bad = [r[0] for r in rows if unicodedata.normalize("NFC", r[0]) != r[0] or normalize(r[0]) != r[0]]
    assert bad == []


@BOTH
def test_words_are_single_tokens(rows):
    assert [r[0] for r in rows if any(ch.isspace() for ch in r[0])] == []


def test_number_words_are_bengali():
    assert [r[0] for r in NUMBER_ROWS if not all("\u0980" <= ch <= "\u09ff" for ch in r[0])] == []


def test_unit_words_are_bengali_or_known_symbols():
    bad = [r[0] for r in UNIT_ROWS
           if not (all("\u0980" <= ch <= "\u09ff" for ch in r[0]) or r[0] in SYMBOLS or r[0] in {"Tk", "Rs"})]
    assert bad == []


def test_values_are_plain_numbers():
    assert [r for r in NUMBER_ROWS if not PLAIN_NUMBER.fullmatch(r[1])] == []
    for r in NUMBER_ROWS:
        float(r[1])


def test_units_are_ascii():
    assert [r for r in UNIT_ROWS if not ASCII_UNIT.fullmatch(r[1])] == []


def test_every_cardinal_from_0_to_100_has_a_number_row():
    values = {float(r[1]) for r in NUMBER_ROWS if r[2] == "number"}
    assert [n for n in range(0, 101) if float(n) not in values] == []


def test_number_values_are_whole_and_in_range():
    assert [r for r in NUMBER_ROWS if r[2] == "number" and not (r[1].isdigit() and 0 <= int(r[1]) <= 100)] == []


def test_scale_values():
    scales = {r[0]: float(r[1]) for r in NUMBER_ROWS if r[2] == "scale"}
    expected = {"শ": 100, "শো": 100, "শত": 100, "হাজার": 1e3, "লাখ": 1e5, "লক্ষ": 1e5, "কোটি": 1e7,
                "মিলিয়ন": 1e6, "বিলিয়ন": 1e9, "ট্রিলিয়ন": 1e12}
    assert {w: scales.get(w) for w in expected} == {w: float(v) for w, v in expected.items()}
    assert all(v > 1 for v in scales.values())


def test_fraction_and_modifier_values():
    assert all(0 < float(r[1]) < 3 for r in NUMBER_ROWS if r[2] == "fraction")
    assert all(-1 < float(r[1]) < 1 and float(r[1]) != 0 for r in NUMBER_ROWS if r[2] == "modifier")


def test_marker_kinds_have_value_zero():
    assert [r for r in NUMBER_ROWS if r[2] in {"decimal", "percent_prefix"} and float(r[1]) != 0] == []
    assert {r[0] for r in NUMBER_ROWS if r[2] == "decimal"} >= {"দশমিক"}
    assert {r[0] for r in NUMBER_ROWS if r[2] == "percent_prefix"} >= {"শতকরা"}


def test_ordinals_one_to_twenty_one():
    values = {float(r[1]) for r in NUMBER_ROWS if r[2] == "ordinal"}
    assert [n for n in range(1, 22) if float(n) not in values] == []


@BOTH
def test_spelling_variants_agree(rows):
    # Rows whose words fold to the same search key are spelling variants: they must mean the same thing.
    meanings = collections.defaultdict(set)
    for r in rows:
        if r[0] not in SYMBOLS:  # symbols have an empty search key
            meanings[search_key(r[0])].add((r[1], r[2]))
    assert {k: v for k, v in meanings.items() if len(v) > 1} == {}


@pytest.mark.parametrize("typ,minimum", [("measure", 60), ("count", 80), ("money", 20), ("percent", 3)])
def test_minimum_unit_counts(typ, minimum):
    assert sum(1 for r in UNIT_ROWS if r[2] == typ) >= minimum


@pytest.mark.parametrize("word,value,kind", [
    ("শূন্য", 0, "number"),
    ("এক", 1, "number"),
    ("দুই", 2, "number"),
    ("দু", 2, "number"),
    ("ছয়", 6, "number"),
    ("নয়", 9, "number"),
    ("চৌদ্দ", 14, "number"),
    ("চোদ্দ", 14, "number"),
    ("ষোল", 16, "number"),
    ("উনত্রিশ", 29, "number"),
    ("ঊনত্রিশ", 29, "number"),
    ("তিরিশ", 30, "number"),
    ("পঁয়তাল্লিশ", 45, "number"),
    ("একাত্তর", 71, "number"),
    ("নিরানব্বই", 99, "number"),
    ("একশো", 100, "number"),
    ("একটি", 1, "number"),
    ("দুজন", 2, "number"),
    ("দুটো", 2, "number"),
    ("পাঁচটি", 5, "number"),
    ("হাজার", 1000, "scale"),
    ("কোটি", 10000000, "scale"),
    ("দেড়", 1.5, "fraction"),
    ("আড়াই", 2.5, "fraction"),
    ("সিকি", 0.25, "fraction"),
    ("সাড়ে", 0.5, "modifier"),
    ("পৌনে", -0.25, "modifier"),
    ("প্রথম", 1, "ordinal"),
    ("ষোড়শ", 16, "ordinal"),
    ("একবিংশ", 21, "ordinal"),
    ("দশমিক", 0, "decimal"),
    ("শতকরা", 0, "percent_prefix"),
])
def test_number_fact(word, value, kind):
    assert NUMBER.get(unicodedata.normalize("NFC", word)) == (float(value), kind)


@pytest.mark.parametrize("word,unit,typ", [
    ("টাকা", "BDT", "money"),
    ("৳", "BDT", "money"),
    ("Tk", "BDT", "money"),
    ("ডলার", "USD", "money"),
    ("$", "USD", "money"),
    ("রুপি", "INR", "money"),
    ("রুপিয়া", "IDR", "money"),
    ("ইউরো", "EUR", "money"),
    ("পাউন্ড", "GBP", "money"),
    ("রিয়াল", "SAR", "money"),
    ("ইয়েন", "JPY", "money"),
    ("শতাংশ", "percent", "percent"),
    ("%", "percent", "percent"),
    ("ভাগ", "percent", "percent"),
    ("কিলোমিটার", "km", "measure"),
    ("কিমি", "km", "measure"),
    ("কেজি", "kg", "measure"),
    ("মণ", "maund", "measure"),
    ("ভরি", "bhori", "measure"),
    ("মেগাওয়াট", "MW", "measure"),
    ("শতক", "decimal_land", "measure"),
    ("বর্গকিলোমিটার", "km2", "measure"),
    ("উইকেট", "wicket", "measure"),
    ("ভোট", "vote", "measure"),
    ("জন", "person", "count"),
    ("টি", "item", "count"),
    ("শিক্ষার্থী", "student", "count"),
    ("উপজেলা", "upazila", "count"),
    ("গ্রাম", "village", "count"),
    ("বার", "time", "count"),
    ("দফা", "round", "count"),
    ("শয্যা", "bed", "count"),
    ("ডোজ", "dose", "count"),
])
def test_unit_fact(word, unit, typ):
    assert UNIT.get(unicodedata.normalize("NFC", word)) == (unit, typ)


@pytest.mark.parametrize("word", ["টাকার", "মার্কিন", "মেট্রিক", "সিঙ্গাপুর", "প্রথমবার"])
def test_excluded_words(word):
    assert word not in UNIT and word not in NUMBER
