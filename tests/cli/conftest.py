"""Fixtures of the CLI tests: ``run`` calls ``policykg`` in this process, as ``main(argv)``
with the environment a user would set; ``process`` runs the installed ``policykg`` script
(for the few things only a real process shows: the entry point, signals, pipes)."""

from __future__ import annotations

import os
import subprocess
import sys
import uuid
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest

from policykg.cli.main import main
from policykg.core.settings import get_settings
from policykg.queries.embedded import EmbeddedFalkorDB

POLICYKG = str(Path(sys.executable).with_name("policykg"))


@dataclass(frozen=True)
class Result:
    """What a command did: its exit code and what it wrote."""

    returncode: int
    stdout: str
    stderr: str


Run = Callable[..., Result]
Process = Callable[..., subprocess.CompletedProcess[str]]


@pytest.fixture
def cli_env(embedded_falkordb: EmbeddedFalkorDB, tmp_path: Path) -> dict[str, str]:
    """Settings naming a fresh graph on the session's FalkorDB."""
    port = embedded_falkordb.status().port
    return {"POLICYKG_GRAPH_URL": f"falkordb://127.0.0.1:{port}",
            "POLICYKG_GRAPH_NAME": f"cli_{uuid.uuid4().hex[:10]}",
            "POLICYKG_DATA_DIR": str(tmp_path / "data")}


@pytest.fixture
def run(cli_env: dict[str, str], capsys: pytest.CaptureFixture[str],
        monkeypatch: pytest.MonkeyPatch) -> Iterator[Run]:
    """Run ``policykg ARGS…`` in this process; keyword arguments set more variables."""

    def _run(*args: str, **env: str) -> Result:
        capsys.readouterr()
        with monkeypatch.context() as mp:
            for name, value in {**cli_env, **env}.items():
                mp.setenv(name, value)
            get_settings.cache_clear()
            try:
                code = main(list(args))
            except SystemExit as exc:  # argparse: --help, usage errors
                code = exc.code if isinstance(exc.code, int) else 2
            finally:
                get_settings.cache_clear()
        out = capsys.readouterr()
        return Result(code, out.out, out.err)

    yield _run
    get_settings.cache_clear()


@pytest.fixture
def process(cli_env: dict[str, str]) -> Process:
    """Run the installed ``policykg`` script in a process of its own."""

    def _run(*args: str, **env: str) -> subprocess.CompletedProcess[str]:
        return subprocess.run([POLICYKG, *args], env={**os.environ, **cli_env, **env},
                              capture_output=True, text=True, timeout=120, check=False)
    return _run

