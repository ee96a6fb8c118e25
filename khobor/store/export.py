"""`khobor export`: the store as Parquet or CSV tables (schemas in docs/store.md).

Each table is written to a temporary file in the output folder and renamed into place, so a reader
never sees half a table and an interrupted export leaves the previous files whole.
"""
from __future__ import annotations

import os
import pathlib
import tempfile
from typing import Any

from ..errors import KhoborError
from .db import Store

__all__ = ["export", "TABLES", "FORMATS"]

FORMATS = ("parquet", "csv")

# table → (column, arrow type, SQL expression); the SQL is run over the table's FROM clause
TABLES: dict[str, tuple[str, list[tuple[str, str, str]]]] = {
    "articles": ("FROM articles a ORDER BY a.id", [
        ("article_id", "int64", "a.id"), ("doc_id", "string", "a.doc_id"), ("url", "string", "a.url"),
        ("title", "string", "a.title"), ("published", "date32", "a.published"), ("outlet", "string", "a.outlet"),
        ("source", "string", "a.source"), ("category", "string", "a.category"), ("dateline", "string", "a.dateline"),
        ("keywords", "string", "a.keywords"), ("summary", "string", "a.summary"), ("chars", "int64", "a.chars"),
        ("cluster_id", "int64", "a.cluster_id"), ("origin", "string", "a.origin"),
        ("ingested_at", "string", "a.ingested_at"), ("text", "string", "a.text")]),
    "entities": ("FROM entities e LEFT JOIN (SELECT entity_id, count(*) n, count(DISTINCT article_id) k "
                 "FROM mentions GROUP BY entity_id) c ON c.entity_id = e.id ORDER BY e.id", [
        ("entity_id", "int64", "e.id"), ("kb_id", "string", "e.kb_id"), ("canonical", "string", "e.canonical"),
        ("label", "string", "e.label"), ("country", "string", "e.country"),
        ("num_mentions", "int64", "coalesce(c.n, 0)"), ("num_articles", "int64", "coalesce(c.k, 0)")]),
    "mentions": ("FROM mentions m ORDER BY m.article_id, m.start", [
        ("article_id", "int64", "m.article_id"), ("entity_id", "int64", "m.entity_id"),
        ("sentence", "int64", "m.sentence"), ("start", "int64", "m.start"), ("end", "int64", "m.end"),
        ("text", "string", "m.text")]),
    "quotes": ("FROM quotes q ORDER BY q.article_id, q.start", [
        ("quote_id", "int64", "q.id"), ("article_id", "int64", "q.article_id"), ("speaker", "string", "q.speaker"),
        ("speaker_entity_id", "int64", "q.speaker_entity_id"), ("cue", "string", "q.cue"),
        ("start", "int64", "q.start"), ("end", "int64", "q.end"), ("text", "string", "q.text")]),
    "events": ("FROM merged_events m ORDER BY m.date, m.id", [
        ("event_id", "int64", "m.id"), ("date", "date32", "m.date"),
        ("actor_code", "string", "m.actor_code"), ("actor_name", "string", "m.actor_name"),
        ("actor_country", "string", "m.actor_country"),
        ("recipient_code", "string", "m.recipient_code"), ("recipient_name", "string", "m.recipient_name"),
        ("recipient_country", "string", "m.recipient_country"),
        ("plover_type", "string", "m.type"), ("plover_mode", "string", "m.mode"),
        ("cameo_code", "string", "m.cameo"), ("cameo_root", "string", "m.root"),
        ("quad_class", "int64", "m.quad_class"), ("goldstein", "float64", "m.goldstein"),
        ("num_mentions", "int64", "m.num_mentions"), ("num_sources", "int64", "m.num_sources"),
        ("num_articles", "int64", "m.num_articles"), ("location", "string", "m.location"),
        ("source_url", "string", "m.source_url"), ("event_key", "string", "m.event_key")]),
    "event_mentions": ("FROM events v JOIN merged_events m ON m.event_key = v.event_key ORDER BY v.id", [
        ("event_id", "int64", "m.id"), ("article_id", "int64", "v.article_id"), ("sentence", "int64", "v.sentence"),
        ("plover_type", "string", "v.type"), ("cameo_code", "string", "v.cameo"),
        ("actor_text", "string", "v.actor_text"), ("recipient_text", "string", "v.recipient_text"),
        ("evidence_start", "int64", "v.evidence_start"), ("evidence_end", "int64", "v.evidence_end"),
        ("evidence", "string", "v.evidence"), ("confidence", "float64", "v.confidence")]),
}


def _arrow_type(name: str):
    import pyarrow as pa
    return {"int64": pa.int64(), "string": pa.string(), "float64": pa.float64(), "date32": pa.date32()}[name]


def _table(store: Store, name: str):
    import datetime as dt

    import pyarrow as pa
    from_sql, cols = TABLES[name]
    sql = "SELECT " + ", ".join(expr for _, _, expr in cols) + " " + from_sql
    data: list[list[Any]] = [[] for _ in cols]
    dates = [k for k, (_, t, _) in enumerate(cols) if t == "date32"]
    for row in store.conn.execute(sql):
        for k, v in enumerate(row):
            data[k].append(v)
    for k in dates:                                  # 'YYYY-MM-DD' text → date; anything else → null
        data[k] = [_date(v, dt) for v in data[k]]
    schema = pa.schema([(c, _arrow_type(t)) for c, t, _ in cols])
    return pa.Table.from_arrays([pa.array(d, type=f.type) for d, f in zip(data, schema)], schema=schema)


def _date(v, dt):
    try:
        return dt.date.fromisoformat(v[:10]) if v else None
    except ValueError:
        return None


def export(store: Store, out: str, fmt: str = "parquet", tables: list[str] | None = None) -> dict[str, int]:
    """Write the tables into folder `out` (created if needed); return rows per table."""
    if fmt not in FORMATS:
        raise KhoborError(f"unknown format {fmt!r}; use parquet or csv")
    folder = pathlib.Path(out)
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise KhoborError(f"cannot create the output folder ({exc.strerror}); pass a writable --out", where=out) from None
    counts = {}
    for name in tables or list(TABLES):
        table = _table(store, name)
        target = folder / f"{name}.{fmt}"
        fd, tmp = tempfile.mkstemp(prefix=f".{name}.", suffix=".tmp", dir=folder)
        os.close(fd)
        try:
            if fmt == "parquet":
                import pyarrow.parquet as pq
                pq.write_table(table, tmp, compression="zstd")
            else:
                import pyarrow.csv as pcsv
                pcsv.write_csv(table, tmp)
            os.replace(tmp, target)
        finally:
            if os.path.exists(tmp):
                os.unlink(tmp)
        counts[name] = table.num_rows
    return counts
