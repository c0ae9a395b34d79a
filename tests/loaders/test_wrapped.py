"""A text hard-wrapped at 80 columns (as PDF readers give it) reads as the text
itself: its letterhead lines stay apart, its sentences are joined again."""

from __future__ import annotations

import textwrap
from pathlib import Path

import pytest

from policykg.loaders.clean import clean_text, undouble_breaks
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


def _doubled(text: str) -> str:
    """Every line break doubled, as some PDF readers give a page."""
    return "\n\n".join(text.split("\n"))


@pytest.mark.parametrize("path", DOCS, ids=[p.stem[:24] for p in DOCS])
def test_a_wrapped_copy_with_every_break_doubled_extracts_as_the_text(path: Path) -> None:
    """Before, a doubled copy of corpus2 scored 0.81, the page-break repair joining half
    the lines and every other line a paragraph of its own."""
    raw = path.read_text(encoding="utf-8")
    wrapped = extract(clean_text(_wrapped(raw)), path.name)
    doubled = extract(clean_text(_doubled(_wrapped(raw))), path.name)
    assert doubled.document.number == wrapped.document.number
    assert [(t.text, t.owners) for t in doubled.tasks] == [(t.text, t.owners)
                                                          for t in wrapped.tasks]


_LINES = ["Thực hiện Kết luận số 69-KL/TW của Bộ Chính trị, Ban Thường vụ Tỉnh ủy xây",
          "dựng kế hoạch thực hiện như sau:"] * 8


def test_breaks_are_halved_only_in_a_wrapped_text_whose_every_break_is_doubled() -> None:
    doubled = "\n\n".join(_LINES) + "\n\n\n\nNơi nhận:\n\n- Như trên."
    halved = undouble_breaks(doubled)
    assert len(halved) == len(doubled)
    assert halved.split("\n")[:15] == [f"{line} " for line in _LINES[:15]]
    # four breaks: one blank line
    assert halved.endswith(f"{_LINES[15]}  \n\nNơi nhận: \n- Như trên.")
    paragraphs = "\n\n".join(f"Đoạn {i}. Một câu đầy đủ, kết thúc bằng dấu chấm."
                             for i in range(20))
    assert undouble_breaks(paragraphs) == paragraphs  # a paragraph a line: not wrapped
    touching = "\n".join(_LINES) + "\n\n" + "\n\n".join(_LINES)
    assert undouble_breaks(touching) == touching
    short = "\n\n".join(_LINES[:6])
    assert undouble_breaks(short) == short


def test_a_doubled_text_with_whole_table_rows_is_halved() -> None:
    """A table's rows are not wrapped: they do not make the text's lines look long."""
    row = "| 1 | " + "Xây dựng nền tảng số dùng chung của tỉnh " * 6 + "| Sở KH&CN | 2025 |"
    doubled = "\n\n".join(_LINES + [row] * 4)
    halved = undouble_breaks(doubled)
    assert halved.split("\n")[:3] == [f"{line} " for line in _LINES[:3]]


def test_short_letterhead_lines_of_a_wrapped_text_stay_apart() -> None:
    text = "\n".join(["ĐẢNG ỦY CHÍNH PHỦ", "VĂN PHÒNG", "*", "Số 402-CV/VPĐU",
                      "V/v xin ý kiến dự thảo báo cáo", "", *_LINES])
    header = extract(clean_text(text), "cv.txt").document
    assert header.issuer == "Văn phòng Đảng ủy Chính phủ"
