"""Progress on stderr for export, import and validate (load's is in test_cli_load): plain
lines when stderr is not a terminal, a summary, none of it with --quiet, stdout as before."""

from __future__ import annotations

import re
import uuid
from pathlib import Path

from tests.cli.conftest import Run
from tests.shared_scorer import CORPUS


def _progress(stderr: str, name: str) -> list[str]:
    return [line for line in stderr.splitlines() if line.startswith(f"policykg: {name}: ")]


def test_export_and_import_show_progress(run: Run, tmp_path: Path) -> None:
    assert run("load", "--quiet", str(CORPUS)).returncode == 0
    out = tmp_path / "graph.ttl"
    exported = run("export", "--output", str(out), POLICYKG_PROGRESS_SECONDS="0")
    assert exported.returncode == 0, exported.stderr
    lines = _progress(exported.stderr, "export")
    counts = [re.fullmatch(r"policykg: export: ([\d ]+) of ([\d ]+) nodes and relationships, "
                           r"[\d. ]+/s, ~\d+ s left", line) for line in lines[:-2]]
    assert all(counts) and len(counts) > 100
    total = counts[-1][2] if counts[-1] else ""
    assert [m[1] for m in counts if m][-1] == total
    assert re.fullmatch(rf"policykg: export: {total} nodes and relationships in \d+ s, "
                        r"[\d. ]+/s", lines[-2])
    assert re.fullmatch(r"policykg: export: writing [\d ]+ triples as turtle", lines[-1])
    assert exported.stdout.startswith("exported ")  # stdout as it was
    quiet = run("export", "--quiet", "--output", str(out), POLICYKG_PROGRESS_SECONDS="0")
    assert (quiet.stderr, quiet.stdout) == ("", exported.stdout)

    copy = f"cli_{uuid.uuid4().hex[:10]}"
    imported = run("import", str(out), POLICYKG_GRAPH_NAME=copy, POLICYKG_PROGRESS_SECONDS="0")
    assert imported.returncode == 0, imported.stderr
    lines = _progress(imported.stderr, "import")
    assert len(lines) > 100
    assert re.fullmatch(rf"policykg: import: {total} nodes and relationships in \d+ s, "
                        r"[\d. ]+/s", lines[-1])
    assert imported.stdout.startswith("imported ")
    again = run("import", "--quiet", str(out), POLICYKG_GRAPH_NAME=f"{copy}_q")
    assert (again.returncode, again.stderr) == (0, "")
    assert again.stdout == imported.stdout


def test_validate_shows_progress_by_shape(run: Run) -> None:
    assert run("load", "--quiet", str(CORPUS)).returncode == 0
    checked = run("validate", "--engine", "graph", POLICYKG_PROGRESS_SECONDS="0")
    assert checked.returncode == 1  # the sample's unowned tasks
    lines = _progress(checked.stderr, "validate")
    done = [int(m[1]) for m in (re.fullmatch(r"policykg: validate: (\d+) of (\d+) shapes, .*",
                                             line) for line in lines) if m]
    assert done == list(range(1, len(done) + 1)) and len(done) >= 10
    assert re.fullmatch(rf"policykg: validate: {done[-1]} shapes in \d+ s, .*/s", lines[-1])
    assert checked.stdout.startswith("Does not conform")
    shacl = run("validate", "--engine", "shacl", POLICYKG_PROGRESS_SECONDS="0")
    assert [line.split(",")[0] for line in _progress(shacl.stderr, "validate")[:3]] == [
        f"policykg: validate: {n} of 3 steps" for n in (1, 2, 3)]
    quiet = run("validate", "--quiet", "--engine", "graph", POLICYKG_PROGRESS_SECONDS="0")
    assert quiet.stderr == "" and quiet.stdout == checked.stdout


def test_a_terminal_gets_a_bar_and_stdout_stays_as_it_is(run: Run) -> None:
    plain = run("load", "--quiet", str(CORPUS))
    bar = run("load", str(CORPUS), FORCE_COLOR="1", TTY_COMPATIBLE="1")  # as on a terminal
    assert bar.returncode == 0, bar.stderr
    shown = re.sub(r"\x1b\[[0-9;?]*[A-Za-z]", "", bar.stderr)  # colours, cursor moves
    assert "━" in shown and "5/5 documents, " in shown and " left" in shown
    assert not re.search(r"load: \d of 5", shown)  # no plain lines beside the bar
    assert re.search(r"policykg: load: 5 documents in \d+ s, [\d. ]+/s\n$", shown)
    assert bar.stdout == plain.stdout


def test_numbers_and_durations_read_as_the_readme_shows_them() -> None:
    from policykg.cli.progress import duration, number, rate

    assert (number(1200), number(5_000_000), number(7)) == ("1 200", "5 000 000", "7")
    assert [duration(s) for s in (12.4, 185, 3720)] == ["12 s", "3 min 5 s", "1 h 2 min"]
    assert (rate(1200, 3.87), rate(3, 2.0), rate(0, 0.0)) == ("310/s", "1.5/s", "0.0/s")
