"""The layers point down: the import-linter contract in pyproject.toml holds, and fails
when a lower layer imports a higher one."""

from __future__ import annotations

import ast
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
LINT_IMPORTS = str(Path(sys.executable).with_name("lint-imports"))


def _lint(config: Path, pythonpath: Path) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "PYTHONPATH": str(pythonpath)}
    return subprocess.run([LINT_IMPORTS, "--config", str(config), "--no-cache"],
                          cwd=config.parent, env=env, capture_output=True, text=True,
                          timeout=120, check=False)


def test_the_layer_contract_is_kept() -> None:
    done = _lint(ROOT / "pyproject.toml", ROOT / "src")
    assert done.returncode == 0, done.stdout + done.stderr
    assert "1 kept, 0 broken" in done.stdout


def test_an_import_up_the_layers_breaks_the_contract(tmp_path: Path) -> None:
    package = tmp_path / "src" / "policykg"
    shutil.copytree(ROOT / "src" / "policykg", package,  # symlinks followed: a real tree
                    ignore=shutil.ignore_patterns("__pycache__", "corpus"))
    with (package / "core" / "vntext.py").open("a", encoding="utf-8") as fh:
        fh.write("\nimport policykg.queries.store  # noqa: E402 - wrong on purpose\n")
    shutil.copy2(ROOT / "pyproject.toml", tmp_path / "pyproject.toml")
    done = _lint(tmp_path / "pyproject.toml", tmp_path / "src")
    assert done.returncode == 1, done.stdout + done.stderr
    assert "policykg.core is not allowed to import policykg.queries" in done.stdout
    assert "policykg.core.vntext -> policykg.queries.store" in done.stdout


LAYERS = ("core", "ontology", "queries", "loaders", "api", "cli")
CYPHER = re.compile(r"\b(?:MATCH|MERGE|CREATE)\s*\(|\bUNWIND\s+\S+\s+AS\b"
                    r"|\bRETURN\s+[\w.()]+\s+AS\b")
# Cypher shown to users as an example, not run: OpenAPI examples.
CYPHER_EXAMPLES = {"api/models.py"}


def _modules() -> list[Path]:
    return sorted(p for layer in LAYERS for p in (ROOT / layer).rglob("*.py"))


def test_imports_inside_functions_say_why() -> None:
    """Imports go at the top of a module; one inside a function (start-up time, an
    optional platform package) carries a ``# lazy:`` comment on its line or the line
    before, saying why."""
    unexplained = []
    for path in _modules():
        lines = path.read_text(encoding="utf-8").splitlines()
        for node in ast.walk(ast.parse("\n".join(lines))):
            if not isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef):
                continue
            for sub in ast.walk(node):
                if isinstance(sub, ast.Import | ast.ImportFrom):
                    here = lines[sub.lineno - 1] + lines[sub.lineno - 2]
                    if "# lazy:" not in here and "# lazy: as above" not in here:
                        unexplained.append(f"{path.relative_to(ROOT)}:{sub.lineno}")
    assert unexplained == []


def test_all_cypher_lives_in_cypher_files() -> None:
    found = []
    for path in _modules():
        if path.relative_to(ROOT).as_posix() in CYPHER_EXAMPLES:
            continue
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Constant) and isinstance(node.value, str) \
                    and CYPHER.search(node.value):
                found.append(f"{path.relative_to(ROOT)}:{node.lineno}")
    assert found == []
