"""Analyst Cypher on Neo4j: a READ session, an ``EXPLAIN`` first, a transaction timeout.

Two server-side guards: the query's plan must say it only reads
(``summary.query_type == "r"``), and it runs in READ access mode, where the
server refuses writes.  ``neo4j.Query(timeout=…)`` makes the server cancel the
transaction at its limit.  Records are pulled :data:`FETCH` at a time (never more than
``max_rows + 1``), read one message at a time, and their size as JSON counted: past
``max_rows`` or once the size passes ``max_bytes`` (refused: 400) the rest are
discarded on the server, unsent.  The API so decodes at most ``max_bytes`` and the rest
of one pull, each record bounded by the server's transaction memory
(``db.memory.transaction.max``): Bolt hands a record over whole.
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from typing import Any

from neo4j import READ_ACCESS, Driver, Query
from neo4j.graph import Node, Path, Relationship

from policykg.core.errors import QueryError, WriteRefused
from policykg.queries.cypher import CypherResult, json_value, node, path, relationship

READ = "r"
FETCH = 100  # records a pull asks for: what may still be decoded once a limit is reached


def _node(value: Node) -> dict[str, Any]:
    return node(value.element_id, sorted(value.labels), dict(value.items()))


def _relationship(value: Relationship) -> dict[str, Any]:
    start = value.start_node.element_id if value.start_node is not None else None
    end = value.end_node.element_id if value.end_node is not None else None
    return relationship(value.element_id, value.type, start, end, dict(value.items()))


def _entity(value: Any) -> dict[str, Any] | None:
    if isinstance(value, Node):
        return _node(value)
    if isinstance(value, Relationship):
        return _relationship(value)
    if isinstance(value, Path):
        return path([_node(n) for n in value.nodes],
                    [_relationship(r) for r in value.relationships])
    return None


def _json_bytes(row: list[Any]) -> int:
    """About the bytes ``row`` takes in the API's JSON reply."""
    return len(json.dumps(row, ensure_ascii=False, separators=(",", ":")).encode())


def run(driver: Driver, database: str | None, query: str, params: Mapping[str, Any] | None,
        *, timeout_ms: int, max_rows: int, max_bytes: int) -> CypherResult:
    """Run ``query``; Neo4jError or DriverError on failure, WriteRefused for a write,
    QueryError for a reply past ``max_bytes``."""
    args = dict(params or {})
    with driver.session(database=database, default_access_mode=READ_ACCESS,
                        fetch_size=min(max_rows + 1, FETCH)) as session:
        plan = session.run(Query("EXPLAIN " + query, timeout=timeout_ms / 1000), args)
        query_type = plan.consume().query_type
        if query_type != READ:
            raise WriteRefused(f"write refused by Neo4j: the query's plan is of type "
                               f"{query_type!r}, not read-only ('r')")
        result = session.run(Query(query, timeout=timeout_ms / 1000), args)
        columns = list(result.keys())
        rows: list[list[Any]] = []
        truncated = False
        size = 0
        for record in result:
            if len(rows) == max_rows:
                truncated = True
                break
            row = [json_value(v, _entity) for v in record.values()]
            size += _json_bytes(row)
            if size > max_bytes:  # leaving the session discards the rest on the server
                raise QueryError(f"the reply is larger than {max_bytes} bytes "
                                 "(POLICYKG_CYPHER_MAX_REPLY_BYTES): return fewer or "
                                 "smaller values")
            rows.append(row)
        result.consume()
    return CypherResult(columns, rows, truncated)
