"""The statistical entity tagger: CRF (python-crfsuite) over morphology, lexicon, gazetteer and shape features.

A sentence is a list of token strings plus `spaced` flags (token k and k+1 are separated by one
space). Features of a word are computed once and cached; a token's features are its own plus its
neighbours' (prefixed with their offset), plus the gazetteer match tags of itself and its
neighbours. Labels are BIO over PER ORG GPE LOC NORP. The model ships in khobor/models/.
"""
from __future__ import annotations

import functools
import json
from importlib import resources
from typing import Sequence

from .entities import is_word, match_tokens
from .lang import bn
from .morph import known_base, split_word, verb_lemma
from .normalize import search_key

__all__ = ["features", "sentence_features", "Tagger", "load_tagger", "decode", "MODEL_NAME", "cues", "person_words"]

MODEL_NAME = "ner.crfsuite"
MANIFEST_NAME = "ner.json"
LABELS = ("PER", "ORG", "GPE", "LOC", "NORP")


@functools.lru_cache(maxsize=1)
def cues() -> dict[str, tuple[str, ...]]:
    """Return word → cue kinds from lang/bn/ner_cues.tsv (title, org_head, loc_head, gpe_head, speech, ...)."""
    out: dict[str, list[str]] = {}
    if bn.data_path("ner_cues.tsv").is_file():
        for line in bn.read_lines("ner_cues.tsv")[1:]:
            cols = line.split("\t")
            if len(cols) >= 2:
                out.setdefault(search_key(cols[0]), []).append(cols[1])
    return {k: tuple(v) for k, v in out.items()}


@functools.lru_cache(maxsize=1)
def person_words() -> dict[str, str]:
    """Return word → kind (given, surname, both, honorific, initial) from lang/bn/person_names.tsv."""
    out: dict[str, str] = {}
    if bn.data_path("person_names.tsv").is_file():
        for line in bn.read_lines("person_names.tsv")[1:]:
            cols = line.split("\t")
            if len(cols) >= 3:
                out.setdefault(search_key(cols[0]), cols[2])
    return out


def _shape(word: str) -> str:
    ch = word[:1]
    if not ch:
        return "empty"
    if "\u09e6" <= ch <= "\u09ef" or ch.isdigit():
        return "digit"
    if "\u0980" <= ch <= "\u09ff":
        return "bn"
    if ch.isalpha():
        return "lat-cap" if ch.isupper() else "lat"
    return "punct:" + ch if len(word) == 1 else "sym"


@functools.lru_cache(maxsize=300_000)
def features(word: str) -> tuple[str, ...]:
    """Return the features of a word by itself (unprefixed); few, to keep tagging fast."""
    key = search_key(word)
    out = ["w=" + key]
    if not is_word(word):
        out.append("shape=" + _shape(word))
        return tuple(out)
    shape = _shape(word)
    if shape != "bn":
        out.append("shape=" + shape)
    base, sfx = split_word(word, aggressive=True)
    bkey = search_key(base)
    if sfx:
        out.append("b=" + bkey)
        out.append("sfx=" + "+".join(sfx))
    out.append("s3=" + key[-3:])
    if word.endswith("."):
        out.append("abbr")
    if known_base(base) or known_base(word):
        out.append("known")
    if verb_lemma(word) is not None:
        out.append("verb")
    c = cues()
    for kind in c.get(key, ()) or c.get(bkey, ()):
        out.append("cue=" + kind)
    pw = person_words()
    kind = pw.get(key) or pw.get(bkey)
    if kind:
        out.append("pn=" + kind)
    return tuple(out)


_NEAR = ("w=", "b=", "shape=", "cue=", "pn=", "verb", "known")
_FAR = ("cue=", "pn=", "verb")


@functools.lru_cache(maxsize=300_000)
def _context(word: str, offset: str) -> tuple[str, ...]:
    keep = _NEAR if offset in ("-1:", "+1:") else _FAR
    return tuple(offset + f for f in features(word) if f.startswith(keep))


def gazetteer_tags(words: Sequence[str], spaced: Sequence[bool], matches=None) -> list[str]:
    """Return BIO tags of the longest gazetteer matches (computed unless `matches` is given)."""
    gaz = ["O"] * len(words)
    for i, j, e in matches if matches is not None else match_tokens(list(words), list(spaced)):
        gaz[i] = "B-" + e.label
        for k in range(i + 1, j):
            gaz[k] = "I-" + e.label
    return gaz


def sentence_features(words: Sequence[str], spaced: Sequence[bool], matches=None) -> list[list[str]]:
    """Return the feature lists of each token of one sentence."""
    n = len(words)
    gaz = gazetteer_tags(words, spaced, matches)
    own = [features(w) for w in words]
    prev = [_context(w, "-1:") for w in words]
    nxt = [_context(w, "+1:") for w in words]
    out = []
    for i in range(n):
        f = list(own[i])
        g = gaz[i]
        if g != "O":
            f.append("gz=" + g)
        if i > 0:
            f += prev[i - 1]
            if gaz[i - 1] != "O":
                f.append("-1:gz=" + gaz[i - 1])
            if not spaced[i - 1]:
                f.append("-1:glued")
            if i > 1:
                f += _context(words[i - 2], "-2:")
        else:
            f.append("BOS")
        if i + 1 < n:
            f += nxt[i + 1]
            if gaz[i + 1] != "O":
                f.append("+1:gz=" + gaz[i + 1])
            if i + 2 < n:
                f += _context(words[i + 2], "+2:")
        else:
            f.append("EOS")
        out.append(f)
    return out


def decode(tags: Sequence[str]) -> list[tuple[int, int, str]]:
    """Return (first, stop, label) token ranges from BIO tags (an I- without a B- starts a span)."""
    out = []
    start, label = None, None
    for i, t in enumerate(list(tags) + ["O"]):
        if t.startswith("I-") and label == t[2:]:
            continue
        if start is not None:
            out.append((start, i, label))
            start = label = None
        if t != "O":
            start, label = i, t[2:]
    return out


class Tagger:
    """A loaded CRF model; tagging uses khobor.crf.FastTagger (same results as crfsuite, faster)."""

    def __init__(self, path: str):
        from .crf import FastTagger
        self._fast = FastTagger(path)
        self.path = path

    def tag(self, words: Sequence[str], spaced: Sequence[bool], matches=None) -> list[str]:
        """Return one BIO tag per token (`matches`: the sentence's gazetteer matches, if already known)."""
        if not words:
            return []
        return self._fast.tag_many([(words, spaced, gazetteer_tags(words, spaced, matches))])[0]

    def tag_many(self, sentences) -> list[list[str]]:
        """Return BIO tags for many (words, spaced, matches) sentences, decoded together."""
        return self._fast.tag_many([(w, s, gazetteer_tags(w, s, m)) for w, s, m in sentences])


def model_path():
    """Return the Traversable of the shipped model."""
    return resources.files("khobor").joinpath("models", MODEL_NAME)


def manifest() -> dict | None:
    """Return the shipped model's manifest, or None."""
    p = resources.files("khobor").joinpath("models", MANIFEST_NAME)
    return json.loads(p.read_text(encoding="utf-8")) if p.is_file() else None


@functools.lru_cache(maxsize=4)
def load_tagger(path: str | None = None) -> Tagger | None:
    """Return the tagger for `path` (default: the shipped model), or None if there is no model file."""
    if path is None:
        p = model_path()
        if not p.is_file():
            return None
        with resources.as_file(p) as real:
            return Tagger(str(real))
    return Tagger(path)
