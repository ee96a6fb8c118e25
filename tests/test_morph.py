"""Morphology: the word table in tests/data/morph_cases.tsv, plus verb lemmas and the morph step."""
import csv
import pathlib

import pytest

import khobor
from khobor.morph import lemma, split_word, verb_lemma

TABLE = pathlib.Path(__file__).parent / "data" / "morph_cases.tsv"
ROWS = list(csv.DictReader(TABLE.open(encoding="utf-8"), delimiter="\t")) if TABLE.exists() else []
NOMINAL = [r for r in ROWS if r["kind"] != "verb"]
VERBS = [r for r in ROWS if r["kind"] == "verb"]


def test_morph_table_is_large_enough():
    assert len(ROWS) >= 300


def morph_table_accuracy():
    """Return (nominal accuracy, verb accuracy) over the word table."""
    nom = sum(split_word(r["word"]) == (r["base"], tuple(s for s in r["suffixes"].split("+") if s)) for r in NOMINAL)
    verb = sum(verb_lemma(r["word"]) == r["base"] for r in VERBS)
    return nom / len(NOMINAL), verb / len(VERBS)


KNOWN_FAILURES = {line.split("\t")[0] for line in
                  (TABLE.parent / "morph_known_failures.tsv").read_text(encoding="utf-8").splitlines()
                  if line and not line.startswith("#")}


def _case(r):
    marks = [pytest.mark.xfail(strict=True, reason="listed in morph_known_failures.tsv")] \
        if r["word"] in KNOWN_FAILURES else []
    return pytest.param(r, id=f"{r['kind']}-{r['word']}", marks=marks)


@pytest.mark.parametrize("row", [_case(r) for r in NOMINAL])
def test_morph_table_nominal_case(row):
    expected = (row["base"], tuple(s for s in row["suffixes"].split("+") if s))
    assert split_word(row["word"]) == expected, row["note"]


@pytest.mark.parametrize("row", [_case(r) for r in VERBS])
def test_morph_table_verb_case(row):
    assert verb_lemma(row["word"]) == row["base"], row["note"]


def test_morph_table_accuracy_floor():
    import json
    floors = json.loads((pathlib.Path(__file__).parent / "eval_baseline.json").read_text(encoding="utf-8"))
    nominal, verb = morph_table_accuracy()
    assert nominal >= floors["morph_table_nominal_accuracy"]
    assert verb >= floors["morph_table_verb_accuracy"]


@pytest.mark.parametrize("word,expected", [
    ("বলেছেন", "বলা"), ("বলেন", "বলা"), ("বললেন", "বলা"), ("করেছে", "করা"), ("করবে", "করা"), ("করায়", "করা"),
    ("জানিয়েছেন", "জানানো"), ("দিয়েছে", "দেওয়া"), ("লিখেছেন", "লেখা"), ("যায়নি", "যাওয়া"),
])
def test_morph_common_verb_lemmas(word, expected):
    assert lemma(word) == expected


def test_morph_aggressive_split_for_unknown_names():
    assert split_word("মাহসার") == ("মাহসার", ())
    assert split_word("মাহসার", aggressive=True) == ("মাহসা", ("র",))


def test_morph_step_sets_lemmas_in_analyze():
    doc = khobor.analyze("রাশিয়ার প্রেসিডেন্ট শিক্ষার্থীদেরকেও কথা বলেছেন।", )
    assert [t.lemma for t in doc.tokens] == ["রাশিয়া", "প্রেসিডেন্ট", "শিক্ষার্থী", "কথা", "বলা", "।"]
