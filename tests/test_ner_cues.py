"""Integrity of the NER cue lexicon khobor/lang/bn/ner_cues.tsv and presence of key cue words."""
import collections
import pathlib
import unicodedata

import pytest

import tsvdata

import khobor
from khobor.normalize import normalize, search_key

PATH = pathlib.Path(khobor.__file__).parent / "lang/bn/ner_cues.tsv"
KINDS = {"title", "org_head", "loc_head", "gpe_head", "speech", "person_after", "org_before", "loc_before"}
MINIMUM = {"title": 250, "org_head": 120, "loc_head": 80, "gpe_head": 25, "speech": 60}


def _lines():
    return tsvdata.lines("ner_cues.tsv")


def _rows():
    return tsvdata.rows("ner_cues.tsv")


ROWS = _rows()
PAIRS = {(r[0], r[1]) for r in ROWS if len(r) == 3}


def test_header():
    assert _lines()[0] == "word\tkind\tnote"


def test_three_columns_and_no_blank_lines():
    assert [r for r in ROWS if len(r) != 3 or not r[0]] == []


def test_kinds_are_allowed():
    assert sorted({r[1] for r in ROWS} - KINDS) == []


def test_no_duplicate_word_kind():
    counts = collections.Counter((r[0], r[1]) for r in ROWS)
    assert [p for p, n in counts.items() if n > 1] == []


def test_no_spelling_variants_within_a_kind():
    # The tagger looks cues up by search_key; two rows that fold together would double a feature.
    counts = collections.Counter((search_key(r[0]), r[1]) for r in ROWS)
    assert [p for p, n in counts.items() if n > 1] == []


def test_words_are_nfc_and_normalized():
    bad = [r[0] for r in ROWS
           if unicodedata.normalize("NFC", r[0]) != r[0] or normalize(r[0]) != r[0]
           or unicodedata.normalize("NFC", r[2]) != r[2] or normalize(r[2]) != r[2].strip()]
    assert bad == []


def test_words_are_single_tokens():
    assert [r[0] for r in ROWS if any(ch.isspace() for ch in r[0]) or r[0] != r[0].strip("-")] == []


def test_words_are_bengali():
    assert [r[0] for r in ROWS if not all("\u0980" <= ch <= "\u09ff" or ch in "-\u200c\u200d" for ch in r[0])] == []


@pytest.mark.parametrize("kind,minimum", sorted(MINIMUM.items()))
def test_minimum_counts(kind, minimum):
    assert sum(1 for r in ROWS if r[1] == kind) >= minimum


def test_before_kinds_present():
    counts = collections.Counter(r[1] for r in ROWS)
    assert counts["person_after"] >= 15
    assert counts["org_before"] + counts["loc_before"] >= 20


@pytest.mark.parametrize("word,kind", [
    ("প্রধানমন্ত্রী", "title"),
    ("পররাষ্ট্রমন্ত্রী", "title"),
    ("স্বরাষ্ট্রমন্ত্রী", "title"),
    ("প্রতিমন্ত্রী", "title"),
    ("রাষ্ট্রপতি", "title"),
    ("চিকিৎসক", "title"),
    ("ওসি", "title"),
    ("অধিনায়ক", "title"),
    ("স্ত্রী", "title"),
    ("মন্ত্রণালয়", "org_head"),
    ("বিশ্ববিদ্যালয়", "org_head"),
    ("হাসপাতাল", "org_head"),
    ("লিমিটেড", "org_head"),
    ("থানা", "org_head"),
    ("ইউনিয়ন", "org_head"),
    ("নদী", "loc_head"),
    ("বিমানবন্দর", "loc_head"),
    ("মসজিদ", "loc_head"),
    ("সেতু", "loc_head"),
    ("উপজেলা", "gpe_head"),
    ("জেলা", "gpe_head"),
    ("ইউনিয়ন", "gpe_head"),
    ("বিভাগ", "gpe_head"),
    ("বলেন", "speech"),
    ("জানিয়েছেন", "speech"),
    ("অভিযোগ", "speech"),
    ("নামের", "person_after"),
    ("সাহেব", "person_after"),
    ("রাজধানীর", "loc_before"),
    ("বন্দরনগরী", "loc_before"),
    ("দৈনিক", "org_before"),
])
def test_cue_present(word, kind):
    assert (word, kind) in PAIRS


@pytest.mark.parametrize("word", ["বেগম", "ও", "করেন", "করেছেন", "প্রধানমন্ত্রীর"])
def test_excluded_words(word):
    assert not any(r[0] == word for r in ROWS)
