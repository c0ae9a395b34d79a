"""The development set, end to end: corpus/*.txt → to_gold → the team's scorer.

Floors are the F1 values reached when these tests were written; a change that
lowers one is a regression.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from policykg.loaders.batch import discover, extract_batch
from policykg.loaders.gold import to_gold
from policykg.ontology.records import Extraction
from tests.shared_scorer import CORPUS, shared_scorer
from tests.shared_scorer import GOLD_DIR as GOLD

FLOORS = {
    "document": 1.0,
    "references": 1.0,
    "implements": 1.0,
    "cited_relations": 1.0,
    "tasks": 1.0,
    "owners": 1.0,
    "deadlines": 1.0,
    "targets": 1.0,
    "unowned": 1.0,
}


@pytest.fixture(scope="module")
def predictions() -> dict[str, dict[str, Any]]:
    extractions = [e for e in extract_batch(discover([CORPUS])) if isinstance(e, Extraction)]
    assert len(extractions) == len(list(CORPUS.glob("*.txt")))
    out = {}
    for extraction in extractions:
        gold = to_gold(extraction)
        out[gold["file"]] = json.loads(json.dumps(gold, ensure_ascii=False))
    return out


def test_every_gold_file_has_a_prediction(predictions: dict[str, dict[str, Any]]) -> None:
    assert {p.stem for p in GOLD.glob("*.json")} == {Path(n).stem for n in predictions}


def test_output_has_the_gold_shape(predictions: dict[str, dict[str, Any]]) -> None:
    for gold_file in sorted(GOLD.glob("*.json")):
        gold = json.loads(gold_file.read_text(encoding="utf-8"))
        pred = predictions[gold["file"]]
        assert set(gold) <= set(pred)
        assert set(gold["document"]) <= set(pred["document"])
        for name in ("references", "cited_relations", "tasks", "targets"):
            for item in pred[name]:
                assert set(gold[name][0] if gold[name] else item) <= set(item), name


@pytest.mark.parametrize(("field", "floor"), sorted(FLOORS.items()))
def test_f1_floor(predictions: dict[str, dict[str, Any]], field: str, floor: float) -> None:
    result = shared_scorer().score(GOLD, predictions)
    assert result["missing_predictions"] == []
    assert result[field]["f1"] >= floor, result[field]
