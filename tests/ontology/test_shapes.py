"""Each SHACL shape fires on a small case and not on its clean variant (real pyshacl).

Cases are graph dumps, as a store returns them, turned into RDF with ``to_rdf``.
The clean dump has no findings at all; each bad variant changes one fact and
must make exactly its shape fire.
"""

from __future__ import annotations

import dataclasses
import json
import re
from collections.abc import Callable
from typing import Any

import pytest
from rdflib import RDF, BNode, Graph, Literal, URIRef
from rdflib.collection import Collection
from rdflib.namespace import SH

from policykg.ontology import mapping as m
from policykg.ontology.identity import NATIONAL_SCOPES, is_valid_number
from policykg.ontology.rdf import load_shapes, to_rdf
from policykg.ontology.validation import ValidationReport, validate_rdf
from tests.ontology import vocab

Dump = tuple[dict[str, tuple[str, dict[str, Any]]], list[tuple[str, str, str, dict[str, Any]]]]

TW = "tw:2024:57-nq-tw"  # central resolution
KH = "thai-nguyen:2025:12-kh-tu"  # provincial plan implementing it
TASK = f"{KH}:t1"
GOAL = f"{KH}:g1"


def clean() -> Dump:
    nodes: dict[str, tuple[str, dict[str, Any]]] = {
        TW: ("Document", {"id": TW, "kind": "NghiQuyet", "number": "57-NQ/TW",
                          "issued": "2024-12-22", "year": 2024, "scope": "tw", "stub": False}),
        KH: ("Document", {"id": KH, "kind": "KeHoach", "number": "12-KH/TU",
                          "issued": "2025-02-10", "year": 2025, "scope": "thai-nguyen",
                          "stub": False}),
        "tw:bct": ("Body", {"id": "tw:bct", "name": "Bộ Chính trị", "collective": False}),
        "tn:tu": ("Body", {"id": "tn:tu", "name": "Tỉnh ủy Thái Nguyên", "collective": False}),
        "tn:so-nganh": ("Body", {"id": "tn:so-nganh", "name": "các sở, ngành",
                                 "collective": True}),
        TASK: ("Task", {"id": TASK, "text": "Xây dựng đề án", "deadline": "2025-Q1"}),
        GOAL: ("Target", {"id": GOAL, "metric": "chi cho R&D", "value": "2", "year": 2030}),
    }
    rels: list[tuple[str, str, str, dict[str, Any]]] = [
        ("ISSUED_BY", TW, "tw:bct", {}),
        ("ISSUED_BY", KH, "tn:tu", {m.ASSERTED_BY.name: KH}),
        ("IMPLEMENTS", KH, TW, {m.ASSERTED_BY_ALL.name: [KH]}),
        ("CITES", KH, TW, {m.ASSERTED_BY_ALL.name: [KH], "resolution": "resolved"}),
        ("ASSIGNS", KH, TASK, {}),
        ("SETS_TARGET", KH, GOAL, {}),
        ("OWNED_BY", TASK, "tn:tu", {}),
        ("COORDINATED_BY", TASK, "tn:so-nganh", {}),
        ("HAS_TARGET", TASK, GOAL, {}),
    ]
    return nodes, rels


def rdf(dump: Dump) -> Graph:
    nodes, rels = dump
    return to_rdf(nodes.values(), rels)


def changed(
    props: dict[str, dict[str, Any]] | None = None,
    drop: tuple[tuple[str, str, str], ...] = (),
    nodes: tuple[tuple[str, dict[str, Any]], ...] = (),
    rels: tuple[tuple[str, str, str, dict[str, Any]], ...] = (),
) -> Callable[[], Graph]:
    """The clean dump with node properties set (``None`` removes one), relationships
    dropped (by type and ends) and nodes and relationships added."""
    def build() -> Graph:
        node_map, rel_list = clean()
        for node_id, updates in (props or {}).items():
            label, old = node_map[node_id]
            merged = {**old, **updates}
            node_map[node_id] = (label, {k: v for k, v in merged.items() if v is not None})
        for label, node in nodes:
            node_map[node["id"]] = (label, node)
        kept = [r for r in rel_list if r[:3] not in drop]
        return rdf((node_map, kept + list(rels)))
    return build


def doc(node_id: str, **props: Any) -> tuple[str, dict[str, Any]]:
    return "Document", {"id": node_id, **props}


def iri(label: str, node_id: str) -> str:
    return m.node_iri(m.NODE_BY_LABEL[label], node_id)


TW2 = "tw:2024:58-nq-tw"
CT = "thai-nguyen:2024:5-ct-tu"
STUB = "tw:undated:20-nq-tw"

# (shape, severity, focus, bad variant, clean variant)
CASES: list[tuple[URIRef, str, str, Callable[[], Graph], Callable[[], Graph]]] = [
    (vocab.PKGSH.TaskOwner, "Violation", iri("Task", TASK),
     changed(drop=(("OWNED_BY", TASK, "tn:tu"),)), changed()),
    (vocab.PKGSH.TaskCollectiveOwners, "Warning", iri("Task", TASK),
     changed(drop=(("OWNED_BY", TASK, "tn:tu"),),
             rels=(("OWNED_BY", TASK, "tn:so-nganh", {}),)),
     changed(rels=(("OWNED_BY", TASK, "tn:so-nganh", {}),))),
    (vocab.PKGSH.TaskDeadline, "Violation", iri("Document", KH),
     changed({TASK: {"deadline": "2024-Q4"}}), changed({TASK: {"deadline": "2025-Q1"}})),
    (vocab.PKGSH.DocumentKind, "Violation", iri("Document", KH),
     changed({KH: {"kind": None}}), changed({KH: {"kind": "Other"}})),
    (vocab.PKGSH.DocumentIssuer, "Violation", iri("Document", KH),
     changed(drop=(("ISSUED_BY", KH, "tn:tu"),)), changed()),
    (vocab.PKGSH.DocumentIssued, "Warning", iri("Document", TW),
     changed({TW: {"issued": None}}), changed()),
    (vocab.PKGSH.DocumentNumber, "Violation", iri("Document", TW),
     changed({TW: {"number": "NQ số 57"}}), changed({TW: {"number": "57/NQ-CP"}})),
    (vocab.PKGSH.DocumentStub, "Info", iri("Document", STUB),
     changed(nodes=(doc(STUB, kind="NghiQuyet", number="20-NQ/TW", stub=True),),
             rels=(("CITES", KH, STUB, {"resolution": "resolved"}),)),
     changed()),
    (vocab.PKGSH.ImplementsNotOlder, "Violation", iri("Document", KH),
     changed({KH: {"issued": "2024-12-21"}}), changed({KH: {"issued": "2024-12-22"}})),
    (vocab.PKGSH.ImplementsAcyclic, "Violation", iri("Document", TW),
     changed(nodes=(doc(TW2, kind="NghiQuyet", number="58-NQ/TW", issued="2024-12-22",
                        scope="tw"),),
             rels=(("ISSUED_BY", TW2, "tw:bct", {}), ("IMPLEMENTS", TW2, TW, {}),
                   ("IMPLEMENTS", TW, TW2, {}))),
     changed(nodes=(doc(TW2, kind="NghiQuyet", number="58-NQ/TW", issued="2024-12-22",
                        scope="tw"),),
             rels=(("ISSUED_BY", TW2, "tw:bct", {}), ("IMPLEMENTS", TW2, TW, {})))),
    (vocab.PKGSH.CentralImplementsNational, "Violation", iri("Document", TW),
     changed(nodes=(doc(CT, kind="ChiThi", number="5-CT/TU", issued="2024-01-05",
                        scope="thai-nguyen"),),
             rels=(("ISSUED_BY", CT, "tn:tu", {}), ("IMPLEMENTS", TW, CT, {}))),
     changed(nodes=(doc(CT, kind="ChiThi", number="5/CT-TTg", issued="2024-01-05",
                        scope="ttg"),),
             rels=(("ISSUED_BY", CT, "tn:tu", {}), ("IMPLEMENTS", TW, CT, {})))),
    (vocab.PKGSH.CitationResolved, "Warning", iri("Document", KH),
     changed(drop=(("CITES", KH, TW),),
             rels=(("CITES", KH, TW, {"resolution": "ambiguous"}),)),
     changed(drop=(("CITES", KH, TW),), rels=(("CITES", KH, TW, {}),))),
    (vocab.PKGSH.CitationResolved, "Warning", iri("Document", KH),
     changed(drop=(("CITES", KH, TW),),
             rels=(("CITES", KH, TW, {"resolution": "unresolved"}),)),
     changed()),
    (vocab.PKGSH.TargetValue, "Warning", iri("Target", GOAL),
     changed({GOAL: {"value": None}}), changed()),
    (vocab.PKGSH.TargetYear, "Warning", iri("Target", GOAL),
     changed({GOAL: {"year": None}}), changed()),
]
CASE_IDS = [f"{str(c[0]).rsplit('/', 1)[-1]}-{n}" for n, c in enumerate(CASES)]


def test_clean_dump_has_no_findings() -> None:
    report = validate_rdf(rdf(clean()))
    assert report.findings == () and report.conforms


@pytest.mark.parametrize("shape,severity,focus,bad,good", CASES, ids=CASE_IDS)
def test_shape_fires_on_the_bad_case_only(
    shape: URIRef, severity: str, focus: str,
    bad: Callable[[], Graph], good: Callable[[], Graph],
) -> None:
    fired = validate_rdf(bad()).by_shape()
    assert set(fired) == {str(shape)}
    assert {f.severity for f in fired[str(shape)]} == {severity}
    assert focus in {f.focus for f in fired[str(shape)]}
    assert validate_rdf(good()).findings == ()


def test_stubs_need_no_kind_issuer_or_issue_date() -> None:
    graph = changed(nodes=(doc(STUB, number="20-NQ/TW", stub=True),),
                    rels=(("CITES", KH, STUB, {"resolution": "resolved"}),))()
    assert set(validate_rdf(graph).by_shape()) == {str(vocab.PKGSH.DocumentStub)}
    graph = changed(nodes=(doc(STUB, number="20-NQ/TW", stub=False),))()
    assert set(validate_rdf(graph).by_shape()) == {str(vocab.PKGSH.DocumentKind),
                                                   str(vocab.PKGSH.DocumentIssuer),
                                                   str(vocab.PKGSH.DocumentIssued)}


def test_a_document_of_two_kinds_violates() -> None:
    graph = changed()()
    graph.add((URIRef(iri("Document", KH)), RDF.type, URIRef(m.kind_iri("ChiThi"))))
    assert set(validate_rdf(graph).by_shape()) == {str(vocab.PKGSH.DocumentKind)}


def test_a_document_typed_only_with_its_kind_class_is_still_a_target() -> None:
    graph = changed(drop=(("ISSUED_BY", KH, "tn:tu"),))()
    graph.remove((URIRef(iri("Document", KH)), RDF.type, URIRef(m.DOCUMENT.iri)))
    assert set(validate_rdf(graph).by_shape()) == {str(vocab.PKGSH.DocumentIssuer)}


def test_every_targeted_shape_has_a_case_severity_and_both_messages() -> None:
    shapes = load_shapes()
    targets = (SH.targetClass, SH.targetSubjectsOf, SH.targetNode, SH.targetObjectsOf)
    targeted = {s for t in targets for s in shapes.subjects(t)}
    assert targeted == {vocab.PKGSH[name] for name in vocab.PKGSH.__annotations__}
    assert targeted == {c[0] for c in CASES}
    for shape in targeted:
        assert shapes.value(shape, SH.severity) in (SH.Violation, SH.Warning, SH.Info)
        languages = {msg.language for msg in shapes.objects(shape, SH.message)
                     if isinstance(msg, Literal)}
        assert languages == {"vi", "en"}, shape


@pytest.mark.parametrize("deadline,too_early", [
    ("2025", False), ("2024", True),
    ("2025-02", False), ("2025-01", True),
    ("2025-02-10", False), ("2025-02-09", True),
    ("2025-Q1", False), ("2024-Q4", True), ("2026-Q2", False),
    ("recurring", False), ("cuối năm", False),
])
def test_deadline_counts_as_the_end_of_its_period(deadline: str, too_early: bool) -> None:
    """The document is issued 2025-02-10."""
    report = validate_rdf(changed({TASK: {"deadline": deadline}})())
    fired = report.by_shape().get(str(vocab.PKGSH.TaskDeadline), [])
    assert [f.value for f in fired] == ([iri("Task", TASK)] if too_early else [])


def test_deadline_without_an_issue_date_is_not_checked() -> None:
    report = validate_rdf(changed({KH: {"issued": None}, TASK: {"deadline": "1999"}})())
    assert str(vocab.PKGSH.TaskDeadline) not in report.by_shape()


NUMBERS = ["20-NQ/TW", "29-CTr/TU", "1046-CV/TU", "57a-NQ/TW", "69-KL/TW", "05-CT/TW",
           "46/NQ-CP", "696/QĐ-TTg", "12/2024/NĐ-CP", "15/2023/QH-UBTVQH", "196/LHHVN",
           "4236/SXD-QLN&CS", "299/TTg", "169-CP", "12-HĐBT",
           # digits in issuer segments, a law's number
           "15/KH-ĐĐQH15", "3-NQ/ĐĐQH15", "12-KH/BCĐ-VP2", "45/CV-UBND2", "29/2013/QH13",
           "NQ/TW", "20 NQ/TW", "20/TW", "20-NQ", "46/NQ", "12/2024/NĐ", "Nghị quyết 20"]


def reachable(shapes: Graph, shape: URIRef, predicate: URIRef) -> list[Any]:
    """Objects of ``predicate`` anywhere inside ``shape``'s description."""
    found: list[Any] = []
    seen: set[Any] = set()
    todo: list[Any] = [shape]
    while todo:
        node = todo.pop()
        if node not in seen:
            seen.add(node)
            found += shapes.objects(node, predicate)
            todo += [o for o in shapes.objects(node, None) if isinstance(o, BNode)]
    return found


@pytest.mark.parametrize("number", NUMBERS)
def test_number_patterns_agree_with_the_loader(number: str) -> None:
    patterns = [re.compile(str(p))
                for p in reachable(load_shapes(), vocab.PKGSH.DocumentNumber, SH.pattern)]
    assert len(patterns) == 3
    assert any(p.search(number) for p in patterns) is is_valid_number(number)


def test_national_scopes_agree_with_the_loader() -> None:
    shapes = load_shapes()
    lists = reachable(shapes, vocab.PKGSH.CentralImplementsNational, SH["in"])
    assert len(lists) == 1
    scopes = {str(s) for s in Collection(shapes, lists[0])}
    assert scopes == set(NATIONAL_SCOPES.values())


def test_report_shapes() -> None:
    bad = changed({TW: {"number": "NQ 57", "issued": None}},
                  nodes=(doc(STUB, kind="Other", stub=True),))()
    report = validate_rdf(bad)
    assert isinstance(report, ValidationReport)
    assert report.counts() == {"Violation": 1, "Warning": 1, "Info": 1}
    assert not report.conforms
    number = report.by_shape()[str(vocab.PKGSH.DocumentNumber)][0]
    assert number.path == f"<{m.DOCUMENT.prop('number').iri}>"
    assert number.value == "NQ 57" and number.focus == iri("Document", TW)
    assert number.message_vi.startswith("Số, ký hiệu") and "Party form" in number.message_en
    payload = json.loads(json.dumps(report.to_json()))
    assert payload["counts"] == report.counts() and len(payload["findings"]) == 3
    assert payload["findings"] == [dataclasses.asdict(f) for f in report.findings]
    results = Graph().parse(data="".join(report.turtle()), format="turtle")
    assert len(set(results.subjects(RDF.type, SH.ValidationResult))) == 3


def test_warnings_and_infos_alone_conform() -> None:
    report = validate_rdf(changed({GOAL: {"value": None}},
                                  nodes=(doc(STUB, kind="Other", stub=True),))())
    assert report.counts() == {"Violation": 0, "Warning": 1, "Info": 1}
    assert report.conforms
