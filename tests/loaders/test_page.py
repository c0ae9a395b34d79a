"""Page kinds (official, republished, news) and what a lead or preamble says."""

from __future__ import annotations

from datetime import date

import pytest

from policykg.loaders.clean import clean_text
from policykg.loaders.extract import extract
from policykg.loaders.header import extract_header
from policykg.loaders.lead import lead_facts, preamble_facts
from policykg.loaders.page import classify_page
from policykg.ontology.records import DocumentHeader, DocumentKind

REPUBLISHED_LEAD = (
    "Nghị quyết số 57-NQ/TW\n\nThay mặt Bộ Chính trị, Tổng Bí thư Tô Lâm đã ký ban hành "
    "Nghị quyết số 57-NQ/TW (ngày 22/12/2024) của Bộ Chính trị về đột phá.\n\n"
    "Trân trọng giới thiệu toàn văn Nghị quyết số 57-NQ/TW:\n\nPhát triển khoa học là yếu tố.\n")
TITLE_LINE = (
    "Kết luận số 69-KL/TW\n\nKết luận số 69-KL/TW ngày 11/01/2024 của Bộ Chính trị về tiếp "
    "tục thực hiện Nghị quyết số 20-NQ/TW, ngày 01/11/2012.\n\nSau 10 năm thực hiện.\n")
ISSUED_LEAD = (
    "Ngày 08/12/2023 UBND tỉnh đã ban hành Công văn số 86549/UBND-NCKS báo cáo thực hiện "
    "Chiến lược. Thực hiện Công văn số 6028/BTTT-CBC ngày 03/12/2023 của Bộ Thông tin và "
    "Truyền thông; UBND tỉnh có ý kiến như sau: Sở Thông tin và Truyền thông chủ trì.\n")
NEWS = (
    "(QT) - Ngày 20/3/2025, Ban Thường vụ Tỉnh ủy Quảng Trị ban hành Kế hoạch số 215-KH/TU "
    "thực hiện Nghị quyết số 57-NQ/TW. Theo đó, Kế hoạch đề ra 5 nhiệm vụ.\n")
QUOTED = (
    "Toàn văn Chỉ thị 24/CT-TTg 2025 về giải pháp công nghệ ra sao?\n\nNgày 13/9/2025, Thủ "
    "tướng Chính phủ đã có Chỉ thị 24/CT-TTg năm 2025 về việc thúc đẩy.\n")
PREAMBLE = (
    "Căn cứ Quyết định số 570/QĐ-UBND ngày 21/3/2021 của UBND tỉnh Đắk Nông về việc ban hành "
    "kế hoạch triển khai thực hiện Nghị quyết số 09/NQ-TU; Sở Thông tin và Truyền thông ban "
    "hành Kế hoạch nâng cao chất lượng mạng di động tỉnh Đắk Nông, với những nội dung sau\n\n"
    "1. MỤC TIÊU\n")


@pytest.mark.parametrize(("text", "kind"), [
    (REPUBLISHED_LEAD, "republished"), (TITLE_LINE, "republished"),
    (ISSUED_LEAD, "republished"), (NEWS, "news"), (QUOTED, "news"), (PREAMBLE, "official"),
    ("TỈNH ỦY KON TUM\n*\nSố 05-KH/TU\n\nNội dung.\n", "official"),
    ("Tỉnh ủy tổ chức hội nghị.\n\nNơi nhận:\n- Như trên.\n", "official"),
])
def test_page_kinds(text: str, kind: str) -> None:
    assert classify_page(text).kind == kind


def test_republished_own_text_starts_after_the_lead() -> None:
    page = classify_page(ISSUED_LEAD)
    assert ISSUED_LEAD[page.start:].startswith("Thực hiện Công văn số 6028")


@pytest.mark.parametrize(("text", "kind", "number", "issued", "issuer"), [
    (REPUBLISHED_LEAD, DocumentKind.NghiQuyet, "57-NQ/TW", date(2024, 12, 22), "Bộ Chính trị"),
    (TITLE_LINE, DocumentKind.KetLuan, "69-KL/TW", date(2024, 1, 11), "Bộ Chính trị"),
    (ISSUED_LEAD, DocumentKind.CongVan, "86549/UBND-NCKS", date(2023, 12, 8),
     "Ủy ban nhân dân tỉnh"),
])
def test_lead_names_the_document(text: str, kind: DocumentKind, number: str, issued: date,
                                 issuer: str | None) -> None:
    facts = lead_facts(text, classify_page(text))
    assert facts.number is not None
    assert (facts.kind, facts.number.text, facts.issued, facts.issuer) == (
        kind, number, issued, issuer)


def test_preamble_issuing_the_text_gives_kind_and_issuer() -> None:
    facts = preamble_facts(PREAMBLE)
    assert (facts.kind, facts.issuer) == (DocumentKind.KeHoach, "Sở Thông tin và Truyền thông")
    header = extract_header(PREAMBLE, "p.txt")
    assert (header.kind, header.issuer, header.province) == (
        DocumentKind.KeHoach, "Sở Thông tin và Truyền thông tỉnh Đắk Nông", "Đắk Nông")


def test_news_has_no_header() -> None:
    assert extract_header(NEWS, "n.txt") == DocumentHeader()


@pytest.mark.parametrize("by", ["ban hành bởi", "của"])
def test_a_title_line_over_the_documents_own_text_names_it(by: str) -> None:
    """A page that opens with "Nghị quyết số N ngày D ban hành bởi X về …" and goes on with
    the document's first part is that document, not a citation of it."""
    text = (f"Nghị Quyết số 22/NQ-TU ngày 08/6/2022 {by} Tỉnh Ủy Kiên Giang về Chuyển đổi số "
            "tỉnh Kiên Giang đến năm 2025.\nI- Tình hình và nguyên nhân\n- Chuyển đổi số là xu "
            "hướng.\n")
    header = extract_header(text, "p.txt")
    assert (header.kind, header.number, header.issued, header.issuer, header.province) == (
        DocumentKind.NghiQuyet, "22/NQ-TU", date(2022, 6, 8), "Tỉnh Ủy Kiên Giang", "Kiên Giang")
    news = text.replace("\nI- Tình hình", "\nNgày 8/6, Tỉnh ủy đã ban hành nghị quyết. Tình hình")
    assert classify_page(news).kind == "news"


def test_a_page_opening_with_its_first_part_is_the_document_and_its_part_names_the_kind(
        ) -> None:
    text = ("I. CĂN CỨ LẬP KẾ HOẠCH\n- Luật Công nghệ thông tin;\n- Nghị quyết số 52-NQ/TW "
            "ngày 27 tháng 9 năm 2019 của Bộ Chính trị;\nII. MỤC TIÊU\n")
    assert classify_page(text).kind == "official"
    assert extract_header(text, "p.txt").kind is DocumentKind.KeHoach


def test_a_news_page_addresses_no_one() -> None:
    """A news item's "… giao X chịu trách nhiệm …" names no addressee of a document."""
    text = ("Lạng Sơn: đẩy mạnh chuyển đổi số\n\n15/3/2024\n\nTheo đó, UBND tỉnh giao Sở Khoa "
            "học và Công nghệ chịu trách nhiệm hướng dẫn các địa phương, báo Lạng Sơn cho biết.\n")
    e = extract(clean_text(text), "tin.txt")
    assert e.page == "news" and e.document.general_addressees == ()


def test_a_posting_line_before_the_first_part_does_not_hide_the_document() -> None:
    """blind6 G05: "Thứ hai - 11/11/2024 04:09" then "I. CĂN CỨ LẬP KẾ HOẠCH …"."""
    view = ("Thứ hai - 11/11/2024 04:09\nI. CĂN CỨ LẬP KẾ HOẠCH\n- Quyết định số 749/QĐ-TTg "
            "ngày 03/6/2020 của Thủ tướng Chính phủ.\nII. MỤC ĐÍCH\n")
    assert classify_page(view).kind == "official"
    assert extract(clean_text(view), "g05.txt").document.kind is DocumentKind.KeHoach


def test_a_republished_page_dated_by_its_lead_not_by_its_posting_line() -> None:
    """blind5 F6: the title line names the resolution and its issuer; the page's posting
    line is no issue date; "LTS: Ngày 02/3/2017, … đã ký ban hành Nghị quyết số …" is."""
    text = ("Nghị quyết số 19-NQ/ĐU của Ban Thường vụ Đảng ủy Tập đoàn TKV về tập trung lãnh "
            "đạo đẩy mạnh ứng dụng cơ giới hóa\nThứ Sáu, ngày 03/03/2017\n\nLTS: Ngày 02/3/2017, "
            "đồng chí Lê Minh Chuẩn - Bí thư Đảng ủy, Chủ tịch HĐTV Tập đoàn đã ký ban hành Nghị "
            "quyết số 19-NQ/ĐU của Ban Thường vụ Đảng ủy Tập đoàn. Tạp chí xin đăng toàn văn "
            "Nghị quyết như sau:\n\nI. THỰC TRẠNG VÀ NGUYÊN NHÂN\n\nTrong những năm qua.\n")
    d = extract(clean_text(text), "f6.txt").document
    assert (d.kind, d.number, d.issued, d.issuer) == (
        DocumentKind.NghiQuyet, "19-NQ/ĐU", date(2017, 3, 2), "Ban Thường vụ Đảng ủy Tập đoàn TKV")


def test_a_preamble_in_which_an_organ_guides_makes_the_text_its_guidance() -> None:
    """blind6 G03: "…, Sở Khoa học và Công nghệ Thái Bình hướng dẫn các sở, ban, ngành …
    như sau:" on a page under a posting date: a Hướng dẫn of that Sở, which is no addressee;
    the province its name holds is not added to it again."""
    text = ("Thông báo về việc hướng dẫn đề xuất nhiệm vụ khoa học và công nghệ năm 2023 (Tỉnh "
            "Thái Bình)\n\n"
            "16/03/2022\n\nCăn cứ Quyết định số 16/2020/QĐ-UBND ngày 20/8/2020 của Ủy ban nhân "
            "dân tỉnh, Sở Khoa học và Công nghệ Thái Bình hướng dẫn các sở, ban, ngành, đoàn "
            "thể tỉnh xây dựng, đề xuất đặt hàng các nhiệm vụ năm 2023 như sau:\n\n"
            "A. ĐỊNH HƯỚNG\n\n1. Định hướng về nội dung:\n")
    e = extract(clean_text(text), "g03.txt")
    d = e.document
    assert (e.page, d.kind, d.issuer, d.province) == (
        "official", DocumentKind.HuongDan, "Sở Khoa học và Công nghệ Thái Bình", "Thái Bình")
    assert "Sở Khoa học và Công nghệ Thái Bình" not in d.general_addressees
