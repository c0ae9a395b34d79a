"""The development sets, end to end: texts → extractor → to_gold → the team's scorer.

- ``seeds``: the five corpus documents (``corpus/*.txt``, with their sidecars) and their
  gold (``tests/devset/gold``);
- ``corpus2``: seven longer real texts, a copy of ``../shared/corpus2``;
- ``blind1`` … ``blind14``: real texts annotated by the conventions before the extractor
  first ran on them (their before-tuning scores are in ``tests/devset/README.md``).

Floors are the F1 values reached when these tests were written (rounded down); a
change that lowers one is a regression.  The seeds and corpus2 are also held to the
goal the extractor is built for: overall F1 ≥ 0.95, every field ≥ 0.90.
"""

from __future__ import annotations

import json
from functools import cache
from pathlib import Path
from typing import Any

import pytest

from policykg.loaders.batch import discover, extract_batch
from policykg.loaders.gold import to_gold
from policykg.ontology.records import Extraction
from tests.shared_scorer import CORPUS, DEVSET, GOLD_DIR, shared_scorer

# (texts, gold, floors per field and overall)
SETS: dict[str, tuple[Path, Path, dict[str, float]]] = {
    "seeds": (CORPUS, GOLD_DIR, {
        "document": 1.0, "references": 1.0, "implements": 1.0, "cited_relations": 1.0,
        "tasks": 1.0, "owners": 1.0, "deadlines": 1.0, "targets": 1.0, "unowned": 1.0,
        "overall": 1.0}),
    "corpus2": (DEVSET / "corpus2" / "docs", DEVSET / "corpus2" / "gold", {
        "document": 1.0, "references": 1.0, "implements": 1.0, "cited_relations": 1.0,
        "tasks": 1.0, "owners": 0.99, "deadlines": 0.99, "targets": 1.0, "unowned": 1.0,
        "overall": 0.99}),
    "blind1": (DEVSET / "blind1" / "docs", DEVSET / "blind1" / "gold", {
        "document": 1.0, "references": 1.0, "implements": 1.0, "cited_relations": 1.0,
        "tasks": 0.99, "owners": 0.94, "deadlines": 1.0, "targets": 0.95, "unowned": 0.98,
        "overall": 0.98}),
    # deadlines: S4's "… xin gửi về … trước ngày …" line is a task of its own in its gold,
    # the deadline of the task above in N2's and N3's (the extractor follows N2 and N3)
    "blind2": (DEVSET / "blind2" / "docs", DEVSET / "blind2" / "gold", {
        "document": 1.0, "references": 1.0, "implements": 1.0, "cited_relations": 1.0,
        "tasks": 0.92, "owners": 1.0, "deadlines": 0.8, "targets": 1.0, "unowned": 0.85,
        "overall": 0.95}),
    "blind3": (DEVSET / "blind3" / "docs", DEVSET / "blind3" / "gold", {
        "document": 1.0, "references": 1.0, "implements": 1.0, "cited_relations": 1.0,
        "tasks": 0.97, "owners": 0.93, "deadlines": 1.0, "targets": 1.0, "unowned": 0.92,
        "overall": 0.96}),
    "blind4": (DEVSET / "blind4" / "docs", DEVSET / "blind4" / "gold", {  # page openings
        "document": 1.0, "references": 0.95, "implements": 1.0, "cited_relations": 1.0,
        "tasks": 0.0, "owners": 1.0, "deadlines": 1.0, "targets": 1.0, "unowned": 1.0,
        "overall": 0.97}),
    # tuned on since its before-tuning run (0.653, tests/devset/blind5/BASELINE.md); tasks,
    # owners, deadlines and unowned rest on 3, 0, 1 and 3 gold items
    "blind5": (DEVSET / "blind5" / "docs", DEVSET / "blind5" / "gold", {
        "document": 0.89, "references": 0.91, "implements": 1.0, "cited_relations": 1.0,
        "tasks": 0.66, "owners": 1.0, "deadlines": 1.0, "targets": 1.0, "unowned": 0.8,
        "overall": 0.9}),
    # tuned on since its before-tuning run (0.795, tests/devset/blind6/BASELINE.md)
    "blind6": (DEVSET / "blind6" / "docs", DEVSET / "blind6" / "gold", {  # page openings
        "document": 0.94, "references": 1.0, "implements": 1.0, "cited_relations": 1.0,
        "tasks": 0.94, "owners": 1.0, "deadlines": 0.66, "targets": 1.0, "unowned": 0.93,
        "overall": 0.96}),
    # tuned on since its before-tuning run (0.752, tests/devset/blind7/BASELINE.md); tasks
    # rest on 2 gold items, implements and relations on 1, owners and deadlines on 0
    "blind7": (DEVSET / "blind7" / "docs", DEVSET / "blind7" / "gold", {  # page openings
        "document": 0.9, "references": 0.96, "implements": 1.0, "cited_relations": 1.0,
        "tasks": 0.4, "owners": 1.0, "deadlines": 1.0, "targets": 0.7, "unowned": 0.66,
        "overall": 0.85}),
    # tuned on since its before-tuning run (0.782, tests/devset/blind8/BASELINE.md); no gold
    # tasks, implements and relations rest on 3 and 5 items, targets on 3 (one sentence)
    "blind8": (DEVSET / "blind8" / "docs", DEVSET / "blind8" / "gold", {  # page openings
        "document": 0.91, "references": 0.91, "implements": 0.8, "cited_relations": 0.5,
        "tasks": 1.0, "owners": 1.0, "deadlines": 1.0, "targets": 1.0, "unowned": 1.0,
        "overall": 0.88}),
    # whole texts; tuned on since their before-tuning runs (0.827, 0.553 and 0.380,
    # tests/devset/blind9/BASELINE.md … blind11/BASELINE.md)
    "blind9": (DEVSET / "blind9" / "docs", DEVSET / "blind9" / "gold", {
        "document": 0.92, "references": 1.0, "implements": 1.0, "cited_relations": 0.94,
        "tasks": 0.94, "owners": 0.88, "deadlines": 0.77, "targets": 0.9, "unowned": 0.9,
        "overall": 0.92}),
    # targets rest on 3 gold items, all in page openings cut mid-sentence
    "blind10": (DEVSET / "blind10" / "docs", DEVSET / "blind10" / "gold", {
        "document": 0.89, "references": 0.96, "implements": 0.88, "cited_relations": 0.93,
        "tasks": 0.95, "owners": 0.85, "deadlines": 0.77, "targets": 0.4, "unowned": 0.62,
        "overall": 0.88}),
    "blind11": (DEVSET / "blind11" / "docs", DEVSET / "blind11" / "gold", {
        "document": 0.93, "references": 0.96, "implements": 1.0, "cited_relations": 1.0,
        "tasks": 0.97, "owners": 0.91, "deadlines": 0.94, "targets": 0.6, "unowned": 0.91,
        "overall": 0.93}),
    # tuned on since their before-tuning runs (0.688, 0.782 and 0.327); a field whose F1
    # is 0 (blind12's 2 gold targets, blind13's spurious relations) has no floor
    "blind12": (DEVSET / "blind12" / "docs", DEVSET / "blind12" / "gold", {
        "document": 1.0, "references": 1.0, "implements": 1.0, "cited_relations": 0.8,
        "tasks": 0.93, "owners": 0.84, "deadlines": 0.72, "unowned": 0.85, "overall": 0.9}),
    "blind13": (DEVSET / "blind13" / "docs", DEVSET / "blind13" / "gold", {
        "document": 0.93, "references": 0.98, "implements": 1.0, "tasks": 0.86,
        "owners": 0.75, "deadlines": 1.0, "targets": 1.0, "unowned": 0.85, "overall": 0.89}),
    "blind14": (DEVSET / "blind14" / "docs", DEVSET / "blind14" / "gold", {
        "document": 1.0, "references": 0.92, "implements": 0.85, "cited_relations": 1.0,
        "tasks": 0.89, "owners": 0.81, "deadlines": 0.76, "targets": 0.7, "unowned": 0.7,
        "overall": 0.84}),
}
GOAL_SETS = ("seeds", "corpus2")
FIELD_GOAL, OVERALL_GOAL = 0.90, 0.95


@cache
def predictions(name: str) -> dict[str, dict[str, Any]]:
    texts, _, _ = SETS[name]
    extractions = [e for e in extract_batch(discover([texts])) if isinstance(e, Extraction)]
    assert len(extractions) == len(list(texts.glob("*.txt")))
    return {(g := to_gold(e))["file"]: json.loads(json.dumps(g, ensure_ascii=False))
            for e in extractions}


@cache
def scores(name: str) -> dict[str, Any]:
    result: dict[str, Any] = shared_scorer().score(SETS[name][1], predictions(name))
    return result


@pytest.mark.parametrize("name", sorted(SETS))
def test_every_gold_file_has_a_prediction(name: str) -> None:
    gold = SETS[name][1]
    assert {p.stem for p in gold.glob("*.json")} == {Path(n).stem for n in predictions(name)}
    assert scores(name)["missing_predictions"] == []


def test_output_has_the_gold_shape() -> None:
    preds = predictions("seeds")
    for gold_file in sorted(GOLD_DIR.glob("*.json")):
        gold = json.loads(gold_file.read_text(encoding="utf-8"))
        pred = preds[gold["file"]]
        assert set(gold) <= set(pred)
        assert set(gold["document"]) <= set(pred["document"])
        for name in ("references", "cited_relations", "tasks", "targets"):
            for item in pred[name]:
                assert set(gold[name][0] if gold[name] else item) <= set(item), name


@pytest.mark.parametrize(("name", "field", "floor"),
                         [(n, f, v) for n, (_, _, floors) in sorted(SETS.items())
                          for f, v in sorted(floors.items())])
def test_f1_floor(name: str, field: str, floor: float) -> None:
    assert scores(name)[field]["f1"] >= floor, (name, scores(name)[field])


@pytest.mark.parametrize("name", GOAL_SETS)
def test_the_goal_on_the_development_sets(name: str) -> None:
    result = scores(name)
    assert result["overall"]["f1"] >= OVERALL_GOAL, result["overall"]
    low = {f: v["f1"] for f, v in result.items()
           if isinstance(v, dict) and f != "overall" and v["f1"] < FIELD_GOAL}
    assert not low, low
