"""Normalization: the case table in tests/data/normalize_cases.jsonl plus properties."""
import json
import pathlib

import pytest

from khobor.normalize import bengali_share, normalize, search_key, to_ascii_digits, to_bengali_digits

CASES = [json.loads(line) for line in
         (pathlib.Path(__file__).parent / "data" / "normalize_cases.jsonl").read_text(encoding="utf-8").splitlines()
         if line.strip()]
FUNCS = {"normalize": normalize, "search_key": search_key}


def test_normalize_table_is_large_enough():
    assert sum(c["fn"] == "normalize" for c in CASES) >= 100


@pytest.mark.parametrize("case", CASES, ids=[f"{i}-{c['why'][:40]}" for i, c in enumerate(CASES)])
def test_normalize_case(case):
    assert FUNCS[case["fn"]](case["input"]) == case["expected"]


@pytest.mark.parametrize("case", [c for c in CASES if c["fn"] == "normalize"])
def test_normalize_is_idempotent(case):
    once = normalize(case["input"])
    assert normalize(once) == once


@pytest.mark.parametrize("word", ["নয়", "বড়", "আষাঢ়", "রাশিয়া", "পড়াশোনা"])
def test_normalize_nukta_precomposed_equals_decomposed(word):
    import unicodedata
    decomposed = unicodedata.normalize("NFD", word)
    precomposed = word.replace("\u09af\u09bc", "\u09df").replace("\u09a1\u09bc", "\u09dc").replace("\u09a2\u09bc", "\u09dd")
    assert precomposed != decomposed
    assert normalize(precomposed) == normalize(decomposed)


def test_normalize_digit_helpers_round_trip():
    assert to_ascii_digits("১২.০৩.২০২৫") == "12.03.2025"
    assert to_bengali_digits("2025") == "২০২৫"
    assert to_bengali_digits(to_ascii_digits("৪৫৮টি")) == "৪৫৮টি"


def test_normalize_search_key_folds_variants():
    assert search_key("ইরানী") == search_key("ইরানি")
    assert search_key("Putin") == search_key("PUTIN")
    assert search_key("ঢাকা") != search_key("ঢাকায়")


def test_normalize_bengali_share():
    assert bengali_share("এটি বাংলা লেখা") == 1.0
    assert bengali_share("This is English") == 0.0
    assert 0.3 < bengali_share("এটি বাংলা and English") < 0.8
