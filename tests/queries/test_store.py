"""The GraphStore contract, on a real FalkorDB (and on Neo4j when NEO4J_URI is set)."""

from __future__ import annotations

import gc
import importlib
import time
import uuid
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest
import redis

from policykg.core.errors import GraphUnavailable, QueryError
from policykg.loaders.load import load_files
from policykg.queries.embedded import EmbeddedFalkorDB
from policykg.queries.falkordb_store import FalkorDBStore, compose
from policykg.queries.store import GraphStore
from tests.shared_scorer import CORPUS

DOC = "tw:2012:20-nq-tw"


def _ids(store: GraphStore) -> list[str]:
    return [r["id"] for r in store.read("MATCH (d:Document) RETURN d.id AS id ORDER BY id")]


def test_schema_is_idempotent_and_enforces_unique_ids(store: GraphStore) -> None:
    store.ensure_schema()
    store.ensure_schema()
    store.write([("CREATE (:Document {id: $id})", {"id": DOC})])
    with pytest.raises(QueryError):
        store.write([("CREATE (:Document {id: $id})", {"id": DOC})])
    assert store.count_nodes() == 1


def test_write_then_read_round_trips_plain_values(store: GraphStore) -> None:
    props = {
        "id": DOC, "number": "20-NQ/TW", "year": 2012, "issued": "2012-11-01",
        "title": "Nghị quyết về phát triển khoa học và công nghệ — \"quote\" 'single' \\ back",
        "stub": False, "field_origins": ["number=text", "issued=sidecar"], "score": 1.5,
    }
    store.write([("CREATE (d:Document) SET d = $props", {"props": props})])
    rows = store.read("MATCH (d:Document {id: $id}) RETURN properties(d) AS d, d.year AS year, "
                      "[1, 'x', null] AS list, {k: true} AS map", {"id": DOC})
    assert rows == [{"d": props, "year": 2012, "list": [1, "x", None], "map": {"k": True}}]
    assert store.count_nodes() == 1


def test_statements_of_a_batch_see_each_other_and_an_empty_match_does_not_stop_it(
        store: GraphStore) -> None:
    store.write([
        ("MATCH (n:Document {id: $id}) DETACH DELETE n", {"id": "nothing"}),
        ("UNWIND $rows AS row CREATE (:Document {id: row})", {"rows": ["a", "b"]}),
        ("MERGE (d:Document {id: $id}) SET d.seen = true", {"id": "a"}),
        ("MATCH (a:Document {id: $id}), (b:Document {id: 'b'}) CREATE (a)-[:IMPLEMENTS]->(b)",
         {"id": "a"}),
    ])
    rows = store.read("MATCH (a:Document)-[:IMPLEMENTS]->(b:Document) "
                      "RETURN a.id AS a, a.seen AS seen, b.id AS b")
    assert rows == [{"a": "a", "seen": True, "b": "b"}]
    assert store.count_nodes() == 2


@pytest.mark.parametrize("failing", [
    ("CREATE (:Document {id: $id})", {"id": "existing"}),  # unique constraint
    ("UNWIND [0] AS z CREATE (:Document {id: 'c', v: 1 / z})", {}),  # runtime error
    ("CREATE (:Document {id: $id)", {"id": "d"}),  # syntax error
])
def test_a_batch_whose_second_statement_fails_changes_nothing(
        store: GraphStore, failing: tuple[str, dict[str, str]]) -> None:
    store.write([("CREATE (:Document {id: 'existing', n: 1})", {})])
    with pytest.raises(QueryError):
        store.write([
            ("MATCH (d:Document {id: 'existing'}) SET d.n = 2 "
             "CREATE (:Document {id: $id})", {"id": "first"}),
            failing,
            ("CREATE (:Document {id: 'third'})", {}),
        ])
    assert _ids(store) == ["existing"]
    assert store.read("MATCH (d:Document) RETURN d.n AS n") == [{"n": 1}]


def test_read_refuses_a_write(store: GraphStore) -> None:
    with pytest.raises(QueryError):
        store.read("CREATE (:Document {id: 'x'})")
    assert store.count_nodes() == 0


def test_a_syntax_error_names_line_and_column(store: GraphStore) -> None:
    with pytest.raises(QueryError, match=r"(?i)line:? 2.*column") as info:
        store.read("MATCH (d:Document)\nRETURN d.id AS id,, 1")
    assert "\n" not in str(info.value)


def test_a_slow_read_stops_at_its_time_limit(store: GraphStore) -> None:
    started = time.monotonic()
    with pytest.raises(QueryError, match="query exceeded its time limit of 200 ms"):
        store.read("UNWIND range(1, 10000) AS a UNWIND range(1, 10000) AS b "
                   "WITH a, b WHERE (a * b) % 7 = 3 RETURN count(*) AS n", timeout_ms=200)
    assert time.monotonic() - started < 0.2 + 5.0


def test_a_graph_never_written_reads_as_empty(embedded_falkordb: EmbeddedFalkorDB) -> None:
    port = embedded_falkordb.status().port
    assert port is not None
    store = FalkorDBStore("127.0.0.1", port, f"test_{uuid.uuid4().hex[:12]}")
    try:
        assert store.count_nodes() == 0
        assert store.read("MATCH (d:Document) RETURN d.id AS id") == []
    finally:
        store.drop_graph()
        store.close()


def test_clear_ping_and_count(store: GraphStore) -> None:
    store.ping()
    store.write([("UNWIND range(1, 5) AS i CREATE (:Body {id: toString(i)})", {})])
    assert store.count_nodes() == 5
    store.clear()
    assert store.count_nodes() == 0


def test_compose_renames_parameters_but_not_text() -> None:
    query, params = compose([
        ("MATCH (d {id: $id}) SET d.note = '$id' // $id\n", {"id": 1}),
        ("CREATE (:X {id: $id, `$odd`: \"$id\"});", {"id": 2}),
    ])
    assert query == ("MATCH (d {id: $p0__id}) SET d.note = '$id' // $id\n"
                     "WITH count(*) AS __policykg_0\n"
                     "CREATE (:X {id: $p1__id, `$odd`: \"$id\"})")
    assert params == {"p0__id": 1, "p1__id": 2}


def store_module(store: GraphStore) -> ModuleType:
    """The module of the store's class (each backend converts values with its plain())."""
    return importlib.import_module(type(store).__module__)


def test_the_cyclic_collector_is_paused_only_while_a_result_is_read(
        store: GraphStore, monkeypatch: pytest.MonkeyPatch) -> None:
    seen: list[bool] = []
    convert = store_module(store).plain

    def watching(value: Any) -> Any:
        seen.append(gc.isenabled())
        return convert(value)

    monkeypatch.setattr(store_module(store), "plain", watching)
    assert store.read("UNWIND range(1, 3) AS i RETURN i") == [{"i": 1}, {"i": 2}, {"i": 3}]
    assert seen == [False] * 3 and gc.isenabled()
    with pytest.raises(QueryError):
        store.read("RETURN nonsense(")
    assert gc.isenabled()
    gc.disable()
    try:
        store.read("RETURN 1 AS one")
        assert not gc.isenabled()  # left as it was found
    finally:
        gc.enable()


def test_a_constraint_another_loader_just_made_is_taken_as_made(
        falkordb_store: FalkorDBStore, monkeypatch: pytest.MonkeyPatch) -> None:
    """Two loaders at once: both saw no constraint, the second's CREATE said "already
    exists" and it loaded nothing (3 of 10 trials)."""
    falkordb_store.ensure_schema()
    monkeypatch.setattr(falkordb_store, "_constraints", list)  # as seen before the other made it
    falkordb_store.ensure_schema()


def test_a_full_server_is_a_store_error_and_the_load_writes_nothing(tmp_path: Path) -> None:
    """A FalkorDB at its maxmemory refused the load as a bad query (exit 2, "FalkorDB
    rejected the query"); it is the store's state, so it is GraphUnavailable (exit 3, 503)."""
    server = EmbeddedFalkorDB(tmp_path / "full")
    port = server.start()
    try:
        store = FalkorDBStore("127.0.0.1", port, "full")
        store.ensure_schema()
        admin = redis.Redis(port=port)
        admin.config_set("maxmemory", "1")
        try:
            with pytest.raises(GraphUnavailable, match="out of memory"):
                list(load_files(store, [CORPUS / "kon-tum_ke-hoach_kl69.txt"]))
            assert store.count_nodes() == 0  # reads still answer
        finally:
            admin.config_set("maxmemory", "0")
        store.close()
    finally:
        server.stop()
