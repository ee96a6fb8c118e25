"""Article-level fields: dateline, source (the credited agency), category, keywords, an extractive
summary and a near-duplicate fingerprint (MinHash over word shingles)."""
from __future__ import annotations

import base64
import functools
import math
import re
from collections import Counter
from typing import Any

from .document import Document
from .normalize import search_key

__all__ = ["find_dateline", "find_source", "categorize", "keywords", "summarize", "fingerprint", "CATEGORIES",
           "minhash_similarity"]

CATEGORIES = ("politics", "international", "sports", "economy", "disaster", "crime", "health", "technology",
              "education", "entertainment", "other")

# 'ঢাকা, ১২ মার্চ —', 'কক্সবাজার, ১২ মার্চ (বাসস) —'
_DATELINE = re.compile(r"^(?P<place>[^\s,—–-][^,—–\n]{0,40}?),\s*(?P<date>[০-৯0-9]{1,2}\s+\S+?(?:\s+[০-৯0-9]{4})?)"
                       r"\s*(?:\((?P<agency>[^)\n]{1,40})\)\s*)?[—–-]")
_BYLINE_MAX_WORDS = 8


def find_dateline(doc: Document) -> dict[str, Any] | None:
    """Return {'text', 'place', 'date'} of the dateline at the head of the article, or None.

    Two forms: 'ঢাকা, ১২ মার্চ —' (place and date), and a correspondent line as the first paragraph
    ('নিজস্ব প্রতিবেদক, কক্সবাজার', 'খুলনা ব্যুরো': the place only). The date is resolved with the
    publication year (else `XXXX-MM-DD`); the place is the canonical name of its place entity.
    """
    import datetime as dt

    from .times import _day, _word
    text = doc.text
    m = _DATELINE.match(text[:200])
    if m:
        place = m.group("place").strip()
        parts = m.group("date").split()
        day = _day(parts[0])
        month = _word(parts[1]) if len(parts) > 1 else None
        date = None
        if day and month and month[0] == "month":
            year = None
            if len(parts) > 2:
                from .normalize import to_ascii_digits
                year = int(to_ascii_digits(parts[2]))
            elif doc.meta.published:
                year = int(doc.meta.published[:4])
            try:
                date = dt.date(year, int(month[1]), day).isoformat() if year else f"XXXX-{int(month[1]):02d}-{day:02d}"
            except ValueError:
                date = None
        if date is not None:
            return {"text": m.group(0).rstrip("—–- "), "place": _place_name(doc, m.start("place"), m.end("place"), place),
                    "date": date}
    first = doc.paragraphs[0] if doc.paragraphs else None
    if first is not None and len(doc.paragraphs) > 1:
        line = text[first.start:first.end]
        if len(line.split()) <= _BYLINE_MAX_WORDS and not re.search(r"[।?!]$", line.strip()):
            for e in doc.entities:
                if first.start <= e.start and e.end <= first.end and e.label in ("GPE", "LOC"):
                    return {"text": line, "place": e.canonical or e.text, "date": None}
            from .entities import lookup_words
            for w in re.findall(r"[\u0980-\u09ff\u200c\u200d]+", line):       # খুলনা ব্যুরো
                entry = lookup_words((w,))
                if entry is not None and entry.label == "GPE":
                    return {"text": line, "place": entry.canonical, "date": None}
    return None


def _place_name(doc: Document, a: int, b: int, fallback: str) -> str:
    for e in doc.entities:
        if e.start >= a and e.end <= b and e.label in ("GPE", "LOC"):
            return e.canonical or fallback
    return fallback


@functools.lru_cache(maxsize=1)
def _media_ids() -> frozenset[str]:
    from . import gazetteer
    return frozenset(e.id for e in gazetteer.load().entries if e.sector == "MED")


_SOURCE_LEAD = re.compile(r"(সূত্র\s*:|খবর\s|বার্তা\s*সংস্থা\s)")


def find_source(doc: Document) -> dict[str, Any] | None:
    """Return {'text', 'canonical', 'id'} of the agency or outlet the article credits, or None.

    In order: 'সূত্র: X, Y' (the first), 'খবর X-এর', the agency in a dateline '(বাসস)', 'বার্তা সংস্থা X'.
    """
    text = doc.text
    media = _media_ids()
    ents = [e for e in doc.entities if e.label == "ORG"]

    def first_after(pos: int, limit: int, media_only: bool):
        for e in ents:
            if pos <= e.start < pos + limit and (not media_only or e.kb_id in media):
                if text[e.start:e.end].endswith("কে"):
                    continue                    # রয়টার্সকে বলেন: an interview, not a credit
                return {"text": e.text, "canonical": e.canonical, "id": e.kb_id}
        return None

    for pattern, limit, media_only in ((r"সূত্র\s*:", 60, False), (r"(?:^|[\s(])খবর\s", 40, True)):
        for m in re.finditer(pattern, text):
            hit = first_after(m.end(), limit, media_only)
            if hit:
                return hit
    m = _DATELINE.match(text[:200])
    if m and m.group("agency"):
        hit = first_after(m.start("agency"), len(m.group("agency")) + 1, False)
        if hit:
            return hit
    for m in re.finditer(r"বার্তা\s*সংস্থা\s", text):
        hit = first_after(m.end(), 30, True)
        if hit:
            return hit
    return None


# -- category -----------------------------------------------------------------------------------

@functools.lru_cache(maxsize=1)
def _category_words() -> dict[str, tuple[str, int]]:
    from .lang import bn
    if not bn.data_path("category_words.tsv").is_file():
        return {}
    out = {}
    for row in bn.read_lines("category_words.tsv")[1:]:
        cols = row.split("\t")
        if len(cols) == 3:
            out[search_key(cols[0])] = (cols[1], int(cols[2]))
    return out


def categorize(doc: Document) -> tuple[str, dict[str, float]]:
    """Return (category, scores): lexicon cues over the lemmas (title counted three times), plus
    entity evidence (foreign places and leaders point to international news)."""
    words = _category_words()
    scores: Counter = Counter()
    for key in doc.lemma_keys():
        hit = words.get(key)
        if hit:
            scores[hit[0]] += hit[1]
    if doc.meta.title:
        from .morph import lemma
        for w in re.findall(r"[\u0980-\u09ff\u200c\u200d]+", doc.meta.title):
            hit = words.get(search_key(lemma(w)))
            if hit:
                scores[hit[0]] += 3 * hit[1]
    foreign = sum(1 for e in doc.entities if e.label in ("GPE", "NORP") and e.country and e.country not in ("BGD", "IND"))
    home = sum(1 for e in doc.entities if e.label in ("GPE", "LOC") and e.country in ("BGD", "IND"))
    if foreign > home:
        scores["international"] += 2 * (foreign - home)
    if not scores:
        return "other", {}
    total = sum(scores.values())
    norm = {k: round(v / total, 3) for k, v in scores.most_common()}
    return scores.most_common(1)[0][0], norm


# -- keywords -----------------------------------------------------------------------------------

@functools.lru_cache(maxsize=1)
def _stopwords() -> frozenset[str]:
    from .lang import bn
    if not bn.data_path("stopwords.txt").is_file():
        return frozenset()
    return frozenset(search_key(w) for w in bn.read_lines("stopwords.txt"))


@functools.lru_cache(maxsize=100_000)
def _content_word(lem: str) -> bool:
    """A lemma that can be a keyword: a known noun, not a stop word, number or unit."""
    from .morph import known_base
    from .numbers import _kind, unit_of
    if len(lem) < 2 or not lem[:1].isalpha() or search_key(lem) in _stopwords() or not known_base(lem):
        return False
    return not (_kind(lem) or unit_of(lem))


def keywords(doc: Document, k: int = 10) -> list[str]:
    """Return up to k keywords: the most mentioned entities' canonical names, then frequent content
    lemmas (nouns of the lexicon that are not stop words), by frequency with a title bonus."""
    out: list[str] = []
    ent = Counter(e.canonical or e.text for e in doc.entities if e.label != "NORP")
    for name, c in ent.most_common():
        if c >= 2 and len(out) < k // 2:
            out.append(name)
    starts, ends = doc.token_offsets
    spans = [(e.start, e.end) for e in doc.entities]
    counts: Counter = Counter()
    lemmas = doc.lemmas or []
    import bisect
    ent_starts = [a for a, _ in spans]
    for i, lem in enumerate(lemmas):
        if not _content_word(lem):
            continue
        j = bisect.bisect_right(ent_starts, starts[i]) - 1
        if j >= 0 and spans[j][0] <= starts[i] < spans[j][1]:
            continue
        counts[lem] += 1
    title = doc.meta.title or ""
    for lem in list(counts):
        if lem in title:
            counts[lem] += 2
    for lem, c in counts.most_common():
        if len(out) >= k:
            break
        if c >= 2 and lem not in out:
            out.append(lem)
    return out


# -- summary ------------------------------------------------------------------------------------

def summarize(doc: Document, n: int = 3) -> list[int]:
    """Return the indices of n sentences that summarize the article, in document order.

    Each sentence scores by position (news puts the main facts first), by how many of the
    article's frequent content lemmas it holds (centrality), and by named entities and amounts;
    bylines, datelines alone and very short sentences are skipped, and a sentence that repeats
    one already chosen is passed over.
    """
    sents = doc.sentences
    if len(sents) <= n:
        return list(range(len(sents)))
    stop = _stopwords()
    starts, _ = doc.token_offsets
    lemmas = doc.lemmas or []
    keys = doc.lemma_keys()
    import bisect
    sent_lemmas: list[list[str]] = []
    for s in sents:
        a = bisect.bisect_left(starts, s.start)
        b = bisect.bisect_left(starts, s.end)
        sent_lemmas.append([k for x, k in zip(lemmas[a:b], keys[a:b]) if x[:1].isalpha() and k not in stop])
    freq = Counter(x for ls in sent_lemmas for x in set(ls))
    ent_count = Counter(doc.sentence_of(e.start) for e in doc.entities)
    num_count = Counter(doc.sentence_of(x.start) for x in doc.numbers)
    scores = []
    for i, ls in enumerate(sent_lemmas):
        words = len(ls)
        if words < 5:
            scores.append(-1.0)
            continue
        centrality = sum(freq[x] - 1 for x in set(ls)) / (math.log(words + 1) * 4 + 1)
        position = 1.0 / math.sqrt(i + 1)
        info = 0.15 * min(ent_count[i], 4) + 0.1 * min(num_count[i], 3)
        scores.append(2.0 * position + 0.12 * centrality + info)
    chosen: list[int] = []
    for i in sorted(range(len(sents)), key=lambda k: -scores[k]):
        if scores[i] < 0:
            continue
        if any(_overlap(sent_lemmas[i], sent_lemmas[j]) > 0.6 for j in chosen):
            continue
        chosen.append(i)
        if len(chosen) == n:
            break
    return sorted(chosen)


def _overlap(a: list[str], b: list[str]) -> float:
    sa, sb = set(a), set(b)
    return len(sa & sb) / max(1, min(len(sa), len(sb)))


# -- fingerprint --------------------------------------------------------------------------------

NUM_PERM = 64
SHINGLE = 3
_FP_WORD = re.compile(r"[\u0980-\u09ffA-Za-z0-9\u200c\u200d]+")


def fingerprint(doc: Document) -> dict[str, Any]:
    """Return a MinHash (64 permutations; khobor/minhash.py) of the article's word 3-shingles over
    search keys, base64-encoded; near-duplicates have close fingerprints."""
    from .minhash import shingle_minhash
    if doc.lemmas is not None:                       # the lemma keys are already there
        text = doc.text
        starts, _ = doc.token_offsets
        words = [k for k, s in zip(doc.lemma_keys(), starts) if text[s].isalnum()]
    else:
        words = [search_key(w) for w in _FP_WORD.findall(doc.text)]
    raw = shingle_minhash(words, SHINGLE, NUM_PERM, 1).astype("<u4").tobytes()
    return {"minhash": base64.b64encode(raw).decode("ascii"), "num_perm": NUM_PERM, "shingle": SHINGLE}


def minhash_similarity(a: dict[str, Any], b: dict[str, Any]) -> float:
    """Return the estimated Jaccard similarity of two fingerprints."""
    import numpy as np
    x = np.frombuffer(base64.b64decode(a["minhash"]), dtype="<u4")
    y = np.frombuffer(base64.b64decode(b["minhash"]), dtype="<u4")
    return float((x == y).mean())
