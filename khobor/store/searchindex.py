"""Morphology-aware search over the store (docs/store.md).

The FTS5 table `article_fts` indexes, per article, the search keys of the lemmas of its title and
body words and the names of its entities (Bengali and English), with the 'ascii' tokenizer (every
non-ASCII character is part of a token, so Bengali keys stay whole). A query word is reduced the same
way, so 'রাশিয়া' finds 'রাশিয়ার' and 'রাশিয়াকে' (one lemma), precomposed and decomposed nukta letters and
spelling variants meet in the search key (normalize.search_key), and a Latin word is looked up
among the English names ('Putin' finds 'পুতিন'). Ranking is FTS5's BM25 (title weighted 3, names 2,
body 1); snippets are cut from the stored text around the densest run of hits.
"""
from __future__ import annotations

import functools
import re
import sqlite3
from dataclasses import dataclass, field
from typing import Any

from ..document import Document
from ..errors import QueryError
from ..normalize import normalize, search_key

__all__ = ["index_row", "word_key", "search", "Hit", "SearchResult", "parse_query"]

_WORD = re.compile(r"[\u0980-\u09ff\u200c\u200dA-Za-z0-9\u09e6-\u09ef]+")
_LATIN = re.compile(r"^[A-Za-z0-9]+$")
_TERM = re.compile(r'"([^"]+)"|(\S+)')
_SPACE_RUN = re.compile(r"\s+")


@functools.lru_cache(maxsize=200_000)
def word_key(word: str) -> str:
    """Return the search key of a word's lemma ('রাশিয়াকে' → the key of 'রাশিয়া')."""
    from ..morph import lemma
    w = normalize(word)
    return search_key(lemma(w)) if not _LATIN.match(w) else w.lower()


def _keys(text: str | None) -> str:
    return " ".join(word_key(w) for w in _WORD.findall(text or ""))


LABELS = ("PER", "ORG", "LOC", "GPE", "NORP")


def slug(value: str) -> str:
    """Return a value as one index token: search key letters and digits only ('Prothom Alo' → 'prothomalo')."""
    return re.sub(r"[\W_]", "", search_key(value or ""))


def _months(date: str | None) -> list[str]:
    return [f"y{date[:4]}", f"m{date[:4]}{date[5:7]}"] if date and len(date) >= 7 else []


def index_row(doc: Document, entities: list[tuple[str, str]],
              mention_keys: list[str] | None = None) -> tuple[str, str, str, str]:
    """Return the (title, body, entities, facets) columns of an article's index row.

    entities: the word keys of each distinct mention and the words of each English name
    (`entities`: (canonical, label) pairs), each word prefixed by the label ('perপুতিন', 'perputin'),
    so a name, or a name of a given kind, is a phrase query; facets: outlet, source, category, year and
    month, and event types, CAMEO codes and roots, as tokens ('oprothomalo', 'evcoerce', 'cm173',
    'rt17', 'y2025', 'm202503'), so filters are index lookups too. `mention_keys`: the word keys of
    each entity mention, if already computed.
    """
    from .db import mention_key
    if doc.lemmas is not None:
        body = " ".join(filter(None, doc.lemma_keys()))     # punctuation has an empty key
    else:
        body = _keys(doc.text)
    if mention_keys is None:
        mention_keys = [mention_key(doc, e.start, e.end) for e in doc.entities]
    ents = dict.fromkeys(" ".join(e.label.lower() + k for k in key.split())
                         for e, key in zip(doc.entities, mention_keys))
    ents.update(dict.fromkeys(" ".join(label.lower() + w.lower() for w in _WORD.findall(canonical))
                              for canonical, label in entities))
    art = doc.article or {}
    facets = [f"o{slug(doc.meta.outlet)}" if doc.meta.outlet else "",
              f"s{slug((art.get('source') or {}).get('canonical') or '')}" if art.get("source") else "",
              f"c{slug(art.get('category') or '')}" if art.get("category") else "", *_months(doc.meta.published)]
    for ev in doc.events:
        facets += [f"ev{ev.type.lower()}", f"cm{ev.cameo}", f"rt{ev.cameo[:2]}"]
    return _keys(doc.meta.title), body, " ".join(ents), " ".join(dict.fromkeys(f for f in facets if f))


@dataclass
class Term:
    """One query term: a word or a quoted phrase, as keys."""

    text: str
    keys: list[str]
    latin: bool


def parse_query(query: str) -> list[Term]:
    """Split a query into words and "quoted phrases" and reduce each to search keys."""
    terms = []
    for m in _TERM.finditer(query or ""):
        raw = m.group(1) or m.group(2)
        words = _WORD.findall(raw)
        if not words:
            continue
        terms.append(Term(raw, [word_key(w) for w in words], all(_LATIN.match(w) for w in words)))
    return terms


def _fts_string(keys: list[str]) -> str:
    return '"' + " ".join(keys).replace('"', '""') + '"'


def match_expression(terms: list[Term]) -> str:
    """Return the FTS5 MATCH expression: every term must match; a Bengali term in title or body, a
    Latin one in an English name of any label (or, for a word such as 'COVID', in the text)."""
    parts = []
    for t in terms:
        phrase = _fts_string(t.keys)
        if t.latin:
            parts.append(f"(({{title body}} : {phrase}) OR {_name_match(t.keys, None)})")
        else:
            parts.append(f"({{title body}} : {phrase})")
    return " AND ".join(parts)


@dataclass
class Hit:
    id: int
    title: str | None
    published: str | None
    outlet: str | None
    url: str | None
    category: str | None
    cluster_id: int | None
    score: float
    snippet: str
    highlights: list[tuple[int, int]] = field(default_factory=list)

    def to_dict(self) -> dict[str, Any]:
        return {"id": self.id, "title": self.title, "published": self.published, "outlet": self.outlet,
                "url": self.url, "category": self.category, "cluster_id": self.cluster_id,
                "score": round(self.score, 4), "snippet": self.snippet,
                "highlights": [list(h) for h in self.highlights]}


@dataclass
class SearchResult:
    query: str
    total: int                   # hits, counted up to COUNT_CAP
    hits: list[Hit]
    exact: bool = True           # False: there are more than COUNT_CAP hits

    def to_dict(self) -> dict[str, Any]:
        return {"query": self.query, "total": self.total, "total_exact": self.exact,
                "hits": [h.to_dict() for h in self.hits]}


RANK_WINDOW = 5000       # hits ranked by BM25: the most recently stored ones
COUNT_CAP = 10000        # hits counted exactly

_DATE = re.compile(r"^\d{4}(-\d{2}(-\d{2})?)?$")


_ID = re.compile(r"^(Q\d+|khobor:[a-z]+:[\w-]+)$")


def _phrase(prefix: str, keys: list[str]) -> str:
    return _fts_string([prefix + k for k in keys])


def _name_match(words: list[str], label: str | None) -> str:
    """FTS condition: these name words, as a phrase, in a mention (or English name) of `label` (any)."""
    keys = [word_key(w) for w in words]
    labels = [label] if label else LABELS
    return "(entities : (" + " OR ".join(_phrase(lab.lower(), keys) for lab in labels) + "))"


def _date_tokens(date_from: str | None, date_to: str | None) -> str | None:
    """A coarse FTS condition for a date range (the years, or months, it covers); None if unbounded or wide."""
    if not date_from or not date_to:
        return None
    y0, y1 = int(date_from[:4]), int(date_to[:4])
    if y1 < y0 or y1 - y0 > 30:
        return None
    if y0 == y1 and len(date_from) >= 7 and len(date_to) >= 7:
        m0, m1 = int(date_from[5:7]), int(date_to[5:7])
        tokens = [f"m{y0}{m:02d}" for m in range(m0, m1 + 1)]
    else:
        tokens = [f"y{y}" for y in range(y0, y1 + 1)]
    return "(facets : (" + " OR ".join(tokens) + "))" if tokens else None


@dataclass
class Plan:
    """How to run a search: FTS conditions (ANDed), SQL conditions with their parameters."""

    fts: list[str] = field(default_factory=list)
    where: list[str] = field(default_factory=list)
    params: list[Any] = field(default_factory=list)
    ranked: bool = False               # word terms to rank by BM25


def plan(conn: sqlite3.Connection, terms: list[Term], *, entity: str | None, label: str | None,
         date_from: str | None, date_to: str | None, outlet: str | None, event: str | None) -> Plan:
    """Turn words and filters into FTS conditions where the index can answer (everything but exact
    date bounds and entity ids) and SQL conditions for the rest."""
    p = Plan(ranked=bool(terms))
    if terms:
        p.fts.append(match_expression(terms))
    for name, value in (("--from", date_from), ("--to", date_to)):
        if value and not _DATE.match(value):
            raise QueryError(f"{name} {value!r} is not a date; use YYYY-MM-DD (or YYYY-MM, YYYY)")
    if date_from:
        p.where.append("a.published >= ?")
        p.params.append(date_from)
    if date_to:
        p.where.append("a.published <= ?")
        p.params.append(date_to + ("-99" if len(date_to) < 10 else ""))
    coarse = _date_tokens(date_from, date_to)
    if coarse and (terms or entity or outlet or event):
        p.fts.append(coarse)
    if outlet:
        p.fts.append(f'(facets : "o{slug(outlet)}")')
    if event:
        e = event.strip()
        token = f"ev{e.lower()}" if e.isalpha() else (f"rt{e}" if len(e) == 2 else f"cm{e}")
        if not re.fullmatch(r"[a-z0-9]+", token):
            raise QueryError(f"--event {event!r} is neither a PLOVER type (COERCE) nor a CAMEO code (173, 17)")
        p.fts.append(f'(facets : "{token}")')
    label = label.upper() if label else None
    if label and label not in LABELS:
        raise QueryError(f"--label {label!r} is not an entity label; use PER, ORG, LOC, GPE or NORP")
    if entity:
        if _ID.match(entity.strip()):
            p.where.append("a.id IN (SELECT m.article_id FROM mentions m JOIN entities e ON e.id = m.entity_id "
                           "WHERE e.kb_id = ?" + (" AND e.label = ?" if label else "") + ")")
            p.params += [entity.strip()] + ([label] if label else [])
        else:
            words = _WORD.findall(entity)
            if not words:
                raise QueryError(f"--entity {entity!r} has no name in it")
            p.fts.append(_name_match(words, label))
    elif label:
        # the query's words must name an entity of that label ('হাসিনা --label PER')
        for t in terms:
            p.fts.append(_name_match(_WORD.findall(t.text), label))
        if not terms:
            p.fts.append(f"(entities : {label.lower()}*)")
    if not p.fts and not p.where:
        raise QueryError("empty query; give words to search for, or a filter such as --entity or --event")
    return p


def search(conn: sqlite3.Connection, query: str, *, entity: str | None = None, label: str | None = None,
           date_from: str | None = None, date_to: str | None = None, outlet: str | None = None,
           event: str | None = None, limit: int = 10, offset: int = 0) -> SearchResult:
    """Return the articles matching `query` and the filters, best first (newest first without words)."""
    terms = parse_query(query)
    p = plan(conn, terms, entity=entity, label=label, date_from=date_from, date_to=date_to, outlet=outlet,
             event=event)
    cols = "a.id, a.title, a.published, a.outlet, a.url, a.category, a.cluster_id"
    if p.fts:
        base = "FROM article_fts f JOIN articles a ON a.id = f.rowid WHERE article_fts MATCH ?" + \
            "".join(" AND " + w for w in p.where)
        args = [" AND ".join(p.fts), *p.params]
        # rank the RANK_WINDOW most recently stored hits: a word found in half the corpus is ranked in
        # milliseconds instead of scoring every match (docs/store.md)
        score = "bm25(article_fts, 3.0, 1.0, 2.0, 0.0)" if p.ranked else "0.0"
        order = "s.score, a.id DESC" if p.ranked else "a.published DESC, a.id DESC"
        sql = (f"SELECT {cols}, s.score FROM (SELECT f.rowid AS id, {score} AS score {base} "
               f"ORDER BY f.rowid DESC LIMIT {RANK_WINDOW}) s JOIN articles a ON a.id = s.id "
               f"ORDER BY {order} LIMIT ? OFFSET ?")
    else:
        base = "FROM articles a WHERE " + " AND ".join(p.where)
        args = list(p.params)
        sql = f"SELECT {cols}, 0.0 AS score {base} ORDER BY a.published DESC, a.id DESC LIMIT ? OFFSET ?"
    try:
        rows = conn.execute(sql, [*args, limit, offset]).fetchall()
        total = conn.execute(f"SELECT count(*) FROM (SELECT 1 {base} LIMIT {COUNT_CAP + 1})", args).fetchone()[0]
    except sqlite3.OperationalError as exc:
        raise QueryError(f"the query cannot be run ({exc}); simplify it") from None
    keys = {k for t in terms for k in t.keys}
    names = [" ".join(t.keys) for t in terms if t.latin]
    hits = []
    for r in rows:
        text = conn.execute("SELECT text FROM articles WHERE id = ?", (r[0],)).fetchone()[0]
        spans = [tuple(x) for n in names for x in conn.execute(
            "SELECT m.start, m.end FROM mentions m JOIN entities e ON e.id = m.entity_id WHERE m.article_id = ? "
            "AND (' ' || lower(e.canonical) || ' ') LIKE ?", (r[0], f"% {n} %"))]
        snippet, marks = make_snippet(text, keys, extra=spans)
        hits.append(Hit(*r[:7], score=-float(r[7]), snippet=snippet, highlights=marks))
    return SearchResult(query, min(total, COUNT_CAP), hits, exact=total <= COUNT_CAP)


def make_snippet(text: str, keys: set[str], width: int = 160,
                 extra: list[tuple[int, int]] = ()) -> tuple[str, list[tuple[int, int]]]:
    """Return a window of `text` of about `width` characters around the densest run of words whose
    keys are in `keys` (and of the `extra` spans: mentions of a name searched in English), and the hit
    spans inside it."""
    hits = [(m.start(), m.end()) for m in _WORD.finditer(text) if word_key(m.group()) in keys] if keys else []
    merged: list[tuple[int, int]] = []
    for s, e in sorted(set(hits) | set(extra)):              # overlapping hits become one
        if merged and s < merged[-1][1]:
            merged[-1] = (merged[-1][0], max(e, merged[-1][1]))
        else:
            merged.append((s, e))
    hits = merged
    if not hits:
        end = min(len(text), width)
        return text[:end].replace("\n", " ") + ("…" if end < len(text) else ""), []
    best, best_n = hits[0][0], 0
    j = 0
    for i, (s, _) in enumerate(hits):
        while hits[j][0] < s - width // 2:
            j += 1
        if i - j + 1 > best_n:
            best, best_n = hits[j][0], i - j + 1
    start = max(0, best - width // 4)
    space = text.rfind(" ", 0, start)
    start = 0 if start == 0 or space == -1 else space + 1
    end = min(len(text), start + width)
    space = text.find(" ", end)
    end = len(text) if space == -1 or space - end > 20 else space
    prefix = "…" if start > 0 else ""
    out, marks, pos = [prefix], [], len(prefix)
    inside = {(s, e) for s, e in hits if s >= start and e <= end}
    cuts = sorted({start, end, *(x for span in inside for x in span)})
    for a, b in zip(cuts, cuts[1:]):                 # white space runs become one space; hits keep their place
        piece = _SPACE_RUN.sub(" ", text[a:b])
        if (a, b) in inside:
            marks.append((pos, pos + len(piece)))
        out.append(piece)
        pos += len(piece)
    return "".join(out) + ("…" if end < len(text) else ""), marks
