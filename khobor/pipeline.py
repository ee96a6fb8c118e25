"""Step registry and the pipeline: steps declare what they require and provide; the chain is checked when built."""
from __future__ import annotations

import importlib
import re
from dataclasses import dataclass, field
from typing import Any, Callable, Iterable, Iterator

from .document import Document, Meta, content_id
from .errors import BadMetadata, EmptyInput, KhoborError, PipelineError, UnknownStep

__all__ = ["register", "Pipeline", "DEFAULT_STEPS", "available_steps"]

StepFn = Callable[[Document], None]

#: Steps of the default pipeline, in order.
DEFAULT_STEPS: tuple[str, ...] = ("normalize", "segment", "morph", "entities")

# Built-in steps live in their own modules, imported only when a pipeline uses them.
_BUILTIN_MODULES = {
    "normalize": "khobor.steps",
    "segment": "khobor.steps",
    "morph": "khobor.steps",
    "entities": "khobor.steps",
}


@dataclass(frozen=True)
class StepSpec:
    name: str
    requires: tuple[str, ...]
    provides: tuple[str, ...]
    factory: Callable[..., StepFn] = field(compare=False)


_REGISTRY: dict[str, StepSpec] = {}


def register(name: str, *, requires: Iterable[str] = (), provides: Iterable[str] = ()):
    """Register a step factory: `factory(**config)` returns a callable that fills a Document in place."""
    def deco(factory: Callable[..., StepFn]) -> Callable[..., StepFn]:
        _REGISTRY[name] = StepSpec(name, tuple(requires), tuple(provides), factory)
        return factory
    return deco


def _spec(name: str) -> StepSpec:
    if name not in _REGISTRY and name in _BUILTIN_MODULES:
        importlib.import_module(_BUILTIN_MODULES[name])
    try:
        return _REGISTRY[name]
    except KeyError:
        known = ", ".join(sorted(set(_REGISTRY) | set(_BUILTIN_MODULES)))
        raise UnknownStep(f"no step named {name!r}; known steps: {known}") from None


def available_steps() -> list[str]:
    """Return the names of all known steps."""
    return sorted(set(_REGISTRY) | set(_BUILTIN_MODULES))


_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")


def check_date(value: str | None) -> str | None:
    """Return an ISO date string unchanged, or raise BadMetadata saying what format is expected."""
    if value is None:
        return None
    import datetime
    if not _DATE.fullmatch(value):
        raise BadMetadata(f"published date {value!r} is not YYYY-MM-DD; pass e.g. --published 2025-10-19")
    try:
        datetime.date.fromisoformat(value)
    except ValueError:
        raise BadMetadata(f"published date {value!r} is not a real date; pass e.g. --published 2025-10-19") from None
    return value


class Pipeline:
    """An ordered list of steps; `pipeline(doc)` runs them all, `process(text)` builds the Document first."""

    def __init__(self, steps: Iterable[str] = DEFAULT_STEPS, config: dict[str, dict[str, Any]] | None = None):
        self.names = tuple(steps)
        config = config or {}
        have = {"raw"}
        specs = []
        for name in self.names:
            spec = _spec(name)
            missing = [r for r in spec.requires if r not in have]
            if missing:
                raise PipelineError(
                    f"step {name!r} requires {', '.join(missing)}, which no earlier step provides "
                    f"(fulfilled: {', '.join(sorted(have))}); add the providing step before it")
            have.update(spec.provides)
            specs.append(spec)
        self.provides = frozenset(have)
        self._steps = [(s.name, s.factory(**config.get(s.name, {}))) for s in specs]

    def __call__(self, doc: Document) -> Document:
        for name, fn in self._steps:
            fn(doc)
            doc.layers.add(name)
        return doc

    def make_doc(self, text: str, *, published: str | None = None, title: str | None = None,
                 url: str | None = None, outlet: str | None = None, id: str | None = None) -> Document:
        """Return a new, unprocessed Document for `text` with checked metadata."""
        if not isinstance(text, str):
            raise TypeError(f"text must be str, not {type(text).__name__}")
        if not text.strip():
            raise EmptyInput("the text is empty or white space only; pass an article's text")
        meta = Meta(title=title, url=url, outlet=outlet, published=check_date(published))
        return Document(text, meta=meta, id=id)

    def process(self, text: str, **meta: Any) -> Document:
        """Return the analyzed Document for one article text."""
        doc = self(self.make_doc(text, **meta))
        if doc.id is None:
            doc.id = content_id(doc.text)
        return doc

    def pipe(self, items: Iterable[str | dict[str, Any]], *, errors: str = "raise") -> Iterator[Document | KhoborError]:
        """Yield a Document per item (a text, or a dict with 'text' and metadata keys).

        With errors="return", a bad item yields its KhoborError instead and the rest go on.
        """
        for item in items:
            try:
                if isinstance(item, str):
                    yield self.process(item)
                else:
                    fields = dict(item)
                    text = fields.pop("text", None)
                    if text is None:
                        raise EmptyInput("item has no 'text' field")
                    yield self.process(text, **{k: v for k, v in fields.items()
                                                if k in ("published", "title", "url", "outlet", "id")})
            except KhoborError as exc:
                if errors == "raise":
                    raise
                yield exc
