"""Analyst commands: ``policykg cypher "…" [--param k=v]… [--json]``.

The query runs as ``POST /cypher`` does: read-only (a write exits 2 naming the
reason), within ``POLICYKG_CYPHER_TIMEOUT_MS`` and ``POLICYKG_CYPHER_MAX_ROWS``
unless ``--timeout-ms``/``--max-rows`` say otherwise.  A ``--param`` value is
JSON when it parses as JSON (``--param year=2024``, ``--param ids='["a"]'``),
else a string (``--param number=69-KL/TW``).  Output: a tab-separated table
with nodes as ``(:Label id)`` and relationships as ``[:TYPE]``, or ``--json``:
``{columns, rows, truncated}`` as the API returns it.
"""

from __future__ import annotations

import argparse
import json
from typing import Any

from policykg.cli.common import EXIT_OK, emit, err, open_store
from policykg.core.errors import InputError
from policykg.core.printable import printable
from policykg.core.settings import get_settings
from policykg.queries.cypher import run_cypher


def _param(text: str) -> tuple[str, Any]:
    name, eq, value = text.partition("=")
    if not eq or not name.strip():
        raise InputError(f"--param {text!r}: expected NAME=VALUE")
    try:
        return name.strip(), json.loads(value)
    except json.JSONDecodeError:
        return name.strip(), value


def _cell(value: Any) -> str:
    if isinstance(value, dict) and value.get("kind") == "node":
        props = value["properties"]
        return f"(:{':'.join(value['labels'])} {props.get('id', value['id'])})"
    if isinstance(value, dict) and value.get("kind") == "relationship":
        return f"[:{value['type']}]"
    if isinstance(value, dict) and value.get("kind") == "path":
        return " ".join(_cell(n) for n in value["nodes"])
    if isinstance(value, str):
        return value
    return json.dumps(value, ensure_ascii=False)


def cmd_cypher(args: argparse.Namespace) -> int:
    settings = get_settings()
    params = dict(_param(p) for p in args.param)
    store = open_store()
    try:
        result = run_cypher(store, args.query, params,
                            timeout_ms=args.timeout_ms or settings.cypher_timeout_ms,
                            max_rows=args.max_rows or settings.cypher_max_rows)
    finally:
        store.close()
    if args.json:
        emit({"columns": result.columns, "rows": result.rows, "truncated": result.truncated})
        return EXIT_OK
    print("\t".join(printable(c) for c in result.columns))
    for row in result.rows:
        print("\t".join(printable(_cell(v)) for v in row))
    if result.truncated:
        err(f"truncated: only the first {len(result.rows)} rows are shown")
    return EXIT_OK
