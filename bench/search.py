"""Search latency over a large store: builds (once) a store of N varied articles, then times queries.

    python3 bench/search.py [--articles 100000] [--db /tmp/khobor-bench-100k.db] [--queries 300]

The store is built from bench/corpus.py (the bundled examples and, when present, ../shared's BNLPC
articles and banglakit sentences, recombined so no two articles are alike), analyzed by the full
pipeline in worker processes. Queries: frequent, middling and rare words (as inflected forms),
two-word and phrase queries, English names, and filters. Prints p50/p95/p99 per kind and overall
(target: p95 at most 50 ms).
"""
import argparse
import multiprocessing as mp
import os
import random
import statistics
import time

from corpus import articles, sentence_pool

_PIPE = None


def _analyze(chunk):
    global _PIPE
    import khobor
    if _PIPE is None:
        _PIPE = khobor.load()
    return [(d, x["where"]) for d, x in zip(_PIPE.pipe([{k: v for k, v in x.items() if k != "where"}
                                                        for x in chunk], batch_size=64), chunk)]


def build(db: str, n: int, workers: int) -> None:
    from khobor.store import Store
    items = list(articles(n))
    chunks = [items[i:i + 256] for i in range(0, n, 256)]
    t0 = time.perf_counter()
    with Store(db) as store, mp.get_context("fork").Pool(workers) as pool:
        done = 0
        for docs in pool.imap(_analyze, chunks):
            store.add(docs)
            done += len(docs)
            if done % 5120 < 256:
                print(f"  {done} articles, {time.perf_counter() - t0:.0f} s", flush=True)
        store.conn.execute("INSERT INTO article_fts(article_fts) VALUES ('optimize')")
    print(f"built {db}: {n} articles in {time.perf_counter() - t0:.0f} s, {os.path.getsize(db) / 1e6:.0f} MB")


def queries(conn, k: int, seed: int = 3):
    """Return [(kind, query, filters)] drawn from the store's own vocabulary and names."""
    rnd = random.Random(seed)
    from khobor.store.searchindex import _WORD
    sample = [r[0] for r in conn.execute("SELECT text FROM articles WHERE id % 97 = 0 LIMIT 400")]
    words = [w for t in sample for w in _WORD.findall(t) if len(w) > 2 and not w.isascii()]
    freq = {}
    for w in words:
        freq[w] = freq.get(w, 0) + 1
    ranked = sorted(freq, key=lambda w: -freq[w])
    third = max(1, len(ranked) // 3)
    names = [r[0] for r in conn.execute("SELECT canonical FROM entities WHERE canonical GLOB '[A-Z]*' "
                                        "ORDER BY id LIMIT 2000")]
    out = []
    for _ in range(k):
        kind = rnd.choice(["frequent", "middling", "rare", "two words", "phrase", "english name", "filtered"])
        if kind == "frequent":
            out.append((kind, rnd.choice(ranked[:50]), {}))
        elif kind == "middling":
            out.append((kind, rnd.choice(ranked[third:2 * third]), {}))
        elif kind == "rare":
            out.append((kind, rnd.choice(ranked[-third:]), {}))
        elif kind == "two words":
            out.append((kind, " ".join(rnd.sample(ranked[:300], 2)), {}))
        elif kind == "phrase":
            t = rnd.choice(sample)
            ws = _WORD.findall(t)
            i = rnd.randrange(max(1, len(ws) - 2))
            out.append((kind, '"' + " ".join(ws[i:i + 2]) + '"', {}))
        elif kind == "english name":
            out.append((kind, rnd.choice(names).split(" (")[0], {}))
        else:
            f = rnd.choice([{"date_from": "2023-01-01", "date_to": "2023-12-31"}, {"outlet": "Samakal"},
                            {"event": "COERCE"}, {"label": "GPE"}])
            out.append((kind, rnd.choice(ranked[:300]), f))
    return out


def pct(xs, p):
    xs = sorted(xs)
    return xs[min(len(xs) - 1, int(round(p / 100 * (len(xs) - 1))))]


def main():
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--articles", type=int, default=100_000)
    ap.add_argument("--db", default=None)
    ap.add_argument("--queries", type=int, default=300)
    ap.add_argument("--workers", type=int, default=os.cpu_count() or 1)
    args = ap.parse_args()
    db = args.db or f"/tmp/khobor-bench-{args.articles}.db"
    from khobor.store import Store, search
    have = 0
    if os.path.exists(db):
        with Store(db) as s:
            have = s.conn.execute("SELECT count(*) FROM articles").fetchone()[0]
    if have < args.articles:
        print(f"building a store of {args.articles} articles from {', '.join(sentence_pool()[1])} ...")
        if os.path.exists(db):
            os.remove(db)
        build(db, args.articles, args.workers)
    with Store(db, readonly=True) as s:
        n = s.conn.execute("SELECT count(*) FROM articles").fetchone()[0]
        qs = queries(s.conn, args.queries)
        for kind, q, f in qs[:10]:
            search(s.conn, q, **f)                                  # warm the page cache
        times: dict[str, list[float]] = {}
        totals = []
        for kind, q, f in qs:
            t0 = time.perf_counter()
            r = search(s.conn, q, **f)
            dt = (time.perf_counter() - t0) * 1000
            times.setdefault(kind, []).append(dt)
            totals.append(r.total)
    print(f"store: {db}, {n} articles; {len(qs)} queries (10 hits each, with snippets and the total count)")
    print(f"{'kind':<14}{'n':>5}{'p50 ms':>9}{'p95 ms':>9}{'p99 ms':>9}{'max ms':>9}")
    allt = [t for v in times.values() for t in v]
    for kind, v in sorted(times.items()) + [("all", allt)]:
        print(f"{kind:<14}{len(v):>5}{pct(v, 50):>9.1f}{pct(v, 95):>9.1f}{pct(v, 99):>9.1f}{max(v):>9.1f}")
    print(f"median hits per query: {statistics.median(totals):.0f}")


if __name__ == "__main__":
    main()
