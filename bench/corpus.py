"""Varied article texts for the store benchmarks: the bundled examples and, when ../shared is there,
the BNLPC news articles and the banglakit NER sentences, cut into sentences and recombined so that no
two generated articles are the same (seeded, so runs are comparable). Nothing from ../shared is written
anywhere but into the benchmark's own temporary store."""
import json
import pathlib
import random
import re
import sys

ROOT = pathlib.Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared" / "data"
sys.path.insert(0, str(ROOT))

_SENT = re.compile(r"[^।?!\n]+[।?!]")
OUTLETS = ["Prothom Alo", "Samakal", "Jugantor", "Kaler Kantho", "bdnews24.com", "The Daily Star Bangla",
           "Anandabazar Patrika", "BBC Bangla", "Ittefaq", "Bangla Tribune"]


def sentence_pool() -> tuple[list[str], list[str]]:
    """Return (sentences, names of the sources used)."""
    from khobor.examples import examples
    texts, used = [e.text for e in examples()], ["bundled examples"]
    bnlpc = SHARED / "summ-bnlpc" / "dataset1.jsonl"
    if bnlpc.exists():
        texts += [json.loads(line)["article"] for line in bnlpc.open(encoding="utf-8")]
        used.append("BNLPC")
    bk = SHARED / "ner-banglakit" / "main.jsonl"
    if bk.exists():
        for k, line in enumerate(bk.open(encoding="utf-8")):
            if k >= 20000:
                break
            row = json.loads(line)                        # [sentence, [tags]]
            text = row[0] if isinstance(row, list) and row and isinstance(row[0], str) else ""
            if text:
                texts.append(text if text.rstrip().endswith(("।", "?", "!")) else text.rstrip() + "।")
        used.append("banglakit NER")
    pool = [s.strip() for t in texts for s in _SENT.findall(t) if len(s.strip()) > 20]
    return pool, used


def articles(n: int, seed: int = 7):
    """Yield n dicts (text, title, published, outlet) of 4–12 sentences each."""
    pool, _ = sentence_pool()
    rnd = random.Random(seed)
    for i in range(n):
        k = rnd.randint(4, 12)
        sents = rnd.sample(pool, k)
        paras = [" ".join(sents[j:j + 3]) for j in range(0, k, 3)]
        yield {"text": "\n\n".join(paras), "title": sents[0][:60],
               "published": f"20{rnd.randint(20, 26)}-{rnd.randint(1, 12):02d}-{rnd.randint(1, 28):02d}",
               "outlet": rnd.choice(OUTLETS), "where": f"bench:{i}"}
