"""What ``shapes.ttl`` says about each of its shapes, for engines other than pyshacl.

A *checked* shape is a top-level shape with an ``sh:severity`` (helpers such as
``pkgsh:IsStub`` have none).  :func:`shape_infos` gives, for each, its severity,
its messages, the label of its focus nodes (from ``sh:targetClass`` or
``sh:targetSubjectsOf`` through :mod:`policykg.ontology.mapping`), its result path, and the
constants the graph engine's Cypher rule needs (``sh:in`` values, ``sh:hasValue``,
``sh:pattern``), read from the shape's own blank nodes, never from named helpers.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from functools import cache
from typing import Any, cast

from rdflib import SH, Graph, URIRef
from rdflib.collection import Collection
from rdflib.extras.shacl import parse_shacl_path
from rdflib.paths import Path
from rdflib.term import BNode, Literal, Node

from policykg.ontology import mapping as m
from policykg.ontology.rdf import load_shapes
from policykg.ontology.validation import Severity

_CLASS_LABELS: dict[Node, str] = {URIRef(n.iri): n.label for n in m.NODE_TYPES}
_SUBJECT_LABELS: dict[Node, str] = {URIRef(r.iri): r.source for r in m.REL_TYPES}


@dataclass(frozen=True)
class ShapeInfo:
    """One checked shape of ``shapes.ttl``."""

    iri: str
    name: str  # local name, e.g. "TaskOwner"
    severity: Severity
    message_vi: str
    message_en: str
    focus_label: str  # graph label of the focus nodes
    path: str | None  # as pyshacl reports it (SPARQL path syntax), property shapes only
    constants: dict[str, Any]  # in_values, has_value, patterns (those the shape has)


def _reachable(shapes: Graph, start: Node) -> Iterator[Node]:
    """``start`` and the blank nodes (and RDF list cells) under it."""
    todo, seen = [start], set()
    while todo:
        node = todo.pop()
        if node in seen:
            continue
        seen.add(node)
        yield node
        todo += [o for o in shapes.objects(node, None) if isinstance(o, BNode)]


def _python(value: Node) -> Any:
    if isinstance(value, Literal):
        return value.toPython()
    text = str(value)
    return text.removeprefix(m.BASE_IRI)  # a document-kind class IRI → the kind name


def _constants(shapes: Graph, shape: Node) -> dict[str, Any]:
    found: dict[str, Any] = {}
    for node in _reachable(shapes, shape):
        for head in shapes.objects(node, SH["in"]):
            found["in_values"] = [_python(v) for v in Collection(shapes, head)]
        for value in shapes.objects(node, SH.hasValue):
            found["has_value"] = _python(value)
        for pattern in shapes.objects(node, SH.pattern):
            found.setdefault("patterns", []).append(str(pattern))
    return found


def _focus_label(shapes: Graph, shape: Node) -> str:
    for cls in shapes.objects(shape, SH.targetClass):
        return _CLASS_LABELS[cls]
    for prop in shapes.objects(shape, SH.targetSubjectsOf):
        return _SUBJECT_LABELS[prop]
    raise ValueError(f"shape {shape} has no sh:targetClass or sh:targetSubjectsOf "
                     "naming a class or relationship of the mapping")


def _path(shapes: Graph, shape: Node) -> str | None:
    path = shapes.value(shape, SH.path)
    if path is None:
        return None
    parsed = parse_shacl_path(shapes, path)
    return parsed.n3() if isinstance(parsed, Path) else f"<{parsed}>"


def _message(shapes: Graph, shape: Node, language: str) -> str:
    for message in shapes.objects(shape, SH.message):
        if isinstance(message, Literal) and message.language == language:
            return str(message)
    raise ValueError(f"shape {shape} lacks an sh:message in @{language}")


@cache
def shape_infos() -> tuple[ShapeInfo, ...]:
    """Every checked shape of ``shapes.ttl``, ordered by IRI."""
    shapes = load_shapes()
    infos = []
    for shape, severity in shapes.subject_objects(SH.severity):
        iri = str(shape)
        infos.append(ShapeInfo(
            iri=iri,
            name=iri.rsplit("/", 1)[-1],
            severity=cast(Severity, str(severity).removeprefix(str(SH))),
            message_vi=_message(shapes, shape, "vi"),
            message_en=_message(shapes, shape, "en"),
            focus_label=_focus_label(shapes, shape),
            path=_path(shapes, shape),
            constants=_constants(shapes, shape),
        ))
    return tuple(sorted(infos, key=lambda i: i.iri))
