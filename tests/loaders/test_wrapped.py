"""A text hard-wrapped at 80 columns (as PDF readers give it) reads as the text
itself: its letterhead lines stay apart, its sentences are joined again."""

from __future__ import annotations

import textwrap
from pathlib import Path

import pytest

from policykg.loaders.clean import clean_text
from policykg.loaders.extract import extract
from tests.shared_scorer import DEVSET

DOCS = [DEVSET / "blind1" / "docs" / "C2_quang-nam_cv86549-ubnd-cds-bao-chi.txt",
        DEVSET / "blind2" / "docs" / "N4_vpducp_402-CV-VPDU_2025.txt",
        DEVSET / "blind2" / "docs" / "S1_vpcp-2844-chien-luoc-kinh-te-so.txt",
        DEVSET / "blind2" / "docs" / "N3_bxd_267-BXD-KHCN_2016.txt",
        *sorted((DEVSET / "corpus2" / "docs").glob("0[3579]_*.txt"))]


def _wrapped(text: str) -> str:
    """Every line over 80 characters broken at spaces; table rows left whole."""
    return "\n".join("\n".join(textwrap.wrap(line, 80, break_long_words=False))
                     if len(line) > 80 and "|" not in line else line
                     for line in text.split("\n"))


@pytest.mark.parametrize("path", DOCS, ids=[p.stem[:24] for p in DOCS])
def test_a_wrapped_copy_extracts_as_the_text(path: Path) -> None:
    raw = path.read_text(encoding="utf-8")
    plain = extract(clean_text(raw), path.name)
    wrapped = extract(clean_text(_wrapped(raw)), path.name)
    assert wrapped.document.number == plain.document.number
    assert wrapped.implements == plain.implements
    assert [(t.text, t.owners) for t in wrapped.tasks] == [(t.text, t.owners) for t in plain.tasks]
