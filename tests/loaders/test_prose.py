"""Directives in running prose: a letter's tasks, owners, addressees and deadlines."""

from __future__ import annotations

import pytest

from policykg.loaders.clean import clean_text
from policykg.loaders.extract import extract
from policykg.ontology.records import DocumentKind

LETTER = """VĂN PHÒNG CHÍNH PHỦ

Số: 2844/VPCP-KSTT
V/v đề xuất xây dựng Chiến lược quốc gia về kinh tế số

Hà Nội, ngày 29 tháng 4 năm 2021

Kính gửi: Bộ Thông tin và Truyền thông.

Xét đề nghị của Bộ Thông tin và Truyền thông tại Báo cáo số 26/BC-BTTTT ngày 28 tháng 4 \
năm 2021, Thủ tướng Chính phủ có ý kiến chỉ đạo như sau:

{body}

Văn phòng Chính phủ thông báo để Bộ Thông tin và Truyền thông biết, thực hiện./.

Nơi nhận:
- Như trên;
"""


@pytest.mark.parametrize(("body", "owners", "deadline"), [
    ("Giao Bộ Thông tin và Truyền thông chủ trì xây dựng Chiến lược. Hoàn thành trong tháng 8 "
     "năm 2021.", ("Bộ Thông tin và Truyền thông",), "2021-08"),
    ("Về việc này, Thủ tướng Chính phủ giao Bộ Khoa học và Công nghệ có giải pháp hỗ trợ.",
     ("Bộ Khoa học và Công nghệ",), None),
    ("Các cơ quan, đơn vị trực thuộc Bộ lựa chọn và giới thiệu 01 công trình.\n\nHồ sơ gửi về "
     "Bộ Xây dựng (Vụ Khoa học) trước ngày 20/6/2021. (Mọi thông tin xin liên hệ Vụ.)",
     ("Các cơ quan, đơn vị trực thuộc Bộ",), "2021-06-20"),
])
def test_a_letter_states_its_task_in_a_paragraph(body: str, owners: tuple[str, ...],
                                                 deadline: str | None) -> None:
    found = extract(clean_text(LETTER.format(body=body)), "cv.txt")
    [task] = found.tasks
    assert task.owners == owners
    assert (task.deadline.value if task.deadline else None) == deadline


def test_a_collective_asked_to_act_is_an_addressee_and_background_is_no_task() -> None:
    body = ("Văn phòng Trung ương Đảng có văn bản số 15000-CV/VPTW gửi Đảng ủy Chính phủ đề "
            "nghị cho ý kiến.\n\nVăn phòng kính đề nghị các đồng chí Ủy viên Ban Thường vụ cho "
            "ý kiến đối với dự thảo báo cáo.")
    found = extract(clean_text(LETTER.format(body=body)), "cv.txt")
    [task] = found.tasks
    assert task.owners == ()
    assert "các đồng chí Ủy viên Ban Thường vụ" in found.document.general_addressees


def test_a_news_page_states_no_prose_tasks() -> None:
    text = ("UBND tỉnh chỉ đạo ban hành Kế hoạch hỗ trợ khởi nghiệp\n\nUBND tỉnh vừa có công văn "
            "gửi các Sở về việc ban hành Kế hoạch.\n\nSở Nội vụ theo dõi kết quả thực hiện.\n")
    found = extract(clean_text(text), "tin.txt")
    assert found.page == "news" and found.tasks == ()


NOTICE = ("Đề xuất, đăng ký thực hiện nhiệm vụ KH&CN cấp tỉnh năm 2022\n15:37 22/02/2021\n"
          "Thực hiện Chỉ đạo của Bộ Khoa học và Công nghệ về việc hướng dẫn xây dựng kế hoạch;\n\n"
          "Căn cứ Quyết định số 20/2015/QĐ-UBND ngày 12/6/2015 của UBND tỉnh Hà Tĩnh;\n\n"
          "Để đảm bảo tiến độ, Sở Khoa học và Công nghệ đề nghị các sở, ban, ngành và UBND các "
          "huyện đề xuất, đăng ký thực hiện nhiệm vụ KH&CN năm 2022, như sau: (Văn bản đính "
          "kèm)\n")


def test_an_organs_notice_without_header_is_its_document_and_its_request_the_task() -> None:
    """A portal notice: no letterhead, the organ's own preamble and its request."""
    found = extract(clean_text(NOTICE), "tb.txt")
    doc = found.document
    assert (doc.kind, doc.issuer, doc.province) == (
        DocumentKind.Other, "Sở Khoa học và Công nghệ tỉnh Hà Tĩnh", "Hà Tĩnh")
    [task] = found.tasks
    assert task.text.startswith("Để đảm bảo tiến độ") and task.owners == ()
    assert doc.general_addressees == ("các sở, ban, ngành", "UBND các huyện")


def test_a_report_of_an_organs_request_is_news() -> None:
    text = ("Bộ Thông tin và Truyền thông phổ cập bộ nhận diện Ngày Chuyển đổi số\n\nThủ tướng "
            "Chính phủ đã lựa chọn ngày 10/10 hằng năm là Ngày Chuyển đổi số quốc gia. Để sự kiện "
            "có sức lan tỏa, Bộ Thông tin và Truyền thông đề nghị các bộ ngành phát động kế "
            "hoạch.\n\nNhằm mục đích lan tỏa, các bộ, ngành phổ cập bộ nhận diện.\n")
    found = extract(clean_text(text), "n.txt")
    assert found.page == "news" and found.tasks == ()


def test_the_request_after_a_background_sentence_is_the_task() -> None:
    body = ("Thực hiện Kết luận của Phó Thủ tướng tại Thông báo số 52/TB-VPCP ngày 02/02/2019, "
            "Bộ Khoa học và Công nghệ đã nghiên cứu và xây dựng dự thảo Quyết định. Để việc xây "
            "dựng dự thảo được đồng bộ, Bộ đề nghị các bộ, ngành cho ý kiến bằng văn bản.")
    found = extract(clean_text(LETTER.format(body=body)), "cv.txt")
    [task] = found.tasks
    assert task.text.startswith("Để việc xây dựng dự thảo")


def test_a_letter_under_a_narrow_cells_kinh_gui_and_its_polite_requests() -> None:
    """blind5 F1: "Kính" / "gửi:" and the "|" of a web table around its addressees; "trân
    trọng đề nghị" is a request, not the closing formula "Trân trọng./."; a permission
    ("… có thể xây dựng …") and an earlier decision's assignment ("đã giao") are no tasks."""
    text = "\n".join([
        "BỘ THÔNG TIN VÀ TRUYỀN THÔNG", "Số: 2390/BTTTT-THH", "V/v hướng dẫn chuyển đổi số",
        "Kính", "gửi:", "|", "- Các bộ, cơ quan ngang bộ;", "- Ủy ban nhân dân các tỉnh.", "|",
        "Quyết định số 749/QĐ-TTg đã giao Bộ Thông tin và Truyền thông chủ trì hướng dẫn.",
        "Căn cứ Khung Chương trình, các bộ, ngành, địa phương có thể xây dựng văn bản riêng về "
        "chuyển đổi số.",
        "Trân trọng đề nghị Quý Cơ quan giao đơn vị chuyên trách là đầu mối tổ chức thực hiện.",
        "Trân trọng./.", ""])
    e = extract(clean_text(text), "f1.txt")
    assert [(t.text[:30], t.owners) for t in e.tasks] == [("Trân trọng đề nghị Quý Cơ quan", ())]
    assert e.document.general_addressees == ("Quý Cơ quan",)


def test_a_call_for_proposals_its_dossier_and_its_time_limit() -> None:
    """blind6 G02: a long request that lost its full stop is the task; the dossier's list
    ("Hồ sơ …" over "- Công văn …", "- Phiếu …") holds no tasks; "*/ Thời hạn …:" below
    gives the request its deadline."""
    text = "\n".join([
        "Đề xuất, đăng ký thực hiện nhiệm vụ khoa học và công nghệ cấp tỉnh năm 2021", "",
        "Để đảm bảo tiến độ xây dựng kế hoạch, dự toán ngân sách KH&CN năm 2021 theo đúng các "
        "quy định của Luật khoa học và công nghệ, Sở Khoa học và Công nghệ đề nghị các sở, ban, "
        "ngành, huyện, thị xã, thành phố trong tỉnh đề xuất, đăng ký thực hiện nhiệm vụ "
        "(sau đây gọi tắt là nhiệm vụ KH&CN)", "",
        "Hồ sơ đề xuất, đăng ký nhiệm vụ KH&CN năm 2021", "",
        "- Công văn đề xuất, đăng ký nhiệm vụ KH&CN của ngành, huyện, đơn vị;", "",
        "- Phiếu đề xuất, đăng ký, tổng hợp của ngành, huyện, tổ chức và cá nhân.", "",
        "Hồ sơ gửi về Phòng Quản lý khoa học, Sở KH&CN tỉnh Hà Tĩnh", "",
        "*/ Thời hạn cuối cùng nhận hồ sơ: ngày 20 tháng 4 năm 2020;", ""])
    [task] = extract(clean_text(text), "g02.txt").tasks
    assert task.text.startswith("Để đảm bảo tiến độ") and task.owners == ()
    assert task.deadline is not None and task.deadline.value == "2020-04-20"


def test_a_consultation_letter_under_a_sites_lead() -> None:
    """blind5 F2: no letterhead, no "Kính gửi"; "Theo quy định của Luật …, Bộ … trân trọng
    đề nghị Quý cơ quan …" is the organ's request; the sending line below, which lost its
    full stop, gives its deadline."""
    text = "\n".join([
        "Dự thảo Thông tư ban hành Hệ thống chỉ tiêu thống kê ngành KH&CN", "",
        "Ngày bắt đầu lấy ý kiến: 25/01/2018, Ngày hết hạn lấy ý kiến: 26/03/2018", "",
        "Nội dung văn bản:", "",
        "  Thực hiện Quyết định số 1357/QĐ-TTg ngày 13/9/2017 của Thủ tướng Chính phủ, Bộ Khoa "
        "học và Công nghệ triển khai xây dựng Thông tư về Hệ thống chỉ tiêu thống kê.", "",
        "Theo quy định của Luật ban hành văn bản quy phạm pháp luật, Bộ Khoa học và Công nghệ "
        "trân trọng đề nghị Quý cơ quan nghiên cứu, cho ý kiến đối với nội dung của Dự thảo.", "",
        "Văn bản góp ý xin gửi về Bộ Khoa học và Công nghệ trước ngày 26 tháng 3 năm 2018 để "
        "kịp tổng hợp và tiến hành các thủ tục tiếp theo/", ""])
    e = extract(clean_text(text), "f2.txt")
    assert e.page == "official" and e.document.issuer == "Bộ Khoa học và Công nghệ"
    [task] = e.tasks
    assert task.text.startswith("Theo quy định") and task.deadline is not None
    assert task.deadline.value == "2018-03-26"
