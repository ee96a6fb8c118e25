"""Gazetteer matching over token sequences: longest match through morphology.

A candidate is a run of word tokens, separated by single spaces, whose search key (with the last
word's case suffix removed) is a gazetteer alias. A single word that is also a common noun
(nouns.txt) is not a name. The matches are both a baseline recognizer (`tag_gazetteer`) and
features of the statistical tagger (khobor/ner.py).
"""
from __future__ import annotations

import bisect
import functools

from . import gazetteer
from .document import Document, Entity
from .lang import bn
from .morph import split_word
from .normalize import search_key

__all__ = ["tag_gazetteer", "find_entities", "find_entities_many", "match_tokens", "lookup_words", "is_word"]

# When an alias names several entities, prefer this order (countries over people named after them).
_LABEL_RANK = {"GPE": 0, "ORG": 1, "PER": 2, "NORP": 3, "LOC": 4}


@functools.lru_cache(maxsize=1)
def _common_words() -> frozenset[str]:
    if not bn.data_path("nouns.txt").is_file():
        return frozenset()
    return frozenset(search_key(w) for w in bn.read_lines("nouns.txt"))


def is_word(tok: str) -> bool:
    """Return True if a token is a word (starts with a Bengali sign or a letter)."""
    ch = tok[:1]
    return bool(ch) and ("\u0980" <= ch <= "\u09ff" or ch.isalpha())


@functools.lru_cache(maxsize=100_000)
def _variants(word: str) -> tuple[str, ...]:
    base, suffixes = split_word(word, aggressive=True)
    return (word,) if not suffixes else (word, base)


@functools.lru_cache(maxsize=100_000)
def _start_span(word: str) -> int:
    """Return the longest alias length (in words) that can start at `word`, 0 if none can."""
    if not is_word(word):
        return 0
    first = gazetteer.load().first_words
    return max((first.get(search_key(v), 0) for v in _variants(word)), default=0)


def _pick(entries: list[gazetteer.Entry]) -> gazetteer.Entry:
    return min(entries, key=lambda e: (_LABEL_RANK.get(e.label, 9), e.key))


@functools.lru_cache(maxsize=50_000)
def lookup_words(words: tuple[str, ...]) -> gazetteer.Entry | None:
    """Return the gazetteer entry named by these words (the last may carry a case suffix), else None."""
    index = gazetteer.load().aliases()
    n = len(words)
    head = search_key(" ".join(words[:-1])) if n > 1 else ""
    for variant in _variants(words[-1]):
        key = (head + " " + search_key(variant)).strip()
        if key in index and not (n == 1 and key in _common_words()):
            return _pick(index[key])
    return None


def match_tokens(words: list[str], spaced: list[bool]) -> list[tuple[int, int, gazetteer.Entry]]:
    """Return (first, stop, entry) token ranges of longest gazetteer matches in one sentence.

    `spaced[k]` is True when token k and token k+1 are separated by exactly one space.
    """
    out = []
    i, stop = 0, len(words)
    longest_at = [_start_span(w) for w in words]
    while i < stop:
        longest = longest_at[i]
        if not longest:
            i += 1
            continue
        found = None
        for n in range(min(longest, stop - i), 0, -1):
            if n > 1 and (not all(spaced[i:i + n - 1]) or not all(is_word(w) for w in words[i + 1:i + n])):
                continue
            entry = lookup_words(tuple(words[i:i + n]))
            if entry is not None:
                found = (n, entry)
                break
        if found:
            out.append((i, i + found[0], found[1]))
            i += found[0]
        else:
            i += 1
    return out


def sentence_tokens(doc: Document):
    """Yield (first, stop) token index ranges of each sentence of `doc`."""
    starts, ends = doc.token_offsets
    for sent in doc.sentences:
        yield bisect.bisect_left(starts, sent.start), bisect.bisect_right(ends, sent.end)


def tag_gazetteer(doc: Document) -> list[Entity]:
    """Return entity mentions found by longest gazetteer match in each sentence (the baseline)."""
    text = doc.text
    starts, ends = doc.token_offsets
    out: list[Entity] = []
    for a, b in sentence_tokens(doc):
        words = [text[starts[k]:ends[k]] for k in range(a, b)]
        spaced = [ends[k] + 1 == starts[k + 1] and text[ends[k]] == " " for k in range(a, b - 1)] + [False]
        for i, j, e in match_tokens(words, spaced):
            out.append(Entity(doc, starts[a + i], ends[a + j - 1], e.label, e.canonical, e.id, e.country or None,
                              source="gazetteer"))
    return out


def find_entities(doc: Document, tagger=None) -> list[Entity]:
    """Return the entity mentions of `doc`: recognized per sentence, propagated and linked in the article.

    `tagger` is a khobor.ner.Tagger; None uses the shipped model (gazetteer only if there is none).
    """
    return find_entities_many([doc], tagger)[0]


def find_entities_many(docs: list[Document], tagger=None) -> list[list[Entity]]:
    """Return the entity mentions of each document; the tagger decodes all their sentences together."""
    from .linking import Mention, link, one_sense, propagate
    from .ner import load_tagger
    from .recognize import recognize

    if tagger is None:
        tagger = load_tagger()
    per_doc = []
    batch = []
    for doc in docs:
        sents = []
        for a, _, words, spaced in doc.sentence_words():
            matches = match_tokens(words, spaced)
            sents.append((a, words, spaced, matches))
            batch.append((words, spaced, matches))
        per_doc.append(sents)
    all_tags = tagger.tag_many(batch) if tagger is not None else [None] * len(batch)
    out = []
    n = 0
    for doc, sents in zip(docs, per_doc):
        text = doc.text
        starts, ends = doc.token_offsets
        found = []
        for a, words, spaced, matches in sents:
            found.append(recognize(words, spaced, tagger, matches=matches, tags=all_tags[n]) if words else [])
            n += 1
        one_sense([s[1] for s in sents], found)
        propagate([s[1] for s in sents], [s[2] for s in sents], found)
        mentions = []
        for (a, words, _, _), sent_found in zip(sents, found):
            for i, j, label, entry, source in sent_found:
                s, e = starts[a + i], ends[a + j - 1]
                mentions.append(Mention(s, e, label, words[i:j], text[s:e], entry, source))
        link(text, mentions)
        out.append([Entity(doc, m.start, m.end, m.label, m.canonical, m.kb_id, m.country, source=m.source)
                    for m in mentions])
    return out
