"""Bengali language data: lexicons and gazetteers as plain files, with cached loaders."""
from __future__ import annotations

import functools
import unicodedata
from importlib import resources

__all__ = ["data_path", "read_lines", "abbreviations", "initials"]


def data_path(name: str):
    """Return a Traversable for the data file `name` in this package."""
    return resources.files(__name__).joinpath(name)


@functools.lru_cache(maxsize=None)
def read_lines(name: str) -> tuple[str, ...]:
    """Return the non-empty, non-comment lines of a data file, NFC-normalized and stripped."""
    text = data_path(name).read_text(encoding="utf-8")
    out = []
    for line in text.splitlines():
        line = line.strip()
        if line and not line.startswith("#"):
            out.append(unicodedata.normalize("NFC", line))
    return tuple(out)


@functools.lru_cache(maxsize=None)
def abbreviations() -> frozenset[str]:
    """Return abbreviations (without their final dot) whose dot never ends a sentence."""
    return frozenset(read_lines("abbreviations.txt"))


@functools.lru_cache(maxsize=None)
def initials() -> frozenset[str]:
    """Return letter names used as dotted initials (এ. কে. এম.)."""
    return frozenset(read_lines("initials.txt"))
