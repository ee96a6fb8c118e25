"""MinHash of word shingles, computed with numpy exactly as datasketch's legacy scheme does
(SHA-1 32-bit hashes, permutations (a·h + b) mod (2⁶¹ − 1) from numpy RandomState(seed)).

Why not datasketch itself in the pipeline: importing it loads scipy (about 0.4 s), which would
triple the cold start of `khobor analyze` for one article. The values are identical (a test
compares them), so corpus-level code can hand them to datasketch's MinHashLSH.
"""
from __future__ import annotations

import functools
import hashlib

import numpy as np

__all__ = ["minhash", "jaccard"]

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
