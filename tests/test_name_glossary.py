"""Integrity of the word glossary khobor/lang/bn/name_glossary.tsv and presence of key entries.

The glossary gives the English word used in official English names for Bengali words inside
names of organisations, institutions, facilities and places ('মডেল থানা' -> 'Model Police Station');
`head` rows go in front with 'of' ('বাণিজ্য মন্ত্রণালয়' -> 'Ministry of Commerce').
"""
import collections
import pathlib
import unicodedata

import pytest

import tsvdata

import khobor
from khobor.normalize import normalize

PATH = pathlib.Path(khobor.__file__).parent / "lang/bn/name_glossary.tsv"
POSITIONS = {"word", "head"}
MINIMUM_ROWS = 700


def _lines():
    return tsvdata.lines("name_glossary.tsv")


def _rows():
    return tsvdata.rows("name_glossary.tsv")


ROWS = _rows()
GLOSSARY = {r[0]: (r[1], r[2]) for r in ROWS if len(r) == 3}


def test_header():
    assert _lines()[0] == "word\tenglish\tposition"


def test_three_columns_and_no_blank_lines():
    assert [r for r in ROWS if len(r) != 3 or not r[0]] == []


def test_positions_are_allowed():
    assert sorted({r[2] for r in ROWS} - POSITIONS) == []


def test_head_rows_are_few():
    heads = [r[0] for r in ROWS if r[2] == "head"]
    assert 0 < len(heads) <= 20


def test_no_duplicate_word():
    counts = collections.Counter(r[0] for r in ROWS)
    assert [w for w, n in counts.items() if n > 1] == []


def test_words_are_nfc_and_normalized():
    assert [r[0] for r in ROWS
            if unicodedata.normalize("NFC", r[0]) != r[0] or normalize(r[0]) != r[0]] == []


def test_words_are_single_bengali_tokens():
    assert [r[0] for r in ROWS if any(ch.isspace() for ch in r[0])] == []
    assert [r[0] for r in ROWS if not all("\u0980" <= ch <= "\u09ff" or ch in "\u200c\u200d" for ch in r[0])] == []


def test_english_is_nonempty_ascii():
    assert [r for r in ROWS if not r[1] or not r[1].isascii() or r[1] != r[1].strip() or "  " in r[1]] == []


def test_english_content_words_are_capitalized():
    # Function words ('and', 'of', 'for') stay lower case as in official names.
    assert [r for r in ROWS if r[1] not in {"and", "of", "for"} and not r[1][0].isupper()] == []


def test_minimum_rows():
    assert len(ROWS) >= MINIMUM_ROWS


@pytest.mark.parametrize("word,english", [
    ("মডেল", "Model"),
    ("থানা", "Police Station"),
    ("জেনারেল", "General"),
    ("হাসপাতাল", "Hospital"),
    ("কেন্দ্রীয়", "Central"),
    ("জল", "Water"),
    ("কমিশন", "Commission"),
    ("জাতীয়", "National"),
    ("বিপর্যয়", "Disaster"),
    ("মোকাবিলা", "Response"),
    ("বাহিনী", "Force"),
    ("বাণিজ্য", "Commerce"),
    ("প্রাথমিক", "Primary"),
    ("শিক্ষা", "Education"),
    ("বিশ্ববিদ্যালয়", "University"),
    ("মেডিকেল", "Medical"),
    ("কলেজ", "College"),
    ("বাস", "Bus"),
    ("টার্মিনাল", "Terminal"),
    ("সরকারি", "Government"),
    ("উচ্চ", "High"),
    ("বিদ্যালয়", "School"),
    ("বালিকা", "Girls'"),
    ("ব্যাংক", "Bank"),
    ("লিমিটেড", "Limited"),
    ("ইসলামী", "Islami"),
    ("উপজেলা", "Upazila"),
    ("পরিষদ", "Parishad"),
    ("স্বরাষ্ট্র", "Home Affairs"),
    ("পররাষ্ট্র", "Foreign Affairs"),
    ("মুক্তিযুদ্ধ", "Liberation War"),
    ("বিমানবন্দর", "Airport"),
    ("স্থলবন্দর", "Land Port"),
    ("ফাঁড়ি", "Police Outpost"),
    ("দায়রা", "Sessions"),
    ("ইনস্টিটিউট", "Institute"),
    ("এক্সপ্রেসওয়ে", "Expressway"),
    ("উত্তর", "North"),
    ("বৃহত্তর", "Greater"),
    ("শহীদ", "Shaheed"),
])
def test_entry_present(word, english):
    assert GLOSSARY.get(word, ("", ""))[0] == english


@pytest.mark.parametrize("word,english", [
    ("মন্ত্রণালয়", "Ministry"),
    ("মন্ত্রক", "Ministry"),
    ("অধিদপ্তর", "Directorate"),
    ("বিভাগ", "Department"),
    ("দপ্তর", "Department"),
    ("দফতর", "Department"),
])
def test_head_entry_present(word, english):
    assert GLOSSARY.get(word) == (english, "head")


@pytest.mark.parametrize("word", ["কমিশন", "কর্তৃপক্ষ", "বোর্ড", "থানা", "হাসপাতাল", "বাহিনী"])
def test_keeps_english_order(word):
    assert GLOSSARY[word][1] == "word"
