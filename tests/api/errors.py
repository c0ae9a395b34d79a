"""The one error shape, checked on a response."""

from __future__ import annotations

from typing import Any

from httpx import Response


def assert_error(response: Response, status: int, code: str | None = None) -> dict[str, Any]:
    assert response.status_code == status, response.text
    body = response.json()
    assert set(body) == {"error"}
    error = body["error"]
    assert error["status"] == status
    assert isinstance(error["code"], str) and isinstance(error["message"], str)
    assert set(error) <= {"status", "code", "message", "details"}
    if code is not None:
        assert error["code"] == code
    return dict(error)
