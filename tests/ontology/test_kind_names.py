"""The Vietnamese kind names the loaders and search use are the ontology's @vi labels."""

from rdflib import RDFS, Literal, URIRef

from policykg.ontology.mapping import kind_iri
from policykg.ontology.rdf import load_ontology
from policykg.ontology.records import KIND_NAMES_VI, DocumentKind


def test_every_kind_name_is_its_class_label() -> None:
    graph = load_ontology()
    for kind in DocumentKind:
        labels = set(graph.objects(URIRef(kind_iri(kind.value)), RDFS.label))
        assert Literal(KIND_NAMES_VI[kind], lang="vi") in labels, kind
