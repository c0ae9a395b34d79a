"""`policykg load --on-violation`: what the command line says when it rejects a document."""

from __future__ import annotations

import os
import re
import subprocess
from pathlib import Path

from policykg.queries.falkordb_store import FalkorDBStore
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


def _plan(number: int, year: int, replaces: int | None = None) -> str:
    tail = (f"\nKế hoạch này thay thế Kế hoạch số {replaces}-KH/TU của Ban Thường vụ Tỉnh ủy.\n"
            if replaces is not None else "")
    return (f"TỈNH ỦY KON TUM\n*\nSố {number}-KH/TU\n\nKon Tum, ngày 05 tháng 6 năm {year}\n\n"
            f"KẾ HOẠCH\nvề chuyển đổi số lần {number}\n\n"
            f"1. Các sở, ngành triển khai chuyển đổi số.\n{tail}\nT/M BAN THƯỜNG VỤ\n")


def _graph_ids(cli_env: dict[str, str]) -> tuple[list[str], list[tuple[str, str, bool]]]:
    """The document ids of the test's graph, and its REPLACES edges (with the stub flag
    of their targets)."""
    store = FalkorDBStore("127.0.0.1", int(cli_env["POLICYKG_GRAPH_URL"].rsplit(":", 1)[1]),
                          cli_env["POLICYKG_GRAPH_NAME"])
    try:
        ids = sorted(r["id"] for r in store.read("MATCH (d:Document) RETURN d.id AS id"))
        edges = sorted((r["a"], r["b"], r["stub"]) for r in store.read(
            "MATCH (a:Document)-[:REPLACES]->(b:Document) "
            "RETURN a.id AS a, b.id AS b, b.stub AS stub"))
    finally:
        store.close()
    return ids, edges


PAIRS = 24
OLD = [f"kon-tum:2021:{100 + n}-kh-tu" for n in range(PAIRS)]
NEW = [f"kon-tum:2025:{500 + n}-kh-tu" for n in range(PAIRS)]


def _cross_citing_plans() -> list[list[tuple[str, str]]]:
    """Two loaders' plans: (file name, text); each has plans the other's replace (cited
    without a date), and plans that replace the other's."""
    loaders: list[list[tuple[str, str]]] = [[], []]
    for n in range(PAIRS):
        loaders[n % 2].append((f"kh{100 + n}.txt", _plan(100 + n, 2021)))
        loaders[1 - n % 2].append((f"kh{500 + n}.txt", _plan(500 + n, 2025, replaces=100 + n)))
    return loaders


def test_two_loaders_at_once_leave_one_node_per_document(
        cli_env: dict[str, str], tmp_path: Path) -> None:
    """Two `policykg load` processes at once on cross-citing plans: both exit 0 and every
    plan is one node, with the REPLACES edges on it.  (Whole batches rarely meet between
    one's read and its write: the race itself is forced in tests/loaders/test_load.py,
    and met by the uploaders below, 2 runs in 3 before the fix.)"""
    folders = []
    for k, plans in enumerate(_cross_citing_plans()):
        folders.append(tmp_path / str(k))
        folders[-1].mkdir()
        for name, text in plans:
            (folders[-1] / name).write_text(text, encoding="utf-8")
    env = {**os.environ, **cli_env}
    loaders = [subprocess.Popen([POLICYKG, "load", "--no-validate", "--quiet", str(folder)],
                                env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                                text=True) for folder in folders]
    for loader in loaders:
        _, stderr = loader.communicate(timeout=300)
        assert loader.returncode == 0, stderr
    ids, edges = _graph_ids(cli_env)
    assert ids == sorted(OLD + NEW)
    assert edges == sorted(zip(NEW, OLD, [False] * PAIRS, strict=True))


def test_two_uploaders_at_once_leave_one_node_per_document(cli_env: dict[str, str]) -> None:
    """The same through `POST /documents` of a running `policykg serve`, two clients
    uploading one plan after another: each upload resolves and writes on its own, so
    the two often meet between one's read and its write."""
    import threading

    import httpx

    from tests.cli.test_cli_serve import serving

    key = "test-key-uploads"
    failures: list[str] = []
    with serving({**cli_env, "POLICYKG_API_KEYS": key}, "--workers", "2") as (base, _):
        def upload(plans: list[tuple[str, str]]) -> None:
            with httpx.Client(base_url=base, timeout=60,
                              headers={"Authorization": f"Bearer {key}"}) as client:
                for name, text in plans:
                    reply = client.post("/documents", params={"validate": "false"},
                                        files={"file": (name, text.encode(), "text/plain")})
                    if reply.status_code != 201:
                        failures.append(f"{name}: {reply.status_code} {reply.text}")

        threads = [threading.Thread(target=upload, args=(plans,))
                   for plans in _cross_citing_plans()]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join(timeout=300)
    assert not failures, failures
    ids, edges = _graph_ids(cli_env)
    assert ids == sorted(OLD + NEW)
    assert edges == sorted(zip(NEW, OLD, [False] * PAIRS, strict=True))
