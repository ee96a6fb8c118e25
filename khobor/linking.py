"""Linking inside an article: one entity behind many mentions, with a canonical name and an id.

Order of resolution for a mention:
1. the gazetteer entry the recognizer matched (Wikidata QID or `khobor:<key>`);
2. an acronym defined in the article, `পূর্ণ নাম (সংক্ষেপ)`, or a gazetteer acronym;
3. a person's short mention (রাইসির, পুতিন) → the fullest earlier (else later) person mention whose
   name words include all of the mention's words; the same for organisations by their head words;
4. otherwise a new entity: canonical = romanized base form (docs/romanization.md), id =
   `khobor:<label>:<10 hex of SHA-1 of the search key of the base form>`, stable across articles.

`propagate` also finds short mentions the tagger missed: a word whose base is a name word of a
person recognized elsewhere in the article (and is not a common word) becomes a mention of them.
"""
from __future__ import annotations

import functools
import hashlib
from dataclasses import dataclass, field

from .entities import is_word
from .morph import known_base, split_word, verb_lemma
from .normalize import search_key

__all__ = ["Mention", "link", "propagate", "khobor_id", "name_words", "base_form"]

_HONORIFIC_KINDS = ("honorific", "initial")
_PLURAL = frozenset({"রা", "েরা", "দের", "গুলো", "গুলি"})
_DETACHED_SUFFIXES = frozenset({"এর", "এ", "য়ের", "তে", "কে", "র", "য়", "ের"})


@dataclass
class Mention:
    """A recognized span inside a document, before it becomes an Entity."""

    start: int                  # character offsets in doc.text
    end: int
    label: str
    words: list[str]            # token strings of the span
    surface: str = ""           # the span's text
    entry: object | None = None  # gazetteer Entry
    source: str = "model"
    canonical: str | None = None
    kb_id: str | None = None
    country: str | None = None
    link: int | None = field(default=None, repr=False)   # index of the mention it resolves to


def base_form(words: list[str], surface: str | None = None) -> str:
    """Return the span with the last word's case suffix removed: ['রাইসির'] → 'রাইসি', 'ক্যাম্প-৯-এর' → 'ক্যাম্প-৯'."""
    if not words:
        return ""
    surface = surface if surface is not None else " ".join(words)
    last = words[-1]
    if len(words) >= 3 and words[-2] == "-" and last in _DETACHED_SUFFIXES:
        return surface[:len(surface) - len(last) - 1]
    stem, sfx = split_word(last, aggressive=True)
    if sfx and _is_name_word(last) and not _is_name_word(stem):
        return surface                  # আফসার is a name, not আফসা + -র
    if sfx and sfx[0] in _PLURAL:
        return surface                  # নাকামুরা is not নাকামু + -রা
    return surface[:len(surface) - len(last)] + stem if sfx else surface


def _is_name_word(word: str) -> bool:
    from .ner import person_words
    return search_key(word) in person_words()


_TITLE_PREFIXES = frozenset({"ড.", "ডা.", "ডাঃ", "ডঃ", "ইঞ্জি.", "প্রফেসর", "অধ্যাপক"})


def _canonical_name(label: str, base: str) -> str:
    """Return the readable English name of an entity the gazetteer lacks (docs/romanization.md)."""
    from .romanize import romanize_name
    words = base.split()
    if label == "PER":
        while len(words) > 1 and words[0] in _TITLE_PREFIXES:
            words = words[1:]                 # ড. নিয়াজ আহমদ খান → Niaz Ahmed Khan
    else:
        from .entities import lookup_words
        from .glossary import translate_name
        for k in range(len(words) - 1, 0, -1):      # a known place at the front: কক্সবাজার সদর হাসপাতাল
            e = lookup_words(tuple(words[:k]))
            if e is not None and e.label in ("GPE", "LOC", "ORG"):
                name = e.canonical
                rest = translate_name(words[k:])
                if name.endswith(" " + rest) or name == rest:
                    return name                 # Rakhine State + রাজ্য
                if rest == "Police Station" and " Thana" in name:
                    return name.replace(" Thana", " Police Station", 1)
                for s in (" Upazila", " District", " Division"):
                    name = name[:-len(s)] if name.endswith(s) else name
                return f"{name} {rest}"
        return translate_name(words)
    return romanize_name(" ".join(words))


def khobor_id(label: str, base: str) -> str:
    """Return the stable khobor id of an entity unknown to the gazetteer."""
    digest = hashlib.sha1(search_key(base).encode("utf-8")).hexdigest()[:10]
    return f"khobor:{label.lower()}:{digest}"


def name_words(words: list[str]) -> list[str]:
    """Return the search keys of the distinctive words of a person name (no honorifics or initials)."""
    from .ner import person_words
    pw = person_words()
    out = []
    for i, w in enumerate(words):
        if not is_word(w):
            continue
        base = split_word(w, aggressive=True)[0] if i == len(words) - 1 else w
        k = search_key(base)
        if pw.get(k) in _HONORIFIC_KINDS or w.endswith(".") or len(k) < 2:
            continue
        out.append(k)
    return out


def _acronym_map(text: str, mentions: list[Mention]) -> dict[str, int]:
    """Return acronym key → index of the mention it abbreviates, from `Full Name (ACR)` in the text."""
    out = {}
    for n, m in enumerate(mentions[:-1]):
        nxt = mentions[n + 1]
        between = text[m.end:nxt.start]
        if between.strip() == "(" and text[nxt.end:nxt.end + 1] == ")" and len(nxt.words) == 1 \
                and len(m.words) > 1 and m.label == nxt.label:
            out[search_key(base_form(nxt.words, nxt.surface))] = n
    return out


def link(text: str, mentions: list[Mention]) -> None:
    """Fill canonical, kb_id and country of every mention (in place), linking mentions inside the article."""
    acronyms = _acronym_map(text, mentions)
    persons = [(n, set(name_words(m.words))) for n, m in enumerate(mentions) if m.label == "PER"]
    for n, m in enumerate(mentions):
        target = None
        if m.entry is None:
            key = search_key(base_form(m.words, m.surface))
            if key in acronyms and acronyms[key] != n:
                target = acronyms[key]
            elif m.label == "PER":
                mine = set(name_words(m.words))
                if mine:
                    best = None
                    for k, words in persons:
                        if (k != n and mine < words) or (k < n and mine == words
                                                         and len(mentions[k].words) > len(m.words)):
                            rank = (mentions[k].entry is not None, len(words), -abs(k - n))
                            if best is None or rank > best[0]:
                                best = (rank, k)
                    if best:
                        target = best[1]
        if target is not None:
            m.link = target
    # Resolve chains, then fill names from the root of each chain.
    for m in mentions:
        root, seen = m, set()
        while root.link is not None and root.link not in seen:
            seen.add(root.link)
            root = mentions[root.link]
        if root.entry is not None:
            e = root.entry
            m.canonical, m.kb_id, m.country = e.canonical, e.id, e.country or None
            if m.entry is None:
                m.source = "linked"
        else:
            base = base_form(root.words, root.surface)
            m.canonical = _canonical_name(root.label, base)
            m.kb_id = khobor_id(root.label, base)
            if root is not m:
                m.source = "linked"


@functools.lru_cache(maxsize=100_000)
def _name_key(word: str) -> str | None:
    """Return the search key of a word's base if it could be a short person mention, else None.

    Words that are also common words (রায় 'verdict', সরকার 'government', হৃদয় 'heart') are not
    propagated: alone they are far more often the common word.
    """
    if not is_word(word) or verb_lemma(word) is not None:
        return None
    base = split_word(word, aggressive=True)[0]
    if known_base(base) or known_base(word):
        return None
    return search_key(base)


def _person_name_words(words_by_sentence, mentions_by_sentence) -> set[str]:
    """The name words of the article's multi-word person mentions."""
    names: set[str] = set()
    for sent_mentions, words in zip(mentions_by_sentence, words_by_sentence):
        for i, j, lab, *_ in sent_mentions:
            if lab == "PER" and j - i >= 2:
                names.update(name_words(words[i:j]))
    return names


def one_sense(words_by_sentence, mentions_by_sentence) -> None:
    """A one-word place or organisation that is also a word of a person's name in the same article is
    that person (in place): 'ফাতিমা সানা … সানা' is Fatima Sana, not Sana'a."""
    names = _person_name_words(words_by_sentence, mentions_by_sentence)
    if not names:
        return
    for s, words in enumerate(words_by_sentence):
        changed = False
        out = []
        for i, j, lab, entry, source in mentions_by_sentence[s]:
            if j - i == 1 and lab in ("GPE", "LOC", "ORG") and _name_key(words[i]) is None:
                key = search_key(split_word(words[i], aggressive=True)[0])
                if key in names:
                    out.append((i, j, "PER", None, "linked"))
                    changed = True
                    continue
            out.append((i, j, lab, entry, source))
        if changed:
            mentions_by_sentence[s] = out


def propagate(words_by_sentence, spaced_by_sentence, mentions_by_sentence) -> None:
    """Add person mentions the tagger missed (in place): words whose base is a name word of a known person.

    `words_by_sentence[s]` is the token list of sentence s, `spaced_by_sentence[s]` its spacing
    flags, `mentions_by_sentence[s]` a sorted list of (first, stop, label, entry, source) ranges.
    """
    names = _person_name_words(words_by_sentence, mentions_by_sentence)
    if not names:
        return
    for s, words in enumerate(words_by_sentence):
        hits = [k for k, w in enumerate(words) if _name_key(w) in names]
        if not hits:
            continue
        taken = [False] * len(words)
        for i, j, *_ in mentions_by_sentence[s]:
            for k in range(i, j):
                taken[k] = True
        added = [(k, k + 1, "PER", None, "linked") for k in hits if not taken[k]]
        merged: list[tuple] = []
        for m in added:     # adjacent name words are one mention: জসিম উদ্দিন
            if merged and merged[-1][1] == m[0] and spaced_by_sentence[s][m[0] - 1]:
                merged[-1] = (merged[-1][0], m[1], "PER", None, "linked")
            else:
                merged.append(m)
        if merged:
            mentions_by_sentence[s] = sorted(mentions_by_sentence[s] + merged)
