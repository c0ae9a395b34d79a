"""Typed vocabularies for the tests: a misspelt term raises instead of minting an IRI."""

from rdflib.namespace import DefinedNamespace, Namespace
from rdflib.term import URIRef


class PKGSH(DefinedNamespace):
    """The targeted shapes of ontology/shapes.ttl (a test keeps this list complete)."""

    _NS = Namespace("https://w3id.org/policykg/shapes/")
    _fail = True

    TaskOwner: URIRef
    TaskCollectiveOwners: URIRef
    TaskDeadline: URIRef
    DocumentKind: URIRef
    DocumentIssuer: URIRef
    DocumentIssued: URIRef
    DocumentNumber: URIRef
    DocumentStub: URIRef
    ImplementsNotOlder: URIRef
    ImplementsAcyclic: URIRef
    CentralImplementsNational: URIRef
    CitationResolved: URIRef
    TargetValue: URIRef
    TargetYear: URIRef


class ELI(DefinedNamespace):
    """The ELI terms policykg aligns with."""

    _NS = Namespace("http://data.europa.eu/eli/ontology#")
    _fail = True

    LegalResource: URIRef
    implements: URIRef
    amends: URIRef
    cites: URIRef
    id_local: URIRef
    date_document: URIRef
    title: URIRef
