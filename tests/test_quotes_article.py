"""Quotes with speakers, and the article-level fields (dateline, source, category, keywords, summary,
fingerprint)."""
import json
import pathlib

import pytest

import khobor
from khobor.article import minhash_similarity
from khobor.cli import main
from khobor.quotes import _quote_spans

EXAMPLES = pathlib.Path(khobor.__file__).parent / "examples"


def quotes(text, **kw):
    doc = khobor.analyze(text, published="2024-03-13", **kw)
    return [(q.text, q.speaker) for q in doc.quotes]


@pytest.mark.parametrize("text,expected", [
    ("স্বরাষ্ট্রমন্ত্রী আসাদুজ্জামান খান বলেন, “আমরা তদন্ত করছি। দোষীরা ছাড় পাবে না।”",
     [("আমরা তদন্ত করছি। দোষীরা ছাড় পাবে না।", "Asaduzzaman Khan Kamal")]),
    ("“দেশে এখন কোনো সংকট নেই,” বলেন ভ্লাদিমির পুতিন।", [("দেশে এখন কোনো সংকট নেই,", "Vladimir Putin")]),
    ("ভ্লাদিমির পুতিন মস্কোয় বৈঠক করেন। ‘আলোচনা ফলপ্রসূ হয়েছে’, বলেছেন তিনি।",
     [("আলোচনা ফলপ্রসূ হয়েছে", "Vladimir Putin")]),
])
def test_quotes_with_speakers(text, expected):
    assert quotes(text) == expected


def test_scare_quotes_are_not_quotes():
    assert quotes("বিশ্লেষকেরা একে ‘পশ্চিমা আধিপত্যের’ প্রতীক হিসেবে দেখছেন বলে জানা গেছে।") == []


def test_role_word_speaker_resolves_to_the_person_with_that_role():
    text = ("সংবাদ সম্মেলনে গভর্নর আহসান এইচ মনসুর নতুন মুদ্রানীতি ঘোষণা করেন। "
            "গভর্নর বলেন, ‘মূল্যস্ফীতি কমাতে আমরা সুদহার বাড়িয়েছি এবং আরও পদক্ষেপ নেব।’")
    assert [s for _, s in quotes(text)] == ["Ahsan H. Mansur"]


def test_quote_spans_skip_apostrophes():
    text = "দু’পাড়ের মানুষ বলেন, ‘পানি বাড়ছে।’"
    spans = _quote_spans(text)
    assert [text[a + 1:b] for a, b in spans] == ["পানি বাড়ছে।"]


def test_dateline_and_source():
    doc = khobor.analyze("মস্কো, ১২ মার্চ — রাশিয়ার প্রেসিডেন্ট ভ্লাদিমির পুতিন আজ বৈঠক করেন। খবর রয়টার্সের।",
                         published="2024-03-13")
    assert doc.article["dateline"]["place"] == "Moscow" and doc.article["dateline"]["date"] == "2024-03-12"
    assert doc.article["source"]["canonical"] == "Reuters"


def test_source_line_credits_the_first_agency():
    doc = khobor.analyze("ইরানের ওপর নতুন নিষেধাজ্ঞা দিয়েছে যুক্তরাষ্ট্র।\nসূত্র: এএফপি, রয়টার্স", published="2024-03-13")
    assert doc.article["source"]["canonical"] == "Agence France-Presse"


def test_an_interview_is_not_a_credit():
    doc = khobor.analyze("এক ব্যবসায়ী রয়টার্সকে বলেন, ‘বাজার এখন খুব খারাপ, বিক্রি নেই।’", published="2024-03-13")
    assert doc.article["source"] is None


def test_correspondent_line_gives_the_dateline_place():
    doc = khobor.analyze("নিজস্ব প্রতিবেদক, কক্সবাজার\nটেকনাফে অভিযানে দুজন গ্রেপ্তার হয়েছেন।", published="2024-03-13")
    assert doc.article["dateline"] == {"text": "নিজস্ব প্রতিবেদক, কক্সবাজার", "place": "Cox's Bazar", "date": None}


@pytest.mark.parametrize("example,category", [
    ("sports-01", "sports"), ("crime-01", "crime"), ("economy-01", "economy"), ("health-01", "health"),
])
def test_category_of_examples(example, category):
    meta = {m["id"]: m for m in json.loads((EXAMPLES / "index.json").read_text(encoding="utf-8"))}[example]
    text = (EXAMPLES / f"{example}.txt").read_text(encoding="utf-8").split("\n\n", 1)[1]
    doc = khobor.analyze(text, title=meta["title"], published=meta["published"])
    assert doc.article["category"] == category


def test_summary_keywords_and_fingerprint():
    text = (EXAMPLES / "economy-01.txt").read_text(encoding="utf-8").split("\n\n", 1)[1]
    doc = khobor.analyze(text, published="2025-06-02")
    summary = doc.article["summary"]
    assert len(summary) == 3 and summary == sorted(summary) and all(0 <= i < len(doc.sentences) for i in summary)
    assert doc.article["keywords"] and "টাকা" not in doc.article["keywords"]
    same = khobor.analyze(text + "\nএটি একটি অতিরিক্ত বাক্য যা শেষে যোগ করা হয়েছে।", published="2025-06-02")
    other = khobor.analyze((EXAMPLES / "sports-01.txt").read_text(encoding="utf-8"), published="2025-06-02")
    fp = doc.article["fingerprint"]
    assert minhash_similarity(fp, same.article["fingerprint"]) > 0.8
    assert minhash_similarity(fp, other.article["fingerprint"]) < 0.2


def test_pretty_shows_quotes_times_and_amounts(tmp_path, capsys):
    p = tmp_path / "a.txt"
    p.write_text("গতকাল ৫০০ কোটি টাকার চুক্তি হয়। মন্ত্রী আবদুল মান্নান বলেন, “এটি বড় অর্জন, দেশের জন্য সুখবর।”\n",
                 encoding="utf-8")
    assert main(["analyze", "--format", "pretty", "--published", "2024-03-13", str(p)]) == 0
    out = capsys.readouterr().out
    assert "2024-03-12" in out and "5,000,000,000 BDT" in out and "❝" in out and "Abdul Mannan" in out


def test_minhash_equals_datasketch():
    import numpy as np
    from datasketch import MinHash
    from khobor.minhash import minhash
    items = [f"শব্দ {i} {i + 1}".encode("utf-8") for i in range(200)]
    m = MinHash(num_perm=64, seed=1, scheme="legacy")
    m.update_batch(items)
    assert np.array_equal(minhash(items, 64, 1), m.hashvalues)


@pytest.mark.parametrize("sep", [":", " —"])
def test_speech_after_a_colon_or_dash(sep):
    text = f"পররাষ্ট্রমন্ত্রী হাছান মাহমুদ বলেন{sep} সীমান্তে একটি হত্যাও আমরা মেনে নেব না।"
    assert quotes(text) == [("সীমান্তে একটি হত্যাও আমরা মেনে নেব না।", "Hasan Mahmud")]
