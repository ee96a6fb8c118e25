"""Near-duplicate clustering, measured: republished variants of each article should join its
cluster, and different articles should not share one.

    python3 bench/dedup.py

For every bundled example (and BNLPC article when ../shared is there) it makes three variants a
wire story gets when republished: the last paragraph cut, a line added (a credit or a 'read more'),
and a few words changed in the lead. Recall: variants in their original's cluster. Precision: pairs
of different originals that share a cluster.
"""
import os
import random
import sys
import tempfile

from corpus import SHARED

sys.path.insert(0, os.path.dirname(os.path.dirname(os.path.abspath(__file__))))


def originals():
    import json
    from khobor.examples import examples
    out = [e.text for e in examples()]
    bnlpc = SHARED / "summ-bnlpc" / "dataset1.jsonl"
    if bnlpc.exists():
        out += [json.loads(line)["article"] for line in bnlpc.open(encoding="utf-8")]
    return out


def variants(text, rnd):
    paras = [p for p in text.split("\n") if p.strip()]
    cut = "\n".join(paras[:-1]) if len(paras) > 2 else text[: int(len(text) * 0.8)]
    added = text + "\nবিস্তারিত আসছে। (সূত্র: বার্তা সংস্থা)"
    words = text.split(" ")
    for _ in range(3):
        k = rnd.randrange(min(len(words), 40))
        words[k] = words[k] + "ও"
    return [cut, added, " ".join(words)]


def main():
    from khobor.ingest import Record
    from khobor.store import Store, ingest
    rnd = random.Random(5)
    texts = originals()
    records = [Record(text=t, where=f"orig:{i}") for i, t in enumerate(texts)]
    for i, t in enumerate(texts):
        records += [Record(text=v, where=f"var:{i}:{k}") for k, v in enumerate(variants(t, rnd))]
    with tempfile.TemporaryDirectory() as tmp, Store(os.path.join(tmp, "d.db")) as store:
        ingest(store, records)
        cluster = dict(store.conn.execute("SELECT origin, cluster_id FROM articles"))
    orig = {i: cluster.get(f"orig:{i}") for i in range(len(texts))}
    hits = sum(cluster.get(f"var:{i}:{k}") == orig[i] for i in range(len(texts)) for k in range(3))
    shared = sum(1 for i in range(len(texts)) for j in range(i + 1, len(texts)) if orig[i] == orig[j])
    print(f"{len(texts)} originals, {3 * len(texts)} variants")
    print(f"recall: {hits}/{3 * len(texts)} variants join their original's cluster ({hits / (3 * len(texts)):.1%})")
    print(f"precision: {shared} pairs of different originals share a cluster "
          f"(of {len(texts) * (len(texts) - 1) // 2})")


if __name__ == "__main__":
    main()
