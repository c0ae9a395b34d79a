"""Validate the graph (or one document's subgraph) and report it for people.

:func:`validate_store` exports the graph through the one mapping
(:func:`ontology.rdf.to_rdf`) and runs the SHACL shapes with pyshacl;
:func:`render_text` groups the findings by severity and shape, with counts and
human-readable names for the focus nodes (document numbers, task sections,
body names).
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from ontology import mapping as m
from ontology.validation import SEVERITIES, Finding, ValidationReport
from queries.store import GraphStore

_FIRST_WORDS = 10


@dataclass(frozen=True)
class ValidationRun:
    """A report and the names of the nodes it speaks of."""

    report: ValidationReport
    names: dict[str, str]  # focus IRI → human-readable name
    triples: int

    def to_json(self) -> dict[str, Any]:
        out = self.report.to_json()
        for finding in out["findings"]:
            finding["name"] = self.names.get(finding["focus"], finding["focus"])
        out["triples"] = self.triples
        return out


def _doc_name(props: dict[str, Any]) -> str:
    label = props.get("number") or props.get("title") or props["id"]
    year = props.get("year")
    return f"{label} ({year})" if year else str(label)


def node_names(nodes: Iterable[tuple[str, dict[str, Any]]]) -> dict[str, str]:
    """Human-readable names of nodes, keyed by their IRIs."""
    nodes = list(nodes)
    docs = {p["id"]: _doc_name(p) for label, p in nodes if label == m.DOCUMENT.label}
    names: dict[str, str] = {}
    for label, p in nodes:
        node_type = m.NODE_BY_LABEL[label]
        if label == m.DOCUMENT.label:
            name = docs[p["id"]]
        elif label == m.TASK.label:
            words = " ".join(str(p.get("text", "")).split()[:_FIRST_WORDS])
            name = f"{docs.get(p.get('document_id', ''), p.get('document_id'))} " \
                   f"§{p.get('section') or '?'}: “{words}…”"
        elif label == m.TARGET.label:
            name = f"{p.get('value')} {p.get('unit') or ''}".strip() + \
                   f" — {p.get('metric') or p.get('text', '')}"
        else:
            name = str(p.get("name") or p["id"])
        names[m.node_iri(node_type, p["id"])] = name
    return names


def validate_store(store: GraphStore, document: str | None = None) -> ValidationRun:
    """Validate the whole graph, or the subgraph of ``document``, with pyshacl."""
    from ontology.rdf import to_rdf
    from ontology.validation import validate_rdf
    from policykg.errors import ReferenceNotFound
    from queries.export import document_slice, dump_nodes, dump_relationships

    if document is None:
        nodes = list(dump_nodes(store))
        rels = list(dump_relationships(store))
    else:
        nodes, rels = document_slice(store, document)
        if not nodes:
            raise ReferenceNotFound(document, f"no document with id {document!r}")
    graph = to_rdf(nodes, rels)
    return ValidationRun(validate_rdf(graph), node_names(nodes), len(graph))


def _shape_name(shape: str) -> str:
    return shape.rsplit("/", 1)[-1].rsplit("#", 1)[-1]


def render_text(run: ValidationRun) -> str:
    """The report, grouped by severity then shape, with counts and names."""
    report = run.report
    counts = report.counts()
    lines = [
        ("Conforms" if report.conforms else "Does not conform") + ": "
        + ", ".join(f"{counts[s]} {s.lower()}{'s' if counts[s] != 1 else ''}" for s in SEVERITIES)
        + f" ({run.triples} triples checked)"
    ]
    by_severity: dict[str, dict[str, list[Finding]]] = {}
    for finding in report.findings:
        by_severity.setdefault(finding.severity, {}).setdefault(finding.shape, []).append(finding)
    for severity in SEVERITIES:
        for shape, findings in sorted(by_severity.get(severity, {}).items()):
            first = findings[0]
            lines.append("")
            lines.append(f"{severity} {_shape_name(shape)} ({len(findings)}): {first.message_en}")
            lines.append(f"    {first.message_vi}")
            for f in sorted(findings, key=lambda f: run.names.get(f.focus, f.focus)):
                extra = f" [{f.value}]" if f.value else ""
                lines.append(f"  - {run.names.get(f.focus, f.focus)}{extra}")
    return "\n".join(lines)
