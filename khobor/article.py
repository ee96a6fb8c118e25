"""Article-level fields: dateline, source (the credited agency), category, keywords, summary and a
near-duplicate fingerprint."""
from __future__ import annotations

import re
from typing import Any

from .document import Document

__all__ = ["find_dateline"]

# 'ঢাকা, ১২ মার্চ —', 'কক্সবাজার, ১২ মার্চ (বাসস) —', a correspondent line 'নিজস্ব প্রতিবেদক, কক্সবাজার'
_DATELINE = re.compile(r"^(?P<place>[^\s,—–-][^,—–\n]{0,40}?),\s*(?P<date>[০-৯0-9]{1,2}\s+\S+?(?:\s+[০-৯0-9]{4})?)"
                       r"\s*(?:\([^)\n]{1,40}\)\s*)?[—–-]")


def find_dateline(doc: Document) -> dict[str, Any] | None:
    """Return {'text', 'place', 'date'} of the dateline at the head of the article, or None.

    The date is resolved against the publication year (else left with XXXX); the place is the
    canonical name of the place entity it names, when the entity step ran.
    """
    import datetime as dt

    from .times import _day, _word
    head = doc.text[:200]
    m = _DATELINE.match(head)
    if not m:
        return None
    place = m.group("place").strip()
    parts = m.group("date").split()
    day = _day(parts[0])
    month = _word(parts[1]) if len(parts) > 1 else None
    date = None
    if day and month and month[0] == "month":
        year = None
        if len(parts) > 2:
            from .normalize import to_ascii_digits
            year = int(to_ascii_digits(parts[2]))
        elif doc.meta.published:
            year = int(doc.meta.published[:4])
        try:
            date = dt.date(year, int(month[1]), day).isoformat() if year else f"XXXX-{int(month[1]):02d}-{day:02d}"
        except ValueError:
            date = None
    canonical = place
    for e in doc.entities:
        if e.start == m.start("place") and e.label in ("GPE", "LOC"):
            canonical = e.canonical or place
            break
    return {"text": m.group(0).rstrip("—–- "), "place": canonical, "date": date}
