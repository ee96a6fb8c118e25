"""Named entities: longest-match gazetteer tagging through morphology (the baseline recognizer).

Each candidate is a run of word tokens whose search key, with the last word's case suffix removed,
is a gazetteer alias. A single word that is also a common noun (nouns.txt) is not a name.
"""
from __future__ import annotations

import bisect
import functools

from . import gazetteer
from .document import Document, Entity
from .lang import bn
from .morph import split_word
from .normalize import search_key

__all__ = ["tag_gazetteer"]

# When an alias names several entities, prefer this order (countries over people named after them).
_LABEL_RANK = {"GPE": 0, "ORG": 1, "PER": 2, "NORP": 3, "LOC": 4}


@functools.lru_cache(maxsize=1)
def _common_words() -> frozenset[str]:
    if not bn.data_path("nouns.txt").is_file():
        return frozenset()
    return frozenset(search_key(w) for w in bn.read_lines("nouns.txt"))


def _is_word(tok: str) -> bool:
    ch = tok[:1]
    return bool(ch) and ("\u0980" <= ch <= "\u09ff" or ch.isalpha())


@functools.lru_cache(maxsize=100_000)
def _variants(word: str) -> tuple[str, ...]:
    base, suffixes = split_word(word, aggressive=True)
    return (word,) if not suffixes else (word, base)


@functools.lru_cache(maxsize=100_000)
def _start_span(word: str) -> int:
    """Return the longest alias length (in words) that can start at `word`, 0 if none can."""
    first = gazetteer.load().first_words
    return max((first.get(search_key(v), 0) for v in _variants(word)), default=0)


def _pick(entries: list[gazetteer.Entry]) -> gazetteer.Entry:
    return min(entries, key=lambda e: (_LABEL_RANK.get(e.label, 9), e.key))


def tag_gazetteer(doc: Document) -> list[Entity]:
    """Return entity mentions found by longest gazetteer match in each sentence."""
    gaz = gazetteer.load()
    index = gaz.aliases()
    common = _common_words()
    text = doc.text
    starts, ends = doc.token_offsets
    out: list[Entity] = []
    for sent in doc.sentences:
        i = bisect.bisect_left(starts, sent.start)
        stop = bisect.bisect_right(ends, sent.end)
        while i < stop:
            word = text[starts[i]:ends[i]]
            longest = _start_span(word) if _is_word(word) else 0
            if not longest:
                i += 1
                continue
            found = None
            for n in range(min(longest, stop - i), 0, -1):
                words = [text[starts[k]:ends[k]] for k in range(i, i + n)]
                if not all(_is_word(w) for w in words) or any(ends[k] != starts[k + 1] - 1 for k in range(i, i + n - 1)):
                    continue
                head = search_key(" ".join(words[:-1])) if n > 1 else ""
                for variant in _variants(words[-1]):
                    key = (head + " " + search_key(variant)).strip()
                    if key in index and not (n == 1 and key in common):
                        found = (n, _pick(index[key]))
                        break
                if found:
                    break
            if found:
                n, e = found
                out.append(Entity(doc, starts[i], ends[i + n - 1], e.label, e.canonical, e.id, e.country or None,
                                  source="gazetteer"))
                i += n
            else:
                i += 1
    return out
