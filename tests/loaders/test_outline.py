"""The outline tree: where a document's own text ends, and what follows it."""

from __future__ import annotations

import pytest

from policykg.loaders.outline import parse_outline


def test_recipients_in_a_table_row_end_the_decision_and_its_annex_follows() -> None:
    """"| Nơi nhận: … | THỦ TƯỚNG … |" (the signature table of a web copy) ends the decision;
    the plan attached after it is an annex, not part of its last article."""
    text = ("QUYẾT ĐỊNH:\nĐiều 1. Ban hành kèm theo Quyết định này Kế hoạch.\nĐiều 2. Các Bộ "
            "trưởng chịu trách nhiệm thi hành Quyết định này.\n| Nơi nhận: - Như Điều 2; - Lưu: "
            "VT. | THỦ TƯỚNG Nguyễn Xuân Phúc |\nKẾ HOẠCH\nTHỰC HIỆN CHỈ THỊ SỐ 14-CT/TW\n"
            "I. NHIỆM VỤ\n1. Rà soát hệ thống chính sách.\n")
    annex = parse_outline(text).children[-1]
    assert annex.kind == "annex"
    assert [c.label for c in annex.children] == ["", "I"]  # its subject, its part


def test_lettered_parts_in_capitals_stand_above_the_roman_ones() -> None:
    """"A. MỤC ĐÍCH, YÊU CẦU / B. NỘI DUNG … / I. … / C. MỘT SỐ NỘI DUNG TRỌNG TÂM": C is a
    part of its own, not an item of B's last Roman part; "A. Nguyễn Văn A" is no part."""
    text = ("A. MỤC ĐÍCH, YÊU CẦU\n1. Mục đích\nB. NỘI DUNG, NHIỆM VỤ\nI. CÔNG TÁC TRIỂN KHAI\n"
            "1. Quán triệt Quyết định.\nC. MỘT SỐ NỘI DUNG TRỌNG TÂM ĐẾN NĂM 2015\n1. Tập trung "
            "nghiên cứu.\n")
    root = parse_outline(text)
    assert [(c.kind, c.label) for c in root.children] == [
        ("part", "A"), ("part", "B"), ("part", "C")]
    assert [c.label for c in root.children[1].children] == ["I"]
    assert parse_outline("A. Nguyễn Văn A\n").children[0].kind == "plain"


def test_a_lettered_item_numbered_with_its_parent_is_its_child() -> None:
    """"2.1. Bước 1: / 2.1.a. Thành lập … / 2.1.b. Hướng dẫn …": letters under 2.1, their
    text without the label."""
    text = ("2. Trình tự lập danh sách\n2.1. Bước 1:\n2.1.a. Thành lập Ban Chỉ đạo.\n"
            "2.1.b. Hướng dẫn và tiếp nhận hồ sơ:\n2.2. Bước 2: Kiểm tra hiện trạng nhà ở.\n")
    two = parse_outline(text).children[0]
    step = two.children[0]
    assert [(c.kind, c.label, c.text) for c in step.children] == [
        ("letter", "a", "Thành lập Ban Chỉ đạo."),
        ("letter", "b", "Hướng dẫn và tiếp nhận hồ sơ:")]
    assert [c.label for c in two.children] == ["2.1", "2.2"]


@pytest.mark.parametrize("signature", [
    "KT. BỘ TRƯỞNG THỨ TRƯỞNG Đinh Trung Tụng", "BỘ TRƯỞNG Đặng Quốc Khánh"])
def test_a_plan_heading_glued_onto_the_signature_opens_the_annex(signature: str) -> None:
    """"KT. BỘ TRƯỞNG THỨ TRƯỞNG Đinh Trung Tụng KẾ HOẠCH TRIỂN KHAI …" (a crawl's copy ran
    the attached plan's heading into the signature): the plan is an annex, not signature."""
    text = ("Điều 1. Ban hành kèm theo Quyết định này Kế hoạch.\nNơi nhận:\n- Như Điều 3;\n"
            f"{signature} KẾ HOẠCH TRIỂN KHAI THỰC HIỆN CHƯƠNG TRÌNH PHỐI HỢP NĂM 2015\n"
            "I. NỘI DUNG THỰC HIỆN\n1. Rà soát văn bản.\n")
    annex = parse_outline(text).children[-1]
    assert annex.kind == "annex" and annex.text.startswith("KẾ HOẠCH TRIỂN KHAI")
    assert [c.label for c in annex.children] == ["I"]
