"""`policykg audit …` and `policykg validate --engine`, run as users run them."""

from __future__ import annotations

import json

import pytest

from tests.cli.conftest import Run
from tests.shared_scorer import CORPUS


@pytest.fixture
def loaded(run: Run) -> Run:
    assert run("load", str(CORPUS)).returncode == 0
    return run


def test_audit_views_print_tables_and_json(loaded: Run) -> None:
    table = loaded("audit", "unowned", "--limit", "3")
    assert table.returncode == 0, table.stderr
    assert table.stderr == "policykg: showing 3 of 48; --limit to see more\n"
    page = json.loads(loaded("audit", "unowned", "--json", "--limit", "500").stdout)
    assert page["count"] == 48 and len(page["data"]) == 48
    overdue = json.loads(loaded("audit", "overdue", "--as-of", "2100-01-01", "--json").stdout)
    assert overdue["count"] > 0
    assert all(r["deadline"] != "recurring" for r in overdue["data"])
    work = json.loads(loaded("audit", "workload", "--json").stdout)
    assert work["data"][0]["owned"] >= work["data"][-1]["owned"]
    assert json.loads(loaded("audit", "unresolved", "--json").stdout)["count"] == 0
    def covered(as_of: str) -> tuple[int, set[str]]:
        out = loaded("audit", "coverage", "--document", "20-NQ/TW", "--as-of", as_of,
                     "--limit", "100", "--json")
        body = json.loads(out.stdout)
        return body["count"], {r["province"] for r in body["data"] if r["covered"]}

    assert covered("2024-12-31") == (63, {"Bắc Kạn", "Bình Thuận", "Hải Phòng", "Kon Tum",
                                          "Thái Nguyên"})
    # From July 2025 Bắc Kạn is part of Thái Nguyên, Bình Thuận of Lâm Đồng, Kon Tum
    # of Quảng Ngãi.
    assert covered("2025-07-01") == (34, {"Hải Phòng", "Lâm Đồng", "Quảng Ngãi",
                                          "Thái Nguyên"})


def test_audit_report_in_turtle(loaded: Run) -> None:
    out = loaded("audit", "report", "--turtle")
    assert out.returncode == 0 and "sh:ValidationReport" in out.stdout


def test_audit_bad_input_exits_2(loaded: Run) -> None:
    bad = loaded("audit", "overdue", "--as-of", "yesterday")
    assert (bad.returncode, bad.stderr.strip()) == (
        2, "policykg: --as-of 'yesterday': not a date YYYY-MM-DD")
    assert loaded("audit", "coverage").returncode == 2
    assert loaded("audit", "coverage", "--document", "Kết luận 999").returncode == 2


@pytest.mark.parametrize("engine", ["graph", "shacl"])
def test_validate_with_either_engine(loaded: Run, engine: str) -> None:
    out = loaded("validate", "--engine", engine, "--format", "json")
    assert out.returncode == 1
    report = json.loads(out.stdout)
    assert report["engine"] == engine and report["not_evaluated"] == []
    assert report["counts"]["Violation"] == 48
    one = loaded("validate", "--engine", engine, "--document", "tw:2024:69-kl-tw")
    assert one.returncode == 0 and one.stdout.startswith("Conforms: 0 violations")


def test_auto_picks_the_graph_engine_above_the_threshold(loaded: Run) -> None:
    small = json.loads(loaded("validate", "--format", "json").stdout)
    assert small["engine"] == "shacl"
    large = json.loads(loaded("validate", "--format", "json",
                              POLICYKG_SHACL_MAX_NODES="10").stdout)
    assert large["engine"] == "graph"
    bad = loaded("validate", POLICYKG_SHACL_MAX_NODES="-1")
    assert bad.returncode == 2 and "POLICYKG_SHACL_MAX_NODES" in bad.stderr
