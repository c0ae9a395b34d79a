"""``policykg serve`` and ``up`` as processes: the access log (a line per request, with the
request id) written by a background thread, ``--no-access-log``, ``--workers``, and what
Ctrl-C leaves of the embedded graph."""

from __future__ import annotations

import contextlib
import os
import signal
import socket
import subprocess
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import httpx
import pytest

from tests.cli.conftest import POLICYKG, Run
from tests.ports import free_port


@contextmanager
def serving(env: dict[str, str], *args: str, command: str = "serve"
            ) -> Iterator[tuple[str, subprocess.Popen[str]]]:
    """``policykg serve ARGS…`` (or ``up``) on a free port, until it answers; stopped after."""
    port = free_port()
    server = subprocess.Popen([POLICYKG, command, "--port", str(port), *args],
                              env={**os.environ, **env}, stdout=subprocess.DEVNULL,
                              stderr=subprocess.PIPE, text=True)
    base = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 60
        while True:
            assert server.poll() is None and time.monotonic() < deadline, "serve did not start"
            try:
                if httpx.get(f"{base}/ready", timeout=2).status_code == 200:
                    break
            except httpx.TransportError:
                time.sleep(0.2)
        yield base, server
    finally:
        if server.poll() is None:
            server.terminate()
            server.wait(timeout=30)


def test_each_request_is_logged_with_its_id_by_each_worker(cli_env: dict[str, str]) -> None:
    with serving(cli_env, "--workers", "2") as (base, server):
        for n in range(20):
            reply = httpx.get(f"{base}/health", headers={"X-Request-ID": f"probe-{n}"})
            assert reply.headers["X-Request-ID"] == f"probe-{n}"
    assert server.stderr is not None
    log = server.stderr.read()
    assert len({line for line in log.splitlines() if "Started server process" in line}) == 2
    for n in range(20):
        assert f"INFO [probe-{n}] GET /health 200 " in log, log
    assert '"GET /health HTTP/1.1"' not in log  # uvicorn's own access line is off


def test_no_access_log_writes_no_line_per_request(cli_env: dict[str, str]) -> None:
    with serving(cli_env, "--no-access-log") as (base, server):
        assert httpx.get(f"{base}/health", headers={"X-Request-ID": "quiet-1"}).is_success
    assert server.stderr is not None
    log = server.stderr.read()
    assert "Application startup complete" in log and "quiet-1" not in log


@pytest.mark.parametrize("workers", ["0", "33", "two"])
def test_a_number_of_workers_out_of_range_is_refused(run: Run, workers: str) -> None:
    done = run("serve", "--workers", workers)
    assert done.returncode == 2 and "from 1 to 32" in done.stderr


def test_ctrl_c_stops_the_graph_up_started_and_names_one_it_found(tmp_path: Path) -> None:
    env = {k: v for k, v in os.environ.items() if not k.startswith("POLICYKG_")}
    env["POLICYKG_DATA_DIR"] = str(tmp_path / "data")

    def db(action: str) -> int:
        return subprocess.run([POLICYKG, "db", action], env=env, capture_output=True,
                              check=False, timeout=120).returncode

    def interrupted_up() -> str:
        with serving(env, command="up") as (_, server):
            server.send_signal(signal.SIGINT)
            assert server.wait(timeout=60) == 0
        assert server.stderr is not None
        return server.stderr.read()

    assert "stopped the embedded graph it had started" in interrupted_up()
    assert db("status") == 1  # stopped
    assert db("start") == 0
    try:
        assert "the embedded graph is still running on 127.0.0.1:" in interrupted_up()
        assert db("status") == 0
    finally:
        db("stop")


def test_a_huge_request_head_is_refused_and_health_stays_fast(cli_env: dict[str, str]) -> None:
    """A 100 MB header blocked /health for 14 s: the head is bounded (MAX_REQUEST_HEAD)."""
    with serving(cli_env) as (base, _):
        host, port = base.removeprefix("http://").split(":")
        with socket.create_connection((host, int(port)), timeout=10) as sock:
            sock.sendall(b"GET /health HTTP/1.1\r\nHost: x\r\nX-Big: ")
            sent, refused = 0, False
            try:
                while sent < 32 * 1024 * 1024:
                    sock.sendall(b"a" * 65536)
                    sent += 65536
            except OSError:  # the server closed the connection on us
                refused = True
            if not refused:
                sock.sendall(b"\r\n\r\n")
            reply = b""
            with contextlib.suppress(OSError):
                reply = sock.recv(1024)
        assert refused or reply.startswith(b"HTTP/1.1 4"), reply[:80]
        started = time.monotonic()
        assert httpx.get(f"{base}/health", timeout=5).status_code == 200
        assert time.monotonic() - started < 1


@pytest.mark.parametrize("trickle", [False, True])
def test_a_slow_body_is_cut_off_and_health_stays_fast(cli_env: dict[str, str],
                                                      trickle: bool) -> None:
    """A client that sent its headers and then stalled, or trickled, its body was waited on
    forever: past POLICYKG_BODY_TIMEOUT_S it gets 408 and the connection is closed."""
    with serving({**cli_env, "POLICYKG_BODY_TIMEOUT_S": "1"}) as (base, _):
        host, port = base.removeprefix("http://").split(":")
        with socket.create_connection((host, int(port)), timeout=10) as sock:
            started = time.monotonic()
            sock.sendall(b"POST /cypher HTTP/1.1\r\nHost: x\r\nContent-Type: application/json"
                         b"\r\nContent-Length: 1000\r\n\r\n{\"query\": ")
            health = time.monotonic()
            assert httpx.get(f"{base}/health", timeout=5).status_code == 200
            assert time.monotonic() - health < 1  # the stalled body holds no other request
            sock.settimeout(0.25)
            reply, closed = b"", False
            while not closed and time.monotonic() - started < 8:
                with contextlib.suppress(TimeoutError):
                    try:
                        if trickle and not reply:  # a byte every 0.25 s: never idle or done
                            sock.sendall(b" ")
                        chunk = sock.recv(4096)
                    except ConnectionResetError:  # closed while a trickled byte was unread
                        chunk = b""
                    closed = not chunk
                    reply += chunk
        assert closed and time.monotonic() - started < 4, reply[:80]
        if not trickle or reply:  # a reset may drop the reply to a trickling client
            assert reply.startswith(b"HTTP/1.1 408 "), reply[:80]
            assert b"connection: close" in reply.lower()
            assert b"did not arrive within 1 s" in reply


@pytest.mark.parametrize("sends", ["nothing", "a trickled head"])
def test_a_slow_head_is_cut_off_and_health_stays_fast(cli_env: dict[str, str],
                                                      sends: str) -> None:
    """A connection that sent nothing, or its request line and headers a byte at a time
    (each byte cancelling uvicorn's keep-alive timer), was held for ever: past
    POLICYKG_HEAD_TIMEOUT_S without a whole head it is closed."""
    with serving({**cli_env, "POLICYKG_HEAD_TIMEOUT_S": "1"}) as (base, _):
        host, port = base.removeprefix("http://").split(":")
        head = b"GET /health HTTP/1.1\r\nHost: x\r\nX-Slow: " + b"a" * 1000
        with socket.create_connection((host, int(port)), timeout=10) as sock:
            started = time.monotonic()
            health = time.monotonic()
            assert httpx.get(f"{base}/health", timeout=5).status_code == 200
            assert time.monotonic() - health < 1
            sock.settimeout(0.25)
            closed, sent = False, 0
            while not closed and time.monotonic() - started < 8:
                try:
                    if sends != "nothing" and sent < len(head):
                        sock.sendall(head[sent:sent + 1])
                        sent += 1
                    closed = sock.recv(4096) == b""
                except TimeoutError:
                    continue
                except OSError:  # reset while a trickled byte was unread
                    closed = True
        assert closed and time.monotonic() - started < 4
        assert httpx.get(f"{base}/health", timeout=5).status_code == 200


def test_a_request_that_takes_its_time_between_heads_is_served(cli_env: dict[str, str]
                                                               ) -> None:
    """The head limit counts from the previous response: a keep-alive connection that
    sends its next request within the limit is answered each time."""
    with serving({**cli_env, "POLICYKG_HEAD_TIMEOUT_S": "2"}) as (base, _), \
            httpx.Client(base_url=base, timeout=5) as client:
        for _ in range(3):
            assert client.get("/health").status_code == 200
            time.sleep(1.5)  # under the head limit and uvicorn's 5 s keep-alive
