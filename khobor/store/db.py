"""The embedded store: one SQLite file in WAL mode with the schema of schema.py (docs/store.md).

Writes happen in one transaction per batch (`Store.add`), so a killed ingest leaves every batch either
fully in or not at all; a re-run skips what is in by content hash and URL.
"""
from __future__ import annotations

import datetime as _dt
import hashlib
import json
import os
import sqlite3
import zlib
from dataclasses import dataclass
from typing import Any, Iterable

from ..document import Document
from ..errors import StoreBusy, StoreError, StoreVersion
from ..normalize import normalize, search_key
from . import dedup
from .schema import MIGRATIONS, SCHEMA_VERSION

__all__ = ["Store", "DEFAULT_DB", "content_hash"]

DEFAULT_DB = "khobor.db"


def content_hash(text: str) -> str:
    """Return the SHA-256 of a normalized text (the store keeps one copy of each text)."""
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def _now() -> str:
    return _dt.datetime.now(_dt.timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ")


@dataclass
class Added:
    """What one `Store.add` call did."""

    added: int = 0
    skipped: int = 0          # already in the store (same text or URL)


class Store:
    """A khobor store. Use as a context manager, or call close()."""

    def __init__(self, path: str = DEFAULT_DB, *, create: bool = True, readonly: bool = False):
        self.path = path
        if not create and not os.path.exists(path):
            raise StoreError("no such store; create one with 'khobor ingest PATH --db FILE'", where=path)
        if os.path.isdir(path):
            raise StoreError("is a directory; pass the store's file name (e.g. khobor.db)", where=path)
        try:
            if readonly:
                self.conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True, isolation_level=None,
                                            check_same_thread=False)
            else:
                self.conn = sqlite3.connect(path, isolation_level=None, timeout=30, check_same_thread=False)
            self.conn.execute("PRAGMA foreign_keys = ON")
            self.conn.execute("PRAGMA busy_timeout = 30000")
            if not readonly:
                self.conn.execute("PRAGMA journal_mode = WAL")
                self.conn.execute("PRAGMA synchronous = NORMAL")
        except sqlite3.OperationalError as exc:
            raise StoreError(f"cannot be created or opened ({exc}); check that its folder exists and is writable",
                             where=path) from None
        except sqlite3.DatabaseError as exc:
            raise StoreError(f"cannot be opened as a database ({exc}); pass a khobor store or a new file name",
                             where=path) from None
        self._migrate(readonly)
        self._entity_ids: dict[str, int] = {}      # kb_id → entities.id, a cache of committed rows
        self._new_entities: dict[str, int] = {}    # rows added by the open transaction

    # -- schema ---------------------------------------------------------------------------------
    def version(self) -> int:
        try:
            row = self.conn.execute("SELECT value FROM meta WHERE key = 'schema_version'").fetchone()
        except sqlite3.OperationalError:
            return 0
        return int(row[0]) if row else 0

    def _migrate(self, readonly: bool) -> None:
        try:
            have = self.version()
            tables = {r[0] for r in self.conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
        except sqlite3.DatabaseError as exc:
            raise StoreError(f"is not an SQLite database ({exc}); pass a khobor store or a new file name",
                             where=self.path) from None
        if have == 0 and tables:
            raise StoreError("is an SQLite database but not a khobor store; pass another file", where=self.path)
        if have > SCHEMA_VERSION:
            raise StoreVersion(f"was written by a newer khobor (schema {have}, this khobor reads up to "
                               f"{SCHEMA_VERSION}); upgrade khobor", where=self.path)
        if have == SCHEMA_VERSION:
            return
        if readonly:
            raise StoreVersion(f"has schema {have}, older than {SCHEMA_VERSION}; run 'khobor ingest' on it once "
                               "to migrate", where=self.path)
        try:
            self.conn.execute("BEGIN IMMEDIATE")
        except sqlite3.OperationalError:
            raise StoreBusy("is locked by another process; wait for it to finish", where=self.path) from None
        try:
            have = self.version()                     # again, under the lock: another process may have migrated
            for number, sql in MIGRATIONS:
                if number <= have:
                    continue
                for stmt in _statements(sql):
                    self.conn.execute(stmt)
                self.conn.execute("INSERT OR REPLACE INTO meta(key, value) VALUES ('schema_version', ?)",
                                  (str(number),))
            self.conn.execute("COMMIT")
        except BaseException:
            self.conn.execute("ROLLBACK")
            raise

    # -- writing --------------------------------------------------------------------------------
    def known(self, raw_hash: str, url: str | None) -> bool:
        """Return True if a text read with this hash (content_hash of the text as read, before
        normalization), or an article with this URL, is already stored."""
        if self.conn.execute("SELECT 1 FROM articles WHERE raw_hash = ?", (raw_hash,)).fetchone():
            return True
        return bool(url) and bool(self.conn.execute("SELECT 1 FROM articles WHERE url = ?", (url,)).fetchone())

    def add(self, docs: Iterable[tuple[Document, str | None]], problems: Iterable[tuple[str, str, str]] = ()) -> Added:
        """Store analyzed documents (with where each came from) and ingest problems (origin, code,
        message) in one transaction: all of them or, if anything fails, none."""
        out = Added()
        conn = self.conn
        try:
            conn.execute("BEGIN IMMEDIATE")
        except sqlite3.OperationalError:
            raise StoreBusy("is locked by another process; wait for it to finish", where=self.path) from None
        try:
            for doc, origin in docs:
                if self._add_doc(doc, origin):
                    out.added += 1
                else:
                    out.skipped += 1
            now = _now()
            conn.executemany("INSERT INTO problems(at, origin, code, message) VALUES (?, ?, ?, ?) "
                             "ON CONFLICT (origin, code, message) DO UPDATE SET at = excluded.at",
                             [(now, o, c, m) for o, c, m in problems])
            conn.execute("COMMIT")
            self._entity_ids.update(self._new_entities)
        except BaseException:
            conn.execute("ROLLBACK")
            raise
        finally:
            self._new_entities.clear()
        return out

    def _entity_id(self, kb_id: str, canonical: str | None, label: str, country: str | None) -> int:
        known = self._entity_ids.get(kb_id) or self._new_entities.get(kb_id)
        if known:
            return known
        row = self.conn.execute("SELECT id FROM entities WHERE kb_id = ?", (kb_id,)).fetchone()
        if row:
            self._entity_ids[kb_id] = row[0]
            return row[0]
        new = self.conn.execute("INSERT INTO entities(kb_id, canonical, label, country) VALUES (?, ?, ?, ?)",
                                (kb_id, canonical, label, country)).lastrowid
        self._new_entities[kb_id] = new          # known for good only when the transaction commits
        return new

    def _add_doc(self, doc: Document, origin: str | None) -> bool:
        conn = self.conn
        meta = doc.meta
        h = content_hash(doc.text)
        if conn.execute("SELECT 1 FROM articles WHERE content_hash = ? OR url = ?", (h, meta.url)).fetchone():
            return False                         # the same text (once normalized) or URL is stored
        art = doc.article or {}
        fp = art.get("fingerprint") or {}
        minhash = dedup.minhash_bytes(fp)
        data = doc.to_dict()
        # stored without the text (it has its own column) and without sentence texts (from offsets)
        stored = {**data, "text": None, "sentences": [[x["start"], x["end"]] for x in data["sentences"]]}
        summary = " ".join(doc.sentences[k].text for k in art.get("summary") or [] if k < len(doc.sentences))
        aid = conn.execute("SELECT coalesce(max(id), 0) + 1 FROM articles").fetchone()[0]   # we hold the lock
        cluster, bands = dedup.assign(conn, aid, minhash)
        conn.execute(
            "INSERT INTO articles(id, cluster_id, doc_id, content_hash, raw_hash, url, title, published, outlet, "
            "source, category, dateline, keywords, summary, chars, origin, minhash, ingested_at, text, document) "
            "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            (aid, cluster, doc.id, h, content_hash(doc.raw), meta.url, meta.title, meta.published, meta.outlet,
             (art.get("source") or {}).get("canonical"), art.get("category"),
             (art.get("dateline") or {}).get("place"), json.dumps(art.get("keywords") or [], ensure_ascii=False),
             summary, len(doc.text), origin, minhash, _now(), doc.text,
             zlib.compress(_dumps(stored), 1)))
        dedup.index_bands(conn, aid, bands)
        ents: dict[str, int] = {}
        rows = []
        names = []
        keys = [mention_key(doc, e.start, e.end) for e in doc.entities]
        for e, key in zip(doc.entities, keys):
            if not e.kb_id:
                continue
            if e.kb_id not in ents:
                ents[e.kb_id] = self._entity_id(e.kb_id, e.canonical, e.label, e.country)
                if e.canonical:
                    names.append((e.canonical, e.label))
            rows.append((aid, ents[e.kb_id], e.start, e.end, doc.text[e.start:e.end], key, doc.sentence_of(e.start)))
        conn.executemany("INSERT INTO mentions(article_id, entity_id, start, end, text, key, sentence) "
                         "VALUES (?, ?, ?, ?, ?, ?, ?)", rows)
        conn.executemany(
            "INSERT INTO quotes(article_id, speaker, speaker_entity_id, cue, start, end, text) VALUES (?, ?, ?, ?, ?, ?, ?)",
            [(aid, q.get("speaker"), ents.get(q.get("speaker_id") or ""), q.get("cue"), q["start"], q["end"], q["text"])
             for q in data.get("quotes") or []])
        conn.executemany(
            "INSERT INTO events(article_id, event_key, sentence, date, type, mode, cameo, root, quad_class, goldstein, "
            "actor_name, actor_code, actor_country, actor_entity_id, actor_text, recipient_name, recipient_code, "
            "recipient_country, recipient_entity_id, recipient_text, location, evidence_start, evidence_end, evidence, "
            "confidence) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            [_event_row(aid, ev, ents, doc) for ev in data.get("events") or []])
        from .searchindex import index_row
        conn.execute("INSERT INTO article_fts(rowid, title, body, entities, facets) VALUES (?, ?, ?, ?, ?)",
                     (aid, *index_row(doc, names, keys)))
        return True

    # -- reading --------------------------------------------------------------------------------
    def document(self, article_id: int) -> dict[str, Any] | None:
        """Return the stored khobor.document/1 JSON of an article."""
        row = self.conn.execute("SELECT document, text FROM articles WHERE id = ?", (article_id,)).fetchone()
        if not row:
            return None
        data = json.loads(zlib.decompress(row[0]))
        data["text"] = text = row[1]
        data["sentences"] = [{"start": a, "end": b, "text": text[a:b]} for a, b in data["sentences"]]
        return data

    def close(self) -> None:
        self.conn.close()

    def __enter__(self) -> "Store":
        return self

    def __exit__(self, *exc) -> None:
        self.close()


def _dumps(data: dict) -> bytes:
    return json.dumps(data, ensure_ascii=False, separators=(",", ":"), check_circular=False).encode("utf-8")


def _statements(sql: str) -> list[str]:
    """Split a migration script into statements (sqlite3.complete_statement decides where one ends)."""
    out, buf = [], ""
    for line in sql.splitlines(keepends=True):
        if line.lstrip().startswith("--") and not buf.strip():
            continue
        buf += line
        if sqlite3.complete_statement(buf):
            out.append(buf.strip())
            buf = ""
    if buf.strip():
        out.append(buf.strip())
    return out


def mention_key(doc: Document, start: int, end: int) -> str:
    """Return the lemma search keys of the words in [start, end), space-separated."""
    starts, _ = doc.token_offsets
    import bisect
    lo, hi = bisect.bisect_left(starts, start), bisect.bisect_left(starts, end)
    keys = doc.lemma_keys()
    return " ".join(k for k in keys[lo:hi] if k) or search_key(normalize(doc.text[start:end]))


def _party(p: dict | None, ents: dict[str, int]) -> tuple:
    if not p:
        return (None, None, None, None, None)
    code = p.get("code") or None
    country = code[:3] if code and len(code) >= 3 and code[:3].isalpha() and code[:3].isupper() and \
        code[:3] not in ("IGO", "NGO", "CRM") else None
    return (p.get("canonical"), code, country, ents.get(p.get("id") or ""), p.get("text") or None)


def _party_key(p: dict | None) -> str:
    if not p:
        return "-"
    return p.get("id") or f"{p.get('code') or ''}:{(p.get('canonical') or '').lower()}"


def _event_row(aid: int, ev: dict, ents: dict[str, int], doc: Document) -> tuple:
    key = "|".join((ev.get("date") or "", _party_key(ev.get("actor")), ev["type"], _party_key(ev.get("recipient"))))
    evid = ev.get("evidence") or {}
    return (aid, key, ev["sentence"], ev.get("date"), ev["type"], ev.get("mode") or "", ev["cameo"], ev["cameo"][:2],
            ev.get("quad_class"), ev.get("goldstein"), *_party(ev.get("actor"), ents),
            *_party(ev.get("recipient"), ents), ev.get("location"), evid.get("start"), evid.get("end"),
            evid.get("text"), ev.get("confidence"))
