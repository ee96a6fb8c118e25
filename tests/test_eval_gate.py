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
