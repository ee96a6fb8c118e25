"""The embedded store (SQLite, WAL): articles, entities, mentions, quotes, events, near-duplicate
clusters and a morphology-aware search index (docs/store.md)."""
from .db import DEFAULT_DB, Store, content_hash
from .ingest import IngestReport, ingest
from .searchindex import SearchResult, search

__all__ = ["Store", "DEFAULT_DB", "content_hash", "ingest", "IngestReport", "search", "SearchResult"]
