"""POST /cypher under hostile queries: the database's own limits hold, and it stays up."""

from __future__ import annotations

import time
import tracemalloc
from collections.abc import Callable

import pytest
from fastapi.testclient import TestClient

from policykg.queries.store import GraphStore
from tests.api.errors import assert_error


def _still_answers(client: TestClient) -> None:
    started = time.monotonic()
    assert client.get("/health").status_code == 200
    assert client.get("/ready").status_code == 200
    assert client.post("/cypher", json={"query": "RETURN 1 AS one"}).json()["rows"] == [[1]]
    assert time.monotonic() - started < 2


def test_a_huge_allocation_is_stopped_at_the_memory_limit(analyst_client: TestClient) -> None:
    """50 M integers (~800 MB) pass the 512 MB limit and are refused; without the limit a
    400 M range made one 6.4 GB allocation before the time limit applied, and the server
    aborted."""
    error = assert_error(analyst_client.post("/cypher", json={
        "query": "RETURN size(range(1, 50000000)) AS n"}), 400, "bad_request")
    assert "memory limit of 512 MB" in error["message"]
    _still_answers(analyst_client)


@pytest.mark.parametrize("query", ["UNWIND range(1, 5000000) AS i RETURN i",
                                   "MATCH (a), (b), (c) RETURN a, b, c"])
def test_rows_are_cut_in_the_database(analyst_client: TestClient, query: str) -> None:
    """5 M rows were decoded in the API (1 GB, 20 s) before they were cut; a cartesian
    product built a 3.8 GB reply."""
    tracemalloc.start()
    started = time.monotonic()
    try:
        response = analyst_client.post("/cypher", json={"query": query})
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert response.status_code == 200, response.text
    body = response.json()
    assert body["truncated"] is True and len(body["rows"]) == 1000
    assert time.monotonic() - started < 5
    assert peak < 100 * 1024 * 1024, f"the API held {peak // 2**20} MB"
    _still_answers(analyst_client)


def test_a_reply_past_the_byte_limit_is_refused(make_client: Callable[..., TestClient],
                                                corpus_store: GraphStore) -> None:
    """A one-row 134 MB reply passed the row limit and was decoded whole."""
    if corpus_store.engine != "falkordb":
        pytest.skip("Neo4j bounds a row by its transaction memory (db.memory.transaction.max)")
    client = make_client(cypher_max_reply_bytes="1000000")
    tracemalloc.start()
    try:
        response = client.post("/cypher", json={
            "query": "RETURN [x IN range(1, 500000) | 'abcdefghij'] AS l"})  # ~8 MB
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    error = assert_error(response, 400, "bad_request")
    assert "larger than 1000000 bytes" in error["message"]
    assert peak < 20 * 1024 * 1024
    assert len(client.post("/cypher", json={
        "query": "RETURN [x IN range(1, 1000) | 'abcdefghij'] AS l"}).json()["rows"][0][0]) == 1000
    _still_answers(client)
