"""`policykg export` then `policykg import` into an empty graph loses nothing."""

from __future__ import annotations

import argparse
import json
import uuid
from pathlib import Path
from typing import Any

import pytest

from policykg.core.errors import GraphUnavailable, InputError
from policykg.queries.embedded import EmbeddedFalkorDB
from policykg.queries.export import dump_nodes, dump_relationships
from policykg.queries.falkordb_store import FalkorDBStore
from tests.cli.conftest import Run
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


def test_import_refuses_a_relationship_to_a_node_not_in_the_file(run: Run,
                                                                  tmp_path: Path) -> None:
    task, body = (f"<https://w3id.org/policykg/id/{kind}>" for kind in ("task/t1", "body/b1"))
    bad = tmp_path / "dangling.ttl"
    bad.write_text(f"{task} a <https://w3id.org/policykg/Task> ;\n"
                   f"    <https://w3id.org/policykg/ownedBy> {body} .\n")
    out = run("import", str(bad))
    assert out.returncode == 2
    assert "b1 is not a Body of the file" in out.stderr, out.stderr


def _small_export(store: FalkorDBStore, path: Path) -> Path:
    """A two-node graph written to ``store`` and exported to ``path`` (Turtle)."""
    from policykg.ontology.rdf import to_rdf
    from policykg.queries.bulk import write_dump

    write_dump(store, [("Task", {"id": "t1"}), ("Body", {"id": "b1", "name": "B"})],
               [("OWNED_BY", "t1", "b1", {})])
    path.write_text(to_rdf(dump_nodes(store), dump_relationships(store))
                    .serialize(format="turtle"))
    return path


class FailingSecondWrite:
    """A store whose second write fails, as a server that goes away mid-import."""

    def __init__(self, store: FalkorDBStore) -> None:
        self.store, self.writes = store, 0

    def write(self, statements: Any) -> None:
        self.writes += 1
        if self.writes == 2:
            raise GraphUnavailable("the server went away")
        self.store.write(statements)

    def __getattr__(self, name: str) -> Any:
        return getattr(self.store, name)


def test_an_import_that_fails_midway_leaves_the_graph_empty(
        falkordb_store: FalkorDBStore, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from policykg.cli import export as cli_export

    export = _small_export(falkordb_store, tmp_path / "small.ttl")
    falkordb_store.clear()
    failing = FailingSecondWrite(falkordb_store)
    monkeypatch.setattr(cli_export, "open_store", lambda: failing)
    monkeypatch.setattr(falkordb_store, "close", lambda: None)
    with pytest.raises(GraphUnavailable):
        cli_export.cmd_import(argparse.Namespace(file=export, quiet=False, replace=False))
    assert failing.writes == 2 and falkordb_store.count_nodes() == 0


class InterruptedWrite(FailingSecondWrite):
    """A store whose second write is interrupted (Ctrl-C)."""

    def write(self, statements: Any) -> None:
        self.writes += 1
        if self.writes == 2:
            raise KeyboardInterrupt
        self.store.write(statements)


def test_an_interrupted_import_leaves_the_graph_empty_and_replace_reruns_it(
        falkordb_store: FalkorDBStore, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from policykg.cli import export as cli_export

    export = _small_export(falkordb_store, tmp_path / "small.ttl")
    monkeypatch.setattr(falkordb_store, "close", lambda: None)
    interrupted = InterruptedWrite(falkordb_store)
    monkeypatch.setattr(cli_export, "open_store", lambda: interrupted)
    with pytest.raises(KeyboardInterrupt):  # the graph held nodes: --replace empties it
        cli_export.cmd_import(argparse.Namespace(file=export, quiet=True, replace=True))
    assert falkordb_store.count_nodes() == 0
    monkeypatch.setattr(cli_export, "open_store", lambda: falkordb_store)
    _small_export(falkordb_store, tmp_path / "again.ttl")  # the graph holds nodes again
    with pytest.raises(InputError, match="--replace empties it first"):
        cli_export.cmd_import(argparse.Namespace(file=export, quiet=True, replace=False))
    assert cli_export.cmd_import(argparse.Namespace(file=export, quiet=True, replace=True)) == 0
    assert falkordb_store.count_nodes() == 2
