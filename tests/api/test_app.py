"""The HTTP API over a real graph store, through the ASGI app."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest
from fastapi.testclient import TestClient

from policykg.queries.store import GraphStore
from tests.api.errors import assert_error


@pytest.fixture
def client(make_client: Callable[..., TestClient]) -> TestClient:
    return make_client()


def _kon_tum_id(client: TestClient) -> str:
    body = client.get("/documents", params={"scope": "kon-tum", "stub": False}).json()
    assert body["count"] == 1
    return str(body["data"][0]["id"])


def test_health_and_ready(client: TestClient) -> None:
    assert client.get("/health").json() == {"status": "ok", "engine": None}
    ready = client.get("/ready")
    assert ready.status_code == 200
    assert ready.json()["engine"] in {"falkordb", "neo4j"}


def test_kon_tum_lineage_in_order(client: TestClient) -> None:
    plan = _kon_tum_id(client)
    body = client.get(f"/documents/{plan}/lineage").json()
    numbers = [(n["number"], n["year"], n["depth"]) for n in body["nodes"]]
    assert numbers == [(None, None, 0), ("69-KL/TW", 2024, 1), ("20-NQ/TW", 2012, 2)]
    assert body["nodes"][0]["id"] == plan
    assert {(e["from"], e["to"]) for e in body["edges"]} == {
        (plan, "tw:2024:69-kl-tw"), ("tw:2024:69-kl-tw", "tw:2012:20-nq-tw")}


def test_implementations_of_the_2012_resolution(client: TestClient) -> None:
    body = client.get("/documents/tw:2012:20-nq-tw/implementations").json()
    ids = [n["id"] for n in body["nodes"]]
    assert ids[0] == "tw:2012:20-nq-tw"
    assert {"tw:2024:69-kl-tw", "tw:2019:50-kl-tw", "thai-nguyen:2013:29-ctr-tu",
            "hai-phong:2019:1046-cv-tu", _kon_tum_id(client)} <= set(ids)
    depth = {n["id"]: n["depth"] for n in body["nodes"]}
    assert depth["tw:2024:69-kl-tw"] == 1 and depth[_kon_tum_id(client)] == 2


def test_documents_filters_and_paging(client: TestClient) -> None:
    everything = client.get("/documents", params={"limit": 500}).json()
    assert everything["count"] == len(everything["data"]) >= 13
    page = client.get("/documents", params={"limit": 2, "offset": 2}).json()
    assert page["count"] == everything["count"]
    assert [d["id"] for d in page["data"]] == [d["id"] for d in everything["data"][2:4]]
    central = client.get("/documents", params={"scope": "tw", "kind": "KetLuan"}).json()
    assert {d["number"] for d in central["data"]} == {"50-KL/TW", "69-KL/TW"}
    assert all(d["stub"] for d in central["data"])


def test_one_document(client: TestClient) -> None:
    body = client.get("/documents/thai-nguyen:2013:29-ctr-tu").json()
    assert body["number"] == "29-CTr/TU"
    assert body["issued"] == "2013-06-04"
    assert body["stub"] is False


@pytest.mark.parametrize("ref", ["Kết luận 69", "ket luan 69", "KL 69", "69-KL/TW",
                                 "tw:2024:69-kl-tw"])
def test_resolve_human_references(client: TestClient, ref: str) -> None:
    body = client.get("/resolve", params={"ref": ref}).json()
    assert body["id"] == "tw:2024:69-kl-tw"
    assert body["document"]["number"] == "69-KL/TW"


def test_errors_share_one_shape(client: TestClient) -> None:
    assert_error(client.get("/documents/tw:1999:1-nq-tw"), 404)
    assert_error(client.get("/documents/tw:1999:1-nq-tw/lineage"), 404)
    assert_error(client.get("/resolve", params={"ref": "Kết luận 999"}), 404)
    assert_error(client.get("/resolve", params={"ref": "hello"}), 404)
    invalid = assert_error(client.get("/documents", params={"limit": 0}), 422)
    assert invalid["details"]
    assert_error(client.get("/resolve"), 422)
    for route in ("/documents", "/audit/unowned"):  # past 2**63 the Neo4j driver overflowed
        assert_error(client.get(route, params={"offset": 2**63}), 422)
    assert_error(client.get("/nowhere"), 404)
    assert_error(client.post("/health"), 405)


def test_an_ambiguous_reference_lists_its_candidates(
        make_writable_client: Callable[..., TestClient], writable_corpus_store: GraphStore) -> None:
    client = make_writable_client()
    # Kon Tum and Thái Nguyên each have a 29-CTr/TU once both exist.
    writable_corpus_store.write([(
        "CREATE (:Document {id: 'kon-tum:2020:29-ctr-tu', number: '29-CTr/TU', "
        "kind: 'ChuongTrinh', year: 2020, scope: 'kon-tum', stub: true})", {})])
    error = assert_error(client.get("/resolve", params={"ref": "29-CTr/TU"}), 409)
    assert error["details"] == ["kon-tum:2020:29-ctr-tu", "thai-nguyen:2013:29-ctr-tu"]


def test_openapi_documents_every_route(client: TestClient) -> None:
    spec = client.get("/openapi.json").json()
    assert {"/health", "/ready", "/documents", "/documents/{doc_id}",
            "/documents/{doc_id}/lineage", "/documents/{doc_id}/implementations",
            "/resolve"} <= set(spec["paths"])
    assert client.get("/docs").status_code == 200


def test_every_operation_is_named_in_english_and_vietnamese(client: TestClient) -> None:
    spec = client.get("/openapi.json").json()
    summaries = {f"{method.upper()} {path}": op.get("summary", "")
                 for path, ops in spec["paths"].items() for method, op in ops.items()}
    unnamed = [op for op, summary in summaries.items()
               if " · " not in summary or summary.isascii()]
    assert unnamed == []
    assert summaries["GET /audit/unowned"] == "Unowned tasks · Nhiệm vụ chưa có cơ quan chủ trì"


_SELF_SHOWN = ("integer", "number", "boolean")


def _shown(schema: dict[str, Any], components: dict[str, Any], seen: frozenset[str] = frozenset()
           ) -> bool:
    """Whether a schema comes with an example: its own, or one on every property it
    requires (through references, lists and unions); a number or a flag needs none
    (any reads as one), a text does (\"string\" does not)."""
    if "example" in schema or "examples" in schema or schema.get("type") in _SELF_SHOWN:
        return True
    if "$ref" in schema:
        name = schema["$ref"].rsplit("/", 1)[-1]
        return name not in seen and _shown(components[name], components, seen | {name})
    if "items" in schema:
        return _shown(schema["items"], components, seen)
    if "anyOf" in schema:
        return any(_shown(s, components, seen) for s in schema["anyOf"] if s != {"type": "null"})
    properties = schema.get("properties", {})
    return bool(properties) and all(_shown(properties[p], components, seen)
                                    for p in schema.get("required", properties))


def test_every_operation_shows_an_example_of_what_it_takes_and_gives(client: TestClient
                                                                     ) -> None:
    spec = client.get("/openapi.json").json()
    components = spec["components"]["schemas"]
    missing = []
    for path, ops in spec["paths"].items():
        for method, op in ops.items():
            where = f"{method.upper()} {path}"
            ok = next(r for code, r in op["responses"].items() if code.startswith("2"))
            missing += [f"{where} {kind}" for kind, media in ok.get("content", {}).items()
                        if kind != "text/html" and not _shown(media, components)
                        and not _shown(media.get("schema", {}), components)]
            missing += [f"{where} {p['name']}" for p in op.get("parameters", [])
                        if p["in"] == "path" and not _shown(p, components)
                        and not _shown(p["schema"], components)]
    assert missing == []
    assert not _shown({"type": "object", "properties": {"a": {"type": "string"}}}, components)
