"""``policykg cypher`` on the embedded graph of the test session."""

from __future__ import annotations

import json
from collections.abc import Iterator

import pytest

from policykg.cli.main import main
from policykg.core.settings import get_settings
from policykg.loaders.batch import FileFailure, discover, extract_batch
from policykg.loaders.load import load_extraction
from policykg.queries.falkordb_store import FalkorDBStore
from tests.shared_scorer import CORPUS


@pytest.fixture
def _loaded(falkordb_store: FalkorDBStore, monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """The corpus on the session's FalkorDB, named by the settings the CLI reads."""
    for item in extract_batch(discover([CORPUS])):
        assert not isinstance(item, FileFailure)
        load_extraction(falkordb_store, item)
    monkeypatch.setenv("POLICYKG_GRAPH_URL", f"falkordb://127.0.0.1:{falkordb_store.port}")
    monkeypatch.setenv("POLICYKG_GRAPH_NAME", falkordb_store.graph_name)
    get_settings.cache_clear()
    yield
    monkeypatch.undo()
    get_settings.cache_clear()


@pytest.mark.usefixtures("_loaded")
def test_cypher_prints_json_with_entities(capsys: pytest.CaptureFixture[str]) -> None:
    code = main(["cypher", "MATCH (d:Document {number: $n}) RETURN d, d.year AS year",
                 "--param", "n=69-KL/TW", "--json"])
    out = json.loads(capsys.readouterr().out)
    assert code == 0 and out["columns"] == ["d", "year"] and out["truncated"] is False
    assert out["rows"][0][0]["properties"]["id"] == "tw:2024:69-kl-tw"
    assert out["rows"][0][1] == 2024


@pytest.mark.usefixtures("_loaded")
def test_cypher_prints_a_table_and_says_when_rows_were_cut(
        capsys: pytest.CaptureFixture[str]) -> None:
    code = main(["cypher", "MATCH (d:Document) WHERE d.scope = $s RETURN d ORDER BY d.id",
                 "--param", "s=tw", "--max-rows", "1"])
    captured = capsys.readouterr()
    assert code == 0
    assert [line.rstrip() for line in captured.out.splitlines()] == [
        "d", "─" * len("(:Document tw:2012:20-nq-tw)"), "(:Document tw:2012:20-nq-tw)"]
    assert captured.err == ("policykg: truncated: showing the first 1 row; --max-rows to see "
                            "more\n")


@pytest.mark.usefixtures("_loaded")
@pytest.mark.parametrize("argv", [["cypher", "MATCH (n) DETACH DELETE n"],
                                  ["cypher", "RETURN 1", "--param", "novalue"]])
def test_cypher_refuses_writes_and_bad_params(capsys: pytest.CaptureFixture[str],
                                              falkordb_store: FalkorDBStore,
                                              argv: list[str]) -> None:
    before = falkordb_store.count_nodes()
    assert main(argv) == 2
    assert capsys.readouterr().err.startswith("policykg: ")
    assert falkordb_store.count_nodes() == before > 0
