"""`khobor stats`: what a store holds — articles, outlets, dates, near-duplicates, top entities, events."""
from __future__ import annotations

from typing import Any

from .db import Store

__all__ = ["stats", "report"]


def stats(store: Store, top: int = 10) -> dict[str, Any]:
    """Return a summary of the store as a dict (the `--json` form of `khobor stats`)."""
    one = lambda sql: store.conn.execute(sql).fetchone()          # noqa: E731
    n, chars, first, last = one("SELECT count(*), coalesce(sum(chars), 0), min(published), max(published) FROM articles")
    clusters, clustered = one("SELECT count(*), coalesce(sum(k), 0) FROM (SELECT count(*) AS k FROM articles "
                              "GROUP BY cluster_id HAVING k > 1)")
    rows = lambda sql: [tuple(r) for r in store.conn.execute(sql, (top,))]   # noqa: E731
    return {
        "store": store.path, "schema_version": store.version(),
        "articles": n, "characters": chars, "published": {"from": first, "to": last},
        "outlets": rows("SELECT coalesce(outlet, '?'), count(*) c FROM articles GROUP BY 1 ORDER BY c DESC LIMIT ?"),
        "categories": rows("SELECT coalesce(category, '?'), count(*) c FROM articles GROUP BY 1 ORDER BY c DESC LIMIT ?"),
        "near_duplicate_clusters": clusters, "articles_in_clusters": clustered,
        "entities": one("SELECT count(*) FROM entities")[0],
        "mentions": one("SELECT count(*) FROM mentions")[0],
        "top_entities": rows("SELECT e.canonical, e.label, count(DISTINCT m.article_id) k, count(*) FROM mentions m "
                             "JOIN entities e ON e.id = m.entity_id GROUP BY e.id ORDER BY k DESC, 4 DESC LIMIT ?"),
        "quotes": one("SELECT count(*) FROM quotes")[0],
        "event_mentions": one("SELECT count(*) FROM events")[0],
        "events": one("SELECT count(DISTINCT event_key) FROM events")[0],
        "event_types": rows("SELECT type, count(*) c FROM events GROUP BY type ORDER BY c DESC LIMIT ?"),
        "top_events": rows("SELECT date, actor_name, type, recipient_name, num_mentions, num_articles, num_sources "
                           "FROM merged_events ORDER BY num_articles DESC, num_mentions DESC, date DESC LIMIT ?"),
        "problems": one("SELECT count(*) FROM problems")[0],
    }


def report(s: dict[str, Any]) -> str:
    """Return the readable form of stats()."""
    pub = s["published"]
    lines = [f"{s['store']} (schema {s['schema_version']}): {s['articles']} articles, {s['characters']:,} characters"
             + (f", published {pub['from']} to {pub['to']}" if pub["from"] else "")]
    if s["outlets"]:
        lines.append("  outlets: " + ", ".join(f"{o} {c}" for o, c in s["outlets"]))
    if s["categories"]:
        lines.append("  categories: " + ", ".join(f"{o} {c}" for o, c in s["categories"]))
    lines.append(f"  near-duplicates: {s['near_duplicate_clusters']} clusters holding {s['articles_in_clusters']} articles")
    lines.append(f"  entities: {s['entities']} ({s['mentions']} mentions); quotes: {s['quotes']}; "
                 f"events: {s['events']} ({s['event_mentions']} mentions); problems: {s['problems']}")
    if s["top_entities"]:
        lines.append("  top entities (articles):")
        lines += [f"    {name} ({label}) {k}" for name, label, k, _ in s["top_entities"]]
    if s["event_types"]:
        lines.append("  event types: " + ", ".join(f"{t} {c}" for t, c in s["event_types"]))
    if s["top_events"]:
        lines.append("  top events (articles, mentions, sources):")
        lines += [f"    {d or '?'}  {a or '?'} —{t}→ {r or '-'}  ({na}, {nm}, {ns})"
                  for d, a, t, r, nm, na, ns in s["top_events"]]
    return "\n".join(lines)
