"""One JSON error shape for every API error, and one table from exceptions to statuses.

    {"error": {"status": 404, "code": "not_found", "message": "…", "details": […]}}

``details`` is present for validation errors (pydantic's ``errors()``), ambiguous
references (the candidate ids) and rejected documents (the findings): whatever the
exception's :attr:`~policykg.core.errors.PolicyKGError.details` holds.  Routes raise;
they never build error responses themselves.
"""

from __future__ import annotations

from typing import Any

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from pydantic import BaseModel
from starlette.exceptions import HTTPException as StarletteHTTPException

from policykg.core.errors import (
    AmbiguousReference,
    Busy,
    DocumentRejected,
    GraphError,
    InputError,
    InvalidParameter,
    NotLoaded,
    PolicyKGError,
    QueryError,
    ReferenceNotFound,
    UnsupportedMedia,
    WriteRefused,
)

# Every error policykg raises, most specific first: the first class an exception is an
# instance of gives its status and code.
ERROR_TABLE: tuple[tuple[type[PolicyKGError], int, str], ...] = (
    (Busy, 429, "too_many_requests"),
    (AmbiguousReference, 409, "ambiguous"),
    (NotLoaded, 409, "stub"),
    (ReferenceNotFound, 404, "not_found"),
    (UnsupportedMedia, 415, "unsupported_media_type"),
    (InvalidParameter, 422, "invalid_request"),
    (InputError, 400, "bad_request"),
    (DocumentRejected, 422, "rejected"),
    (WriteRefused, 403, "write_refused"),
    (QueryError, 400, "bad_request"),
    (GraphError, 503, "unavailable"),
    (PolicyKGError, 400, "bad_request"),
)
_HTTP_CODES = {400: "bad_request", 401: "unauthorized", 403: "forbidden", 404: "not_found",
               405: "method_not_allowed", 408: "request_timeout", 413: "too_large",
               422: "invalid_request", 429: "too_many_requests", 500: "internal_error",
               503: "unavailable"}
_DESCRIPTIONS = {
    400: "Bad input, or the engine rejected the query or stopped it at its time limit",
    401: "No API key", 403: "Wrong API key, writes disabled, or a write refused",
    404: "No such document, node or named query", 409: "The reference names several "
    "documents, or names a stub", 413: "The request is over a size limit",
    415: "Not a multipart form, or the file is not text", 422: "Invalid parameters, or a "
    "document rejected by validation", 429: "Too many analyst queries at once: retry after "
    "the Retry-After seconds", 503: "The graph store is unavailable",
}


class ErrorBody(BaseModel):
    status: int
    code: str
    message: str
    details: list[Any] | None = None


class ErrorResponse(BaseModel):
    """The shape of every error response."""

    error: ErrorBody


def responses(*statuses: int) -> dict[int | str, dict[str, Any]]:
    """OpenAPI ``responses`` for these error statuses, each with the error shape."""
    return {s: {"model": ErrorResponse, "description": _DESCRIPTIONS[s]} for s in statuses}


def error_response(status: int, message: str, details: list[Any] | None = None,
                   code: str | None = None) -> JSONResponse:
    body = ErrorBody(status=status, code=code or _HTTP_CODES.get(status, "error"),
                     message=message, details=details)
    return JSONResponse(ErrorResponse(error=body).model_dump(exclude_none=True),
                        status_code=status)


def status_of(exc: PolicyKGError) -> tuple[int, str]:
    """The status and code :data:`ERROR_TABLE` gives ``exc``."""
    for error_type, status, code in ERROR_TABLE:
        if isinstance(exc, error_type):
            return status, code
    raise AssertionError("PolicyKGError closes the table")  # pragma: no cover


def install_error_handlers(app: FastAPI) -> None:
    """Route every error, ours and the framework's, through :func:`error_response`."""

    @app.exception_handler(StarletteHTTPException)
    async def _http(_: Request, exc: StarletteHTTPException) -> JSONResponse:
        response = error_response(exc.status_code, str(exc.detail))
        response.headers.update(exc.headers or {})  # Connection: close after a 408
        return response

    @app.exception_handler(RequestValidationError)
    async def _validation(_: Request, exc: RequestValidationError) -> JSONResponse:
        details = [{"loc": list(e.get("loc", ())), "msg": e.get("msg"), "type": e.get("type")}
                   for e in exc.errors()]
        return error_response(422, "the request is not valid", details)

    @app.exception_handler(PolicyKGError)
    async def _ours(_: Request, exc: PolicyKGError) -> JSONResponse:
        status, code = status_of(exc)
        response = error_response(status, str(exc), exc.details, code)
        if isinstance(exc, Busy):
            response.headers["Retry-After"] = str(exc.retry_after)
        return response

    @app.exception_handler(Exception)
    async def _unexpected(_: Request, exc: Exception) -> JSONResponse:
        return error_response(500, "internal error")
