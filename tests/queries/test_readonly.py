"""Analyst Cypher only reads: refused by the client-side check and, without it, by the server."""

from __future__ import annotations

import time
from typing import Any

import pytest

from policykg.core.errors import QueryError, WriteRefused
from policykg.queries.cypher import run_cypher
from policykg.queries.readonly import check_read_only
from policykg.queries.store import GraphStore

WRITES = [
    "CREATE (n:Document {id: 'x'})",
    "MERGE (n:Document {id: 'x'})",
    "MATCH (n:Document) SET n.title = 'x'",
    "MATCH (n:Document) DELETE n",
    "MATCH (n:Document) DETACH DELETE n",
    "MATCH (n:Document) REMOVE n.title",
    "CALL db.idx.fulltext.createNodeIndex('Document', 'title')",
    "CALL { CREATE (n:Document {id: 'x'}) RETURN n } RETURN n",
    "FOREACH (i IN [1, 2] | CREATE (:Document {id: toString(i)}))",
    "// only a comment here\nCREATE (n:Document {id: 'x'})",
    "/* MATCH (n) RETURN n */ create (n:Document {id: 'x'})",
    "match (n:Document)\n\t  detach   delete\tn",
    "MATCH (n:Document) WITH n CALL { WITH n SET n.stub = true } RETURN count(*)",
    "MATCH (n:Document) RETURN n UNION MATCH (m:Document) SET m.x = 1 RETURN m AS n",
    "MATCH (n:Document) WITH n AS set SET set.title = 'x'",
    "MATCH (n:Document) WITH n AS delete DELETE delete",
]
# Refused by the client-side check only: LOAD CSV reads server files and URLs, and a
# procedure outside the allowed few may do anything.
CHECK_ONLY = [
    "LOAD CSV FROM 'file:///etc/passwd' AS row RETURN row",
    "CALL dbms.procedures() YIELD name RETURN name",
    "CALL `dbms.procedures`() YIELD name RETURN name",
    "CALL `dbms`.`procedures`() YIELD name RETURN name",
    "MATCH (n) RETURN n; CREATE (m)",
]
READS = [
    "MATCH (d:Document) WHERE d.title CONTAINS 'create' RETURN d.id",
    "MATCH (d:Document) RETURN d.set AS `delete`, $merge AS m",
    "CALL db.labels() YIELD label RETURN label",
    "MATCH (d:Document) WHERE d.title STARTS WITH 'x' RETURN count(d) AS n;",
    "// CREATE in a comment\nMATCH (n) RETURN count(n) AS n",
    # keywords used as names are reads
    "MATCH (d:Document) RETURN d.id AS set",
    "MATCH (d:Document) WITH count(d) AS delete RETURN delete",
    "RETURN {create: 1, merge: 2} AS m",
    "MATCH (n:Set)-[:CREATE]->(m) RETURN count(n) AS n",
    "CALL `db.labels`() YIELD label RETURN label",
]


def dump(store: GraphStore) -> tuple[list[Any], list[Any]]:
    nodes = store.read("MATCH (n) RETURN labels(n) AS labels, properties(n) AS props "
                       "ORDER BY n.id")
    rels = store.read("MATCH (a)-[r]->(b) RETURN a.id AS a, type(r) AS t, b.id AS b, "
                      "properties(r) AS props ORDER BY a, t, b")
    return nodes, rels


@pytest.fixture
def small(store: GraphStore) -> GraphStore:
    store.write([("CREATE (:Document {id: 'a', title: 'A'})-[:IMPLEMENTS {asserted_by: 'a'}]->"
                  "(:Document {id: 'b', title: 'B'})", {})])
    return store


@pytest.mark.parametrize("query", WRITES + CHECK_ONLY)
def test_the_check_refuses_every_write_form(query: str) -> None:
    with pytest.raises(WriteRefused):
        check_read_only(query)


@pytest.mark.parametrize("query", READS)
def test_the_check_lets_reads_through(query: str) -> None:
    check_read_only(query)


@pytest.mark.parametrize("query", WRITES)
def test_the_server_refuses_writes_without_the_check(small: GraphStore, query: str) -> None:
    before = dump(small)
    with pytest.raises(WriteRefused, match="write refused by"):
        run_cypher(small, query, timeout_ms=5000, max_rows=10, checked=False)
    assert dump(small) == before


def test_entities_come_back_whole(small: GraphStore) -> None:
    result = run_cypher(small, "MATCH p = (a:Document {id: 'a'})-[r]->(b) RETURN a, r, p",
                        timeout_ms=5000, max_rows=10)
    assert result.columns == ["a", "r", "p"] and not result.truncated
    a, r, p = result.rows[0]
    assert a["kind"] == "node" and a["labels"] == ["Document"]
    assert a["properties"] == {"id": "a", "title": "A"}
    assert r["kind"] == "relationship" and r["type"] == "IMPLEMENTS"
    assert r["start"] == a["id"] and r["end"] != a["id"]
    assert r["properties"] == {"asserted_by": "a"}
    assert p["kind"] == "path" and [n["id"] for n in p["nodes"]] == [a["id"], r["end"]]
    assert p["relationships"] == [r]


def test_rows_over_the_limit_are_cut(small: GraphStore) -> None:
    result = run_cypher(small, "UNWIND range(1, 25) AS i RETURN i", timeout_ms=5000,
                        max_rows=10)
    assert result.rows == [[i] for i in range(1, 11)] and result.truncated
    exact = run_cypher(small, "UNWIND range(1, 10) AS i RETURN i", timeout_ms=5000,
                       max_rows=10)
    assert len(exact.rows) == 10 and not exact.truncated


def test_values_json_cannot_hold_become_strings(small: GraphStore) -> None:
    result = run_cypher(small, "RETURN 0.0 / 0.0 AS nan, date('2024-01-11') AS d",
                        timeout_ms=5000, max_rows=10)
    assert result.rows == [["nan", "2024-01-11"]]


def test_a_runaway_query_is_stopped_in_the_database(small: GraphStore) -> None:
    started = time.monotonic()
    with pytest.raises(QueryError, match="time limit of 300 ms"):
        run_cypher(small, "UNWIND range(1, 100000) AS a UNWIND range(1, 100000) AS b "
                   "WITH a, b WHERE (a * b) % 7 = 3 RETURN count(*) AS n",
                   timeout_ms=300, max_rows=10)
    assert time.monotonic() - started < 0.3 + 2.0
    assert run_cypher(small, "MATCH (n) RETURN count(n)", timeout_ms=1000,
                      max_rows=1).rows == [[2]]  # the server still answers
