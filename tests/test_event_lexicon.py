"""Integrity of the event lexicon khobor/lang/bn/events.tsv (Bengali triggers → PLOVER type/mode and CAMEO)."""
import collections
import pathlib
import re
import unicodedata

import pytest

import tsvdata

import khobor
from khobor.morph import lemma
from khobor.normalize import normalize

PATH = pathlib.Path(khobor.__file__).parent / "lang/bn/events.tsv"
HEADER = "pattern\ttype\tmode\tcameo\tquad_class\tgoldstein\tnote"

MODES = {
    "AGREE": {"settle", "treaty", "ceasefire"},
    "CONSULT": {"visit", "third-party", "multilateral", "phone"},
    "SUPPORT": {"praise", "recognize"},
    "CONCEDE": {"policy", "resign", "apologize"},
    "COOPERATE": {"economic", "military", "judicial", "intel"},
    "AID": {"humanitarian", "economic", "military"},
    "RETREAT": {"withdraw", "release", "return"},
    "REQUEST": {"assistance", "negotiation", "policy", "release"},
    "DISAPPROVE": {"accuse", "criticize", "sue", "investigate"},
    "REJECT": set(),
    "THREATEN": {"force", "sanction", "ultimatum"},
    "PROTEST": {"demo", "riot", "strike", "hunger", "obstruct"},
    "SANCTION": {"economic", "diplomatic", "embargo", "expel"},
    "MOBILIZE": {"troops", "police", "militia"},
    "COERCE": {"seize", "arrest", "ban", "deport", "censor", "curfew"},
    "ASSAULT": {"beat", "firearms", "explosives", "aerial", "primitive", "sexual"},
}
TYPES = set(MODES)

# Standard Goldstein scores of the CAMEO codes (GDELT CAMEO.goldsteinscale table).
GOLDSTEIN = {
    "010": 0.0, "020": 3.0, "0213": 3.4, "023": 3.4, "0233": 3.4, "0241": -0.3, "0253": -0.3, "0256": -0.3,
    "026": 4.0, "030": 4.0, "036": 4.0, "037": 5.0,
    "040": 1.0, "041": 1.0, "042": 1.9, "043": 2.8, "044": 2.5, "045": 5.0, "046": 7.0,
    "050": 3.5, "051": 3.4, "052": 3.5, "053": 3.8, "054": 6.0, "055": 7.0, "057": 8.0,
    "060": 6.0, "061": 6.4, "062": 7.4, "063": 7.4, "064": 7.0,
    "070": 7.0, "071": 7.4, "072": 8.3, "073": 7.4, "074": 8.5, "075": 7.0,
    "080": 5.0, "082": 5.0, "083": 5.0, "0813": 5.0, "0831": 5.0, "0832": 5.0, "084": 7.0, "0841": 7.0,
    "0842": 7.0, "085": 7.0, "0871": 9.0, "0872": 9.0, "0873": 9.0, "0874": 10.0,
    "090": -2.0, "091": -2.0, "092": -2.0,
    "100": -5.0, "1041": -5.0, "1053": -5.0, "1056": -5.0,
    "111": -2.0, "112": -2.0, "1121": -2.0, "1122": -2.0, "1124": -2.0, "1125": -2.0, "114": -2.0,
    "115": -2.0, "116": -2.0,
    "120": -4.0, "123": -4.0, "125": -5.0, "127": -5.0, "128": -5.0, "129": -5.0,
    "130": -4.4, "1312": -5.8, "133": -5.8, "138": -7.0, "1383": -7.0, "1385": -7.0, "139": -7.0,
    "140": -6.5, "141": -6.5, "142": -6.5, "143": -6.5, "144": -7.5, "145": -7.5,
    "150": -7.2, "151": -7.2, "152": -7.2, "153": -7.2, "154": -7.2,
    "160": -4.0, "161": -4.0, "162": -5.6, "1621": -5.6, "163": -8.0, "164": -7.0,
    "170": -7.0, "171": -9.2, "1711": -9.2, "1712": -9.2, "172": -5.0, "1721": -5.0, "1722": -5.0,
    "1723": -5.0, "1724": -5.0, "173": -5.0, "174": -5.0, "175": -9.0,
    "180": -9.0, "181": -9.0, "182": -9.5, "1821": -9.0, "1822": -9.0, "1823": -10.0, "183": -10.0,
    "1831": -10.0, "1832": -10.0, "184": -8.0, "185": -8.0, "186": -10.0,
    "190": -10.0, "191": -9.5, "192": -9.5, "193": -10.0, "194": -10.0, "195": -10.0, "196": -9.5,
    "202": -10.0, "203": -10.0,
}


def _lines():
    return tsvdata.lines("events.tsv")


def _rows():
    return tsvdata.rows("events.tsv")


ROWS = _rows()
BY_PATTERN = {r[0]: r for r in ROWS if len(r) == 7}


def _quad(code: str) -> int:
    root = int(code[:2])
    return 1 if root <= 5 else 2 if root <= 8 else 3 if root <= 13 else 4


def test_header():
    assert _lines()[0] == HEADER


def test_seven_columns_and_no_blank_lines():
    assert [r for r in ROWS if len(r) != 7 or not r[0]] == []


def test_at_least_250_rows():
    assert len(ROWS) >= 250


def test_types_are_plover():
    assert sorted({r[1] for r in ROWS} - TYPES) == []


def test_every_type_has_at_least_five_rows():
    counts = collections.Counter(r[1] for r in ROWS)
    assert {t: counts[t] for t in TYPES if counts[t] < 5} == {}


def test_modes_belong_to_their_type():
    assert [(r[0], r[1], r[2]) for r in ROWS if r[2] and r[2] not in MODES.get(r[1], set())] == []


def test_cameo_code_format_and_root():
    bad = [(r[0], r[3]) for r in ROWS
           if not re.fullmatch(r"\d{3,4}", r[3]) or not 1 <= int(r[3][:2]) <= 20]
    assert bad == []


def test_quad_class_matches_cameo_root():
    assert [(r[0], r[3], r[4]) for r in ROWS if r[4] != str(_quad(r[3]))] == []


def test_goldstein_in_range_and_standard():
    bad = []
    for r in ROWS:
        try:
            g = float(r[5])
        except ValueError:
            bad.append((r[0], r[5]))
            continue
        if not -10.0 <= g <= 10.0 or not re.fullmatch(r"-?\d{1,2}\.\d", r[5]):
            bad.append((r[0], r[5]))
        elif r[3] in GOLDSTEIN and g != GOLDSTEIN[r[3]]:
            bad.append((r[0], r[3], r[5], GOLDSTEIN[r[3]]))
    assert bad == []


def test_one_goldstein_score_per_cameo_code():
    scores = collections.defaultdict(set)
    for r in ROWS:
        scores[r[3]].add(r[5])
    assert {c: s for c, s in scores.items() if len(s) > 1} == {}


def test_no_duplicate_patterns():
    counts = collections.Counter(r[0] for r in ROWS)
    assert [p for p, n in counts.items() if n > 1] == []


def test_patterns_are_single_spaced_nfc_and_normalized():
    bad = []
    for r in ROWS:
        p = r[0]
        if p != p.strip() or "  " in p or unicodedata.normalize("NFC", p) != p:
            bad.append(p)
            continue
        if any(normalize(w) != w for w in p.split(" ")):
            bad.append(p)
    assert bad == []


def test_pattern_words_are_lemmas():
    # The matcher compares patterns with the lemmas of the text, so each word must be a fixed point of lemma().
    bad = [(r[0], w, lemma(w)) for r in ROWS for w in r[0].split(" ") if lemma(w) != w]
    assert bad == []


def test_notes_are_present_and_normalized():
    bad = [r[0] for r in ROWS if not r[6].strip() or unicodedata.normalize("NFC", r[6]) != r[6]
           or normalize(r[6]) != r[6]]
    assert bad == []


FACTS = [
    ("বৈঠক করা", "CONSULT", "040"),
    ("বৈঠক", "CONSULT", "040"),
    ("ফোনালাপ", "CONSULT", "041"),
    ("ফোন কথা বলা", "CONSULT", "041"),
    ("সফর", "CONSULT", "042"),
    ("সফর করা", "CONSULT", "042"),
    ("চুক্তি সই করা", "AGREE", "057"),
    ("সমঝোতা স্মারক সই করা", "AGREE", "057"),
    ("যুদ্ধবিরতি", "AGREE", "0871"),
    ("সমর্থন জানানো", "SUPPORT", "051"),
    ("স্বাগত জানানো", "SUPPORT", "051"),
    ("যৌথ মহড়া", "COOPERATE", "062"),
    ("ত্রাণ দেওয়া", "AID", "073"),
    ("ঋণ দেওয়া", "AID", "071"),
    ("অস্ত্র সরবরাহ করা", "AID", "072"),
    ("পদত্যাগ করা", "CONCEDE", "0831"),
    ("ক্ষমা চাওয়া", "CONCEDE", "055"),
    ("সেনা প্রত্যাহার", "RETREAT", "0874"),
    ("মুক্তি দেওয়া", "RETREAT", "0841"),
    ("দাবি জানানো", "REQUEST", "100"),
    ("আহ্বান জানানো", "REQUEST", "020"),
    ("নিন্দা জানানো", "DISAPPROVE", "111"),
    ("অভিযোগ করা", "DISAPPROVE", "112"),
    ("মামলা করা", "DISAPPROVE", "115"),
    ("তদন্ত শুরু করা", "DISAPPROVE", "090"),
    ("প্রত্যাখ্যান করা", "REJECT", "120"),
    ("হুমকি দেওয়া", "THREATEN", "130"),
    ("বিক্ষোভ", "PROTEST", "141"),
    ("হরতাল", "PROTEST", "143"),
    ("অনশন", "PROTEST", "142"),
    ("অবরোধ", "PROTEST", "144"),
    ("নিষেধাজ্ঞা আরোপ করা", "SANCTION", "163"),
    ("রাষ্ট্রদূত প্রত্যাহার করা", "SANCTION", "161"),
    ("সেনা মোতায়েন করা", "MOBILIZE", "154"),
    ("গ্রেপ্তার করা", "COERCE", "173"),
    ("জব্দ করা", "COERCE", "1711"),
    ("কারফিউ জারি করা", "COERCE", "1723"),
    ("ধারা জারি করা", "COERCE", "1721"),
    ("হামলা চালানো", "ASSAULT", "180"),
    ("বিমান হামলা", "ASSAULT", "195"),
    ("গুলি চালানো", "ASSAULT", "193"),
    ("সংঘর্ষ", "ASSAULT", "190"),
    ("অপহরণ করা", "ASSAULT", "181"),
]


@pytest.mark.parametrize("pattern,type_,cameo", FACTS)
def test_key_entries(pattern, type_, cameo):
    assert pattern in BY_PATTERN, pattern
    row = BY_PATTERN[pattern]
    assert (row[1], row[3]) == (type_, cameo)


# Inflected text as it appears in news, and the lexicon pattern its lemmas must contain.
TEXTS = [
    ("বৈঠক করেছেন", "বৈঠক করা"),
    ("বৈঠকে বসেছেন", "বৈঠক বসা"),
    ("ফোনে কথা বলেছেন", "ফোন কথা বলা"),
    ("সফরে গেছেন", "সফর যাওয়া"),
    ("চুক্তিতে সই করেছে", "চুক্তি সই করা"),
    ("ঐকমত্যে পৌঁছেছে", "ঐকমত্য পৌঁছা"),
    ("অভিনন্দন জানিয়েছেন", "অভিনন্দন জানানো"),
    ("ছেড়ে দিয়েছে", "ছাড়া দেওয়া"),
    ("মুক্তির দাবিতে", "মুক্তি দাবি"),
    ("অভিযোগ তুলেছেন", "অভিযোগ তোলা"),
    ("মামলা দায়ের করেছেন", "মামলা দায়ের করা"),
    ("নাকচ করে দিয়েছে", "নাকচ করা"),
    ("নিষেধাজ্ঞার হুমকি দিয়েছে", "নিষেধাজ্ঞা হুমকি"),
    ("গ্রেপ্তার করা হয়েছে", "গ্রেপ্তার করা"),
    ("১৪৪ ধারা জারি করেছে", "ধারা জারি করা"),
    ("রিমান্ডে নেওয়া হয়েছে", "রিমান্ড নেওয়া"),
    ("হামলা চালিয়েছে", "হামলা চালানো"),
    ("কুপিয়ে হত্যা করেছে", "কুপিয়ে হত্যা করা"),
    ("গুলি ছুড়েছে", "গুলি ছোড়া"),
    ("সংঘর্ষে", "সংঘর্ষ"),
]


@pytest.mark.parametrize("text,pattern", TEXTS)
def test_inflected_text_reaches_pattern(text, pattern):
    assert pattern in BY_PATTERN, pattern
    lemmas = [lemma(w) for w in normalize(text).split()]
    words = pattern.split(" ")
    assert any(lemmas[i:i + len(words)] == words for i in range(len(lemmas) - len(words) + 1)), lemmas
