"""Responsibility stated apart from the task: field lines, parentheses, attribution lines."""

from __future__ import annotations

from policykg.loaders.attribution import attribution_line, closing_parenthesis, field_line


def test_field_line() -> None:
    found = field_line("Cơ quan chủ trì: Sở Nội vụ; cơ quan phối hợp: Sở Tư pháp, Sở Tài chính; "
                       "thời gian: Quý III/2025.")
    assert found is not None
    assert (found.owners, found.coordinators) == (("Sở Nội vụ",), ("Sở Tư pháp", "Sở Tài chính"))
    assert found.deadline is not None and found.deadline.value == "2025-Q3"
    assert field_line("Thời gian qua, Sở Nội vụ đã làm tốt") is None


def test_closing_parenthesis() -> None:
    found = closing_parenthesis("Nâng cấp Trung tâm dữ liệu (Sở Khoa học và Công nghệ chủ trì, "
                                "phối hợp với Công an tỉnh; hoàn thành quý IV/2025).")
    assert found is not None
    assert (found.owners, found.coordinators) == (("Sở Khoa học và Công nghệ",), ("Công an tỉnh",))
    assert found.deadline is not None and found.deadline.value == "2025-Q4"
    assert closing_parenthesis("Ứng dụng trí tuệ nhân tạo (AI).") is None


def test_attribution_line_and_closing_clause() -> None:
    found = attribution_line("Ban cán sự đảng UBND tỉnh, Đảng đoàn HĐND tỉnh lãnh đạo thực hiện "
                             "trong năm 2025.")
    assert found is not None
    assert found.owners == ("Ban cán sự đảng UBND tỉnh", "Đảng đoàn HĐND tỉnh")
    assert found.deadline is not None and found.deadline.value == "2025"
    assert attribution_line("Các cơ quan, đơn vị báo cáo kết quả thực hiện về Văn phòng") is None
