import unicodedata
from pathlib import Path

import docx
import pytest
from pypdf import PdfWriter

from policykg.core.errors import SourceError
from policykg.loaders.sources import read_source


def test_reads_utf8_and_cleans(tmp_path: Path) -> None:
    path = tmp_path / "doc.txt"
    path.write_text("Công nghiệp hoá, phù\n\nhợp", encoding="utf-8")
    assert read_source(path) == "Công nghiệp hóa, phù  hợp"


def test_bom_is_dropped(tmp_path: Path) -> None:
    path = tmp_path / "bom.txt"
    path.write_bytes(b"\xef\xbb\xbf" + "Tỉnh ủy".encode())
    assert read_source(path) == "Tỉnh ủy"


def test_bad_byte_names_file_line_and_column(tmp_path: Path) -> None:
    path = tmp_path / "latin1.txt"
    path.write_bytes("Tỉnh ủy\nKế hoạch ".encode() + b"\xe9t\xe9")
    with pytest.raises(SourceError) as info:
        read_source(path)
    column = len("Kế hoạch ") + 1  # characters, not bytes
    assert (info.value.line, info.value.column) == (2, column)
    assert info.value.reason == "not UTF-8 text: invalid byte 0xe9"
    assert str(info.value) == f"{path}:2:{column}: not UTF-8 text: invalid byte 0xe9"


def test_bad_byte_column_does_not_count_the_bom(tmp_path: Path) -> None:
    path = tmp_path / "bom-bad.txt"
    path.write_bytes(b"\xef\xbb\xbfab\xff")
    with pytest.raises(SourceError) as info:
        read_source(path)
    assert (info.value.line, info.value.column) == (1, 3)


def test_missing_file_gives_os_reason(tmp_path: Path) -> None:
    path = tmp_path / "absent.txt"
    with pytest.raises(SourceError) as info:
        read_source(path)
    assert info.value.path == str(path)
    assert "No such file" in info.value.reason


def test_unknown_suffix_names_file_and_supported_suffixes(tmp_path: Path) -> None:
    path = tmp_path / "plan.rtf"
    path.write_text("x", encoding="utf-8")
    with pytest.raises(SourceError) as info:
        read_source(path)
    assert info.value.path == str(path)
    assert info.value.reason == ("unsupported file type '.rtf'; "
                                 "supported: .txt, .docx, .pdf, .html, .htm")


def test_docx_is_read_and_cleaned(tmp_path: Path) -> None:
    d = docx.Document()
    d.add_paragraph("KẾ HOẠCH")
    d.add_paragraph("thực hiện Nghị quyết hoá số 57-NQ/TW")
    path = tmp_path / "PLAN.DOCX"
    d.save(str(path))
    assert read_source(path) == "KẾ HOẠCH\n\nthực hiện Nghị quyết hóa số 57-NQ/TW\n"


def test_pdf_without_text_layer_names_the_file(tmp_path: Path) -> None:
    writer = PdfWriter()
    writer.add_blank_page(width=200, height=200)
    path = tmp_path / "scan.pdf"
    with path.open("wb") as fh:
        writer.write(fh)
    with pytest.raises(SourceError, match=r"scan\.pdf: the PDF has no text layer"):
        read_source(path)


def test_html_is_utf8_by_default(tmp_path: Path) -> None:
    path = tmp_path / "news.htm"
    path.write_bytes("<html><body><p>Tỉnh ủy Hà Tĩnh</p></body></html>".encode())
    assert read_source(path) == "Tỉnh ủy Hà Tĩnh\n"


@pytest.mark.parametrize("meta", [
    '<meta charset="windows-1258">',
    '<meta http-equiv="Content-Type" content="text/html; charset=windows-1258">',
])
def test_html_uses_the_charset_its_meta_tag_declares(tmp_path: Path, meta: str) -> None:
    path = tmp_path / "old.html"
    page = f"<html><head>{meta}</head><body><p>Nghị định</p></body></html>"
    path.write_bytes(unicodedata.normalize("NFD", page).encode("windows-1258"))
    assert read_source(path) == "Nghị định\n"


def test_html_with_unknown_charset_or_bad_bytes_names_the_file(tmp_path: Path) -> None:
    path = tmp_path / "odd.html"
    path.write_bytes(b'<meta charset="klingon"><p>x</p>')
    with pytest.raises(SourceError, match=r"odd\.html:1:\d+: unknown charset 'klingon'"):
        read_source(path)
    path.write_bytes(b"<p>K\xe9</p>")
    with pytest.raises(SourceError) as info:
        read_source(path)
    assert (info.value.line, info.value.column, info.value.reason) == (
        1, 5, "not UTF-8 text: invalid byte 0xe9")


def test_missing_non_text_source_names_the_file(tmp_path: Path) -> None:
    with pytest.raises(SourceError, match=r"absent\.pdf: No such file"):
        read_source(tmp_path / "absent.pdf")
