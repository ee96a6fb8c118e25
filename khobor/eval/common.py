"""Shared pieces of the evaluations: scores, gold article loading, span alignment."""
from __future__ import annotations

import json
import pathlib
from dataclasses import dataclass, field
from typing import Any, Iterable

from ..errors import DataError, MissingInput
from ..normalize import normalize


@dataclass
class PRF:
    """Counts of true positives, predictions and gold items, with precision, recall and F1."""

    tp: int = 0
    pred: int = 0
    gold: int = 0

    def add(self, tp: int, pred: int, gold: int) -> None:
        """Add counts."""
        self.tp += tp
        self.pred += pred
        self.gold += gold

    @property
    def precision(self) -> float:
        return self.tp / self.pred if self.pred else 1.0 if not self.gold else 0.0

    @property
    def recall(self) -> float:
        return self.tp / self.gold if self.gold else 1.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    def to_dict(self) -> dict[str, Any]:
        """Return counts and rounded scores."""
        return {"precision": round(self.precision, 4), "recall": round(self.recall, 4), "f1": round(self.f1, 4),
                "tp": self.tp, "pred": self.pred, "gold": self.gold}

    def line(self, name: str) -> str:
        """Return a one-line report."""
        return (f"{name:<28} P {self.precision:.4f}  R {self.recall:.4f}  F1 {self.f1:.4f}  "
                f"(tp {self.tp}, pred {self.pred}, gold {self.gold})")


@dataclass
class GoldArticle:
    """A gold-annotated article: its body text, metadata and the raw gold dict."""

    id: str
    text: str
    meta: dict[str, Any]
    sentences: list[str]
    data: dict[str, Any] = field(repr=False, default_factory=dict)


def load_gold(path: str | pathlib.Path) -> list[GoldArticle]:
    """Return the gold articles in a directory of <id>.json files (or one such file)."""
    p = pathlib.Path(path)
    if not p.exists():
        raise MissingInput("no such gold file or directory; check --data", where=str(p))
    files = sorted(p.glob("*.json")) if p.is_dir() else [p]
    if not files:
        raise DataError("holds no gold .json files; check --data", where=str(p))
    out = []
    for f in files:
        try:
            d = json.loads(f.read_text(encoding="utf-8"))
            paragraphs = d["paragraphs"]
        except (ValueError, KeyError) as exc:
            raise DataError(f"is not a gold article ({exc}); see tests/data/README.md", where=str(f)) from None
        text = "\n".join(" ".join(p) for p in paragraphs)
        meta = {k: d.get(k) for k in ("title", "published", "outlet", "category")}
        out.append(GoldArticle(d.get("id", f.stem), text, meta, [s for p in paragraphs for s in p], d))
    return out


def align(text: str, pieces: Iterable[str], *, where: str = "") -> list[tuple[int, int]]:
    """Return (start, end) of each piece found in order in `text` (both normalized), or raise DataError."""
    spans = []
    pos = 0
    for piece in pieces:
        piece = normalize(piece)
        i = text.find(piece, pos)
        if i == -1:
            raise DataError(f"gold piece {piece[:40]!r} not found in order in the text", where=where)
        spans.append((i, i + len(piece)))
        pos = i + len(piece)
    return spans


def unmatched(errors: list[str], limit: int, gold: list, pred: list, pairs: list, show_gold, show_pred) -> None:
    """Append 'missed …' and 'wrong …' lines for gold and predicted items outside `pairs`, up to `limit`."""
    matched_g = {id(g) for g, _ in pairs}
    matched_p = {id(p) for _, p in pairs}
    for g in gold:
        if id(g) not in matched_g and len(errors) < limit:
            errors.append(show_gold(g))
    for p in pred:
        if id(p) not in matched_p and len(errors) < limit:
            errors.append(show_pred(p))
