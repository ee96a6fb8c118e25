"""`khobor train ner` and cross-validation: train the CRF on khobor gold and/or banglakit-style data.

Folds are contiguous blocks of articles (never one article on both sides). A trained model is
written with a manifest: data files and their SHA-256, date, sample counts, parameters and the
cross-validated scores when they were computed.
"""
from __future__ import annotations

import datetime
import hashlib
import json
import os
import pathlib
import tempfile
from collections import defaultdict
from typing import Any, Sequence

from .eval.common import PRF
from .nerdata import Sample, read, repair, spans, suspicious

__all__ = ["train", "cross_validate", "score", "PARAMS", "train_command"]

PARAMS = {"c1": 0.05, "c2": 0.02, "max_iterations": 150, "feature.possible_transitions": True}
SCORED = ("PER", "ORG", "LOC/GPE")


def _merge(label: str) -> str:
    return "LOC/GPE" if label in ("LOC", "GPE") else label


def train(samples: Sequence[Sample], path: str, params: dict | None = None) -> None:
    """Train a CRF on `samples` and write it to `path` (atomically)."""
    import pycrfsuite
    from .ner import sentence_features

    trainer = pycrfsuite.Trainer(verbose=False)
    for s in samples:
        if s.words:
            trainer.append(sentence_features(s.words, s.spaced), s.tags)
    trainer.set_params(dict(PARAMS, **(params or {})))
    folder = os.path.dirname(os.path.abspath(path))
    fd, tmp = tempfile.mkstemp(prefix=".ner-", suffix=".tmp", dir=folder)
    os.close(fd)
    try:
        trainer.train(tmp)
        os.chmod(tmp, 0o644)
        os.replace(tmp, path)
    finally:
        if os.path.exists(tmp):
            os.unlink(tmp)


def score(gold: Sequence[Sample], predicted: Sequence[list[str]]) -> dict[str, Any]:
    """Return entity-level exact and overlap scores per label (LOC and GPE merged) and micro over SCORED."""
    exact: dict[str, PRF] = defaultdict(PRF)
    overlap: dict[str, PRF] = defaultdict(PRF)
    for s, tags in zip(gold, predicted):
        g = {(i, j, _merge(lab)) for i, j, lab in spans(s.tags)}
        p = {(i, j, _merge(lab)) for i, j, lab in spans(tags)}
        for lab in {x[2] for x in g | p}:
            gs = {x for x in g if x[2] == lab}
            ps = {x for x in p if x[2] == lab}
            exact[lab].add(len(gs & ps), len(ps), len(gs))
            overlap[lab].add(sum(any(a < d and c < b for c, d, _ in gs) for a, b, _ in ps), len(ps), len(gs))
    micro, micro_o = PRF(), PRF()
    for lab in SCORED:
        micro.add(exact[lab].tp, exact[lab].pred, exact[lab].gold)
        micro_o.add(overlap[lab].tp, overlap[lab].pred, overlap[lab].gold)
    return {"micro_exact": micro.to_dict(), "micro_overlap": micro_o.to_dict(),
            "per_label_exact": {k: v.to_dict() for k, v in sorted(exact.items())},
            "per_label_overlap": {k: v.to_dict() for k, v in sorted(overlap.items())}}


def folds(samples: Sequence[Sample], k: int) -> list[tuple[list[Sample], list[Sample]]]:
    """Split samples into k contiguous folds by block; return (train, test) pairs."""
    blocks = sorted({s.block for s in samples})
    if k < 2 or len(blocks) < k:
        from .errors import DataError
        raise DataError(f"cannot make {k} folds from {len(blocks)} blocks; use --folds 2..{len(blocks)}")
    size = len(blocks) / k
    out = []
    for f in range(k):
        held = set(blocks[int(f * size):int((f + 1) * size)])
        out.append(([s for s in samples if s.block not in held], [s for s in samples if s.block in held]))
    return out


def cross_validate(samples: Sequence[Sample], k: int = 5, *, extra: Sequence[Sample] = (),
                   params: dict | None = None, predict=None) -> dict[str, Any]:
    """Train on k-1 contiguous folds (plus `extra`), tag the held-out fold, and score all folds together.

    `predict(tagger, sample) -> tags` turns a model into tags (default: the full recognizer).
    """
    from .ner import Tagger
    from .recognize import recognize_tags

    predict = predict or (lambda tagger, s: recognize_tags(s.words, s.spaced, tagger))
    gold, pred = [], []
    with tempfile.TemporaryDirectory() as tmp:
        for n, (tr, te) in enumerate(folds(samples, k)):
            path = os.path.join(tmp, f"fold{n}.crfsuite")
            train(list(tr) + list(extra), path, params)
            tagger = Tagger(path)
            for s in te:
                gold.append(s)
                pred.append(predict(tagger, s))
    out = score(gold, pred)
    if any(s.original is not None and s.original != s.tags for s in gold):
        from dataclasses import replace
        out["against_original_labels"] = score([replace(s, tags=s.original or s.tags) for s in gold], pred)
    out["folds"] = k
    out["sentences"] = len(gold)
    return out


def _sha256(path: pathlib.Path) -> str:
    h = hashlib.sha256()
    files = sorted(path.glob("*.json")) if path.is_dir() else [path]
    for f in files:
        h.update(f.read_bytes())
    return h.hexdigest()


def train_command(data: list[tuple[str, str]], out: str, *, folds_n: int = 0, no_repair: bool = False,
                  log=print) -> dict[str, Any]:
    """Read every (path, format), repair banglakit-style data, optionally cross-validate, train, write model + manifest."""
    all_samples: list[Sample] = []
    sources = []
    offset = 0
    for path, fmt in data:
        samples, skipped = read(path, fmt)
        changed = 0 if (no_repair or fmt == "khobor") else repair(samples)
        dropped = 0
        if fmt != "khobor" and not no_repair:
            kept = [s for s in samples if not suspicious(s)]
            dropped, samples = len(samples) - len(kept), kept
        for s in samples:
            s.block += offset
        offset = max((s.block for s in samples), default=offset) + 1
        sources.append({"path": str(path), "format": fmt, "sha256": _sha256(pathlib.Path(path)),
                        "sentences": len(samples), "skipped_unaligned": skipped, "spans_repaired": changed,
                        "dropped_suspicious": dropped})
        log(f"read {path} ({fmt}): {len(samples)} sentences kept, {skipped} unaligned, {changed} spans repaired, "
            f"{dropped} dropped as likely missing names")
        all_samples.extend(samples)
    manifest: dict[str, Any] = {
        "model": "khobor NER CRF (python-crfsuite, BIO over PER ORG GPE LOC NORP)",
        "trained": datetime.date.today().isoformat(), "params": PARAMS, "data": sources,
        "sentences": len(all_samples)}
    if folds_n:
        log(f"cross-validating with {folds_n} contiguous folds ...")
        manifest["cross_validation"] = cross_validate(all_samples, folds_n)
    outp = pathlib.Path(out)
    outp.parent.mkdir(parents=True, exist_ok=True)
    train(all_samples, str(outp))
    from .crf import export_weights
    export_weights(str(outp))
    man_path = outp.with_suffix(".json")
    tmp = man_path.with_suffix(".json.tmp")
    tmp.write_text(json.dumps(manifest, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    os.replace(tmp, man_path)
    log(f"wrote {outp} and {man_path}")
    return manifest
