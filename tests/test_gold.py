"""Integrity of the bundled example articles and their gold annotations."""
import importlib.util
import json
import pathlib

import pytest

from khobor.examples import examples

DATA = pathlib.Path(__file__).parent / "data"
spec = importlib.util.spec_from_file_location("check_gold", DATA / "check_gold.py")
check_gold = importlib.util.module_from_spec(spec)
spec.loader.exec_module(check_gold)
GOLD_FILES = sorted((DATA / "gold").glob("*.json"))


def test_gold_has_enough_articles_across_domains():
    cats = {json.loads(p.read_text(encoding="utf-8"))["category"] for p in GOLD_FILES}
    assert len(GOLD_FILES) >= 10
    assert {"politics", "international", "sports", "economy", "disaster", "crime"} <= cats


@pytest.mark.parametrize("path", GOLD_FILES, ids=[p.stem for p in GOLD_FILES])
def test_gold_matches_bundled_text(path):
    assert check_gold.check(path) == []


def test_gold_index_is_in_step_with_gold():
    shipped = [{"id": e.id, "title": e.title, "published": e.published, "outlet": e.outlet, "category": e.category}
               for e in examples()]
    assert shipped == check_gold.index_entries()


ANNOTATED = sorted((pathlib.Path(__file__).parent / "data" / "heldout").glob("*.json")) + \
    sorted((pathlib.Path(__file__).parent / "data" / "train").glob("*.json"))


@pytest.mark.parametrize("path", ANNOTATED, ids=lambda p: p.stem)
def test_annotated_articles_are_consistent(path):
    """Held-out and training articles: normalized text, entity offsets that match, no overlaps."""
    from khobor.normalize import normalize
    d = json.loads(path.read_text(encoding="utf-8"))
    assert d["id"] == path.stem
    assert set(d) >= {"id", "title", "published", "outlet", "category", "paragraphs", "entities"}
    body = "\n".join(" ".join(p) for p in d["paragraphs"])
    assert normalize(body) == body and normalize(d["title"]) == d["title"]
    prev = 0
    for e in d["entities"]:
        assert body[e["start"]:e["end"]] == e["text"], e
        assert e["start"] >= prev and e["label"] in {"PER", "ORG", "GPE", "LOC", "NORP"} and e["canonical"], e
        prev = e["end"]


def test_heldout_and_train_are_disjoint_and_large_enough():
    held = [p for p in ANNOTATED if p.parent.name == "heldout"]
    train = [p for p in ANNOTATED if p.parent.name == "train"]
    assert len(held) >= 18 and len(train) >= 24
    texts = {json.loads(p.read_text(encoding="utf-8"))["title"] for p in held}
    assert not texts & {json.loads(p.read_text(encoding="utf-8"))["title"] for p in train}


LAYERED = sorted((pathlib.Path(__file__).parent / "data" / "gold").glob("*.json")) + \
    [p for p in ANNOTATED if p.parent.name == "heldout"]


@pytest.mark.parametrize("path", LAYERED, ids=lambda p: p.stem)
def test_gold_layers_have_valid_offsets(path):
    """times, numbers, quotes and events of gold and held-out articles point at their text."""
    d = json.loads(path.read_text(encoding="utf-8"))
    body = "\n".join(" ".join(p) for p in d["paragraphs"])
    for layer in ("times", "numbers", "quotes"):
        for x in d.get(layer, []):
            assert body[x["start"]:x["end"]] == x["text"], (layer, x)
    n = sum(len(p) for p in d["paragraphs"])
    for e in d.get("events", []):
        assert 0 <= e["sentence"] < n and body[e["trigger"]["start"]:e["trigger"]["end"]] == e["trigger"]["text"]
        assert e["cameo"][:2].isdigit() and 1 <= int(e["cameo"][:2]) <= 20
