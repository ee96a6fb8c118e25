"""Share of each pipeline step in `khobor.pipe` over the benchmark corpus.

    python3 bench/steps.py [--corpus FILE.jsonl] [--repeat N]
"""
import argparse
import json
import pathlib
import sys
import time

ROOT = pathlib.Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
DEFAULT = ROOT.parent / "shared" / "data" / "summ-bnlpc" / "dataset1.jsonl"


def main():
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--corpus", default=str(DEFAULT))
    ap.add_argument("--repeat", type=int, default=3)
    args = ap.parse_args()
    import khobor
    path = pathlib.Path(args.corpus)
    if path.exists():
        texts = [json.loads(line).get("article") or json.loads(line).get("text") for line in path.open(encoding="utf-8")]
    else:
        from khobor.examples import examples
        texts = [e.text for e in examples()]
    p = khobor.load()
    list(p.pipe(texts))                      # warm up
    p.timings = {}
    t0 = time.perf_counter()
    for _ in range(args.repeat):
        list(p.pipe(texts))
    total = time.perf_counter() - t0
    chars = sum(map(len, texts)) * args.repeat
    print(f"khobor.pipe: {chars / total:,.0f} chars/s, {len(texts) * args.repeat / total:,.0f} articles/s "
          f"({len(texts)} articles x {args.repeat})")
    steps = sum(p.timings.values())
    for name, sec in p.timings.items():
        print(f"  {name:<10} {sec / steps:6.1%}  {chars / sec:>14,.0f} chars/s")
    p.timings = None


if __name__ == "__main__":
    main()
