"""What the rules of the blind5-7 tuning must not read into other texts (a review's
counter-examples): each of these was misread by the first version of its rule."""

from __future__ import annotations

import pytest

from policykg.loaders.clean import clean_text
from policykg.loaders.extract import extract
from policykg.loaders.metadata import metadata_table
from policykg.loaders.outline import inline_items
from policykg.ontology.records import DocumentKind

_LETTER = "BỘ XÂY DỰNG\nSố: 12/BXD-KHCN\nV/v tập huấn\nKính gửi: Sở Xây dựng các tỉnh\n"


@pytest.mark.parametrize("text", [
    "Giá xăng giảm\n\nChiều 12/3, Bộ Công Thương thông báo giá bán lẻ xăng dầu như sau:\n\n"
    "Xăng RON95 giảm 500 đồng.\n",
    "Tuyển sinh 2025\n\nNăm nay, Bộ Giáo dục và Đào tạo hướng dẫn các trường tuyển sinh như "
    "sau:\n\nCác trường xét tuyển sớm.\n",
])
def test_news_of_an_organ_informing_or_guiding_stays_news(text: str) -> None:
    e = extract(clean_text(text), "tin.txt")
    assert e.page == "news" and e.document.kind is DocumentKind.Other
    assert e.document.issuer is None


def test_a_body_text_naming_who_drafts_a_plan_is_no_issuer() -> None:
    text = ("KẾ HOẠCH\n\nvề chuyển đổi số\n\nI. MỤC ĐÍCH\n\nNâng cao nhận thức.\n\nII. TỔ CHỨC "
            "THỰC HIỆN\n\nCăn cứ Kế hoạch này, Sở Nội vụ xây dựng Kế hoạch chi tiết trước ngày "
            "30/6/2025.\n")
    assert extract(clean_text(text), "kh.txt").document.issuer is None


@pytest.mark.parametrize("body", [
    "Sở Xây dựng các tỉnh tổ chức tập huấn để cán bộ có thể sử dụng phần mềm, báo cáo về Bộ.",
    "Đề nghị Sở Xây dựng các tỉnh hoàn thành các nhiệm vụ đã giao, báo cáo kết quả về Bộ.",
    "Đề nghị Sở Xây dựng các tỉnh rà soát các dự án đã phê duyệt, báo cáo về Bộ.",
])
def test_a_purpose_modal_or_a_relative_past_keeps_the_task(body: str) -> None:
    assert len(extract(clean_text(_LETTER + body + "\n"), "cv.txt").tasks) == 1


def test_a_meeting_time_is_no_deadline_of_the_task_above() -> None:
    text = _LETTER + ("Đề nghị các Sở tổ chức tập huấn chuyển đổi số.\nThời gian tổ chức hội "
                      "nghị: ngày 20/4/2025 tại Hà Nội.\n")
    [task] = extract(clean_text(text), "cv.txt").tasks
    assert task.deadline is None


def test_a_paragraph_opening_with_a_record_is_no_dossier() -> None:
    text = ("II. NHIỆM VỤ\n\nHồ sơ điện tử, lưu trữ số\n\n- Sở Nội vụ chủ trì số hóa tài liệu "
            "lưu trữ.\n\n- Văn phòng UBND tỉnh hướng dẫn các cơ quan lập hồ sơ điện tử.\n")
    owners = [t.owners for t in extract(clean_text(text), "kh.txt").tasks]
    assert ("Sở Nội vụ",) in owners and ("Văn phòng UBND tỉnh",) in owners


def test_label_lines_in_a_news_lead_blank_no_sentence() -> None:
    text = ("Tin tức sự kiện\nNgày 12/3/2024, UBND tỉnh Đồng Tháp ban hành Kế hoạch số "
            "45/KH-UBND về chuyển đổi số.\nTheo đó, các sở thực hiện.\nNgười ký: Nguyễn Văn A\n"
            "Ngày ký: 12/3/2024\nNội dung kế hoạch như sau.\n")
    found = metadata_table(text)
    assert found is not None
    assert "Theo đó, các sở thực hiện." in found.blanked
    assert "Nội dung kế hoạch như sau." in found.blanked


def test_a_dash_before_a_small_letter_opens_no_inline_item() -> None:
    assert inline_items("Nội dung: hợp đồng; - được ký; - ưu tiên các sở") == []
