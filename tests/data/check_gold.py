"""Check that gold article files and bundled example texts agree.

Usage: python tests/data/check_gold.py [--write-index] [ID ...]

With --write-index, khobor/examples/index.json (the metadata the package ships
for its bundled examples) is rewritten from the gold files.

For every tests/data/gold/<id>.json this checks that khobor/examples/<id>.txt
exists, that its first line is the title followed by one blank line, and that
the body after it equals the gold paragraphs joined back together: sentences of
a paragraph joined by one space, paragraphs joined by one newline.
"""
import json
import pathlib
import sys
import unicodedata

ROOT = pathlib.Path(__file__).resolve().parents[2]
GOLD = ROOT / "tests" / "data" / "gold"
EXAMPLES = ROOT / "khobor" / "examples"
CATEGORIES = {"politics", "international", "sports", "economy", "disaster", "crime",
              "health", "technology", "education", "entertainment", "other"}


def check(path):
    errors = []
    gold = json.loads(path.read_text(encoding="utf-8"))
    gid = path.stem
    if gold.get("id") != gid:
        errors.append(f"id {gold.get('id')!r} != file name {gid!r}")
    for key in ("title", "published", "outlet", "category", "paragraphs"):
        if key not in gold:
            errors.append(f"missing key {key}")
    if gold.get("category") not in CATEGORIES:
        errors.append(f"bad category {gold.get('category')!r}")
    txt = EXAMPLES / f"{gid}.txt"
    if not txt.exists():
        return errors + [f"missing {txt}"]
    raw = txt.read_text(encoding="utf-8")
    if unicodedata.normalize("NFC", raw) != raw:
        errors.append("text is not NFC")
    title, sep, body = raw.partition("\n\n")
    if title != gold.get("title"):
        errors.append("first line of .txt differs from gold title")
    expected = "\n".join(" ".join(p) for p in gold.get("paragraphs", [])) + "\n"
    if body != expected:
        for i, (a, b) in enumerate(zip(body, expected)):
            if a != b:
                errors.append(f"body differs from gold at char {i}: {body[i-20:i+20]!r} vs {expected[i-20:i+20]!r}")
                break
        else:
            errors.append(f"body length {len(body)} != gold length {len(expected)}")
    for p in gold.get("paragraphs", []):
        for s in p:
            if s != s.strip() or not s:
                errors.append(f"sentence has outer spaces or is empty: {s!r}")
    return errors


def index_entries():
    """Return the index.json entries for all gold articles, sorted by id."""
    out = []
    for p in sorted(GOLD.glob("*.json")):
        g = json.loads(p.read_text(encoding="utf-8"))
        out.append({k: g[k] for k in ("id", "title", "published", "outlet", "category")})
    return out


def write_index():
    path = EXAMPLES / "index.json"
    path.write_text(json.dumps(index_entries(), ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    print(f"wrote {path}")


def main(ids):
    if ids[:1] == ["--write-index"]:
        write_index()
        ids = ids[1:]
    paths = [GOLD / f"{i}.json" for i in ids] if ids else sorted(GOLD.glob("*.json"))
    bad = 0
    for p in paths:
        errs = check(p)
        for e in errs:
            print(f"{p.stem}: {e}")
        bad += bool(errs)
    print(f"{len(paths)} checked, {bad} with errors")
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
