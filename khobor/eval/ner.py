"""`khobor eval ner`: entity precision, recall and F1 per label (exact span and overlap) and canonical accuracy."""
from __future__ import annotations

import pathlib
from collections import defaultdict
from typing import Any

from ..errors import DataError, MissingInput
from ..normalize import normalize
from .common import PRF, load_gold

STEPS = ("normalize", "segment", "morph", "entities")


def _merge(label: str) -> str:
    return "LOC/GPE" if label in ("LOC", "GPE") else label


def _gold_entities(g) -> list[tuple[int, int, str, str]]:
    if "entities" not in g.data:
        raise DataError("has no 'entities' annotation", where=g.id)
    text = normalize(g.text)
    if text != g.text:
        raise DataError("gold text is not normalized; offsets would not match", where=g.id)
    out = []
    for e in g.data["entities"]:
        if text[e["start"]:e["end"]] != e["text"]:
            raise DataError(f"entity {e['text']!r} does not match the text at {e['start']}", where=g.id)
        out.append((e["start"], e["end"], _merge(e["label"]), e.get("canonical") or ""))
    return out


def evaluate(data: str, *, show_errors: int = 0) -> dict[str, Any]:
    """Return NER scores of the default entity pipeline on khobor gold articles with 'entities'."""
    import khobor

    p = pathlib.Path(data)
    if not p.exists():
        raise MissingInput("no such file or directory; check --data", where=data)
    golds = [g for g in load_gold(p) if "entities" in g.data]
    if not golds:
        raise DataError("no gold article has an 'entities' annotation", where=data)
    pipeline = khobor.load(STEPS)
    exact: dict[str, PRF] = defaultdict(PRF)
    overlap = PRF()
    canon_ok = canon_n = 0
    errors = []
    for g in golds:
        gold = _gold_entities(g)
        doc = pipeline.process(g.text)
        pred = [(e.start, e.end, _merge(e.label), e.canonical or "") for e in doc.entities]
        gset = {(a, b, lab) for a, b, lab, _ in gold}
        pset = {(a, b, lab) for a, b, lab, _ in pred}
        for lab in {x[2] for x in gset | pset}:
            gs = {x for x in gset if x[2] == lab}
            ps = {x for x in pset if x[2] == lab}
            exact[lab].add(len(gs & ps), len(ps), len(gs))
        overlap.add(sum(any(a < d and c < b and lab == l2 for c, d, l2, _ in gold) for a, b, lab, _ in pred),
                    len(pred), len(gold))
        gcanon = {(a, b): c for a, b, _, c in gold}
        for a, b, _, c in pred:
            if (a, b) in gcanon:
                canon_n += 1
                canon_ok += c == gcanon[(a, b)]
        if show_errors and len(errors) < show_errors and gset != pset:
            errors.append({"id": g.id,
                           "missed": [f"{g.text[a:b]}/{lab}" for a, b, lab in sorted(gset - pset)],
                           "wrong": [f"{g.text[a:b]}/{lab}" for a, b, lab in sorted(pset - gset)]})
    micro = PRF()
    for s in exact.values():
        micro.add(s.tp, s.pred, s.gold)
    return {"task": "ner", "data": data, "documents": len(golds), "micro_exact": micro.to_dict(),
            "per_label_exact": {k: v.to_dict() for k, v in sorted(exact.items())},
            "micro_overlap": overlap.to_dict(),
            "canonical_accuracy": round(canon_ok / canon_n, 4) if canon_n else None,
            "canonical_matched": canon_n, "errors": errors}


def report(result: dict[str, Any]) -> str:
    """Return a readable report of `evaluate` output."""
    lines = [f"ner: {result['data']} ({result['documents']} documents; LOC and GPE merged)"]
    m = PRF(result["micro_exact"]["tp"], result["micro_exact"]["pred"], result["micro_exact"]["gold"])
    lines.append("  " + m.line("micro, exact span"))
    o = result["micro_overlap"]
    lines.append("  " + PRF(o["tp"], o["pred"], o["gold"]).line("micro, overlap"))
    for lab, s in result["per_label_exact"].items():
        lines.append("  " + PRF(s["tp"], s["pred"], s["gold"]).line(f"{lab}, exact"))
    lines.append(f"  canonical accuracy on exact matches: {result['canonical_accuracy']} "
                 f"({result['canonical_matched']} matched)")
    for e in result["errors"]:
        lines.append(f"  -- {e['id']}")
        lines.append("     missed: " + ", ".join(e["missed"]))
        lines.append("     wrong:  " + ", ".join(e["wrong"]))
    return "\n".join(lines)
