"""Morphology: verb lemmas, suffix splitting and the morph step."""
import pytest

import khobor
from khobor.morph import lemma, split_word, verb_lemma

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
