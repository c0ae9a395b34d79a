"""What PDF readers leave in a text, undone before extraction: page numbers."""

from __future__ import annotations

from pathlib import Path

import pytest

from policykg.loaders.clean import PAGE_MIN_CHARS, blank_page_numbers, clean_text
from policykg.loaders.extract import extract
from policykg.loaders.layout import lay_out
from policykg.loaders.outline import parse_outline
from tests.shared_scorer import DEVSET

LINE = "Sở Khoa học và Công nghệ chủ trì, phối hợp với các sở, ngành triển khai thực hiện"
PAGE = "\n".join([LINE] * (PAGE_MIN_CHARS // len(LINE) + 1))


def test_page_numbers_counting_up_a_page_apart_become_spaces() -> None:
    for number in ("{}", "- {} -", "Trang {}", "{}/3"):
        text = "\n".join([PAGE, number.format(2), PAGE, number.format(3), PAGE])
        blanked = blank_page_numbers(text)
        assert len(blanked) == len(text)
        # the number and the break before it are spaces: the lines around touch again
        assert [ln.rstrip() for ln in blanked.split("\n")] == "\n".join([PAGE] * 3).split("\n")


def test_numbers_that_are_not_page_numbers_stay() -> None:
    cells = "TT\nNhiệm vụ\n1\nXây dựng đề án\n2\nBan hành quy chế\n3\nTổng kết"
    assert blank_page_numbers(cells) == cells  # a table one cell a line: too close
    once = "\n".join([PAGE, "2", PAGE])
    assert blank_page_numbers(once) == once  # one number alone is no page count
    jumping = "\n".join([PAGE, "2", PAGE, "7", PAGE])
    assert blank_page_numbers(jumping) == jumping


DOCS = sorted((DEVSET / "corpus2" / "docs").glob("0[2-7]_*.txt"))


@pytest.mark.parametrize("path", DOCS, ids=[p.stem[:24] for p in DOCS])
def test_a_copy_with_page_numbers_extracts_as_the_text(path: Path) -> None:
    raw = path.read_text(encoding="utf-8")
    lines = raw.split("\n")
    paged = "\n".join(line + (f"\n{k // 40 + 1}" if k and k % 40 == 0 else "")
                      for k, line in enumerate(lines))
    plain = extract(clean_text(raw), path.name)
    found = extract(clean_text(paged), path.name)
    assert [(t.text, t.owners, t.deadline and t.deadline.value) for t in found.tasks] == [
        (t.text, t.owners, t.deadline and t.deadline.value) for t in plain.tasks]


def test_bullets_in_other_glyphs_become_bullets_the_outline_reads() -> None:
    """A Word list read from a PDF: Symbol and Wingdings marks as private-use characters,
    Word's "o" at the second level; the length is kept."""
    raw = "II. NHIỆM VỤ\n\uf0b7\tSở Tài chính bố trí kinh phí.\no\tCấp đủ trong năm.\n" \
          "\uf0a7 Rà soát.\n◦ Báo cáo.\nTổng số o\tkhác\n"
    cleaned = clean_text(raw)
    assert len(cleaned) == len(raw)
    assert cleaned.split("\n")[1:6] == [
        "•\tSở Tài chính bố trí kinh phí.", "○\tCấp đủ trong năm.", "▪ Rà soát.", "• Báo cáo.",
        "Tổng số o\tkhác"]
    [part] = parse_outline(lay_out(cleaned)).children
    assert [(c.kind, c.text[:9]) for c in part.walk() if c is not part] == [
        ("bullet", "Sở Tài ch"), ("bullet", "Cấp đủ tr"), ("bullet", "Rà soát."),
        ("bullet", "Báo cáo."), ("plain", "Tổng số o")]
