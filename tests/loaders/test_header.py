from datetime import date

import pytest

from policykg.loaders.clean import clean_text
from policykg.loaders.extract import extract
from policykg.loaders.header import complete_issuer, extract_header
from policykg.ontology.records import DocumentHeader, DocumentKind

LETTERHEAD = """
TỈNH ỦY QUẢNG NAM
*
Số 12-CTr/TU

ĐẢNG CỘNG SẢN VIỆT NAM

Tam Kỳ, ngày 05 tháng 3 năm 2021

CHƯƠNG TRÌNH HÀNH ĐỘNG

thực hiện Nghị quyết số 52-NQ/TW ngày 27/9/2019
của Bộ Chính trị về chuyển đổi số

Thực hiện Nghị quyết số 52-NQ/TW, Ban Thường vụ Tỉnh ủy ban hành Chương trình như sau:

1. Ban cán sự đảng Ủy ban nhân dân tỉnh chỉ đạo xây dựng kế hoạch.

T/M BAN THƯỜNG VỤ
BÍ THƯ

Phan Việt Cường
"""


def _header(raw: str) -> DocumentHeader:
    return extract_header(clean_text(raw), "doc.txt")


def test_printed_header() -> None:
    h = _header(LETTERHEAD)
    assert h.kind is DocumentKind.ChuongTrinh
    assert h.number == "12-CTr/TU"
    assert h.issued == date(2021, 3, 5)
    assert h.province == "Quảng Nam"
    assert h.issuer == "Ban Thường vụ Tỉnh ủy Quảng Nam"
    assert h.signer == "Phan Việt Cường"
    assert h.title == ("thực hiện Nghị quyết số 52-NQ/TW ngày 27/9/2019 "
                       "của Bộ Chính trị về chuyển đổi số")
    assert h.general_addressees == ()
    assert h.term is None


def test_provenance_spans_point_at_the_text() -> None:
    text = clean_text(LETTERHEAD)
    h = extract_header(text, "doc.txt")
    for name, expected in [("number", "12-CTr/TU"), ("province", "QUẢNG NAM"),
                           ("signer", "Phan Việt Cường"), ("issued", "05 tháng 3 năm 2021")]:
        span = h.provenance[name].span
        assert span is not None
        assert text[span.start:span.end] == expected
        assert h.provenance[name].origin == "text"
        assert h.provenance[name].source == "doc.txt"


def test_place_line_gives_province_when_content_agrees() -> None:
    h = _header("Bắc Ninh, ngày 02 tháng 01 năm 2020\n\nKẾT LUẬN\n\nvề khoa học tỉnh Bắc Ninh\n")
    assert h.province == "Bắc Ninh"
    assert h.kind is DocumentKind.KetLuan
    assert h.provenance["province"].origin == "text"


def test_place_line_alone_may_be_a_city_and_gives_no_province() -> None:
    assert _header("Phan Thiết, ngày 02 tháng 01 năm 2020\n\nKẾT LUẬN\n\nvề khoa học\n"
                   ).province is None


@pytest.mark.parametrize(("place", "province"), [
    ("TP. Hồ Chí Minh", "Hồ Chí Minh"), ("Thành phố Cần Thơ", "Cần Thơ"), ("Huế", "Huế"),
    ("Đà Nẵng", "Đà Nẵng"),
])
def test_centrally_governed_city_on_the_place_line_is_the_province(
        place: str, province: str) -> None:
    h = _header(f"{place}, ngày 14 tháng 02 năm 2025\n\nKẾ HOẠCH\n\nvề khoa học\n")
    assert (h.province, h.issued) == (province, date(2025, 2, 14))


@pytest.mark.parametrize(("letterhead", "province"), [
    ("TỈNH ỦY BÀ RỊA - VŨNG TÀU", "Bà Rịa - Vũng Tàu"),
    ("TỈNH ỦY BÀ RỊA – VŨNG TÀU", "Bà Rịa - Vũng Tàu"),
    ("THÀNH ỦY THÀNH PHỐ HỒ CHÍ MINH", "Hồ Chí Minh"),
    ("THÀNH ỦY TP. HỒ CHÍ MINH", "Hồ Chí Minh"),
    ("ĐẢNG BỘ THÀNH PHỐ HỒ CHÍ MINH", "Hồ Chí Minh"),
    ("THÀNH ỦY HUẾ", "Huế"),
])
def test_letterhead_province_over_the_place_line(letterhead: str, province: str) -> None:
    h = _header(f"{letterhead}\n*\nSố 10- CTr/TU\n\nBà Rịa, ngày 10 tháng 3 năm 2025\n\n"
                "KẾ HOẠCH\n\nvề khoa học\n\nT/M BAN THƯỜNG VỤ\nBÍ THƯ\n\nPhạm Viết Thanh\n")
    assert h.province == province
    assert h.number == "10-CTr/TU"
    assert h.issuer is not None and h.issuer.endswith(f"ủy {province}")


def test_date_glued_to_the_own_number() -> None:
    h = _header("TỈNH ỦY HÀ TĨNH\n*\nSố: 118-KH/TUngày 15 tháng 3 năm 2025\n\nKẾ HOẠCH\n\nvề số\n")
    assert (h.number, h.issued, h.province) == ("118-KH/TU", date(2025, 3, 15), "Hà Tĩnh")


@pytest.mark.parametrize(("committee", "signed", "issuer"), [
    ("ĐẢNG ĐOÀN HĐND TỈNH", "T/M ĐẢNG ĐOÀN", "Đảng đoàn Hội đồng nhân dân tỉnh Quảng Ninh"),
    ("ĐẢNG ỦY KHỐI CÁC CƠ QUAN TỈNH", "T/M BAN THƯỜNG VỤ",
     "Ban Thường vụ Đảng ủy Khối các cơ quan tỉnh Quảng Ninh"),
    ("\nĐẢNG UỶ TRƯỜNG ĐẠI HỌC HẠ LONG", "T/M BAN THƯỜNG VỤ",  # a blank line between
     "Ban Thường vụ Đảng ủy Trường Đại học Hạ Long"),
    ("HUYỆN ỦY TIÊN YÊN", "T/M BAN THƯỜNG VỤ", "Ban Thường vụ Huyện ủy Tiên Yên"),
])
def test_committee_under_the_provincial_letterhead_is_the_issuer_named_after_it(
        committee: str, signed: str, issuer: str) -> None:
    h = _header(f"ĐẢNG BỘ TỈNH QUẢNG NINH\n{committee}\n*\nSố 15-KH/ĐĐ\n\n"
                "Hạ Long, ngày 25 tháng 3 năm 2025\n\nKẾ HOẠCH\n\nvề số\n\n"
                f"{signed}\nBÍ THƯ\n\nVũ Đại Thắng\n")
    assert (h.issuer, h.province) == (issuer, "Quảng Ninh")


def test_report_of_a_body_issuing_a_document_is_a_news_page_without_header() -> None:
    h = _header("Ngày 15/3/2025, Ban Thường vụ Tỉnh ủy Hà Tĩnh ban hành Kế hoạch số 118-KH/TU "
                "thực hiện Nghị quyết số 57-NQ/TW.\n")
    assert h == DocumentHeader()


def test_place_line_that_is_a_city_yields_to_the_named_province() -> None:
    h = _header("Phan Thiết, ngày 02 tháng 01 năm 2020\n\nTHÔNG BÁO\n\nvề khoa học\n\n"
                "Sở Khoa học và Công nghệ tỉnh Bình Thuận báo cáo.\n")
    assert h.province == "Bình Thuận"
    assert h.provenance["province"].origin == "inferred"


def test_website_date_and_meeting_date_are_not_issue_dates() -> None:
    h = _header("29/6/2014 TỈNH ỦY THÁI NGUYÊN\n\nTHÔNG BÁO\n\nkết luận\n\n"
                "Ngày 24/7/2017, đồng chí Bí thư Tỉnh ủy đã làm việc.\n")
    assert h.issued is None
    assert h.province == "Thái Nguyên"


def test_province_inferred_from_digitisation_footer() -> None:
    h = _header("THÔNG BÁO\n\nKẾT LUẬN CỦA THƯỜNG TRỰC TỈNH ỦY tại buổi làm việc\n\n"
                "Ủy ban nhân dân tỉnh chỉ đạo.\n\nK/T CHÁNH VĂN PHÒNG\n\n(đã ký và đóng dấu)\n\n"
                "Nguyễn Minh\n\n"
                "Số hóa bởi Văn phòng Tỉnh ủy Bình Thuận. <http://example.vn/>")
    assert h.province == "Bình Thuận"
    assert h.provenance["province"].origin == "inferred"
    assert h.issuer == "Thường trực Tỉnh ủy Bình Thuận"
    assert h.signer == "Nguyễn Minh"
    assert h.title == "KẾT LUẬN CỦA THƯỜNG TRỰC TỈNH ỦY tại buổi làm việc"


def test_two_provinces_named_infer_none() -> None:
    h = _header("CHỈ THỊ\n\nvề hợp tác\n\nHợp tác giữa tỉnh Lào Cai và tỉnh Yên Bái.\n")
    assert h.province is None


def test_body_words_after_tinh_are_not_provinces() -> None:
    h = _header("CHỈ THỊ\n\nvề khoa học\n\nỦy ban nhân dân tỉnh Ban hành quy chế.\n")
    assert h.province is None


def test_issuer_line_is_excluded_from_title_and_names_the_issuer() -> None:
    h = _header("CHỈ THỊ\nCỦA BAN THƯỜNG VỤ TỈNH ỦY\nvề tăng cường sự lãnh đạo\n"
                "đối với khoa học\n\nNội dung tỉnh Bắc Kạn.\n")
    assert h.kind is DocumentKind.ChiThi
    assert h.title == "về tăng cường sự lãnh đạo đối với khoa học"
    assert h.issuer == "Ban Thường vụ Tỉnh ủy Bắc Kạn"


def test_cong_van_keeps_subject_line_and_takes_kind_from_number() -> None:
    h = _header("THÀNH ỦY HẢI PHÒNG\n\nSố 1046-CV/TU\n\nV/v thực hiện Kết luận số 50-KL/TW\n"
                "của Ban Bí thư\n\nHải Phòng, ngày 18 tháng 9 năm 2019\n\n"
                "Ban Thường vụ Thành ủy yêu cầu các cấp ủy thực hiện.\n")
    assert h.kind is DocumentKind.CongVan
    assert h.title == "V/v thực hiện Kết luận số 50-KL/TW của Ban Bí thư"
    assert h.issuer == "Ban Thường vụ Thành ủy Hải Phòng"


def test_subject_without_number_is_a_cong_van() -> None:
    h = _header("V/v triển khai nhiệm vụ khoa học\n\nKính gửi: các sở\n")
    assert h.kind is DocumentKind.CongVan


def test_no_heading_takes_kind_from_own_number() -> None:
    h = _header("TỈNH ỦY KON TUM\n\nSố 05-KH/TU\n\nNội dung.\n")
    assert h.kind is DocumentKind.KeHoach
    assert h.issuer == "Tỉnh ủy Kon Tum"


def test_cited_numbers_are_not_the_own_number() -> None:
    h = _header("KẾ HOẠCH\n\nthực hiện Kết luận số 69-KL/TW\n\nSố liệu năm 2023 tăng.\n")
    assert h.number is None
    assert h.kind is DocumentKind.KeHoach


def test_signed_for_the_standing_committee_under_a_party_committee_letterhead() -> None:
    h = _header("TỈNH ỦY LÂM ĐỒNG\n\nNGHỊ QUYẾT\n\nvề khoa học\n\nNội dung.\n\n"
                "T/M BAN THƯỜNG VỤ\nBÍ THƯ\n\n(đã ký)\n\nTrần Đức Quận\n")
    assert h.issuer == "Ban Thường vụ Tỉnh ủy Lâm Đồng"
    assert h.kind is DocumentKind.NghiQuyet
    assert h.signer == "Trần Đức Quận"


def test_last_line_that_is_not_a_name_gives_no_signer() -> None:
    closing = "KẾ HOẠCH\n\nvề khoa học\n\nNơi nhận:\n- Lưu Văn phòng Tỉnh ủy.\n"
    assert _header(closing).signer is None


def test_a_name_without_signature_block_is_no_signer() -> None:
    assert _header("Tỉnh ủy tổ chức hội nghị về khoa học.\n\nMinh Anh\n").signer is None
    assert _header("Tỉnh ủy tổ chức hội nghị.\n\nNơi nhận:\n- Như trên.\n\nMinh Anh\n"
                   ).signer == "Minh Anh"


def test_central_resolution_has_no_province_and_its_own_term() -> None:
    h = _header("BAN CHẤP HÀNH TRUNG ƯƠNG\n*\nSố 20-NQ/TW\n\nĐẢNG CỘNG SẢN VIỆT NAM\n\n"
                "Hà Nội, ngày 01 tháng 11 năm 2012\n\nNGHỊ QUYẾT\n"
                "HỘI NGHỊ LẦN THỨ SÁU BAN CHẤP HÀNH TRUNG ƯƠNG KHÓA XI\n"
                "về phát triển khoa học và công nghệ\n\n"
                "Xây dựng và phát triển thành phố Hải Phòng.\n")
    assert (h.kind, h.number, h.issued) == (DocumentKind.NghiQuyet, "20-NQ/TW", date(2012, 11, 1))
    assert h.issuer == "Ban Chấp hành Trung ương"
    assert h.province is None
    assert h.term == "XI"


def test_own_term_from_letterhead_not_from_cited_documents() -> None:
    h = _header("BAN CHẤP HÀNH ĐẢNG BỘ TỈNH NINH BÌNH KHÓA XXI\n\nNGHỊ QUYẾT\n\n"
                "thực hiện Nghị quyết Trung ương 6 (khóa XI)\n")
    assert h.term == "XXI"
    assert h.province == "Ninh Bình"
    assert _header("NGHỊ QUYẾT\n\nthực hiện Nghị quyết Trung ương 6 (khóa XI)\n").term is None


def test_unknown_layout_is_other_with_nothing_guessed() -> None:
    h = _header("Một bài báo về khoa học và công nghệ.\n")
    assert h == DocumentHeader(kind=DocumentKind.Other, provenance={})


@pytest.mark.parametrize(("issuer", "province", "expected"), [
    ("Ban Thường vụ Tỉnh ủy", "Kon Tum", "Ban Thường vụ Tỉnh ủy Kon Tum"),
    ("Ban Thường vụ Tỉnh ủy Kon Tum", "Kon Tum", "Ban Thường vụ Tỉnh ủy Kon Tum"),
    ("Bộ Chính trị", "Kon Tum", "Bộ Chính trị"),
    ("Ban Thường vụ Tỉnh ủy", None, "Ban Thường vụ Tỉnh ủy"),
])
def test_complete_issuer(issuer: str, province: str | None, expected: str) -> None:
    header = DocumentHeader(issuer=issuer, province=province)
    assert complete_issuer(header).issuer == expected


@pytest.mark.parametrize("written", ["ngày 25/5/2025", "ngày 25-05-2025", "ngày 25.5.2025",
                                     "ngày 25 tháng 5 năm 2025"])
def test_the_place_date_line_in_any_of_its_forms(written: str) -> None:
    text = f"ĐẢNG ỦY CHÍNH PHỦ\nVĂN PHÒNG\n*\nSố 402-CV/VPĐU\n\nHà Nội, {written}\n\nKính gửi: x\n"
    header = extract_header(clean_text(text), "doc.txt")
    assert header.issued == date(2025, 5, 25)
    span = header.provenance["issued"].span
    assert span is not None and text[span.start:span.end] in written


@pytest.mark.parametrize(("letterhead", "issuer", "province"), [
    ("ỦY BAN NHÂN DÂN XÃ TỊNH TRÀ | CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM |",
     "Ủy ban nhân dân xã Tịnh Trà", "Quảng Ngãi"),  # the province from its text
    ("ỦY BAN NHÂN DÂN\nTỈNH THANH HÓA", "Ủy ban nhân dân tỉnh Thanh Hóa", "Thanh Hóa"),
    ("ỦY BAN NHÂN DÂN THỊ XÃ ĐỨC PHỔ", "Ủy ban nhân dân thị xã Đức Phổ", "Quảng Ngãi"),
    ("ĐẢNG BỘ HUYỆN SƠN TỊNH\nĐẢNG ỦY XÃ TỊNH TRÀ\n*", "Đảng ủy xã Tịnh Trà", "Quảng Ngãi"),
])
def test_letterheads_of_communes_districts_and_their_committees(
        letterhead: str, issuer: str, province: str) -> None:
    """Before, only a province's or a city's People's Committee, and a committee right under
    a provincial Party letterhead, were read: these gave no issuer, or the province's."""
    h = _header(f"{letterhead}\n\nSố: 12/KH-UBND\n\nTịnh Trà, ngày 26 tháng 4 năm 2024\n\n"
                "KẾ HOẠCH\n\nTriển khai Nghị quyết số 13-NQ/TU về chuyển đổi số tỉnh Quảng Ngãi\n")
    assert (h.issuer, h.province) == (issuer, province)


@pytest.mark.parametrize("kind", ["Chương trình hành động", "Kế hoạch"])
def test_a_lead_giving_the_text_by_its_kind_names_the_kind(kind: str) -> None:
    """blind4 E2: "… vừa ban hành Chương trình hành động … . Nội dung chương trình hành
    động như sau:" gave the kind Other ("chương trình hành động" named no kind)."""
    h = _header("Chương trình hành động của Ban Thường vụ Tỉnh ủy thực hiện Nghị quyết số 57\n"
                f"Ban Thường vụ Tỉnh ủy vừa ban hành {kind} thực hiện Nghị quyết số 57-NQ/TW, "
                "ngày 22/12/2024 của Bộ Chính trị về đột phá phát triển khoa học, công nghệ. "
                f"Nội dung {kind.lower()} như sau:\n"
                "Thực hiện Nghị quyết số 57-NQ/TW, Ban Thường vụ Tỉnh ủy đề ra các nhiệm vụ:\n"
                "I. MỤC TIÊU\n1. Phấn đấu đến năm 2030 đạt các chỉ tiêu sau.\n")
    expected = DocumentKind.ChuongTrinh if kind.startswith("Chương") else DocumentKind.KeHoach
    assert (h.kind, h.issuer) == (expected, "Ban Thường vụ Tỉnh ủy")


_LETTERHEAD = "TỈNH ỦY BẮC NINH\n*\nSố 215-KH/TU\nBắc Ninh, ngày 20 tháng 3 năm 2025\n\n"


@pytest.mark.parametrize("heading", [
    "KẾ HOẠCH THỰC HIỆN NGHỊ QUYẾT SỐ 57-NQ/TW NGÀY 22/12/2024 CỦA BỘ CHÍNH TRỊ",
    "Kế hoạch thực hiện Nghị quyết số 57-NQ/TW ngày 22/12/2024 của Bộ Chính trị",
    "Kế hoạch\nthực hiện Nghị quyết số 57-NQ/TW ngày 22/12/2024 của Bộ Chính trị",
])
def test_a_type_heading_with_its_subject_on_one_line_or_in_title_case(heading: str) -> None:
    """Web pages print the heading so: the subject is the title, the resolution it cites
    is implemented, and the cited issuer ("… CỦA BỘ CHÍNH TRỊ") is not the issuer."""
    found = extract(clean_text(_LETTERHEAD + heading + "\n\nII. NHIỆM VỤ\n"), "x.txt")
    header = found.document
    assert (header.kind, header.issuer) == (DocumentKind.KeHoach, "Tỉnh ủy Bắc Ninh")
    assert header.title is not None and header.title.lower().startswith("thực hiện nghị quyết")
    assert found.implements == ("57-NQ/TW@2024",)


def test_the_standing_board_of_a_sub_committee_named_short_is_the_issuer() -> None:
    """blind4 E6: "ĐẢNG UỶ TRƯỜNG ĐẠI HỌC VINH" over "… , Ban Thường vụ Đảng uỷ Trường ban
    hành Kế hoạch …" gave the committee, not its standing board."""
    h = _header("ĐẢNG BỘ TỈNH NGHỆ AN\n\nĐẢNG UỶ TRƯỜNG ĐẠI HỌC VINH *\n\nSố 05-KH/ĐU\n\n"
                "Nghệ An, ngày 24 tháng 3 năm 2021\n\nKẾ HOẠCH\n\ntriển khai thực hiện Nghị quyết "
                "Đại hội XIII\n\nThực hiện Chỉ thị số 01-CT/TW, Ban Thường vụ Đảng uỷ Trường ban "
                "hành Kế hoạch nghiên cứu, học tập như sau:\n")
    assert h.issuer == "Ban Thường vụ Đảng ủy Trường Đại học Vinh"


@pytest.mark.parametrize(("letterhead", "issuer", "province"), [
    ("ỦY BAN NHÂN\nDÂN\nTỈNH NINH BÌNH\n--------\n|\nCỘNG HÒA XÃ\nHỘI CHỦ NGHĨA VIỆT NAM\n"
     "Độc lập - Tự do - Hạnh phúc\n|\nSố: 177/KH-UBND\n|\nNinh Bình,\nngày 30 tháng 9 năm 2024\n",
     "Ủy ban nhân dân tỉnh Ninh Bình", "Ninh Bình"),
    ("BỘ THÔNG TIN VÀ\nTRUYỀN THÔNG\n-------\nSố: 4644/BTTTT-CĐSQG\n"
     "Hà Nội, ngày 15 tháng 9 năm 2022\n", "Bộ Thông tin và Truyền thông", None),
])
def test_a_letterhead_wrapped_in_its_cell_is_read_whole(letterhead: str, issuer: str,
                                                          province: str | None) -> None:
    """A web page's narrow letterhead cell breaks the name inside a two-syllable word
    ("NHÂN" / "DÂN") or at "VÀ" (blind6 G04, blind5 F11)."""
    header = _header(letterhead + "\nKẾ HOẠCH\n\nvề chuyển đổi số\n\nNội dung.\n")
    assert (header.issuer, header.province) == (issuer, province)


def test_a_preamble_naming_the_body_that_issues_the_plan_gives_the_issuer() -> None:
    """blind5 F9: no letterhead; "Triển khai …, Ban Chỉ đạo … (sau đây gọi tắt là …) ban
    hành Kế hoạch …" names the issuer, read by the grammar of bodies, not a list."""
    text = ("KẾ HOẠCH\nHoạt động của Ban Chỉ đạo chuyển đổi số huyện Đăk R’lấp năm 2023\n"
            "Triển khai thực hiện Quyết định số 47/QĐ-UBND ngày 12/01/2023 của Ủy ban nhân dân "
            "tỉnh về ban hành Kế hoạch chuyển đổi số năm 2023, Ban Chỉ đạo chuyển đổi số huyện "
            "Đăk R’lấp (sau đây gọi tắt là Ban Chỉ đạo) ban hành Kế hoạch hoạt động với các nội "
            "dung cụ thể như sau:\nI. MỤC ĐÍCH, YÊU CẦU\nNâng cao chất lượng hoạt động.\n")
    e = extract(clean_text(text), "f9.txt")
    assert e.document.issuer == "Ban Chỉ đạo chuyển đổi số huyện Đăk R’lấp"
    assert e.implements == ("47/QĐ-UBND@2023",)
    assert _header("KẾ HOẠCH\n\nThực hiện Nghị quyết số 57-NQ/TW, các sở, ngành xây dựng "
                   "Kế hoạch như sau:\n\nNội dung.\n").issuer is None  # a class of bodies


def test_a_number_below_its_label_in_a_narrow_cell() -> None:
    """blind8 J07: "Số:" alone on its line, the number on the next."""
    header = _header("ỦY BAN NHÂN DÂN\nTỈNH ĐỒNG NAI\n-------\n|\nSố:\n40/2024/QĐ-UBND\n|\n"
                     "Đồng Nai, ngày 30 tháng 9 năm 2024\n\nQUYẾT ĐỊNH\n\nBan hành Quy định.\n")
    assert header.number == "40/2024/QĐ-UBND"


def test_a_horned_tu_under_a_provincial_party_letterhead_is_the_committees() -> None:
    """"Số 445-KL/TƯ" under "TỈNH ỦY THỪA THIÊN HUẾ" (a scan's "TU" with a horn): the
    committee's number, the province and the issuer from the letterhead."""
    h = _header("TỈNH ỦY THỪA THIÊN HUẾ\nĐẢNG CỘNG SẢN VIỆT NAM\n*\nSố 445-KL/TƯ\n"
                "Thừa Thiên Huế, ngày 13 tháng 5 năm 2022\nKẾT LUẬN\nvề xây dựng hạ tầng\n")
    assert (h.number, h.province, h.issuer) == (
        "445-KL/TU", "Thừa Thiên Huế", "Tỉnh ủy Thừa Thiên Huế")


def test_a_letter_spaced_type_heading_is_read_with_its_subject() -> None:
    """"K ÉT LUẬN" (a scan's split heading): a Kết luận; the plenum line between the heading
    and the subject is not the subject."""
    h = _header("TỈNH ỦY NAM ĐỊNH\nSố 12-KL/TU\nNam Định, ngày 02 tháng 3 năm 2022\n"
                "K ÉT LUẬN\nHỘI NGHỊ LẦN THỨ BẢY\nBAN CHẤP HÀNH ĐẢNG BỘ TỈNH (KHOÁ XVI)\n"
                "về xây dựng kết cấu hạ tầng\n\nHội nghị đã thảo luận và kết luận:\n")
    assert (h.kind, h.title) == (DocumentKind.KetLuan, "về xây dựng kết cấu hạ tầng")


@pytest.mark.parametrize(("body", "title"), [
    # the capitals are the subject; the preamble behind them, on the same line, is not
    ("PHÁT TRIỂN HẠ TẦNG SỐ GIAI ĐOẠN 2023 - 2025 Căn cứ Quyết định số 749/QĐ-TTg …\n",
     "PHÁT TRIỂN HẠ TẦNG SỐ GIAI ĐOẠN 2023 - 2025"),
    # a subject in capitals going on in lower case is one
    ("KẾT LUẬN CỦA THƯỜNG TRỰC TỈNH ỦY\ntại buổi làm việc với Sở Khoa học và Công nghệ\n",
     "KẾT LUẬN CỦA THƯỜNG TRỰC TỈNH ỦY tại buổi làm việc với Sở Khoa học và Công nghệ"),
    # a part heading or a lead-in ends the subject when no blank line does
    ("về chuyển đổi số\nI. MỤC ĐÍCH, YÊU CẦU\n1. Mục đích\n", "về chuyển đổi số"),
    ("về chuyển đổi số năm 2023\nỦy ban nhân dân tỉnh ban hành Kế hoạch như sau:\n",
     "về chuyển đổi số năm 2023"),
])
def test_the_subject_under_the_heading_ends_where_the_body_starts(body: str, title: str
                                                                  ) -> None:
    h = _header("ỦY BAN NHÂN DÂN\nTỈNH LÂM ĐỒNG\nSố: 81/KH-UBND\nLâm Đồng, ngày 4 tháng 9 năm"
                " 2023\nKẾ HOẠCH\n" + body)
    assert h.title == title


@pytest.mark.parametrize(("raw", "number", "kind", "issuer", "province", "title"), [
    # a legal database's crawl: its title of the document, then the header's cells glued
    ("Công văn 6087/BYT-KCB năm 2013 thực hiện cấp chứng chỉ do Bộ Y tế ban hành. BỘ Y TẾ "
     "-------\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM Độc lập - Tự do - Hạnh phúc ------\nSố: "
     "6087/BYT-KCB V/v thực hiện cấp chứng chỉ hành nghề.\nHà Nội, ngày 27 tháng 09 năm 2013 "
     "Kính gửi: Đ/c Chủ tịch Ủy ban nhân dân tỉnh\n",
     "6087/BYT-KCB", DocumentKind.CongVan, "Bộ Y tế", None,
     "V/v thực hiện cấp chứng chỉ hành nghề."),
    # no letterhead it knows: the issuer the database's title names, nation-wide
    ("Công văn 296/BHXH-CSYT năm 2021 hướng dẫn Điều 22 do Bảo hiểm xã hội Việt Nam ban hành. "
     "BẢO HIỂM XÃ HỘI VIỆT NAM --------\nSố: 296/BHXH-CSYT V/v hướng dẫn Điều 22 Luật BHYT\n"
     "Hà Nội, ngày 02 tháng 02 năm 2021 Kính gửi:\n- Bảo hiểm xã hội các tỉnh;\n",
     "296/BHXH-CSYT", DocumentKind.CongVan, "Bảo hiểm xã hội Việt Nam", None,
     "V/v hướng dẫn Điều 22 Luật BHYT"),
    ("Quyết định 435/QĐ-UBND năm 2020. ỦY BAN NHÂN DÂN TỈNH KON TUM -------\nSố: 435/QĐ-UBND "
     "Kon Tum, ngày 04 tháng 5 năm 2020 QUYẾT ĐỊNH V/V BAN HÀNH CHƯƠNG TRÌNH HÀNH ĐỘNG\n",
     "435/QĐ-UBND", DocumentKind.QuyetDinh, "Ủy ban nhân dân tỉnh Kon Tum", "Kon Tum",
     "V/V BAN HÀNH CHƯƠNG TRÌNH HÀNH ĐỘNG"),
])
def test_a_header_glued_into_running_lines_is_read_cell_by_cell(
        raw: str, number: str, kind: DocumentKind, issuer: str, province: str | None,
        title: str) -> None:
    h = _header(raw)
    assert (h.number, h.kind, h.issuer, h.province, h.title) == (
        number, kind, issuer, province, title)


def test_a_copy_without_its_letterhead_is_the_prime_ministers_by_his_signature() -> None:
    h = _header("CHỈ THỊ\nVỀ VIỆC THỰC HIỆN CÔNG TÁC ĐÀO TẠO NGHỀ\nTrong suốt thời kỳ kháng chiến, "
                "Đảng, Nhà nước luôn quan tâm.\n1. Chủ tịch Ủy ban nhân dân các tỉnh chỉ đạo.\n"
                "| Nơi nhận: - Ban Bí thư Trung ương Đảng; - Lưu: Văn thư. | THỦ TƯỚNG Nguyễn Tấn "
                "Dũng |\n")
    assert (h.kind, h.issuer) == (DocumentKind.ChiThi, "Thủ tướng Chính phủ")


def test_a_state_letterhead_split_by_a_blank_line_names_its_issuer() -> None:
    h = _header("|\nỦY BAN NHÂN DÂN\n\nTHÀNH PHỐ CẦN THƠ\n-------\n|\nSố: 165/KH-UBND\n|\nCần Thơ, "
                "ngày 21 tháng 11 năm 2025\n\nKẾ HOẠCH\n\nTHỰC HIỆN CHỈ THỊ SỐ 27/CT-TTG\n")
    assert (h.issuer, h.province) == ("Ủy ban nhân dân thành phố Cần Thơ", "Cần Thơ")


@pytest.mark.parametrize(("letterhead", "issuer"), [
    ("BỘ XÂY DỰNG", "Bộ Xây dựng"),
    # "XÃ HỘI" (society) is no commune: no commune's name, no province from the place line
    ("BỘ LAO ĐỘNG - THƯƠNG BINH VÀ XÃ HỘI", "Bộ Lao động - Thương binh và Xã hội"),
    ("BỘ LAO ĐỘNG-THƯƠNG BINH VÀ XÃ HỘI", "Bộ Lao động - Thương binh và Xã hội"),  # tight dash
])
def test_a_ministry_letterhead_in_a_table_row_is_nation_wide(letterhead: str, issuer: str
                                                              ) -> None:
    h = _header(f"| {letterhead} ------- | CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM Độc lập - Tự do "
                "- Hạnh phúc --------------- |\n| Số: 2428/BXD-QLN V/v hỗ trợ nhà ở | Hà Nội, "
                "ngày 15 tháng 11 năm 2013 |\n\n| Kính gửi: | Ủy ban nhân dân các tỉnh |\n\n"
                "Thực hiện Quyết định số 22/2013/QĐ-TTg, đề nghị Ủy ban nhân dân các tỉnh báo "
                "cáo.\n")
    assert (h.issuer, h.province, h.issued) == (issuer, None, date(2013, 11, 15))


@pytest.mark.parametrize(("letterhead", "authority", "issuer"), [
    ("ỦY BAN NHÂN DÂN TỈNH SƠN LA", "CHỦ TỊCH ỦY BAN NHÂN DÂN TỈNH",
     "Chủ tịch Ủy ban nhân dân tỉnh Sơn La"),
    # a letterhead the copy letter-spaced: the authority names the body in full
    ("ỦY B AN NHÂN D Â N T HÀNH P HỐ HỒ C H Í M I NH", "CHỦ TỊCH ỦY BAN NHÂN DÂN THÀNH PHỐ "
     "HỒ CHÍ MINH", "Chủ tịch Ủy ban nhân dân thành phố Hồ Chí Minh"),
    ("ỦY B AN NHÂN D Â N T ỈNH SƠN LA", "ỦY BAN NHÂN DÂN TỈNH SƠN LA",
     "Ủy ban nhân dân tỉnh Sơn La"),
])
def test_a_decisions_enacting_authority_names_its_issuer(letterhead: str, authority: str,
                                                         issuer: str) -> None:
    """The line above a decision's first "Căn cứ" names who enacts it; a place line the
    copy garbled ("T hành phố …, ngày …") still dates it."""
    h = _header(f"| {letterhead} ------- | CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM |\n| Số: 254/"
                "QĐ-UBND | T hành phố S ơn La, ngày 17 tháng 02 năm 2023 |\n\nQUYẾT ĐỊNH\n\n"
                f"VỀ VIỆC BAN HÀNH KẾ HOẠCH\n\n{authority}\n\nCăn cứ Luật Tổ chức chính quyền "
                "địa phương ngày 19 tháng 6 năm 2015;\n\nQUYẾT ĐỊNH:\n\nĐiều 1. Ban hành Kế "
                "hoạch.\n")
    assert (h.issuer, h.issued) == (issuer, date(2023, 2, 17))


def test_a_1980_directive_of_the_prime_minister_run_into_one_line() -> None:
    """"PHỦ THỦ TƯỚNG" (the letterhead of its day), "Số:" over "299/TTg Hà Nội, ngày …
    CHỈ THỊ VỀ … TRONG CẢ NƯỚC Ngày 24 tháng 6 …" (a copy ran heading and text on): a
    nation-wide Chỉ thị of the Thủ tướng Chính phủ, numbered in the old form."""
    h = _header("Chỉ thị 299/TTg\nPHỦ THỦ TƯỚNG ----- CỘNG HOÀ XÃ HỘI CHỦ NGHĨA VIỆT NAM Độc lập "
                "– Tự do – Hạnh phúc -------\nSố:\n299/TTg Hà Nội, ngày 10 tháng 11 năm 1980 CHỈ "
                "THỊ VỀ CÔNG TÁC ĐO ĐẠC RUỘNG ĐẤT TRONG CẢ NƯỚC Ngày 24 tháng 6 năm 1977 Hội đồng "
                "Chính phủ đã ra Quyết định số 169-CP.\n1. Tổng Cục Quản lý ruộng đất có trách "
                "nhiệm đo đạc.\nK/T THỦ TƯỚNG CHÍNH PHỦ PHÓ THỦ TƯỚNG Tố Hữu\n")
    assert (h.kind, h.number, h.issuer, h.province, h.title) == (
        DocumentKind.ChiThi, "299/TTg", "Thủ tướng Chính phủ", None,
        "VỀ CÔNG TÁC ĐO ĐẠC RUỘNG ĐẤT TRONG CẢ NƯỚC")


def test_a_copy_signed_k_slash_t_for_the_prime_minister_is_his() -> None:
    h = _header("CHỈ THỊ\nVỀ CÔNG TÁC ĐO ĐẠC\n1. Các Bộ chỉ đạo.\nK/T THỦ TƯỚNG CHÍNH PHỦ PHÓ "
                "THỦ TƯỚNG Tố Hữu\n")
    assert h.issuer == "Thủ tướng Chính phủ"
