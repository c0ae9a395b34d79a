"""One JSON error shape for every API error.

    {"error": {"status": 404, "code": "not_found", "message": "…", "details": […]}}

``details`` is present for validation errors (pydantic's ``errors()``) and for
ambiguous references (the candidate ids).
"""

from __future__ import annotations

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

    @app.exception_handler(ReferenceNotFound)
    async def _not_found(_: Request, exc: ReferenceNotFound) -> JSONResponse:
        return error_response(404, str(exc))

    @app.exception_handler(InputError)
    async def _input(_: Request, exc: InputError) -> JSONResponse:
        return error_response(400, str(exc))

    @app.exception_handler(QueryError)
    async def _query(_: Request, exc: QueryError) -> JSONResponse:
        return error_response(400, str(exc))

    @app.exception_handler(GraphUnavailable)
    async def _unavailable(_: Request, exc: GraphUnavailable) -> JSONResponse:
        return error_response(503, str(exc))

    @app.exception_handler(GraphError)
    async def _graph(_: Request, exc: GraphError) -> JSONResponse:
        return error_response(503, str(exc))

    @app.exception_handler(Exception)
    async def _unexpected(_: Request, exc: Exception) -> JSONResponse:
        return error_response(500, "internal error")
