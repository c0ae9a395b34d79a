"""The explorer's JSON routes, its CSV output and its pages, over the corpus on every engine.

The browser flows are in ``tests/web``; these check what the pages read: a document's
tasks, targets and references, a body and its tasks, the subgraph downloads, CSV for
the list routes, and that the pages and the docs name no host but the server.
"""

from __future__ import annotations

import csv
import hashlib
import io
import json
import re
from collections.abc import Callable
from datetime import date
from pathlib import Path

import pytest
from fastapi.testclient import TestClient
from rdflib import Graph

from policykg.api.csv_output import BOM
from policykg.queries.explorer import is_overdue
from tests.api.errors import assert_error

KON_TUM_PLAN_SCOPE = "kon-tum"
KL69 = "tw:2024:69-kl-tw"


@pytest.fixture
def client(make_client: Callable[..., TestClient]) -> TestClient:
    return make_client()


def _kon_tum_plan(client: TestClient) -> str:
    [plan] = client.get("/documents", params={"scope": KON_TUM_PLAN_SCOPE, "stub": False}
                        ).json()["data"]
    return str(plan["id"])


def _cypher(client: TestClient, query: str, **params: object) -> list[list[object]]:
    response = client.post("/cypher", json={"query": query, "params": params})
    assert response.status_code == 200, response.text
    rows: list[list[object]] = response.json()["rows"]
    return rows


def test_document_tasks_match_the_graph_with_owners_and_flags(client: TestClient) -> None:
    plan = _kon_tum_plan(client)
    body = client.get(f"/documents/{plan}/tasks", params={"as_of": "2026-01-01"}).json()
    [[count]] = _cypher(client, "MATCH (:Document {id: $id})-[:ASSIGNS]->(t:Task) "
                        "RETURN count(t)", id=plan)
    assert body["count"] == count == len(body["data"]) > 0
    assert [t["ordinal"] for t in body["data"]] == sorted(t["ordinal"] for t in body["data"])
    for task in body["data"]:
        owners = _cypher(client, "MATCH (:Task {id: $id})-[:OWNED_BY]->(b:Body) RETURN b.id",
                         id=task["task"])
        assert sorted(b["id"] for b in task["owners"]) == sorted(str(r[0]) for r in owners)
        assert task["unowned"] == (not owners)
        assert task["span_start"] < task["span_end"] and task["source_file"]
    # the overdue flag is the overdue audit's rule, on the same date
    overdue = client.get("/audit/overdue", params={"as_of": "2026-01-01", "limit": 500}).json()
    audited = {r["task"] for r in overdue["data"] if r["document"] == plan}
    assert {t["task"] for t in body["data"] if t["overdue"]} == audited != set()
    earlier = client.get(f"/documents/{plan}/tasks", params={"as_of": "2024-01-01"}).json()
    assert not any(t["overdue"] for t in earlier["data"])


def test_unowned_flags_add_up_to_the_unowned_audit(client: TestClient) -> None:
    unowned = client.get("/audit/unowned", params={"limit": 500}).json()
    documents = {r["document"] for r in unowned["data"]}
    flagged = sum(t["unowned"] for d in documents
                  for t in client.get(f"/documents/{d}/tasks").json()["data"])
    assert flagged == unowned["count"] == 48


@pytest.mark.parametrize(("deadline", "recurring", "as_of", "expected"), [
    ("2024-Q2", False, "2024-06-30", False), ("2024-Q2", False, "2024-07-01", True),
    ("2025", False, "2025-12-31", False), ("2025", False, "2026-01-01", True),
    ("2025-06", False, "2025-07-01", True), ("2025-06-30", False, "2025-06-30", False),
    ("2025-06-30", False, "2025-07-01", True), ("2020", True, "2026-01-01", False),
    ("recurring", False, "2026-01-01", False), (None, False, "2026-01-01", False),
])
def test_overdue_rule(deadline: str | None, recurring: bool, as_of: str, expected: bool) -> None:
    assert is_overdue(deadline, recurring, date.fromisoformat(as_of)) is expected


def test_references_name_what_the_document_implements(client: TestClient) -> None:
    plan = _kon_tum_plan(client)
    refs = client.get(f"/documents/{plan}/references").json()
    cited = {r["id"]: r for r in refs["cites"]}
    implemented = {r["id"] for r in client.get(f"/documents/{plan}/lineage").json()["nodes"]
                   if r["depth"] == 1}
    assert implemented and {i for i, r in cited.items() if "implements" in r["relations"]} \
        == implemented
    back = client.get(f"/documents/{KL69}/references").json()
    assert plan in {r["id"] for r in back["cited_by"]}


def test_targets_and_unknown_documents(client: TestClient) -> None:
    [[doc_id, count]] = _cypher(client, "MATCH (d:Document)-[:SETS_TARGET]->(g:Target) "
                                "RETURN d.id, count(g) ORDER BY count(g) DESC, d.id LIMIT 1")
    body = client.get(f"/documents/{doc_id}/targets").json()
    assert body["count"] == count == len(body["data"])
    for path in ("tasks", "targets", "references", "subgraph"):
        assert_error(client.get(f"/documents/tw:1999:nope/{path}"), 404, "not_found")


def test_body_and_its_tasks(client: TestClient) -> None:
    work = client.get("/audit/workload", params={"limit": 1}).json()["data"][0]
    body = client.get(f"/bodies/{work['body']}").json()
    assert body["id"] == work["body"] and body["name"] == work["name"]
    tasks = client.get(f"/bodies/{work['body']}/tasks").json()
    roles = [t["role"] for t in tasks["data"]]
    assert roles.count("owner") == work["owned"]
    assert roles.count("coordinator") == work["coordinated"]
    assert roles == sorted(roles, reverse=True)  # owned first
    assert_error(client.get("/bodies/nowhere:nobody"), 404, "not_found")


def test_subgraph_downloads(client: TestClient) -> None:
    plan = _kon_tum_plan(client)
    tasks = client.get(f"/documents/{plan}/tasks").json()["count"]
    as_json = client.get(f"/documents/{plan}/subgraph")
    assert "attachment" in as_json.headers["content-disposition"]
    sub = as_json.json()
    assert sum(n["label"] == "Task" for n in sub["nodes"]) == tasks
    assert any(r["type"] == "IMPLEMENTS" and r["source"] == plan and r["target"] == KL69
               for r in sub["relationships"])
    as_csv = client.get(f"/documents/{plan}/subgraph", params={"format": "csv"})
    assert as_csv.headers["content-type"].startswith("text/csv")
    rows = list(csv.DictReader(io.StringIO(as_csv.text.removeprefix(BOM))))
    assert len(rows) == len(sub["relationships"])
    assert sum(r["type"] == "ASSIGNS" for r in rows) == tasks
    turtle = client.get(f"/documents/{plan}/subgraph", params={"format": "turtle"})
    graph = Graph().parse(data=turtle.text, format="turtle")
    assert len(graph) > tasks


def test_list_routes_answer_csv_with_a_bom(client: TestClient) -> None:
    page = client.get("/audit/unowned", params={"limit": 500}).json()
    for response in (client.get("/audit/unowned", params={"limit": 500, "format": "csv"}),
                     client.get("/audit/unowned", params={"limit": 500},
                                headers={"Accept": "text/csv"})):
        assert response.status_code == 200
        assert response.headers["content-type"] == "text/csv; charset=utf-8"
        assert response.content.startswith(BOM.encode("utf-8"))
        assert "x-request-id" in response.headers
        rows = list(csv.DictReader(io.StringIO(response.content.decode("utf-8-sig"))))
        assert len(rows) == page["count"] == 48
        assert [r["task"] for r in rows] == [r["task"] for r in page["data"]]
        assert [r["text"] for r in rows] == [r["text"] for r in page["data"]]  # Vietnamese kept
    overdue = client.get("/audit/overdue", params={"as_of": "2026-01-01", "format": "csv"})
    first = next(csv.DictReader(io.StringIO(overdue.content.decode("utf-8-sig"))))
    owners = client.get("/audit/overdue", params={"as_of": "2026-01-01"}).json()["data"][0]
    assert first["owners"] == "; ".join(owners["owners"])
    docs = client.get("/documents", params={"format": "csv"})
    assert docs.headers["content-type"].startswith("text/csv")
    # not a list: JSON as before, and errors keep their shape
    assert client.get(f"/documents/{KL69}", params={"format": "csv"}).json()["id"] == KL69
    assert_error(client.get("/documents/tw:1999:nope", params={"format": "csv"}), 404,
                 "not_found")


_EXTERNAL = re.compile(r"""(?:src|href)\s*=\s*["']?(?:https?:)?//""", re.I)


@pytest.mark.parametrize("path", ["/", "/?lang=en", f"/ui/document/{KL69}",
                                  "/ui/body/x", "/ui/audit/unowned", "/ui/audit/coverage",
                                  "/ui/audit/report",
                                  "/ui/cypher", "/docs", "/redoc"])
def test_pages_load_only_local_assets(client: TestClient, path: str) -> None:
    response = client.get(path)
    assert response.status_code == 200 and response.headers["content-type"].startswith(
        "text/html")
    assert not _EXTERNAL.search(response.text), path
    for asset in re.findall(r"""(?:src|href)=["'](/static/[^"']+)["']""", response.text):
        assert client.get(asset).status_code == 200, asset


def test_page_keys_are_escaped_and_unknown_audits_404(client: TestClient) -> None:
    page = client.get("/ui/document/%22%3E%3Cb%3Ex").text
    assert "<b>x" not in page and "&quot;&gt;&lt;b&gt;x" in page
    assert_error(client.get("/ui/audit/nope"), 404, "not_found")
    assert json.loads(client.get("/openapi.json").text)["paths"]["/documents/{doc_id}/tasks"]


def test_the_source_text_is_the_one_the_spans_point_into(
        client: TestClient, make_client: Callable[..., TestClient],
        tmp_path: Path) -> None:
    plan = _kon_tum_plan(client)
    source = client.get(f"/documents/{plan}/source").json()
    assert hashlib.sha256(source["text"].encode("utf-8")).hexdigest() == source["sha256"]
    for task in client.get(f"/documents/{plan}/tasks").json()["data"]:
        passage = source["text"][task["span_start"]:task["span_end"]]
        assert passage.split()[:3] == task["text"].split()[:3], task["task"]
    assert_error(client.get(f"/documents/{KL69}/source"), 404, "not_found")  # a stub
    # outside the corpus folder, the server reads nothing
    elsewhere = make_client(corpus_dir=str(tmp_path))
    assert_error(elsewhere.get(f"/documents/{plan}/source"), 404, "not_found")
