"""Entity recognition for one sentence: the CRF's spans, reconciled with gazetteer matches.

- A CRF span that is exactly a gazetteer match takes the gazetteer's label when both are places or
  groups (the gazetteer knows a river from a district, and a demonym from a country).
- A gazetteer match that no CRF span overlaps is added when it is unambiguous: several words, or
  one word that is not a common noun (the matcher already skips those).
Without a model (no khobor/models/ner.crfsuite), the gazetteer matches alone are returned.
"""
from __future__ import annotations

from typing import Sequence

import functools

from . import gazetteer
from .entities import is_word, lookup_words, match_tokens
from .lang import bn
from .morph import split_word
from .ner import Tagger, decode
from .normalize import search_key

__all__ = ["recognize", "recognize_tags", "ADD_GAZETTEER"]

ADD_GAZETTEER = True
_PLACE = ("GPE", "LOC", "NORP")


_BREAK = frozenset("()[]{};:।!?“”‘’\"'") | {"ওরফে"}
_BREAK_NOT_ORG = frozenset({",", "ও", "এবং"})     # 'রোগতত্ত্ব, রোগনিয়ন্ত্রণ ও গবেষণা প্রতিষ্ঠান' is one ORG


@functools.lru_cache(maxsize=1)
def _heads() -> dict[str, dict[str, str]]:
    """Return word key → {label: english}; a word may be both a head (GPE) and a modifier (MOD)."""
    out: dict[str, dict[str, str]] = {}
    for row in bn.read_lines("entity_heads.tsv")[1:]:
        cols = row.split("\t")
        if len(cols) == 3:
            out.setdefault(search_key(cols[0]), {})[cols[1]] = cols[2]
    return out


@functools.lru_cache(maxsize=50_000)
def _head(word: str) -> dict[str, str]:
    heads = _heads()
    return heads.get(search_key(word)) or heads.get(search_key(split_word(word, aggressive=True)[0])) or {}


def _head_after(words: Sequence[str], spaced: Sequence[bool], taken: list[bool], j: int):
    """Return (stop, label, english) of a head word at j, or after up to two modifiers (সদর, মডেল), else None."""
    mods: list[str] = []
    k = j
    while k < len(words) and not taken[k] and (k == j or spaced[k - 1]):
        h = _head(words[k])
        if not h:
            return None
        nxt = _head(words[k + 1]) if k + 1 < len(words) and spaced[k] and not taken[k + 1] else {}
        inflected = bool(split_word(words[k], aggressive=True)[1])
        if "MOD" in h and len(mods) < 2 and not inflected and any(lab != "MOD" for lab in nxt):
            mods.append(h["MOD"])
            k += 1
            continue
        heads = [(lab, eng) for lab, eng in h.items() if lab != "MOD"]
        if not heads:
            return None
        lab, eng = heads[0]
        if mods and lab == "GPE":
            return None                 # no modifiers before an administrative head
        return k + 1, lab, " ".join(mods + [eng])
    return None


_ADMIN_SUFFIX = (" Upazila", " District", " Division", " Union", " Municipality")


def _derived(words: Sequence[str], i: int, j: int, e, label: str, english: str) -> gazetteer.Entry:
    """Return an entry for 'place + head' (Teknaf + Police Station), derived from the place's entry or name."""
    if e is None:
        e = lookup_words(tuple(words[i:j]))
    if e is not None:
        base, key, country = e.canonical, e.key, e.country
        for s in _ADMIN_SUFFIX:
            if base.endswith(s):
                base = base[:-len(s)]
                break
    else:
        from .linking import base_form
        from .romanize import romanize_name
        place = base_form(list(words[i:j]))
        base, key, country = romanize_name(place), search_key(place).replace(" ", "-"), ""
    key = f"{key}+{english.lower().replace(' ', '-')}"
    if english == "Police Station" and " Thana" in base:
        name = base.replace(" Thana", " Police Station", 1)     # Kotwali Thana, Chittagong + থানা
    else:
        name = base if base.endswith(" " + english) else f"{base} {english}"      # Rakhine State + রাজ্য
    return gazetteer.Entry(key, label, name, "", country, "", (), "derived: place + head word",
                           "entity_heads.tsv")


def _clean(words: Sequence[str], i: int, j: int, lab: str, ends=frozenset(), starts=frozenset()):
    """Split a span at brackets, quotes, commas and at a hyphen between two gazetteer names
    (ঢাকা-রাজশাহী), and trim punctuation at its edges."""
    out, start = [], i
    for k in range(i, j + 1):
        if k == j or words[k] in _BREAK or (lab != "ORG" and words[k] in _BREAK_NOT_ORG) \
                or (words[k] == "-" and k in ends and k + 1 in starts):
            a, b = start, k
            while a < b and not is_word(words[a]):
                a += 1
            while b > a and not (is_word(words[b - 1]) or words[b - 1][:1].isdigit()
                                 or "\u09e6" <= words[b - 1][:1] <= "\u09ef"):
                b -= 1
            if a < b:
                out.append((a, b, lab))
            start = k + 1
    return out


@functools.lru_cache(maxsize=50_000)
def _name_part(word: str) -> tuple[bool, bool]:
    """Return (a word of institution names per the glossary, an organisation head word per ner_cues)."""
    from .glossary import in_glossary
    from .ner import cues
    base = split_word(word, aggressive=True)[0]
    org_head = "org_head" in cues().get(search_key(base), ()) or "org_head" in cues().get(search_key(word), ())
    return in_glossary(word) or in_glossary(base), org_head


def _is_title(word: str) -> bool:
    from .ner import cues
    c = cues()
    return "title" in c.get(search_key(word), ()) or "title" in c.get(search_key(split_word(word, aggressive=True)[0]), ())


def _org_after(words: Sequence[str], spaced: Sequence[bool], taken: list[bool], j: int) -> int | None:
    """Return the stop of 'up to four name words + an organisation head' starting at j (বেসরকারি শিক্ষক সমিতির)."""
    for k in range(j, min(j + 5, len(words))):
        if taken[k] or not spaced[k - 1] or not is_word(words[k]):
            return None
        glossary_word, org_head = _name_part(words[k])
        if org_head and k > j:
            return k + 1
        if not glossary_word or split_word(words[k], aggressive=True)[1]:
            return None
    return None


def _extend(words: Sequence[str], spaced: Sequence[bool], spans: list, taken: list[bool]) -> list:
    """Extend place spans over a following head word: 'X উপজেলার' (GPE), 'X থানায়' (ORG), 'X নদীর' (LOC)."""
    out = []
    for i, j, lab, e, src in spans:
        if lab in _PLACE and lab != "NORP" and j < len(words) and spaced[j - 1] and not taken[j] \
                and not split_word(words[j - 1], aggressive=True)[1] and (i == 0 or words[i - 1] != "-"):     # 'রাঙামাটির জেলা প্রশাসক' is not a name
            head = _head_after(words, spaced, taken, j)
            if head is not None and head[0] < len(words) and _is_title(words[head[0]]):
                head = None                  # 'ঢাকা জেলা প্রশাসক', 'সদর উপজেলা নির্বাহী কর্মকর্তা'
            if head is not None:
                stop, label, english = head
                for k in range(j, stop):
                    taken[k] = True
                whole = lookup_words(tuple(words[i:stop]))
                if whole is None:
                    whole = e if (label == "GPE" and e is not None) else _derived(words, i, j, e, label, english)
                out.append((i, stop, label, whole, src))
                continue
            stop = _org_after(words, spaced, taken, j) if lab == "GPE" else None
            if stop is not None:
                for k in range(j, stop):
                    taken[k] = True
                out.append((i, stop, "ORG", lookup_words(tuple(words[i:stop])), src))
                continue
        out.append((i, j, lab, e, src))
    return out


def recognize(words: Sequence[str], spaced: Sequence[bool], tagger: Tagger | None, *, matches=None, tags=None):
    """Return (first, stop, label, entry-or-None, source) token ranges of the entities in one sentence.

    `matches` (gazetteer matches) and `tags` (the tagger's BIO tags) may be given when computed
    for many sentences at once (khobor.entities.find_entities).
    """
    if matches is None:
        matches = match_tokens(list(words), list(spaced))
    gaz = {(i, j): e for i, j, e in matches}
    if tagger is None:
        taken = [False] * len(words)
        for i, j in gaz:
            for k in range(i, j):
                taken[k] = True
        return _extend(words, spaced, [(i, j, e.label, e, "gazetteer") for (i, j), e in sorted(gaz.items())], taken)
    out = []
    taken = [False] * len(words)
    ends = frozenset(j for _, j, _ in matches)
    starts = frozenset(i for i, _, _ in matches)
    if tags is None:
        tags = tagger.tag(words, spaced, matches)
    found = [c for i, j, lab in decode(tags)
             for c in _clean(words, i, j, lab, ends, starts)]
    for i, j, lab in found:
        e = gaz.get((i, j)) or lookup_words(tuple(words[i:j]))
        if e is not None and lab in _PLACE and e.label in _PLACE:
            lab = e.label
        out.append((i, j, lab, e if e is not None and e.label == lab else None, "model"))
        for k in range(i, j):
            taken[k] = True
    if ADD_GAZETTEER:
        for (i, j), e in gaz.items():
            if not any(taken[i:j]):
                out.append((i, j, e.label, e, "gazetteer"))
                for k in range(i, j):
                    taken[k] = True
    out.sort()
    return _extend(words, spaced, out, taken)


def recognize_tags(words: Sequence[str], spaced: Sequence[bool], tagger: Tagger | None) -> list[str]:
    """Return BIO tags of `recognize` (for scoring against token-level data)."""
    tags = ["O"] * len(words)
    for i, j, lab, *_ in recognize(words, spaced, tagger):
        tags[i] = "B-" + lab
        for k in range(i + 1, j):
            tags[k] = "I-" + lab
    return tags
