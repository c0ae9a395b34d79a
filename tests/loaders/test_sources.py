from pathlib import Path

import pytest

from loaders.sources import read_source
from policykg.errors import SourceError


def test_reads_utf8_and_cleans(tmp_path: Path) -> None:
    path = tmp_path / "doc.txt"
    path.write_text("Công nghiệp hoá, phù\n\nhợp", encoding="utf-8")
    assert read_source(path) == "Công nghiệp hóa, phù  hợp"


def test_bom_is_dropped(tmp_path: Path) -> None:
    path = tmp_path / "bom.txt"
    path.write_bytes(b"\xef\xbb\xbf" + "Tỉnh ủy".encode())
    assert read_source(path) == "Tỉnh ủy"


def test_bad_byte_names_file_and_offset(tmp_path: Path) -> None:
    path = tmp_path / "latin1.txt"
    path.write_bytes("Kế hoạch ".encode() + b"\xe9t\xe9")
    with pytest.raises(SourceError) as info:
        read_source(path)
    offset = len("Kế hoạch ".encode())
    assert info.value.position == offset
    assert info.value.reason == "not UTF-8 text: invalid byte 0xe9"
    assert str(info.value) == f"{path}:{offset}: not UTF-8 text: invalid byte 0xe9"


def test_bad_byte_offset_counts_the_bom(tmp_path: Path) -> None:
    path = tmp_path / "bom-bad.txt"
    path.write_bytes(b"\xef\xbb\xbfab\xff")
    with pytest.raises(SourceError) as info:
        read_source(path)
    assert info.value.position == 5


def test_missing_file_gives_os_reason(tmp_path: Path) -> None:
    path = tmp_path / "absent.txt"
    with pytest.raises(SourceError) as info:
        read_source(path)
    assert info.value.path == str(path)
    assert "No such file" in info.value.reason
