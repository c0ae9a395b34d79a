"""GET /search, GET /graph and GET /graph/schema on the bundled corpus."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from fastapi.testclient import TestClient

from policykg.ontology import mapping as m
from tests.api.errors import assert_error

KL69 = "tw:2024:69-kl-tw"


@pytest.mark.parametrize("q", ["ket luan 69", "KL69", "69/KL-TW", "Kết luận số 69",
                               "KẾT LUẬN 69", "69-KL/TW"])
def test_every_form_of_kl69_finds_it_first(analyst_client: TestClient, q: str) -> None:
    body = analyst_client.get("/search", params={"q": q}).json()
    first = body["data"][0]
    assert (first["id"], first["label"], first["matched"]) == (KL69, "Document", "number")
    assert body["count"] >= len(body["data"])


def test_bodies_and_tasks_are_found_without_diacritics(analyst_client: TestClient) -> None:
    body = analyst_client.get("/search", params={"q": "so khoa hoc va cong nghe"}).json()
    first = body["data"][0]
    assert first["label"] == "Body" and first["matched"] == "name"
    assert first["name"].startswith("Sở Khoa học và Công nghệ")
    tasks = [h for h in body["data"] if h["label"] == "Task"]
    assert all(h["matched"] == "text" and h["document_id"] for h in tasks)


def test_search_pages(analyst_client: TestClient) -> None:
    everything = analyst_client.get("/search", params={"q": "khoa hoc", "limit": 100}).json()
    page = analyst_client.get("/search", params={"q": "khoa hoc", "limit": 5,
                                                 "offset": 5}).json()
    assert page["count"] == everything["count"] > 10
    assert [h["id"] for h in page["data"]] == [h["id"] for h in everything["data"][5:10]]


def test_search_without_a_match_is_empty(analyst_client: TestClient) -> None:
    assert analyst_client.get("/search", params={"q": "zzqx"}).json() == {"data": [],
                                                                         "count": 0}


def test_search_parameters_are_checked(analyst_client: TestClient) -> None:
    assert_error(analyst_client.get("/search"), 422)
    assert_error(analyst_client.get("/search", params={"q": "x", "limit": 0}), 422)


def test_the_lineage_of_kl69_in_cytoscape_form(analyst_client: TestClient) -> None:
    body = analyst_client.get("/graph", params={"focus": KL69, "depth": 2,
                                                "rel": "implements"}).json()
    nodes = {n["data"]["id"]: n["data"] for n in body["elements"]["nodes"]}
    assert nodes[KL69]["depth"] == 0 and nodes[KL69]["kind"] == "Document"
    assert nodes[KL69]["label"] == "69-KL/TW (2024)"
    assert nodes["tw:2012:20-nq-tw"]["depth"] == 1
    assert "search" not in nodes[KL69]
    edges = [e["data"] for e in body["elements"]["edges"]]
    assert {(e["source"], e["target"]) for e in edges} >= {(KL69, "tw:2012:20-nq-tw")}
    assert all(e["type"] == "IMPLEMENTS" and e["label"] == "implements" for e in edges)
    assert all(e["source"] in nodes and e["target"] in nodes for e in edges)
    assert len({e["id"] for e in edges}) == len(edges)
    assert body["truncated"] is False


def test_rel_names_are_terms_or_types_in_any_case(analyst_client: TestClient) -> None:
    by_term = analyst_client.get("/graph", params={"focus": KL69, "rel": "issuedBy,Cites"})
    by_type = analyst_client.get("/graph", params={"focus": KL69, "rel": "ISSUED_BY,cites"})
    assert by_term.status_code == 200 and by_term.json() == by_type.json()


def test_an_unknown_rel_name_lists_the_valid_ones(analyst_client: TestClient) -> None:
    error = assert_error(analyst_client.get("/graph", params={"focus": KL69,
                                                              "rel": "implements,likes"}), 422)
    assert "likes" in error["message"]
    assert {"implements", "issuedBy", "issued_by"} <= set(error["details"])


def test_graph_limits(make_client: Callable[..., TestClient]) -> None:
    client = make_client(graph_max_nodes="5")
    body = client.get("/graph", params={"focus": "tw:2012:20-nq-tw", "depth": 3}).json()
    assert len(body["elements"]["nodes"]) == 5 and body["truncated"] is True
    assert_error(client.get("/graph", params={"focus": KL69, "depth": 5}), 422)
    assert_error(client.get("/graph", params={"focus": "tw:1999:1-nq-tw"}), 404)


def test_the_schema_counts_labels_and_types(analyst_client: TestClient) -> None:
    body = analyst_client.get("/graph/schema").json()
    labels = {x["label"]: x for x in body["labels"]}
    assert set(labels) == set(m.NODE_BY_LABEL) and labels["Document"]["count"] == 13
    types = {x["type"]: x for x in body["relationships"]}
    assert set(types) == set(m.REL_BY_TYPE)
    assert types["IMPLEMENTS"] == {"type": "IMPLEMENTS", "term": "implements",
                                   "source": "Document", "target": "Document", "count": 7}
    # 7 pairs: 50-KL/TW → 20-NQ/TW, stated by two documents (Bắc Kạn, Hải Phòng), is one
