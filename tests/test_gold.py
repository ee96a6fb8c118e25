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
