"""`khobor eval ner`: entity precision, recall and F1 per label (exact span and overlap) and canonical accuracy.

- `--format khobor` (gold articles): the whole entity step (tagger, gazetteer, propagation, linking)
  on each article, scored by character spans; with `--folds K` the tagger is retrained K times on
  contiguous blocks of the other articles (plus `--train-extra` data), never on the scored ones.
- `--format banglakit|conll` (token-level data): scored per sentence; with `--folds K` the tagger is
  retrained on the other contiguous blocks, with label repair, and also scored against the repaired
  labels (which shows how the data's label gaps affect precision and recall).
The micro average is over PER, ORG and LOC/GPE (LOC and GPE merged); NORP is reported per label.
"""
from __future__ import annotations

import os
import pathlib
import re
import tempfile
from collections import defaultdict
from typing import Any

from ..errors import DataError, MissingInput
from ..normalize import normalize
from .common import PRF, load_gold

STEPS = ("normalize", "segment", "morph")
SCORED = ("PER", "ORG", "LOC/GPE")


def _merge(label: str) -> str:
    return "LOC/GPE" if label in ("LOC", "GPE") else label


def canonical_key(name: str) -> str:
    """Return the lenient comparison key of a canonical name: case, periods, hyphens, a trailing
    parenthetical, a trailing 'Upazila', 'District' or 'people', and a final plural 's' are ignored."""
    s = re.sub(r"\s*\([^)]*\)\s*$", "", name or "").replace(".", " ").replace("-", " ").lower()
    s = re.sub(r"\s+(upazila|district|people)$", "", s.strip())
    s = " ".join(s.split())
    return s[:-1] if s.endswith("s") and not s.endswith("ss") else s


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


def _micro(exact: dict[str, PRF]) -> PRF:
    m = PRF()
    for lab in SCORED:
        s = exact.get(lab, PRF())
        m.add(s.tp, s.pred, s.gold)
    return m


def _evaluate_articles(golds, tagger_for, show_errors: int) -> dict[str, Any]:
    import khobor
    from ..entities import find_entities

    pipeline = khobor.load(STEPS)
    exact: dict[str, PRF] = defaultdict(PRF)
    overlap: dict[str, PRF] = defaultdict(PRF)
    canon_ok = canon_n = 0
    errors, canon_errors = [], []
    for n, g in enumerate(golds):
        gold = _gold_entities(g)
        doc = pipeline.process(g.text)
        pred = [(e.start, e.end, _merge(e.label), e.canonical or "") for e in find_entities(doc, tagger_for(n))]
        gset = {(a, b, lab) for a, b, lab, _ in gold}
        pset = {(a, b, lab) for a, b, lab, _ in pred}
        for lab in {x[2] for x in gset | pset}:
            gs = {x for x in gset if x[2] == lab}
            ps = {x for x in pset if x[2] == lab}
            exact[lab].add(len(gs & ps), len(ps), len(gs))
            overlap[lab].add(sum(any(a < d and c < b for c, d, _ in gs) for a, b, _ in ps), len(ps), len(gs))
        gcanon = {(a, b): c for a, b, _, c in gold}
        for a, b, _, c in pred:
            if (a, b) in gcanon:
                canon_n += 1
                ok = canonical_key(c) == canonical_key(gcanon[(a, b)])
                canon_ok += ok
                if not ok and len(canon_errors) < show_errors * 5:
                    canon_errors.append(f"{g.text[a:b]}: {c!r} (gold {gcanon[(a, b)]!r})")
        if show_errors and len(errors) < show_errors and gset != pset:
            errors.append({"id": g.id,
                           "missed": [f"{g.text[a:b]}/{lab}" for a, b, lab in sorted(gset - pset)],
                           "wrong": [f"{g.text[a:b]}/{lab}" for a, b, lab in sorted(pset - gset)]})
    mo = PRF()
    for lab in SCORED:
        s = overlap.get(lab, PRF())
        mo.add(s.tp, s.pred, s.gold)
    return {"micro_exact": _micro(exact).to_dict(), "micro_overlap": mo.to_dict(),
            "per_label_exact": {k: v.to_dict() for k, v in sorted(exact.items())},
            "per_label_overlap": {k: v.to_dict() for k, v in sorted(overlap.items())},
            "canonical_accuracy": round(canon_ok / canon_n, 4) if canon_n else None,
            "canonical_matched": canon_n, "errors": errors, "canonical_errors": canon_errors}


def evaluate(data: str, *, fmt: str = "khobor", folds: int = 0, train_extra: list[tuple[str, str]] = (),
             show_errors: int = 0, log=None, model: str | None = None) -> dict[str, Any]:
    """Return NER scores for `data` (see the module docstring)."""
    from .. import nerdata, nertrain
    from ..ner import Tagger, load_tagger

    p = pathlib.Path(data)
    if not p.exists():
        raise MissingInput("no such file or directory; check --data", where=data)
    head = {"task": "ner", "data": data, "format": fmt, "folds": folds}
    extra: list = []
    for path, f in train_extra:
        samples, _ = nerdata.read(path, f)
        if f != "khobor":
            nerdata.repair(samples)
        extra.extend(samples)
    if fmt == "khobor":
        golds = [g for g in load_gold(p) if "entities" in g.data]
        if not golds:
            raise DataError("no gold article has an 'entities' annotation", where=data)
        head["documents"] = len(golds)
        if not folds:
            head["model"] = _model_note(data) if model is None else model
            tagger = load_tagger(model) if model else None
            return {**head, **_evaluate_articles(golds, lambda n: tagger, show_errors)}
        samples, _ = nerdata.read(p, "khobor")      # block = index of the article in `golds`
        taggers: dict[int, Any] = {}
        with tempfile.TemporaryDirectory() as tmp:
            for k, (train, test) in enumerate(nertrain.folds(samples, folds)):
                if log:
                    log(f"fold {k + 1}/{folds}: training on {len(train)} + {len(extra)} sentences")
                path = os.path.join(tmp, f"fold{k}.crfsuite")
                nertrain.train(train + extra, path)
                tagger = Tagger(path)
                for b in {s.block for s in test}:
                    taggers[b] = tagger
            return {**head, **_evaluate_articles(golds, lambda n: taggers[n], show_errors)}
    samples, skipped = nerdata.read(p, fmt)
    head["sentences"] = len(samples)
    head["skipped_unaligned"] = skipped
    if folds:
        nerdata.repair(samples)
        result = nertrain.cross_validate(samples, folds, extra=extra)
        return {**head, **result}
    from ..recognize import recognize_tags
    tagger = load_tagger(model)
    head["model"] = _model_note(data) if model is None else model
    return {**head, **nertrain.score(samples, [recognize_tags(s.words, s.spaced, tagger) for s in samples])}


def _model_note(data: str) -> str:
    """Say which model scored, and warn when it was trained on the scored data."""
    from ..ner import manifest
    from ..nertrain import _sha256
    m = manifest()
    if not m:
        return "no shipped model: gazetteer only"
    digest = _sha256(pathlib.Path(data))
    trained = any(d.get("sha256") == digest for d in m.get("data", []))
    return ("shipped model (trained " + m.get("trained", "?") + ")"
            + ("; WARNING: it was trained on this data, use --folds for an honest score" if trained else ""))


def report(result: dict[str, Any]) -> str:
    """Return a readable report of `evaluate` output."""
    size = (f"{result['documents']} documents" if "documents" in result
            else f"{result.get('sentences')} sentences, {result.get('skipped_unaligned', 0)} skipped (token count mismatch)")
    how = f"{result['folds']}-fold contiguous cross-validation" if result.get("folds") else result.get("model", "")
    lines = [f"ner: {result['data']} ({result['format']}, {size}; {how})",
             "  micro over PER, ORG, LOC/GPE (LOC and GPE merged)"]

    def block(r: dict[str, Any], indent: str) -> None:
        m = r["micro_exact"]
        lines.append(indent + PRF(m["tp"], m["pred"], m["gold"]).line("micro, exact span"))
        o = r["micro_overlap"]
        lines.append(indent + PRF(o["tp"], o["pred"], o["gold"]).line("micro, overlap"))
        for lab, s in r["per_label_exact"].items():
            lines.append(indent + PRF(s["tp"], s["pred"], s["gold"]).line(f"{lab}, exact"))
        for lab, s in r.get("per_label_overlap", {}).items():
            lines.append(indent + PRF(s["tp"], s["pred"], s["gold"]).line(f"{lab}, overlap"))

    block(result, "  ")
    if "against_original_labels" in result:
        lines.append("  scored against the data's original (unrepaired) labels:")
        block(result["against_original_labels"], "    ")
    if result.get("canonical_accuracy") is not None:
        lines.append(f"  canonical accuracy on exact matches: {result['canonical_accuracy']} "
                     f"({result['canonical_matched']} matched)")
    for e in result.get("errors", []):
        lines.append(f"  -- {e['id']}")
        lines.append("     missed: " + ", ".join(e["missed"]))
        lines.append("     wrong:  " + ", ".join(e["wrong"]))
    for e in result.get("canonical_errors", []):
        lines.append("  canonical: " + e)
    return "\n".join(lines)
