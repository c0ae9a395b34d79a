"""The development set (../shared/corpus) and its scorer, when they are beside the project."""

from __future__ import annotations

import importlib.util
import json
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest

SHARED = Path(__file__).resolve().parents[1].parent / "shared"
GOLD_DIR = SHARED / "corpus" / "gold"
SCORER = SHARED / "tools" / "score_extraction.py"
CORPUS = Path(__file__).resolve().parents[1] / "corpus"

needs_devset = pytest.mark.skipif(
    not (GOLD_DIR.is_dir() and SCORER.is_file()),
    reason=f"requires the development set and its scorer in {SHARED}",
)


def gold_docs() -> list[dict[str, Any]]:
    return [json.loads(p.read_text(encoding="utf-8")) for p in sorted(GOLD_DIR.glob("*.json"))]


def shared_scorer() -> ModuleType:
    spec = importlib.util.spec_from_file_location("score_extraction", SCORER)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module
