"""The built-in foundation steps: normalize and segment."""
from __future__ import annotations

from .document import Document, Span
from .normalize import normalize
from .pipeline import register
from .segment import segment


@register("normalize", requires=("raw",), provides=("text",))
def make_normalize():
    """Return a step that replaces doc.text with its canonical form."""
    def normalize_step(doc: Document) -> None:
        doc.text = normalize(doc.raw)
    return normalize_step


@register("segment", requires=("text",), provides=("paragraphs", "sentences", "tokens"))
def make_segment():
    """Return a step that fills paragraphs, sentences and tokens."""
    def segment_step(doc: Document) -> None:
        paragraphs, sentences, pieces, merges = segment(doc.text)
        doc.paragraphs = [Span(doc, a, b) for a, b in paragraphs]
        doc.sentences = [Span(doc, a, b) for a, b in sentences]
        doc.set_pieces(pieces, merges)
    return segment_step


@register("morph", requires=("tokens",), provides=("lemmas",))
def make_morph():
    """Return a step that sets a lemma for every token (verb lemma, noun base, else the token)."""
    from .morph import lemma

    def morph_step(doc: Document) -> None:
        text = doc.text
        starts, ends = doc.token_offsets
        doc.lemmas = [lemma(text[a:b]) for a, b in zip(starts, ends)]
    return morph_step


@register("entities", requires=("tokens", "lemmas"), provides=("entities",))
def make_entities():
    """Return a step that finds, classifies and links entity mentions (CRF + gazetteer + linking)."""
    from .entities import find_entities, find_entities_many

    def entities_step(doc: Document) -> None:
        doc.entities = find_entities(doc)

    def entities_batch(docs: list[Document]) -> None:
        for doc, found in zip(docs, find_entities_many(docs)):
            doc.entities = found
    entities_step.batch = entities_batch
    return entities_step


def _sentence_tokens(doc: Document):
    """Yield (first token index, words, spaced) of each sentence."""
    for a, _, words, spaced in doc.sentence_words():
        yield a, words, spaced


def _blocked(doc: Document, spans) -> list[bool]:
    """Return, per token, whether it lies inside one of `spans` (objects with start and end)."""
    import bisect
    starts, ends = doc.token_offsets
    out = [False] * len(starts)
    for s in spans:
        k = bisect.bisect_left(starts, s.start)
        while k < len(starts) and starts[k] < s.end:
            out[k] = True
            k += 1
    return out


@register("times", requires=("tokens", "entities"), provides=("times",))
def make_times():
    """Return a step that finds time expressions and resolves them against the publication date
    (else the dateline's date)."""
    from .article import find_dateline
    from .document import TimeMention
    from .times import find_times, reference_date

    def times_step(doc: Document) -> None:
        ref = reference_date(doc.meta.published)
        if ref is None:
            line = find_dateline(doc)
            ref = reference_date(line.get("date") if line else None)
        starts, ends = doc.token_offsets
        blocked = _blocked(doc, [e for e in doc.entities if e.label != "NORP"])
        out = []
        anchored: set[int] = set()
        for a, words, spaced in _sentence_tokens(doc):
            for f in find_times(words, spaced, blocked[a:a + len(words)], ref):
                out.append(TimeMention(doc, starts[a + f.i], ends[a + f.j - 1], f.type, f.value))
                if f.anchor:
                    anchored.add(len(out) - 1)
        _anchor_times_of_day(out, anchored)
        doc.times = out
    return times_step


def _anchor_times_of_day(times, month_anchored: set[int] = frozenset()) -> None:
    """A time of day without a date ('রাতে', 'বিকেল ৪টায়') is on the last day the article named before it."""
    import re
    last = None
    last_month = None
    for n, t in enumerate(times):
        v = t.value
        if v is None:
            continue
        if n in month_anchored:
            # 'গত বছরের একই মাসে': the month the article just spoke of, a year earlier (else the month of
            # publication)
            if last_month is not None:
                t.value = f"{v[:4]}-{last_month}"
            continue
        if t.type == "month" and re.fullmatch(r"\d{4}-\d{2}", v):
            last_month = v[5:7]
        if v.startswith(("SAME", "NEXT", "PREV")):
            kind, rest = v[:4], v[4:]
            if last is not None and kind != "SAME":
                import datetime as dt
                d = dt.date.fromisoformat(last) + dt.timedelta(days=1 if kind == "NEXT" else -1)
                last = d.isoformat()
            t.value = (last + rest) if last is not None else (rest or None)
            continue
        m = re.match(r"(\d{4}-\d{2}-\d{2})", v)
        if m and t.type in ("date", "time"):
            last = m.group(1)
        elif v.startswith("T") and last is not None and t.type in ("time", "range"):
            t.value = last + v if t.type == "time" else "/".join(last + x if x.startswith("T") else x
                                                                  for x in v.split("/"))


@register("numbers", requires=("tokens", "entities", "times"), provides=("numbers",))
def make_numbers():
    """Return a step that finds numbers and amounts (money, percent, counts, measures, ordinals)."""
    from .document import Amount
    from .numbers import find_amounts

    def numbers_step(doc: Document) -> None:
        starts, ends = doc.token_offsets
        blocked = _blocked(doc, list(doc.entities) + list(doc.times))
        out = []
        for a, words, spaced in _sentence_tokens(doc):
            for f in find_amounts(words, spaced, blocked[a:a + len(words)]):
                out.append(Amount(doc, starts[a + f.i], ends[a + f.j - 1], f.kind, f.value, f.unit, f.value_to))
        _ages_in_brackets(doc, out)
        doc.numbers = out
    return numbers_step


def _ages_in_brackets(doc: Document, amounts) -> None:
    """An age in brackets after a person's name, মো. সুমন (২৫), is a count in years."""
    text = doc.text
    for n in amounts:
        if n.kind == "number" and n.start > 0 and text[n.start - 1] == "(" and text[n.end:n.end + 1] == ")" \
                and 0 < n.value < 120:
            before = text[:n.start - 1].rstrip()
            if any(e.label == "PER" and e.end == len(before) for e in doc.entities):
                n.kind, n.unit = "count", "year"


@register("quotes", requires=("sentences", "entities"), provides=("quotes",))
def make_quotes():
    """Return a step that finds direct quotes and attributes them to speakers."""
    from .quotes import find_quotes

    def quotes_step(doc: Document) -> None:
        doc.quotes = find_quotes(doc)
    return quotes_step


@register("article", requires=("sentences", "lemmas", "entities", "numbers"), provides=("article",))
def make_article():
    """Return a step that sets the article-level fields: source, dateline, category, keywords,
    summary (sentence indices) and fingerprint."""
    from .article import categorize, find_dateline, find_source, fingerprint, keywords, summarize

    def article_step(doc: Document) -> None:
        category, _ = categorize(doc)
        doc.article = {"source": find_source(doc), "dateline": find_dateline(doc), "category": category,
                       "keywords": keywords(doc), "summary": summarize(doc), "fingerprint": fingerprint(doc)}
    return article_step


@register("events", requires=("lemmas", "entities", "times"), provides=("events",))
def make_events():
    """Return a step that codes events (PLOVER and CAMEO) with actors, recipients, dates and places."""
    from .events import find_events

    def events_step(doc: Document) -> None:
        doc.events = find_events(doc)
    return events_step
