"""The graph engine (Cypher rules) and the SHACL engine (pyshacl) report the same findings.

Compared finding by finding (shape, severity, focus, messages, path and value) on the
development graph (the corpus) and on synthetic graphs with faults of every kind
planted; a clean synthetic graph has no finding on either.  Every shape has a rule
and every rule a shape.
"""

from __future__ import annotations

from collections import Counter

import pytest
from rdflib import RDF, SH, Graph, Literal

from policykg.loaders.batch import FileFailure, discover, extract_batch
from policykg.loaders.load import load_extraction
from policykg.ontology.rdf import to_rdf
from policykg.ontology.shapeinfo import shape_infos
from policykg.ontology.validation import Finding, ValidationReport, findings_in, validate_rdf
from policykg.queries.bulk import write_dump
from policykg.queries.catalog import ENGINES, QUERIES_DIR
from policykg.queries.export import dump_nodes, dump_relationships
from policykg.queries.rules import graph_report, rule_name, rule_queries, run_rules
from policykg.queries.store import GraphStore
from tests.shared_scorer import CORPUS
from tests.synthetic import Synthetic


def both(store: GraphStore) -> tuple[set[Finding], set[Finding]]:
    """(graph engine, pyshacl) findings on the store's whole graph."""
    run = run_rules(store)
    assert run.skipped == () and run.unmatched_rules == ()
    rdf = to_rdf(dump_nodes(store), dump_relationships(store))
    return set(run.findings), set(validate_rdf(rdf).findings)


def per_shape(found: set[Finding]) -> Counter[str]:
    return Counter(f.shape.rsplit("/", 1)[-1] for f in found)


@pytest.mark.parametrize("engine", ENGINES)
def test_every_shape_has_a_rule_and_every_rule_a_shape(engine: str) -> None:
    shapes = {rule_name(i.name) for i in shape_infos()}
    assert len(shapes) == 14
    assert set(rule_queries(engine)) == shapes


def test_each_rule_lives_in_a_file_named_after_its_shape() -> None:
    files = {p.stem for p in (QUERIES_DIR / "rules").glob("*.cypher")}
    assert files == {i.name for i in shape_infos()}


def test_same_findings_on_the_corpus(store: GraphStore) -> None:
    for item in extract_batch(discover([CORPUS])):
        assert not isinstance(item, FileFailure)
        load_extraction(store, item)
    graph, shacl = both(store)
    assert graph == shacl
    assert per_shape(graph)["TaskOwner"] == 48


def test_same_findings_with_every_fault_planted(store: GraphStore) -> None:
    synthetic = Synthetic(tasks=800, every=3)
    write_dump(store, synthetic.nodes(), synthetic.relationships(), batch=500)
    graph, shacl = both(store)
    assert graph == shacl
    assert set(per_shape(graph)) == {i.name for i in shape_infos()}


def test_each_engines_turtle_report_reads_back_as_its_findings(store: GraphStore) -> None:
    """Every finding, its messages, path (sequences and inverse paths included) and
    value survive the streamed Turtle, parsed by rdflib."""
    synthetic = Synthetic(tasks=600, every=3)
    write_dump(store, synthetic.nodes(), synthetic.relationships())
    shacl = validate_rdf(to_rdf(dump_nodes(store), dump_relationships(store)))
    graph = graph_report(run_rules(store))
    for report in (graph, shacl):
        parsed = Graph().parse(data="".join(report.turtle()), format="turtle")
        assert findings_in(parsed) == report.findings
        conforms = parsed.value(next(parsed.subjects(RDF.type, SH.ValidationReport)),
                                SH.conforms)
        assert isinstance(conforms, Literal) and conforms.toPython() is report.conforms is False
    assert {f.shape for f in graph.findings} == {i.iri for i in shape_infos()}
    assert "".join(ValidationReport(True, ()).turtle()).endswith("sh:conforms true .\n")


def test_a_clean_graph_has_no_finding_on_either_engine(store: GraphStore) -> None:
    synthetic = Synthetic(tasks=500, faults=False)
    write_dump(store, synthetic.nodes(), synthetic.relationships())
    assert both(store) == (set(), set())


def test_findings_carry_the_shapes_messages_and_node_iris(store: GraphStore) -> None:
    synthetic = Synthetic(tasks=200, every=3)
    write_dump(store, synthetic.nodes(), synthetic.relationships())
    infos = {i.iri: i for i in shape_infos()}
    findings = run_rules(store).findings
    assert findings
    for f in findings:
        info = infos[f.shape]
        assert (f.severity, f.message_vi, f.message_en, f.path) == (
            info.severity, info.message_vi, info.message_en, info.path)
        assert f.focus.startswith("https://w3id.org/policykg/id/")
    deadline = [f for f in findings if f.shape.endswith("/TaskDeadline")]
    assert deadline and all("/id/task/" in str(f.value) for f in deadline)


def test_ids_limit_the_focus_nodes(store: GraphStore) -> None:
    synthetic = Synthetic(tasks=200, every=3)
    write_dump(store, synthetic.nodes(), synthetic.relationships())
    everything = run_rules(store).findings
    task = next(f.focus for f in everything if f.shape.endswith("/TaskOwner"))
    only = run_rules(store, ids=[task.rsplit("/", 1)[-1]]).findings
    assert {f.focus for f in only} == {task}
