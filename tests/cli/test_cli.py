"""The `policykg` command line, as users run it, on a real graph (in this process, and a
few times as a real process)."""

from __future__ import annotations

import json
import os
import socket
import subprocess
import time
from pathlib import Path

import httpx

from tests.cli.conftest import POLICYKG, Process, Result, Run
from tests.ports import free_port
from tests.shared_scorer import CORPUS


def test_help_lists_commands_and_exit_codes(process: Process) -> None:
    out = process("--help")
    assert out.returncode == 0
    for command in ("extract", "load", "trace", "serve", "up", "db", "validate", "eval"):
        assert command in out.stdout
    assert "Exit codes" in out.stdout


def test_extract_prints_one_json_object_per_document(run: Run) -> None:
    out = run("extract", *map(str, sorted(CORPUS.glob("*.txt"))))
    assert out.returncode == 0, out.stderr
    docs = [json.loads(line) for line in out.stdout.splitlines()]
    assert len(docs) == 5
    for doc in docs:
        assert {"file", "document", "references", "implements", "cited_relations",
                "tasks", "targets"} <= set(doc)
    kon_tum = next(d for d in docs if d["file"].startswith("kon-tum"))
    assert kon_tum["implements"] == ["69-KL/TW@2024"]


def test_a_missing_file_is_one_line_and_exit_2(run: Run, tmp_path: Path) -> None:
    out = run("extract", str(tmp_path / "nope.txt"))
    assert out.returncode == 2
    assert out.stderr.strip().splitlines() == [f"policykg: {tmp_path / 'nope.txt'}: "
                                               "no such file or folder"]


def test_text_that_is_not_utf8_names_the_byte(run: Run, tmp_path: Path) -> None:
    bad = tmp_path / "cp1258.txt"
    bad.write_bytes("Kết luận".encode() + b"\xff\xfe tail")
    good = CORPUS / "kon-tum_ke-hoach_kl69.txt"
    out = run("extract", str(bad), str(good))
    assert out.returncode == 2  # bad input, as the README says; the batch still ran
    assert len(out.stdout.splitlines()) == 1  # the good file is still extracted
    [line] = out.stderr.strip().splitlines()
    column = len("Kết luận") + 1
    assert line == f"policykg: {bad}:1:{column}: not UTF-8 text: invalid byte 0xff"


def test_load_then_trace(run: Run) -> None:
    loaded = run("load", str(CORPUS))
    assert loaded.returncode == 0, loaded.stderr
    assert "loaded 5 documents, 0 failed" in loaded.stdout
    assert "thai-nguyen:2013:29-ctr-tu (34 tasks, 5 targets, 1 citation)" in loaded.stdout
    for ref in ("Kết luận 69", "ket luan 69", "KL 69", "69-KL/TW"):
        out = run("trace", ref)
        assert out.returncode == 0, out.stderr
        assert out.stdout.strip() == "69-KL/TW (2024) → 20-NQ/TW (2012)"
    as_json = json.loads(run("trace", "Kết luận 69", "--json").stdout)
    assert [n["id"] for n in as_json["nodes"]] == ["tw:2024:69-kl-tw", "tw:2012:20-nq-tw"]


def test_trace_of_a_plan_shows_the_whole_chain(run: Run) -> None:
    run("load", str(CORPUS))
    out = run("trace", "29-CTr/TU")
    assert out.stdout.strip() == "29-CTr/TU (2013) → 20-NQ/TW (2012)"


def test_unknown_reference_exit_2(run: Run) -> None:
    run("load", str(CORPUS / "kon-tum_ke-hoach_kl69.txt"))
    out = run("trace", "Kết luận 999")
    assert out.returncode == 2
    assert out.stderr.strip() == "policykg: no document matches 'Kết luận 999'"


def test_unreachable_graph_exit_3(run: Run) -> None:
    out = run("trace", "KL 69", POLICYKG_GRAPH_URL="falkordb://127.0.0.1:1")
    assert out.returncode == 3
    [line] = out.stderr.strip().splitlines()
    assert line.startswith("policykg: cannot reach the graph at falkordb://127.0.0.1:1: ")


def test_bad_setting_exit_2(run: Run) -> None:
    out = run("trace", "KL 69", POLICYKG_GRAPH_URL="http://example")
    assert out.returncode == 2
    assert "POLICYKG_GRAPH_URL" in out.stderr


def test_embedded_db_start_status_stop(run: Run, tmp_path: Path) -> None:
    def db(action: str) -> Result:
        return run("db", action, POLICYKG_DATA_DIR=str(tmp_path / "db"), POLICYKG_GRAPH_URL="")

    stopped = db("status")
    assert "not running" in stopped.stdout and stopped.returncode == 1
    started = db("start")
    assert started.returncode == 0, started.stderr
    assert "running on 127.0.0.1:" in started.stdout
    try:
        running = db("status")
        assert "running on 127.0.0.1:" in running.stdout and running.returncode == 0
        assert run("cypher", "RETURN 1 AS x", "--json", POLICYKG_DATA_DIR=str(tmp_path / "db"),
                   POLICYKG_GRAPH_URL="").stderr == ""  # running already: nothing to say
    finally:
        assert db("stop").returncode == 0
    assert db("status").returncode == 1
    try:  # a command that needs the graph starts it, and says so
        said = run("cypher", "RETURN 1 AS x", POLICYKG_DATA_DIR=str(tmp_path / "db"),
                   POLICYKG_GRAPH_URL="")
        assert said.returncode == 0 and "starting the embedded graph" in said.stderr
    finally:
        assert db("stop").returncode == 0


def test_validate_lists_the_tasks_without_owner(run: Run) -> None:
    run("load", str(CORPUS))
    out = run("validate")
    assert out.returncode == 1  # violations
    lines = out.stdout.splitlines()
    assert lines[0].startswith("Does not conform: 48 violations")
    header = next(i for i, line in enumerate(lines) if line.startswith("Violation TaskOwner (48)"))
    listed = lines[header + 2: header + 2 + 48]
    assert all(line.startswith("  - ") and " §" in line for line in listed)
    first = "  - 29-CTr/TU (2013) §II.1: “Tiếp tục đẩy mạnh công tác tuyên truyền"
    assert first in "\n".join(listed)
    report = json.loads(run("validate", "--format", "json").stdout)
    owners = [f for f in report["findings"] if f["shape"].endswith("TaskOwner")]
    assert len(owners) == 48 and all(f["severity"] == "Violation" for f in owners)
    in_graph = run("validate", "--engine", "graph")  # names read by the node_names query
    assert in_graph.returncode == 1
    assert in_graph.stdout.splitlines()[1:] == lines[1:]
    graph_json = json.loads(run("validate", "--engine", "graph", "--format", "json").stdout)
    assert graph_json["findings"] == report["findings"]
    assert (graph_json["engine"], report["engine"]) == ("graph", "shacl")


def test_validate_one_document_and_fail_on(run: Run) -> None:
    run("load", str(CORPUS))
    missing = run("validate", "--document", "Kết luận 999")
    assert missing.returncode == 2
    assert missing.stderr.strip() == "policykg: no document matches 'Kết luận 999'"
    plan = run("validate", "--document", "tw:2024:69-kl-tw")
    assert plan.returncode == 0, plan.stdout  # a stub: Info only
    assert plan.stdout.startswith("Conforms: 0 violations")
    strict = run("validate", "--document", "thai-nguyen:2013:29-ctr-tu", "--fail-on", "warning")
    assert strict.returncode == 1
    turtle = run("validate", "--document", "tw:2024:69-kl-tw", "--format", "turtle").stdout
    assert "sh:ValidationReport" in turtle
    report = json.loads(run("validate", "--document", "tw:2024:69-kl-tw", "--format",
                            "json").stdout)
    assert (report["conforms"], report["counts"]["Violation"]) == (True, 0)
    assert [f["severity"] for f in report["findings"]] == ["Info"] * report["counts"]["Info"]


def test_a_huge_request_head_is_refused_and_the_server_keeps_answering(
        cli_env: dict[str, str]) -> None:
    """A 100 MB header used to hold /health for 14 s."""
    port = free_port()
    server = subprocess.Popen([POLICYKG, "serve", "--host", "127.0.0.1", "--port", str(port)],
                              env={**os.environ, **cli_env}, stdout=subprocess.DEVNULL,
                              stderr=subprocess.DEVNULL)
    try:
        base = f"http://127.0.0.1:{port}"
        deadline = time.monotonic() + 30
        while True:
            try:
                if httpx.get(f"{base}/health", timeout=1).status_code == 200:
                    break
            except httpx.TransportError:
                pass
            assert time.monotonic() < deadline, "the server did not start"
            time.sleep(0.2)
        with socket.create_connection(("127.0.0.1", port), timeout=10) as conn:
            conn.sendall(b"GET /health HTTP/1.1\r\nHost: x\r\nX-Big: ")
            started = time.monotonic()
            reply = b""
            try:
                for _ in range(64):  # up to 4 MB, until the server answers or closes
                    conn.sendall(b"a" * 65_536)
            except (BrokenPipeError, ConnectionResetError):
                pass
            try:
                reply = conn.recv(200)
            except ConnectionResetError:
                reply = b""
            assert time.monotonic() - started < 5
            assert not reply or reply.split(b" ")[1][:1] == b"4", reply
        assert httpx.get(f"{base}/health", timeout=2).status_code == 200
    finally:
        server.terminate()
        server.wait(timeout=10)
