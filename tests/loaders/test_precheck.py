"""Validation at load time: a document is checked before it is written; reject leaves nothing."""

from __future__ import annotations

import pytest

from loaders.batch import FileFailure, discover, extract_batch
from loaders.load import DocumentRejected, load_extraction
from ontology import mapping as m
from ontology.records import Extraction
from queries.export import dump_nodes, dump_relationships
from queries.rules import run_rules
from queries.store import GraphStore
from tests.shared_scorer import CORPUS


def extraction(name: str) -> Extraction:
    items = list(extract_batch(discover([CORPUS / name])))
    assert len(items) == 1 and not isinstance(items[0], FileFailure)
    return items[0]


def dump(store: GraphStore) -> tuple[list[object], list[object]]:
    return list(dump_nodes(store)), list(dump_relationships(store))


def test_reject_leaves_the_graph_as_it_was(store: GraphStore) -> None:
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


def test_warn_stores_the_document_and_reports_its_findings(store: GraphStore) -> None:
    result = load_extraction(store, extraction("thai-nguyen_29-CTr-TU_2013.txt"), "warn")
    assert sum(f.severity == "Violation" for f in result.findings) == 30
    assert store.count_nodes() > 0


def test_load_time_findings_match_the_whole_graph_on_the_documents_own_nodes(
        store: GraphStore) -> None:
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
