"""policykg's scorer agrees with the development set's own, figure for figure."""

import copy
import random
from pathlib import Path
from typing import Any

import pytest

from policykg.loaders.scoring import score
from tests.shared_scorer import (
    CORPUS,
    DEVSET,
    GOLD_DIR,
    SCORER,
    SHARED,
    gold_docs,
    shared_scorer,
)


def _perturb(docs: list[dict[str, Any]], seed: int) -> dict[str, dict[str, Any]]:
    """Predictions made from the gold with random mistakes of every kind."""
    rng = random.Random(seed)
    preds = {}
    for gold in copy.deepcopy(docs):
        if rng.random() < 0.15:
            continue  # a missing prediction
        doc = gold["document"]
        for key in ("kind", "number", "issued", "issuer", "province"):
            if rng.random() < 0.3:
                doc[key] = rng.choice([None, "Khác", "2020-01-01"])
        rng.shuffle(gold["references"])
        gold["references"] = gold["references"][: rng.randint(0, len(gold["references"]))]
        for ref in gold["references"]:
            if rng.random() < 0.3:
                ref["issued"] = None
        gold["implements"] = [x + ("1" if rng.random() < 0.3 else "") for x in gold["implements"]]
        tasks = []
        for task in gold["tasks"]:
            r = rng.random()
            if r < 0.1:
                continue
            if r < 0.2:
                task["starts_with"] = "Một nhiệm vụ khác " + task["starts_with"]
            if rng.random() < 0.3:
                task["owners"] = [*task["owners"][1:], "Ban Tuyên giáo Tỉnh ủy"]
            if rng.random() < 0.3:
                task["deadline"] = rng.choice([None, "recurring", "2024-Q2"])
            tasks.append(task)
        if rng.random() < 0.5:
            tasks.append({"starts_with": "Tổ chức sơ kết, tổng kết việc thực hiện",
                          "owners": ["Văn phòng Tỉnh ủy"], "deadline": "2025"})
        gold["tasks"] = tasks
        for target in gold["targets"]:
            if rng.random() < 0.3:
                target["year"] = None
        preds[gold["file"]] = gold
    return preds


@pytest.mark.parametrize("seed", range(12))
def test_same_figures_as_the_shared_scorer(seed: int) -> None:
    docs = gold_docs()
    preds = _perturb(docs, seed)
    ours = score(docs, preds).to_dict()
    theirs = shared_scorer().score(GOLD_DIR, preds)
    assert {key: ours[key] for key in theirs} == theirs


def test_gold_scores_perfectly() -> None:
    docs = gold_docs()
    scores = score(docs, {d["file"]: d for d in docs})
    assert scores.overall == (1.0, 1.0, 1.0)
    assert scores.lines()[-1] == "overall F1 1.000"


def test_a_missing_prediction_is_named() -> None:
    docs = gold_docs()
    preds = {d["file"]: d for d in docs[1:]}
    scores = score(docs, preds)
    assert scores.missing == (docs[0]["file"],)
    assert scores.fields["tasks"][1] < 1.0


@pytest.mark.skipif(not SHARED.is_dir(), reason=f"no {SHARED} to compare the copies with")
def test_the_bundled_development_set_is_the_shared_one() -> None:
    """tests/devset, its corpus2 and corpus/*.txt are copies of ../shared: same bytes."""
    pairs = [(SCORER, SHARED / "tools" / "score_extraction.py")]
    pairs += [(p, SHARED / "corpus" / "gold" / p.name) for p in sorted(GOLD_DIR.glob("*.json"))]
    pairs += [(p, SHARED / "corpus" / "seeds" / p.name) for p in sorted(CORPUS.glob("*.txt"))]
    assert len(pairs) == 11
    assert {p.name for p in (SHARED / "corpus" / "gold").glob("*.json")} == {
        p.name for p in GOLD_DIR.glob("*.json")}
    ours2, theirs2 = DEVSET / "corpus2", SHARED / "corpus2"
    names = {p.relative_to(theirs2) for p in theirs2.rglob("*") if p.is_file()}
    assert names == {p.relative_to(ours2) for p in ours2.rglob("*") if p.is_file()}
    pairs += [(ours2 / name, theirs2 / name) for name in sorted(names)]
    for ours, theirs in pairs:
        assert Path(ours).read_bytes() == theirs.read_bytes(), ours


def test_misses_and_per_document_figures_name_what_differs() -> None:
    docs = gold_docs()
    preds = {d["file"]: copy.deepcopy(d) for d in docs}
    first = docs[0]
    changed = preds[first["file"]]
    dropped = changed["tasks"].pop(0)
    changed["document"]["kind"] = "BaoCao"  # every gold document has a kind
    scores = score(docs, preds)
    mine = [m for m in scores.misses if m.document == first["file"]]
    assert {(m.field, m.kind) for m in mine} >= {("tasks", "missed"), ("document", "wrong")}
    assert any(dropped["starts_with"].split()[0] in (m.gold or "") for m in mine
               if m.field == "tasks")
    assert all(m.document == first["file"] for m in scores.misses)
    assert scores.documents[first["file"]]["tasks"][1] < 1.0
    assert all(f == (1.0, 1.0, 1.0) for d, fields in scores.documents.items()
               if d != first["file"] for f in fields.values())
