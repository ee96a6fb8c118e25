"""Step registry and the pipeline: steps declare what they require and provide; the chain is checked when built."""
from __future__ import annotations

import importlib
import re
import time
from dataclasses import dataclass, field
from typing import Any, Callable, Iterable, Iterator

from .document import Document, Meta, content_id
from .errors import BadMetadata, EmptyInput, KhoborError, PipelineError, UnknownStep

__all__ = ["register", "Pipeline", "DEFAULT_STEPS", "available_steps"]

StepFn = Callable[[Document], None]

#: Steps of the default pipeline, in order.
DEFAULT_STEPS: tuple[str, ...] = ("normalize", "segment", "morph", "entities", "times", "numbers", "quotes",
                                  "article", "events")

# Built-in steps live in their own modules, imported only when a pipeline uses them.
_BUILTIN_MODULES = {
    "normalize": "khobor.steps",
    "segment": "khobor.steps",
    "morph": "khobor.steps",
    "entities": "khobor.steps",
    "times": "khobor.steps",
    "numbers": "khobor.steps",
    "quotes": "khobor.steps",
    "article": "khobor.steps",
    "events": "khobor.steps",
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
        self.timings: dict[str, float] | None = None     # set to {} to collect seconds per step

    def __call__(self, doc: Document) -> Document:
        timings = self.timings
        for name, fn in self._steps:
            if timings is None:
                fn(doc)
            else:
                t0 = time.perf_counter()
                fn(doc)
                timings[name] = timings.get(name, 0.0) + time.perf_counter() - t0
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

    def pipe(self, items: Iterable[str | dict[str, Any]], *, errors: str = "raise",
             batch_size: int = 32) -> Iterator[Document | KhoborError]:
        """Yield a Document per item (a text, or a dict with 'text' and metadata keys), in order.

        Items are processed in batches of `batch_size`; steps that can work on many documents at
        once (the entity tagger decodes all their sentences together) do so. With errors="return",
        a bad item yields its KhoborError instead and the rest go on.
        """
        chunk: list[Document | KhoborError] = []
        for item in items:
            try:
                chunk.append(self._make_item(item))
            except KhoborError as exc:
                if errors == "raise":
                    raise
                chunk.append(exc)
            if len(chunk) >= batch_size:
                yield from self._run_batch(chunk, errors)
                chunk = []
        if chunk:
            yield from self._run_batch(chunk, errors)

    def _make_item(self, item: str | dict[str, Any]) -> Document:
        if isinstance(item, str):
            return self.make_doc(item)
        fields = dict(item)
        text = fields.pop("text", None)
        if text is None:
            raise EmptyInput("item has no 'text' field")
        return self.make_doc(text, **{k: v for k, v in fields.items()
                                      if k in ("published", "title", "url", "outlet", "id")})

    def _run_batch(self, chunk: list, errors: str) -> list:
        """Run every step over the documents of `chunk`; a failing document becomes its error."""
        out = list(chunk)
        for name, fn in self._steps:
            t0 = time.perf_counter()
            self._run_step(name, fn, out, errors)
            if self.timings is not None:
                self.timings[name] = self.timings.get(name, 0.0) + time.perf_counter() - t0
        for d in out:
            if isinstance(d, Document) and d.id is None:
                d.id = content_id(d.text)
        return out

    def _run_step(self, name: str, fn, out: list, errors: str) -> None:
        """Run one step over the live documents of a batch (all at once if the step can)."""
        live = [k for k, d in enumerate(out) if isinstance(d, Document)]
        batch = getattr(fn, "batch", None)
        if batch is not None and len(live) > 1:
            try:
                batch([out[k] for k in live])
                for k in live:
                    out[k].layers.add(name)
                return
            except KhoborError:
                pass            # find the failing document one by one below
        for k in live:
            try:
                fn(out[k])
                out[k].layers.add(name)
            except KhoborError as exc:
                if errors == "raise":
                    raise
                out[k] = exc
