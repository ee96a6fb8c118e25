"""NER training and evaluation data: readers (khobor gold, banglakit JSONL, CoNLL) and label repair.

Every reader yields `Sample`s: one sentence as token strings, `spaced` flags, BIO tags over
PER ORG GPE LOC NORP, and the index of its block (article) so that folds never split an article.
"""
from __future__ import annotations

import json
import pathlib
from dataclasses import dataclass, field

from .entities import match_tokens
from .errors import DataError, MissingInput
from .normalize import normalize

__all__ = ["Sample", "read", "guess_format", "FORMATS", "repair", "spans"]

FORMATS = ("khobor", "banglakit", "conll")
_LABEL_MAP = {"PERSON": "PER", "PER": "PER", "ORG": "ORG", "ORGANIZATION": "ORG", "GPE": "GPE", "LOC": "LOC",
              "LOCATION": "LOC", "NORP": "NORP"}


@dataclass
class Sample:
    """One sentence: tokens, spacing, BIO tags and its block (article) number."""

    words: list[str]
    spaced: list[bool]
    tags: list[str]
    block: int
    repaired: int = field(default=0)
    original: list[str] | None = field(default=None, repr=False)   # tags before repair


def spans(tags: list[str]) -> list[tuple[int, int, str]]:
    """Return (first, stop, label) ranges of BIO tags."""
    from .ner import decode
    return decode(tags)


def _tokens(text: str) -> tuple[list[str], list[bool], list[tuple[int, int]]]:
    """Return the khobor tokens of a sentence (abbreviation dots merged), spacing flags and offsets."""
    from .segment import segment, token_offsets
    _, _, pieces, merges = segment(text)
    starts, ends = token_offsets(pieces, merges)
    words = [text[a:b] for a, b in zip(starts, ends)]
    spaced = [ends[k] + 1 == starts[k + 1] and text[ends[k]] == " " for k in range(len(words) - 1)] + [False]
    return words, spaced, list(zip(starts, ends))


def _bilou_to_bio(tags: list[str]) -> list[str]:
    out = []
    for t in tags:
        if t == "O" or "-" not in t:
            out.append("O")
            continue
        pos, lab = t.split("-", 1)
        lab = _LABEL_MAP.get(lab.upper())
        if lab is None:
            out.append("O")
        elif pos in ("B", "U", "S"):
            out.append("B-" + lab)
        else:
            prev = out[-1] if out else "O"
            out.append(("I-" if prev != "O" and prev[2:] == lab else "B-") + lab)
    return out


def _read_khobor(path: pathlib.Path) -> list[Sample]:
    from .eval.common import load_gold
    out = []
    block = -1
    for g in load_gold(path):
        ents = g.data.get("entities")
        if ents is None:
            continue
        block += 1
        text = g.text
        if normalize(text) != text:
            raise DataError("gold text is not normalized", where=g.id)
        from .segment import segment, token_offsets
        _, sentences, pieces, merges = segment(text)
        starts, ends = token_offsets(pieces, merges)
        label_at: dict[int, tuple[int, str]] = {}
        for e in ents:
            label_at[e["start"]] = (e["end"], e["label"])
        k = 0
        for a, b in sentences:
            idx = []
            while k < len(starts) and starts[k] < b:
                if starts[k] >= a:
                    idx.append(k)
                k += 1
            words = [text[starts[i]:ends[i]] for i in idx]
            spaced = [ends[i] + 1 == starts[i + 1] and text[ends[i]] == " " for i in idx[:-1]] + [False]
            tags = ["O"] * len(idx)
            for e in ents:
                inside = [j for j, i in enumerate(idx) if starts[i] < e["end"] and ends[i] > e["start"]]
                for n, j in enumerate(inside):
                    tags[j] = ("B-" if n == 0 else "I-") + e["label"]
            out.append(Sample(words, spaced, tags, block))
    return out


def _read_banglakit(path: pathlib.Path) -> tuple[list[Sample], int]:
    out, skipped = [], 0
    with path.open(encoding="utf-8") as fh:
        for n, line in enumerate(fh, 1):
            if not line.strip():
                continue
            try:
                sentence, tags = json.loads(line)
            except ValueError:
                raise DataError(f"line {n} is not a [sentence, tags] JSON array", where=str(path)) from None
            words, spaced, _ = _tokens(normalize(sentence))
            if len(words) != len(tags):
                skipped += 1
                continue
            # Consecutive sentences come from the same article; 20-sentence blocks keep them together.
            out.append(Sample(words, spaced, _bilou_to_bio(tags), n // 20))
    return out, skipped


def _read_conll(path: pathlib.Path) -> list[Sample]:
    out, words, tags, block = [], [], [], 0
    with path.open(encoding="utf-8") as fh:
        for line in list(fh) + [""]:
            line = line.strip()
            if line.startswith("-DOCSTART-"):
                block += 1
                continue
            if not line:
                if words:
                    out.append(Sample(words, [True] * (len(words) - 1) + [False], _bilou_to_bio(tags), block))
                words, tags = [], []
                continue
            cols = line.split()
            words.append(normalize(cols[0]))
            tags.append(cols[-1])
    return out


def guess_format(path: str | pathlib.Path) -> str:
    """Return the data format a path most likely has: a directory or .json is khobor gold, .jsonl banglakit, else conll."""
    p = pathlib.Path(path)
    if p.is_dir() or p.suffix == ".json":
        return "khobor"
    return "banglakit" if p.suffix == ".jsonl" else "conll"


def read(path: str | pathlib.Path, fmt: str) -> tuple[list[Sample], int]:
    """Return (samples, skipped) read from `path` in format khobor (gold dir), banglakit or conll."""
    p = pathlib.Path(path)
    if not p.exists():
        raise MissingInput("no such file or directory; check --data", where=str(p))
    if fmt == "khobor":
        return _read_khobor(p), 0
    if fmt == "banglakit":
        return _read_banglakit(p)
    if fmt == "conll":
        return _read_conll(p), 0
    raise DataError(f"unknown format {fmt!r}; use one of {', '.join(FORMATS)}")


def repair(samples: list[Sample]) -> int:
    """Repair under-annotated labels in place; return the number of spans changed.

    - A person span that starts with a role or title word (অধ্যাপক, মন্ত্রী) loses those words.
    - A gazetteer match over tokens all tagged O becomes an entity with the gazetteer's label.
    - A span that is exactly a gazetteer place or group match takes the gazetteer's label
      (LOC, GPE and NORP conventions differ between datasets).
    - A run of two or more untagged words that are all person-name words (lang/bn/person_names.tsv:
      given names, surnames, honorifics such as মো.), with at least one given name or surname,
      becomes a person.
    """
    from .morph import split_word
    from .ner import cues, person_words
    from .normalize import search_key
    c = cues()
    pw = person_words()

    def name_kind(word: str) -> str | None:
        return pw.get(search_key(word)) or pw.get(search_key(split_word(word, aggressive=True)[0]))

    changed = 0
    for s in samples:
        tags = s.tags
        s.original = list(tags)
        for i, j, lab in spans(tags):
            if lab != "PER":
                continue
            k = i
            while k < j - 1 and "title" in c.get(search_key(s.words[k]), ()):
                tags[k] = "O"
                k += 1
            if k > i:
                tags[k] = "B-PER"
                changed += 1
        existing = {(i, j): lab for i, j, lab in spans(tags)}
        for i, j, e in match_tokens(s.words, s.spaced):
            if all(t == "O" for t in tags[i:j]):
                tags[i] = "B-" + e.label
                for k in range(i + 1, j):
                    tags[k] = "I-" + e.label
                changed += 1
            elif existing.get((i, j)) in ("GPE", "LOC", "NORP") and e.label in ("GPE", "LOC", "NORP") \
                    and existing[(i, j)] != e.label:
                for k in range(i, j):
                    tags[k] = ("B-" if k == i else "I-") + e.label
                changed += 1
        k, n = 0, len(tags)
        while k < n:
            j = k
            kinds = []
            while j < n and tags[j] == "O" and (j == k or s.spaced[j - 1]):
                kind = name_kind(s.words[j])
                if kind is None:
                    break
                kinds.append(kind)
                j += 1
            if j - k >= 2 and any(x in ("given", "surname", "both") for x in kinds):
                tags[k] = "B-PER"
                for m in range(k + 1, j):
                    tags[m] = "I-PER"
                changed += 1
            k = max(j, k + 1)
        s.repaired = changed
    return changed


def suspicious(sample: Sample) -> bool:
    """Return True if an untagged word of the sentence looks like a missed name: a given name or
    surname (person_names.tsv) that is not a common word."""
    from .morph import known_base, split_word
    from .ner import person_words
    from .normalize import search_key
    pw = person_words()
    for k, (w, t) in enumerate(zip(sample.words, sample.tags)):
        if t != "O":
            continue
        base = split_word(w, aggressive=True)[0]
        kind = pw.get(search_key(w)) or pw.get(search_key(base))
        if kind in ("given", "surname", "both") and not (known_base(w) or known_base(base)):
            return True
    return False
