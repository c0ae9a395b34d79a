"""Validate the graph (or one document's subgraph) and report it for people.

Two engines give the same findings (a test compares them):

* ``shacl`` exports the graph through the one mapping (:func:`policykg.ontology.rdf.to_rdf`)
  and runs the SHACL shapes with pyshacl — the reference, for small graphs;
* ``graph`` runs one Cypher rule per shape inside the store (:mod:`policykg.queries.rules`) —
  for large graphs, where pyshacl takes minutes and gigabytes.

``auto`` picks ``shacl`` up to ``POLICYKG_SHACL_MAX_NODES`` nodes (default 20 000)
and ``graph`` above.  With a document, pyshacl checks the document's subgraph
alone, while the graph engine checks the same nodes with the whole graph around
them.  :func:`text_lines` groups the findings by severity and shape, with counts
and human-readable names for the focus nodes (document numbers, task sections,
body names), and names every shape an engine did not evaluate.  Reports are
written piece by piece (:meth:`ValidationRun.json_chunks`,
:meth:`ValidationReport.turtle <policykg.ontology.validation.ValidationReport.turtle>`,
:func:`text_lines`): a graph of a million tasks can have hundreds of thousands of
findings.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from typing import Any, Literal, TextIO

from policykg.core.errors import ReferenceNotFound
from policykg.core.printable import printable
from policykg.core.settings import get_settings
from policykg.ontology import mapping as m
from policykg.ontology.rdf import to_rdf
from policykg.ontology.validation import SEVERITIES, Finding, ValidationReport, validate_rdf
from policykg.queries.captions import caption
from policykg.queries.catalog import load_catalog
from policykg.queries.export import document_slice, dump_nodes, dump_relationships
from policykg.queries.rules import Step, graph_report, run_rules
from policykg.queries.store import GraphStore

Engine = Literal["auto", "graph", "shacl"]
ReportFormat = Literal["text", "json", "turtle"]

_FIRST_WORDS = 10
_NAMES_BATCH = 5_000  # node ids per query for names


@dataclass(frozen=True)
class ValidationRun:
    """A report and the names of the nodes it speaks of."""

    report: ValidationReport
    names: dict[str, str]  # focus IRI → human-readable name
    triples: int | None  # RDF triples pyshacl checked (None for the graph engine)
    engine: Literal["graph", "shacl"] = "shacl"
    skipped: tuple[str, ...] = ()  # shapes not evaluated, each with the reason

    def _head(self) -> dict[str, Any]:
        return {"conforms": self.report.conforms, "counts": self.report.counts(),
                "engine": self.engine, "triples": self.triples,
                "not_evaluated": list(self.skipped)}

    def _finding(self, finding: Finding) -> dict[str, Any]:
        return {**finding.to_json(), "name": self.names.get(finding.focus, finding.focus)}

    def to_json(self) -> dict[str, Any]:
        return {**self._head(), "findings": [self._finding(f) for f in self.report.findings]}

    def json_chunks(self) -> Iterator[str]:
        """:meth:`to_json` as JSON text on one line, one finding at a time."""
        yield json.dumps(self._head(), ensure_ascii=False)[:-1] + ', "findings": ['
        for i, finding in enumerate(self.report.findings):
            yield ("" if i == 0 else ", ") + json.dumps(self._finding(finding),
                                                        ensure_ascii=False)
        yield "]}\n"


def _task_tail(props: dict[str, Any]) -> str:
    words = " ".join(str(props.get("text", "")).split()[:_FIRST_WORDS])
    return f"§{props.get('section') or '?'}: “{words}…”"


def _name(label: str, props: dict[str, Any]) -> str:
    """The name of a node other than a task (a task's needs its document's name): a
    target's value, unit and metric, else the node's caption (number and year, name)."""
    if label == m.TARGET.label:
        return (f"{props.get('value')} {props.get('unit') or ''}".strip()
                + f" — {props.get('metric') or props.get('text', '')}")
    return caption(label, props)


def node_names(nodes: Iterable[tuple[str, dict[str, Any]]]) -> dict[str, str]:
    """Human-readable names of nodes, keyed by their IRIs."""
    nodes = list(nodes)
    docs = {p["id"]: _name(label, p) for label, p in nodes if label == m.DOCUMENT.label}
    names: dict[str, str] = {}
    for label, p in nodes:
        if label == m.TASK.label:
            document = p.get("document_id")
            name = f"{docs.get(document, document)} {_task_tail(p)}"
        else:
            name = _name(label, p)
        names[m.node_iri(m.NODE_BY_LABEL[label], p["id"])] = name
    return names


def choose_engine(store: GraphStore, engine: Engine) -> Literal["graph", "shacl"]:
    """``engine``, or for ``auto`` the one the graph's size calls for."""
    if engine != "auto":
        return engine
    return "graph" if store.count_nodes() > get_settings().shacl_max_nodes else "shacl"


def validate_store(store: GraphStore, document: str | None = None,
                   engine: Engine = "shacl", *, names: bool = True,
                   step: Step | None = None) -> ValidationRun:
    """Validate the whole graph, or the subgraph of ``document``, with ``engine``.

    ``names=False`` (a Turtle report has no use for them) spares the graph engine
    reading a name for every focus node.  ``step(done, total)`` says how far it has got:
    in shapes checked (graph engine), or in steps (pyshacl: read, RDF, checked).
    """

    def say(done: int) -> None:
        if step is not None:
            step(done, 3)

    chosen = choose_engine(store, engine)
    if document is None:
        if chosen == "graph":
            return _validate_in_graph(store, None, names, step)
        say(0)
        nodes = list(dump_nodes(store))
        rels = list(dump_relationships(store))
    else:
        nodes, rels = document_slice(store, document)
        if not nodes:
            raise ReferenceNotFound(document, f"no document with id {document!r}")
        if chosen == "graph":
            return _validate_in_graph(store, [p["id"] for _, p in nodes], names, step)

    say(1)
    graph = to_rdf(nodes, rels)
    say(2)
    run = ValidationRun(validate_rdf(graph), node_names(nodes), len(graph))
    say(3)
    return run


def _validate_in_graph(store: GraphStore, ids: list[str] | None,
                       with_names: bool, step: Step | None = None) -> ValidationRun:

    run = run_rules(store, ids, step)
    names = focus_names(store, {f.focus for f in run.findings}) if with_names else {}
    skipped = (*run.skipped, *(f"{name}: a rule with no shape in shapes.ttl"
                               for name in run.unmatched_rules))
    return ValidationRun(graph_report(run), names, None, "graph", skipped)


def focus_names(store: GraphStore, iris: Iterable[str]) -> dict[str, str]:
    """Human-readable names of the nodes with these IRIs, read from the store.

    Only the fields a name needs are read (the ``node_names`` query), in batches of
    :data:`_NAMES_BATCH` ids, and only the names are kept: a report can name
    hundreds of thousands of nodes.  The keys are the IRIs given.
    """

    query = load_catalog(store.engine)["node_names"].text
    params = {m.DOCUMENT.label: "documents", m.TASK.label: "tasks",
              m.TARGET.label: "targets", m.BODY.label: "bodies"}
    prefixes = [(n.label, m.node_iri(n, "")) for n in m.NODE_TYPES]
    given: list[tuple[str, str, str]] = []  # label, id, IRI
    for iri in iris:
        for label, prefix in prefixes:
            if iri.startswith(prefix):
                given.append((label, iri[len(prefix):], iri))
    given.sort()

    def read(batch: Iterable[tuple[str, str]]) -> list[dict[str, Any]]:
        ids: dict[str, list[str]] = {name: [] for name in params.values()}
        for label, node_id in batch:
            ids[params[label]].append(node_id)
        return [{k: v for k, v in row.items() if v is not None}
                for row in store.read(query, ids)]

    names: dict[str, str] = {}
    documents: dict[str, str] = {}  # id → name, of the documents read so far
    for i in range(0, len(given), _NAMES_BATCH):
        batch = given[i:i + _NAMES_BATCH]
        rows = read((label, node_id) for label, node_id, _ in batch)
        documents.update((r["id"], _name(r["label"], r)) for r in rows
                         if r["label"] == m.DOCUMENT.label)
        unseen = {r["document_id"] for r in rows if "document_id" in r} - set(documents)
        if unseen:
            documents.update((r["id"], _name(m.DOCUMENT.label, r))
                             for r in read((m.DOCUMENT.label, d) for d in sorted(unseen)))
        iris_of = {(label, node_id): iri for label, node_id, iri in batch}
        for row in rows:
            focus = iris_of[row["label"], row["id"]]
            if row["label"] == m.TASK.label:
                document = str(row.get("document_id"))  # "None": a task no document assigns
                names[focus] = f"{documents.get(document, document)} {_task_tail(row)}"
            else:
                names[focus] = _name(row["label"], row)
    return names


def _shape_name(shape: str) -> str:
    return shape.rsplit("/", 1)[-1].rsplit("#", 1)[-1]


def text_lines(run: ValidationRun) -> Iterator[str]:
    """The report for people, line by line: grouped by severity then shape, with counts
    and names."""
    report = run.report
    counts = report.counts()
    yield (("Conforms" if report.conforms else "Does not conform") + ": "
           + ", ".join(f"{counts[s]} {s.lower()}{'s' if counts[s] != 1 else ''}"
                       for s in SEVERITIES)
           + (f" ({run.triples} triples checked by pyshacl)" if run.triples is not None
              else " (checked by the graph engine's Cypher rules)"))
    for reason in run.skipped:
        yield f"Not evaluated: {reason}"
    by_severity: dict[str, dict[str, list[Finding]]] = {}
    for finding in report.findings:
        by_severity.setdefault(finding.severity, {}).setdefault(finding.shape, []).append(finding)
    for severity in SEVERITIES:
        for shape, findings in sorted(by_severity.get(severity, {}).items()):
            first = findings[0]
            yield ""
            yield f"{severity} {_shape_name(shape)} ({len(findings)}): {first.message_en}"
            yield f"    {first.message_vi}"
            for f in sorted(findings, key=lambda f: run.names.get(f.focus, f.focus)):
                extra = f" [{f.value}]" if f.value else ""
                yield f"  - {run.names.get(f.focus, f.focus)}{extra}"


def write_report(run: ValidationRun, form: ReportFormat, out: TextIO) -> None:
    """Write the report to ``out`` as text, JSON (one line) or Turtle, piece by piece."""
    if form == "json":
        out.writelines(run.json_chunks())
    elif form == "turtle":
        out.writelines(run.report.turtle())
    else:
        out.writelines(printable(line) + "\n" for line in text_lines(run))
