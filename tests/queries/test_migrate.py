"""A graph of the old model (one relationship per stating document) migrated in place."""

from __future__ import annotations

from pathlib import Path

from policykg.ontology.identity import number_key
from policykg.queries.catalog import load_catalog
from policykg.queries.migrate import (
    add_number_keys,
    merge_parallel_relations,
    public_sources,
    refresh_body_keys,
)
from policykg.queries.store import GraphStore

OLD = """
CREATE (a:Document {id: 'a'}), (b:Document {id: 'b'}), (x:Document {id: 'x'}),
       (y:Document {id: 'y'}), (o:Body {id: 'o'}),
       (x)-[:IMPLEMENTS {asserted_by: 'a', origin: 'text', span_start: 5, span_end: 9,
                         source_file: 'a.txt'}]->(y),
       (x)-[:IMPLEMENTS {asserted_by: 'b', origin: 'text', span_start: 1, span_end: 4,
                         source_file: 'b.txt'}]->(y),
       (a)-[:CITES {asserted_by: 'a', origin: 'text', span_start: 1, span_end: 2,
                    resolution: 'resolved'}]->(x),
       (a)-[:CITES {asserted_by: 'a', origin: 'text', span_start: 7, span_end: 8,
                    resolution: 'ambiguous'}]->(x),
       (b)-[:REPLACES {asserted_by: 'b', origin: 'sidecar'}]->(x),
       (x)-[:ISSUED_BY {asserted_by: 'a', origin: 'text'}]->(o),
       (x)-[:ISSUED_BY {asserted_by: 'b', origin: 'text'}]->(o)
"""


def rels(store: GraphStore) -> list[tuple[str, str, str, object, object, object]]:
    rows = store.read("MATCH (s)-[r]->(t) RETURN s.id AS s, type(r) AS type, t.id AS t, "
                      "r.asserted_by AS by, r.assertions AS said, r.resolution AS res")
    return sorted((r["s"], r["type"], r["t"], r["by"], r["said"], r["res"]) for r in rows)


def test_parallel_relations_become_one_with_their_assertions(store: GraphStore) -> None:
    store.write([(OLD, {})])
    assert merge_parallel_relations(store, batch=2) == 3
    assert rels(store) == [
        ("a", "CITES", "x", ["a"], ["a text 1-2", "a text 7-8"], "ambiguous"),
        ("b", "REPLACES", "x", ["b"], ["b sidecar -"], None),
        ("x", "IMPLEMENTS", "y", ["a", "b"], ["a text 5-9", "b text 1-4"], None),
        ("x", "ISSUED_BY", "o", "a", None, None),  # one per asserter, as before
        ("x", "ISSUED_BY", "o", "b", None, None),
    ]
    before = rels(store)
    assert merge_parallel_relations(store) == 0  # a migrated graph is left as it is
    assert rels(store) == before


def test_bodies_get_a_search_key_of_their_name_and_aliases(store: GraphStore) -> None:
    store.write([("""
CREATE (:Body {id: 'a', name: 'Sở Khoa học và Công nghệ', aliases: ['Sở KH&CN'],
               search: 'so khoa hoc va cong nghe'}),
       (:Body {id: 'p', name: 'Tỉnh ủy Kon Tum', aliases: ['Tỉnh ủy Kon Tum']}),
       (:Body {id: 'n', name: 'Tỉnh ủy', aliases: ['Tỉnh ủy'], search: 'tinh uy'})""", {})])
    assert refresh_body_keys(store, batch=1) == 2
    rows = store.read("MATCH (b:Body) RETURN b.id AS id, b.search AS key ORDER BY id")
    assert [(r["id"], r["key"]) for r in rows] == [
        ("a", "so khoa hoc va cong nghe so kh cn"), ("n", "tinh uy"), ("p", "tinh uy kon tum")]
    assert refresh_body_keys(store) == 0

def test_documents_loaded_before_numbers_were_keyed_get_their_keys(store: GraphStore) -> None:
    store.write([("CREATE (:Document {id: 'thai-nguyen:2013:29-ctr-tu', number: '29-CTr/TU', "
                  "scope: 'thai-nguyen', year: 2013}), (:Document {id: 'x'})", {})])
    assert add_number_keys(store, batch=1) == 1
    rows = store.read("MATCH (d:Document) RETURN d.id AS id, d.number_key AS key ORDER BY id")
    assert rows == [{"id": "thai-nguyen:2013:29-ctr-tu", "key": "29-CTR/TU"},
                    {"id": "x", "key": None}]
    candidates = load_catalog(store.engine)["documents_numbered"].text
    asked = {"rows": [{"scope": "thai-nguyen", "key": number_key("29-ctr/tu")}]}
    assert [r["id"] for r in store.read(candidates, asked)] == ["thai-nguyen:2013:29-ctr-tu"]
    assert add_number_keys(store) == 0


def test_sources_stored_as_server_paths_are_stored_without_them(store: GraphStore,
                                                                tmp_path: Path) -> None:
    corpus = tmp_path / "corpus"
    store.write([(f"""
CREATE (:Document {{id: 'a', source_file: '{corpus}/sub/a.txt'}})
       -[:ISSUED_BY {{source_file: '/home/me/b.txt'}}]->(:Body {{id: 'b'}}),
       (:Task {{id: 't', source_file: 'upload/c.txt'}})""", {})])
    assert public_sources(store, corpus) == 2
    nodes = store.read("MATCH (n) WHERE n.source_file IS NOT NULL "
                       "RETURN n.id AS id, n.source_file AS file ORDER BY id")
    assert [(r["id"], r["file"]) for r in nodes] == [("a", "sub/a.txt"), ("t", "upload/c.txt")]
    [edge] = store.read("MATCH ()-[r:ISSUED_BY]->() RETURN r.source_file AS file")
    assert edge["file"] == "b.txt"
    assert public_sources(store, corpus) == 0
