"""open_store: the settings choose the backend; an unreachable graph says where and why."""

from __future__ import annotations

import socket
import threading
import time
from pathlib import Path

import pytest

from policykg.core.errors import GraphUnavailable
from policykg.core.settings import Settings
from policykg.queries.embedded import EmbeddedFalkorDB
from policykg.queries.open import open_store


def _closed_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port: int = s.getsockname()[1]
    return port


@pytest.mark.parametrize("scheme", ["falkordb", "redis", "bolt", "neo4j"])
def test_an_unreachable_url_raises_graph_unavailable(scheme: str) -> None:
    url = f"{scheme}://127.0.0.1:{_closed_port()}"
    with pytest.raises(GraphUnavailable, match=f"^cannot reach the graph at {url}: .+") as info:
        open_store(Settings(graph_url=url))
    assert "\n" not in str(info.value)


def test_the_embedded_graph_is_started_on_demand(tmp_path: Path) -> None:
    settings = Settings(data_dir=tmp_path)
    with pytest.raises(GraphUnavailable, match="embedded graph is not running; start it with "
                                               "`policykg db start`"):
        open_store(settings, start_embedded=False)
    server = EmbeddedFalkorDB(tmp_path)
    try:
        store = open_store(settings)
        assert store.engine == "falkordb"
        store.write([("CREATE (:Document {id: 'x'})", {})])
        store.close()
        assert server.is_running()
        again = open_store(settings, start_embedded=False)
        assert again.count_nodes() == 1
        again.close()
    finally:
        server.stop()


def test_an_external_falkordb_url(embedded_falkordb: EmbeddedFalkorDB) -> None:
    port = embedded_falkordb.status().port
    store = open_store(Settings(graph_url=f"falkordb://127.0.0.1:{port}",
                                graph_name="test_open_external"))
    try:
        store.write([("CREATE (:Document {id: 'y'})", {})])
        assert store.read("MATCH (d:Document) RETURN d.id AS id") == [{"id": "y"}]
    finally:
        store.clear()
        store.close()


@pytest.mark.parametrize("scheme", ["falkordb", "bolt"])
def test_a_server_that_never_answers_is_given_up_on(scheme: str) -> None:
    """The store's connection had no socket timeout: a server that accepted and never
    answered held the caller forever."""
    with socket.socket() as silent:  # accepts connections (the backlog), never answers
        silent.bind(("127.0.0.1", 0))
        silent.listen(8)
        url = f"{scheme}://127.0.0.1:{silent.getsockname()[1]}"
        outcome: list[BaseException] = []

        def attempt() -> None:
            try:
                open_store(Settings(graph_url=url, graph_connect_timeout_s=0.5,
                                    graph_socket_timeout_s=0.5, graph_retry_time_s=0,
                                    cypher_timeout_ms=100))
            except BaseException as exc:  # reported below
                outcome.append(exc)

        started = time.monotonic()
        worker = threading.Thread(target=attempt, daemon=True)
        worker.start()
        worker.join(timeout=15)
        assert not worker.is_alive(), "still waiting for a server that never answers"
        assert time.monotonic() - started < 10
        assert len(outcome) == 1 and isinstance(outcome[0], GraphUnavailable), outcome
        assert str(outcome[0]).startswith(f"cannot reach the graph at {url}")
