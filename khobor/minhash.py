"""MinHash in numpy with datasketch's legacy permutations ((a·h + b) mod (2⁶¹ − 1), a and b from
numpy RandomState(seed)).

- `minhash(items)` hashes byte strings with SHA-1 as datasketch does; its values equal
  datasketch's MinHash (a test compares them).
- `shingle_minhash(words)`, used for article fingerprints, hashes each word once (CRC-32, cached)
  and combines the hashes of three consecutive words arithmetically, so a whole article is hashed in
  a few numpy operations; the permutations are the same, so datasketch's MinHashLSH can index the
  values (khobor fingerprints are only compared with each other).

Why not datasketch itself in the pipeline: importing it loads scipy (about 0.4 s), which would
triple the cold start of `khobor analyze` for one article.
"""
from __future__ import annotations

import functools
import hashlib

import numpy as np

__all__ = ["minhash", "jaccard", "shingle_minhash", "word_hashes"]

_PRIME = np.uint64((1 << 61) - 1)
_MAX = np.uint64((1 << 32) - 1)


@functools.lru_cache(maxsize=4)
def _permutations(num_perm: int, seed: int) -> tuple[np.ndarray, np.ndarray]:
    gen = np.random.RandomState(seed)
    pairs = np.array([(gen.randint(1, _PRIME, dtype=np.uint64), gen.randint(0, _PRIME, dtype=np.uint64))
                      for _ in range(num_perm)], dtype=np.uint64).T
    return pairs[0], pairs[1]


def minhash(items: list[bytes], num_perm: int = 64, seed: int = 1) -> np.ndarray:
    """Return the num_perm MinHash values (uint64) of a set of byte strings."""
    a, b = _permutations(num_perm, seed)
    if not items:
        return np.full(num_perm, _MAX, dtype=np.uint64)
    hv = np.frombuffer(b"".join(hashlib.sha1(x).digest()[:4] for x in items), dtype="<u4").astype(np.uint64)
    phv = (hv[:, None] * a + b) % _PRIME
    return np.bitwise_and(phv, _MAX).min(axis=0)


def jaccard(x: np.ndarray, y: np.ndarray) -> float:
    """Return the estimated Jaccard similarity of two MinHash value arrays."""
    return float(np.mean(x == y))


_WORD_HASH: dict[str, int] = {}
_MUL = np.uint64(0x9E3779B1)


def word_hashes(words: list[str]) -> np.ndarray:
    """Return a stable 32-bit hash (CRC-32 of UTF-8) per word, cached."""
    import zlib
    out = []
    cache = _WORD_HASH
    for w in words:
        h = cache.get(w)
        if h is None:
            h = zlib.crc32(w.encode("utf-8"))
            if len(cache) < 500_000:
                cache[w] = h
        out.append(h)
    return np.array(out, dtype=np.uint64)


def shingle_minhash(words: list[str], k: int = 3, num_perm: int = 64, seed: int = 1) -> np.ndarray:
    """Return the MinHash of the word k-shingles of a text, vectorized: each shingle hash combines
    its words' CRC-32 hashes (h0·m² + h1·m + h2 mod 2³²), then the datasketch-style permutations."""
    a, b = _permutations(num_perm, seed)
    if not words:
        return np.full(num_perm, _MAX, dtype=np.uint64)
    h = word_hashes(words)
    if len(h) >= k:
        s = np.zeros(len(h) - k + 1, dtype=np.uint64)
        for i in range(k):
            s = (s * _MUL + h[i:len(h) - k + 1 + i]) & _MAX
    else:
        s = h & _MAX
    s = np.unique(s)
    phv = (s[:, None] * a + b) % _PRIME
    return np.bitwise_and(phv, _MAX).min(axis=0)
