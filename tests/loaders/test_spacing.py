"""Spacing is no content: a text spaced twice, with spaces before its line breaks, or
with "\\r\\n" line ends extracts as the text itself, and its spans point at the same
words of its own source."""

from __future__ import annotations

import re
from collections.abc import Callable
from pathlib import Path

import pytest

from policykg.loaders.clean import clean_text, tidy
from policykg.loaders.extract import extract
from policykg.loaders.spacing import squeeze_spaces
from policykg.ontology.records import Extraction, Span
from tests.shared_scorer import DEVSET

DOCS = sorted((DEVSET / "corpus2" / "docs").glob("*.txt")) + sorted(
    (DEVSET / "blind2" / "docs").glob("*.txt"))[:3]


def test_double_spaces_and_line_end_spaces_are_squeezed() -> None:
    squeezed = squeeze_spaces("Số:  310/KH-UBND  \nHà  Nội   x\t\n")
    assert squeezed is not None
    assert squeezed.text == "Số: 310/KH-UBND\nHà Nội   x\n"  # three spaces are kept
    source = "Số:  310/KH-UBND  \nHà  Nội   x\t\n"
    for word in ("310/KH-UBND", "Nội", "x"):
        start = squeezed.text.index(word)
        span = squeezed.source_span(Span(start=start, end=start + len(word)))
        assert source[span.start:span.end] == word
    whole = squeezed.source_span(Span(start=0, end=len(squeezed.text)))
    assert (whole.start, whole.end) == (0, len(source))
    hanoi = squeezed.text.index("Hà Nội")
    span = squeezed.source_span(Span(start=hanoi, end=hanoi + len("Hà Nội")))
    assert source[span.start:span.end] == "Hà  Nội"


def test_a_text_spaced_once_is_left_alone() -> None:
    assert squeeze_spaces("Kế hoạch số 29-KH/TU\n\n- Sở Khoa học   và Công nghệ") is None


def _doubled(text: str) -> str:
    return re.sub(r"(?<=\S) (?=\S)", "  ", text)


def _trailing(text: str) -> str:
    return "\n".join(line + "  " if line.strip() else line for line in text.split("\n"))


def _crlf(text: str) -> str:
    return text.replace("\n", "\r\n")


def _facts(extraction: Extraction, text: str) -> list[tuple[str, ...]]:
    """What the scorer reads, and the words every task's span covers."""
    facts: list[tuple[str, ...]] = [(r.key,) for r in extraction.references]
    facts += [(*extraction.implements,)]
    for task in extraction.tasks:
        span = task.provenance.span
        assert span is not None
        facts.append((task.text, *task.owners, *task.coordinators,
                      str(task.deadline.value if task.deadline else None),
                      tidy(text[span.start:span.end])))
    facts += [(t.text, t.value, str(t.unit), str(t.year)) for t in extraction.targets]
    return facts


@pytest.mark.parametrize("spacing", [_doubled, _trailing, _crlf],
                         ids=["doubled", "trailing", "crlf"])
@pytest.mark.parametrize("path", DOCS, ids=[p.stem[:24] for p in DOCS])
def test_spacing_changes_nothing(path: Path, spacing: Callable[[str], str]) -> None:
    raw = path.read_text(encoding="utf-8")
    plain = clean_text(raw)
    spaced = clean_text(spacing(raw))
    assert _facts(extract(spaced, path.name), spaced) == _facts(extract(plain, path.name), plain)


def test_an_indentation_every_line_shares_is_dropped_and_spans_map_back() -> None:
    text = "    KẾ HOẠCH\n\n    1. Mục\n    đích\n\n      - Cụ thể hóa nhiệm vụ.\n"
    squeezed = squeeze_spaces(text)
    assert squeezed is not None
    assert squeezed.text == "KẾ HOẠCH\n\n1. Mục\nđích\n\n  - Cụ thể hóa nhiệm vụ.\n"
    at = squeezed.text.index("Cụ thể")
    span = squeezed.source_span(Span(start=at, end=at + 6))
    assert text[span.start:span.end] == "Cụ thể"
    assert squeeze_spaces("KẾ HOẠCH\n    1. Mục đích\n") is None  # a line at the margin
