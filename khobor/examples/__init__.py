"""Bundled example articles (written for khobor) used by the main job, tests and benchmarks."""
from __future__ import annotations

import functools
import json
from dataclasses import dataclass
from importlib import resources

__all__ = ["Example", "examples", "example_text"]


@dataclass(frozen=True)
class Example:
    """One bundled article: id, file name and metadata from index.json."""

    id: str
    title: str
    published: str
    outlet: str
    category: str

    @property
    def text(self) -> str:
        """Return the article body (the title line and blank line removed)."""
        return example_text(self.id)


@functools.lru_cache(maxsize=None)
def examples() -> tuple[Example, ...]:
    """Return all bundled examples in index order."""
    index = resources.files(__name__).joinpath("index.json").read_text(encoding="utf-8")
    return tuple(Example(**{k: e[k] for k in ("id", "title", "published", "outlet", "category")})
                 for e in json.loads(index))


def example_text(example_id: str) -> str:
    """Return the body of the bundled example `example_id`."""
    raw = resources.files(__name__).joinpath(f"{example_id}.txt").read_text(encoding="utf-8")
    _title, _sep, body = raw.partition("\n\n")
    return body
