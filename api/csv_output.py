"""CSV for the list routes: ``?format=csv`` or ``Accept: text/csv`` on a GET whose JSON is
a ``{data: [...], …}`` list turns its rows into CSV, UTF-8 with a byte-order mark so that
Excel reads Vietnamese correctly.

Columns are the rows' keys in order of first appearance.  A list cell is its items
joined by "; " (a body or document in it by its name, number or id); a map cell is JSON.
Routes with their own formats (the validation report, a document's subgraph) are left
alone, and so is any response that is not such a list.
"""

from __future__ import annotations

import csv
import io
import json
import re
from typing import Any
from urllib.parse import parse_qsl

from starlette.datastructures import MutableHeaders
from starlette.types import ASGIApp, Message, Receive, Scope, Send

CSV_TYPE = "text/csv; charset=utf-8"
BOM = "\ufeff"
_OWN_FORMATS = re.compile(r"^/audit/report$|^/documents/[^/]+/subgraph$")


def wants_csv(scope: Scope) -> bool:
    if scope["type"] != "http" or scope["method"] != "GET" or _OWN_FORMATS.match(scope["path"]):
        return False
    query = parse_qsl(scope.get("query_string", b"").decode("latin-1"))
    if ("format", "csv") in query:
        return True
    accept = b",".join(v for k, v in scope["headers"] if k == b"accept").decode("latin-1")
    return "text/csv" in accept


def _cell(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, list):
        return "; ".join(_item(v) for v in value)
    if isinstance(value, dict):
        return json.dumps(value, ensure_ascii=False)
    return str(value)


def _item(value: Any) -> str:
    if isinstance(value, dict):
        for key in ("name", "number", "id"):
            if value.get(key):
                return str(value[key])
        return json.dumps(value, ensure_ascii=False)
    return _cell(value)


def rows_to_csv(rows: list[dict[str, Any]]) -> str:
    """The rows as CSV text, with a BOM and a header of every key."""
    columns: dict[str, None] = {}
    for row in rows:
        columns.update(dict.fromkeys(row))
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow(columns)
    for row in rows:
        writer.writerow([_cell(row.get(c)) for c in columns])
    return BOM + out.getvalue()


class CsvMiddleware:
    """Re-encodes a list route's JSON as CSV when the request asks for it."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if not wants_csv(scope):
            await self.app(scope, receive, send)
            return
        start: Message | None = None
        chunks: list[bytes] = []

        async def capture(message: Message) -> None:
            nonlocal start
            if message["type"] == "http.response.start":
                start = message
            elif message["type"] == "http.response.body":
                chunks.append(message.get("body", b""))
            else:
                await send(message)

        await self.app(scope, receive, capture)
        assert start is not None, "the application sent no response"
        body = b"".join(chunks)
        headers = MutableHeaders(raw=list(start["headers"]))
        converted = self._convert(start["status"], headers, body)
        if converted is not None:
            body = converted.encode("utf-8")
            headers["content-type"] = CSV_TYPE
            headers["content-length"] = str(len(body))
            name = scope["path"].strip("/").replace("/", "_").replace(":", "_") or "data"
            headers["content-disposition"] = f'attachment; filename="{name}.csv"'
        await send({**start, "headers": headers.raw})
        await send({"type": "http.response.body", "body": body})

    @staticmethod
    def _convert(status: int, headers: MutableHeaders, body: bytes) -> str | None:
        if status != 200 or not headers.get("content-type", "").startswith("application/json"):
            return None
        try:
            payload = json.loads(body)
        except ValueError:
            return None
        if not isinstance(payload, dict) or not isinstance(payload.get("data"), list):
            return None
        rows = [r for r in payload["data"] if isinstance(r, dict)]
        return rows_to_csv(rows) if len(rows) == len(payload["data"]) else None
