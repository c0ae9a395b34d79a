"""policykg.ttl and context.jsonld agree with ontology/mapping.py."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from rdflib import OWL, RDF, RDFS, Graph, Literal, URIRef
from rdflib import namespace as ns
from rdflib.namespace import DCTERMS, ORG, PROV, SKOS

from policykg.ontology import mapping as m
from policykg.ontology.rdf import load_context, load_ontology
from policykg.ontology.records import KIND_NAMES_VI, DocumentKind
from tests.ontology import vocab

PKG_ONTOLOGY = URIRef(m.ONTOLOGY_IRI)
ISSUER = URIRef(m.BASE_IRI + "Issuer")  # the one alignment-only class
XSD_BY_DATATYPE = {
    m.Datatype.STRING: ns.XSD.string, m.Datatype.STRING_LIST: ns.XSD.string,
    m.Datatype.DATE: ns.XSD.date, m.Datatype.INTEGER: ns.XSD.integer,
    m.Datatype.BOOLEAN: ns.XSD.boolean,
}


@pytest.fixture(scope="module")
def onto() -> Graph:
    return load_ontology()


def all_props() -> Iterator[m.Prop]:
    for node in m.NODE_TYPES:
        yield from node.props
    for rel in m.REL_TYPES:
        yield from rel.props


def mapping_terms() -> dict[URIRef, URIRef]:
    """Every term the mapping uses, with the OWL type it must be declared as."""
    terms = {URIRef(n.iri): OWL.Class for n in m.NODE_TYPES}
    terms |= {URIRef(r.iri): OWL.ObjectProperty for r in m.REL_TYPES}
    terms |= {URIRef(p.iri): OWL.DatatypeProperty for p in all_props()}
    return terms


KIND_CLASSES = {URIRef(m.kind_iri(k.value)): k for k in DocumentKind}


def test_ontology_header(onto: Graph) -> None:
    assert (PKG_ONTOLOGY, RDF.type, OWL.Ontology) in onto
    assert onto.value(PKG_ONTOLOGY, OWL.versionInfo) is not None
    titles = {t.language for t in onto.objects(PKG_ONTOLOGY, DCTERMS.title)
              if isinstance(t, Literal)}
    assert titles == {"vi", "en"}


@pytest.mark.parametrize("term,owl_type", sorted(mapping_terms().items()), ids=str)
def test_mapping_term_is_declared(onto: Graph, term: URIRef, owl_type: URIRef) -> None:
    assert (term, RDF.type, owl_type) in onto, f"{term} is not declared as {owl_type}"


def test_every_declared_term_is_labelled_in_both_languages_and_commented(onto: Graph) -> None:
    declared = {s for t in (OWL.Class, OWL.ObjectProperty, OWL.DatatypeProperty)
                for s in onto.subjects(RDF.type, t) if isinstance(s, URIRef)}
    assert declared >= set(mapping_terms())
    for term in declared:
        languages = sorted(str(label.language) for label in onto.objects(term, RDFS.label)
                           if isinstance(label, Literal))
        assert languages == ["en", "vi"], f"{term}: rdfs:label languages {languages}"
        assert onto.value(term, RDFS.comment) is not None, f"{term} has no rdfs:comment"


def test_no_orphan_terms(onto: Graph) -> None:
    used = set(mapping_terms()) | set(KIND_CLASSES) | {ISSUER, PKG_ONTOLOGY}
    declared = {s for s in onto.subjects() if isinstance(s, URIRef)
                and s.startswith(m.BASE_IRI)}
    assert declared - used == set()


def test_kind_classes_are_the_document_kinds_with_their_vietnamese_names(onto: Graph) -> None:
    subclasses = set(onto.subjects(RDFS.subClassOf, URIRef(m.DOCUMENT.iri)))
    assert subclasses == set(KIND_CLASSES)
    for cls, kind in KIND_CLASSES.items():
        assert Literal(KIND_NAMES_VI[kind], lang="vi") in set(onto.objects(cls, RDFS.label))


@pytest.mark.parametrize("subject,predicate,obj", [
    (m.DOCUMENT.iri, RDFS.subClassOf, vocab.ELI.LegalResource),
    (m.BODY.iri, RDFS.subClassOf, ORG.Organization),
    (ISSUER, RDFS.subClassOf, URIRef(m.BODY.iri)),
    (m.TASK.iri, RDFS.subClassOf, PROV.Plan),
    (m.IMPLEMENTS.iri, RDFS.subPropertyOf, vocab.ELI.implements),
    (m.REPLACES.iri, RDFS.subPropertyOf, DCTERMS.replaces),
    (m.AMENDS.iri, RDFS.subPropertyOf, vocab.ELI.amends),
    (m.CITES.iri, RDFS.subPropertyOf, vocab.ELI.cites),
    (m.ISSUED_BY.iri, RDFS.subPropertyOf, PROV.wasAttributedTo),
    (m.PART_OF.iri, RDFS.subPropertyOf, ORG.subOrganizationOf),
    (m.DOCUMENT.prop("number").iri, RDFS.subPropertyOf, vocab.ELI.id_local),
    (m.DOCUMENT.prop("issued").iri, RDFS.subPropertyOf, vocab.ELI.date_document),
    (m.DOCUMENT.prop("title").iri, RDFS.subPropertyOf, vocab.ELI.title),
    (m.BODY.prop("name").iri, RDFS.subPropertyOf, SKOS.prefLabel),
    (m.BODY.prop("aliases").iri, RDFS.subPropertyOf, SKOS.altLabel),
])
def test_alignment(onto: Graph, subject: str, predicate: URIRef, obj: URIRef) -> None:
    assert (URIRef(subject), predicate, obj) in onto


def test_provenance_terms_mention_prov(onto: Graph) -> None:
    for prop in (*m.PROVENANCE, m.ASSERTED_BY):
        comment = str(onto.value(URIRef(prop.iri), RDFS.comment))
        assert "prov:" in comment, f"{prop.iri}: comment does not relate it to PROV-O"


PROPS_BY_TERM = {p.term: p for p in all_props()}


@pytest.mark.parametrize("prop", [PROPS_BY_TERM[t] for t in sorted(PROPS_BY_TERM)],
                         ids=sorted(PROPS_BY_TERM))
def test_datatype_property_range_matches_mapping(onto: Graph, prop: m.Prop) -> None:
    assert onto.value(URIRef(prop.iri), RDFS.range) == XSD_BY_DATATYPE[prop.datatype]


@pytest.mark.parametrize("rel", m.REL_TYPES, ids=lambda r: r.type)
def test_object_property_domain_and_range_match_mapping(onto: Graph, rel: m.RelType) -> None:
    term = URIRef(rel.iri)
    assert onto.value(term, RDFS.domain) == URIRef(m.NODE_BY_LABEL[rel.source].iri)
    target = URIRef(m.NODE_BY_LABEL[rel.target].iri)
    range_ = onto.value(term, RDFS.range)
    assert range_ == target or (range_, RDFS.subClassOf, target) in onto


def test_context_has_every_mapping_term_with_its_type() -> None:
    context = load_context()
    expand = {"pkg": m.BASE_IRI, "xsd": str(ns.XSD)}

    def iri(curie: str) -> str:
        prefix, _, local = curie.partition(":")
        return expand[prefix] + local

    for node in m.NODE_TYPES:
        assert iri(context[node.term]) == node.iri
    for kind in DocumentKind:
        assert iri(context[kind.value]) == m.kind_iri(kind.value)
    for rel in m.REL_TYPES:
        assert iri(context[rel.term]["@id"]) == rel.iri
        assert context[rel.term]["@type"] == "@id"
    for prop in all_props():
        entry = context[prop.term]
        entry = entry if isinstance(entry, dict) else {"@id": entry}
        assert iri(entry["@id"]) == prop.iri
        expected = XSD_BY_DATATYPE[prop.datatype]
        assert iri(entry.get("@type", "xsd:string")) == str(expected), prop.term
        # a term that is a list on some relationship (assertedBy: a list on the relations
        # between documents, one document on the others) is a set in the context
        listed = any(p.term == prop.term and p.datatype is m.Datatype.STRING_LIST
                     for p in all_props())
        assert (entry.get("@container") == "@set") == listed, prop.term
