"""Evaluation gate: scores on held-out gold must not fall below the pinned floors in eval_baseline.json."""
import json
import pathlib

import pytest

from khobor.eval import sentences

HERE = pathlib.Path(__file__).parent
FLOORS = json.loads((HERE / "eval_baseline.json").read_text(encoding="utf-8"))
BANGLAKIT = HERE.parent.parent / "shared" / "data" / "ner-banglakit" / "main.jsonl"


def test_eval_gate_sentences_gold():
    result = sentences.evaluate(str(HERE / "data" / "gold"))
    assert result["documents"] >= 40
    assert result["sentences"]["f1"] >= FLOORS["sentences_gold_f1"]


@pytest.mark.skipif(not BANGLAKIT.exists(), reason="../shared/data/ner-banglakit is not present")
def test_eval_gate_sentences_banglakit():
    result = sentences.evaluate(str(BANGLAKIT))
    assert result["sentences"]["gold"] == 3545
    assert result["sentences"]["f1"] >= FLOORS["sentences_banglakit_f1"]


def test_eval_gate_ner_heldout():
    # The shipped model never saw tests/data/heldout (18 articles written for khobor).
    from khobor.eval import ner
    result = ner.evaluate(str(HERE / "data" / "heldout"))
    assert result["documents"] >= 18
    assert "WARNING" not in result["model"]
    assert result["micro_exact"]["f1"] >= FLOORS["ner_heldout_micro_f1"]
    assert result["canonical_accuracy"] >= FLOORS["ner_heldout_canonical_accuracy"]


def test_eval_gate_ner_gold_cross_validated():
    # Five contiguous folds over the 40 gold articles; tests/data/train is added to every fold.
    from khobor.eval import ner
    result = ner.evaluate(str(HERE / "data" / "gold"), folds=5,
                          train_extra=[(str(HERE / "data" / "train"), "khobor")])
    assert result["documents"] >= 40
    assert result["micro_exact"]["f1"] >= FLOORS["ner_gold_cv_micro_f1"]
    assert result["canonical_accuracy"] >= FLOORS["ner_gold_cv_canonical_accuracy"]


@pytest.mark.skipif(not BANGLAKIT.exists(), reason="../shared/data/ner-banglakit is not present")
def test_eval_gate_ner_banglakit_cross_validated():
    from khobor.eval import ner
    result = ner.evaluate(str(BANGLAKIT), fmt="banglakit", folds=5)
    assert result["micro_exact"]["f1"] >= FLOORS["ner_banglakit_cv_f1_repaired"]
    assert result["against_original_labels"]["micro_exact"]["f1"] >= FLOORS["ner_banglakit_cv_f1_original"]


SUMMARY = HERE.parent.parent / "shared" / "data" / "summ-bnlpc" / "dataset1.jsonl"


@pytest.mark.parametrize("split", ["gold", "heldout"])
def test_eval_gate_times_numbers(split):
    from khobor.eval import layers
    times = layers.evaluate("times", str(HERE / "data" / split))
    numbers = layers.evaluate("numbers", str(HERE / "data" / split))
    assert times["value_accuracy"] >= FLOORS[f"times_{split}_value_accuracy"]
    assert numbers["value_accuracy"] >= FLOORS[f"numbers_{split}_value_accuracy"]
    if split == "gold":
        assert times["overlap"]["f1"] >= FLOORS["times_gold_overlap_f1"]
        assert numbers["overlap"]["f1"] >= FLOORS["numbers_gold_overlap_f1"]


@pytest.mark.parametrize("split", ["gold", "heldout"])
def test_eval_gate_quotes(split):
    from khobor.eval import layers
    result = layers.evaluate("quotes", str(HERE / "data" / split))
    assert result["exact"]["f1"] >= FLOORS[f"quotes_{split}_f1"]
    assert result["speaker_accuracy"] >= FLOORS[f"quotes_{split}_speaker_accuracy"]


def test_eval_gate_article_fields():
    from khobor.eval import layers
    gold = layers.evaluate("article", str(HERE / "data" / "gold"))
    held = layers.evaluate("article", str(HERE / "data" / "heldout"))
    assert gold["source_accuracy"] >= FLOORS["article_gold_source_accuracy"]
    assert gold["category_accuracy"] >= FLOORS["article_gold_category_accuracy"]
    assert held["category_accuracy"] >= FLOORS["article_heldout_category_accuracy"]


@pytest.mark.skipif(not SUMMARY.exists(), reason="../shared/data/summ-bnlpc is not present")
def test_eval_gate_summary_beats_lead3():
    from khobor.eval import summary
    result = summary.evaluate(str(SUMMARY))
    assert result["khobor"]["rouge1"] - result["lead3"]["rouge1"] >= FLOORS["summary_bnlpc_rouge1_margin_over_lead3"]


@pytest.mark.parametrize("split", ["gold", "heldout"])
def test_eval_gate_events(split):
    from khobor.eval import events
    result = events.evaluate(str(HERE / "data" / split))
    assert result["sentence_root"]["f1"] >= FLOORS[f"events_{split}_sentence_root_f1"]
    assert result["named_participants"]["f1"] >= FLOORS[f"events_{split}_named_f1"]
    assert result["actor_root_recipient"]["f1"] >= FLOORS[f"events_{split}_strict_f1"]
