"""Property-based tests generated from the app's own OpenAPI document (schemathesis).

Every operation, with a bounded number of generated requests (valid and invalid),
must answer without a server error, and every error in the one JSON shape.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from typing import Any

import schemathesis
from fastapi.testclient import TestClient
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tests.api.conftest import KEY

EXAMPLES = 12  # per operation: the whole run (some 30 operations) takes a few seconds


def _sendable(field: tuple[str, tuple[Any, ...]]) -> tuple[str, tuple[Any, ...]]:
    """A form field httpx can encode: generated numbers and lists as JSON text."""
    name, (filename, value, *rest) = field
    if not isinstance(value, (str, bytes)):
        value = json.dumps(value)
    return name, (filename, value, *rest)


def test_no_generated_request_makes_a_server_error(
        make_writable_client: Callable[..., TestClient]) -> None:
    client = make_writable_client(api_keys=KEY, cypher_timeout_ms="1000")
    schema = schemathesis.openapi.from_dict(client.get("/openapi.json").json())
    failures: list[str] = []
    for result in schema.get_all_operations():
        operation = result.ok()  # type: ignore[union-attr]  # Ok has it; Err fails the test

        @settings(max_examples=EXAMPLES, deadline=None, database=None,
                  suppress_health_check=list(HealthCheck))
        @given(case=operation.as_strategy(), keyed=st.booleans())
        def check(case: schemathesis.Case[Any], keyed: bool) -> None:
            kwargs = case.as_transport_kwargs(base_url="http://testserver")
            kwargs.pop("cookies", None)
            if kwargs.get("files"):
                kwargs["files"] = [_sendable(field) for field in kwargs["files"]]
            headers = {**(kwargs.pop("headers", None) or {}),
                       **({"Authorization": f"Bearer {KEY}"} if keyed else {})}
            response = client.request(kwargs.pop("method"), kwargs.pop("url"), headers=headers,
                                      **kwargs)
            if response.status_code >= 500:
                failures.append(f"{case.method} {case.formatted_path}: "
                                f"{response.status_code} {kwargs} {response.text[:200]}")
            elif response.status_code >= 400:
                error = response.json()["error"]
                assert error["status"] == response.status_code

        check()
    assert not failures, "\n".join(failures[:10])
