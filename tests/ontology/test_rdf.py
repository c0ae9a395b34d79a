"""Graph dump → RDF → graph dump, and JSON-LD, through the mapping."""

from __future__ import annotations

import json
from typing import Any

import pytest
from rdflib import RDF, Literal, URIRef
from rdflib import namespace as ns
from rdflib.compare import isomorphic

from policykg.ontology import mapping as m
from policykg.ontology.rdf import from_jsonld, from_rdf, to_jsonld, to_rdf

Nodes = list[tuple[str, dict[str, Any]]]
Rels = list[tuple[str, str, str, dict[str, Any]]]
KIND = m.DOCUMENT.prop("kind")
ID = {"Document": "tw:2024:57-nq-tw", "Body": "tw:bo-chinh-tri",
      "Task": "tw:2024:57-nq-tw:t1", "Target": "tw:2024:57-nq-tw:g1"}


def sample(prop: m.Prop, n: int) -> Any:
    """A value of ``prop``'s datatype; ``n`` varies it."""
    if prop == KIND:
        return ("NghiQuyet", "KeHoach")[n % 2]
    return {
        m.Datatype.STRING: f"{prop.name} {n} – chữ Việt",
        m.Datatype.DATE: f"2024-12-{22 + n:02d}",
        m.Datatype.INTEGER: 40 + n,
        m.Datatype.BOOLEAN: n % 2 == 0,
        m.Datatype.STRING_LIST: sorted([f"{prop.name} a{n}", f"{prop.name} b{n}"]),
    }[prop.datatype]


def full_dump() -> tuple[Nodes, Rels]:
    """Every label and relationship type, every property set, two nodes per label."""
    nodes: Nodes = [
        (node.label, {"id": f"{ID[node.label]}{suffix}",
                      **{p.name: sample(p, n) for p in node.props}})
        for node in m.NODE_TYPES for n, suffix in enumerate(("", "-2"))
    ]
    rels: Rels = [
        (rel.type, ID[rel.source], ID[rel.target] + "-2", {p.name: sample(p, 0) for p in rel.props})
        for rel in m.REL_TYPES
    ]
    # Parallel relationships that differ only in asserted_by, and a repeated one.
    rels += [
        ("IMPLEMENTS", ID["Document"], ID["Document"] + "-2",
         {**rels[0][3], m.ASSERTED_BY_ALL.name: ["thai-nguyen:2025:12-kh-tu"]}),
        ("OWNED_BY", ID["Task"], ID["Body"], {m.ASSERTED_BY.name: "tw:2024:57-nq-tw"}),
        ("OWNED_BY", ID["Task"], ID["Body"], {m.ASSERTED_BY.name: "tw:2024:57-nq-tw"}),
        ("PART_OF", ID["Body"] + "-2", ID["Body"], {}),
    ]
    return nodes, rels


def canonical(nodes: Nodes, rels: Rels) -> tuple[Nodes, Rels]:
    return (sorted(nodes, key=lambda n: (n[0], n[1]["id"])),
            sorted(rels, key=lambda r: (r[0], r[1], r[2], sorted(r[3].items()))))


def test_full_dump_covers_every_type_and_datatype() -> None:
    nodes, rels = full_dump()
    assert {label for label, _ in nodes} == set(m.NODE_BY_LABEL)
    assert {r[0] for r in rels} == set(m.REL_BY_TYPE)
    datatypes = {p.datatype for n in m.NODE_TYPES for p in n.props}
    assert datatypes == set(m.Datatype)


def test_round_trip_is_lossless() -> None:
    nodes, rels = full_dump()
    assert from_rdf(to_rdf(nodes, rels)) == canonical(nodes, rels)


def test_parallel_relationships_stay_distinct() -> None:
    nodes, rels = full_dump()
    _, back = from_rdf(to_rdf(nodes, rels))
    implements = [r[3][m.ASSERTED_BY_ALL.name] for r in back if r[0] == "IMPLEMENTS"]
    assert sorted(implements) == sorted([sample(m.ASSERTED_BY_ALL, 0),
                                         ["thai-nguyen:2025:12-kh-tu"]])
    assert sum(r[0] == "OWNED_BY" and r[2] == ID["Body"] for r in back) == 2


def test_document_is_typed_with_its_kind_class_and_values_are_typed() -> None:
    nodes, rels = full_dump()
    graph = to_rdf(nodes, rels)
    doc = URIRef(m.node_iri(m.DOCUMENT, ID["Document"]))
    assert set(graph.objects(doc, RDF.type)) == {URIRef(m.DOCUMENT.iri),
                                                 URIRef(m.kind_iri("NghiQuyet"))}
    issued = graph.value(doc, URIRef(m.DOCUMENT.prop("issued").iri))
    stub = graph.value(doc, URIRef(m.DOCUMENT.prop("stub").iri))
    year = graph.value(doc, URIRef(m.DOCUMENT.prop("year").iri))
    assert isinstance(issued, Literal) and issued.datatype == ns.XSD.date
    assert stub == Literal(True) and year == Literal(40)
    origins = set(graph.objects(doc, URIRef(m.DOCUMENT.prop("field_origins").iri)))
    assert origins == {Literal(x) for x in sample(m.DOCUMENT.prop("field_origins"), 0)}


def test_each_relationship_is_reified_once() -> None:
    nodes, rels = full_dump()
    graph = to_rdf(nodes, rels)
    assert len(set(graph.subjects(RDF.type, RDF.Statement))) == len(rels)


def test_none_values_are_skipped_and_lists_come_back_sorted() -> None:
    nodes: Nodes = [("Body", {"id": "b", "name": None, "aliases": ["UBND", "Sở KH&CN"]})]
    assert from_rdf(to_rdf(nodes, [])) == (
        [("Body", {"id": "b", "aliases": ["Sở KH&CN", "UBND"]})], [])


def test_direct_triple_without_statement_is_a_relationship_without_properties() -> None:
    graph = to_rdf([], [])
    a = URIRef(m.node_iri(m.BODY, "a"))
    b = URIRef(m.node_iri(m.BODY, "b"))
    graph.add((a, URIRef(m.PART_OF.iri), b))
    with pytest.raises(ValueError, match="a is not a Body of the file"):
        from_rdf(graph)  # a relationship needs both its ends in the file
    for node in (a, b):
        graph.add((node, RDF.type, URIRef(m.BODY.iri)))
    assert from_rdf(graph) == ([("Body", {"id": "a"}), ("Body", {"id": "b"})],
                               [("PART_OF", "a", "b", {})])


@pytest.mark.parametrize("nodes,rels,named", [
    ([("Person", {"id": "x"})], [], "'Person'"),
    ([("Body", {"id": "x", "colour": "red"})], [], "'colour'"),
    ([("Body", {"name": "x"})], [], "Body id None"),
    ([("Body", {"id": "a b"})], [], "Body id 'a b'"),
    ([("Document", {"id": "x", "kind": "Luat"})], [], "'Luat'"),
    ([("Document", {"id": "x", "issued": "2024-13-01"})], [], "issued = '2024-13-01'"),
    ([("Document", {"id": "x", "year": "2024"})], [], "year = '2024'"),
    ([("Document", {"id": "x", "year": True})], [], "year = True"),
    ([("Document", {"id": "x", "stub": 1})], [], "stub = 1"),
    ([("Document", {"id": "x", "title": 5})], [], "title = 5"),
    ([("Body", {"id": "x", "aliases": "UBND"})], [], "aliases = 'UBND'"),
    ([], [("SUPERSEDES", "a", "b", {})], "'SUPERSEDES'"),
    ([], [("CITES", "a", "b", {"confidence": 0.5})], "'confidence'"),
    ([], [("CITES", "a", "b", {"span_start": 3})], "'span_start'"),
    ([], [("CITES", "a", "b", {"asserted_by": "a"})], "asserted_by = 'a'"),
    ([], [("OWNED_BY", "a", "b", {"span_start": "3"})], "span_start = '3'"),
])
def test_to_rdf_rejects_what_the_mapping_does_not_know(
    nodes: Nodes, rels: Rels, named: str
) -> None:
    with pytest.raises(ValueError, match=named.replace("(", r"\(")) as error:
        to_rdf(nodes, rels)
    assert named in str(error.value)


def test_from_rdf_rejects_unmapped_predicates_and_mismatched_kinds() -> None:
    nodes: Nodes = [("Document", {"id": "d", "kind": "NghiQuyet"})]
    doc = URIRef(m.node_iri(m.DOCUMENT, "d"))

    graph = to_rdf(nodes, [])
    graph.add((doc, URIRef(m.BASE_IRI + "colour"), Literal("red")))
    with pytest.raises(ValueError, match="colour"):
        from_rdf(graph)

    graph = to_rdf(nodes, [])
    graph.add((doc, RDF.type, URIRef(m.kind_iri("ChiThi"))))
    with pytest.raises(ValueError, match="ChiThi"):
        from_rdf(graph)

    graph = to_rdf(nodes, [])
    graph.add((doc, URIRef(m.DOCUMENT.prop("title").iri), Literal("Nghị quyết", lang="vi")))
    with pytest.raises(ValueError, match="title"):
        from_rdf(graph)

    graph = to_rdf(nodes, [])
    year = URIRef(m.DOCUMENT.prop("year").iri)
    graph.add((doc, year, Literal("MMXXIV", datatype=ns.XSD.integer)))
    with pytest.raises(ValueError, match="year"):
        from_rdf(graph)


def test_from_rdf_rejects_a_statement_without_its_direct_triple() -> None:
    graph = to_rdf([], [("PART_OF", "a", "b", {})])
    graph.remove((None, URIRef(m.PART_OF.iri), None))
    with pytest.raises(ValueError, match="direct triple"):
        from_rdf(graph)


def test_jsonld_reimports_isomorphic() -> None:
    graph = to_rdf(*full_dump())
    text = to_jsonld(graph)
    assert '"issuedBy"' in text and '"fieldOrigins"' in text  # compacted with the context
    assert isinstance(json.loads(text)["@context"], dict)  # embedded, nothing to fetch
    assert isomorphic(from_jsonld(text), graph)


@pytest.mark.parametrize("context", [
    '"http://127.0.0.1:9/context.jsonld"',
    '"file:///etc/passwd"',
    '["file:///etc/hostname", {"pkg": "https://w3id.org/policykg/"}]',
    '{"@import": "file:///etc/passwd"}',
])
def test_json_ld_with_a_context_by_reference_is_refused(context: str) -> None:
    nested = f'{{"@graph": [{{"@context": {context}, "@id": "x"}}]}}'
    for text in (f'{{"@context": {context}, "@id": "x"}}', nested):
        with pytest.raises(ValueError, match="context given by reference"):
            from_jsonld(text)
