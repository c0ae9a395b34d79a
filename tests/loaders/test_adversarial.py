"""Texts built to hit the worst case of the extractor's scans (long runs of one pattern,
one paragraph of hundreds of figures, thousands of items) are read in linear time: each
~200 KB text is extracted well within the timeout, where a quadratic scan took minutes.
"""

from __future__ import annotations

import pytest

from policykg.loaders.clean import clean_text
from policykg.loaders.extract import extract

_SIZE = 200_000


def _repeat(unit: str) -> str:
    return unit * (_SIZE // len(unit))


CASES = {
    "inline enumerations": _repeat("(1) a (2) b "),
    "nested enumerations": _repeat("(i) a (ii) b (1) c (2) d "),
    "citations": _repeat("12-KH/TU 13-NQ/TW ngày 01/02/2025 "),
    "bullets": _repeat("- a\n"),
    "a run of spaces": "a" + " " * _SIZE + "b) c",
    "numbered items": "".join(f"{i}. Sở Tài chính bố trí kinh phí.\n" for i in range(3000)),
    "one paragraph of figures": _repeat(
        "Ban Thường vụ yêu cầu các cấp ủy, Mặt trận Tổ quốc phối hợp với Sở Khoa học và "
        "Công nghệ đạt 30% đến năm 2030, "),
    "a task table": "TT | Nhiệm vụ | Cơ quan chủ trì | Thời gian\n" + "".join(
        f"{i} | Xây dựng đề án {i} | Sở Nội vụ | Quý II/2025\n" for i in range(4000)),
    "lead-ins": _repeat("Các sở thực hiện như sau:\n"),
    "punctuation": _repeat(".;:,()“”"),
    "a letterhead and a run of spaces": "ỦY BAN NHÂN DÂN" + " " * _SIZE + "x\n",
    "a run of spaces before a cell": "abc\n" + " " * _SIZE + "| x Người ký: A\n",
    "a metadata table's long cell": "| Số hiệu | 1/KH |\n| Người ký | A |\n| x |" + "y" * _SIZE
    + "|x|\n",
    "spaces before a metadata label": "| Số hiệu | 1/KH |\n| Loại văn bản | Kế hoạch |\n"
    + " " * _SIZE + "x Người ký: A\n",
    "a wrapped paragraph of directives": "1. Sở Tài chính\n" + _repeat(
        "Thực hiện rà soát các văn bản quy phạm pháp luật có liên quan đến lĩnh vực\n"),
}


@pytest.mark.timeout(20)
@pytest.mark.parametrize("name", sorted(CASES))
def test_worst_cases_are_read_in_linear_time(name: str) -> None:
    found = extract(clean_text(CASES[name]), f"{name}.txt")
    assert found.source == f"{name}.txt"
