"""`khobor eval sentences`: sentence segmentation against gold articles or rejoined banglakit sentences."""
from __future__ import annotations

import json
import pathlib
from typing import Any, Iterator

from ..errors import DataError, MissingInput
from ..normalize import normalize
from ..segment import paragraph_spans, sentence_spans
from .common import PRF, align, load_gold

#: Paragraph lengths (in sentences) used, in turn, to rejoin consecutive banglakit sentences.
REJOIN_CYCLE = (3, 5, 2, 6, 4, 7, 1)


def _predict(text: str) -> list[tuple[int, int]]:
    spans: list[tuple[int, int]] = []
    for a, b in paragraph_spans(text):
        spans.extend(sentence_spans(text, a, b))
    return spans


def banglakit_paragraphs(path: pathlib.Path) -> Iterator[tuple[str, list[str]]]:
    """Yield (paragraph text, its sentences): consecutive banglakit sentences rejoined with one space."""
    sentences = []
    with path.open(encoding="utf-8") as fh:
        for n, line in enumerate(fh, 1):
            try:
                row = json.loads(line)
                sentences.append(normalize(row[0]))
            except (ValueError, IndexError, TypeError):
                raise DataError(f"line {n} is not a banglakit row [text, tags]", where=str(path)) from None
    i = k = 0
    while i < len(sentences):
        size = REJOIN_CYCLE[k % len(REJOIN_CYCLE)]
        group = [s for s in sentences[i:i + size] if s]
        if group:
            yield " ".join(group), group
        i += size
        k += 1


def evaluate(data: str, *, show_errors: int = 0) -> dict[str, Any]:
    """Return sentence P/R/F1 for `data`: a gold directory/file, or a banglakit .jsonl file."""
    p = pathlib.Path(data)
    if not p.exists():
        raise MissingInput("no such file or directory; check --data", where=data)
    score = PRF()
    errors: list[dict[str, Any]] = []
    if p.suffix == ".jsonl":
        kind = "banglakit"
        items = ((f"para-{i}", text, align(text, sents, where=data))
                 for i, (text, sents) in enumerate(banglakit_paragraphs(p)))
    else:
        kind = "gold"
        items = []
        for g in load_gold(p):
            text = normalize(g.text)
            items.append((g.id, text, align(text, g.sentences, where=g.id)))
    docs = 0
    for gid, text, gold in items:
        docs += 1
        pred = _predict(text)
        gs, ps = set(gold), set(pred)
        score.add(len(gs & ps), len(ps), len(gs))
        if show_errors and len(errors) < show_errors and gs != ps:
            errors.append({"id": gid,
                           "missed": [text[a:b] for a, b in sorted(gs - ps)],
                           "wrong": [text[a:b] for a, b in sorted(ps - gs)]})
    return {"task": "sentences", "data": data, "format": kind, "documents": docs, "sentences": score.to_dict(),
            "errors": errors}


def report(result: dict[str, Any]) -> str:
    """Return a readable report of `evaluate` output."""
    s = result["sentences"]
    lines = [f"sentences: {result['data']} ({result['format']}, {result['documents']} documents)",
             f"  precision {s['precision']:.4f}  recall {s['recall']:.4f}  F1 {s['f1']:.4f}  "
             f"(tp {s['tp']}, predicted {s['pred']}, gold {s['gold']})"]
    for e in result["errors"]:
        lines.append(f"  -- {e['id']}")
        lines.extend(f"     missed: {m}" for m in e["missed"])
        lines.extend(f"     wrong:  {w}" for w in e["wrong"])
    return "\n".join(lines)
