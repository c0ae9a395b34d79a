"""The auditor's routes over a real store: the corpus, and small graphs built for one view."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from typing import Any

import pytest
from fastapi.testclient import TestClient
from rdflib import Graph

from policykg.api.app import create_app
from policykg.queries.bulk import write_dump
from policykg.queries.store import GraphStore
from tests.api.conftest import Borrowed
from tests.api.errors import assert_error


@pytest.fixture
def corpus_client(make_client: Callable[..., TestClient]) -> TestClient:
    return make_client()


@pytest.fixture
def built(store: GraphStore) -> Iterator[tuple[TestClient, GraphStore]]:
    """A client over an empty store, and the store for the test to fill."""
    app = create_app(lambda: Borrowed(store))
    with TestClient(app, raise_server_exceptions=False) as c:
        yield c, store


def _doc(doc_id: str, **props: Any) -> tuple[str, dict[str, Any]]:
    return "Document", {"id": doc_id, **props}


def test_unowned_tasks_with_document_and_section(corpus_client: TestClient) -> None:
    page = corpus_client.get("/audit/unowned", params={"limit": 5}).json()
    assert page["count"] == 48 and len(page["data"]) == 5
    assert all(r["document"] and r["task"].startswith(r["document"]) for r in page["data"])
    rest = corpus_client.get("/audit/unowned", params={"limit": 500, "offset": 45}).json()
    assert len(rest["data"]) == 3 and rest["count"] == 48


def test_workload_and_unresolved(corpus_client: TestClient) -> None:
    work = corpus_client.get("/audit/workload").json()
    assert work["count"] > 0
    owned = [r["owned"] for r in work["data"]]
    assert owned == sorted(owned, reverse=True) and owned[0] > 0
    unresolved = corpus_client.get("/audit/unresolved").json()
    assert unresolved == {"data": [], "count": 0}  # the corpus resolves every citation


def test_coverage_is_transitive_and_names_uncovered_provinces(
        built: tuple[TestClient, GraphStore]) -> None:
    client, store = built
    tw = "tw:2012:20-nq-tw"
    write_dump(store, [
        _doc(tw, scope="tw", number="20-NQ/TW"),
        _doc("a:2013:1-ctr-tu", province="A", scope="a"),
        _doc("a:2014:2-kh-ub", province="A", scope="a"),
        _doc("b:2019:3-kh-tu", province="B", scope="b"),
        _doc("c:2019:4-kh-tu", province="C", scope="c"),
    ], [
        ("IMPLEMENTS", "a:2013:1-ctr-tu", tw, {}),
        ("IMPLEMENTS", "b:2019:3-kh-tu", "a:2013:1-ctr-tu", {}),
        ("IMPLEMENTS", "a:2014:2-kh-ub", "a:2013:1-ctr-tu", {}),
    ])
    body = client.get("/audit/coverage", params={"document": tw, "as_of": "2024-01-01",
                                                 "limit": 500}).json()
    # The 63 provinces of 2024's map, and A, B and C, which are none of them.
    assert (body["document"], body["count"], body["covered"]) == (tw, 66, 2)
    rows = {r["province"]: r for r in body["data"]}
    assert len(rows) == 66 and not rows["Hà Giang"]["covered"]
    assert [d["id"] for d in rows["A"]["documents"]] == ["a:2013:1-ctr-tu", "a:2014:2-kh-ub"]
    assert rows["B"]["documents"] == [{"id": "b:2019:3-kh-tu", "label": "Văn bản, B",
                                       "number": None, "year": None, "province": "B",
                                       "depth": 2}]
    assert rows["C"] == {"province": "C", "covered": False, "documents": []}
    assert_error(client.get("/audit/coverage", params={"document": "tw:1999:1-nq-tw"}), 404)
    assert_error(client.get("/audit/coverage"), 422)


def test_coverage_follows_the_map_of_provinces_in_force(
        built: tuple[TestClient, GraphStore]) -> None:
    client, store = built
    kl = "tw:2024:69-kl-tw"
    write_dump(store, [
        _doc(kl, scope="tw", number="69-KL/TW"),
        _doc("kon-tum:2024:1-kh-tu", province="Kon Tum", scope="kon-tum"),
        _doc("quang-ngai:2024:2-kh-tu", province="tỉnh Quảng Ngãi", scope="quang-ngai"),
    ], [
        ("IMPLEMENTS", "kon-tum:2024:1-kh-tu", kl, {}),
    ])

    def rows(as_of: str) -> dict[str, dict[str, Any]]:
        body = client.get("/audit/coverage", params={"document": kl, "as_of": as_of,
                                                     "limit": 500}).json()
        assert body["count"] == len(body["data"])
        return {r["province"]: r for r in body["data"]}

    before = rows("2025-06-30")
    assert len(before) == 63 and before["Kon Tum"]["covered"]
    assert not before["Quảng Ngãi"]["covered"]  # "tỉnh Quảng Ngãi" is that unit
    after = rows("2025-07-01")
    assert len(after) == 34 and "Kon Tum" not in after
    assert [(d["id"], d["province"]) for d in after["Quảng Ngãi"]["documents"]] == [
        ("kon-tum:2024:1-kh-tu", "Kon Tum")]
    assert list(after)[:3] == ["An Giang", "Bắc Ninh", "Cà Mau"]


@pytest.mark.parametrize(("as_of", "overdue"), [
    ("2025-03-31", []),
    ("2025-04-01", ["2025-03", "2025-03-31", "2025-Q1"]),
    ("2025-12-31", ["2025-03", "2025-03-31", "2025-04", "2025-Q1"]),
    ("2026-01-01", ["2025", "2025-03", "2025-03-31", "2025-04", "2025-Q1"]),
])
def test_a_deadline_is_due_at_the_end_of_its_period(built: tuple[TestClient, GraphStore],
                                                    as_of: str, overdue: list[str]) -> None:
    client, store = built
    doc = "x:2024:1-kh-tu"
    deadlines = ["2025", "2025-Q1", "2025-03", "2025-03-31", "2025-04", "recurring"]
    tasks = [("Task", {"id": f"{doc}:t{i}", "deadline": d, "ordinal": i,
                       "recurring": d == "recurring"}) for i, d in enumerate(deadlines)]
    write_dump(store, [_doc(doc), *tasks],
               [("ASSIGNS", doc, str(t[1]["id"]), {}) for t in tasks])
    body = client.get("/audit/overdue", params={"as_of": as_of}).json()
    assert sorted(r["deadline"] for r in body["data"]) == overdue
    assert body["count"] == len(overdue)


def test_report_in_json_and_turtle(corpus_client: TestClient) -> None:
    report = corpus_client.get("/audit/report").json()
    assert report["counts"]["Violation"] == 48 and report["not_evaluated"] == []
    by_query = corpus_client.get("/audit/report", params={"format": "turtle"})
    by_accept = corpus_client.get("/audit/report", headers={"Accept": "text/turtle"})
    for response in (by_query, by_accept):
        assert response.headers["content-type"].startswith("text/turtle")
        results = Graph().parse(data=response.text, format="turtle")
        assert len(results) > 48


def test_audit_errors_share_one_shape(corpus_client: TestClient) -> None:
    assert_error(corpus_client.get("/audit/overdue", params={"as_of": "2025-13-01"}), 422)
    assert_error(corpus_client.get("/audit/unowned", params={"limit": 0}), 422)
    assert_error(corpus_client.get("/audit/report", params={"format": "xml"}), 422)
