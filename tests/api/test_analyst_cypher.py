"""POST /cypher and the named queries over HTTP."""

from __future__ import annotations

import time
from collections.abc import Callable
from typing import Any

import pytest
from fastapi.testclient import TestClient

from policykg.queries.store import GraphStore
from tests.api.errors import assert_error
from tests.queries.test_readonly import CHECK_ONLY, WRITES, dump


def test_a_read_returns_columns_rows_and_entities(analyst_client: TestClient) -> None:
    response = analyst_client.post("/cypher", json={
        "query": "MATCH (d:Document {number: $n})-[r:IMPLEMENTS]->(p) RETURN d, r, p.number AS up",
        "params": {"n": "69-KL/TW"}})
    assert response.status_code == 200, response.text
    body = response.json()
    assert body["columns"] == ["d", "r", "up"] and body["truncated"] is False
    d, r, up = body["rows"][0]
    assert d["kind"] == "node" and d["labels"] == ["Document"]
    assert d["properties"]["id"] == "tw:2024:69-kl-tw"
    assert r["kind"] == "relationship" and r["type"] == "IMPLEMENTS" and r["start"] == d["id"]
    assert up == "20-NQ/TW"


def test_a_long_result_is_cut_at_the_row_limit(make_client: Callable[..., TestClient]) -> None:
    client = make_client(cypher_max_rows="7")
    body = client.post("/cypher", json={"query": "MATCH (t:Task) RETURN t.id"}).json()
    assert len(body["rows"]) == 7 and body["truncated"] is True


@pytest.mark.parametrize("query", WRITES + CHECK_ONLY)
def test_every_write_is_refused_and_changes_nothing(analyst_client: TestClient,
                                                    corpus_store: GraphStore,
                                                    query: str) -> None:
    before = dump(corpus_store)
    error = assert_error(analyst_client.post("/cypher", json={"query": query}), 403,
                         "write_refused")
    assert "refused" in error["message"] or "not allowed" in error["message"]
    assert dump(corpus_store) == before


def test_bad_cypher_is_a_400_naming_the_engine(analyst_client: TestClient) -> None:
    error = assert_error(analyst_client.post("/cypher", json={"query": "MATCH (n RETURN n"}),
                         400)
    assert "rejected the query" in error["message"]


def test_a_slow_query_is_stopped_and_the_server_still_answers(
        make_client: Callable[..., TestClient]) -> None:
    client = make_client(cypher_timeout_ms="300")
    started = time.monotonic()
    error = assert_error(client.post("/cypher", json={
        "query": "UNWIND range(1, 100000) AS a UNWIND range(1, 100000) AS b "
                 "WITH a, b WHERE (a * b) % 7 = 3 RETURN count(*) AS n"}), 400)
    assert time.monotonic() - started < 0.3 + 2.0
    assert "time limit of 300 ms" in error["message"]
    assert client.post("/cypher", json={"query": "RETURN 1 AS one"}).json()["rows"] == [[1]]


def test_named_queries_are_listed_with_parameters(analyst_client: TestClient) -> None:
    body = analyst_client.get("/queries").json()
    assert body["count"] == len(body["data"])
    lineage = next(q for q in body["data"] if q["name"] == "lineage")
    assert lineage["title"] and lineage["parameters"] == [
        {"name": "id", "type": "string", "description": "the document id", "default": None,
         "required": True}]


def test_a_named_query_runs_with_converted_parameters(analyst_client: TestClient) -> None:
    body = analyst_client.get("/queries/documents",
                              params={"kind": "KetLuan", "limit": "1", "stub": "true"}).json()
    assert body["columns"] == ["document"] and len(body["rows"]) == 1
    assert body["rows"][0][0]["kind"] == "KetLuan"
    lineage = analyst_client.get("/queries/lineage", params={"id": "tw:2024:69-kl-tw"}).json()
    assert [row[0]["id"] for row in lineage["rows"]] == ["tw:2024:69-kl-tw", "tw:2012:20-nq-tw"]


@pytest.mark.parametrize(("params", "bad"), [
    ({}, "id"),  # missing
    ({"id": "x", "colour": "red"}, "colour"),  # undeclared
])
def test_bad_named_query_parameters_are_422(analyst_client: TestClient,
                                            params: dict[str, str], bad: str) -> None:
    error = assert_error(analyst_client.get("/queries/lineage", params=params), 422)
    assert [d["loc"] for d in error["details"]] == [["query", bad]]


def test_a_parameter_of_the_wrong_type_is_422(analyst_client: TestClient) -> None:
    error = assert_error(analyst_client.get("/queries/documents", params={"limit": "many"}),
                         422)
    assert error["details"][0]["loc"] == ["query", "limit"]
    assert_error(analyst_client.get("/queries/documents", params={"stub": "perhaps"}), 422)


def test_an_unknown_named_query_is_404(analyst_client: TestClient) -> None:
    assert_error(analyst_client.get("/queries/no_such_query"), 404)


@pytest.mark.parametrize("params", [{"": 1}, {"a b": 1}, {"a": {"": 1}}, {"a": [{"`": 1}]}])
def test_parameter_names_the_engines_cannot_carry_are_422(analyst_client: TestClient,
                                                          params: dict[str, object]) -> None:
    assert_error(analyst_client.post("/cypher", json={"query": "RETURN 1", "params": params}),
                 422)


@pytest.mark.parametrize("body", [
    {"query": "RETURN $x AS x", "params": {"x": "a\x00b"}},
    {"query": "RETURN 1 AS x\x00"},
    {"query": "RETURN $x AS x", "params": {"x": 2**63}},
    {"query": "RETURN $x AS x", "params": {f"p{k}": k for k in range(10_001)}},
    {"query": "RETURN $x AS x", "params": {"x": {str(k): k for k in range(20_000)}}},
    {"query": "RETURN $x AS x", "params": {"x": "x" * 10_001}},
])
def test_parameters_a_store_cannot_take_safely_are_422(analyst_client: TestClient,
                                                       body: dict[str, Any]) -> None:
    """A NUL echoed a fragment of the internal query; a 120 k-key map took 20 s to parse."""
    error = assert_error(analyst_client.post("/cypher", json=body), 422)
    assert "RETURN" not in error["message"]  # nothing of the query echoed back


def test_analyst_queries_past_the_concurrent_limit_get_429(
        make_client: Callable[..., TestClient]) -> None:
    """20 slow queries at once made a simple read wait 50 s; now the surplus is refused."""
    client = make_client(cypher_max_concurrent="2", cypher_timeout_ms="3000")
    running = client.app.state.cypher_slots  # type: ignore[attr-defined]
    assert running.acquire(blocking=False) and running.acquire(blocking=False)  # two running
    try:
        refused = client.post("/cypher", json={"query": "RETURN 1 AS x"})
        assert_error(refused, 429, "too_many_requests")
        assert refused.headers["Retry-After"] == "3"
        started = time.monotonic()
        assert client.get("/health").status_code == 200
        assert time.monotonic() - started < 1
    finally:
        running.release()
        running.release()
    assert client.post("/cypher", json={"query": "RETURN 1 AS x"}).status_code == 200
