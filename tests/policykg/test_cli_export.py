"""`policykg export` then `policykg import` into an empty graph loses nothing."""

from __future__ import annotations

import json
import uuid
from pathlib import Path
from typing import Any

import pytest

from queries.embedded import EmbeddedFalkorDB
from queries.export import dump_nodes, dump_relationships
from queries.falkordb_store import FalkorDBStore
from tests.policykg.test_cli import Run
from tests.shared_scorer import CORPUS


def contents(store: FalkorDBStore) -> tuple[list[str], list[str]]:
    """Node and relationship dumps, list properties sorted (RDF keeps no order), as sorted JSON."""
    def canon(props: dict[str, Any]) -> dict[str, Any]:
        return {k: sorted(v) if isinstance(v, list) else v for k, v in props.items()}
    nodes = sorted(json.dumps([label, canon(p)], sort_keys=True, ensure_ascii=False)
                   for label, p in dump_nodes(store))
    rels = sorted(json.dumps([t, s, o, canon(p)], sort_keys=True, ensure_ascii=False)
                  for t, s, o, p in dump_relationships(store))
    return nodes, rels


@pytest.mark.parametrize(("fmt", "suffix"), [("turtle", ".ttl"), ("jsonld", ".jsonld")])
def test_export_then_import_gives_the_same_graph(run: Run, embedded_falkordb: EmbeddedFalkorDB,
                                                 tmp_path: Path, fmt: str, suffix: str) -> None:
    source, copy = (f"cli_{uuid.uuid4().hex[:10]}" for _ in range(2))
    assert run("load", str(CORPUS), POLICYKG_GRAPH_NAME=source).returncode == 0
    out = tmp_path / f"graph{suffix}"
    exported = run("export", "--format", fmt, "--output", str(out), POLICYKG_GRAPH_NAME=source)
    assert exported.returncode == 0, exported.stderr
    imported = run("import", str(out), POLICYKG_GRAPH_NAME=copy)
    assert imported.returncode == 0, imported.stderr
    again = run("import", str(out), POLICYKG_GRAPH_NAME=copy)
    assert again.returncode == 2 and "import needs an empty graph" in again.stderr
    port = embedded_falkordb.status().port
    assert port is not None
    stores = [FalkorDBStore("127.0.0.1", port, name) for name in (source, copy)]
    try:
        before, after = (contents(s) for s in stores)
        assert len(before[0]) > 100 and len(before[1]) > 100
        assert before == after
    finally:
        for s in stores:
            s.drop_graph()
            s.close()


def test_import_refuses_what_is_not_an_export(run: Run, tmp_path: Path) -> None:
    bad = tmp_path / "bad.ttl"
    bad.write_text("<http://x> <http://y> <http://z> .\n<https://w3id.org/policykg/id/task/t> "
                   "a <https://w3id.org/policykg/Task> ; <https://w3id.org/policykg/nope> 1 .\n")
    out = run("import", str(bad))
    assert out.returncode == 2 and out.stderr.startswith(f"policykg: {bad}: not a policykg")
    assert run("import", str(tmp_path / "x.csv")).returncode == 2
