"""Times and numbers: tables of Bengali cases, resolution against the publication date."""
import datetime as dt

import pytest

import khobor
from khobor.numbers import find_amounts
from khobor.segment import tokenize
from khobor.times import bengali_to_gregorian, find_times

REF = dt.date(2024, 3, 13)          # a Wednesday


def _words(s):
    return [w.strip() for w in tokenize(s) if w.strip()]


def times_of(s, ref=REF):
    w = _words(s)
    return [(" ".join(w[f.i:f.j]), f.type, f.value) for f in find_times(w, [True] * len(w), [False] * len(w), ref)]


@pytest.mark.parametrize("text,expected", [
    ("গতকাল মঙ্গলবার রাত ৯টায়", ("time", "2024-03-12T21:00")),
    ("১২ মার্চ ২০২৫ তারিখে", ("date", "2025-03-12")),
    ("১২.০৩.২০২৫", ("date", "2025-03-12")),
    ("12/03/2025", ("date", "2025-03-12")),
    ("মার্চে", ("month", "2024-03")),
    ("২০২৫ সালে", ("year", "2025")),
    ("আজ", ("date", "2024-03-13")),
    ("আগামীকাল", ("date", "2024-03-14")),
    ("গত শনিবার", ("date", "2024-03-09")),
    ("শনিবার দিবাগত রাতে", ("time", "2024-03-09TNI")),
    ("আগামী বৃহস্পতিবার", ("date", "2024-03-14")),
    ("গত সপ্তাহে", ("week", "2024-W10")),
    ("আগামী মাসে", ("month", "2024-04")),
    ("চলতি বছরের", ("year", "2024")),
    ("গত ২৪ ঘণ্টায়", ("duration", "P24H")),
    ("তিন দিন ধরে", ("duration", "P3D")),
    ("সাড়ে চার বছর", ("duration", "P4Y6M")),
    ("১ বৈশাখ ১৪৩১ বঙ্গাব্দে", ("date", "2024-04-14")),
    ("পয়লা বৈশাখ", ("date", "2024-04-14")),
    ("২০২৪-২৫ অর্থবছরে", ("range", "2024-07-01/2025-06-30")),
    ("চলতি অর্থবছরে", ("range", "2023-07-01/2024-06-30")),
    ("১০ থেকে ১৫ মার্চ", ("range", "2024-03-10/2024-03-15")),
    ("জুলাই-ডিসেম্বর", ("range", "2023-07/2023-12")),
    ("রাত সাড়ে ৯টার দিকে", ("time", "T21:30")),
    ("বিকেল ৪টায়", ("time", "T16:00")),
    ("২০২০ সালের অক্টোবরে", ("month", "2020-10")),
    ("ছয় দিন আগে", ("date", "2024-03-07")),
    ("ভোর চারটে", ("time", "T04:00")),
])
def test_time_expressions(text, expected):
    found = times_of(text)
    assert found and found[0][0].replace(" - ", "-").replace(" ", "") == text.replace(" ", "")
    assert found[0][1:] == expected


@pytest.mark.parametrize("text", ["৬৫ বছর বয়সী", "মেয়র বলেন", "মেয়েকে নিয়ে", "২০২৪ টাকা", "একটা বই"])
def test_not_times(text):
    assert times_of(text) == []


def test_relative_times_need_a_reference_date():
    assert times_of("গতকাল", ref=None)[0][2] is None
    assert times_of("১২ মার্চ ২০২৫", ref=None)[0][2] == "2025-03-12"


def test_bengali_calendar():
    assert bengali_to_gregorian(1, 1, 1431) == dt.date(2024, 4, 14)
    assert bengali_to_gregorian(1, 9, 1431) == dt.date(2024, 12, 16)    # পৌষ
    assert bengali_to_gregorian(32, 1, 1431) is None


def amounts_of(s):
    w = _words(s)
    return [(" ".join(w[f.i:f.j]), f.kind, f.value, f.unit) for f in find_amounts(w, [True] * len(w), [False] * len(w))]


@pytest.mark.parametrize("text,kind,value,unit", [
    ("১,২৫০.৫০ কোটি টাকা", "money", 12_505_000_000, "BDT"),
    ("৭ লাখ ৮৫ হাজার কোটি টাকার", "money", 7_850_000_000_000, "BDT"),
    ("২ হাজার ৬০০ কোটি ডলারের", "money", 26_000_000_000, "USD"),
    ("৩ কোটি ২০ লাখ টাকা", "money", 32_000_000, "BDT"),
    ("দেড় লাখ টাকা", "money", 150_000, "BDT"),
    ("৳৫০০", "money", 500, "BDT"),
    ("$২০ লাখ", "money", 2_000_000, "USD"),
    ("২০ মার্কিন ডলার", "money", 20, "USD"),
    ("৩২ শতাংশ", "percent", 32, "percent"),
    ("৩২%", "percent", 32, "percent"),
    ("২ দশমিক ৫ শতাংশ", "percent", 2.5, "percent"),
    ("শতকরা ২০ ভাগ", "percent", 20, "percent"),
    ("৪৫৮টি বাড়ি", "count", 458, "house"),
    ("২৩ জন", "count", 23, "person"),
    ("তিনজন", "count", 3, "person"),
    ("সাড়ে তিন হাজার মানুষ", "count", 3500, "person"),
    ("৬৫ বছর বয়সী", "count", 65, "year"),
    ("১৯তম", "ordinal", 19, None),
    ("১৪০ কিলোমিটার", "measure", 140, "km"),
    ("দুশো টাকা", "money", 200, "BDT"),
    ("এক হাজার দুই শ", "number", 1200, None),
])
def test_amounts(text, kind, value, unit):
    found = amounts_of(text)
    assert len(found) == 1
    _, k, v, u = found[0]
    assert (k, u) == (kind, unit)
    assert abs(v - value) < 1e-6 * max(1, value)


@pytest.mark.parametrize("text", ["জিপিএ-৫ পেয়েছে", "5G নেটওয়ার্ক", "০১৭১১২৩৪৫৬৭ নম্বরে", "বিষয়ে কথা", "এক ব্যক্তি বলেন",
                                  "তিনি নয় বরং", "১৬২৬৩ নম্বরে"])
def test_not_amounts(text):
    w = _words(text)
    sp = [not (i + 1 < len(w) and w[i + 1] == "-") and not (w[i] == "-") for i in range(len(w))]
    assert [f for f in find_amounts(w, sp, [False] * len(w))] == []


def test_range_of_counts():
    found = find_amounts(_words("১০-১২ জন আহত"), [False, False, True, True, False], [False] * 5)
    assert (found[0].value, found[0].value_to, found[0].unit) == (10, 12, "person")


def test_steps_resolve_against_published_date_and_skip_names():
    doc = khobor.analyze("গতকাল মঙ্গলবার রাত ৯টায় র‍্যাব-১৫ এর অভিযানে ৫০০ কোটি টাকার মাদক জব্দ হয়।",
                         published="2024-03-13")
    assert [(t.text, t.value) for t in doc.times] == [("গতকাল মঙ্গলবার রাত ৯টায়", "2024-03-12T21:00")]
    assert [(n.text, n.value, n.unit) for n in doc.numbers] == [("৫০০ কোটি টাকার", 5_000_000_000, "BDT")]


def test_time_of_day_takes_the_last_date_named():
    doc = khobor.analyze("গত শনিবার সংঘর্ষ হয়। রাতে আবার হামলা হয়।", published="2024-03-13")
    assert [t.value for t in doc.times] == ["2024-03-09", "2024-03-09TNI"]


def test_age_in_brackets_after_a_name():
    doc = khobor.analyze("পুলিশ মো. রফিকুল ইসলাম (৩৫) নামের এক ব্যক্তিকে গ্রেপ্তার করেছে।", published="2024-03-13")
    assert [(n.text, n.kind, n.unit) for n in doc.numbers] == [("৩৫", "count", "year")]


def test_json_round_trip_of_times_and_numbers():
    doc = khobor.analyze("আজ ৩২ শতাংশ বেড়েছে।", published="2024-03-13")
    back = khobor.Document.from_dict(doc.to_dict())
    assert back.to_dict() == doc.to_dict()


@pytest.mark.parametrize("text,expected", [
    ("চলতি বছরের প্রথম চার মাসে", ("range", "2024-01-01/2024-04-30")),
    ("চলতি অর্থবছরের প্রথম পাঁচ মাসে", ("range", "2023-07-01/2023-11-30")),
    ("গত বছরের একই মাসে", ("month", "2023-03")),
    ("চলতি বছরের ১ জানুয়ারি থেকে এ পর্যন্ত", ("range", "2024-01-01/2024-03-13")),
])
def test_periods_of_years(text, expected):
    assert times_of(text)[0][1:] == expected


def test_same_month_last_year_takes_the_month_just_spoken_of():
    doc = khobor.analyze("নভেম্বরে রপ্তানি কমেছে। গত বছরের একই মাসে তা বেশি ছিল।", published="2025-12-10")
    assert [t.value for t in doc.times] == ["2025-11", "2024-11"]
