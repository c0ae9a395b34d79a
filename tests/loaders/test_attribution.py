"""Responsibility stated apart from the task: field lines, parentheses, attribution lines."""

from __future__ import annotations

import pytest

from policykg.loaders.attribution import attribution_line, closing_responsibility, field_line


def test_field_line() -> None:
    found = field_line("Cơ quan chủ trì: Sở Nội vụ; cơ quan phối hợp: Sở Tư pháp, Sở Tài chính; "
                       "thời gian: Quý III/2025.")
    assert found is not None
    assert (found.owners, found.coordinators) == (("Sở Nội vụ",), ("Sở Tư pháp", "Sở Tài chính"))
    assert found.deadline is not None and found.deadline.value == "2025-Q3"
    assert field_line("Thời gian qua, Sở Nội vụ đã làm tốt") is None


def test_closing_responsibility() -> None:
    found = closing_responsibility("Nâng cấp Trung tâm dữ liệu (Sở Khoa học và Công nghệ chủ "
                                   "trì, phối hợp với Công an tỉnh; hoàn thành quý IV/2025).")
    assert found is not None
    assert (found.owners, found.coordinators) == (("Sở Khoa học và Công nghệ",), ("Công an tỉnh",))
    assert found.deadline is not None and found.deadline.value == "2025-Q4"
    assert closing_responsibility("Ứng dụng trí tuệ nhân tạo (AI).") is None


def test_attribution_line_and_closing_clause() -> None:
    found = attribution_line("Ban cán sự đảng UBND tỉnh, Đảng đoàn HĐND tỉnh lãnh đạo thực hiện "
                             "trong năm 2025.")
    assert found is not None
    assert found.owners == ("Ban cán sự đảng UBND tỉnh", "Đảng đoàn HĐND tỉnh")
    assert found.deadline is not None and found.deadline.value == "2025"
    assert attribution_line("Các cơ quan, đơn vị báo cáo kết quả thực hiện về Văn phòng") is None


@pytest.mark.parametrize(("item", "owners", "deadline"), [
    ("Xây dựng cơ sở dữ liệu dùng chung. Trách nhiệm: Sở Y tế.", ("Sở Y tế",), None),
    ("Hoàn thiện hạ tầng số. Cơ quan chủ trì: Sở Thông tin và Truyền thông; thời gian: năm "
     "2025.", ("Sở Thông tin và Truyền thông",), "2025"),
    ("Đẩy mạnh chuyển đổi số trong doanh nghiệp. (Giao Sở Công Thương chủ trì)",
     ("Sở Công Thương",), None),
    ("Phấn đấu 100% hồ sơ được số hóa - Sở Nội vụ chủ trì.", ("Sở Nội vụ",), None),
])
def test_responsibility_in_an_items_last_words(item: str, owners: tuple[str, ...],
                                               deadline: str | None) -> None:
    """Fields in the last sentence, "Giao X chủ trì" in a parenthesis, a dash before it."""
    found = closing_responsibility(item)
    assert found is not None and found.owners == owners
    assert (found.deadline.value if found.deadline else None) == deadline


def test_a_dash_in_a_period_is_no_attribution() -> None:
    assert closing_responsibility("Triển khai giai đoạn 2021 - 2025 các dự án hạ tầng.") is None
