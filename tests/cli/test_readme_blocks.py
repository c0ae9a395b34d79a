"""The README's runnable blocks, run: documentation tested.

A shell block right after a ``<!-- runnable: … -->`` comment is run on the bundled corpus,
loaded into a graph of the test's own.  In such a block every line is one of:

* ``policykg ARGS…`` (a trailing ``# comment`` is not part of it): run as the user runs
  it; it must exit 0, and the ``# …`` lines right after it are its output: ``# stderr: …``
  lines its stderr, the others its stdout (trailing spaces aside), all of it;
* ``curl -s 'http://127.0.0.1:8000/PATH'``: a GET of the API on the same graph, which
  must answer 200 with JSON;
* a blank line, or a ``# …`` comment after a blank line (prose).

Anything else fails the test: a block marked runnable never skips a line.
"""

from __future__ import annotations

import re
import shlex
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from policykg.api.app import create_app
from policykg.queries.embedded import EmbeddedFalkorDB
from policykg.queries.falkordb_store import FalkorDBStore
from tests.api.conftest import Borrowed
from tests.cli.conftest import Run
from tests.readme_blocks import Command, blocks, commands
from tests.shared_scorer import CORPUS

_CURL = re.compile(r"^curl -s '(?:http://)?(?:127\.0\.0\.1|localhost):8000(/[^']*)'$")


def _steps(block: str, first_line: int) -> list[Command]:
    """The block's commands, their trailing ``# comment`` left out."""
    return [Command(c.line, re.sub(r"\s+#\s.*$", "", c.text).strip(), c.stdout, c.stderr)
            for c in commands(block, first_line)]


def _blocks() -> list[tuple[int, str]]:
    return blocks("runnable:")


def test_the_readme_has_runnable_blocks() -> None:
    blocks = _blocks()
    assert len(blocks) >= 1
    steps = [s for line, block in blocks for s in _steps(block, line)]
    assert sum(s.text.startswith("policykg ") for s in steps) >= 4
    assert sum(s.text.startswith("curl ") for s in steps) >= 3


@pytest.mark.parametrize("start,block", _blocks(), ids=lambda v: str(v)[:40])
def test_a_runnable_block_runs_and_shows_its_output(
        run: Run, cli_env: dict[str, str], embedded_falkordb: EmbeddedFalkorDB,
        start: int, block: str) -> None:
    assert run("load", str(CORPUS)).returncode == 0
    port = embedded_falkordb.status().port
    assert port is not None
    store = FalkorDBStore("127.0.0.1", port, cli_env["POLICYKG_GRAPH_NAME"])
    try:
        with TestClient(create_app(lambda: Borrowed(store))) as client:
            for step in _steps(block, start):
                where = f"README.md:{step.line}: {step.text}"
                if step.text.startswith("policykg "):
                    out = run(*shlex.split(step.text)[1:])
                    assert out.returncode == 0, (where, out.stderr)
                    if step.stdout or step.stderr:
                        assert [s.rstrip() for s in out.stdout.splitlines()] == step.stdout, where
                        assert out.stderr.splitlines() == step.stderr, where
                    continue
                curl = _CURL.match(step.text)
                assert curl, f"{where}: not a command a runnable block may hold"
                response = client.get(curl.group(1))
                assert response.status_code == 200, (where, response.text)
                assert response.json(), where
    finally:
        store.drop_graph()
        store.close()


def test_a_shown_output_that_differs_fails(run: Run, tmp_path: Path) -> None:
    """The comparison has teeth: a wrong line is caught."""
    [step] = _steps('policykg trace "KL 69"\n# 69-KL/TW (2024) → 20-NQ/TW (2013)\n', 1)
    assert run("load", str(CORPUS / "kon-tum_ke-hoach_kl69.txt")).returncode == 0
    out = run(*shlex.split(step.text)[1:])
    assert out.stdout.splitlines() != step.stdout
    assert out.stdout.splitlines() == ["69-KL/TW (2024) → 20-NQ/TW (2012)"]
