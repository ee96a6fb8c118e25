"""Fast CRF inference: the weights of a python-crfsuite model, applied with cached word vectors and a
batched Viterbi in numpy.

A linear-chain CRF scores a tag sequence as the sum of state weights (feature, tag) of every token
plus transition weights (tag, next tag). Every feature khobor uses is either a property of one word
(its own or a neighbour's, `khobor.ner.features`) or one of a few sentence-level markers (gazetteer
tags, BOS, EOS, glued). So the emission scores of a word at each relative position are summed once
and cached as a vector over tags; a sentence's emission matrix is a handful of vector additions, and
all sentences of a document are decoded together. The result equals crfsuite's own tagger (tests).
"""
from __future__ import annotations

from typing import Sequence

import numpy as np

__all__ = ["FastTagger"]


def read_weights(path: str):
    """Return (labels, attributes, state weight rows, transition matrix) of a crfsuite model file."""
    import pycrfsuite
    t = pycrfsuite.Tagger()
    t.open(path)
    info = t.info()
    labels = list(t.labels())
    lid = {lab: i for i, lab in enumerate(labels)}
    L = len(labels)
    rows: dict[str, np.ndarray] = {}
    for (attr, lab), w in info.state_features.items():
        vec = rows.get(attr)
        if vec is None:
            vec = rows[attr] = np.zeros(L)
        vec[lid[lab]] = w
    trans = np.zeros((L, L))
    for (a, b), w in info.transitions.items():
        trans[lid[a], lid[b]] = w
    attrs = list(rows)
    matrix = np.array([rows[a] for a in attrs]) if attrs else np.zeros((0, L))
    return labels, attrs, matrix, trans


def weights_path(path: str) -> str:
    """Return the path of the exported weights beside a model file (ner.crfsuite → ner.weights.npz)."""
    import os
    return os.path.splitext(path)[0] + ".weights.npz"


def _digest(path: str) -> str:
    import hashlib
    with open(path, "rb") as fh:
        return hashlib.sha256(fh.read()).hexdigest()


def export_weights(path: str) -> str:
    """Write the model's weights as a numpy archive beside it (loads in milliseconds, where parsing the
    crfsuite dump takes about 0.2 s); it records the model's SHA-256 so a stale export is ignored."""
    import os
    import tempfile
    labels, attrs, matrix, trans = read_weights(path)
    out = weights_path(path)
    fd, tmp = tempfile.mkstemp(prefix=".weights-", suffix=".npz", dir=os.path.dirname(os.path.abspath(out)))
    os.close(fd)
    try:
        with open(tmp, "wb") as fh:
            np.savez_compressed(fh, labels=np.array(labels), attrs=np.array(attrs), matrix=matrix, trans=trans,
                                digest=np.array(_digest(path)))
        os.chmod(tmp, 0o644)
        os.replace(tmp, out)
    finally:
        if os.path.exists(tmp):
            os.unlink(tmp)
    return out


def load_weights(path: str):
    """Return the exported weights of a model if they exist and match it, else None."""
    import os
    w = weights_path(path)
    if not os.path.exists(w):
        return None
    try:
        with np.load(w, allow_pickle=False) as z:
            if str(z["digest"]) != _digest(path):
                return None
            return list(z["labels"]), [str(a) for a in z["attrs"]], z["matrix"], z["trans"]
    except (OSError, ValueError, KeyError):
        return None


class FastTagger:
    """Tag sentences with the weights of a crfsuite model file."""

    def __init__(self, path: str):
        from . import ner
        exported = load_weights(path)
        if exported is None:
            exported = read_weights(path)
        labels, attrs, matrix, trans = exported
        self.labels: list[str] = list(labels)
        self._lid = {lab: i for i, lab in enumerate(self.labels)}
        L = len(self.labels)
        self._w: dict[str, np.ndarray] = dict(zip(attrs, matrix))
        self._trans = np.asarray(trans, dtype=float).reshape(L, L)
        self._zero = np.zeros(L)
        self._cache: dict[str, np.ndarray] = {}
        self._markers: dict[str, np.ndarray] = {}
        self._features = ner.features
        self._context = ner._context
        self.path = path

    def _vec(self, feats) -> np.ndarray:
        w = self._w
        rows = [w[f] for f in feats if f in w]
        if not rows:
            return self._zero
        return rows[0] if len(rows) == 1 else np.sum(rows, axis=0)

    _OFFSETS = ("", "-1:", "+1:", "-2:", "+2:")
    BUCKET = 48

    def _word(self, word: str) -> np.ndarray:
        """Return the 5 × tags emission vectors of a word at offsets 0, -1, +1, -2, +2 (cached)."""
        v = self._cache.get(word)
        if v is None:
            v = np.array([self._vec(self._features(word) if o == "" else self._context(word, o))
                          for o in self._OFFSETS])
            if len(self._cache) < 300_000:
                self._cache[word] = v
        return v

    def _marker(self, name: str) -> np.ndarray:
        v = self._markers.get(name)
        if v is None:
            v = self._markers[name] = self._vec((name,))
        return v

    def emissions(self, sentences) -> list[np.ndarray]:
        """Return the n × tags emission scores of each (words, spaced, gazetteer tags) sentence,
        computed for all sentences at once (features as in khobor.ner.sentence_features)."""
        words = [w for s in sentences for w in s[0]]
        if not words:
            return [np.zeros((0, len(self.labels))) for _ in sentences]
        lengths = [len(s[0]) for s in sentences]
        W = np.array([self._word(w) for w in words])              # tokens × 5 × tags
        n = len(words)
        starts = np.zeros(n, dtype=bool)
        ends = np.zeros(n, dtype=bool)
        pos = 0
        for m in lengths:
            if m:
                starts[pos] = True
                ends[pos + m - 1] = True
            pos += m
        E = W[:, 0].copy()
        # neighbours inside the same sentence
        has_prev = ~starts
        has_prev2 = has_prev.copy()
        has_prev2[1:] &= has_prev[:-1]
        has_prev2[0] = False
        has_next = ~ends
        has_next2 = has_next.copy()
        has_next2[:-1] &= has_next[1:]
        has_next2[-1] = False
        E[1:] += W[:-1, 1] * has_prev[1:, None]
        E[:-1] += W[1:, 2] * has_next[:-1, None]
        E[2:] += W[:-2, 3] * has_prev2[2:, None]
        E[:-2] += W[2:, 4] * has_next2[:-2, None]
        E[starts] += self._marker("BOS")
        E[ends] += self._marker("EOS")
        pos = 0
        marker = self._marker
        for words_, spaced, gaz in sentences:
            m = len(words_)
            for i in range(m):
                g = gaz[i]
                if g != "O":
                    E[pos + i] += marker("gz=" + g)
                    if i + 1 < m:
                        E[pos + i + 1] += marker("-1:gz=" + g)
                    if i > 0:
                        E[pos + i - 1] += marker("+1:gz=" + g)
                if i + 1 < m and not spaced[i]:
                    E[pos + i + 1] += marker("-1:glued")
            pos += m
        out, pos = [], 0
        for m in lengths:
            out.append(E[pos:pos + m])
            pos += m
        return out

    def viterbi(self, batch: list[np.ndarray]) -> list[list[str]]:
        """Return the best tag sequence of each emission matrix, decoding all of them together."""
        if not batch:
            return []
        S = len(batch)
        L = len(self.labels)
        lengths = np.array([len(e) for e in batch])
        N = int(lengths.max())
        E = np.zeros((S, N, L))
        for s, e in enumerate(batch):
            E[s, :len(e)] = e
        back = np.zeros((S, N, L), dtype=np.intp)
        score = E[:, 0, :].copy()
        T = self._trans[None, :, :]
        for t in range(1, N):
            cand = score[:, :, None] + T
            back[:, t, :] = cand.argmax(axis=1)
            new = cand.max(axis=1)
            new += E[:, t, :]
            if lengths.min() > t:
                score = new
            else:
                active = (lengths > t)[:, None]
                score = np.where(active, new, score)
        labels = self.labels
        out = []
        last = score.argmax(axis=1).tolist()
        back_l = back.tolist()
        for s in range(S):
            n = int(lengths[s])
            tags = [0] * n
            k = last[s]
            bs = back_l[s]
            for t in range(n - 1, -1, -1):
                tags[t] = k
                k = bs[t][k]
            out.append([labels[k] for k in tags])
        return out

    def tag_many(self, sentences: list[tuple[Sequence[str], Sequence[bool], Sequence[str]]]) -> list[list[str]]:
        """Return BIO tags for many (words, spaced, gazetteer tags) sentences at once."""
        idx = [k for k, s in enumerate(sentences) if len(s[0])]
        ems = self.emissions([sentences[k] for k in idx])
        out: list[list[str]] = [[] for _ in sentences]
        # Decode sentences of similar length together: few Viterbi steps, little padding.
        order = sorted(range(len(idx)), key=lambda k: len(ems[k]))
        for b in range(0, len(order), self.BUCKET):
            group = order[b:b + self.BUCKET]
            for k, tags in zip(group, self.viterbi([ems[k] for k in group])):
                out[idx[k]] = tags
        return out
