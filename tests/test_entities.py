"""The baseline entity step: gazetteer longest match through morphology, with canonical names and ids."""
import pytest

import khobor


def ents(text):
    return [(e.text, e.label, e.canonical) for e in khobor.analyze(text).entities]


@pytest.mark.parametrize("text,expected", [
    ("রাশিয়ার প্রেসিডেন্ট ভ্লাদিমির পুতিন ঢাকায় আসছেন।",
     [("রাশিয়ার", "GPE", "Russia"), ("ভ্লাদিমির পুতিন", "PER", "Vladimir Putin"), ("ঢাকায়", "GPE", "Dhaka")]),
    ("পুতিন-এরদোয়ান বৈঠক আজ।", [("পুতিন", "PER", "Vladimir Putin"), ("এরদোয়ান", "PER", "Recep Tayyip Erdoğan")]),
    ("ইরানি ও মার্কিন কর্মকর্তারা কথা বলেছেন।", [("ইরানি", "NORP", "Iranian"), ("মার্কিন", "NORP", "American")]),
    ("যুক্তরাষ্ট্রকে সতর্ক করেছে চীন।", [("যুক্তরাষ্ট্রকে", "GPE", "United States"), ("চীন", "GPE", "China")]),
    ("আইএমএফের ঋণ পেতে বাংলাদেশ ব্যাংকের উদ্যোগ।",
     [("আইএমএফের", "ORG", "International Monetary Fund"), ("বাংলাদেশ ব্যাংকের", "ORG", "Bangladesh Bank")]),
    ("সরকার ও আদালত নিয়ে কথা হয়েছে।", []),
])
def test_entities_gazetteer(text, expected):
    assert ents(text) == expected


def test_entities_carry_ids_and_country_in_json():
    d = khobor.analyze("বাংলাদেশের মানুষ।").to_dict()
    assert d["entities"] == [{"start": 0, "end": 10, "text": "বাংলাদেশের", "label": "GPE", "canonical": "Bangladesh",
                              "id": "Q902", "country": "BGD"}]
