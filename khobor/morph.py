"""Morphology: split Bengali nouns and names into base + suffixes, and lemmatize common verbs.

Conservative by design: a suffix whose letters also end many base words (-র after a vowel, -ে, -য়,
-তে, -রা, -টা, emphatic -ই/-ও) is stripped only when the remaining base is a known word (the noun
lexicon, the gazetteer, or the exception list) or follows an unambiguous suffix. Data lives in
khobor/lang/bn/ (nouns.txt, morph_exceptions.txt, verbs.tsv).
"""
from __future__ import annotations

import functools
import unicodedata

from .lang import bn

__all__ = ["split_word", "lemma", "verb_lemma", "known_base"]


def _n(s: str) -> str:
    return unicodedata.normalize("NFC", s)


# Suffix layers, in the order they stack after the base: number/classifier, case, emphatic.
NUMBER = tuple(map(_n, ("গুলো", "গুলি", "গুলা", "দের", "েরা", "রা", "টি", "টা", "খানা", "খানি")))
CASE = tuple(map(_n, ("য়ের", "ের", "কে", "তে", "সহ", "র", "য়", "ে")))
EMPHATIC = tuple(map(_n, ("ই", "ও")))
# Suffixes that can be stripped from an unknown base (their letters rarely end a base word).
SAFE = frozenset(map(_n, ("গুলো", "গুলি", "গুলা", "দের", "েরা", "টি", "খানা", "খানি", "য়ের", "ের", "কে", "সহ")))
# Suffixes that need a base ending in a vowel, or in a consonant.
AFTER_VOWEL = frozenset(map(_n, ("র", "য়", "য়ের", "রা", "তে")))
AFTER_CONSONANT = frozenset(map(_n, ("ের", "ে", "েরা")))

_VOWEL_END = set("\u09be\u09bf\u09c0\u09c1\u09c2\u09c3\u09cb\u09cc\u0985\u0986\u0987\u0988\u0989\u098a\u098b"
                 "\u098f\u0990\u0993\u0994")
_LETTER = set(chr(c) for c in range(0x0985, 0x09BA)) | {"\u09ce", "\u09dc", "\u09dd", "\u09df"}


def _letters(s: str) -> int:
    return sum(1 for ch in s if ch in _LETTER)


def _ends_in_vowel(base: str) -> bool:
    return bool(base) and base[-1] in _VOWEL_END


@functools.lru_cache(maxsize=1)
def _known() -> frozenset[str]:
    words = set(bn.read_lines("nouns.txt")) if bn.data_path("nouns.txt").is_file() else set()
    words.update(bn.read_lines("morph_exceptions.txt"))
    from . import gazetteer
    for e in gazetteer.load().entries:
        for alias in e.aliases:
            parts = alias.split()
            words.add(parts[-1])          # inner words may be inflected (ভারতের সুপ্রিম কোর্ট)
    return frozenset(words)


def known_base(word: str) -> bool:
    """Return True if `word` is a known base form (lexicon, exceptions or a gazetteer name word)."""
    return word in _known()


@functools.lru_cache(maxsize=1)
def _verb_forms() -> dict[str, str]:
    forms: dict[str, str] = {}
    text = bn.data_path("verbs.tsv").read_text(encoding="utf-8")
    for line in text.splitlines():
        if not line.strip() or line.startswith("#") or line.startswith("lemma\t"):
            continue
        cols = (line.split("\t") + ["", "", "", ""])[:4]
        lemma_, cls, stems, extra = (_n(c.strip()) for c in cols)
        plain, _, raised = stems.partition("/")
        raised = raised or plain
        out = [lemma_] + [f for f in extra.split("|") if f]
        if cls in ("c", "o"):
            perfect = ("েছি", "েছ", "েছে", "েছেন", "েছিল", "েছিলেন", "েছিলাম", "েছিলো", "ে")
            other = ("ি", "িস", "ছি", "ছ", "ছিস", "ছে", "ছেন", "লাম", "লে", "লি", "ল", "লো", "লেন", "ছিল", "ছিলেন",
                     "ছিলাম", "তাম", "তে", "ত", "তো", "তেন", "ব", "বো", "বে", "বি", "বেন", "ুন", "িনি", "োনি", "ছিলো")
            out += [plain + s for s in ("ে", "েন", "ো", "া", "ার", "ায়", "ায়", "েনি", "েননি")]
            out += [raised + _n(s) for s in perfect]
            out += [(plain if cls == "o" else raised) + _n(s) for s in other]
        elif cls == "a":
            out += [plain + _n(s) for s in (
                "ই", "ও", "য়", "ন", "চ্ছি", "চ্ছে", "চ্ছেন", "চ্ছিল", "চ্ছিলেন", "লাম", "ল", "লো", "লেন", "ব", "বো",
                "বে", "বেন", "তাম", "ত", "তো", "তেন", "তে", "লে", "নো", "নোর", "নোয়", "য়নি", "ননি")]
            out += [raised + _n(s) for s in ("য়েছি", "য়েছে", "য়েছেন", "য়েছিল", "য়েছিলেন", "য়ে")]
        for f in out:
            forms.setdefault(_n(f), lemma_)
    return forms


def verb_lemma(word: str) -> str | None:
    """Return the lemma (verbal noun) of a known verb form, else None: বলেছেন → বলা."""
    return _verb_forms().get(word)


def _analyses(word: str):
    for emph in ("",) + EMPHATIC:
        if emph and not word.endswith(emph):
            continue
        w1 = word[:len(word) - len(emph)]
        for case in ("",) + CASE:
            if case and not w1.endswith(case):
                continue
            w2 = w1[:len(w1) - len(case)]
            for num in ("",) + NUMBER:
                if num and not w2.endswith(num):
                    continue
                base = w2[:len(w2) - len(num)]
                suffixes = [s for s in (num, case, emph) if s]
                if suffixes and base:
                    yield base, suffixes


def _valid(base: str, suffixes: list[str], aggressive: bool) -> tuple[bool, bool]:
    """Return (possible, known): whether the split respects phonology, and whether the base is known."""
    first = suffixes[0]
    if first in AFTER_VOWEL and not _ends_in_vowel(base):
        return False, False
    if first in AFTER_CONSONANT and _ends_in_vowel(base):
        return False, False
    if _letters(base) < 2:
        return False, False
    known = known_base(base)
    if known:
        return True, True
    safe_so_far = True
    for s in suffixes:
        if s not in SAFE and not (safe_so_far and s in EMPHATIC and len(suffixes) > 1):
            if not aggressive:
                return False, False
        safe_so_far = safe_so_far and s in SAFE
    return True, False


@functools.lru_cache(maxsize=200_000)
def split_word(word: str, aggressive: bool = False) -> tuple[str, tuple[str, ...]]:
    """Return (base, suffixes) of a Bengali noun or name; (word, ()) when it should not be split.

    With aggressive=True (used for names already recognized as entities) ambiguous suffixes are
    stripped from unknown bases too: রাইসির → (রাইসি, (র,)).
    """
    if known_base(word) or word in _verb_forms():
        return word, ()
    best = None
    for base, suffixes in _analyses(word):
        possible, known = _valid(base, suffixes, aggressive)
        if not possible:
            continue
        rank = (known, -len("".join(suffixes)) if known else len("".join(suffixes)))
        if best is None or rank > best[0]:
            best = (rank, base, tuple(suffixes))
    if best is None:
        return word, ()
    return best[1], best[2]


def lemma(word: str) -> str:
    """Return the lemma of a word: a verb's verbal noun, a noun's base, else the word itself."""
    v = verb_lemma(word)
    if v is not None:
        return v
    return split_word(word)[0]
