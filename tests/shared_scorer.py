"""The development set, bundled in ``tests/devset``: the gold annotations of the five
corpus documents and the team's scorer, copied from ``../shared`` (``corpus/gold``,
``tools/score_extraction.py``) so that the suite runs them on any clone.  When
``../shared`` is beside the project, a test checks the copies are still the same.
"""

from __future__ import annotations

import importlib.util
import json
from pathlib import Path
from types import ModuleType
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
DEVSET = ROOT / "tests" / "devset"
GOLD_DIR = DEVSET / "gold"
SCORER = DEVSET / "score_extraction.py"
CORPUS = ROOT / "corpus"
SHARED = ROOT.parent / "shared"  # where the originals live, on the team's machines


def gold_docs() -> list[dict[str, Any]]:
    return [json.loads(p.read_text(encoding="utf-8")) for p in sorted(GOLD_DIR.glob("*.json"))]


def shared_scorer() -> ModuleType:
    spec = importlib.util.spec_from_file_location("score_extraction", SCORER)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module
