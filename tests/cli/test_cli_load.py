"""`policykg load --on-violation`: what the command line says when it rejects a document."""

from __future__ import annotations

import os
import re
import subprocess

from tests.cli.conftest import POLICYKG, Run
from tests.shared_scorer import CORPUS, ROOT


def test_the_cli_says_why_it_rejects(run: Run) -> None:
    plan = CORPUS / "hai-phong_1046-CV-TU_2019.txt"
    out = run("load", "--on-violation", "reject", str(plan))
    assert out.returncode == 1
    lines = out.stderr.splitlines()
    assert lines[0].startswith(f"policykg: {plan}: hai-phong:2019:1046-cv-tu rejected: "
                               "2 violation(s) of TaskOwner")
    assert any("https://w3id.org/policykg/shapes/TaskOwner at "
               "https://w3id.org/policykg/id/task/hai-phong:2019:1046-cv-tu:" in line
               for line in lines[1:])
    assert "loaded 0 documents, 1 failed" in out.stdout
    warned = run("load", str(plan))
    assert warned.returncode == 0
    assert "2 violation(s) of TaskOwner, loaded anyway" in warned.stderr


def test_no_validate_writes_without_the_check(run: Run) -> None:
    plan = CORPUS / "hai-phong_1046-CV-TU_2019.txt"
    out = run("load", "--no-validate", str(plan))
    assert out.returncode == 0
    assert "violation" not in out.stderr
    assert "loaded 1 document" in out.stdout
    after = run("validate", "--document", "hai-phong:2019:1046-cv-tu")
    assert after.returncode == 1  # the findings are the validation pass's to report
    both = run("load", "--no-validate", "--on-violation", "reject", str(plan))
    assert both.returncode == 2 and "not allowed with argument" in both.stderr


_LINE = re.compile(r"policykg: load: (\d) of 5 documents, [\d.]+/s, ~\d+ s left")


def test_load_shows_progress_on_stderr_and_quiet_silences_it(run: Run) -> None:
    """A load of thousands of files printed one line per file and no rate or time left."""
    out = run("load", str(CORPUS), POLICYKG_PROGRESS_SECONDS="0")
    assert out.returncode == 0, out.stderr
    lines = [line for line in out.stderr.splitlines() if line.startswith("policykg: load: ")]
    assert [int(m[1]) for m in map(_LINE.fullmatch, lines[:-1]) if m] == [1, 2, 3, 4, 5]
    assert re.fullmatch(r"policykg: load: 5 documents in \d+ s, [\d.]+/s", lines[-1])
    assert len(lines) == 6
    quiet = run("load", "--quiet", str(CORPUS), POLICYKG_PROGRESS_SECONDS="0")
    assert quiet.returncode == 0
    assert "load: " not in quiet.stderr
    assert quiet.stdout == out.stdout  # progress never touches stdout
    assert out.stdout.splitlines()[-1] == "loaded 5 documents, 0 failed"
    default = run("load", str(CORPUS))  # a line every 5 s: a quick load shows the summary
    [summary] = [line for line in default.stderr.splitlines() if " load: " in line]
    assert " 5 documents in " in summary


def test_each_document_is_printed_as_soon_as_it_is_written(cli_env: dict[str, str]) -> None:
    """stdout and stderr in one pipe: each document's line comes before its progress line
    (block-buffered, every document line came at the end)."""
    env = {k: v for k, v in os.environ.items() if k != "PYTHONUNBUFFERED"}  # as a user's
    done = subprocess.run([POLICYKG, "load", str(CORPUS)], stdout=subprocess.PIPE,
                          stderr=subprocess.STDOUT, text=True, timeout=120, check=False,
                          env={**env, **cli_env, "POLICYKG_PROGRESS_SECONDS": "0"})
    assert done.returncode == 0, done.stdout
    order = [("doc" if "tasks, " in line else "progress")
             for line in done.stdout.splitlines()
             if "tasks, " in line or re.match(r"policykg: load: \d of", line)]
    assert order == ["doc", "progress"] * 5


def test_the_readme_shows_progress_lines_of_the_form_a_load_prints(run: Run) -> None:
    """The README's ```text block of progress lines: each has the shape of a real one
    (its figures aside)."""
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    start = readme.index("```text", readme.index("POLICYKG_PROGRESS_SECONDS")) + len("```text")
    shown = readme[start: readme.index("```", start)].strip().splitlines()
    out = run("load", str(CORPUS), POLICYKG_PROGRESS_SECONDS="0")
    printed = [line for line in out.stderr.splitlines() if line.startswith("policykg: load: ")]

    def shape(line: str) -> str:
        return re.sub(r"\d[\d .]*\d|\d", "#", line)

    assert shown and {shape(line) for line in shown} <= {shape(line) for line in printed}
