"""Bengali → Latin name romanization (docs/romanization.md) and the person-name lexicon."""
import collections
import re
import unicodedata

import pytest

from khobor import romanize as rz
from khobor.lang.bn import data_path
from khobor.normalize import normalize
from khobor.romanize import romanize, romanize_name

# (input, expected) for the rules alone; the comment says which rule the case shows.
ROMANIZE_CASES = [
    # letters, vowel signs, final inherent vowel dropped
    ("কামরুল", "kamrul"), ("জাহাঙ্গীর", "jahangir"), ("তেহরান", "tehran"), ("রাইসি", "raisi"),
    ("রহমান", "rahman"), ("কমল", "kamal"), ("অমিত", "amit"), ("সুমন", "suman"), ("হাসিনা", "hasina"),
    ("ঢাকা", "dhaka"), ("রাজশাহী", "rajshahi"), ("ফরিদপুর", "faridpur"), ("তৌহিদ", "touhid"),
    ("মাহমুদ", "mahmud"), ("শফিকুল", "shafikul"), ("ইসলাম", "islam"), ("আহমেদ", "ahmed"),
    ("মমতা", "mamta"), ("ফজলুল", "fajlul"), ("নজরুল", "najrul"), ("সরকার", "sarkar"),
    ("মজুমদার", "majumdar"), ("আলমগীর", "alamgir"), ("সমরজিৎ", "samarjit"),
    # জ and য are j; ছ is chh; ফ is f; ভ is bh
    ("মির্জা", "mirja"), ("আবছার", "abchhar"), ("জ্যোতি", "jyoti"),
    # conjuncts keep their inherent vowel (medial and final)
    ("রবীন্দ্রনাথ", "rabindranath"), ("চট্টগ্রাম", "chattagram"), ("আহম্মেদ", "ahammed"),
    ("মহম্মদ", "mahammad"), ("মোস্তফা", "mostafa"), ("দত্ত", "datta"), ("গুপ্ত", "gupta"),
    ("মিত্র", "mitra"), ("চন্দ্র", "chandra"), ("ইন্দ্র", "indra"), ("পদ্ম", "padma"),
    ("কৃষ্ণ", "krishna"), ("নিকুঞ্জ", "nikunja"), ("উত্তম", "uttam"), ("ব্রহ্ম", "brahma"),
    # ...except English-loan finals and the place suffix -গঞ্জ
    ("পোস্ট", "post"), ("নারায়ণগঞ্জ", "narayanganj"), ("গোপালগঞ্জ", "gopalganj"),
    # য-ফলা → y, র-ফলা → r, রেফ → r
    ("বন্দ্যোপাধ্যায়", "bandyopadhyay"), ("মুখোপাধ্যায়", "mukhopadhyay"),
    ("চট্টোপাধ্যায়", "chattopadhyay"), ("ভট্টাচার্য", "bhattacharya"), ("সূর্য", "surya"),
    ("সৌম্য", "soumya"), ("আদিত্য", "aditya"), ("শ্যামল", "shyamal"), ("চক্রবর্তী", "chakrabarti"),
    ("সর্বানী", "sarbani"), ("র\u200d্যাব", "ryab"), ("অ্যাঞ্জেলা", "anjela"), ("অ্যান্টনি", "antani"),
    # ব-ফলা → w (b after ম ব র ল), শ before ব/র-ফলা → s
    ("বিশ্বাস", "biswas"), ("স্বপন", "swapan"), ("দ্বীপ", "dwip"), ("ঋত্বিক", "ritwik"),
    ("উজ্জ্বল", "ujjwal"), ("অম্বর", "ambar"), ("আব্বাস", "abbas"), ("বিশ্বজিৎ", "biswajit"),
    # ক্ষ ksh, জ্ঞ gy, ঞ্জ nj, ঞ্চ nch, ঙ্গ ng, ঙ্ক nk, চ্চ chch
    ("ক্ষিতীশ", "kshitish"), ("লক্ষ্মী", "lakshmi"), ("জ্ঞান", "gyan"), ("বিজ্ঞান", "bigyan"),
    ("অঞ্জন", "anjan"), ("পঞ্চানন", "panchanan"), ("শঙ্কর", "shankar"), ("প্রিয়াঙ্কা", "priyanka"),
    ("বাচ্চু", "bachchu"), ("বাঙালি", "bangali"), ("রঙ", "rang"),
    # ং ng (n before a velar), ঃ h, ঁ dropped, ৎ t
    ("বাংলা", "bangla"), ("সংসদ", "sangsad"), ("শংকর", "shankar"), ("অংকন", "ankan"),
    ("সিংহ", "singha"), ("দুঃখ", "duhkh"), ("চাঁদ", "chad"), ("শরৎ", "sharat"), ("সত্যজিৎ", "satyajit"),
    # final হ: silent after a, sounded elsewhere
    ("আল্লাহ", "allah"), ("শাহ", "shah"), ("মাদিহ", "madih"), ("গুহ", "guha"), ("স্নেহ", "sneh"),
    # final য় after i keeps its vowel
    ("সুপ্রিয়", "supriya"), ("রায়", "ray"),
    # the name element -uz-zaman / -uz-zoha
    ("আসাদুজ্জামান", "asaduzzaman"), ("শামসুজ্জোহা", "shamsuzzoha"), ("সাজ্জাদ", "sajjad"),
    # য় y; ও/ো before য়া → w; word-initial ইয়/ইউ → y
    ("নেয়াজউদ্দিন", "neyajuddin"), ("আনোয়ার", "anowar"), ("ওয়াজেদ", "wajed"), ("আওয়ামী", "awami"),
    ("দেওয়ান", "dewan"), ("সাখাওয়াত", "sakhawat"), ("ইয়াসমিন", "yasmin"), ("ইউনূস", "yunus"),
    ("বিজয়া", "bijaya"), ("বড়ুয়া", "baruya"),
    # independent ও after a → w; inherent vowel + ই/উ is a diphthong
    ("শওকত", "shawkat"), ("কাওসার", "kawsar"), ("হাওলাদার", "hawladar"), ("সইফুল", "saiful"),
    ("মইনুল", "mainul"), ("জসীমউদ্দীন", "jasimuddin"), ("বরকতউল্লাহ", "barkatullah"),
    # inherent vowel before a closing য় is o
    ("জয়", "joy"), ("বিজয়", "bijoy"), ("তন্ময়", "tanmoy"), ("হৃদয়", "hridoy"), ("জয়নাল", "joynal"),
    ("জ্যোতির্ময়", "jyotirmoy"),
    # ঋ/ৃ ri, ৈ ai, ঐ oi, ৌ ou, nukta letters, hasanta, single letters
    ("ঋতু", "ritu"), ("দক্ষিণ", "dakshin"), ("চৈতন্য", "chaitanya"), ("ঐশী", "oishi"),
    ("মৌসুমী", "mousumi"), ("আষাঢ়", "asharh"), ("জ়াকির", "zakir"), ("কাজ্", "kaj"), ("ক", "ka"),
    ("ক্\u200cষ", "ksh"),
    # precomposed য় ড় and split ো are read like their NFC forms
    ("রা\u09dfে", "raye"), ("পা\u09dc", "par"), ("ক\u09c7\u09beল", "kol"),
    # digits and non-Bengali text
    ("১২৩", "123"), ("৳৫০০", "tk500"), ("ABCকামাল", "ABCkamal"), ("কামাল-হোসেন", "kamal-hosen"), ("", ""),
]

ROMANIZE_NAME_CASES = [
    # lexicon words (person_names.tsv)
    ("মো. নুরুল আবছার", "Md. Nurul Absar"),
    ("এ কে এম শামসুল হক", "A. K. M. Shamsul Haque"),
    ("এ.কে.এম. শামসুল হক", "A. K. M. Shamsul Haque"),
    ("এস এম জাকির হোসাইন", "S. M. Zakir Hossain"),
    ("তারেক রহমান", "Tarek Rahman"),
    ("শেখ হাসিনা", "Sheikh Hasina"),
    ("ড. মুহাম্মদ ইউনূস", "Dr. Muhammad Yunus"),
    ("মোঃ আব্দুর রহিম", "Md. Abdur Rahim"),
    ("মোছা. রাশিদা বেগম", "Mst. Rashida Begum"),
    ("মোসাম্মৎ শিরিন আক্তার", "Mosammat Shirin Akter"),
    ("মমতা বন্দ্যোপাধ্যায়", "Mamata Bandyopadhyay"),
    ("রবীন্দ্রনাথ ঠাকুর", "Rabindranath Tagore"),
    ("ডাঃ দীপু মনি", "Dr. Dipu Moni"),
    ("কাজী নজরুল ইসলাম", "Kazi Nazrul Islam"),
    ("শুভেন্দু অধিকারী", "Suvendu Adhikari"),
    ("মির্জা ফখরুল ইসলাম আলমগীর", "Mirza Fakhrul Islam Alamgir"),
    ("সৈয়দ আশরাফুল ইসলাম", "Syed Ashraful Islam"),
    ("খন্দকার মোশাররফ হোসেন", "Khandaker Mosharraf Hossain"),
    ("আলহাজ মো. জসিম উদ্দিন", "Alhaj Md. Jasim Uddin"),
    ("প্রিয়াঙ্কা চক্রবর্তী", "Priyanka Chakraborty"),
    ("অমিত মুখার্জি", "Amit Mukherjee"),
    ("রফিকুল ইসলাম খান", "Rafiqul Islam Khan"),
    ("তানভীর আহমেদ চৌধুরী", "Tanvir Ahmed Chowdhury"),
    ("মাহমুদউল্লাহ রিয়াদ", "Mahmudullah Riad"),
    ("সঞ্জয় দে (৪২)", "Sanjoy De (42)"),
    ("ফজলুল হক-মিয়া", "Fazlul Haque-Mia"),
    ("মো আলী", "Md. Ali"),
    ("ব্যারি. মইনুল হোসেন", "Barrister Mainul Hossain"),
    # words not in the lexicon: the rules, capitalized
    ("নেয়াজউদ্দিন মোল্লা", "Neyajuddin Molla"),
    ("তপোধীর ভট্টাচার্য", "Tapodhir Bhattacharya"),
    ("জুবেরুল আলম", "Juberul Alam"),
    ("বিপ্লব কুমার দেব", "Biplab Kumar Deb"),
    ("অর্ঘ্য সেনগুপ্ত", "Arghya Sengupta"),
    ("জোনায়েদ সাকি", "Jonayed Saki"),
    ("সাকিব আল হাসান", "Shakib Al Hasan"),
    ("মুহা. আবদুল্লাহ", "Muha. Abdullah"),
    ("ড. Kamal হোসেন", "Dr. Kamal Hossain"),
    ("  শেখ   মুজিবুর  রহমান ", "Sheikh Mujibur Rahman"),
    ("", ""),
]

NOT_IN_LEXICON = ["নেয়াজউদ্দিন", "তপোধীর", "জুবেরুল", "বিপ্লব", "অর্ঘ্য", "জোনায়েদ", "সাকি", "আল"]


@pytest.mark.parametrize("word,expected", ROMANIZE_CASES)
def test_romanize(word, expected):
    assert romanize(word) == expected


@pytest.mark.parametrize("name,expected", ROMANIZE_NAME_CASES)
def test_romanize_name(name, expected):
    assert romanize_name(name) == expected


def test_case_tables_are_big_enough():
    assert len(ROMANIZE_CASES) >= 80
    assert len(ROMANIZE_NAME_CASES) >= 30


# --- the lexicon -------------------------------------------------------------------------------

KINDS = {"given", "surname", "both", "honorific", "initial"}
ROMAN = re.compile(r"^[A-Za-z][A-Za-z'-]*\.?$")


def _rows():
    text = data_path("person_names.tsv").read_text(encoding="utf-8")
    lines = text.splitlines()
    return lines[0], [line.split("\t") for line in lines[1:]]


def test_person_names_integrity():
    header, rows = _rows()
    assert header == "word\troman\tkind"
    assert len(rows) >= 1500
    seen = set()
    for row in rows:
        assert len(row) == 3, row
        word, roman, kind = row
        assert kind in KINDS, row
        assert word and " " not in word, row
        assert word not in seen, f"duplicate word {word}"
        seen.add(word)
        assert unicodedata.is_normalized("NFC", word), row
        assert normalize(word) == word, row
        assert all("\u0980" <= ch <= "\u09ff" or ch == "." for ch in word), row
        assert ROMAN.match(roman), row
        if roman.endswith("."):
            assert kind in ("honorific", "initial"), row
    counts = collections.Counter(row[2] for row in rows)
    assert all(counts[k] for k in KINDS), counts


def test_lexicon_words_romanize_to_their_entry():
    _, rows = _rows()
    for word, roman, _ in rows:
        assert romanize_name(word) == roman, word
        assert re.fullmatch("[a-z]+", romanize(word.rstrip("."))), word


def test_rule_cases_for_names_are_really_not_in_the_lexicon():
    _, rows = _rows()
    words = {row[0] for row in rows}
    for word in NOT_IN_LEXICON:
        assert word not in words
        assert rz._lookup(word, False) is None


def test_romanize_name_without_the_lexicon(monkeypatch):
    monkeypatch.setattr(rz, "_LEXICON_FILE", "no_such_file.tsv")
    rz._lexicon.cache_clear()
    rz._name_word.cache_clear()
    try:
        assert romanize_name("শেখ হাসিনা") == "Shekh Hasina"
        assert romanize_name("মো. নুরুল আবছার") == "Mo. Nurul Abchhar"
    finally:
        monkeypatch.undo()
        rz._lexicon.cache_clear()
        rz._name_word.cache_clear()
    assert romanize_name("শেখ হাসিনা") == "Sheikh Hasina"


def test_docs_examples_match_the_code():
    import pathlib
    doc = (pathlib.Path(__file__).parent.parent / "docs" / "romanization.md").read_text(encoding="utf-8")
    examples = doc.split("### Examples", 1)[1].split("###", 1)[0]
    checked = 0
    for line in examples.splitlines():
        cells = [c.strip() for c in line.strip().strip("|").split("|")]
        if len(cells) == 5 and cells[0] and "\u0980" <= cells[0][0] <= "\u09ff":
            for word, expected in ((cells[0], cells[1]), (cells[3], cells[4])):
                assert romanize(word) == expected, word
                checked += 1
    names = doc.split("## `romanize_name(name)`", 1)[1].split("## The name lexicon", 1)[0]
    for line in names.splitlines():
        cells = [c.strip() for c in line.strip().strip("|").split("|")]
        if len(cells) == 2 and cells[0] and "\u0980" <= cells[0][0] <= "\u09ff":
            assert romanize_name(cells[0]) == cells[1].split(" (")[0], cells[0]
            checked += 1
    assert checked >= 40
