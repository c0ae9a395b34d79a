"""SHACL validation of policykg RDF (pyshacl with ``shapes.ttl``).

Run it on per-document or per-tree slices: pyshacl parses and runs a SPARQL-based
shape's query once per focus node (see /work/shared/NOTES.md).  No inference is
run: :func:`policykg.ontology.rdf.to_rdf` writes explicit types, and the ontology is mixed
into the data so that a node typed only with a subclass (a kind class) is still a
target of ``sh:targetClass pkg:Document``.  ``conforms`` is false only when a
finding is a Violation; Warnings and Infos are reported but do not fail validation.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from functools import cache
from typing import Any, Final, Literal, cast

from rdflib import RDF, SH, Graph
from rdflib.collection import Collection
from rdflib.extras.shacl import parse_shacl_path
from rdflib.paths import Path
from rdflib.term import Literal as RDFLiteral
from rdflib.term import Node, URIRef

from policykg.ontology.mapping import ID_IRI
from policykg.ontology.rdf import load_ontology, load_shapes

Severity = Literal["Violation", "Warning", "Info"]
SEVERITIES: Final[tuple[Severity, ...]] = ("Violation", "Warning", "Info")


@dataclass(frozen=True, order=True, slots=True)
class Finding:
    """One SHACL validation result."""

    shape: str  # IRI of the node or property shape that fired
    severity: Severity
    focus: str
    message_vi: str
    message_en: str
    path: str | None = None  # SPARQL property path syntax, full IRIs
    value: str | None = None

    def to_json(self) -> dict[str, str | None]:
        return {"shape": self.shape, "severity": self.severity, "focus": self.focus,
                "message_vi": self.message_vi, "message_en": self.message_en,
                "path": self.path, "value": self.value}


@dataclass(frozen=True)
class ValidationReport:
    """The findings of one validation run (either engine)."""

    conforms: bool
    findings: tuple[Finding, ...]

    def by_shape(self) -> dict[str, list[Finding]]:
        grouped: dict[str, list[Finding]] = {}
        for finding in self.findings:
            grouped.setdefault(finding.shape, []).append(finding)
        return grouped

    def counts(self) -> dict[str, int]:
        """Number of findings per severity (every severity present, zero included)."""
        return {s: sum(f.severity == s for f in self.findings) for s in SEVERITIES}

    def to_json(self) -> dict[str, Any]:
        return {
            "conforms": self.conforms,
            "counts": self.counts(),
            "findings": [f.to_json() for f in self.findings],
        }

    def turtle(self) -> Iterator[str]:
        """The SHACL validation report graph in Turtle, written piece by piece.

        As pyshacl would write it (``sh:ValidationReport`` with one ``sh:result`` per
        finding: source shape, severity, focus node, both messages, ``sh:resultPath``
        copied from the shape, ``sh:value``), without holding it as an RDF graph, so
        that a report of a million findings streams.
        """
        yield f"@prefix sh: <{SH}> .\n\n[] a sh:ValidationReport ;\n"
        yield f"    sh:conforms {'true' if self.conforms else 'false'}"
        for i, finding in enumerate(self.findings):
            yield (" ;\n    sh:result\n" if i == 0 else " ,\n") + _result_turtle(finding)
        yield " .\n"


def _result_turtle(f: Finding) -> str:
    parts = ["a sh:ValidationResult", f"sh:sourceShape <{f.shape}>",
             f"sh:resultSeverity sh:{f.severity}", f"sh:focusNode <{f.focus}>",
             f"sh:resultMessage {RDFLiteral(f.message_vi, lang='vi').n3()}, "
             f"{RDFLiteral(f.message_en, lang='en').n3()}"]
    if f.path is not None:
        parts.append(f"sh:resultPath {_shape_path_turtle(f.shape)}")
    if f.value is not None:
        value = URIRef(f.value) if f.value.startswith(ID_IRI) else RDFLiteral(f.value)
        parts.append(f"sh:value {value.n3()}")
    return "        [ " + " ;\n          ".join(parts) + " ]"


@cache
def _shape_path_turtle(shape: str) -> str:
    """The ``sh:path`` of ``shape`` in ``shapes.ttl``, in Turtle."""
    path = _shapes().value(URIRef(shape), SH.path)
    if path is None:
        raise ValueError(f"shape {shape} has findings with a path but no sh:path")
    return _path_turtle(_shapes(), path)


def _path_turtle(shapes: Graph, path: Node) -> str:
    if isinstance(path, URIRef):
        return path.n3()
    if (path, RDF.first, None) in shapes:
        return "( " + " ".join(_path_turtle(shapes, p) for p in Collection(shapes, path)) + " )"
    for kind in (SH.inversePath, SH.alternativePath, SH.zeroOrMorePath, SH.oneOrMorePath,
                 SH.zeroOrOnePath):
        inner = shapes.value(path, kind)
        if inner is not None:
            return f"[ {kind.n3()} {_path_turtle(shapes, inner)} ]"
    raise ValueError(f"not a SHACL property path: {path!r}")


@cache
def _shapes() -> Graph:
    return load_shapes()


@cache
def _ontology() -> Graph:
    return load_ontology()


@cache
def _messages() -> dict[Node, dict[str | None, str]]:
    """``sh:message`` of every shape by language: pyshacl drops the language tags of
    SPARQL-based results' messages, so findings take them from the shapes."""
    messages: dict[Node, dict[str | None, str]] = {}
    for shape, message in _shapes().subject_objects(SH.message):
        if isinstance(message, RDFLiteral):
            messages.setdefault(shape, {})[message.language] = str(message)
    return messages


def validate_rdf(data: Graph) -> ValidationReport:
    """Validate ``data`` against ``shapes.ttl`` with the ontology mixed in (no inference)."""
    from pyshacl import validate  # lazy: 230 ms; the graph engine needs only the report types

    _, results, _ = validate(
        data,
        shacl_graph=_shapes(),
        ont_graph=_ontology(),
        inference="none",
        allow_warnings=True,
        allow_infos=True,
    )
    findings = findings_in(cast(Graph, results))
    return ValidationReport(
        conforms=not any(f.severity == "Violation" for f in findings),
        findings=findings,
    )


def findings_in(results: Graph) -> tuple[Finding, ...]:
    """The findings of a SHACL validation report graph (pyshacl's, or a parsed
    :meth:`ValidationReport.turtle`), sorted."""
    return tuple(sorted(
        _finding(results, r) for r in results.subjects(RDF.type, SH.ValidationResult)))


def _finding(results: Graph, result: Node) -> Finding:
    shape = results.value(result, SH.sourceShape)
    if not isinstance(shape, URIRef):
        raise ValueError(f"a SHACL result comes from an unnamed shape ({shape}); "
                         "every shape in shapes.ttl needs an IRI")
    messages = _messages().get(shape, {})
    if "vi" not in messages or "en" not in messages:
        raise ValueError(f"shape {shape} lacks an sh:message in Vietnamese (@vi) "
                         "and in English (@en)")
    severity = results.value(result, SH.resultSeverity)
    path = results.value(result, SH.resultPath)
    value = results.value(result, SH.value)
    return Finding(
        shape=str(shape),
        severity=cast(Severity, str(severity).removeprefix(str(SH))),
        focus=str(results.value(result, SH.focusNode)),
        message_vi=messages["vi"],
        message_en=messages["en"],
        path=None if path is None else _path_text(results, path),
        value=None if value is None else str(value),
    )


def _path_text(results: Graph, path: Node) -> str:
    parsed = parse_shacl_path(results, path)
    return parsed.n3() if isinstance(parsed, Path) else f"<{parsed}>"
