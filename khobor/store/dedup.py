"""Near-duplicate clusters with MinHash LSH kept in the store (docs/store.md).

Each article's fingerprint (64 MinHash values over word 3-shingles, from the article step) is cut
into 16 bands of 4 values; articles that share a band hash are candidates, and a candidate whose
estimated Jaccard similarity is at least THRESHOLD puts the new article into its cluster. With 16
bands of 4 rows, a pair at similarity 0.5 becomes a candidate with probability 0.65, at 0.7 with
0.98. The band table lives in SQLite (indexed lookups), so nothing has to be loaded into memory and a
store of any size can be extended; datasketch's MinHashLSH keeps its index in memory only.
"""
from __future__ import annotations

import base64
import hashlib
import sqlite3

import numpy as np

__all__ = ["minhash_bytes", "band_hashes", "assign", "index_bands", "THRESHOLD", "BANDS", "ROWS"]

BANDS, ROWS = 16, 4
THRESHOLD = 0.5
_NUM_PERM = BANDS * ROWS


def minhash_bytes(fingerprint: dict) -> bytes:
    """Return the fingerprint's MinHash values as 64 little-endian uint32 (all-max for a text with none)."""
    raw = base64.b64decode(fingerprint.get("minhash") or "")
    if len(raw) != 4 * _NUM_PERM:
        return b"\xff" * (4 * _NUM_PERM)
    return raw


def band_hashes(minhash: bytes) -> list[int]:
    """Return one signed 63-bit hash per band."""
    size = 4 * ROWS
    return [int.from_bytes(hashlib.blake2b(minhash[b * size:(b + 1) * size], digest_size=8).digest(), "little") >> 1
            for b in range(BANDS)]


def similarity(a: bytes, b: bytes) -> float:
    """Return the estimated Jaccard similarity of two MinHash byte strings."""
    return float((np.frombuffer(a, dtype="<u4") == np.frombuffer(b, dtype="<u4")).mean())


# one query, one index lookup per band (SQLite's OR-by-union plan over the primary key)
_CANDIDATES = "SELECT DISTINCT article_id FROM lsh_bands WHERE " + " OR ".join(["(band = ? AND hash = ?)"] * BANDS)


def assign(conn: sqlite3.Connection, article_id: int, minhash: bytes) -> tuple[int, list[int]]:
    """Return the cluster id of a new article (the cluster of its most similar stored near-duplicate,
    else its own id) and its band hashes, for index_bands once the article row exists."""
    hashes = band_hashes(minhash)
    best, best_sim = article_id, THRESHOLD
    if minhash != b"\xff" * len(minhash):
        cands = {r[0] for r in conn.execute(_CANDIDATES, [x for b, h in enumerate(hashes) for x in (b, h)])}
        for cid in sorted(cands):
            row = conn.execute("SELECT minhash, cluster_id FROM articles WHERE id = ?", (cid,)).fetchone()
            if row is None:
                continue
            sim = similarity(minhash, row[0])
            if sim >= best_sim:
                best, best_sim = row[1] or cid, sim
    else:
        hashes = []                                 # a text without words clusters with nothing
    return best, hashes


def index_bands(conn: sqlite3.Connection, article_id: int, hashes: list[int]) -> None:
    """Store an article's band hashes (after its row: they refer to it)."""
    conn.executemany("INSERT OR IGNORE INTO lsh_bands(band, hash, article_id) VALUES (?, ?, ?)",
                     [(b, h, article_id) for b, h in enumerate(hashes)])
