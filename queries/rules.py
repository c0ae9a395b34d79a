"""The SHACL shapes as Cypher rules run inside the graph: validation that scales.

Each checked shape ``pkgsh:X`` of ``shapes.ttl`` has one rule, the named query
``shape_<x>`` in ``queries/rules/X.cypher`` (an engine may override it in
``queries/rules/<engine>/``).  A rule returns one row per finding: ``focus`` (a
node id), ``value`` and ``value_label`` (set when the value is a node).  A node
shape's finding with no value has the focus node as its value, as in SHACL (the
value node of a node shape is its focus node) and as pyshacl reports it.  Severity,
messages, path and the constants a rule needs (``$in_values``, ``$has_value``,
``$patterns``) come from ``shapes.ttl`` (:mod:`policykg.ontology.shapeinfo`), and focus
IRIs from :func:`policykg.ontology.mapping.node_iri`, so a graph report has the same shape
as pyshacl's and the two can be compared finding by finding.

A shape with no rule, or a rule with no shape, is not run silently past: the
result names every shape the graph engine did not evaluate.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Collection
from dataclasses import dataclass

from policykg.ontology import mapping as m
from policykg.ontology.shapeinfo import ShapeInfo, shape_infos
from policykg.ontology.validation import Finding, ValidationReport
from policykg.queries.catalog import NamedQuery, load_catalog
from policykg.queries.store import GraphStore

RULE_PREFIX = "shape_"
Step = Callable[[int, int], None]  # (done, total): how far a run has got


def rule_name(shape_name: str) -> str:
    """``TaskOwner`` → ``shape_task_owner``."""
    return RULE_PREFIX + re.sub(r"(?<!^)(?=[A-Z])", "_", shape_name).lower()


def rule_queries(engine: str) -> dict[str, NamedQuery]:
    """The rule queries ``engine`` runs, by name."""
    return {n: q for n, q in load_catalog(engine).items() if n.startswith(RULE_PREFIX)}


@dataclass(frozen=True)
class RuleRun:
    """Findings of the rules, and the shapes that could not be evaluated (and why)."""

    findings: tuple[Finding, ...]
    skipped: tuple[str, ...]  # "pkgsh:X: why", one per shape not evaluated
    unmatched_rules: tuple[str, ...]  # rule queries with no shape in shapes.ttl


def _finding(info: ShapeInfo, row: dict[str, object]) -> Finding:
    value, value_label = row.get("value"), row.get("value_label")
    focus = m.node_iri(m.NODE_BY_LABEL[info.focus_label], str(row["focus"]))
    if value is not None and isinstance(value_label, str):
        value = m.node_iri(m.NODE_BY_LABEL[value_label], str(value))
    elif value is None and info.path is None:
        value = focus
    return Finding(
        shape=info.iri, severity=info.severity, focus=focus,
        message_vi=info.message_vi, message_en=info.message_en, path=info.path,
        value=None if value is None else str(value),
    )


def run_rules(store: GraphStore, ids: Collection[str] | None = None,
              step: Step | None = None) -> RuleRun:
    """Run every shape's rule on ``store``; ``ids`` limits the focus nodes to those ids;
    ``step(done, total)`` is called after each shape (for a progress bar)."""
    rules = rule_queries(store.engine)
    infos = shape_infos()
    findings: list[Finding] = []
    skipped: list[str] = []
    for done, info in enumerate(infos):
        if step is not None:
            step(done, len(infos))
        query = rules.get(rule_name(info.name))
        if query is None:
            skipped.append(f"{info.iri}: no Cypher rule {rule_name(info.name)} for "
                           f"{store.engine}")
            continue
        declared = {p.name for p in query.params}
        missing = sorted(declared - {"ids"} - set(info.constants))
        if missing:
            skipped.append(f"{info.iri}: the shape gives no {', '.join(missing)} for "
                           f"rule {query.name} ({query.source})")
            continue
        params = {k: v for k, v in info.constants.items() if k in declared}
        params["ids"] = None if ids is None else list(ids)
        findings += (_finding(info, row) for row in store.read(query.text, params))
    if step is not None:
        step(len(infos), len(infos))
    known = {rule_name(i.name) for i in infos}
    return RuleRun(tuple(sorted(set(findings))), tuple(skipped),
                   tuple(sorted(set(rules) - known)))


def graph_report(run: RuleRun) -> ValidationReport:
    """The rules' findings as a :class:`ValidationReport` (``conforms``: no Violation)."""
    conforms = not any(f.severity == "Violation" for f in run.findings)
    return ValidationReport(conforms=conforms, findings=run.findings)
