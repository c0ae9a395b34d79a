"""``policykg serve`` as a process: its access log (a line per request, with the request
id) written by a background thread, ``--no-access-log``, ``--workers``."""

from __future__ import annotations

import os
import socket
import subprocess
import time
from collections.abc import Iterator
from contextlib import contextmanager

import httpx
import pytest

from tests.cli.conftest import POLICYKG, Run


@contextmanager
def serving(env: dict[str, str], *args: str) -> Iterator[tuple[str, subprocess.Popen[str]]]:
    """``policykg serve ARGS…`` on a free port, until it answers; stopped after."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    server = subprocess.Popen([POLICYKG, "serve", "--port", str(port), *args],
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
