"""Input readers: plain text, HTML pages, JSON Lines dumps, web archives (WARC) and RSS/Atom feeds.

`read(paths)` yields a Record per article and a Problem (with a coded error) per item it cannot read,
from files, folders (recursively) and stdin ('-').
"""
from __future__ import annotations

from .readers import FORMATS, read
from .record import Problem, Record

__all__ = ["Record", "Problem", "read", "FORMATS"]
