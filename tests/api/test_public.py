"""What clients see: public response models (no internal key, no server path, kinds by
code and name), filters checked against their domain, documents named as /resolve
names them, on every route that takes one."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from fastapi.testclient import TestClient

from policykg.api.app import create_app
from policykg.ontology.records import KIND_NAMES_VI, DocumentKind
from policykg.queries.public import public_source
from policykg.queries.store import GraphStore
from tests.api.conftest import KEY, Borrowed
from tests.api.errors import assert_error
from tests.shared_scorer import CORPUS, ROOT

KL69 = "tw:2024:69-kl-tw"
KON_TUM_PLAN = "kon-tum_ke-hoach_kl69.txt"


def _walk(value: Any, where: str = "") -> Iterator[tuple[str, Any]]:
    """Every (path, key or string) in a JSON value."""
    if isinstance(value, dict):
        for key, item in value.items():
            yield f"{where}.{key}", key
            yield from _walk(item, f"{where}.{key}")
    elif isinstance(value, list):
        for i, item in enumerate(value):
            yield from _walk(item, f"{where}[{i}]")
    elif isinstance(value, str):
        yield where, value


def _leaks(body: Any) -> list[str]:
    """Keys named ``search`` and strings that are absolute paths or hold the checkout's."""
    found = []
    for where, text in _walk(body):
        if where.endswith(".search") and text == "search":
            found.append(f"{where}: a key named search")
        elif text.startswith("/") or str(ROOT) in text or str(CORPUS.resolve()) in text:
            found.append(f"{where}: {text[:80]!r}")
    return found


def _responses(client: TestClient) -> Iterator[tuple[str, Any]]:
    """The main routes' responses on the corpus: every document through each document
    route, the graph around each, every audit view and report, search, the analyst's
    routes."""
    docs = client.get("/documents", params={"limit": 500}).json()
    yield "/documents", docs
    for doc in docs["data"]:
        for route in ("", "/lineage", "/implementations", "/tasks", "/targets",
                      "/references", "/subgraph"):
            yield f"/documents/{doc['id']}{route}", client.get(f"/documents/{doc['id']}{route}")
        if not doc["stub"]:
            yield f"/documents/{doc['id']}/source", client.get(f"/documents/{doc['id']}/source")
        yield f"/graph {doc['id']}", client.get("/graph", params={"focus": doc["id"],
                                                                  "depth": 2, "detail": "full"})
    for body in client.get("/audit/workload", params={"limit": 5}).json()["data"]:
        for route in ("", "/tasks"):
            yield f"/bodies/{body['body']}{route}", client.get(f"/bodies/{body['body']}{route}")
    tasks = client.get("/audit/unowned", params={"limit": 3}).json()["data"]
    for task in tasks:
        yield f"/graph {task['task']}", client.get("/graph", params={"focus": task["task"]})
    yield "/resolve", client.get("/resolve", params={"ref": "KL 69"})
    for q in ("kon tum", "ke hoach", "so khoa hoc"):
        yield f"/search {q}", client.get("/search", params={"q": q, "limit": 100})
    yield "/graph/schema", client.get("/graph/schema")
    for view in ("unowned", "overdue", "workload", "unresolved"):
        yield f"/audit/{view}", client.get(f"/audit/{view}", params={"limit": 500})
    yield "/audit/coverage", client.get("/audit/coverage", params={"document": "20-NQ/TW",
                                                                   "limit": 500})
    yield "/audit/report", client.get("/audit/report")
    yield "/queries", client.get("/queries")
    yield "/queries/documents", client.get("/queries/documents", params={"limit": 500})
    yield "/cypher", client.post("/cypher", json={
        "query": "MATCH (n)-[r]->(x) RETURN n, r, x {.*} AS props, [n, x] AS both"})
    yield "/cypher sources", client.post("/cypher", json={  # the stored values themselves
        "query": "MATCH (n)-[r]->(x) RETURN n.source_file, r.source_file, x.source_file"})


def test_no_response_holds_a_server_path_or_a_search_key(
        make_client: Callable[..., TestClient]) -> None:
    client = make_client(api_keys=KEY)
    seen = 0
    for route, response in _responses(client):
        body = response if isinstance(response, dict) else response.json()
        if not isinstance(response, dict):
            assert response.status_code == 200, (route, response.text)
        assert not _leaks(body), (route, _leaks(body)[:5])
        seen += 1
    assert seen > 60
    # and the provenance is there, as a path a client can use
    plan = client.get("/documents", params={"scope": "kon-tum", "stub": False}).json()
    assert plan["data"][0]["source_file"] == KON_TUM_PLAN
    graph = client.get("/graph", params={"focus": plan["data"][0]["id"], "detail": "full"}).json()
    task = next(n["data"] for n in graph["elements"]["nodes"] if n["data"]["kind"] == "Task")
    assert task["source_file"] == KON_TUM_PLAN


def test_kinds_come_as_a_code_and_a_vietnamese_name(
        make_client: Callable[..., TestClient]) -> None:
    client = make_client()
    docs = client.get("/documents", params={"limit": 500}).json()["data"]
    assert {(d["kind"], d["kind_name"]) for d in docs} >= {
        ("KetLuan", "Kết luận"), ("KeHoach", "Kế hoạch"), ("NghiQuyet", "Nghị quyết")}
    assert all(d["kind_name"] == KIND_NAMES_VI[DocumentKind(d["kind"])] for d in docs)
    one = client.get(f"/documents/{KL69}").json()
    assert (one["kind"], one["kind_name"], one["label"]) == ("KetLuan", "Kết luận",
                                                             "69-KL/TW (2024)")
    graph = client.get("/graph", params={"focus": KL69}).json()
    focus = next(n["data"] for n in graph["elements"]["nodes"] if n["data"]["id"] == KL69)
    assert (focus["doc_kind"], focus["doc_kind_name"]) == ("KetLuan", "Kết luận")


def test_a_source_is_named_relative_to_the_corpus_or_by_its_name(tmp_path: Path) -> None:
    corpus = tmp_path / "corpus"
    (corpus / "sub").mkdir(parents=True)
    assert public_source(str(corpus / "sub" / "a.txt"), corpus) == "sub/a.txt"
    assert public_source(str(tmp_path / "elsewhere" / "b.txt"), corpus) == "b.txt"
    assert public_source("upload/c.txt", corpus) == "upload/c.txt"
    assert public_source("../../home/me/d.txt", corpus) == "d.txt"
    assert public_source("C:\\Users\\me\\e.txt", corpus) == "e.txt"


@pytest.mark.parametrize("kind", ["KeHoach", "kehoach", "Kế hoạch", "kế hoạch", "KẾ HOẠCH",
                                  "ke hoach", "ke-hoach"])
def test_kind_filter_takes_the_code_or_the_vietnamese_name(
        make_client: Callable[..., TestClient], kind: str) -> None:
    body = make_client().get("/documents", params={"kind": kind, "limit": 500}).json()
    assert body["count"] >= 2 and {d["kind"] for d in body["data"]} == {"KeHoach"}


@pytest.mark.parametrize("route,params", [
    ("/documents", {"kind": "foo"}), ("/documents", {"kind": "Kế hoạc"}),
    ("/documents", {"scope": "Atlantis"}), ("/documents", {"scope": "kon tumm"})])
def test_an_unknown_filter_value_is_422_listing_the_allowed(
        make_client: Callable[..., TestClient], route: str, params: dict[str, str]) -> None:
    error = assert_error(make_client().get(route, params=params), 422, "invalid_request")
    name = next(iter(params))
    assert name in error["message"] and params[name] in error["message"]
    if name == "kind":
        assert error["details"] == [f"{k.value} ({KIND_NAMES_VI[k]})" for k in DocumentKind]
        assert "KeHoach (Kế hoạch)" in error["message"]
    else:
        assert {"tw", "kon-tum", "quang-ngai", "unknown"} <= set(error["details"])


@pytest.mark.parametrize("scope", ["kon-tum", "Kon Tum", "KON TUM", "tỉnh Kon Tum", "kon tum"])
def test_scope_filter_takes_a_province_name_or_slug(
        make_client: Callable[..., TestClient], scope: str) -> None:
    body = make_client().get("/documents", params={"scope": scope, "stub": False}).json()
    assert body["count"] == 1 and body["data"][0]["province"] == "Kon Tum"


def test_national_scopes_by_code_or_name(make_client: Callable[..., TestClient]) -> None:
    client = make_client()
    by_code = client.get("/documents", params={"scope": "tw", "limit": 500}).json()
    assert by_code["count"] >= 4
    assert client.get("/documents", params={"scope": "Trung ương", "limit": 500}).json() \
        == by_code


@pytest.mark.parametrize("ref", ["KL 69", "Kết luận 69", "69-KL/TW", "ket luan 69", KL69])
def test_every_document_route_takes_what_resolve_takes(
        make_client: Callable[..., TestClient], ref: str) -> None:
    client = make_client()
    assert client.get(f"/documents/{ref}").json()["id"] == KL69
    lineage = client.get(f"/documents/{ref}/lineage").json()
    assert [n["id"] for n in lineage["nodes"]] == [KL69, "tw:2012:20-nq-tw"]
    down = client.get(f"/documents/{ref}/implementations").json()
    assert down["id"] == KL69 and len(down["nodes"]) >= 2
    graph = client.get("/graph", params={"focus": ref, "rel": "implements"}).json()
    assert graph["focus"] == KL69
    assert KL69 in {n["data"]["id"] for n in graph["elements"]["nodes"]}
    coverage = client.get("/audit/coverage", params={"document": ref,
                                                     "as_of": "2024-06-01"}).json()
    assert coverage["document"] == KL69 and coverage["covered"] == 1
    assert client.get(f"/documents/{ref}/references").json()["id"] == KL69
    assert client.get(f"/documents/{ref}/subgraph").json()["id"] == KL69
    for route in ("tasks", "targets"):
        assert client.get(f"/documents/{ref}/{route}").status_code == 200, route


def test_a_node_of_any_label_is_still_a_focus(make_client: Callable[..., TestClient]) -> None:
    client = make_client()
    body = client.get("/graph", params={"focus": "kon-tum:ban-tuyen-giao-tinh-uy"}).json()
    assert body["focus"] == "kon-tum:ban-tuyen-giao-tinh-uy"
    assert_error(client.get("/graph", params={"focus": "kon-tum:nobody"}), 404)
    assert_error(client.get("/documents/Kết luận 999"), 404)


def test_an_ambiguous_document_is_409_listing_the_candidates(
        make_writable_client: Callable[..., TestClient],
        writable_corpus_store: GraphStore) -> None:
    client = make_writable_client()
    writable_corpus_store.write([(
        "CREATE (:Document {id: 'kon-tum:2020:29-ctr-tu', number: '29-CTr/TU', "
        "kind: 'ChuongTrinh', year: 2020, scope: 'kon-tum', stub: true})", {})])
    candidates = ["kon-tum:2020:29-ctr-tu", "thai-nguyen:2013:29-ctr-tu"]
    for response in (client.get("/documents/29-CTr/TU"),
                     client.get("/documents/29-CTr/TU/lineage"),
                     client.get("/documents/29-CTr/TU/tasks"),
                     client.get("/documents/29-CTr/TU/subgraph"),
                     client.get("/graph", params={"focus": "29-CTr/TU"}),
                     client.get("/audit/coverage", params={"document": "29-CTr/TU"})):
        assert assert_error(response, 409, "ambiguous")["details"] == candidates


def test_an_empty_graph_says_so(store: GraphStore) -> None:
    with TestClient(create_app(lambda: Borrowed(store)), raise_server_exceptions=False) as c:
        for response in (c.get("/resolve", params={"ref": "KL 69"}),
                         c.get("/documents/KL 69"),
                         c.get("/graph", params={"focus": "KL 69"})):
            error = assert_error(response, 404, "not_found")
            assert error["message"].startswith("the graph is empty — load something first")


def test_audit_lists_filter_by_document_and_scope(
        make_client: Callable[..., TestClient]) -> None:
    client = make_client()
    every = client.get("/audit/unowned", params={"limit": 500}).json()
    by_document: dict[str, int] = {}
    for row in every["data"]:
        by_document[row["document"]] = by_document.get(row["document"], 0) + 1
    plan = client.get("/audit/unowned", params={"document": "29-CTr/TU", "limit": 500}).json()
    assert plan["count"] == by_document["thai-nguyen:2013:29-ctr-tu"] == len(plan["data"])
    assert {r["document_label"] for r in plan["data"]} == {"29-CTr/TU (2013)"}
    for scope in ("Thái Nguyên", "thai-nguyen", "THAI NGUYEN"):
        assert client.get("/audit/unowned", params={"scope": scope, "limit": 500}).json() \
            == plan
    overdue = client.get("/audit/overdue", params={"as_of": "2100-01-01", "scope": "Kon Tum",
                                                   "limit": 500}).json()
    assert overdue["count"] >= 1
    assert {r["document"] for r in overdue["data"]} == {"kon-tum:undated:kh-9fdfd9a1"}
    work = client.get("/audit/workload", params={"scope": "Kon Tum", "limit": 500}).json()
    assert work["count"] >= 3 and {r["province"] for r in work["data"]} == {"Kon Tum"}
    for route in ("/audit/unowned", "/audit/overdue", "/audit/workload"):
        error = assert_error(client.get(route, params={"scope": "Atlantis"}), 422)
        assert "kon-tum" in error["details"]
    assert_error(client.get("/audit/unowned", params={"document": "Kết luận 999"}), 404)
