from pathlib import Path

from policykg.loaders.extract import extract, extract_file
from policykg.loaders.ocr import repair


def test_html_residue_is_blanked_and_offsets_kept() -> None:
    raw = "Nghị quyết số 57-NQ/TW&nbsp;ngày 22/12/2024<br>của <strong>Bộ Chính trị</strong> &amp; X"
    out = repair(raw, "a.html")
    assert len(out.text) == len(raw)
    assert out.text.split() == ["Nghị", "quyết", "số", "57-NQ/TW", "ngày", "22/12/2024", "của",
                                "Bộ", "Chính", "trị", "&", "X"]
    assert out.warnings == ()


def test_unreadable_characters_are_reported_with_position() -> None:
    raw = "Kế hoạch\nchuy\ufffdn đổi\x07 số"
    out = repair(raw, "doc.txt")
    assert out.warnings == ("doc.txt:2:5: unreadable character (U+FFFD)",
                            "doc.txt:2:11: control character U+0007")
    assert out.text == "Kế hoạch\nchuy\ufffdn đổi  số"


def test_clean_text_is_returned_unchanged() -> None:
    raw = "Kế hoạch số 118-KH/TUngày 15/3/2025 **về** số 10- CTr/TU, 20-NQ/T.Ư"
    assert repair(raw, "doc.txt").text == raw


def test_extraction_reads_through_residue_and_warns(tmp_path: Path) -> None:
    path = tmp_path / "news.txt"
    path.write_text("Ngày 15/3/2025, Ban Thường vụ Tỉnh ủy Hà Tĩnh ban hành Kế hoạch số 118-KH/TU "
                    "thực hiện Nghị quyết số 57-NQ/TW&nbsp;ngày 22/12/2024 của Bộ Chính trị.<br>\n"
                    "Chuy\ufffdn đổi số.\n", encoding="utf-8")
    e = extract_file(path)
    assert [r.key for r in e.references] == ["118-KH/TU@2025", "57-NQ/TW@2024"]
    assert e.references[1].issuer == "Bộ Chính trị"
    assert [(r.source, r.target) for r in e.cited_relations] == [("118-KH/TU@2025",
                                                                  "57-NQ/TW@2024")]
    assert e.warnings[0].startswith(f"{path}:") and "U+FFFD" in e.warnings[0]
    assert extract("Ngày&nbsp;1", "x").sha256 != extract("Ngày      1", "x").sha256
