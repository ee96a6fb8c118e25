"""Events: triggers from the lexicon, actors and recipients from case marking, voice, negation, intent."""
import pytest

import khobor


def events(text):
    doc = khobor.analyze(text, published="2024-03-13")
    return [(e.type, e.cameo, e.actor.canonical if e.actor else None, e.recipient.canonical if e.recipient else None)
            for e in doc.events]


@pytest.mark.parametrize("text,expected", [
    ("রাশিয়ার প্রেসিডেন্ট ভ্লাদিমির পুতিন গতকাল চীনে সফর করেন।", [("CONSULT", "042", "Vladimir Putin", "China")]),
    ("পররাষ্ট্রমন্ত্রী হাছান মাহমুদ ভারতের সঙ্গে বৈঠক করেছেন।", [("CONSULT", "040", "Hasan Mahmud", "India")]),
    ("ঢাকায় বিক্ষোভকারীরা মানববন্ধন করেছেন।", [("PROTEST", "141", "protesters", None)]),
    ("ইরান ইসরায়েলকে হুমকি দিয়েছে।", [("THREATEN", "130", "Iran", "Israel")]),
    ("তবে অভিযোগ প্রত্যাখ্যান করেছে বিএসইসি।", [("REJECT", "120", "Bangladesh Securities and Exchange Commission", None)]),
])
def test_events(text, expected):
    assert events(text) == expected


def test_negated_action_is_not_an_event():
    assert events("ইরান ইসরায়েলে হামলা করেনি।") == []


def test_passive_arrest_without_agent_is_coded_for_the_police():
    found = events("দুই ব্যক্তিকে গ্রেপ্তার করা হয়েছে।")
    assert found and found[0][:3] == ("COERCE", "173", "police")


def test_future_attack_is_a_threat():
    found = events("ইসরায়েল ইরানে হামলা করবে।")
    assert found and found[0][0] == "THREATEN"


def test_references_to_events_are_not_events():
    assert events("নিষেধাজ্ঞার প্রভাব নিয়ে আলোচনা চলছে বলে জানা গেছে।") == [] or \
        all(t != "SANCTION" for t, *_ in events("নিষেধাজ্ঞার প্রভাব নিয়ে আলোচনা চলছে বলে জানা গেছে।"))


def test_event_fields_codes_date_and_json():
    doc = khobor.analyze("রাশিয়ার প্রেসিডেন্ট ভ্লাদিমির পুতিন গতকাল চীনে সফর করেন।", published="2024-03-13")
    e = doc.to_dict()["events"][0]
    assert e["actor"]["code"] == "RUSGOV" and e["recipient"]["code"] == "CHN"
    assert e["date"] == "2024-03-12" and e["quad_class"] == 1 and e["goldstein"] > 0
    assert doc.text[e["evidence"]["start"]:e["evidence"]["end"]] == "সফর করেন"
    back = khobor.Document.from_dict(doc.to_dict())
    assert back.to_dict()["events"] == doc.to_dict()["events"]


def test_critical_quote_is_a_disapproval_by_its_speaker():
    found = events("বিএনপির মহাসচিব মির্জা ফখরুল ইসলাম আলমগীর বলেন, “এই নির্বাচন একতরফা প্রহসন, সরকার মিথ্যা বলছে।”")
    assert ("DISAPPROVE", "111", "Mirza Fakhrul Islam Alamgir", None) in found
