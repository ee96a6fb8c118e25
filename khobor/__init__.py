"""khobor: Bengali news in, structured knowledge out.

    >>> import khobor
    >>> doc = khobor.analyze("ঢাকা, ১২ মার্চ — সরকার নতুন বাজেট ঘোষণা করেছে।", published="2025-03-12")
    >>> [s.text for s in doc.sentences]
    ['ঢাকা, ১২ মার্চ — সরকার নতুন বাজেট ঘোষণা করেছে।']
"""
from __future__ import annotations

import functools
from typing import Any, Iterable, Iterator

from .document import SCHEMA, Document, Meta, Span, Token
from .errors import KhoborError
from .pipeline import DEFAULT_STEPS, Pipeline

__version__ = "0.1.0"
__all__ = ["analyze", "pipe", "load", "Document", "Meta", "Span", "Token", "Pipeline", "KhoborError", "SCHEMA",
           "__version__"]


@functools.lru_cache(maxsize=8)
def load(steps: tuple[str, ...] = DEFAULT_STEPS) -> Pipeline:
    """Return a (cached) pipeline with the given steps."""
    return Pipeline(steps)


def analyze(text: str, *, published: str | None = None, title: str | None = None, url: str | None = None,
            outlet: str | None = None, id: str | None = None) -> Document:
    """Return the analyzed Document for one article's text."""
    return load().process(text, published=published, title=title, url=url, outlet=outlet, id=id)


def pipe(items: Iterable[str | dict[str, Any]], *, errors: str = "raise") -> Iterator[Document | KhoborError]:
    """Yield analyzed Documents for many texts (or dicts with 'text' and metadata)."""
    return load().pipe(items, errors=errors)
