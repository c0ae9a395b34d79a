"""Validate the graph (or one document's subgraph) and report it for people.

Two engines give the same findings (a test compares them):

* ``shacl`` exports the graph through the one mapping (:func:`ontology.rdf.to_rdf`)
  and runs the SHACL shapes with pyshacl — the reference, for small graphs;
* ``graph`` runs one Cypher rule per shape inside the store (:mod:`queries.rules`) —
  for large graphs, where pyshacl takes minutes and gigabytes.

``auto`` picks ``shacl`` up to ``POLICYKG_SHACL_MAX_NODES`` nodes (default 20 000)
and ``graph`` above.  With a document, pyshacl checks the document's subgraph
alone, while the graph engine checks the same nodes with the whole graph around
them.  :func:`render_text` groups the findings by severity and shape, with counts
and human-readable names for the focus nodes (document numbers, task sections,
body names), and names every shape an engine did not evaluate.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any, Literal

from ontology import mapping as m
from ontology.validation import SEVERITIES, Finding, ValidationReport
from policykg.settings import get_settings
from queries.store import GraphStore

Engine = Literal["auto", "graph", "shacl"]

_FIRST_WORDS = 10


@dataclass(frozen=True)
class ValidationRun:
    """A report and the names of the nodes it speaks of."""

    report: ValidationReport
    names: dict[str, str]  # focus IRI → human-readable name
    triples: int | None  # RDF triples pyshacl checked (None for the graph engine)
    engine: Literal["graph", "shacl"] = "shacl"
    skipped: tuple[str, ...] = ()  # shapes not evaluated, each with the reason

    def to_json(self) -> dict[str, Any]:
        out = self.report.to_json()
        for finding in out["findings"]:
            finding["name"] = self.names.get(finding["focus"], finding["focus"])
        out["engine"] = self.engine
        out["triples"] = self.triples
        out["not_evaluated"] = list(self.skipped)
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


def choose_engine(store: GraphStore, engine: Engine) -> Literal["graph", "shacl"]:
    """``engine``, or for ``auto`` the one the graph's size calls for."""
    if engine != "auto":
        return engine
    return "graph" if store.count_nodes() > get_settings().shacl_max_nodes else "shacl"


def validate_store(store: GraphStore, document: str | None = None,
                   engine: Engine = "shacl") -> ValidationRun:
    """Validate the whole graph, or the subgraph of ``document``, with ``engine``."""
    from policykg.errors import ReferenceNotFound
    from queries.export import document_slice, dump_nodes, dump_relationships

    chosen = choose_engine(store, engine)
    if document is None:
        if chosen == "graph":
            return _validate_in_graph(store, None)
        nodes = list(dump_nodes(store))
        rels = list(dump_relationships(store))
    else:
        nodes, rels = document_slice(store, document)
        if not nodes:
            raise ReferenceNotFound(document, f"no document with id {document!r}")
        if chosen == "graph":
            return _validate_in_graph(store, [p["id"] for _, p in nodes])
    from ontology.rdf import to_rdf
    from ontology.validation import validate_rdf

    graph = to_rdf(nodes, rels)
    return ValidationRun(validate_rdf(graph), node_names(nodes), len(graph))


def _validate_in_graph(store: GraphStore, ids: list[str] | None) -> ValidationRun:
    from queries.rules import graph_report, run_rules

    run = run_rules(store, ids)
    skipped = (*run.skipped, *(f"{name}: a rule with no shape in shapes.ttl"
                               for name in run.unmatched_rules))
    names = focus_names(store, {f.focus for f in run.findings})
    return ValidationRun(graph_report(run), names, None, "graph", skipped)


def focus_names(store: GraphStore, iris: Iterable[str]) -> dict[str, str]:
    """Human-readable names of the nodes with these IRIs, read from the store."""
    from queries.catalog import load_catalog

    query = load_catalog(store.engine)["nodes_by_id"].text
    prefixes = [m.node_iri(n, "") for n in m.NODE_TYPES]
    ids = sorted({iri[len(p):] for iri in iris for p in prefixes if iri.startswith(p)})
    nodes = [(r["label"], r["props"]) for r in store.read(query, {"ids": ids})]
    documents = {p.get("document_id") for label, p in nodes if label == m.TASK.label} - {None}
    nodes += [(r["label"], r["props"])
              for r in store.read(query, {"ids": sorted(documents - set(ids))})]
    return node_names(nodes)


def _shape_name(shape: str) -> str:
    return shape.rsplit("/", 1)[-1].rsplit("#", 1)[-1]


def render_text(run: ValidationRun) -> str:
    """The report, grouped by severity then shape, with counts and names."""
    report = run.report
    counts = report.counts()
    lines = [
        ("Conforms" if report.conforms else "Does not conform") + ": "
        + ", ".join(f"{counts[s]} {s.lower()}{'s' if counts[s] != 1 else ''}" for s in SEVERITIES)
        + (f" ({run.triples} triples checked by pyshacl)" if run.triples is not None
           else " (checked by the graph engine's Cypher rules)")
    ]
    lines += [f"Not evaluated: {reason}" for reason in run.skipped]
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
