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

__all__ = ["minhash_bytes", "band_hashes", "assign", "THRESHOLD", "BANDS", "ROWS"]

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


def assign(conn: sqlite3.Connection, article_id: int, minhash: bytes) -> int:
    """Index an article's bands and return its cluster id: the cluster of its most similar stored
    near-duplicate, else its own id."""
    hashes = band_hashes(minhash)
    empty = minhash == b"\xff" * len(minhash)
    best, best_sim = article_id, THRESHOLD
    if not empty:
        cands: set[int] = set()
        for b, h in enumerate(hashes):
            cands.update(r[0] for r in conn.execute("SELECT article_id FROM lsh_bands WHERE band = ? AND hash = ?",
                                                    (b, h)))
        for cid in sorted(cands):
            row = conn.execute("SELECT minhash, cluster_id FROM articles WHERE id = ?", (cid,)).fetchone()
            if row is None:
                continue
            sim = similarity(minhash, row[0])
            if sim >= best_sim:
                best, best_sim = row[1] or cid, sim
        conn.executemany("INSERT OR IGNORE INTO lsh_bands(band, hash, article_id) VALUES (?, ?, ?)",
                         [(b, h, article_id) for b, h in enumerate(hashes)])
    return best
