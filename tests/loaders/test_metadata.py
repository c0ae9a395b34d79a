"""A legal database's table of a document's facts above the text it republishes."""

from __future__ import annotations

from datetime import date

from policykg.loaders.clean import clean_text
from policykg.loaders.extract import extract
from policykg.loaders.layout import lay_out
from policykg.loaders.metadata import metadata_table
from policykg.ontology.records import DocumentKind

_PAGE = "\n".join([
    "Kế hoạch 458/KH-UBND năm 2025 triển khai Kế hoạch 02-KH/TU do thành phố Huế ban hành",
    "| Số hiệu | 458/KH-UBND |", "| Ngày ban hành | 25/11/2025 |", "| Loại văn bản | Kế hoạch |",
    "| Cơ quan ban hành | Thành phố Huế |", "| Người ký | Nguyễn Thanh Bình |",
    "| Lĩnh vực | Công nghệ thông tin |", "|", "ỦY BAN NHÂN DÂN |", "CỘNG HÒA XÃ HỘI",
    "CHỦ NGHĨA VIỆT NAM |", "|", "Số: 458/KH-UBND |", "Huế, ngày 25 tháng 11 năm 2025 |",
    "Căn cứ Kế hoạch số 02-KH/TU, ngày 21/10/2025 của Thành ủy về thực hiện Thông báo số "
    "07-TB/CQTTBCĐ;", "UBND thành phố xây dựng Kế hoạch triển khai Kế hoạch số 02-KH/TU ngày "
    "21/10/2025 của Thành ủy như sau:", "I. MỤC ĐÍCH, YÊU CẦU", "1. Mục đích", ""])


def test_the_table_gives_the_header_what_the_page_leaves_unsaid() -> None:
    """blind6 G12: before, the page was of kind Other, with no number, and cited its own
    number; the letterhead "ỦY BAN NHÂN DÂN" names no place, the table's issuer does."""
    e = extract(clean_text(_PAGE), "g12.txt")
    d = e.document
    assert (d.kind, d.number, d.issued, d.issuer, d.province, d.signer) == (
        DocumentKind.KeHoach, "458/KH-UBND", date(2025, 11, 25),
        "Ủy ban nhân dân thành phố Huế", "Huế", "Nguyễn Thanh Bình")
    assert "458/KH-UBND" not in {r.number for r in e.references}
    assert e.implements == ("02-KH/TU@2025",)
    span = d.provenance["signer"].span
    assert span is not None and _PAGE[span.start:span.end] == "Nguyễn Thanh Bình"


def test_several_facts_on_a_line_and_a_summary_page_keeps_no_header() -> None:
    """blind6 G10: "Số hiệu: N Loại văn bản: Quyết định" rows over a summary of the
    decision: the facts are read one by one, and a news page's header stays empty."""
    text = ("Số hiệu: 2491/QĐ-BYT Loại văn bản: Quyết định\nNơi ban hành: Bộ Y tế Người ký: "
            "Trần Văn Thuấn\nNgày ban hành: 13/06/2023 Ngày hiệu lực: Đã biết\n\n"
            "Nâng cấp Hệ thống thông tin\n\nNgày 13/6/2023, Bộ Y tế ban hành Quyết định "
            "2491/QĐ-BYT phê duyệt Đề án chuyển đổi số.\n")
    found = metadata_table(lay_out(text))
    assert found is not None
    assert {name: value for name, (value, _) in found.facts.items()} == {
        "number": "2491/QĐ-BYT", "kind": "Quyết định", "issuer": "Bộ Y tế",
        "signer": "Trần Văn Thuấn", "issued": "13/06/2023"}
    assert found.blanked.startswith(" " * 20) and len(found.blanked) == len(text)
    e = extract(clean_text(text), "g10.txt")
    assert e.page == "news" and e.document.number is None


def test_one_row_or_rows_of_other_labels_are_no_table() -> None:
    assert metadata_table("Số hiệu: 12/KH-UBND\n\nNội dung.\n") is None
    assert metadata_table("| Tình trạng | Còn hiệu lực |\n| Lĩnh vực | Y tế |\n") is None
