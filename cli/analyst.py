"""Analyst commands: ``policykg cypher "…" [--param k=v]… [--json]``.

The query runs as ``POST /cypher`` does: read-only (a write exits 2 naming the
reason), within ``POLICYKG_CYPHER_TIMEOUT_MS`` and ``POLICYKG_CYPHER_MAX_ROWS``
unless ``--timeout-ms``/``--max-rows`` say otherwise.  A ``--param`` value is
JSON when it parses as JSON (``--param year=2024``, ``--param ids='["a"]'``),
else a string (``--param number=69-KL/TW``).  Output: a table with a header row
(nodes as ``(:Label id)``, relationships as ``[:TYPE]``; ``--csv`` the same as CSV),
or ``--json``: ``{columns, rows, truncated}`` as the API returns it.  The row count,
and whether the row limit cut the result, go to stderr.
"""

from __future__ import annotations

import argparse
import json
from collections.abc import Callable
from typing import Any

from policykg.cli.common import EXIT_OK, emit, err, open_store
from policykg.cli.listing import Column, plural, print_listing
from policykg.core.errors import InputError
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


def _reader(key: str) -> Callable[[dict[str, Any]], str]:
    return lambda row: _cell(row[key])


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
    keys = [str(i) for i in range(len(result.columns))]
    columns = [Column(name, _reader(k)) for k, name in zip(keys, result.columns, strict=True)]
    rows = [dict(zip(keys, row, strict=True)) for row in result.rows]
    print_listing(args, columns, rows, len(rows), "row", counted=not result.truncated)
    if result.truncated:
        err(f"truncated: showing the first {plural(len(rows), 'row')}; --max-rows to see more")
    return EXIT_OK
