"""Unloading a document: what only it asserted goes; it stays a stub while others cite it."""

from __future__ import annotations

import pytest

from policykg.core.errors import NotLoaded, ReferenceNotFound
from policykg.loaders.unload import unload_document
from policykg.queries.store import GraphStore

GRAPH = """
CREATE (a:Document {id: 'a', kind: 'KeHoach', number: '1-KH/TU', title: 'Kế hoạch',
                    signer: 'X', stub: false, search: 'ke hoach 1 kh tu ke hoach'}),
       (b:Document {id: 'b', kind: 'ChuongTrinh', number: '2-CTr/TU', stub: false}),
       (s:Document {id: 's', kind: 'NghiQuyet', number: '3-NQ/TW', stub: true}),
       (t:Task {id: 'a:t1', text: 'x'}), (g:Target {id: 'a:g1', text: 'y'}),
       (a)-[:ASSIGNS]->(t), (a)-[:SETS_TARGET]->(g),
       (a)-[:CITES {asserted_by: ['a'], assertions: ['a text 1-9']}]->(s),
       (a)-[:IMPLEMENTS {asserted_by: ['a'], assertions: ['a text 1-9']}]->(s),
       (b)-[:CITES {asserted_by: ['b'], assertions: ['b text 1-9']}]->(a),
       (b)-[:IMPLEMENTS {asserted_by: ['b'], assertions: ['b text 1-9']}]->(a)
"""


@pytest.fixture
def graph(store: GraphStore) -> GraphStore:
    store.write([(GRAPH, {})])
    return store


def test_a_cited_document_becomes_a_stub(graph: GraphStore) -> None:
    assert unload_document(graph, "a") == "stub"
    props = graph.read("MATCH (d:Document {id: 'a'}) RETURN properties(d) AS p")[0]["p"]
    assert props == {"id": "a", "kind": "KeHoach", "number": "1-KH/TU", "stub": True,
                     "search": "ke hoach 1 kh tu"}
    ids = {r["id"] for r in graph.read("MATCH (n) RETURN n.id AS id")}
    assert ids == {"a", "b"}  # its task, target and the stub only it cited are gone
    kept = graph.read("MATCH (x)-[r]->(y) RETURN x.id AS x, type(r) AS t, y.id AS y")
    assert sorted((r["x"], r["t"], r["y"]) for r in kept) == [
        ("b", "CITES", "a"), ("b", "IMPLEMENTS", "a")]


def test_an_uncited_document_is_removed_and_stubs_are_refused(graph: GraphStore) -> None:
    assert unload_document(graph, "b") == "removed"
    with pytest.raises(NotLoaded):
        unload_document(graph, "s")
    with pytest.raises(ReferenceNotFound):
        unload_document(graph, "nothing")
    assert unload_document(graph, "a") == "removed"  # nobody cites it any more
    assert graph.count_nodes() == 0


BODIES = """
CREATE (a:Document {id: 'a', kind: 'KeHoach', stub: false}),
       (c:Document {id: 'c', kind: 'KeHoach', stub: false}),
       (t:Task {id: 'a:t1', text: 'x'}), (a)-[:ASSIGNS]->(t),
       (board:Body {id: 'kt:ban-tuyen-giao'}), (committee:Body {id: 'kt:tinh-uy'}),
       (shared:Body {id: 'kt:so-tai-chinh'}), (board)-[:PART_OF]->(committee),
       (a)-[:ISSUED_BY {asserted_by: 'a'}]->(committee),
       (t)-[:OWNED_BY {asserted_by: 'a'}]->(board),
       (t)-[:COORDINATED_BY {asserted_by: 'a'}]->(shared),
       (c)-[:ADDRESSES {asserted_by: 'c'}]->(shared)
"""


def test_unloading_drops_the_bodies_nothing_refers_to_any_more(store: GraphStore) -> None:
    store.write([(BODIES, {})])
    assert unload_document(store, "a") == "removed"
    bodies = {r["id"] for r in store.read("MATCH (b:Body) RETURN b.id AS id")}
    assert bodies == {"kt:so-tai-chinh"}  # still addressed by c; board and committee gone
