"""POST /cypher under hostile queries: the database's own limits hold, and it stays up."""

from __future__ import annotations

import time

from fastapi.testclient import TestClient

from tests.api.errors import assert_error


def _still_answers(client: TestClient) -> None:
    started = time.monotonic()
    assert client.get("/health").status_code == 200
    assert client.get("/ready").status_code == 200
    assert client.post("/cypher", json={"query": "RETURN 1 AS one"}).json()["rows"] == [[1]]
    assert time.monotonic() - started < 2


def test_a_huge_allocation_is_stopped_at_the_memory_limit(analyst_client: TestClient) -> None:
    """It made one 6.4 GB allocation before the time limit applied, and the server aborted."""
    error = assert_error(analyst_client.post("/cypher", json={
        "query": "RETURN size(range(1, 400000000)) AS n"}), 400, "bad_request")
    assert "memory limit of 512 MB" in error["message"]
    _still_answers(analyst_client)

