"""The gazetteer: Bengali names and aliases → label, canonical English name, id, country, sector.

Data: khobor/lang/bn/gazetteer/*.tsv (columns: key, label, canonical, qid, country, sector, aliases, note).
Lookup goes through `search_key`, so spelling variants (ী/ি, শ/ষ/স, ZWJ) match.
"""
from __future__ import annotations

import functools
from dataclasses import dataclass
from importlib import resources

from .errors import DataError
from .normalize import search_key

__all__ = ["Entry", "Gazetteer", "load", "COLUMNS", "LABELS"]

COLUMNS = ("key", "label", "canonical", "qid", "country", "sector", "aliases", "note")
LABELS = frozenset({"PER", "ORG", "LOC", "GPE", "NORP"})


@dataclass(frozen=True)
class Entry:
    """One gazetteer entity."""

    key: str
    label: str
    canonical: str
    qid: str
    country: str
    sector: str
    aliases: tuple[str, ...]
    note: str
    source: str

    @property
    def id(self) -> str:
        """Return the Wikidata QID if known, else a stable khobor id ('khobor:' + key)."""
        return self.qid or f"khobor:{self.key}"


class Gazetteer:
    """All entries, indexed by the search key of every alias (as token tuples for longest match)."""

    def __init__(self, entries: list[Entry]):
        self.entries = entries
        self.by_key = {e.key: e for e in entries}
        self._by_alias: dict[str, list[Entry]] = {}
        self.first_words: dict[str, int] = {}     # first word's key → longest alias (in words) it starts
        self.max_tokens = 1
        for e in entries:
            for alias in e.aliases:
                k = search_key(alias)
                if not k:
                    continue
                bucket = self._by_alias.setdefault(k, [])
                if e not in bucket:
                    bucket.append(e)
                n = k.count(" ") + 1
                first = k.split(" ", 1)[0]
                self.first_words[first] = max(self.first_words.get(first, 0), n)
                self.max_tokens = max(self.max_tokens, n)

    def __len__(self) -> int:
        return len(self.entries)

    def lookup(self, name: str) -> list[Entry]:
        """Return the entries whose alias has the same search key as `name` (most specific first)."""
        return list(self._by_alias.get(search_key(name), ()))

    def has_key(self, key: str) -> bool:
        """Return True if some alias has exactly this search key."""
        return key in self._by_alias

    def aliases(self) -> dict[str, list[Entry]]:
        """Return the alias-key index (read-only use)."""
        return self._by_alias


def _parse(name: str, text: str) -> list[Entry]:
    lines = text.split("\n")
    if lines[0].rstrip("\r").split("\t") != list(COLUMNS):
        raise DataError(f"header must be {' '.join(COLUMNS)}", where=name)
    out = []
    for n, line in enumerate(lines[1:], 2):
        line = line.rstrip("\r")
        if not line.strip():
            continue
        cols = line.split("\t")
        if len(cols) != len(COLUMNS):
            raise DataError(f"line {n} has {len(cols)} columns, expected {len(COLUMNS)}", where=name)
        key, label, canonical, qid, country, sector, aliases, note = cols
        out.append(Entry(key, label, canonical, qid, country, sector,
                         tuple(a.strip() for a in aliases.split("|") if a.strip()), note, name))
    return out


@functools.lru_cache(maxsize=1)
def load() -> Gazetteer:
    """Return the bundled gazetteer (cached)."""
    folder = resources.files("khobor.lang.bn").joinpath("gazetteer")
    entries: list[Entry] = []
    for item in sorted(folder.iterdir(), key=lambda p: p.name):
        if item.name.endswith(".tsv"):
            entries.extend(_parse(item.name, item.read_text(encoding="utf-8")))
    return Gazetteer(entries)
