"""Analyst Cypher on Neo4j: a READ session, an ``EXPLAIN`` first, a transaction timeout.

Two server-side guards: the query's plan must say it only reads
(``summary.query_type == "r"``), and it runs in READ access mode, where the
server refuses writes.  ``neo4j.Query(timeout=…)`` makes the server cancel the
transaction at its limit.  Records past ``max_rows`` are never fetched.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from neo4j import READ_ACCESS, Driver, Query
from neo4j.graph import Node, Path, Relationship

from policykg.core.errors import WriteRefused
from policykg.queries.cypher import CypherResult, json_value, node, path, relationship

READ = "r"


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


def run(driver: Driver, database: str | None, query: str, params: Mapping[str, Any] | None,
        *, timeout_ms: int, max_rows: int) -> CypherResult:
    """Run ``query``; Neo4jError or DriverError on failure, WriteRefused for a write."""
    args = dict(params or {})
    with driver.session(database=database, default_access_mode=READ_ACCESS) as session:
        plan = session.run(Query("EXPLAIN " + query, timeout=timeout_ms / 1000), args)
        query_type = plan.consume().query_type
        if query_type != READ:
            raise WriteRefused(f"write refused by Neo4j: the query's plan is of type "
                               f"{query_type!r}, not read-only ('r')")
        result = session.run(Query(query, timeout=timeout_ms / 1000), args)
        columns = list(result.keys())
        rows: list[list[Any]] = []
        truncated = False
        for record in result:
            if len(rows) == max_rows:
                truncated = True
                break
            rows.append([json_value(v, _entity) for v in record.values()])
        result.consume()
    return CypherResult(columns, rows, truncated)
