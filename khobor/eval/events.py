"""`khobor eval events`: precision, recall and F1 of (actor, CAMEO root, recipient) per sentence, and of
(actor, PLOVER type, recipient), against gold events (docs/annotation.md); date and location accuracy
on matched events. Mutual actions (talks, agreements, clashes: MUTUAL_CAMEO) match in either direction."""
from __future__ import annotations

import pathlib
from typing import Any

from ..errors import DataError, MissingInput
from .common import PRF, load_gold, unmatched
from .ner import canonical_key


def _party_match(g: dict | None, p: dict | None, strict: bool = True) -> bool:
    if not strict and (g is None or g.get("start") is None) and (p is None or p.get("id") is None):
        return True                  # an unnamed participant ('three suspects') is not scored
    if g is None or p is None:
        return g is None and p is None
    if g.get("start") is not None and p.get("start") is not None:
        if g["start"] < p["end"] and p["start"] < g["end"]:
            return True
    if g.get("canonical") and p.get("canonical") and canonical_key(g["canonical"]) == canonical_key(p["canonical"]):
        return True
    return bool(g.get("code") and p.get("code") and g.get("start") is None and g["code"] == p["code"])


# Mutual actions have no direction: 'A and B talked' is the same event as 'B and A talked'.
MUTUAL_CAMEO = frozenset({"040", "041", "046", "030", "057", "190", "193"})


def _parties_match(g: dict, p: dict, strict: bool) -> bool:
    return _party_match(g.get("actor"), p.get("actor"), strict) and \
        _party_match(g.get("recipient"), p.get("recipient"), strict)


def _swapped(p: dict) -> dict:
    return {**p, "actor": p.get("recipient"), "recipient": p.get("actor")}


def _match(gold: list[dict], pred: list[dict], key: str, strict: bool = True) -> list[tuple[dict, dict]]:
    pairs, used = [], set()
    for g in gold:
        for k, p in enumerate(pred):
            if k in used or p["sentence"] != g["sentence"]:
                continue
            same = (p["cameo"][:2] == g["cameo"][:2]) if key == "root" else (p["type"] == g["type"])
            if same and (_parties_match(g, p, strict) or
                         g["cameo"] in MUTUAL_CAMEO and _parties_match(g, _swapped(p), strict)):
                pairs.append((g, p))
                used.add(k)
                break
    return pairs


def evaluate(data: str, *, show_errors: int = 0) -> dict[str, Any]:
    """Return event scores of the default pipeline on gold articles with 'events'."""
    import khobor
    p = pathlib.Path(data)
    if not p.exists():
        raise MissingInput("no such file or directory; check --data", where=data)
    golds = [g for g in load_gold(p) if "events" in g.data]
    if not golds:
        raise DataError("no gold article has an 'events' annotation", where=data)
    root, typ, trig, named = PRF(), PRF(), PRF(), PRF()
    date_ok = loc_ok = loc_n = 0
    matched = 0
    errors: list[str] = []
    per_category: dict[str, PRF] = {}
    for g in golds:
        doc = khobor.analyze(g.text, published=g.meta.get("published"), outlet=g.meta.get("outlet"))
        pred = [e.to_dict(doc) for e in doc.events]
        gold = g.data["events"]
        pr = _match(gold, pred, "root")
        root.add(len(pr), len(pred), len(gold))
        per_category.setdefault(g.meta.get("category") or "other", PRF()).add(len(pr), len(pred), len(gold))
        typ.add(len(_match(gold, pred, "type")), len(pred), len(gold))
        named.add(len(_match(gold, pred, "root", strict=False)), len(pred), len(gold))
        gs = {(x["sentence"], x["cameo"][:2]) for x in gold}
        ps = {(x["sentence"], x["cameo"][:2]) for x in pred}
        trig.add(len(gs & ps), len(ps), len(gs))
        for gx, px in pr:
            matched += 1
            date_ok += (gx.get("date") or None) == (px.get("date") or None)
            if gx.get("location"):
                loc_n += 1
                loc_ok += canonical_key(gx["location"]) == canonical_key(px.get("location") or "")
        if show_errors:
            unmatched(errors, show_errors, gold, pred, pr,
                      lambda x: f"{g.id} s{x['sentence']}: missed {_show(x)}",
                      lambda x: f"{g.id} s{x['sentence']}: wrong  {_show(x)}")
    return {"task": "events", "data": data, "documents": len(golds),
            "actor_root_recipient": root.to_dict(), "actor_type_recipient": typ.to_dict(),
            "sentence_root": trig.to_dict(), "named_participants": named.to_dict(),
            "per_category": {k: v.to_dict() for k, v in sorted(per_category.items())},
            "date_accuracy": round(date_ok / matched, 4) if matched else None,
            "location_accuracy": round(loc_ok / loc_n, 4) if loc_n else None, "errors": errors}


def _show(e: dict) -> str:
    a = (e.get("actor") or {}).get("canonical")
    r = (e.get("recipient") or {}).get("canonical") if e.get("recipient") else None
    trig = (e.get("trigger") or e.get("evidence") or {}).get("text")
    return f"{a} —{e['type']}/{e['cameo']}→ {r} [{trig}]"


def report(result: dict[str, Any]) -> str:
    """Return a readable report."""
    lines = [f"events: {result['data']} ({result['documents']} documents)"]
    for key, name in (("actor_root_recipient", "actor, CAMEO root, recipient"),
                      ("actor_type_recipient", "actor, PLOVER type, recipient"),
                      ("named_participants", "same, unnamed ones free"),
                      ("sentence_root", "sentence, CAMEO root")):
        s = result[key]
        lines.append("  " + PRF(s["tp"], s["pred"], s["gold"]).line(name))
    lines.append(f"  date accuracy on matched events: {result['date_accuracy']}")
    lines.append(f"  location accuracy on matched events: {result['location_accuracy']}")
    for cat, s in result["per_category"].items():
        lines.append("  " + PRF(s["tp"], s["pred"], s["gold"]).line(f"  {cat}"))
    for e in result["errors"]:
        lines.append("  -- " + e)
    return "\n".join(lines)
