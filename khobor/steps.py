"""The built-in foundation steps: normalize and segment."""
from __future__ import annotations

from .document import Document, Span
from .normalize import normalize
from .pipeline import register
from .segment import segment


@register("normalize", requires=("raw",), provides=("text",))
def make_normalize():
    """Return a step that replaces doc.text with its canonical form."""
    def normalize_step(doc: Document) -> None:
        doc.text = normalize(doc.raw)
    return normalize_step


@register("segment", requires=("text",), provides=("paragraphs", "sentences", "tokens"))
def make_segment():
    """Return a step that fills paragraphs, sentences and tokens."""
    def segment_step(doc: Document) -> None:
        paragraphs, sentences, pieces, merges = segment(doc.text)
        doc.paragraphs = [Span(doc, a, b) for a, b in paragraphs]
        doc.sentences = [Span(doc, a, b) for a, b in sentences]
        doc.set_pieces(pieces, merges)
    return segment_step
