"""Human-readable renderings of a Document for the terminal."""
from __future__ import annotations

import textwrap

from .document import Document


def summary_line(doc: Document) -> str:
    """Return one line of counts: paragraphs, sentences, tokens, characters."""
    return (f"{len(doc.paragraphs)} paragraphs, {len(doc.sentences)} sentences, "
            f"{len(doc.token_offsets[0])} tokens, {len(doc.text)} characters")


def pretty(doc: Document, *, tokens: bool = False, width: int = 100) -> str:
    """Return the article with a header and numbered sentences, paragraph by paragraph."""
    meta = doc.meta
    out = []
    title = meta.title or "(untitled)"
    out.append(f"# {title}")
    facts = [f"id {doc.id}"]
    if meta.published:
        facts.append(f"published {meta.published}")
    if meta.outlet:
        facts.append(meta.outlet)
    if meta.url:
        facts.append(meta.url)
    out.append("  " + " · ".join(facts))
    out.append("  " + summary_line(doc))
    art = doc.article
    if art:
        line = art.get("dateline")
        src = art.get("source")
        facts2 = [f"category {art.get('category')}"]
        if line:
            facts2.append(f"dateline {line.get('place')}" + (f", {line['date']}" if line.get("date") else ""))
        if src:
            facts2.append(f"source {src.get('canonical') or src.get('text')}")
        out.append("  " + " · ".join(facts2))
        if art.get("keywords"):
            out.append("  keywords: " + ", ".join(art["keywords"]))
        if art.get("summary") is not None:
            out.append("  summary: sentences " + ", ".join(str(i + 1) for i in art["summary"]))
    for w in doc.warnings:
        out.append(f"  warning: {w}")
    para_i = 0
    paras = doc.paragraphs
    for i, sent in enumerate(doc.sentences, 1):
        while para_i < len(paras) and paras[para_i].end <= sent.start:
            para_i += 1
        if para_i < len(paras) and paras[para_i].start == sent.start:
            out.append("")
            out.append(f"¶{para_i + 1}")
        prefix = f"  [{i}] "
        lines = textwrap.wrap(sent.text, width=width - len(prefix)) or [""]
        out.append(prefix + lines[0])
        out.extend(" " * len(prefix) + line for line in lines[1:])
        ents = [e for e in doc.entities if sent.start <= e.start < sent.end]
        if ents:
            marks = "; ".join(f"{e.text} [{e.label}{' → ' + e.canonical if e.canonical else ''}]" for e in ents)
            for line in textwrap.wrap(marks, width=width - len(prefix) - 2):
                out.append(" " * len(prefix) + "◆ " + line)
        marks = [f"{x.text} = {x.value}" for x in doc.times if sent.start <= x.start < sent.end]
        for x in doc.numbers:
            if sent.start <= x.start < sent.end:
                v = int(x.value) if float(x.value).is_integer() else x.value
                rng = f"–{x.value_to:g}" if x.value_to is not None else ""
                marks.append(f"{x.text} = {v:,}{rng}".replace(".0–", "–") + (f" {x.unit}" if x.unit else "")
                             + f" ({x.kind})")
        if marks:
            for line in textwrap.wrap("; ".join(marks), width=width - len(prefix) - 2):
                out.append(" " * len(prefix) + "⏱ " + line)
        for ev in doc.events:
            e = ev.to_dict(doc) if hasattr(ev, "to_dict") else ev
            if sent.start <= e["evidence"]["start"] < sent.end:
                actor = (e["actor"] or {}).get("canonical") or "?"
                rec = (e["recipient"] or {}).get("canonical") if e["recipient"] else None
                kind = e["type"] + ("/" + e["mode"] if e["mode"] else "")
                where = ", ".join(x for x in (e.get("date"), e.get("location")) if x)
                line = f"{actor} —{kind}→ {rec or '∅'}" + (f" ({where})" if where else "") + f"  [CAMEO {e['cameo']}]"
                for piece in textwrap.wrap(line, width=width - len(prefix) - 2):
                    out.append(" " * len(prefix) + "⚑ " + piece)
        for q in doc.quotes:
            if sent.start <= q.start < sent.end:
                who = q.speaker or "(no speaker found)"
                snippet = q.text if len(q.text) <= 60 else q.text[:57] + "…"
                for line in textwrap.wrap(f"“{snippet}” — {who}", width=width - len(prefix) - 2):
                    out.append(" " * len(prefix) + "❝ " + line)
        if tokens:
            toks = " · ".join(t.text for t in sent.tokens)
            for line in textwrap.wrap(toks, width=width - len(prefix)):
                out.append(" " * len(prefix) + "⟨" + line + "⟩")
    return "\n".join(out) + "\n"
