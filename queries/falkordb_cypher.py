"""Analyst Cypher on FalkorDB: ``GRAPH.RO_QUERY`` with a server-side timeout.

The server refuses writes under ``GRAPH.RO_QUERY`` and stops a query at its
``timeout``.  Rows past ``max_rows + 1`` are dropped from the raw reply before
the client decodes it (decoding, not computing, is what large results cost).
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from falkordb.edge import Edge
from falkordb.node import Node
from falkordb.path import Path as FalkorPath
from falkordb.query_result import QueryResult

from policykg.core.errors import QueryError
from policykg.queries.cypher import CypherResult, json_value, node, path, relationship

RO_QUERY = "GRAPH.RO_QUERY"
READ_ONLY_REFUSAL = "graph.RO_QUERY is to be executed only on read-only queries"


def _entity(value: Any) -> dict[str, Any] | None:
    if isinstance(value, Node):
        return node(value.id, value.labels or [], value.properties)
    if isinstance(value, Edge):
        return relationship(value.id, value.relation, value.src_node, value.dest_node,
                            value.properties)
    if isinstance(value, FalkorPath):
        return path([_entity_of(n) for n in value.nodes()],
                    [_entity_of(e) for e in value.edges()])
    return None


def _entity_of(value: Any) -> dict[str, Any]:
    found = _entity(value)
    assert found is not None
    return found


def run(graph: Any, query: str, params: Mapping[str, Any] | None, *, timeout_ms: int,
        max_rows: int) -> CypherResult:
    """Run ``query`` on the falkordb client's ``graph``; RedisError on failure."""
    # The client's own parameter header (``CYPHER k=v …``), as ro_query builds it.
    try:
        text = graph._build_params_header(dict(params or {})) + query
    except ValueError as exc:  # names the header cannot carry
        raise QueryError(f"bad query parameters: {exc}") from exc
    reply = graph.execute_command(RO_QUERY, graph.name, text, "--compact",
                                  "timeout", timeout_ms)
    truncated = False
    if len(reply) == 3 and len(reply[1]) > max_rows:  # [header, rows, statistics]
        reply = [reply[0], reply[1][:max_rows], reply[2]]
        truncated = True
    result = QueryResult(graph, reply)
    columns = [str(c[1]) for c in result.header]
    rows = [[json_value(v, _entity) for v in row] for row in result.result_set]
    return CypherResult(columns, rows, truncated)
