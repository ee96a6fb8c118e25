"""Numbers and amounts: Bengali and ASCII digits, number words, money, percentages, counts, measures,
ordinals and ages, each with a normalized value and unit.

Data: lang/bn/number_words.tsv (cardinals, scales such as হাজার লাখ কোটি, fractions দেড় আড়াই,
modifiers সাড়ে পৌনে, ordinals) and lang/bn/units.tsv (currencies, percent, measures, classifiers and
counted nouns). Digits inside names and codes (জিপিএ-৫, র‍্যাব-১৫, 5G), phone numbers, list markers,
and numbers inside entity or time spans are not amounts.
"""
from __future__ import annotations

import functools
import re
from dataclasses import dataclass
from typing import Sequence

from .lang import bn
from .normalize import search_key, to_ascii_digits

__all__ = ["parse_digits", "parse_number", "find_amounts", "Found"]

_CASE = ("য়ের", "য়ে", "ের", "এর", "কে", "তে", "র", "য়", "ে", "ই", "ও")
_CLASSIFIERS = ("টি", "টা", "টো", "জন", "খানা", "খানি")
_ORDINAL_SUFFIX = ("তম", "র্থ", "ষ্ঠ", "য়", "ম")
_DIGIT_TOKEN = re.compile(r"^([0-9০-৯][0-9০-৯,]*(?:\.[0-9০-৯]+)?)(.*)$")
_SYMBOLS = {"৳": "BDT", "$": "USD", "₹": "INR", "€": "EUR", "£": "GBP", "¥": "JPY"}
# Words that are numbers with their unit inside (শতাধিক 'over a hundred', দুবার 'twice').
_SPECIAL = {"শতাধিক": (100.0, "number", ""), "শতভাগ": (100.0, "percent", ""), "দুবার": (2.0, "times", ""),
            "একবার": (1.0, "times", ""), "তিনবার": (3.0, "times", ""), "চারবার": (4.0, "times", ""),
            "পাঁচবার": (5.0, "times", "")}
CLASSIFIER_UNIT = {"জন": "person", "টি": "item", "টা": "item", "টো": "item", "খানা": "item", "খানি": "item"}


@functools.lru_cache(maxsize=1)
def _words() -> dict[str, tuple[float, str]]:
    out = {}
    for row in bn.read_lines("number_words.tsv")[1:]:
        w, v, k = row.split("\t")
        if w:
            out.setdefault(_key(w), (float(v), k))
    return out


@functools.lru_cache(maxsize=1)
def _units() -> dict[str, tuple[str, str]]:
    out = {}
    for row in bn.read_lines("units.tsv")[1:]:
        w, u, t = row.split("\t")
        if w and w not in _SYMBOLS and w != "%":
            out.setdefault(_key(w), (u, t))
    return out


def _key(word: str) -> str:
    """The lookup key of number and unit words: as written, without ZWJ/ZWNJ (no sibilant or vowel
    folding: বিশ is twenty, বিষয় is not)."""
    return word.replace("\u200d", "").replace("\u200c", "")


def _strip_case(word: str, table: dict) -> tuple[str, tuple] | None:
    """Return (base key, entry) of a word or of the word without a case suffix, found in `table`."""
    key = _key(word)
    if key in table:
        return key, table[key]
    for s in _CASE:
        if word.endswith(s) and len(word) > len(s):
            k = _key(word[:-len(s)])
            if k in table:
                return k, table[k]
            for s2 in _CASE:                     # two layers: হাজারেরও
                if word[:-len(s)].endswith(s2) and len(word) > len(s) + len(s2):
                    k = _key(word[:-len(s) - len(s2)])
                    if k in table:
                        return k, table[k]
    return None


def parse_digits(text: str) -> float | None:
    """Return the value of a digit string with thousands commas and a decimal point: '১,২৫০.৫০' → 1250.5."""
    s = to_ascii_digits(text).replace(",", "")
    try:
        return float(s)
    except ValueError:
        return None


@functools.lru_cache(maxsize=50_000)
def _atom(word: str) -> tuple[float, str, str] | None:
    """Return (value, kind, suffix) of one token that is a number: kind number, fraction, ordinal,
    classifier (৪৫৮টি, দুজন: suffix is the classifier) or None."""
    m = _DIGIT_TOKEN.match(word)
    if m:
        value = parse_digits(m.group(1))
        if value is None:
            return None
        rest = m.group(2)
        if not rest:
            return value, "number", ""
        for c in _CLASSIFIERS:
            if rest.startswith(c) and (rest == c or _strip_case("x" + rest[len(c):], {"x": 1}) is not None):
                return value, "classifier", c
        if rest in _ORDINAL_SUFFIX:
            return value, "ordinal", rest
        return None
    for c in _CLASSIFIERS:                       # দুইজন, তিনটির
        for cut in range(len(c) + 1, len(word) + 1):
            if word[cut - len(c):cut] == c and (cut == len(word) or _strip_case("x" + word[cut:], {"x": 1})):
                head = _key(word[:cut - len(c)])
                entry = _words().get(head)
                if entry and entry[1] == "number":
                    return entry[0], "classifier", c
    if word in _SPECIAL:
        return _SPECIAL[word]
    hit = _strip_case(word, _words())
    if hit is not None:
        value, kind = hit[1]
        if kind in ("number", "fraction"):
            return value, kind, ""
    for s in ("শো", "শ", "শত"):                 # পাঁচশ, দুশো
        for cut in range(len(s) + 1, len(word) + 1):
            if word[cut - len(s):cut] == s and _strip_case("x" + word[cut:], {"x": 1}) is not None:
                entry = _words().get(_key(word[:cut - len(s)]))
                if entry and entry[1] == "number" and entry[0] < 10:
                    return entry[0] * 100, "number", ""
    return None


@functools.lru_cache(maxsize=100_000)
def _kind(word: str) -> tuple[float, str] | None:
    hit = _strip_case(word, _words())
    return hit[1] if hit else None


@functools.lru_cache(maxsize=100_000)
def unit_of(word: str) -> tuple[str, tuple[str, str]] | None:
    """Return (base key, (unit, type)) of a unit word, through case suffixes (টাকার, শতাংশের)."""
    return _strip_case(word, _units())


@functools.lru_cache(maxsize=100_000)
def may_start(word: str) -> bool:
    """Return True if a number can start at this token (cheap filter for the scanners)."""
    if not word:
        return False
    ch = word[0]
    if "\u09e6" <= ch <= "\u09ef" or "0" <= ch <= "9" or word in _SYMBOLS:
        return True
    return _kind(word) is not None or _atom(word) is not None


@dataclass
class Found:
    """A number found in a token list: tokens [i, j), value, kind, unit, value_to."""

    i: int
    j: int
    value: float
    kind: str
    unit: str | None = None
    value_to: float | None = None


def parse_number(words: Sequence[str], i: int) -> tuple[float, int, str, str] | None:
    """Parse a number starting at token i; return (value, stop, kind, classifier) or None.

    Handles digits, number words, modifiers (সাড়ে তিন), fractions (দেড়), decimals (২ দশমিক ৫) and
    scales in the Indian system: ৩ কোটি ২০ লাখ, ৯ হাজার ৮১২, ৭ লাখ ৮৫ হাজার কোটি (a larger scale
    multiplies everything before it).
    """
    n = len(words)
    total = 0.0
    current: float | None = None
    max_scale = 0.0
    k = i
    kind = "number"
    classifier = ""
    end = i
    while k < n:
        w = words[k]
        kd = _kind(w)
        if kd is not None and kd[1] == "scale":
            if current is None and k == i:
                return None
            s = kd[0]
            base = current if current is not None else 0.0
            if s > max_scale:
                total = (total + base) * s
                max_scale = s
            else:
                total += base * s
            current = None
            k += 1
            end = k
            continue
        if current is not None or classifier:
            break                               # two numbers in a row: the first ends here
        if k > i and max_scale == 0:
            break
        mod = 0.0
        k0 = k
        if kd is not None and kd[1] == "modifier" and k + 1 < n and _atom(words[k + 1]) is not None:
            mod = kd[0]
            k += 1
            w = words[k]
        atom = _atom(w)
        if atom is None:
            k = k0
            break
        value, akind, suffix = atom
        if akind in ("ordinal", "percent", "times"):
            if k0 > i:
                k = k0
                break
            return value, k + 1, akind, ""
        if akind == "fraction" and k0 > i:
            k = k0
            break
        if akind == "classifier":
            kind, classifier = "count", suffix
        value += mod
        k += 1
        if k + 1 < n and _key(words[k]) == "দশমিক" and _DIGIT_TOKEN.match(words[k + 1]):
            frac = to_ascii_digits(_DIGIT_TOKEN.match(words[k + 1]).group(1))
            value = float(f"{int(value)}.{frac}")
            k += 2
        current = value
        end = k
    if end == i:
        return None
    return total + (current or 0.0), end, kind, classifier


def _is_code(words: Sequence[str], spaced: Sequence[bool], i: int) -> bool:
    """Digits glued by a hyphen to a word before them: জিপিএ-৫, র‍্যাব-১৫, ক্যাম্প-৯."""
    return i >= 2 and words[i - 1] == "-" and not spaced[i - 2] and not spaced[i - 1] and \
        words[i - 2][:1].isalpha()


def find_amounts(words: Sequence[str], spaced: Sequence[bool], blocked: Sequence[bool]) -> list[Found]:
    """Return the amounts in one sentence; tokens where `blocked` is True (entities, times) are skipped."""
    out: list[Found] = []
    n = len(words)
    units = _units()
    i = 0
    while i < n:
        if blocked[i] or not may_start(words[i]):
            i += 1
            continue
        w = words[i]
        start = i
        percent_prefix = False
        kd = _kind(w)
        if kd is not None and kd[1] == "percent_prefix" and i + 1 < n:
            percent_prefix = True
            i += 1
        parsed = parse_number(words, i) if not _is_code(words, spaced, i) else None
        if parsed is None:
            i = start + 1
            continue
        value, j, kind, classifier = parsed
        if any(blocked[i:j]):
            i = start + 1
            continue
        digit = bool(_DIGIT_TOKEN.match(words[i]))
        raw = to_ascii_digits(words[i])
        if digit and j == i + 1 and not classifier and kind != "ordinal":
            digits_only = raw.replace(",", "")
            if len(digits_only) >= 5 and "." not in raw and "," not in raw and not _has_unit(words, j):   # a phone number, hotline or code
                i = j
                continue
            if i == 0 and j < n and words[j] == ".":                                # a list marker '১.'
                i = j
                continue
        f = Found(start, j, value, kind)
        if kind == "percent":
            f.unit = "percent"
        elif kind == "times":
            f.kind, f.unit = "count", "time"
        elif kind == "count":
            f.unit = CLASSIFIER_UNIT.get(classifier, "item")
            if j < n and spaced[j - 1]:
                hit = unit_of(words[j])
                if hit and hit[1][1] == "count" and hit[0] not in CLASSIFIER_UNIT:
                    f.unit = hit[1][0]
        elif kind == "number":
            _attach_unit(words, spaced, f, units, percent_prefix)
        # a range: ১০-১২ জন, ৫ থেকে ৭ শতাংশ
        if f.kind != "ordinal" and f.j + 1 < n and (words[f.j] == "-" or search_key(words[f.j]) == search_key("থেকে")):
            second = parse_number(words, f.j + 1)
            if second is not None and not any(blocked[f.j + 1:second[1]]):
                g = Found(f.j + 1, second[1], second[0], second[2])
                if second[2] == "count":
                    g.unit = CLASSIFIER_UNIT.get(second[3], "item")
                else:
                    _attach_unit(words, spaced, g, units, False)
                if g.kind == f.kind or f.kind == "number":
                    f.value_to, f.j = g.value, g.j
                    if f.kind == "number" and g.kind != "number":
                        f.kind, f.unit = g.kind, g.unit
        # symbols before: ৳৫০০, $২০ লাখ
        if f.i > 0 and words[f.i - 1] in _SYMBOLS and not blocked[f.i - 1]:
            f.i -= 1
            f.kind, f.unit = "money", _SYMBOLS[words[f.i]]
        if _is_bare_article(words, f):
            i = f.j
            continue
        out.append(f)
        i = f.j
    return out


def _has_unit(words: Sequence[str], j: int) -> bool:
    return j < len(words) and (words[j] == "%" or unit_of(words[j]) is not None)


def _attach_unit(words, spaced, f: Found, units, percent_prefix: bool) -> None:
    n = len(words)
    j = f.j
    if j < n and words[j] == "%":
        f.kind, f.unit, f.j = "percent", "percent", j + 1
        return
    if j < n and spaced[j - 1]:
        w = words[j]
        if w == "মার্কিন" and j + 1 < n and unit_of(words[j + 1]):
            j += 1
            w = words[j]
        hit = unit_of(w)
        if hit is not None:
            unit, typ = hit[1]
            if typ == "percent" and hit[0] == "ভাগ" and not percent_prefix:
                return
            if typ == "count":
                f.kind = "count"
                f.unit = unit
                if hit[0] in CLASSIFIER_UNIT:
                    f.j = j + 1
                return
            f.kind, f.unit, f.j = typ, unit, j + 1
            if typ == "measure" and unit == "year" and j + 1 < n and search_key(words[j + 1]).startswith(search_key("বয়স")):
                f.kind, f.j = "count", j + 2                     # ৬৫ বছর বয়সী: an age
            return
    if percent_prefix:
        f.kind, f.unit = "percent", "percent"


def _is_bare_article(words: Sequence[str], f: Found) -> bool:
    """এক/একটি/একজন meaning 'a', and নয় meaning 'is not', are not amounts without a unit or scale."""
    if f.j - f.i > 2 or f.kind not in ("number", "count"):
        return False
    w = words[f.i]
    if _DIGIT_TOKEN.match(w):
        return False
    if f.value == 1:
        return True
    return search_key(w) == search_key("নয়") and f.kind == "number"
