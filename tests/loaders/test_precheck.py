"""Validation at load time: a document is checked before it is written; reject leaves nothing.

Each test runs with both checkers: the Cypher rules in a scratch graph (a store that
lends one, FalkorDB) and pyshacl (any other store).
"""

from __future__ import annotations

import subprocess
from pathlib import Path
from typing import cast

import pytest
from redis import Redis

from bench.corpus import write_batch
from policykg.core.errors import DocumentRejected
from policykg.loaders.batch import FileFailure, discover, extract_batch
from policykg.loaders.load import LoadResult, batches, load_extraction, load_files
from policykg.loaders.precheck import ScratchGraphs
from policykg.ontology import mapping as m
from policykg.ontology.records import Extraction
from policykg.queries.export import dump_nodes, dump_relationships
from policykg.queries.falkordb_store import SCRATCH_MARK, FalkorDBStore
from policykg.queries.rules import run_rules
from policykg.queries.store import GraphStore
from tests.shared_scorer import CORPUS
from tests.stores import WithoutScratch


@pytest.fixture(params=["rules in a scratch graph", "pyshacl"])
def checked(request: pytest.FixtureRequest, store: GraphStore) -> GraphStore:
    """The store, checked at load time by the rules where it can, or by pyshacl."""
    if request.param == "pyshacl":
        wrapped = cast(GraphStore, WithoutScratch(store))
        assert not isinstance(wrapped, ScratchGraphs)
        return wrapped
    if not isinstance(store, ScratchGraphs):
        pytest.skip(f"{store.engine} lends no scratch graph")
    return store


def extraction(name: str) -> Extraction:
    items = list(extract_batch(discover([CORPUS / name])))
    assert len(items) == 1 and not isinstance(items[0], FileFailure)
    return items[0]


def dump(store: GraphStore) -> tuple[list[object], list[object]]:
    return list(dump_nodes(store)), list(dump_relationships(store))


def test_reject_leaves_the_graph_as_it_was(checked: GraphStore) -> None:
    store = checked
    load_extraction(store, extraction("kon-tum_ke-hoach_kl69.txt"), "reject")  # conforms
    before = dump(store)
    with pytest.raises(DocumentRejected) as caught:
        load_extraction(store, extraction("thai-nguyen_29-CTr-TU_2013.txt"), "reject")
    assert dump(store) == before
    rejected = caught.value
    assert rejected.document_id == "thai-nguyen:2013:29-ctr-tu"
    assert len(rejected.violations) == 30
    assert {f.shape.rsplit("/", 1)[-1] for f in rejected.violations} == {"TaskOwner"}
    assert "thai-nguyen_29-CTr-TU_2013.txt" in str(rejected)


def test_warn_stores_the_document_and_reports_its_findings(checked: GraphStore) -> None:
    store = checked
    result = load_extraction(store, extraction("thai-nguyen_29-CTr-TU_2013.txt"), "warn")
    assert sum(f.severity == "Violation" for f in result.findings) == 30
    assert store.count_nodes() > 0


def test_load_time_findings_match_the_whole_graph_on_the_documents_own_nodes(
        checked: GraphStore) -> None:
    store = checked
    at_load: set[tuple[str, str, str]] = set()
    for item in extract_batch(discover([CORPUS])):
        assert not isinstance(item, FileFailure)
        result = load_extraction(store, item, "warn")
        at_load |= {(f.shape, f.severity, f.focus) for f in result.findings}
    # A loaded document owns every node but the stubs: itself, its tasks, its targets.
    own = {m.node_iri(m.NODE_BY_LABEL[label], p["id"]) for label, p in dump_nodes(store)
           if not p.get("stub")}
    graph = {(f.shape, f.severity, f.focus) for f in run_rules(store).findings
             if f.focus in own}
    assert at_load == graph
    assert len([k for k in at_load if k[1] == "Violation"]) == 48


def scratch_graphs(store: FalkorDBStore) -> list[str]:
    graphs = Redis(host=store.host, port=store.port).execute_command("GRAPH.LIST")  # type: ignore[no-untyped-call]
    return [g.decode() for g in graphs if SCRATCH_MARK in g.decode()]


def test_a_scratch_graph_is_deleted_after_use_even_on_error(
        falkordb_store: FalkorDBStore) -> None:
    with falkordb_store.scratch() as scratch:
        scratch.write([("CREATE (:Document {id: 'x'})", {})])
        assert scratch_graphs(falkordb_store) == [scratch.graph_name]
        assert falkordb_store.count_nodes() == 0
    with pytest.raises(RuntimeError), falkordb_store.scratch() as scratch:
        scratch.write([("CREATE (:Document {id: 'x'})", {})])
        raise RuntimeError("a check failed")
    assert scratch_graphs(falkordb_store) == []
    load_extraction(falkordb_store, extraction("thai-nguyen_29-CTr-TU_2013.txt"), "warn")
    assert scratch_graphs(falkordb_store) == []


def test_a_scratch_graph_left_by_a_dead_loader_is_swept(falkordb_store: FalkorDBStore) -> None:
    """A loader killed during its check left its scratch graph behind (9 of 16 kills)."""
    dead = subprocess.Popen(["true"])
    dead.wait()
    orphan = f"{falkordb_store.graph_name}{SCRATCH_MARK}{dead.pid}-0123abcd"
    falkordb_store._db.select_graph(orphan).query("CREATE (:Document {id: 'x'})")
    with falkordb_store.scratch() as mine:
        mine.write([("CREATE (:Document {id: 'y'})", {})])
        assert falkordb_store.sweep_scratch_graphs() == [orphan]  # not ours, still in use
        assert scratch_graphs(falkordb_store) == [mine.graph_name]


def test_a_batch_checked_together_gets_each_document_its_own_findings(
        checked: GraphStore, tmp_path: Path) -> None:
    store = checked
    write_batch(tmp_path, 12)
    items = [i for i in extract_batch(discover([CORPUS, tmp_path]))
             if isinstance(i, Extraction)]
    one_by_one = [(r.document_id, sorted(map(repr, r.findings)))
                  for r in (load_extraction(store, item, "warn") for item in items)]
    first = dump(store)
    store.clear()
    assert max(len(b) for b in batches(items)) > 1
    together = [(r.document_id, sorted(map(repr, r.findings)))
                for r in load_files(store, [CORPUS, tmp_path], "warn")
                if isinstance(r, LoadResult)]
    assert together == one_by_one
    assert sum(len(f) for _, f in together) > 0
    assert dump(store) == first
