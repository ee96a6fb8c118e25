"""`khobor eval summary`: ROUGE-1, ROUGE-2 and ROUGE-L F1 of khobor's extractive summaries and of
the lead-3 baseline against reference summaries (BNLPC: three human references per article)."""
from __future__ import annotations

import json
import pathlib
import re
from collections import Counter
from typing import Any

from ..errors import DataError, MissingInput
from ..normalize import normalize, search_key

_WORD = re.compile(r"[\u0980-\u09ffA-Za-z0-9\u200c\u200d]+")


def words(text: str) -> list[str]:
    """Return the comparison words of a text (search keys of its word tokens)."""
    return [search_key(w) for w in _WORD.findall(normalize(text))]


def _prf(overlap: int, pred: int, ref: int) -> float:
    if not overlap or not pred or not ref:
        return 0.0
    p, r = overlap / pred, overlap / ref
    return 2 * p * r / (p + r)


def rouge_n(pred: list[str], ref: list[str], n: int) -> float:
    """Return ROUGE-N F1 (clipped n-gram overlap)."""
    a = Counter(tuple(pred[i:i + n]) for i in range(len(pred) - n + 1))
    b = Counter(tuple(ref[i:i + n]) for i in range(len(ref) - n + 1))
    return _prf(sum((a & b).values()), sum(a.values()), sum(b.values()))


def rouge_l(pred: list[str], ref: list[str]) -> float:
    """Return ROUGE-L F1 (longest common subsequence)."""
    if not pred or not ref:
        return 0.0
    prev = [0] * (len(ref) + 1)
    for x in pred:
        cur = [0] * (len(ref) + 1)
        for j, y in enumerate(ref, 1):
            cur[j] = prev[j - 1] + 1 if x == y else max(prev[j], cur[j - 1])
        prev = cur
    return _prf(prev[-1], len(pred), len(ref))


def scores(pred_text: str, refs: list[str]) -> dict[str, float]:
    """Return mean ROUGE-1/2/L F1 of a summary over its references."""
    p = words(pred_text)
    out = {"rouge1": 0.0, "rouge2": 0.0, "rougeL": 0.0}
    for r in refs:
        rw = words(r)
        out["rouge1"] += rouge_n(p, rw, 1) / len(refs)
        out["rouge2"] += rouge_n(p, rw, 2) / len(refs)
        out["rougeL"] += rouge_l(p, rw) / len(refs)
    return out


def evaluate(data: str, *, show_errors: int = 0) -> dict[str, Any]:
    """Score khobor's summaries and lead-3 on a JSON Lines file of {article, references, title}."""
    import khobor
    p = pathlib.Path(data)
    if not p.exists():
        raise MissingInput("no such file; check --data (e.g. ../shared/data/summ-bnlpc/dataset1.jsonl)", where=data)
    rows = []
    with p.open(encoding="utf-8") as fh:
        for n, line in enumerate(fh, 1):
            if not line.strip():
                continue
            try:
                d = json.loads(line)
                rows.append((d.get("id", str(n)), d["article"], d.get("title"), list(d["references"])))
            except (ValueError, KeyError, TypeError):
                raise DataError(f"line {n} is not an object with 'article' and 'references'", where=data) from None
    if not rows:
        raise DataError("holds no articles", where=data)
    pipeline = khobor.load()
    total = {"khobor": Counter(), "lead3": Counter()}
    examples = []
    for rid, article, title, refs in rows:
        doc = pipeline.process(article, title=title)
        sents = [s.text for s in doc.sentences]
        ours = " ".join(sents[i] for i in doc.article.get("summary", []))
        lead = " ".join(sents[:3])
        for name, text in (("khobor", ours), ("lead3", lead)):
            total[name].update(scores(text, refs))
        if len(examples) < show_errors:
            examples.append({"id": rid, "summary": doc.article.get("summary")})
    n = len(rows)
    return {"task": "summary", "data": data, "documents": n,
            "khobor": {k: round(v / n, 4) for k, v in total["khobor"].items()},
            "lead3": {k: round(v / n, 4) for k, v in total["lead3"].items()}, "examples": examples}


def report(result: dict[str, Any]) -> str:
    """Return a readable report."""
    lines = [f"summary: {result['data']} ({result['documents']} documents; mean F1 over the references)"]
    for name in ("khobor", "lead3"):
        s = result[name]
        lines.append(f"  {name:<8} ROUGE-1 {s['rouge1']:.4f}  ROUGE-2 {s['rouge2']:.4f}  ROUGE-L {s['rougeL']:.4f}")
    for e in result.get("examples", []):
        lines.append(f"  -- {e['id']}: sentences {e['summary']}")
    return "\n".join(lines)
