"""One JSON error shape for every API error.

    {"error": {"status": 404, "code": "not_found", "message": "…", "details": […]}}

``details`` is present for validation errors (pydantic's ``errors()``) and for
ambiguous references (the candidate ids).
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from typing import Any

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from pydantic import BaseModel
from starlette.exceptions import HTTPException as StarletteHTTPException

from policykg.errors import (
    AmbiguousReference,
    GraphError,
    GraphUnavailable,
    InputError,
    QueryError,
    ReferenceNotFound,
)

_CODES = {400: "bad_request", 401: "unauthorized", 403: "forbidden", 404: "not_found",
          405: "method_not_allowed", 409: "ambiguous", 413: "too_large",
          422: "invalid_request", 500: "internal_error", 503: "unavailable"}


class ErrorBody(BaseModel):
    status: int
    code: str
    message: str
    details: list[Any] | None = None


class ErrorResponse(BaseModel):
    """The shape of every error response."""

    error: ErrorBody


def error_response(status: int, message: str, details: list[Any] | None = None,
                   code: str | None = None) -> JSONResponse:
    body = ErrorBody(status=status, code=code or _CODES.get(status, "error"),
                     message=message, details=details)
    return JSONResponse(ErrorResponse(error=body).model_dump(exclude_none=True),
                        status_code=status)


# Our errors and their statuses; Starlette uses the handler of the nearest class in an
# exception's MRO (AmbiguousReference, a ReferenceNotFound, has its own 409 handler).
_STATUS_BY_ERROR: tuple[tuple[type[Exception], int], ...] = (
    (ReferenceNotFound, 404),
    (InputError, 400),
    (QueryError, 400),
    (GraphUnavailable, 503),
    (GraphError, 503),
)


def _status_handler(status: int) -> Callable[[Request, Exception], Awaitable[JSONResponse]]:
    async def handle(_: Request, exc: Exception) -> JSONResponse:
        return error_response(status, str(exc))
    return handle


def install_error_handlers(app: FastAPI) -> None:
    """Route every error, ours and the framework's, through :func:`error_response`."""

    @app.exception_handler(StarletteHTTPException)
    async def _http(_: Request, exc: StarletteHTTPException) -> JSONResponse:
        return error_response(exc.status_code, str(exc.detail))

    @app.exception_handler(RequestValidationError)
    async def _validation(_: Request, exc: RequestValidationError) -> JSONResponse:
        details = [{"loc": list(e.get("loc", ())), "msg": e.get("msg"), "type": e.get("type")}
                   for e in exc.errors()]
        return error_response(422, "the request is not valid", details)

    @app.exception_handler(AmbiguousReference)
    async def _ambiguous(_: Request, exc: AmbiguousReference) -> JSONResponse:
        return error_response(409, str(exc), list(exc.candidates))

    for error_type, status in _STATUS_BY_ERROR:
        app.add_exception_handler(error_type, _status_handler(status))

    @app.exception_handler(Exception)
    async def _unexpected(_: Request, exc: Exception) -> JSONResponse:
        return error_response(500, "internal error")
