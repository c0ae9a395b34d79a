"""The README's shell blocks, run in bash beside a real server: documentation tested.

A shell block right after a ``<!-- runnable in a shell… -->`` comment is run as a reader
runs it: each command in ``bash`` from the repository's root, with the project's
``policykg`` on the PATH, an embedded graph of its own (data in a fresh folder) holding
the bundled corpus, and ``policykg serve`` answering, started with the key the README
names (``POLICYKG_API_KEYS=s3cret``); ``localhost:8000`` and ``127.0.0.1:8000`` are
rewritten to the server's port.  A command may span lines (a trailing ``\\``, an open
quote, a here-document).  Every command must exit 0; the ``# …`` lines right after it
are its output, compared with what it printed: ``# stderr: …`` lines its stderr (only
when shown), the others all of its stdout (nothing shown: it must print nothing).  In a
shown line ``…`` stands for any text, and a line of ``…`` alone for any lines.  A
``# …`` line after a blank line is prose.
"""

from __future__ import annotations

import os
import re
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest

from tests.ports import free_port
from tests.readme_blocks import Command, blocks, commands, shown
from tests.shared_scorer import ROOT

_PORT = re.compile(r"\b(?:localhost|127\.0\.0\.1):8000\b")
BIN = Path(sys.executable).parent
KEY = "s3cret"  # the key the README's block starts the server with
# one worker runs them all under pytest-xdist, so the module's server starts once
pytestmark = pytest.mark.xdist_group("readme-shell")
_BLOCKS = blocks("runnable in a shell")


@pytest.fixture(scope="module")
def served(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[dict[str, str], int]]:
    """The environment of a reader's shell, and the port ``policykg serve`` answers on."""
    env = {k: v for k, v in os.environ.items() if not k.startswith(("POLICYKG_", "NEO4J_"))}
    env.update(PATH=f"{BIN}{os.pathsep}{env.get('PATH', '')}", COLUMNS="100",
               POLICYKG_DATA_DIR=str(tmp_path_factory.mktemp("readme-shell")))

    def cli(*args: str) -> None:
        done = subprocess.run([str(BIN / "policykg"), *args], env=env, cwd=ROOT,
                              capture_output=True, text=True, timeout=120, check=False)
        assert done.returncode == 0, (args, done.stderr)

    cli("db", "start")
    server: subprocess.Popen[bytes] | None = None
    try:
        cli("load", "corpus", "--quiet")
        port = free_port()
        server = started = subprocess.Popen(
            [str(BIN / "policykg"), "serve", "--port", str(port)],
            env={**env, "POLICYKG_API_KEYS": KEY}, cwd=ROOT,
            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        deadline = time.monotonic() + 60
        while True:
            assert started.poll() is None and time.monotonic() < deadline, "serve did not start"
            try:
                if httpx.get(f"http://127.0.0.1:{port}/ready").status_code == 200:
                    break
            except httpx.TransportError:
                time.sleep(0.1)
        yield env, port
    finally:
        if server is not None:
            server.terminate()
            server.wait(timeout=30)
        cli("db", "stop")


def test_the_readme_has_shell_blocks() -> None:
    found = [c for line, block in _BLOCKS for c in commands(block, line)]
    assert sum(c.text.startswith("curl ") for c in found) >= 6
    assert sum(c.text.startswith("policykg ") for c in found) >= 2
    assert any("<<EOF" in c.text for c in found)


def run_block(found: list[Command], env: dict[str, str]) -> list[tuple[int, str, str]]:
    """Each command's exit code, stdout and stderr, run one after another in one bash (so
    a variable a command sets is there for the next), cut apart by marks it prints."""
    script = "".join(f"{c.text}\nprintf '\\n\\036%d\\036\\n' $?\nprintf '\\036' >&2\n"
                     for c in found)
    done = subprocess.run(["bash", "-c", script], env=env, cwd=ROOT, capture_output=True,
                          text=True, timeout=300, check=False)
    outs = re.split(r"\n\x1e(\d+)\x1e\n", done.stdout)
    errs = done.stderr.split("\x1e")
    assert len(outs) == 2 * len(found) + 1 and len(errs) == len(found) + 1, done
    return [(int(outs[2 * k + 1]), outs[2 * k], errs[k]) for k in range(len(found))]


@pytest.mark.parametrize("start,block", _BLOCKS, ids=lambda v: str(v)[:40])
def test_a_shell_block_runs_and_shows_its_output(served: tuple[dict[str, str], int],
                                                 start: int, block: str) -> None:
    env, port = served
    found = [Command(c.line, _PORT.sub(f"127.0.0.1:{port}", c.text), c.stdout, c.stderr)
             for c in commands(block, start)]
    for command, (code, out, err) in zip(found, run_block(found, env), strict=True):
        where = f"README.md:{command.line}: {command.text}"
        assert code == 0, (where, err)
        assert shown(command.stdout, out), (where, out)
        if command.stderr:
            assert shown(command.stderr, err), (where, err)


def test_commands_and_outputs_are_told_apart() -> None:
    block = ("curl -s -d '{\n  \"a\": 1}' x \\\n  -H y\n# {\"ok\":…}\n\n# prose\n"
             "python - <<EOF\nprint(1)\n# not output\nEOF\n# 1\n")
    first, second = commands(block, 10)
    assert (first.line, first.stdout) == (10, ['{"ok":…}'])
    assert first.text.endswith("-H y")
    assert (second.line, second.text.count("\n"), second.stdout) == (16, 3, ["1"])


def test_a_shown_output_that_differs_fails() -> None:
    """The comparison has teeth: a wrong line, a missing line or an extra one is caught."""
    assert shown(["a…c", "…", "z"], "abc\nx\ny\nz\n")
    assert shown([], "")
    assert not shown([], "something\n")
    assert not shown(["a…c"], "abd\n")
    assert not shown(["a", "b"], "a\n")
    assert not shown(["a"], "a\nb\n")
