"""The layout pass: what a text's origin did to its lines is undone, offsets kept."""

from __future__ import annotations

import pytest

from policykg.loaders.layout import lay_out


@pytest.mark.parametrize("blanks", [0, 1, 2])
def test_a_lone_marker_joins_its_item_across_blank_lines(blanks: int) -> None:
    text = "Nhiệm vụ:\n\n-\n" + "\n" * blanks + "Sở Khoa học và Công nghệ chủ trì.\n"
    laid = lay_out(text)
    assert len(laid) == len(text)
    assert "- " + " " * blanks + "Sở Khoa học" in laid
    assert laid.startswith("Nhiệm vụ:\n\n")


def test_a_lone_marker_before_a_new_item_stays_alone() -> None:
    text = "-\n\n2. Bộ Tài chính bố trí kinh phí.\n"
    assert lay_out(text) == text


@pytest.mark.parametrize("label", ["a)", "a/", "a."])
def test_a_lettered_item_after_an_open_line_starts_a_line_of_its_own(label: str) -> None:
    text = ("1. Nâng cao nhận thức, đột phá về đổi mới tư duy, quyết liệt lãnh đạo,\n"
            f"{label} Xây dựng chương trình tuyên truyền thường xuyên về Nghị quyết.\n")
    assert lay_out(text).split("\n")[1].startswith(label)
