"""The data model: a Document owns the normalized text; sentences, tokens and the rest are span views."""
from __future__ import annotations

import bisect
import hashlib
from typing import Any, Iterator

from .errors import DataError

SCHEMA = "khobor.document/1"

__all__ = ["SCHEMA", "Meta", "Span", "Token", "Entity", "TimeMention", "Amount", "Quote", "Document"]


class Span:
    """A view of `doc.text[start:end]`; it copies nothing and knows its offsets."""

    __slots__ = ("doc", "start", "end")

    def __init__(self, doc: "Document", start: int, end: int):
        self.doc = doc
        self.start = start
        self.end = end

    @property
    def text(self) -> str:
        """Return the covered text."""
        return self.doc.text[self.start:self.end]

    @property
    def tokens(self) -> list["Token"]:
        """Return the tokens that lie inside this span."""
        return self.doc.tokens_in(self.start, self.end)

    def __len__(self) -> int:
        return self.end - self.start

    def __repr__(self) -> str:
        return f"{type(self).__name__}({self.start}, {self.end}, {self.text[:40]!r})"

    def __eq__(self, other: object) -> bool:
        return (isinstance(other, Span) and other.doc is self.doc
                and other.start == self.start and other.end == self.end)

    def __hash__(self) -> int:
        return hash((id(self.doc), self.start, self.end))

    def to_dict(self) -> dict[str, Any]:
        """Return {'start', 'end'}."""
        return {"start": self.start, "end": self.end}


class Token(Span):
    """A token view with its index in the document and, after `morph`, its lemma."""

    __slots__ = ("i",)

    def __init__(self, doc: "Document", start: int, end: int, i: int):
        super().__init__(doc, start, end)
        self.i = i

    @property
    def lemma(self) -> str | None:
        """Return the lemma if the morph step ran, else None."""
        lemmas = self.doc.lemmas
        return lemmas[self.i] if lemmas is not None else None

    def to_dict(self) -> dict[str, Any]:
        """Return {'start', 'end', 'text', 'lemma'}."""
        return {"start": self.start, "end": self.end, "text": self.text, "lemma": self.lemma}


class Entity(Span):
    """A named-entity mention: label (PER ORG LOC GPE NORP), canonical English name, id, country."""

    __slots__ = ("label", "canonical", "kb_id", "country", "source")

    def __init__(self, doc: "Document", start: int, end: int, label: str, canonical: str | None = None,
                 kb_id: str | None = None, country: str | None = None, source: str = ""):
        super().__init__(doc, start, end)
        self.label = label
        self.canonical = canonical
        self.kb_id = kb_id
        self.country = country
        self.source = source

    def to_dict(self) -> dict[str, Any]:
        """Return the contract's entity object."""
        return {"start": self.start, "end": self.end, "text": self.text, "label": self.label,
                "canonical": self.canonical, "id": self.kb_id, "country": self.country}


class TimeMention(Span):
    """A time expression: type (date, month, year, week, range, time, duration, season, other) and
    its value resolved against the publication date (ISO 8601 / TIMEX3 style), or None."""

    __slots__ = ("type", "value")

    def __init__(self, doc: "Document", start: int, end: int, type: str, value: str | None):
        super().__init__(doc, start, end)
        self.type = type
        self.value = value

    def to_dict(self) -> dict[str, Any]:
        """Return the contract's time object."""
        return {"start": self.start, "end": self.end, "text": self.text, "type": self.type, "value": self.value}


class Amount(Span):
    """A number or amount: kind (money, percent, count, measure, ordinal, number), value, unit."""

    __slots__ = ("kind", "value", "unit", "value_to")

    def __init__(self, doc: "Document", start: int, end: int, kind: str, value: float, unit: str | None = None,
                 value_to: float | None = None):
        super().__init__(doc, start, end)
        self.kind = kind
        self.value = value
        self.unit = unit
        self.value_to = value_to

    def to_dict(self) -> dict[str, Any]:
        """Return the contract's number object."""
        d = {"start": self.start, "end": self.end, "text": self.text, "kind": self.kind,
             "value": _plain(self.value), "unit": self.unit}
        if self.value_to is not None:
            d["value_to"] = _plain(self.value_to)
        return d


def _plain(x: float) -> float | int:
    return int(x) if isinstance(x, float) and x.is_integer() and abs(x) < 2 ** 53 else x


class Quote(Span):
    """A direct quote (the words inside the quote marks) with its speaker, when one is found."""

    __slots__ = ("speaker", "speaker_id", "cue", "speaker_start", "speaker_end")

    def __init__(self, doc: "Document", start: int, end: int, speaker: str | None = None,
                 speaker_id: str | None = None, cue: str | None = None, speaker_start: int | None = None,
                 speaker_end: int | None = None):
        super().__init__(doc, start, end)
        self.speaker = speaker
        self.speaker_id = speaker_id
        self.cue = cue
        self.speaker_start = speaker_start
        self.speaker_end = speaker_end

    def to_dict(self) -> dict[str, Any]:
        """Return the contract's quote object."""
        return {"start": self.start, "end": self.end, "text": self.text, "speaker": self.speaker,
                "speaker_id": self.speaker_id, "cue": self.cue,
                "speaker_span": None if self.speaker_start is None else [self.speaker_start, self.speaker_end]}


class Meta:
    """Article metadata: title, url, outlet, publication date (ISO) and language."""

    __slots__ = ("title", "url", "outlet", "published", "language")

    def __init__(self, *, title: str | None = None, url: str | None = None, outlet: str | None = None,
                 published: str | None = None, language: str = "bn"):
        self.title = title
        self.url = url
        self.outlet = outlet
        self.published = published
        self.language = language

    def to_dict(self) -> dict[str, Any]:
        """Return the metadata as a plain dict."""
        return {k: getattr(self, k) for k in self.__slots__}

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> "Meta":
        """Build Meta from a dict, ignoring unknown keys."""
        return cls(**{k: d.get(k) for k in cls.__slots__ if k in d})


class Document:
    """One article: the normalized text, its metadata and every layer the pipeline adds."""

    __slots__ = ("raw", "text", "meta", "id", "layers", "paragraphs", "sentences", "_pieces", "_merges",
                 "_tok_starts", "_tok_ends", "_tokens", "lemmas", "entities", "times", "numbers", "quotes",
                 "events", "article", "warnings", "extra", "_sent_words", "_lemma_keys")

    def __init__(self, text: str, *, meta: Meta | None = None, id: str | None = None):
        self.raw = text
        self.text = text
        self.meta = meta or Meta()
        self.id = id
        self.layers: set[str] = set()
        self.paragraphs: list[Span] = []
        self.sentences: list[Span] = []
        self._pieces: list[str] | None = None
        self._merges: list[tuple[int, int]] | None = None
        self._tok_starts: list[int] | None = None
        self._tok_ends: list[int] | None = None
        self._tokens: list[Token] | None = None
        self.lemmas: list[str] | None = None
        self.entities: list[Entity] = []
        self.times: list[TimeMention] = []
        self.numbers: list[Amount] = []
        self.quotes: list[Quote] = []
        self.events: list[Any] = []            # khobor.events.Event objects (dicts after from_dict)
        self.article: dict[str, Any] = {}      # article-level fields: source, dateline, category, ...
        self.warnings: list[str] = []
        self.extra: dict[str, Any] = {}
        self._sent_words: list | None = None
        self._lemma_keys: list[str] | None = None

    # -- tokens -----------------------------------------------------------------
    def set_pieces(self, pieces: list[str], merges: list[tuple[int, int]] | None = None) -> None:
        """Store the tokenizer's output: contiguous pieces of the text, and ranges to join into one token."""
        self._pieces, self._merges = pieces, merges
        self._tok_starts = self._tok_ends = None
        self._tokens = None
        self._sent_words = None

    def set_token_offsets(self, starts: list[int], ends: list[int]) -> None:
        """Store token offsets directly (used when reading a document back from JSON)."""
        self._pieces = self._merges = None
        self._tok_starts, self._tok_ends = list(starts), list(ends)
        self._tokens = None
        self._sent_words = None

    def _offsets(self) -> tuple[list[int], list[int]]:
        if self._tok_starts is None:
            if self._pieces is None:
                self._tok_starts, self._tok_ends = [], []
            else:
                from .segment import token_offsets
                self._tok_starts, self._tok_ends = token_offsets(self._pieces, self._merges)
        return self._tok_starts, self._tok_ends

    @property
    def token_offsets(self) -> tuple[list[int], list[int]]:
        """Return (starts, ends): parallel lists of token character offsets."""
        return self._offsets()

    @property
    def tokens(self) -> list[Token]:
        """Return all tokens as views (built on first access)."""
        if self._tokens is None:
            starts, ends = self._offsets()
            self._tokens = [Token(self, s, e, i) for i, (s, e) in enumerate(zip(starts, ends))]
        return self._tokens

    def sentence_words(self) -> list[tuple[int, int, list[str], list[bool]]]:
        """Return, per sentence, (first token index, stop, token strings, spaced flags), built once.

        `spaced[k]` is True when token k and k+1 are separated by exactly one space.
        """
        if self._sent_words is None:
            text = self.text
            starts, ends = self._offsets()
            out = []
            for s in self.sentences:
                a = bisect.bisect_left(starts, s.start)
                b = bisect.bisect_right(ends, s.end)
                words = [text[starts[k]:ends[k]] for k in range(a, b)]
                spaced = [ends[k] + 1 == starts[k + 1] and text[ends[k]] == " " for k in range(a, b - 1)] + [False]
                out.append((a, b, words, spaced))
            self._sent_words = out
        return self._sent_words

    def lemma_keys(self) -> list[str]:
        """Return the search key of every token's lemma (built once; empty before the morph step)."""
        if self._lemma_keys is None or len(self._lemma_keys) != len(self.lemmas or []):
            from .normalize import search_key
            self._lemma_keys = [search_key(x) for x in (self.lemmas or [])]
        return self._lemma_keys

    def tokens_in(self, start: int, end: int) -> list[Token]:
        """Return the tokens that lie inside [start, end)."""
        starts, ends = self._offsets()
        lo = bisect.bisect_left(starts, start)
        hi = bisect.bisect_right(ends, end, lo)
        return self.tokens[lo:hi]

    def char_span(self, start: int, end: int) -> Span:
        """Return a span view for [start, end) after checking the offsets."""
        if not 0 <= start <= end <= len(self.text):
            raise DataError(f"span {start}:{end} is outside the text (length {len(self.text)})")
        return Span(self, start, end)

    def sentence_of(self, offset: int) -> int:
        """Return the index of the sentence holding character `offset` (or the nearest before it)."""
        starts = [s.start for s in self.sentences]
        return max(0, bisect.bisect_right(starts, offset) - 1)

    def __iter__(self) -> Iterator[Span]:
        return iter(self.sentences)

    def __repr__(self) -> str:
        return f"Document(id={self.id!r}, chars={len(self.text)}, sentences={len(self.sentences)})"

    # -- JSON -------------------------------------------------------------------
    def to_dict(self, *, tokens: bool = False) -> dict[str, Any]:
        """Return the document as a dict following the khobor.document/1 contract."""
        d: dict[str, Any] = {
            "schema": SCHEMA,
            "id": self.id or content_id(self.text),
            "text": self.text,
            "meta": self.meta.to_dict(),
            "paragraphs": [p.to_dict() for p in self.paragraphs],
            "sentences": [{"start": s.start, "end": s.end, "text": s.text} for s in self.sentences],
        }
        if tokens:
            d["tokens"] = [t.to_dict() for t in self.tokens]
        if "entities" in self.layers:
            d["entities"] = [e.to_dict() for e in self.entities]
        for layer in ("times", "numbers", "quotes"):
            if layer in self.layers:
                d[layer] = [x.to_dict() for x in getattr(self, layer)]
        if "events" in self.layers:
            d["events"] = [e.to_dict(self) if hasattr(e, "to_dict") else e for e in self.events]
        d.update(self.article)
        for key, value in self.extra.items():
            d[key] = value.to_dict() if hasattr(value, "to_dict") else value
        d["warnings"] = list(self.warnings)
        return d

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> "Document":
        """Rebuild a Document from `to_dict` output (checks schema and offsets)."""
        if d.get("schema") != SCHEMA:
            raise DataError(f"schema is {d.get('schema')!r}, expected {SCHEMA!r}; re-run khobor analyze")
        text = d.get("text")
        if not isinstance(text, str):
            raise DataError("document has no 'text' string")
        doc = cls(text, meta=Meta.from_dict(d.get("meta") or {}), id=d.get("id"))
        doc.paragraphs = [doc.char_span(p["start"], p["end"]) for p in d.get("paragraphs", [])]
        doc.sentences = [doc.char_span(s["start"], s["end"]) for s in d.get("sentences", [])]
        doc.layers.update({"text", "paragraphs", "sentences"})
        if "tokens" in d:
            toks = d["tokens"]
            for t in toks:
                doc.char_span(t["start"], t["end"])
            doc.set_token_offsets([t["start"] for t in toks], [t["end"] for t in toks])
            if toks and all(t.get("lemma") is not None for t in toks):
                doc.lemmas = [t["lemma"] for t in toks]
            doc.layers.add("tokens")
        if "entities" in d:
            for e in d["entities"]:
                doc.char_span(e["start"], e["end"])
            doc.entities = [Entity(doc, e["start"], e["end"], e["label"], e.get("canonical"), e.get("id"),
                                   e.get("country")) for e in d["entities"]]
            doc.layers.add("entities")
        if "times" in d:
            doc.times = [TimeMention(doc, *_span(doc, x), x.get("type") or "other", x.get("value")) for x in d["times"]]
            doc.layers.add("times")
        if "numbers" in d:
            doc.numbers = [Amount(doc, *_span(doc, x), x.get("kind") or "number", x.get("value"), x.get("unit"),
                                  x.get("value_to")) for x in d["numbers"]]
            doc.layers.add("numbers")
        if "quotes" in d:
            doc.quotes = []
            for x in d["quotes"]:
                sp = x.get("speaker_span") or [None, None]
                doc.quotes.append(Quote(doc, *_span(doc, x), x.get("speaker"), x.get("speaker_id"), x.get("cue"),
                                        sp[0], sp[1]))
            doc.layers.add("quotes")
        if "events" in d:
            doc.events = list(d["events"])
            doc.layers.add("events")
        for key in ARTICLE_FIELDS:
            if key in d:
                doc.article[key] = d[key]
        known = {"schema", "id", "text", "meta", "paragraphs", "sentences", "tokens", "entities", "times",
                 "numbers", "quotes", "events", "warnings", *ARTICLE_FIELDS}
        doc.extra = {k: v for k, v in d.items() if k not in known}
        doc.warnings = list(d.get("warnings", []))
        return doc


ARTICLE_FIELDS = ("source", "dateline", "category", "keywords", "summary", "fingerprint")


def _span(doc: "Document", x: dict[str, Any]) -> tuple[int, int]:
    doc.char_span(x["start"], x["end"])
    return x["start"], x["end"]


def content_id(text: str) -> str:
    """Return a stable id for a text: the first 16 hex digits of its SHA-1."""
    return hashlib.sha1(text.encode("utf-8")).hexdigest()[:16]
