"""`khobor ingest`: read records, analyze the new ones in batches, write each batch in one transaction.

A text already in the store (the same text as read, or the same URL) is skipped before analysis, so
a re-run after a crash or a kill only analyzes what is missing; a text that differs only before
normalization is analyzed and then found to be stored (the same normalized text is kept once). A bad record is stored as a problem
(and reported) and the rest goes on.
"""
from __future__ import annotations

import time
from dataclasses import dataclass, field
from typing import Callable, Iterable

from ..errors import KhoborError
from .db import Store, content_hash

__all__ = ["ingest", "IngestReport"]


@dataclass
class IngestReport:
    """Counts and seconds of one ingest run."""

    read: int = 0             # records read (articles and problems)
    added: int = 0            # new articles stored
    skipped: int = 0          # already in the store (or twice in this run)
    problems: int = 0         # records that could not be read or analyzed
    seconds: float = 0.0
    analysis_seconds: float = 0.0
    store_seconds: float = 0.0
    messages: list[str] = field(default_factory=list)

    def line(self) -> str:
        return (f"{self.added} new articles, {self.skipped} already stored, {self.problems} problems "
                f"in {self.seconds:.1f} s")


def ingest(store: Store, items: Iterable, *, batch_size: int = 256, pipeline=None,
           on_problem: Callable[[str], None] | None = None,
           on_progress: Callable[[int, int], None] | None = None) -> IngestReport:
    """Ingest `items` (ingest.Record or ingest.Problem, as khobor.ingest.read yields them) into `store`."""
    from .. import load
    pipe = pipeline or load()
    report = IngestReport()
    t0 = time.perf_counter()
    batch: list = []
    problems: list[tuple[str, str, str]] = []
    seen: set[str] = set()

    def flush() -> None:
        nonlocal batch, problems
        docs = []
        if batch:
            t1 = time.perf_counter()
            results = list(pipe.pipe([{"text": r.text, "title": r.title, "url": r.url, "published": r.published,
                                       "outlet": r.outlet} for r in batch], errors="return", batch_size=len(batch)))
            report.analysis_seconds += time.perf_counter() - t1
            for rec, res in zip(batch, results):
                if isinstance(res, KhoborError):
                    problem(rec.where, res)
                else:
                    docs.append((res, rec.where))
        t2 = time.perf_counter()
        added = store.add(docs, problems)
        report.store_seconds += time.perf_counter() - t2
        report.added += added.added
        report.skipped += added.skipped
        if on_progress:
            on_progress(report.read, report.added)
        batch, problems = [], []

    def problem(where: str, exc: KhoborError) -> None:
        report.problems += 1
        msg = exc.message if isinstance(exc, KhoborError) else str(exc)
        problems.append((where, exc.code, msg))
        line = f"[{exc.code}] {where}: {msg}"
        report.messages.append(line)
        if on_problem:
            on_problem(line)

    for item in items:
        report.read += 1
        error = getattr(item, "error", None)          # an ingest.Problem
        if error is not None:
            problem(item.where, error)
            continue
        h = content_hash(item.text)              # as read: a re-run skips it before any work
        if h in seen or item.url and item.url in seen or store.known(h, item.url):
            report.skipped += 1
            continue
        seen.add(h)
        if item.url:
            seen.add(item.url)
        batch.append(item)
        if len(batch) >= batch_size:
            flush()
    if batch or problems:
        flush()
    report.seconds = time.perf_counter() - t0
    return report
