"""Validation runs of the graph engine: what they read."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from policykg.loaders.load import LoadFailure, load_files
from policykg.ontology import mapping as m
from policykg.ontology.mapping import node_iri
from policykg.ontology.shapeinfo import shape_infos
from policykg.ontology.validation import Finding
from policykg.queries.bulk import write_dump
from policykg.queries.export import document_slice
from policykg.queries.falkordb_store import FalkorDBStore
from policykg.queries.store import GraphStore
from policykg.queries.validation import validate_store
from tests.shared_scorer import CORPUS
from tests.synthetic import Synthetic


class Recording:
    """The store, counting its reads."""

    def __init__(self, store: FalkorDBStore) -> None:
        self.store, self.reads = store, 0

    def read(self, query: str, params: Mapping[str, Any] | None = None,
             **kwargs: Any) -> list[dict[str, Any]]:
        self.reads += 1
        return self.store.read(query, params, **kwargs)

    def __getattr__(self, name: str) -> Any:
        return getattr(self.store, name)


def test_a_run_without_names_reads_only_the_rules(falkordb_store: FalkorDBStore) -> None:
    synthetic = Synthetic(tasks=200, every=3)
    write_dump(falkordb_store, synthetic.nodes(), synthetic.relationships())
    named, unnamed = Recording(falkordb_store), Recording(falkordb_store)
    with_names = validate_store(named, None, "graph")
    without = validate_store(unnamed, None, "graph", names=False)
    assert without.report == with_names.report and without.names == {}
    assert unnamed.reads == len(shape_infos()) < named.reads
    assert set(with_names.names) == {f.focus for f in with_names.report.findings}


def test_one_document_gets_the_findings_of_the_whole_graph_on_its_nodes(
        store: GraphStore) -> None:
    """Per document, pyshacl on its subgraph, the in-graph rules on it, and either
    engine on the whole graph agree on the document's own nodes."""
    for item in load_files(store, [CORPUS]):
        assert not isinstance(item, LoadFailure), item
    whole = {_key(f) for f in validate_store(store, None, "shacl", names=False).report.findings}
    rows = store.read("MATCH (d:Document) WHERE d.stub = false RETURN d.id AS id")
    assert len(rows) == 5
    for row in rows:
        nodes, _ = document_slice(store, row["id"])
        own = {node_iri(m.NODE_BY_LABEL[label], p["id"]) for label, p in nodes}
        by_shacl = {_key(f) for f in validate_store(store, row["id"], "shacl").report.findings}
        by_rules = {_key(f) for f in validate_store(store, row["id"], "graph").report.findings}
        expected = {k for k in whole if k[2] in own}
        assert {k for k in by_shacl if k[2] in own} == expected, row["id"]
        assert {k for k in by_rules if k[2] in own} == expected, row["id"]


def _key(f: Finding) -> tuple[str, str, str]:
    return f.shape, f.severity, f.focus
