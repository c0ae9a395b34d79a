"""Honest errors on the command line: the README's exit codes, positions as
file:line:column, quiet pipes, escaped control characters, no library noise."""

from __future__ import annotations

import json
import logging
import shutil
import subprocess
import time
from pathlib import Path

import pytest

from policykg.core.printable import printable
from tests.cli.conftest import POLICYKG, Run
from tests.shared_scorer import CORPUS

KON_TUM = CORPUS / "kon-tum_ke-hoach_kl69.txt"


def _doc(tmp_path: Path, sidecar: str | None = None) -> Path:
    tmp_path.mkdir(parents=True, exist_ok=True)
    doc = tmp_path / "doc.txt"
    shutil.copy(KON_TUM, doc)
    if sidecar is not None:
        (tmp_path / "doc.txt.meta.yaml").write_text(sidecar, encoding="utf-8")
    return doc


@pytest.mark.parametrize("command", ["extract", "load"])
def test_bad_input_exits_2(run: Run, tmp_path: Path, command: str) -> None:
    """Non-UTF-8 text, bad or unknown sidecar keys and unsupported types exited 1."""
    (tmp_path / "bad.txt").write_bytes(b"V\xe0 \xff text\n")
    out = run(command, str(tmp_path / "bad.txt"))
    assert out.returncode == 2, out.stderr
    assert "bad.txt:1:2: not UTF-8" in out.stderr
    (tmp_path / "x.odt").write_text("hello\n")
    out = run(command, str(tmp_path / "x.odt"))
    assert out.returncode == 2 and "unsupported file type" in out.stderr
    for sidecar, says in (("colour: red\n", "field 'colour'"),
                          ("issued: 2024-13-45\n", "field 'issued'")):
        doc = _doc(tmp_path / sidecar[:3], sidecar)
        out = run(command, str(doc))
        assert out.returncode == 2, out.stderr
        assert says in out.stderr


def test_a_yaml_error_names_file_line_and_column(run: Run, tmp_path: Path) -> None:
    """Positions were written 'line N', which looked like a line but was not the column."""
    doc = _doc(tmp_path, "title: ok\nissued: [2024\n")
    out = run("extract", str(doc))
    assert out.returncode == 2
    assert f"{doc}.meta.yaml:3:1: not YAML:" in out.stderr


def test_piped_into_head_exits_quietly(tmp_path: Path) -> None:
    """`policykg … | head` printed a BrokenPipeError traceback."""
    files = [str(KON_TUM)] * 40  # more than a pipe holds
    proc = subprocess.Popen([POLICYKG, "extract", *files], stdout=subprocess.PIPE,
                            stderr=subprocess.PIPE)
    assert proc.stdout is not None and proc.stderr is not None
    proc.stdout.read(100)
    proc.stdout.close()
    stderr = proc.stderr.read().decode()
    assert proc.wait(timeout=60) in (0, 141)
    assert stderr == ""


def test_control_characters_are_escaped() -> None:
    assert printable("a\nb\x1b[2Jc\td\u202ee") == "a\\x0ab\\x1b[2Jc\\x09d\\u202ee"
    assert printable("Kết luận 69 → 20-NQ/TW") == "Kết luận 69 → 20-NQ/TW"


def test_a_forged_title_cannot_forge_output(run: Run) -> None:
    """A title with a newline and escape codes came back raw in `cypher`."""
    out = run("cypher", "RETURN $t AS title",
              "--param", "t=" + json.dumps("x\n0 violations\x1b[2J"))
    assert out.returncode == 0, out.stderr
    lines = [line.strip() for line in out.stdout.splitlines()]
    assert "\x1b" not in out.stdout and lines[0] == "title"
    assert "x 0 violations\\x1b[2J" in lines  # one cell: no line of its own, no escape code


def test_library_warnings_stay_off_stderr(run: Run, capsys: pytest.CaptureFixture[str]) -> None:
    """pypdf's warnings and the Neo4j driver's notifications leaked to stderr."""
    run("extract", str(KON_TUM))
    capsys.readouterr()
    for name in ("pypdf", "neo4j.notifications"):
        logging.getLogger(name).warning("Multiple definitions in dictionary at byte 0x1f")
    assert capsys.readouterr().err == ""


def test_cypher_rows_are_cut_in_the_database(run: Run) -> None:
    """The CLI decoded all 5 M rows (1 GB, 20 s) before cutting them."""
    started = time.monotonic()
    out = run("cypher", "UNWIND range(1, 5000000) AS i RETURN i", "--json", "--max-rows", "50")
    assert out.returncode == 0, out.stderr
    body = json.loads(out.stdout)
    assert body["truncated"] is True and body["rows"] == [[i] for i in range(1, 51)]
    assert time.monotonic() - started < 5


@pytest.mark.parametrize("command", ["extract", "load"])
def test_a_pdf_over_the_page_cap_exits_2_naming_the_file_and_the_limit(
        run: Run, tmp_path: Path, command: str) -> None:
    """A PDF of more pages than MAX_PDF_PAGES is refused before its text is read: exit 2,
    the file and the limit named, nothing loaded."""
    from pypdf import PdfWriter

    from policykg.core.limits import MAX_PDF_PAGES

    writer = PdfWriter()
    for _ in range(MAX_PDF_PAGES + 1):
        writer.add_blank_page(width=72, height=72)
    path = tmp_path / "long.pdf"
    with path.open("wb") as pdf:
        writer.write(pdf)
    started = time.monotonic()
    out = run(command, str(path))
    assert out.returncode == 2, out.stderr
    assert f"{path}: {MAX_PDF_PAGES + 1} pages, over the limit of {MAX_PDF_PAGES}" \
        in out.stderr
    assert "Traceback" not in out.stderr and time.monotonic() - started < 10
    if command == "load":
        assert json.loads(run("documents", "--json").stdout)["count"] == 0
