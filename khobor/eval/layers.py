"""`khobor eval times|numbers|quotes|article`: span precision, recall and F1 (exact and overlap) of a
layer against khobor gold articles, and the accuracy of values, units and speakers on matched items."""
from __future__ import annotations

import pathlib
import re
from typing import Any

from ..errors import DataError, MissingInput
from .common import PRF, load_gold, unmatched


def _load(data: str, layer: str):
    p = pathlib.Path(data)
    if not p.exists():
        raise MissingInput("no such file or directory; check --data", where=data)
    golds = [g for g in load_gold(p) if layer in g.data]
    if not golds:
        raise DataError(f"no gold article has a {layer!r} annotation", where=data)
    return golds


def _analyze(g):
    import khobor
    return khobor.analyze(g.text, published=g.meta.get("published"), outlet=g.meta.get("outlet"))


def _match(gold: list[dict], pred: list) -> list[tuple[dict, Any]]:
    """Pair gold and predicted spans: exact matches first, then the largest overlaps (one to one)."""
    pairs, used_g, used_p = [], set(), set()
    for gi, g in enumerate(gold):
        for pi, p in enumerate(pred):
            if pi not in used_p and p.start == g["start"] and p.end == g["end"]:
                pairs.append((g, p))
                used_g.add(gi)
                used_p.add(pi)
                break
    cands = []
    for gi, g in enumerate(gold):
        if gi in used_g:
            continue
        for pi, p in enumerate(pred):
            if pi in used_p:
                continue
            ov = min(g["end"], p.end) - max(g["start"], p.start)
            if ov > 0:
                cands.append((-ov, gi, pi))
    for _, gi, pi in sorted(cands):
        if gi not in used_g and pi not in used_p:
            pairs.append((gold[gi], pred[pi]))
            used_g.add(gi)
            used_p.add(pi)
    return pairs


_DURATION = re.compile(r"P(?:(\d+(?:\.\d+)?)Y)?(?:(\d+(?:\.\d+)?)M)?(?:(\d+(?:\.\d+)?)W)?(?:(\d+(?:\.\d+)?)D)?"
                       r"(?:T?(?:(\d+(?:\.\d+)?)H)?(?:(\d+(?:\.\d+)?)M)?(?:(\d+(?:\.\d+)?)S)?)?$")


def time_key(v: str | None) -> str | None:
    """Return a comparison key of a time value that ignores notation, not meaning: durations compare
    by length ('P24H' = 'PT24H', 'P2.5H' = 'PT2H30M'), and a range of whole months written with days
    equals the same range written with months ('2024-01-01/2024-04-30' = '2024-01/2024-04')."""
    if v is None:
        return None
    v = v.strip()
    m = _DURATION.match(v)
    if m and v != "P" and any(m.groups()):
        y, mo, w, d, h, mi, s = (float(x) if x else 0.0 for x in m.groups())
        days = y * 365 + mo * 30 + w * 7 + d
        secs = h * 3600 + mi * 60 + s
        return f"dur:{days:g}:{secs:g}"
    if "/" in v:
        a, _, b = v.partition("/")
        if re.fullmatch(r"\d{4}-\d{2}-01", a) and re.fullmatch(r"\d{4}-\d{2}-\d{2}", b):
            import calendar
            y, mo = int(b[:4]), int(b[5:7])
            if int(b[8:10]) == calendar.monthrange(y, mo)[1]:
                return f"{a[:7]}/{b[:7]}"
    return v


def _same_number(a, b) -> bool:
    if a is None or b is None:
        return a is b
    return abs(float(a) - float(b)) <= 1e-6 * max(1.0, abs(float(a)))


def evaluate(task: str, data: str, *, show_errors: int = 0) -> dict[str, Any]:
    """Return the scores of one layer ('times', 'numbers', 'quotes') or of 'article' fields."""
    if task == "article":
        return _evaluate_article(data, show_errors)
    golds = _load(data, task)
    exact, overlap = PRF(), PRF()
    value_ok = value_n = unit_ok = unit_n = 0
    speaker_ok = speaker_n = speaker_id_ok = 0
    errors: list[str] = []
    for g in golds:
        doc = _analyze(g)
        gold = g.data[task]
        pred = getattr(doc, task)
        gs = {(x["start"], x["end"]) for x in gold}
        ps = {(x.start, x.end) for x in pred}
        exact.add(len(gs & ps), len(ps), len(gs))
        pairs = _match(gold, pred)
        overlap.add(len(pairs), len(pred), len(gold))
        for gx, px in pairs:
            if task == "times":
                value_n += 1
                ok = time_key(gx.get("value")) == time_key(px.value)
                value_ok += ok
                if not ok and len(errors) < show_errors:
                    errors.append(f"{g.id}: {gx['text']!r} gold {gx.get('value')} vs {px.text!r} {px.value}")
            elif task == "numbers":
                value_n += 1
                ok = _same_number(gx.get("value"), px.value)
                value_ok += ok
                if gx.get("type") in ("money", "percent"):
                    unit_n += 1
                    unit_ok += gx.get("unit") == px.unit
                if not ok and len(errors) < show_errors:
                    errors.append(f"{g.id}: {gx['text']!r} gold {gx.get('value')} vs {px.text!r} {px.value}")
            elif task == "quotes":
                speaker_n += 1
                ok = _canon(gx.get("speaker")) == _canon(px.speaker)
                speaker_ok += ok
                same = ok or _same_person(g, gx.get("speaker"), px)
                speaker_id_ok += same
                ok = same
                if not ok and len(errors) < show_errors:
                    errors.append(f"{g.id}: {gx['text'][:40]!r} speaker gold {gx.get('speaker')!r} vs {px.speaker!r}")
        if show_errors:
            unmatched(errors, show_errors, gold, pred, pairs, lambda x: f"{g.id}: missed {x['text'][:60]!r}",
                      lambda x: f"{g.id}: wrong {x.text[:60]!r}")
    out: dict[str, Any] = {"task": task, "data": data, "documents": len(golds),
                           "exact": exact.to_dict(), "overlap": overlap.to_dict(), "errors": errors}
    if value_n:
        out["value_accuracy"] = round(value_ok / value_n, 4)
        out["value_matched"] = value_n
    if unit_n:
        out["unit_accuracy_money_percent"] = round(unit_ok / unit_n, 4)
    if speaker_n:
        out["speaker_accuracy"] = round(speaker_id_ok / speaker_n, 4)
        out["speaker_canonical_accuracy"] = round(speaker_ok / speaker_n, 4)
        out["speaker_matched"] = speaker_n
    return out


def _same_person(g, gold_speaker: str | None, q) -> bool:
    """True if the predicted speaker's mention is a gold mention of the gold speaker (right person,
    whatever the spelling of the canonical name)."""
    if gold_speaker is None or q.speaker_start is None:
        return False
    key = _canon(gold_speaker)
    return any(_canon(e["canonical"]) == key and e["start"] < q.speaker_end and q.speaker_start < e["end"]
               for e in g.data.get("entities", []))


def _canon(name: str | None) -> str | None:
    from .ner import canonical_key
    return canonical_key(name) if name else None


def _evaluate_article(data: str, show_errors: int) -> dict[str, Any]:
    golds = _load(data, "source")
    counts = {"source": [0, 0], "dateline_place": [0, 0], "dateline_date": [0, 0], "category": [0, 0]}
    errors = []
    for g in golds:
        doc = _analyze(g)
        art = doc.article
        checks: list[tuple[str, Any, Any]] = []
        src = art.get("source")
        checks.append(("source", g.data["source"].get("agency"), src.get("canonical") if src else None))
        line = art.get("dateline") or {}
        gl = g.data.get("dateline") or {}
        checks.append(("dateline_place", gl.get("place"), line.get("place")))
        checks.append(("dateline_date", gl.get("date"), line.get("date")))
        checks.append(("category", g.meta.get("category"), art.get("category")))
        for name, want, got in checks:
            ok = (_canon(want) == _canon(got)) if name != "dateline_date" else want == got
            counts[name][0] += ok
            counts[name][1] += 1
            if not ok and len(errors) < show_errors:
                errors.append(f"{g.id}: {name} gold {want!r} vs {got!r}")
    return {"task": "article", "data": data, "documents": len(golds),
            **{f"{k}_accuracy": round(a / n, 4) for k, (a, n) in counts.items()}, "errors": errors}


def report(result: dict[str, Any]) -> str:
    """Return a readable report."""
    lines = [f"{result['task']}: {result['data']} ({result['documents']} documents)"]
    for key in ("exact", "overlap"):
        if key in result:
            s = result[key]
            lines.append("  " + PRF(s["tp"], s["pred"], s["gold"]).line(f"spans, {key}"))
    for key, value in result.items():
        if key.endswith("accuracy") or key.endswith("accuracy_money_percent"):
            lines.append(f"  {key.replace('_', ' ')}: {value}")
    for e in result.get("errors", []):
        lines.append("  -- " + e)
    return "\n".join(lines)
