"""The command line for people and for pipes: version and help, listings with headers,
--json and --csv, counts and paging on stderr, documents named one way, an empty graph
and a first run that say what they are."""

from __future__ import annotations

import argparse
import csv
import io
import json

import pytest

from policykg import __version__
from policykg.cli.main import build_parser
from policykg.cli.server import load_sample
from policykg.core.errors import EMPTY_GRAPH
from policykg.queries.falkordb_store import FalkorDBStore
from tests.cli.conftest import Process, Run
from tests.shared_scorer import CORPUS

LISTINGS = {  # argv → the header row
    ("audit", "unowned"): ["document", "section", "task"],
    ("audit", "overdue", "--as-of", "2100-01-01"): ["deadline", "document", "section",
                                                    "owners", "task"],
    ("audit", "workload"): ["body", "collective", "owned", "coordinated"],
    ("audit", "unresolved"): ["document", "citations"],
    ("audit", "coverage", "--document", "KL 69", "--as-of", "2024-06-01"):
        ["province", "covered", "documents"],
    ("documents",): ["document", "kind", "issued", "scope", "loaded", "id"],
    ("search", "kon tum"): ["type", "name", "matched", "id"],
}


@pytest.fixture
def loaded(run: Run) -> Run:
    assert run("load", str(CORPUS)).returncode == 0
    return run


def test_version(process: Process) -> None:
    out = process("--version")
    assert (out.returncode, out.stdout.strip()) == (0, f"policykg {__version__}")


def _subparsers(parser: argparse.ArgumentParser) -> dict[str, argparse.ArgumentParser]:
    action = next(a for a in parser._actions if isinstance(a, argparse._SubParsersAction))
    return dict(action.choices)


def test_every_option_has_help_with_its_default_and_accepted_values() -> None:
    for name, sub in _subparsers(build_parser()).items():
        text = sub.format_help()
        for action in sub._actions:
            if isinstance(action, argparse._HelpAction):
                continue
            assert action.help, (name, action.dest)
            if action.option_strings and action.default not in (None, False, []):
                assert f"default: {action.default}" in " ".join(text.split()) \
                    or "default: " in action.help, (name, action.dest)
            for choice in action.choices or ():
                assert str(choice) in text, (name, action.dest, choice)
    helps = {name: " ".join(sub.format_help().split())
             for name, sub in _subparsers(build_parser()).items()}
    for command in ("extract", "load"):
        assert all(s in helps[command] for s in (".txt", ".docx", ".pdf", ".html"))
    assert "(default: 8000)" in helps["serve"] and "(default: 127.0.0.1)" in helps["up"]
    assert "status: print its port" in helps["db"]


@pytest.mark.parametrize("argv", list(LISTINGS))
def test_every_listing_has_a_header_json_and_csv(loaded: Run, argv: tuple[str, ...]) -> None:
    table = loaded(*argv)
    assert table.returncode == 0, table.stderr
    as_json = json.loads(loaded(*argv, "--json").stdout)
    lines = table.stdout.splitlines()
    if as_json["count"]:
        assert lines[0].split() == " ".join(LISTINGS[argv]).split(), lines[0]
        assert set(lines[1].replace(" ", "")) == {"─"}
    else:  # nothing to tabulate: the footer says so
        assert lines == [] and table.stderr.startswith("policykg: 0 ")
    as_csv = list(csv.reader(io.StringIO(loaded(*argv, "--csv").stdout)))
    assert as_csv[0] == LISTINGS[argv]
    assert len(as_csv) - 1 == len(as_json["data"]) <= as_json["count"]
    # the count is on stderr, never in the data
    assert table.stderr.startswith("policykg: ") and str(as_json["count"]) in table.stderr
    assert f" of {as_json['count']}" not in table.stdout


def test_a_page_says_how_to_see_the_rest(loaded: Run) -> None:
    cut = loaded("audit", "coverage", "--document", "20-NQ/TW", "--as-of", "2024-06-01")
    assert cut.stderr == "policykg: showing 50 of 63; --limit to see more\n"
    rows = list(csv.reader(io.StringIO(cut.stdout.replace("  ", "\t"))))
    assert len(cut.stdout.splitlines()) >= 52 and rows
    rest = loaded("audit", "coverage", "--document", "20-NQ/TW", "--as-of", "2024-06-01",
                  "--offset", "50", "--csv")
    assert rest.stderr == ("policykg: showing 51–63 of 63; --limit and --offset to see "
                           "more\n")
    every = loaded("audit", "coverage", "--document", "20-NQ/TW", "--as-of", "2024-06-01",
                   "--limit", "100", "--csv")
    assert every.stderr == "policykg: 63 provinces\n"


def test_bodies_with_their_province_and_booleans_in_words(loaded: Run) -> None:
    work = list(csv.DictReader(io.StringIO(loaded("audit", "workload", "--csv",
                                                  "--limit", "500").stdout)))
    bodies = {r["body"]: r for r in work}
    # a collective named without its province gets it; a name that says it stays as it is
    assert bodies["các huyện ủy, thành ủy (Kon Tum)"]["collective"] == "yes"
    assert bodies["Ban cán sự đảng Ủy ban nhân dân tỉnh Kon Tum"]["collective"] == "no"
    coverage = list(csv.DictReader(io.StringIO(loaded(
        "audit", "coverage", "--document", "KL 69", "--as-of", "2024-06-01", "--csv",
        "--limit", "100").stdout)))
    assert {r["covered"] for r in coverage} == {"yes", "no"}
    kon_tum = next(r for r in coverage if r["province"] == "Kon Tum")
    assert kon_tum["documents"].startswith("Kế hoạch, Kon Tum: thực hiện Kết luận số 69-KL/TW")


def test_documents_are_named_one_way(loaded: Run) -> None:
    assert loaded("trace", "29-CTr/TU").stdout.strip() == "29-CTr/TU (2013) → 20-NQ/TW (2012)"
    unowned = json.loads(loaded("audit", "unowned", "--json", "--limit", "500").stdout)
    labels = {r["document"]: r["document_label"] for r in unowned["data"]}
    assert labels["thai-nguyen:2013:29-ctr-tu"] == "29-CTr/TU (2013)"
    docs = list(csv.DictReader(io.StringIO(loaded("documents", "--csv", "--limit",
                                                  "500").stdout)))
    assert {"69-KL/TW (2024)", "29-CTr/TU (2013)", "20-NQ/TW (2012)"} <= {
        d["document"] for d in docs}
    plan = json.loads(loaded("trace", "29-CTr/TU", "--json").stdout)
    assert [n["label"] for n in plan["nodes"]] == ["29-CTr/TU (2013)", "20-NQ/TW (2012)"]
    assert all("search" not in n for n in plan["nodes"])


def test_documents_filters_as_the_api_does(loaded: Run) -> None:
    kon_tum = loaded("documents", "--scope", "Kon Tum", "--show", "loaded", "--json")
    assert [d["province"] for d in json.loads(kon_tum.stdout)["data"]] == ["Kon Tum"]
    plans = json.loads(loaded("documents", "--kind", "kế hoạch", "--json").stdout)
    assert plans["count"] >= 2 and {d["kind_name"] for d in plans["data"]} == {"Kế hoạch"}
    bad = loaded("documents", "--kind", "foo")
    assert bad.returncode == 2 and "KeHoach (Kế hoạch)" in bad.stderr
    assert loaded("documents", "--scope", "Atlantis").returncode == 2


@pytest.mark.parametrize("argv", [("trace", "KL 69"), ("validate", "--document", "KL 69"),
                                  ("audit", "coverage", "--document", "KL 69")])
def test_a_reference_on_an_empty_graph_says_the_graph_is_empty(
        run: Run, argv: tuple[str, ...]) -> None:
    out = run(*argv)
    assert (out.returncode, out.stderr) == (2, f"policykg: {EMPTY_GRAPH}\n")
    assert EMPTY_GRAPH.startswith("the graph is empty — load something first")


@pytest.mark.parametrize("argv", [("audit", "unowned"), ("documents",), ("search", "x")])
def test_a_listing_on_an_empty_graph_says_so(run: Run, argv: tuple[str, ...]) -> None:
    out = run(*argv)
    assert (out.returncode, out.stdout, out.stderr) == (0, "", f"policykg: {EMPTY_GRAPH}\n")


def test_the_first_run_explains_the_samples_findings(
        falkordb_store: FalkorDBStore, capsys: pytest.CaptureFixture[str]) -> None:
    load_sample(falkordb_store)
    out = capsys.readouterr().out
    assert "validation: Does not conform: 48 violations" in out
    assert ("Note: the 48 violations are the sample's 48 tasks whose text names no owner "
            "(the extractor leaves an owner out rather than guess one); the graph is served "
            "as loaded — `policykg audit unowned` lists the tasks, `policykg validate` every "
            "finding.") in out


def test_audit_filters_as_the_api_does(loaded: Run) -> None:
    plan = json.loads(loaded("audit", "unowned", "--document", "29-CTr/TU", "--json",
                             "--limit", "500").stdout)
    assert plan["count"] > 0 and {r["document"] for r in plan["data"]} == {
        "thai-nguyen:2013:29-ctr-tu"}
    same = json.loads(loaded("audit", "unowned", "--scope", "Thái Nguyên", "--json",
                             "--limit", "500").stdout)
    assert same == plan
    work = list(csv.DictReader(io.StringIO(loaded("audit", "workload", "--scope", "kon-tum",
                                                  "--csv").stdout)))
    assert work and all("Kon Tum" in r["body"] for r in work)
    bad = loaded("audit", "workload", "--scope", "Atlantis")
    assert bad.returncode == 2 and "unknown scope 'Atlantis'" in bad.stderr
    assert loaded("audit", "unresolved", "--scope", "Kon Tum").returncode == 2
