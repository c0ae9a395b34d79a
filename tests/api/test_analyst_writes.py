"""Keyed writes: POST /documents and DELETE /documents/{id}; the auth matrix; upload errors."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest
from fastapi.testclient import TestClient

from tests.api.conftest import KEY
from tests.api.errors import assert_error
from tests.shared_scorer import CORPUS

PLAN = CORPUS / "kon-tum_ke-hoach_kl69.txt"
AUTH = {"Authorization": f"Bearer {KEY}"}


def _plan_form() -> dict[str, Any]:
    return {"file": (PLAN.name, PLAN.read_bytes(), "text/plain"),
            "sidecar": ("meta.yaml", PLAN.with_name(PLAN.name + ".meta.yaml").read_bytes(),
                        "application/yaml")}


def _plan_id(client: TestClient) -> str:
    body = client.get("/documents", params={"scope": "kon-tum", "stub": False}).json()
    return str(body["data"][0]["id"])


def test_unload_then_upload_the_kon_tum_plan(writable_client: TestClient) -> None:
    plan = _plan_id(writable_client)
    gone = writable_client.delete(f"/documents/{plan}", headers=AUTH)
    assert gone.json() == {"id": plan, "outcome": "removed"}
    assert_error(writable_client.get(f"/documents/{plan}"), 404)
    assert_error(writable_client.get("/documents/tw:2024:69-kl-tw"), 404)  # only it cited KL 69
    assert writable_client.get("/documents/tw:2012:20-nq-tw").status_code == 200  # others do
    loaded = writable_client.post("/documents", files=_plan_form(), headers=AUTH)
    assert loaded.status_code == 201, loaded.text
    body = loaded.json()
    assert body["id"] == plan and body["tasks"] == 20 and body["source"].startswith("upload/")
    assert isinstance(body["warnings"], list) and "conforms" in body["validation"]
    lineage = writable_client.get(f"/documents/{plan}/lineage").json()
    assert [n["id"] for n in lineage["nodes"]] == [plan, "tw:2024:69-kl-tw", "tw:2012:20-nq-tw"]


def test_a_stub_cannot_be_unloaded(writable_client: TestClient) -> None:
    assert_error(writable_client.delete("/documents/tw:2012:20-nq-tw", headers=AUTH), 409,
                 "stub")
    assert_error(writable_client.delete("/documents/tw:1999:1-nq-tw", headers=AUTH), 404)


def _write(client: TestClient, method: str, headers: dict[str, str]) -> Any:
    if method == "POST":
        return client.post("/documents", files=_plan_form(), headers=headers,
                           params={"validate": "false"})
    return client.delete("/documents/thai-nguyen:2013:29-ctr-tu", headers=headers)


@pytest.mark.parametrize("method", ["POST", "DELETE"])
def test_the_auth_matrix(make_writable_client: Callable[..., TestClient], method: str) -> None:
    client = make_writable_client(api_keys=f"other-key,{KEY}")
    assert_error(_write(client, method, {}), 401)
    assert_error(_write(client, method, {"Authorization": "Basic abc"}), 401)
    assert_error(_write(client, method, {"Authorization": "Bearer wrong"}), 403)
    assert _write(client, method, AUTH).status_code in (200, 201)


@pytest.mark.parametrize("method", ["POST", "DELETE"])
def test_writes_are_disabled_without_configured_keys(
        make_writable_client: Callable[..., TestClient], method: str) -> None:
    client = make_writable_client()
    error = assert_error(_write(client, method, AUTH), 403)
    assert "disabled" in error["message"]


@pytest.mark.parametrize(("files", "status"), [
    ({"file": ("a.pdf", b"%PDF-1.7 ...", "application/pdf")}, 415),
    ({"file": ("a.txt", b"text\x00with a NUL", "text/plain")}, 415),
    ({"file": ("a.txt", "Kết luận".encode("utf-16"), "text/plain")}, 400),
    ({"file": ("a.txt", b"   ", "text/plain")}, 400),
    ({"other": ("a.txt", b"text", "text/plain")}, 400),
    ({"file": ("a.txt", b"text", "text/plain"), "sidecar": ("m.yaml", b"kind: [", "text/yaml")},
     400),
    ({"file": ("a.txt", b"text", "text/plain"), "sidecar": ("m.yaml", b"colour: red",
                                                            "text/yaml")}, 400),
    ({"file": ("a.txt", b"text", "text/plain"),
      "sidecar": ("m.yaml", b"province: " + b"K" * 10_000, "text/yaml")}, 400),

    ({"file": ("a.txt", ("ỦY BAN NHÂN DÂN TỈNH " + "Á" * 5000 + "\nSố: 5/KH-UBND\n\nKẾ HOẠCH"
                         "\n\nvề số\n").encode(), "text/plain")}, 400),
])
def test_bad_uploads_are_named(writable_client: TestClient, files: dict[str, Any],
                               status: int) -> None:
    assert_error(writable_client.post("/documents", files=files, headers=AUTH), status)


def test_an_upload_that_is_not_a_form_is_415(writable_client: TestClient) -> None:
    assert_error(writable_client.post("/documents", content=b"text", headers={
        **AUTH, "Content-Type": "text/plain"}), 415)


def test_a_body_over_the_limit_is_413(make_writable_client: Callable[..., TestClient]) -> None:
    client = make_writable_client(api_keys=KEY, max_upload_bytes="1000")
    files = {"file": ("a.txt", b"x" * 2000, "text/plain")}
    assert_error(client.post("/documents", files=files, headers=AUTH), 413)

    def chunks() -> Any:  # no Content-Length: counted as it streams
        yield b"{" + b" " * 1500 + b"}"
    assert_error(client.post("/cypher", content=chunks(), headers={
        "Content-Type": "application/json"}), 413)


UNOWNED = """TỈNH ỦY BẮC NINH
Số 99-KH/TU
Bắc Ninh, ngày 02 tháng 3 năm 2025
KẾ HOẠCH
thử nghiệm
1. Đẩy mạnh ứng dụng khoa học và công nghệ trong sản xuất nông nghiệp.
"""


def test_an_upload_is_validated_before_it_is_written(writable_client: TestClient) -> None:
    """The same guarantee as `policykg load`: reject stores nothing; warn stores it and
    returns the findings of the document's own nodes."""
    form = {"file": ("unowned.txt", UNOWNED.encode(), "text/plain")}
    error = assert_error(writable_client.post("/documents", files=form, headers=AUTH,
                                              params={"on_violation": "reject"}), 422, "rejected")
    assert {f["shape"].rsplit("/", 1)[-1] for f in error["details"]} == {"TaskOwner"}
    doc_id = "bac-ninh:2025:99-kh-tu"
    assert_error(writable_client.get(f"/documents/{doc_id}"), 404)
    stored = writable_client.post("/documents", files=form, headers=AUTH)
    assert stored.status_code == 201, stored.text
    assert stored.json()["id"] == doc_id
    report = stored.json()["validation"]
    assert report["conforms"] is False and report["counts"]["Violation"] == 1
    assert report["findings"][0]["name"].startswith("99-KH/TU (2025) §1")
    assert writable_client.get(f"/documents/{doc_id}").status_code == 200
