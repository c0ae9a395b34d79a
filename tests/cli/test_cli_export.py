"""`policykg export` then `policykg import` into an empty graph loses nothing."""

from __future__ import annotations

import argparse
import json
import os
import signal
import subprocess
import time
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import pytest

from policykg.core.errors import GraphUnavailable, InputError
from policykg.ontology.rdf import to_rdf
from policykg.queries.embedded import EmbeddedFalkorDB
from policykg.queries.export import dump_nodes, dump_relationships
from policykg.queries.falkordb_store import SCRATCH_MARK, FalkorDBStore
from tests.cli.conftest import POLICYKG, Run
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
    from policykg.queries.bulk import write_dump

    write_dump(store, [("Task", {"id": "t1"}), ("Body", {"id": "b1", "name": "B"})],
               [("OWNED_BY", "t1", "b1", {})])
    path.write_text(to_rdf(dump_nodes(store), dump_relationships(store))
                    .serialize(format="turtle"))
    return path


class FailingSecondWrite:
    """A store whose import's second write fails, as a server that goes away mid-import."""

    def __init__(self, store: FalkorDBStore) -> None:
        self.store, self.writes = store, 0

    def fail(self) -> None:
        raise GraphUnavailable("the server went away")

    @contextmanager
    def staging(self) -> Iterator[Any]:
        with self.store.staging() as staged:
            yield _Staged(self, staged)

    def __getattr__(self, name: str) -> Any:
        return getattr(self.store, name)


class _Staged:
    def __init__(self, outer: FailingSecondWrite, staged: FalkorDBStore) -> None:
        self.outer, self.staged = outer, staged

    def write(self, statements: Any, then: Any = ()) -> None:
        self.outer.writes += 1
        if self.outer.writes == 2:
            self.outer.fail()
        self.staged.write(statements, then)

    def __getattr__(self, name: str) -> Any:
        return getattr(self.staged, name)


class InterruptedWrite(FailingSecondWrite):
    """A store whose import's second write is interrupted (Ctrl-C)."""

    def fail(self) -> None:
        raise KeyboardInterrupt


@pytest.mark.parametrize(("kind", "error"), [(FailingSecondWrite, GraphUnavailable),
                                             (InterruptedWrite, KeyboardInterrupt)])
def test_an_import_that_fails_midway_leaves_the_graph_as_it_was(
        falkordb_store: FalkorDBStore, tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
        kind: type[FailingSecondWrite], error: type[BaseException]) -> None:
    from policykg.cli import export as cli_export
    from policykg.queries.bulk import write_dump

    export = _small_export(falkordb_store, tmp_path / "small.ttl")
    falkordb_store.clear()
    write_dump(falkordb_store, [("Task", {"id": "kept"})], [])
    before = contents(falkordb_store)
    failing = kind(falkordb_store)
    monkeypatch.setattr(cli_export, "open_store", lambda: failing)
    monkeypatch.setattr(falkordb_store, "close", lambda: None)
    with pytest.raises(error):
        cli_export.cmd_import(argparse.Namespace(file=export, quiet=True, replace=True))
    assert failing.writes == 2 and contents(falkordb_store) == before
    assert _staged(falkordb_store) == []
    monkeypatch.setattr(cli_export, "open_store", lambda: falkordb_store)
    with pytest.raises(InputError, match="--replace replaces it"):
        cli_export.cmd_import(argparse.Namespace(file=export, quiet=True, replace=False))

def _staged(store: FalkorDBStore) -> list[str]:
    prefix = f"{store.graph_name}{SCRATCH_MARK}"
    return [g for g in store._db.list_graphs() if g.startswith(prefix)]


def test_an_import_killed_midway_leaves_the_graph_as_it_was(
        falkordb_store: FalkorDBStore, cli_env: dict[str, str], tmp_path: Path) -> None:
    """Before, ``import --replace`` emptied the graph and wrote it batch by batch: a
    kill -9 left a half-written graph (8 203 nodes of a 13 369-relationship export)."""
    big = tmp_path / "big.ttl"
    tasks = [("Task", {"id": f"t{i}"}) for i in range(10_000)]
    owned: list[tuple[str, str, str, dict[str, Any]]] = [
        ("OWNED_BY", f"t{i}", "b1", {}) for i in range(10_000)]
    big.write_text(to_rdf([*tasks, ("Body", {"id": "b1", "name": "B"})], owned)
                   .serialize(format="turtle"))
    _small_export(falkordb_store, tmp_path / "small.ttl")
    before = contents(falkordb_store)
    env = {**os.environ, **cli_env, "POLICYKG_GRAPH_NAME": falkordb_store.graph_name}
    proc = subprocess.Popen([POLICYKG, "import", "--replace", "--quiet", str(big)], env=env,
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        deadline = time.monotonic() + 60
        while falkordb_store.count_nodes() == 2 and not any(
                falkordb_store._db.select_graph(g).query("MATCH (n) RETURN count(n)")
                .result_set[0][0] for g in _staged(falkordb_store)):
            assert proc.poll() is None and time.monotonic() < deadline
            time.sleep(0.005)
        assert proc.poll() is None  # killed while writing
        proc.send_signal(signal.SIGKILL)
    finally:
        proc.wait()
    assert contents(falkordb_store) == before
    falkordb_store.ensure_schema()  # as any command opening the store: sweeps the staging
    assert _staged(falkordb_store) == []


def test_an_import_replaces_the_graph_whole(falkordb_store: FalkorDBStore,
                                            tmp_path: Path,
                                            monkeypatch: pytest.MonkeyPatch) -> None:
    from policykg.cli import export as cli_export

    export = _small_export(falkordb_store, tmp_path / "small.ttl")
    monkeypatch.setattr(falkordb_store, "close", lambda: None)
    monkeypatch.setattr(cli_export, "open_store", lambda: falkordb_store)
    assert cli_export.cmd_import(argparse.Namespace(file=export, quiet=True, replace=True)) == 0
    assert falkordb_store.count_nodes() == 2 and _staged(falkordb_store) == []
