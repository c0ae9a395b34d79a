"""Graph views sized for a browser: lean nodes by default, all properties on request, and
a byte limit beside the node limit."""

from __future__ import annotations

from collections.abc import Callable

from fastapi.testclient import TestClient

KON_TUM_PLAN = "kon-tum:undated:kh-9fdfd9a1"
TEXTS = {"title", "text", "aliases", "source_file", "span_start", "sha256", "field_origins"}


def _nodes(body: dict[str, object]) -> dict[str, dict[str, object]]:
    elements = body["elements"]
    assert isinstance(elements, dict)
    return {n["data"]["id"]: n["data"] for n in elements["nodes"]}


def test_nodes_are_lean_unless_asked_for_in_full(make_client: Callable[..., TestClient]
                                                 ) -> None:
    client = make_client()
    params = {"focus": KON_TUM_PLAN, "depth": 1}
    lean = client.get("/graph", params=params)
    full = client.get("/graph", params={**params, "detail": "full"})
    assert lean.status_code == full.status_code == 200
    lean_nodes, full_nodes = _nodes(lean.json()), _nodes(full.json())
    assert lean_nodes.keys() == full_nodes.keys() and len(lean_nodes) > 10
    assert all(not TEXTS & data.keys() for data in lean_nodes.values())
    assert TEXTS & set().union(*(d.keys() for d in full_nodes.values())) >= {"title", "text"}
    plan = lean_nodes[KON_TUM_PLAN]
    assert {plan["label"], plan["kind"], plan["doc_kind"], plan["province"]} == {
        full_nodes[KON_TUM_PLAN]["label"], "Document", "KeHoach", "Kon Tum"}
    task = next(d for d in lean_nodes.values() if d["kind"] == "Task")
    assert "section" in task and task["label"]
    assert len(lean.content) * 3 < len(full.content) * 2  # 12.9 KB against 26.9 KB here
    assert lean.json()["elements"]["edges"] == full.json()["elements"]["edges"]
    assert client.get("/graph", params={**params, "detail": "all"}).status_code == 422


def test_a_response_past_the_byte_limit_keeps_the_nearest_nodes(
        make_client: Callable[..., TestClient]) -> None:
    client = make_client(graph_max_bytes="4000")
    body = client.get("/graph", params={"focus": KON_TUM_PLAN, "depth": 2, "detail": "full"})
    assert body.status_code == 200
    assert len(body.content) < 4000 + 200  # the elements, and the envelope around them
    data = body.json()
    assert data["truncated"] is True
    depths = [n["data"]["depth"] for n in data["elements"]["nodes"]]
    assert depths[0] == 0 and depths == sorted(depths)
    ids = set(_nodes(data))
    assert all(e["data"]["source"] in ids and e["data"]["target"] in ids
               for e in data["elements"]["edges"])
    roomy = make_client(graph_max_bytes="10000000").get(
        "/graph", params={"focus": KON_TUM_PLAN, "depth": 2, "detail": "full"}).json()
    assert len(roomy["elements"]["nodes"]) > len(depths)
