"""Throughput benchmark: khobor's normalize, segment and analyze against peers, side by side.

    python bench/run.py [--corpus PATH] [--repeat N] [--peers-python PATH]

Corpus: ../shared/data/summ-bnlpc/dataset1.jsonl when present, else the bundled example articles.
Peers (spaCy bn tokenizer + sentencizer, bnlp-toolkit BasicTokenizer, indic-nlp-library) run from a
separate virtual environment made by bench/setup_peers.sh; they are skipped if it is missing.
Each system runs in its own process (so peak memory is its own); the table prints chars/s,
articles/s, peak RSS and the ratio of each system's throughput to spaCy's.
"""
import argparse
import json
import os
import pathlib
import subprocess
import sys
import tempfile

HERE = pathlib.Path(__file__).resolve().parent
ROOT = HERE.parent
SHARED_CORPUS = ROOT.parent / "shared" / "data" / "summ-bnlpc" / "dataset1.jsonl"
DEFAULT_PEERS = ROOT / ".venv-peers" / "bin" / "python"
KHOBOR = ["khobor-normalize", "khobor-segment", "khobor-segment+objects", "khobor-analyze-no-entities",
          "khobor-analyze", "khobor-pipe"]
PEERS = ["spacy-bn", "bnlp-basic", "indicnlp"]


def load_corpus(path):
    """Return (name, list of article texts)."""
    if path:
        p = pathlib.Path(path)
        texts = [json.loads(line).get("article") or json.loads(line).get("text") for line in p.open(encoding="utf-8")]
        return p.name, [t for t in texts if t]
    if SHARED_CORPUS.exists():
        return "summ-bnlpc", [json.loads(line)["article"] for line in SHARED_CORPUS.open(encoding="utf-8")]
    sys.path.insert(0, str(ROOT))
    from khobor.examples import examples
    return "bundled examples", [e.text for e in examples()]


def run_worker(python, name, corpus_file, repeat):
    env = dict(os.environ, PYTHONPATH=str(ROOT))
    out = subprocess.run([str(python), str(HERE / "worker.py"), name, corpus_file, str(repeat)],
                         capture_output=True, text=True, env=env, timeout=1800)
    if out.returncode != 0:
        return {"system": name, "error": (out.stderr.strip().splitlines() or ["failed"])[-1]}
    return json.loads(out.stdout.strip().splitlines()[-1])


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--corpus", help="JSONL with 'article' or 'text' per line")
    ap.add_argument("--repeat", type=int, default=5, help="passes over the corpus per timing (best of 3)")
    ap.add_argument("--peers-python", default=str(DEFAULT_PEERS), help="Python of the peers' virtual environment")
    ap.add_argument("--json", action="store_true", help="print results as JSON")
    args = ap.parse_args()

    name, texts = load_corpus(args.corpus)
    with tempfile.NamedTemporaryFile("w", suffix=".json", delete=False, encoding="utf-8") as fh:
        json.dump(texts, fh, ensure_ascii=False)
        corpus_file = fh.name
    try:
        results = [run_worker(sys.executable, s, corpus_file, args.repeat) for s in KHOBOR]
        if pathlib.Path(args.peers_python).exists():
            results += [run_worker(args.peers_python, s, corpus_file, args.repeat) for s in PEERS]
        else:
            print(f"(peers skipped: {args.peers_python} not found; run bench/setup_peers.sh)", file=sys.stderr)
    finally:
        os.unlink(corpus_file)

    base = next((r for r in results if r.get("system") == "spacy-bn" and "seconds" in r), None)
    if args.json:
        print(json.dumps({"corpus": name, "articles": len(texts), "chars": sum(map(len, texts)), "results": results}))
        return
    print(f"corpus: {name}, {len(texts)} articles, {sum(map(len, texts))} characters, x{args.repeat} per timing, best of 3")
    print(f"{'system':<24}{'chars/s':>14}{'articles/s':>12}{'peak RSS MB':>13}{'load s':>8}{'vs spaCy':>10}")
    for r in results:
        if "error" in r:
            print(f"{r['system']:<24}  error: {r['error']}")
            continue
        cps = r["chars"] / r["seconds"]
        aps = r["articles"] / r["seconds"]
        ratio = f"{cps / (base['chars'] / base['seconds']):.1f}x" if base else "-"
        print(f"{r['system']:<24}{cps:>14,.0f}{aps:>12,.0f}{r['peak_rss_mb']:>13.1f}{r['load_seconds']:>8.2f}{ratio:>10}")
    print("khobor-segment = tokenize + split sentences on normalized text (token offsets, views built lazily);\n"
          "khobor-segment+objects = normalize + segment + build every Token view; spacy-bn = tokenizer + sentencizer.")


if __name__ == "__main__":
    main()
