"""Reading .docx, .pdf and .html sources (files built in the test)."""

from pathlib import Path

import docx
import pytest

from policykg.core.errors import SourceError
from policykg.loaders.formats import read_docx, read_html, read_pdf


def _utf8(data: bytes) -> str:
    return data.decode("utf-8")


def test_docx_paragraphs_and_task_tables(tmp_path: Path) -> None:
    d = docx.Document()
    d.add_paragraph("KẾ HOẠCH")
    d.add_paragraph("1. Tổ chức nghiên cứu, quán triệt Kết luận số 69-KL/TW")
    table = d.add_table(rows=2, cols=3)
    for i, text in enumerate(["Nhiệm vụ", "Cơ quan chủ trì", "Thời gian"]):
        table.cell(0, i).text = text
    for i, text in enumerate(["Tuyên truyền", "Ban Tuyên giáo Tỉnh ủy", "Quý II/2024"]):
        table.cell(1, i).text = text
    path = tmp_path / "plan.docx"
    d.save(str(path))
    text = read_docx(path)
    assert "1. Tổ chức nghiên cứu, quán triệt Kết luận số 69-KL/TW\n\n" in text
    assert "| Tuyên truyền | Ban Tuyên giáo Tỉnh ủy | Quý II/2024 |" in text
    assert text.index("KẾ HOẠCH") < text.index("| Nhiệm vụ")


def test_a_file_that_is_not_docx_names_itself(tmp_path: Path) -> None:
    path = tmp_path / "broken.docx"
    path.write_bytes(b"not a zip")
    with pytest.raises(SourceError, match=r"broken\.docx: not a readable \.docx"):
        read_docx(path)


def _pdf_with_text(path: Path, lines: list[str]) -> None:
    """A one-page PDF whose text layer holds ``lines`` (ASCII, built by hand)."""
    ops = "".join(f"BT /F1 12 Tf 72 {720 - 20 * i} Td ({line}) Tj ET\n"
                  for i, line in enumerate(lines))
    objects = [
        "<< /Type /Catalog /Pages 2 0 R >>",
        "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R "
        "/Resources << /Font << /F1 5 0 R >> >> >>",
        f"<< /Length {len(ops)} >>\nstream\n{ops}endstream",
        "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
    ]
    out, offsets = "%PDF-1.4\n", []
    for n, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += f"{n} 0 obj\n{body}\nendobj\n"
    xref = len(out)
    out += f"xref\n0 {len(objects) + 1}\n0000000000 65535 f \n"
    out += "".join(f"{o:010d} 00000 n \n" for o in offsets)
    out += f"trailer\n<< /Size {len(objects) + 1} /Root 1 0 R >>\nstartxref\n{xref}\n%%EOF\n"
    path.write_bytes(out.encode("latin-1"))


def test_pdf_text_layer(tmp_path: Path) -> None:
    path = tmp_path / "kl.pdf"
    _pdf_with_text(path, ["KET LUAN", "So 69-KL/TW"])
    text = read_pdf(path)
    assert "KET LUAN" in text and "69-KL/TW" in text


def test_html_keeps_content_drops_chrome(tmp_path: Path) -> None:
    path = tmp_path / "page.html"
    path.write_text(
        "<html><head><script>var x = 'Nghị quyết 99-NQ/TW';</script></head><body>"
        "<nav>Trang chủ | Tin tức</nav><article><h1>KẾ HOẠCH</h1>"
        "<p>thực hiện Kết luận số 69-KL/TW,\nngày 11-01-2024</p>"
        "<ul><li>Tổ chức nghiên cứu</li><li>Đẩy mạnh tuyên truyền</li></ul>"
        "<table><tr><th>Nhiệm vụ</th><th>Chủ trì</th></tr>"
        "<tr><td>Tuyên truyền</td><td>Ban Tuyên giáo</td></tr></table>"
        "</article><footer>© 2024 Tỉnh ủy</footer></body></html>",
        encoding="utf-8",
    )
    text = read_html(path, _utf8)
    assert "99-NQ/TW" not in text and "Trang chủ" not in text and "©" not in text
    assert "thực hiện Kết luận số 69-KL/TW, ngày 11-01-2024" in text
    assert "- Tổ chức nghiên cứu\n\n- Đẩy mạnh tuyên truyền" in text
    assert "| Nhiệm vụ | Chủ trì |\n| Tuyên truyền | Ban Tuyên giáo |" in text


def test_a_docx_that_unpacks_past_the_limit_is_refused_before_parsing(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import zipfile

    from policykg.loaders import formats

    path = tmp_path / "bomb.docx"
    with zipfile.ZipFile(path, "w", compression=zipfile.ZIP_DEFLATED) as bomb:
        bomb.writestr("word/document.xml", "<w:document/>" + " " * 2_000_000)
    assert path.stat().st_size < 50_000
    monkeypatch.setattr(formats, "MAX_DOCX_UNPACKED", 1_000_000)
    with pytest.raises(SourceError, match=r"bomb\.docx: unpacks to \d+ bytes, over the limit"):
        read_docx(path)


def test_a_pdf_past_the_page_limit_is_refused_before_its_text_is_read(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from pypdf import PdfWriter

    from policykg.loaders import formats

    writer = PdfWriter()
    for _ in range(3):
        writer.add_blank_page(width=200, height=200)
    path = tmp_path / "long.pdf"
    with path.open("wb") as out:
        writer.write(out)
    monkeypatch.setattr(formats, "MAX_PDF_PAGES", 2)
    with pytest.raises(SourceError, match=r"long\.pdf: 3 pages, over the limit of 2"):
        read_pdf(path)
