"""The one mapping from ontology terms to graph labels, relationship types and properties.

The loader writes the graph with these names, the RDF export turns graph
contents back into ontology terms with them, and validation checks both
sides against them.  No other module spells a label, a relationship type or
an ontology IRI for a graph element: import the constants from here.

Graph model (property graph, same on FalkorDB and Neo4j)::

    (:Document)-[:IMPLEMENTS]->(:Document)      pkg:implements  (eli:implements)
    (:Document)-[:REPLACES]->(:Document)        pkg:replaces    (dcterms:replaces)
    (:Document)-[:AMENDS]->(:Document)          pkg:amends      (eli:amends)
    (:Document)-[:CITES]->(:Document)           pkg:cites       (eli:cites)
    (:Document)-[:ISSUED_BY]->(:Body)           pkg:issuedBy
    (:Document)-[:ADDRESSES]->(:Body)           pkg:addresses
    (:Document)-[:ASSIGNS]->(:Task)             pkg:assigns
    (:Document)-[:SETS_TARGET]->(:Target)       pkg:setsTarget
    (:Task)-[:OWNED_BY]->(:Body)                pkg:ownedBy
    (:Task)-[:COORDINATED_BY]->(:Body)          pkg:coordinatedBy
    (:Task)-[:HAS_TARGET]->(:Target)            pkg:hasTarget
    (:Body)-[:PART_OF]->(:Body)                 pkg:partOf      (org:subOrganizationOf)
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum
from typing import Final

BASE_IRI: Final = "https://w3id.org/policykg/"
ONTOLOGY_IRI: Final = BASE_IRI + "ontology"
ID_IRI: Final = BASE_IRI + "id/"


class Datatype(StrEnum):
    """How a property is stored in the graph and typed in RDF."""

    STRING = "string"
    DATE = "date"  # stored as an ISO "YYYY-MM-DD" string, xsd:date in RDF
    INTEGER = "integer"
    BOOLEAN = "boolean"
    STRING_LIST = "string_list"  # list property in the graph, one triple per item in RDF


@dataclass(frozen=True)
class Prop:
    """A graph property and the ontology datatype property it stands for."""

    name: str
    term: str
    datatype: Datatype = Datatype.STRING

    @property
    def iri(self) -> str:
        return BASE_IRI + self.term


@dataclass(frozen=True)
class NodeType:
    """A node label, its ontology class and its properties (``id`` is the key of every label)."""

    label: str
    term: str
    id_segment: str  # path segment of the node's IRI: ID_IRI + segment + "/" + id
    props: tuple[Prop, ...]

    @property
    def iri(self) -> str:
        return BASE_IRI + self.term

    def prop(self, name: str) -> Prop:
        for p in self.props:
            if p.name == name:
                return p
        raise KeyError(f"{self.label} has no property {name!r}")


@dataclass(frozen=True)
class RelType:
    """A relationship type, its ontology object property and its end labels."""

    type: str
    term: str
    source: str
    target: str
    props: tuple[Prop, ...] = ()

    @property
    def iri(self) -> str:
        return BASE_IRI + self.term


# Provenance properties shared by nodes and relationships that state a fact.
SOURCE_FILE = Prop("source_file", "sourceFile")
SPAN_START = Prop("span_start", "spanStart", Datatype.INTEGER)
SPAN_END = Prop("span_end", "spanEnd", Datatype.INTEGER)
ORIGIN = Prop("origin", "origin")  # "text", "sidecar" or "inferred"
ASSERTED_BY = Prop("asserted_by", "assertedBy")  # id of the document whose text states it
PROVENANCE: Final = (SOURCE_FILE, SPAN_START, SPAN_END, ORIGIN)

DOCUMENT = NodeType(
    "Document", "Document", "document",
    (
        Prop("kind", "kind"),
        Prop("number", "number"),
        Prop("number_key", "numberKey"),  # the number upper-cased: candidate lookups
        Prop("issued", "issued", Datatype.DATE),
        Prop("year", "year", Datatype.INTEGER),
        Prop("title", "title"),
        Prop("scope", "scope"),
        Prop("province", "province"),
        Prop("term", "term"),
        Prop("signer", "signer"),
        Prop("issuer_name", "issuerName"),
        Prop("stub", "stub", Datatype.BOOLEAN),
        Prop("sha256", "sha256"),
        Prop("field_origins", "fieldOrigins", Datatype.STRING_LIST),  # "field=origin" pairs
        Prop("search", "searchKey"),
        *PROVENANCE,
    ),
)
BODY = NodeType(
    "Body", "Body", "body",
    (
        Prop("name", "name"),
        Prop("scope", "scope"),
        Prop("collective", "collective", Datatype.BOOLEAN),
        Prop("aliases", "alias", Datatype.STRING_LIST),
        Prop("search", "searchKey"),
    ),
)
TASK = NodeType(
    "Task", "Task", "task",
    (
        Prop("text", "text"),
        Prop("section", "section"),
        Prop("ordinal", "ordinal", Datatype.INTEGER),
        Prop("deadline", "deadline"),
        Prop("deadline_phrase", "deadlinePhrase"),
        Prop("recurring", "recurring", Datatype.BOOLEAN),
        Prop("document_id", "documentId"),
        Prop("search", "searchKey"),
        *PROVENANCE,
    ),
)
TARGET = NodeType(
    "Target", "Target", "target",
    (
        Prop("text", "text"),
        Prop("metric", "metric"),
        Prop("value", "value"),
        Prop("unit", "unit"),
        Prop("qualifier", "qualifier"),
        Prop("year", "targetYear", Datatype.INTEGER),
        Prop("document_id", "documentId"),
        *PROVENANCE,
    ),
)

_STATED: Final = (ASSERTED_BY, *PROVENANCE)
# A relation between two documents is one relationship per ordered pair (and type),
# however many documents state it: ``asserted_by`` lists the ids of the documents that
# state it (sorted, each once) and ``assertions`` one item per statement,
# "<document id> <origin> <span_start>-<span_end>" ("-" for no span), sorted; the
# source file is the asserting document's own.  Ids hold no whitespace (they are IRIs),
# so an item names its document by its first word.  See :func:`assertion`.
ASSERTED_BY_ALL = Prop("asserted_by", "assertedBy", Datatype.STRING_LIST)
ASSERTIONS = Prop("assertions", "assertion", Datatype.STRING_LIST)
_ASSERTED: Final = (ASSERTED_BY_ALL, ASSERTIONS)

IMPLEMENTS = RelType("IMPLEMENTS", "implements", "Document", "Document", _ASSERTED)
REPLACES = RelType("REPLACES", "replaces", "Document", "Document", _ASSERTED)
AMENDS = RelType("AMENDS", "amends", "Document", "Document", _ASSERTED)
CITES = RelType(
    "CITES", "cites", "Document", "Document", (*_ASSERTED, Prop("resolution", "resolution"))
)
ISSUED_BY = RelType("ISSUED_BY", "issuedBy", "Document", "Body", _STATED)
ADDRESSES = RelType("ADDRESSES", "addresses", "Document", "Body", _STATED)
ASSIGNS = RelType("ASSIGNS", "assigns", "Document", "Task")
SETS_TARGET = RelType("SETS_TARGET", "setsTarget", "Document", "Target")
OWNED_BY = RelType("OWNED_BY", "ownedBy", "Task", "Body", _STATED)
COORDINATED_BY = RelType("COORDINATED_BY", "coordinatedBy", "Task", "Body", _STATED)
HAS_TARGET = RelType("HAS_TARGET", "hasTarget", "Task", "Target")
PART_OF = RelType("PART_OF", "partOf", "Body", "Body")  # derived from names, not asserted

NODE_TYPES: Final = (DOCUMENT, BODY, TASK, TARGET)
# What one document says of another: its own statements and those between the documents
# it cites; ``rel`` of a cited relation is the term.
DOCUMENT_RELATIONS: Final = (IMPLEMENTS, REPLACES, AMENDS)
DOCUMENT_RELATION_BY_TERM: Final = {r.term: r for r in DOCUMENT_RELATIONS}
REL_TYPES: Final = (
    IMPLEMENTS, REPLACES, AMENDS, CITES, ISSUED_BY, ADDRESSES, ASSIGNS, SETS_TARGET,
    OWNED_BY, COORDINATED_BY, HAS_TARGET, PART_OF,
)
# The relationship types stored once per ordered pair, with their assertions as lists.
ASSERTED_RELATIONS: Final = (*DOCUMENT_RELATIONS, CITES)
NODE_BY_LABEL: Final = {n.label: n for n in NODE_TYPES}
REL_BY_TYPE: Final = {r.type: r for r in REL_TYPES}


def assertion(document_id: str, origin: str | None, span: tuple[int, int] | None) -> str:
    """One item of ``assertions``: "tw:2024:69-kl-tw text 120-168"."""
    where = f"{span[0]}-{span[1]}" if span is not None else "-"
    return f"{document_id} {origin or '-'} {where}"


def parse_assertion(item: str) -> tuple[str, str | None, tuple[int, int] | None]:
    """The document id, origin and span of one item of ``assertions``."""
    document_id, origin, where = item.split(" ")
    start, _, end = where.partition("-")
    return (document_id, None if origin == "-" else origin,
            (int(start), int(end)) if end else None)


def node_iri(node: NodeType, node_id: str) -> str:
    """IRI of a graph node: ``https://w3id.org/policykg/id/document/tw:2012:20-nq-tw``."""
    return f"{ID_IRI}{node.id_segment}/{node_id}"


def kind_iri(kind: str) -> str:
    """IRI of a document-kind class (``NghiQuyet`` → ``pkg:NghiQuyet``)."""
    return BASE_IRI + kind
