"""Every .cypher file passes Neo4j's own Cypher linter (run under Node).

The linter comes from ``npm ci`` (package.json pins
@neo4j-cypher/language-support 2.0.0-next.38).  Without it the test is skipped
locally but fails under CI, where ``make test`` installs it.  Every file is
linted, the FalkorDB-only ones too: they use no syntax Neo4j's parser rejects
(FalkorDB's unique constraints are ``// unique:`` comments, not Cypher).
"""

from __future__ import annotations

import hashlib
import json
import os
import shutil
import subprocess
from pathlib import Path
from typing import Any

import pytest

from policykg.ontology import mapping as m
from policykg.queries.catalog import ENGINES, QUERIES_DIR, load_catalog, load_writes

ROOT = QUERIES_DIR.parent
SCRIPT = Path(__file__).with_name("lint_cypher.mjs")
PACKAGE = ROOT / "node_modules" / "@neo4j-cypher" / "language-support"
SAMPLES: dict[str, Any] = {"string": "", "integer": 0, "float": 0.0, "boolean": False,
                           "list": [], "map": {}}


def _need_linter() -> None:
    if PACKAGE.is_dir() and shutil.which("node"):
        return
    reason = "requires node and node_modules/@neo4j-cypher/language-support (run `npm ci`)"
    if os.environ.get("CI", "").lower() not in ("", "0", "false"):
        pytest.fail(reason + "; CI is set, so it must be installed")
    pytest.skip(reason)


def db_schema() -> dict[str, Any]:
    """Labels, relationship types and property keys from the mapping; the queries' parameters."""
    props = {"id"} | {p.name for t in (*m.NODE_TYPES, *m.REL_TYPES) for p in t.props}
    params: dict[str, Any] = {}
    for engine in ENGINES:
        for query in (*load_catalog(engine).values(), *load_writes(engine).values()):
            for p in query.params:
                params.setdefault(p.name, SAMPLES[p.type])
    return {"labels": [n.label for n in m.NODE_TYPES],
            "relationshipTypes": [r.type for r in m.REL_TYPES],
            "propertyKeys": sorted(props), "parameters": params}


def lint(files: list[Path], tmp_path: Path) -> list[dict[str, Any]]:
    schema = tmp_path / "schema.json"
    schema.write_text(json.dumps(db_schema()))
    done = subprocess.run(["node", str(SCRIPT), str(schema), *map(str, files)], cwd=ROOT,
                          capture_output=True, text=True, timeout=120, check=False)
    assert done.returncode == 0, done.stderr
    found: list[dict[str, Any]] = json.loads(done.stdout)
    return found


def _fingerprint(files: list[Path]) -> str:
    """What the lint result depends on: the files, the schema, the script, the linter."""
    digest = hashlib.sha256(json.dumps(db_schema(), sort_keys=True).encode())
    for path in (*files, SCRIPT, ROOT / "package-lock.json"):
        digest.update(str(path.relative_to(ROOT)).encode() + b"\0" + path.read_bytes())
    return digest.hexdigest()


def test_every_query_file_has_no_lint_error(tmp_path: Path, request: pytest.FixtureRequest
                                            ) -> None:
    """All files in one run of the linter; a clean result is remembered (pytest's cache)
    for the same files, schema and linter, so an unchanged tree is not linted again."""
    _need_linter()
    files = sorted(QUERIES_DIR.glob("**/*.cypher"))
    assert QUERIES_DIR / "lineage.cypher" in files
    cache = getattr(request.config, "cache", None)  # none under -p no:cacheprovider
    key, fingerprint = "policykg/cypher-lint-clean", _fingerprint(files)
    if cache is not None and cache.get(key, None) == fingerprint:
        return
    errors = [f"{d['file']}:{d['line']}:{d['column']}: {d['message']}"
              for d in lint(files, tmp_path) if d["severity"] == "error"]
    assert errors == []
    if cache is not None:
        cache.set(key, fingerprint)


def test_a_broken_query_is_reported(tmp_path: Path) -> None:
    _need_linter()
    broken = tmp_path / "broken.cypher"
    broken.write_text("// name: ok\n// title: t\nRETURN 1 AS one\n\n"
                      "// name: broken\n// title: t\nMATCH (d:Document\nRETURN $nope\n")
    errors = [d for d in lint([broken], tmp_path) if d["severity"] == "error"]
    assert errors and {d["line"] for d in errors} == {8}
    assert any("$nope is not defined" in d["message"] for d in errors)
