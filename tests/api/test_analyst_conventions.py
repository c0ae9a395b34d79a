"""Request ids, read keys, CORS and the OpenAPI document."""

from __future__ import annotations

import logging
from collections.abc import Callable

import pytest
from fastapi.testclient import TestClient

from tests.api.conftest import KEY
from tests.api.errors import assert_error


def test_a_request_id_is_echoed_or_made_and_logged(analyst_client: TestClient,
                                                   caplog: pytest.LogCaptureFixture) -> None:
    with caplog.at_level(logging.INFO, logger="policykg.api"):
        given = analyst_client.get("/health", headers={"X-Request-ID": "abc-123"})
        made = analyst_client.get("/health", headers={"X-Request-ID": "bad id\twith spaces"})
    assert given.headers["X-Request-ID"] == "abc-123"
    assert len(made.headers["X-Request-ID"]) == 32
    assert [r.request_id for r in caplog.records if r.name == "policykg.api"] == [  # type: ignore[attr-defined]
        "abc-123", made.headers["X-Request-ID"]]
    error = analyst_client.get("/queries/nothing", headers={"X-Request-ID": "e-1"})
    assert error.headers["X-Request-ID"] == "e-1"


def test_reads_can_require_a_key(make_client: Callable[..., TestClient]) -> None:
    client = make_client(api_keys=KEY, read_keys_required="true")
    assert_error(client.get("/search", params={"q": "x"}), 401)
    assert_error(client.get("/graph/schema", headers={"Authorization": "Bearer no"}), 403)
    assert client.get("/graph/schema", headers={"Authorization": f"Bearer {KEY}"}).is_success
    assert client.get("/health").is_success


def test_reads_are_open_by_default(analyst_client: TestClient) -> None:
    assert analyst_client.get("/graph/schema").is_success


def test_cors_only_for_configured_origins(make_client: Callable[..., TestClient]) -> None:
    closed = make_client()
    assert "access-control-allow-origin" not in closed.get(
        "/health", headers={"Origin": "https://app.example"}).headers
    client = make_client(cors_origins="https://app.example, https://other.example")
    response = client.get("/health", headers={"Origin": "https://app.example"})
    assert response.headers["access-control-allow-origin"] == "https://app.example"
    assert "X-Request-ID" in response.headers["access-control-expose-headers"]
    assert "access-control-allow-origin" not in client.get(
        "/health", headers={"Origin": "https://evil.example"}).headers


def test_the_openapi_document_describes_the_routes(analyst_client: TestClient) -> None:
    spec = analyst_client.get("/openapi.json").json()
    for path in ("/cypher", "/queries", "/queries/{name}", "/search", "/graph",
                 "/graph/schema"):
        assert path in spec["paths"]
    upload = spec["paths"]["/documents"]["post"]
    assert "multipart/form-data" in upload["requestBody"]["content"]
    assert {"401", "403", "413", "415"} <= set(upload["responses"])
    assert spec["components"]["securitySchemes"]["HTTPBearer"]["scheme"] == "bearer"
    assert spec["components"]["schemas"]["CypherIn"]["examples"]
