"""ASGI middleware: request ids, body size limit, read keys, CORS.

- Every request has an id: a well-formed ``X-Request-ID`` header is kept, else
  one is made; it is echoed in the response and set on every log record made
  while the request runs (``record.request_id``), with one access line per
  request on the ``policykg.api`` logger.
- A body over ``POLICYKG_MAX_UPLOAD_BYTES`` is refused with 413, by its
  Content-Length or while it streams; one that has not arrived in full
  ``POLICYKG_BODY_TIMEOUT_S`` after the request's head (a client that stalls or
  trickles it) gets 408 and the connection is closed.
- With ``POLICYKG_READ_KEYS_REQUIRED``, reads need an API key too
  (``/health``, ``/ready`` and the API docs stay open).
"""

from __future__ import annotations

import asyncio
import logging
import re
import time
import uuid
from collections.abc import Callable
from contextvars import ContextVar
from typing import Any

from fastapi import FastAPI
from fastapi.middleware.cors import CORSMiddleware
from starlette.datastructures import Headers, MutableHeaders
from starlette.exceptions import HTTPException
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from policykg.api.errors import error_response
from policykg.api.security import key_problem
from policykg.core.settings import Settings, get_settings

REQUEST_ID_HEADER = "X-Request-ID"
_WELL_FORMED = re.compile(r"^[A-Za-z0-9._:-]{1,128}$")
_OPEN_PATHS = ("/health", "/ready", "/docs", "/redoc", "/openapi.json")
request_id: ContextVar[str] = ContextVar("request_id", default="-")
log = logging.getLogger("policykg.api")


def _install_record_factory() -> None:
    """Give every log record a ``request_id`` attribute (once per process)."""
    previous = logging.getLogRecordFactory()
    if getattr(previous, "policykg_request_id", False):
        return

    def factory(*args: Any, **kwargs: Any) -> logging.LogRecord:
        record = previous(*args, **kwargs)
        record.request_id = request_id.get()
        return record

    factory.policykg_request_id = True  # type: ignore[attr-defined]
    logging.setLogRecordFactory(factory)


class RequestId:
    """Accept or make a request id, echo it, and log the request under it."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        given = Headers(scope=scope).get(REQUEST_ID_HEADER, "")
        rid = given if _WELL_FORMED.match(given) else uuid.uuid4().hex
        token = request_id.set(rid)
        started = time.perf_counter()
        status = 500

        async def send_with_id(message: Message) -> None:
            nonlocal status
            if message["type"] == "http.response.start":
                status = message["status"]
                MutableHeaders(scope=message)[REQUEST_ID_HEADER] = rid
            await send(message)

        try:
            await self.app(scope, receive, send_with_id)
        finally:
            log.info("%s %s %d %.1f ms", scope["method"], scope["path"], status,
                     (time.perf_counter() - started) * 1000)
            request_id.reset(token)


class BodyLimit:
    """Refuse request bodies over ``max_bytes`` with 413, and bodies still arriving
    ``timeout_s`` after the request started with 408 (the connection closed)."""

    def __init__(self, app: ASGIApp, max_bytes: int, timeout_s: float) -> None:
        self.app, self.max_bytes, self.timeout_s = app, max_bytes, timeout_s

    def _message(self) -> str:
        return f"the request body is over the limit of {self.max_bytes} bytes"

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        declared = Headers(scope=scope).get("content-length", "")
        if declared.isdigit() and int(declared) > self.max_bytes:
            await error_response(413, self._message())(scope, receive, send)
            return
        seen, complete = 0, False
        deadline = asyncio.get_running_loop().time() + self.timeout_s

        async def counted() -> Message:
            nonlocal seen, complete
            if complete:  # after the body, only a disconnect is waited for: no limit
                return await receive()
            remaining = deadline - asyncio.get_running_loop().time()
            try:
                message = await asyncio.wait_for(receive(), max(remaining, 0.0))
            except TimeoutError:  # a stalled or trickled body holds a connection no longer
                raise HTTPException(408, f"the request body did not arrive within "
                                    f"{self.timeout_s:g} s", headers={"Connection": "close"}
                                    ) from None
            complete = message["type"] != "http.request" or not message.get("more_body")
            seen += len(message.get("body", b""))
            if seen > self.max_bytes:  # turned into the error shape by the app's handler
                raise HTTPException(413, self._message())
            return message

        await self.app(scope, counted, send)


class ReadKeys:
    """With read keys required, every request but the open paths needs an API key."""

    def __init__(self, app: ASGIApp, settings: Callable[[], Settings]) -> None:
        self.app, self.settings = app, settings

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        settings = self.settings()
        if scope["type"] == "http" and settings.read_keys_required \
                and scope["path"] not in _OPEN_PATHS and scope["method"] != "OPTIONS":
            auth = Headers(scope=scope).get("authorization", "")
            scheme, _, key = auth.partition(" ")
            given = key.strip() if scheme.lower() == "bearer" and key.strip() else None
            problem = key_problem(given, settings.api_keys)
            if problem is not None:
                status, message = problem
                if status == 403 and not settings.api_keys:
                    message = "reads need an API key, and none is configured (POLICYKG_API_KEYS)"
                await error_response(status, message)(scope, receive, send)
                return
        await self.app(scope, receive, send)


def install_middleware(app: FastAPI, settings: Settings | None = None) -> None:
    """Add the middleware; the last added runs first (request id outermost)."""
    settings = settings or get_settings()
    _install_record_factory()
    app.add_middleware(ReadKeys, settings=get_settings)
    app.add_middleware(BodyLimit, max_bytes=settings.max_upload_bytes,
                       timeout_s=settings.body_timeout_s)
    if settings.cors_origins:
        app.add_middleware(CORSMiddleware, allow_origins=settings.cors_origins,
                           allow_methods=["GET", "POST", "DELETE"],
                           allow_headers=["Authorization", "Content-Type", REQUEST_ID_HEADER],
                           expose_headers=[REQUEST_ID_HEADER])
    app.add_middleware(RequestId)
