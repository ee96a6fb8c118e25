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


@register("morph", requires=("tokens",), provides=("lemmas",))
def make_morph():
    """Return a step that sets a lemma for every token (verb lemma, noun base, else the token)."""
    from .morph import lemma

    def morph_step(doc: Document) -> None:
        text = doc.text
        starts, ends = doc.token_offsets
        doc.lemmas = [lemma(text[a:b]) for a, b in zip(starts, ends)]
    return morph_step


@register("entities", requires=("tokens", "lemmas"), provides=("entities",))
def make_entities():
    """Return a step that finds, classifies and links entity mentions (CRF + gazetteer + linking)."""
    from .entities import find_entities, find_entities_many

    def entities_step(doc: Document) -> None:
        doc.entities = find_entities(doc)

    def entities_batch(docs: list[Document]) -> None:
        for doc, found in zip(docs, find_entities_many(docs)):
            doc.entities = found
    entities_step.batch = entities_batch
    return entities_step
