"""Extraction scored on the held-out set (``tests/loaders/heldout``).

Ten synthetic documents of the genre, written and annotated (per the development
set's README conventions) before the extractor was run on them, and deliberately
unlike the development set: central resolutions and conclusions, a Ban cán sự đảng
plan with "Cơ quan chủ trì: …" lines, task tables, "a)" items, owners in closing
parentheses, unmarked attribution lines, a news report.  Scored with the shared
scorer's rules (:func:`policykg.loaders.scoring.score`); the floors are what the extractor
reaches, so a change that loses ground fails here.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from policykg.loaders.clean import clean_text
from policykg.loaders.gold import starts_with
from policykg.loaders.scoring import score
from policykg.loaders.targets import extract_targets
from policykg.loaders.tasks import extract_tasks

HELDOUT = Path(__file__).parent / "heldout"
GOLD = [json.loads(p.read_text(encoding="utf-8")) for p in sorted(HELDOUT.glob("*.json"))]
FLOORS = {"tasks": 1.0, "owners": 1.0, "deadlines": 1.0, "targets": 1.0, "unowned": 1.0}


def _prediction(name: str) -> dict[str, Any]:
    """Tasks and targets of one held-out text, in the gold files' shape."""
    text = clean_text((HELDOUT / name).read_text(encoding="utf-8"))
    found = extract_tasks(text, name)
    targets = extract_targets(text, name, found.tasks)
    return {
        "file": name,
        "tasks": [{"starts_with": starts_with(t.text), "section": t.section,
                   "owners": list(t.owners), "coordinators": list(t.coordinators),
                   "deadline": t.deadline.value if t.deadline else None} for t in found.tasks],
        "targets": [{"starts_with": starts_with(t.text), "metric": t.metric, "value": t.value,
                     "unit": t.unit, "year": t.year} for t in targets],
    }


def test_heldout_set_is_complete() -> None:
    assert len(GOLD) >= 8
    assert all((HELDOUT / g["file"]).is_file() for g in GOLD)


@pytest.mark.parametrize("field", sorted(FLOORS))
def test_heldout_f1_floor(field: str) -> None:
    scores = score(GOLD, {g["file"]: _prediction(g["file"]) for g in GOLD})
    assert scores.fields[field][2] >= FLOORS[field]


# Header, citations and the entry point belong to another module owner; their fields
# are pinned at what the whole extractor reached when this set was written.
DOCUMENT_FLOORS = {"document": 0.92, "references": 0.92, "implements": 0.9}


def test_heldout_whole_extractor() -> None:
    extract = pytest.importorskip("policykg.loaders.extract").extract
    to_gold = pytest.importorskip("policykg.loaders.gold").to_gold
    preds = {g["file"]: to_gold(extract(clean_text((HELDOUT / g["file"]).read_text(
        encoding="utf-8")), g["file"])) for g in GOLD}
    scores = score(GOLD, preds)
    for field, floor in (*DOCUMENT_FLOORS.items(), *FLOORS.items()):
        assert scores.fields[field][2] >= floor, field
