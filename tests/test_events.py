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
    ("ঢাকায় বিক্ষোভকারীরা মানববন্ধন করেছেন।", [("PROTEST", "141", "protesters", "government")]),
    ("ইরান ইসরায়েলকে হুমকি দিয়েছে।", [("THREATEN", "130", "Iran", "Israel")]),
    ("তবে অভিযোগ প্রত্যাখ্যান করেছে বিএসইসি।", [("REJECT", "120", "Bangladesh Securities and Exchange Commission", None)]),
])
def test_events(text, expected):
    assert events(text) == expected


def parties(text, published="2024-03-13"):
    doc = khobor.analyze(text, published=published)
    return [(e.type, e.actor.canonical if e.actor else None, e.actor.code if e.actor else None,
             e.recipient.canonical if e.recipient else None, e.recipient.code if e.recipient else None)
            for e in doc.events]


@pytest.mark.parametrize("text,expected", [
    # an unnamed object marked with -কে, a counted group, a genitive owner of the object
    ("র‍্যাব তিন আসামিকে গ্রেপ্তার করেছে।", ("COERCE", "Rapid Action Battalion", "BGDCOP", "accused", "BGDCRM")),
    ("হত্যার ঘটনায় তিনজনকে গ্রেপ্তার করেছে পুলিশ।", ("COERCE", "police", "BGDCOP", "suspects", "BGDCRM")),
    ("শিক্ষার্থীরা সরকারের কাছে দাবি জানিয়েছেন।", ("REQUEST", "students", "BGDEDU", "government", "BGDGOV")),
    # implied participants: an arrest has suspects, relief its victims, a protest the government
    ("পুলিশ গতকাল অভিযান চালিয়ে গ্রেপ্তার করেছে।", ("COERCE", "police", "BGDCOP", "suspects", "BGDCRM")),
    ("শ্রমিকেরা বিক্ষোভ করেছেন।", ("PROTEST", "workers", "BGDLAB", "government", "BGDGOV")),
])
def test_unnamed_recipients(text, expected):
    assert expected in parties(text)


def test_raid_that_leads_to_an_arrest_is_one_event():
    found = parties("পুলিশ গতকাল অভিযান চালিয়ে দুজনকে গ্রেপ্তার করেছে।")
    assert [f[0] for f in found] == ["COERCE"] and found[0][3] == "suspects"


def test_plural_pronoun_stands_for_the_group_that_last_acted():
    found = parties("কয়েক শ বিনিয়োগকারী বিক্ষোভ করেন। তাঁরা কমিশনের চেয়ারম্যানের পদত্যাগ দাবি করেন।")
    assert ("REQUEST", "investors", "BGDBUS") == found[-1][:3]


def test_a_description_before_a_name_is_not_the_actor():
    found = parties("শিক্ষার্থী রাকিব হাসানকে হত্যার ঘটনায় তিনজনকে গ্রেপ্তার করেছে পুলিশ।")
    assert found and found[0][1] == "police"


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
    assert ("DISAPPROVE", "111", "Mirza Fakhrul Islam Alamgir", "government") in found   # the home government


def test_criticism_by_a_foreign_actor_is_not_aimed_at_the_home_government():
    found = parties("ইরান অভিযোগ করেছে।")
    assert found and found[0][0] == "DISAPPROVE" and found[0][3] is None


@pytest.mark.parametrize("text,expected", [
    # one object for verbs joined by এবং: one event, not two
    ("আদালত রহিম মিয়াকে কারাদণ্ড এবং জরিমানা করেছে।", 1),
    # the acronym after a genitive name is not the subject; the court after the verb is
    ("দুর্নীতি দমন কমিশনের (দুদক) করা মামলায় করিম উদ্দিনকে কারাদণ্ড দিয়েছেন আদালত।", 1),
])
def test_coordinated_and_qualified_sentences(text, expected):
    found = [f for f in parties(text) if f[0] == "COERCE"]
    assert len(found) == expected and all(f[1] == "court" for f in found), found


def test_mutual_action_between_the_two_leaders_of_the_story():
    text = ("প্রধানমন্ত্রী শেখ হাসিনা গতকাল ভারতের প্রধানমন্ত্রী নরেন্দ্র মোদীকে ফোন করেন। শেখ হাসিনা শুভেচ্ছা জানান। "
            "মোদী ধন্যবাদ দেন। পরে দুই নেতার মধ্যে ২০ মিনিট ফোনালাপ হয়।")
    found = [f for f in parties(text) if f[0] == "CONSULT"]
    assert found and {found[-1][1], found[-1][3]} == {"Sheikh Hasina", "Narendra Modi"}


def test_clash_between_two_named_states():
    found = parties("থাইল্যান্ড ও কম্বোডিয়ার সেনাদের মধ্যে সংঘর্ষ হয়।")
    assert any(f[0] == "ASSAULT" and {f[1], f[3]} == {"Thailand", "Cambodia"} for f in found)


def test_eval_matches_mutual_events_in_either_direction():
    from khobor.eval.events import _match
    g = {"sentence": 0, "type": "CONSULT", "cameo": "041", "actor": {"start": 0, "end": 3, "canonical": "A"},
         "recipient": {"start": 5, "end": 8, "canonical": "B"}}
    p = {**g, "actor": g["recipient"], "recipient": g["actor"]}
    assert _match([g], [p], "root") and not _match([{**g, "cameo": "042"}], [{**p, "cameo": "042"}], "root")


@pytest.mark.parametrize("text", [
    "গ্রেপ্তার ব্যক্তিরা হলেন করিম ও রহিম।",                       # the arrested, not an arrest
    "ঘটনা তদন্তে পাঁচ সদস্যের কমিটি গঠন করেছে জেলা প্রশাসন।",           # a probe of nobody named
    "রহিম উদ্দিন ২০১৯ সালে ওই কোম্পানিতে ১০ লাখ টাকা বিনিয়োগ করেছিলেন।",  # a private investment
])
def test_non_events(text):
    assert parties(text) == []


def test_a_group_of_a_named_organisation_takes_its_code():
    found = parties("ঢাকায় ও চট্টগ্রামে গতকাল বিজেপির কর্মীরা বিক্ষোভ করেছেন।")
    assert found and found[0][:3] == ("PROTEST", "activists", "INDPTY")       # not BGDPTY: the BJP is Indian
