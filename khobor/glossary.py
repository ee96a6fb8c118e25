"""English names for organisations and places the gazetteer lacks, word by word from a glossary.

`lang/bn/name_glossary.tsv` maps words of Bengali institution and place names to the English
word of official names (থানা → Police Station, জেনারেল → General); a `head` word goes in front
with 'of' (বাণিজ্য মন্ত্রণালয় → Ministry of Commerce). Other words are romanized.
"""
from __future__ import annotations

import functools

from .lang import bn
from .normalize import search_key

__all__ = ["translate_name", "in_glossary"]


@functools.lru_cache(maxsize=1)
def _glossary() -> dict[str, tuple[str, str]]:
    out: dict[str, tuple[str, str]] = {}
    if bn.data_path("name_glossary.tsv").is_file():
        for row in bn.read_lines("name_glossary.tsv")[1:]:
            cols = row.split("\t")
            if len(cols) == 3:
                out.setdefault(search_key(cols[0]), (cols[1], cols[2]))
    return out


def in_glossary(word: str) -> bool:
    """Return True if the word (as written) is a glossary word of institution and place names."""
    return search_key(word) in _glossary()


def _word(word: str) -> tuple[str, str]:
    from .morph import split_word
    from .romanize import romanize_name
    g = _glossary()
    hit = g.get(search_key(word)) or g.get(search_key(split_word(word)[0]))
    if hit:
        return hit
    return romanize_name(word), "word"


def translate_name(words: list[str]) -> str:
    """Return an English name for the words of an organisation or place name."""
    parts = [_word(w) for w in words if w.strip("-")]
    if not parts:
        return ""
    english, position = parts[-1]
    rest = [p[0] for p in parts[:-1]]
    if position == "head" and rest:
        return f"{english} of {' '.join(rest)}"
    return " ".join(rest + [english])
