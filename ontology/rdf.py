"""Graph dump ⇄ RDF, through :mod:`policykg.ontology.mapping` only.

A graph dump is what a store returns for ``labels(n)[0], properties(n)`` (nodes)
and ``type(r), a.id, b.id, properties(r)`` (relationships).  :func:`to_rdf` turns
it into RDF in the ontology's terms and :func:`from_rdf` turns that back, so that
``from_rdf(to_rdf(nodes, rels))`` returns the same nodes and relationships.

Each relationship becomes its direct triple plus one ``rdf:Statement`` carrying its
properties (the pattern documented in ``policykg.ttl``).  A Document is typed with
``pkg:Document`` and with its kind class.  List properties become one triple per
item: RDF has no order or repetition there, so :func:`from_rdf` returns their items
sorted, and an empty list, like ``None``, writes nothing.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable, Iterator, Mapping
from datetime import date
from pathlib import Path
from typing import Any, Final

from rdflib import RDF, XSD, BNode, Graph, Literal, Namespace, URIRef
from rdflib.term import Node

from policykg.ontology import mapping as m
from policykg.ontology.records import DocumentKind

NodeRow = tuple[str, Mapping[str, Any]]
RelRow = tuple[str, str, str, Mapping[str, Any]]

_HERE: Final = Path(__file__).parent
PKG: Final = Namespace(m.BASE_IRI)
_KIND: Final = m.DOCUMENT.prop("kind")
_KIND_CLASSES: Final[dict[Node, str]] = {URIRef(m.kind_iri(k.value)): k.value for k in DocumentKind}
_NODE_BY_CLASS: Final[dict[Node, m.NodeType]] = {URIRef(n.iri): n for n in m.NODE_TYPES}
_REL_BY_IRI: Final[dict[Node, m.RelType]] = {URIRef(r.iri): r for r in m.REL_TYPES}
_REIFICATION: Final = (RDF.type, RDF.subject, RDF.predicate, RDF.object)
_IRI_UNSAFE: Final = re.compile(r'[\s<>"{}|\\^`]')
_ISO_DATE: Final = re.compile(r"^\d{4}-\d{2}-\d{2}$")


def load_ontology() -> Graph:
    """The OWL ontology (``policykg.ttl``)."""
    return Graph().parse(_HERE / "policykg.ttl", format="turtle")


def load_shapes() -> Graph:
    """The SHACL shapes (``shapes.ttl``)."""
    return Graph().parse(_HERE / "shapes.ttl", format="turtle")


def load_context() -> dict[str, Any]:
    """The JSON-LD context (``context.jsonld``), without its ``@context`` wrapper."""
    context: dict[str, Any] = json.loads((_HERE / "context.jsonld").read_text("utf-8"))
    return dict(context["@context"])


# ---------------------------------------------------------------- export


def to_rdf(nodes: Iterable[NodeRow], relationships: Iterable[RelRow]) -> Graph:
    """RDF for a graph dump; raise ``ValueError`` naming any label, type or property
    the mapping does not know, or any value of the wrong type."""
    graph = Graph()
    graph.bind("pkg", PKG)
    for label, props in nodes:
        _add_node(graph, label, props)
    for rel_type, source, target, props in relationships:
        _add_relationship(graph, rel_type, source, target, props)
    return graph


def _iri(node: m.NodeType, node_id: object) -> URIRef:
    if not isinstance(node_id, str) or not node_id or _IRI_UNSAFE.search(node_id):
        raise ValueError(f"{node.label} id {node_id!r} cannot be part of an IRI")
    return URIRef(m.node_iri(node, node_id))


def _add_node(graph: Graph, label: str, props: Mapping[str, Any]) -> None:
    node = m.NODE_BY_LABEL.get(label)
    if node is None:
        raise ValueError(f"node label {label!r} is not in the mapping")
    subject = _iri(node, props.get("id"))
    graph.add((subject, RDF.type, URIRef(node.iri)))
    own = {name: value for name, value in props.items() if name != "id"}
    _add_props(graph, subject, node.props, own, f"{label} {props['id']!r}")
    kind = props.get(_KIND.name)
    if node is m.DOCUMENT and kind is not None:
        if kind not in _KIND_CLASSES.values():
            raise ValueError(f"Document {props['id']!r}: kind {kind!r} is not a DocumentKind")
        graph.add((subject, RDF.type, URIRef(m.kind_iri(kind))))


def _add_relationship(
    graph: Graph, rel_type: str, source: str, target: str, props: Mapping[str, Any]
) -> None:
    rel = m.REL_BY_TYPE.get(rel_type)
    if rel is None:
        raise ValueError(f"relationship type {rel_type!r} is not in the mapping")
    triple = (
        _iri(m.NODE_BY_LABEL[rel.source], source),
        URIRef(rel.iri),
        _iri(m.NODE_BY_LABEL[rel.target], target),
    )
    graph.add(triple)
    statement = BNode()
    graph.add((statement, RDF.type, RDF.Statement))
    graph.add((statement, RDF.subject, triple[0]))
    graph.add((statement, RDF.predicate, triple[1]))
    graph.add((statement, RDF.object, triple[2]))
    _add_props(graph, statement, rel.props, props, f"{rel_type} {source!r}->{target!r}")


def _add_props(
    graph: Graph, subject: URIRef | BNode, known: tuple[m.Prop, ...],
    props: Mapping[str, Any], where: str,
) -> None:
    by_name = {p.name: p for p in known}
    for name, value in props.items():
        if value is None:
            continue
        prop = by_name.get(name)
        if prop is None:
            raise ValueError(f"{where}: property {name!r} is not in the mapping")
        for literal in _literals(prop, value, where):
            graph.add((subject, URIRef(prop.iri), literal))


def _literals(prop: m.Prop, value: object, where: str) -> list[Literal]:
    if prop.datatype is m.Datatype.STRING_LIST:
        if isinstance(value, list | tuple) and all(isinstance(item, str) for item in value):
            return [Literal(item) for item in value]
    elif _is_scalar(prop.datatype, value):
        datatype = XSD.date if prop.datatype is m.Datatype.DATE else None
        return [Literal(value, datatype=datatype)]
    raise ValueError(f"{where}: {prop.name} = {value!r} is not a {prop.datatype.value}")


def _is_scalar(datatype: m.Datatype, value: object) -> bool:
    match datatype:
        case m.Datatype.STRING:
            return isinstance(value, str)
        case m.Datatype.DATE:
            return isinstance(value, str) and _is_iso_date(value)
        case m.Datatype.INTEGER:
            return isinstance(value, int) and not isinstance(value, bool)
        case m.Datatype.BOOLEAN:
            return isinstance(value, bool)
    return False


def _is_iso_date(value: str) -> bool:
    if not _ISO_DATE.match(value):
        return False
    try:
        date.fromisoformat(value)
    except ValueError:
        return False
    return True


# ---------------------------------------------------------------- import


def from_rdf(graph: Graph) -> tuple[list[tuple[str, dict[str, Any]]],
                                    list[tuple[str, str, str, dict[str, Any]]]]:
    """Nodes and relationships of ``graph`` as a graph dump (the inverse of :func:`to_rdf`).

    Subjects typed with a node class and ``rdf:Statement`` subjects are read;
    a predicate, type or value on them that the mapping does not allow raises
    ``ValueError``, and so does a relationship whose end is not a node of the graph.
    A direct triple with no statement is a relationship without properties.
    """
    nodes = sorted(
        (_read_node(graph, subject) for subject in _typed_subjects(graph)),
        key=lambda n: (n[0], n[1]["id"]),
    )
    relationships: list[tuple[str, str, str, dict[str, Any]]] = []
    stated: set[tuple[Node, Node, Node]] = set()
    for statement in graph.subjects(RDF.type, RDF.Statement):
        s, p, o = (_one(graph, statement, term) for term in _REIFICATION[1:])
        rel = _REL_BY_IRI.get(p)
        if rel is None:
            raise ValueError(f"statement {statement}: predicate {p} is not a relationship term")
        if (s, p, o) not in graph:
            raise ValueError(f"statement {statement}: direct triple {s} {p} {o} is missing")
        stated.add((s, p, o))
        props = _read_props(graph, statement, rel.props, _REIFICATION, f"statement of {p}")
        relationships.append((rel.type, *_ends(rel, s, o), props))
    for p, rel in _REL_BY_IRI.items():
        for s, o in graph.subject_objects(p):
            if (s, p, o) not in stated:
                relationships.append((rel.type, *_ends(rel, s, o), {}))
    relationships.sort(key=lambda r: (r[0], r[1], r[2], sorted(r[3].items())))
    ids = {(label, props["id"]) for label, props in nodes}
    for rel_type, source, target, _ in relationships:
        rel = m.REL_BY_TYPE[rel_type]
        for label, end in ((rel.source, source), (rel.target, target)):
            if (label, end) not in ids:
                raise ValueError(f"{rel.iri} from {source} to {target}: {end} is not a "
                                 f"{label} of the file (no rdf:type {m.NODE_BY_LABEL[label].iri})")
    return nodes, relationships


def _typed_subjects(graph: Graph) -> set[Node]:
    return {s for cls in _NODE_BY_CLASS for s in graph.subjects(RDF.type, cls)}


def _node_id(node: m.NodeType, iri: Node) -> str:
    prefix = m.node_iri(node, "")
    if not isinstance(iri, URIRef) or not iri.startswith(prefix) or len(iri) == len(prefix):
        raise ValueError(f"{iri} is not the IRI of a {node.label} (expected {prefix}<id>)")
    return str(iri)[len(prefix):]


def _ends(rel: m.RelType, s: Node, o: Node) -> tuple[str, str]:
    return _node_id(m.NODE_BY_LABEL[rel.source], s), _node_id(m.NODE_BY_LABEL[rel.target], o)


def _one(graph: Graph, subject: Node, predicate: URIRef) -> Node:
    values = list(graph.objects(subject, predicate))
    if len(values) != 1:
        raise ValueError(f"{subject} has {len(values)} values for {predicate}, expected one")
    return values[0]


def _read_node(graph: Graph, subject: Node) -> tuple[str, dict[str, Any]]:
    types = set(graph.objects(subject, RDF.type))
    classes = [_NODE_BY_CLASS[t] for t in types if t in _NODE_BY_CLASS]
    if len(classes) != 1:
        raise ValueError(f"{subject} is typed with {len(classes)} node classes, expected one")
    node = classes[0]
    outgoing = {URIRef(r.iri) for r in m.REL_TYPES if r.source == node.label}
    props = {"id": _node_id(node, subject),
             **_read_props(graph, subject, node.props, (RDF.type, *outgoing), node.label)}
    kinds = {_KIND_CLASSES[t] for t in types if t in _KIND_CLASSES}
    expected = {props[_KIND.name]} if node is m.DOCUMENT and _KIND.name in props else set()
    if kinds != expected or len(types) != 1 + len(kinds):
        raise ValueError(f"{subject}: types {sorted(map(str, types))} do not match "
                         f"label {node.label} and kind {sorted(expected)}")
    return node.label, props


def _read_props(
    graph: Graph, subject: Node, known: tuple[m.Prop, ...],
    skip: Iterable[URIRef], where: str,
) -> dict[str, Any]:
    by_iri: dict[Node, m.Prop] = {URIRef(p.iri): p for p in known}
    skipped = set(skip)
    props: dict[str, Any] = {}
    for predicate, obj in graph.predicate_objects(subject):
        if predicate in skipped:
            continue
        prop = by_iri.get(predicate)
        if prop is None:
            raise ValueError(f"{subject}: {predicate} is not a property of {where} "
                             "in the mapping")
        value = _value(prop, obj, str(subject))
        if prop.datatype is m.Datatype.STRING_LIST:
            props.setdefault(prop.name, []).append(value)
        elif prop.name in props:
            raise ValueError(f"{subject}: several values for {prop.iri}")
        else:
            props[prop.name] = value
    for value in props.values():
        if isinstance(value, list):
            value.sort()
    return props


_DATATYPE_IRI: Final = {
    m.Datatype.STRING: None, m.Datatype.STRING_LIST: None, m.Datatype.DATE: XSD.date,
    m.Datatype.INTEGER: XSD.integer, m.Datatype.BOOLEAN: XSD.boolean,
}


def _value(prop: m.Prop, obj: Node, where: str) -> str | int | bool:
    expected = _DATATYPE_IRI[prop.datatype]
    if not isinstance(obj, Literal) or obj.language is not None or obj.ill_typed or (
        obj.datatype != expected and not (expected is None and obj.datatype == XSD.string)
    ):
        raise ValueError(f"{where}: {prop.iri} value {obj.n3()} is not a {prop.datatype.value}")
    text = str(obj)
    if prop.datatype is m.Datatype.INTEGER:
        return int(text)
    if prop.datatype is m.Datatype.BOOLEAN:
        return text in ("true", "1")
    return text


# ---------------------------------------------------------------- JSON-LD


def to_jsonld(graph: Graph) -> str:
    """``graph`` as JSON-LD compacted with ``context.jsonld`` (the context is embedded)."""
    return graph.serialize(format="json-ld", context=load_context(), indent=2)


def from_jsonld(text: str) -> Graph:
    """Parse JSON-LD written by :func:`to_jsonld`, whose context is embedded.

    A context given by reference (an IRI, a file, an ``@import``) is refused: the
    parser would fetch it, from the network or the server's disk.
    """
    try:
        document = json.loads(text)
    except (json.JSONDecodeError, RecursionError) as exc:
        raise ValueError(f"not JSON: {exc}") from exc
    for context in _contexts(document):
        for entry in context if isinstance(context, list) else [context]:
            if not isinstance(entry, dict) or "@import" in entry:
                raise ValueError("a JSON-LD context given by reference (to fetch from "
                                 f"{entry if isinstance(entry, str) else '@import'}) is "
                                 "not read: embed the context, as the export does")
    return Graph().parse(data=text, format="json-ld")


def _contexts(document: object) -> Iterator[object]:
    """Every ``@context`` value in ``document``, at any depth (without recursion)."""
    stack = [document]
    while stack:
        item = stack.pop()
        if isinstance(item, dict):
            if "@context" in item:
                yield item["@context"]
            stack.extend(item.values())
        elif isinstance(item, list):
            stack.extend(item)
