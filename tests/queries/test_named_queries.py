"""The shipped named queries, run on a small real graph on every engine."""

from __future__ import annotations

import re
from typing import Any

import pytest

from policykg.loaders.rows import CITATION_PROPS
from policykg.queries.catalog import load_catalog, load_writes
from policykg.queries.store import GraphStore

# A diamond d → b, d → c, b → a, c → a (b → a asserted twice: by b and by d),
# a chain z → y → x, and a body, task and target for the document query.
NODES = [
    {"id": "tw:2012:a", "number": "20-NQ/TW", "kind": "NghiQuyet", "year": 2012,
     "issued": "2012-11-01", "scope": "central", "title": "Nghị quyết A", "stub": False},
    {"id": "tw:2013:b", "number": "46-KL/TW", "kind": "KetLuan", "year": 2013,
     "issued": "2013-03-01", "scope": "central", "title": "Kết luận B", "stub": False},
    {"id": "cp:2013:c", "number": "46/NQ-CP", "kind": "NghiQuyet", "year": 2013,
     "issued": "2013-06-01", "scope": "central", "title": "Nghị quyết C", "stub": False},
    {"id": "hn:2014:d", "number": "20-CTr/TU", "kind": "ChuongTrinh", "year": 2014,
     "issued": "2014-01-10", "scope": "provincial", "title": "Chương trình D", "stub": False},
    {"id": "tw:2000:x", "number": "1-NQ/TW", "kind": "NghiQuyet", "year": 2000,
     "scope": "central", "stub": True},
    {"id": "tw:2005:y", "number": "2-NQ/TW", "kind": "NghiQuyet", "year": 2005,
     "issued": "2005-05-05", "scope": "central", "stub": False},
    {"id": "tw:2010:z", "number": "3-NQ/TW", "kind": "NghiQuyet", "year": 2010,
     "issued": "2010-10-10", "scope": "central", "stub": False},
]
IMPLEMENTS = [  # (from, to, asserted_by)
    ("hn:2014:d", "tw:2013:b", "hn:2014:d"), ("hn:2014:d", "cp:2013:c", "hn:2014:d"),
    ("tw:2013:b", "tw:2012:a", "tw:2013:b"), ("tw:2013:b", "tw:2012:a", "hn:2014:d"),
    ("cp:2013:c", "tw:2012:a", "cp:2013:c"),
    ("tw:2010:z", "tw:2005:y", "tw:2010:z"), ("tw:2005:y", "tw:2000:x", "tw:2005:y"),
]


@pytest.fixture
def graph(store: GraphStore) -> GraphStore:
    store.write([
        ("UNWIND $rows AS row CREATE (d:Document) SET d = row", {"rows": NODES}),
        ("""UNWIND $rows AS row
MATCH (a:Document {id: row[0]}), (b:Document {id: row[1]})
CREATE (a)-[:IMPLEMENTS {asserted_by: row[2]}]->(b)""", {"rows": [list(r) for r in IMPLEMENTS]}),
        ("""MATCH (a:Document {id: 'tw:2012:a'})
CREATE (a)-[:ISSUED_BY {asserted_by: 'tw:2012:a'}]->
         (:Body {id: 'bch-tw', name: 'Ban Chấp hành Trung ương'}),
       (a)-[:ASSIGNS]->(:Task {id: 'tw:2012:a#t1', document_id: 'tw:2012:a'}),
       (a)-[:ASSIGNS]->(:Task {id: 'tw:2012:a#t2', document_id: 'tw:2012:a'}),
       (a)-[:SETS_TARGET]->(:Target {id: 'tw:2012:a#g1', document_id: 'tw:2012:a'})""", {}),
    ])
    return store


def run(store: GraphStore, name: str, **given: Any) -> list[dict[str, Any]]:
    query = load_catalog(store.engine)[name]
    return store.read(query.text, query.arguments(given))


def shape(rows: list[dict[str, Any]]) -> list[tuple[str, int, list[tuple[str, str]]]]:
    return [(r["node"]["id"], r["depth"], sorted((e["from"], e["to"]) for e in r["edges"]))
            for r in rows]


def test_lineage_of_the_diamond_has_shortest_depths_and_each_edge_once(graph: GraphStore) -> None:
    rows = run(graph, "lineage", id="hn:2014:d")
    assert shape(rows) == [
        ("hn:2014:d", 0, [("hn:2014:d", "cp:2013:c"), ("hn:2014:d", "tw:2013:b")]),
        ("cp:2013:c", 1, [("cp:2013:c", "tw:2012:a")]),
        ("tw:2013:b", 1, [("tw:2013:b", "tw:2012:a")]),
        ("tw:2012:a", 2, []),
    ]
    assert rows[3]["node"]["title"] == "Nghị quyết A"


def test_lineage_of_a_chain_and_of_a_root(graph: GraphStore) -> None:
    assert shape(run(graph, "lineage", id="tw:2010:z")) == [
        ("tw:2010:z", 0, [("tw:2010:z", "tw:2005:y")]),
        ("tw:2005:y", 1, [("tw:2005:y", "tw:2000:x")]),
        ("tw:2000:x", 2, []),
    ]
    assert shape(run(graph, "lineage", id="tw:2000:x")) == [("tw:2000:x", 0, [])]
    assert run(graph, "lineage", id="no:such:doc") == []


def test_implementations_go_down_the_diamond(graph: GraphStore) -> None:
    assert shape(run(graph, "implementations", id="tw:2012:a")) == [
        ("tw:2012:a", 0, [("cp:2013:c", "tw:2012:a"), ("tw:2013:b", "tw:2012:a")]),
        ("cp:2013:c", 1, [("hn:2014:d", "cp:2013:c")]),
        ("tw:2013:b", 1, [("hn:2014:d", "tw:2013:b")]),
        ("hn:2014:d", 2, []),
    ]
    assert shape(run(graph, "implementations", id="hn:2014:d")) == [("hn:2014:d", 0, [])]


def test_document_has_issuer_stub_flag_and_counts(graph: GraphStore) -> None:
    [row] = run(graph, "document", id="tw:2012:a")
    assert row["document"] == {**NODES[0], "issuer": "Ban Chấp hành Trung ương",
                               "tasks": 2, "targets": 1}
    [row] = run(graph, "document", id="tw:2000:x")
    assert (row["document"]["stub"], row["document"]["tasks"], row["document"]["issuer"]) == \
        (True, 0, None)
    assert run(graph, "document", id="no:such:doc") == []


def test_documents_filter_order_and_page(graph: GraphStore) -> None:
    def ids(**given: Any) -> list[str]:
        return [r["document"]["id"] for r in run(graph, "documents", **given)]

    assert ids() == ["tw:2005:y", "tw:2010:z", "tw:2012:a", "tw:2013:b", "cp:2013:c",
                     "hn:2014:d", "tw:2000:x"]  # by issued; undated last
    assert ids(limit=2, offset=1) == ["tw:2010:z", "tw:2012:a"]
    assert ids(kind="NghiQuyet", year=2013) == ["cp:2013:c"]
    assert ids(scope="provincial") == ["hn:2014:d"]
    assert ids(stub=True) == ["tw:2000:x"]
    assert run(graph, "documents_count", stub=False) == [{"count": 6}]
    assert run(graph, "documents_count") == [{"count": 7}]


def test_resolve_by_id_or_number_ignoring_case_and_spaces(graph: GraphStore) -> None:
    [by_id] = run(graph, "resolve", ref="tw:2013:b")
    assert by_id == {"id": "tw:2013:b", "number": "46-KL/TW", "year": 2013,
                     "issued": "2013-03-01", "scope": "central", "kind": "KetLuan",
                     "title": "Kết luận B", "stub": False}
    assert [r["id"] for r in run(graph, "resolve", ref="46/nq-cp")] == ["cp:2013:c"]
    assert [r["id"] for r in run(graph, "resolve", ref=" 20 - nq/tw ")] == ["tw:2012:a"]
    assert run(graph, "resolve", ref="20-NQ/TW", year=2013) == []
    assert run(graph, "resolve", ref="99-NQ/TW") == []


def test_dumps_page_through_everything_once(graph: GraphStore) -> None:
    nodes = [r for skip in range(0, 20, 3)
             for r in run(graph, "dump_nodes", skip=skip, limit=3)]
    assert sorted(str(r["props"]["id"]) for r in nodes) == sorted(
        [str(n["id"]) for n in NODES] + ["bch-tw", "tw:2012:a#t1", "tw:2012:a#t2", "tw:2012:a#g1"])
    assert {r["label"] for r in nodes} == {"Document", "Body", "Task", "Target"}
    rels = [r for skip in range(0, 20, 4)
            for r in run(graph, "dump_relationships", skip=skip, limit=4)]
    implements = sorted((r["source"], r["target"], r["props"]["asserted_by"])
                        for r in rels if r["type"] == "IMPLEMENTS")
    assert implements == sorted(IMPLEMENTS)
    assert len(rels) == len(IMPLEMENTS) + 4


def test_every_named_query_runs(graph: GraphStore) -> None:
    samples = {"string": "tw:2012:a", "integer": 2012, "boolean": False, "list": [],
               "map": {}}
    written = {"query": "a"}  # a full-text query: in the index's own query language
    for name, query in load_catalog(graph.engine).items():
        required = {p.name: written.get(p.name, samples[p.type])
                    for p in query.params if p.required}
        assert isinstance(graph.read(query.text, query.arguments(required)), list), name


def test_every_write_statement_runs(graph: GraphStore) -> None:
    """Each statement of queries/writes/ runs on the engine (on nodes that are not there,
    so it changes nothing the other tests read)."""
    samples: dict[str, Any] = {"string": "no-such-id", "integer": 0, "boolean": False,
                               "list": [], "map": {"id": "no-such-id"}}
    before = graph.count_nodes()
    for name, query in load_writes(graph.engine).items():
        if name in ("clear_graph", "merge_document") or name.startswith("bulk_nodes"):
            continue  # these write whatever they are given; run below on their own
        if name.startswith("scratch_index_"):
            continue  # for an empty scratch graph: run by every load-time validation
        graph.write([query.statement(**{p.name: samples[p.type] for p in query.params})])
    assert graph.count_nodes() == before
    writes = load_writes(graph.engine)
    graph.write([writes["merge_document"].statement(
                     rows=[{"id": "w:1", "props": {"title": "x"}}]),
                 writes["bulk_nodes_body"].statement(rows=[{"id": "w:b"}])])
    assert graph.count_nodes() == before + 2
    graph.write([writes["clear_graph"].statement()])
    assert graph.count_nodes() == 0


def test_the_writer_completes_a_cited_document_with_the_citation_properties() -> None:
    """``merge_cited`` coalesces exactly :data:`CITATION_PROPS`, which precheck and unload
    use to predict and undo it."""
    text = load_writes("falkordb")["merge_cited"].text
    coalesced = re.findall(r"c\.(\w+) = coalesce\(c\.\1, row\.props\.\1\)", text)
    assert tuple(coalesced) == CITATION_PROPS
