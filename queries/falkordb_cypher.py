"""Analyst Cypher on FalkorDB: ``GRAPH.RO_QUERY`` with a server-side timeout.

The server refuses writes under ``GRAPH.RO_QUERY`` and stops a query at its
``timeout``.  The reply is read on a socket of its own and refused past
``POLICYKG_CYPHER_MAX_REPLY_BYTES`` before anything of it is decoded (a one-row
134 MB reply passed the row limit); rows past ``max_rows + 1`` are dropped from
the raw reply before the client decodes them (decoding, not computing, is what
large results cost).
"""

from __future__ import annotations

import socket
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

import hiredis
from falkordb.edge import Edge
from falkordb.node import Node
from falkordb.path import Path as FalkorPath
from falkordb.query_result import QueryResult
from redis.exceptions import ConnectionError as RedisConnectionError
from redis.exceptions import ResponseError
from redis.exceptions import TimeoutError as RedisTimeoutError

from policykg.core.errors import QueryError
from policykg.queries.cypher import CypherResult, json_value, node, path, relationship

RO_QUERY = "GRAPH.RO_QUERY"
READ_ONLY_REFUSAL = "graph.RO_QUERY is to be executed only on read-only queries"
REPLY_GRACE_S = 60.0  # with no socket timeout: a reply is waited for this long past the
# query's own time limit (FalkorDB checks it between records, not inside one expression)


@dataclass(frozen=True)
class Connection:
    """Where the server is, and who we are to it."""

    host: str
    port: int
    username: str | None
    password: str | None
    connect_timeout_s: float
    socket_timeout_s: float | None  # the store's: a reply may come after the query's limit


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


def _command(args: Sequence[object]) -> bytes:
    parts = [str(a).encode() for a in args]
    return b"".join([f"*{len(parts)}\r\n".encode(),
                     *(b"$%d\r\n%s\r\n" % (len(p), p) for p in parts)])


def bounded_reply(connection: Connection, args: Sequence[object], *, max_bytes: int,
                  wait_s: float) -> Any:
    """The reply to one command, read on a socket of its own and given up on past
    ``max_bytes`` (the reply is never decoded then) or ``wait_s`` seconds."""
    reader = hiredis.Reader(replyError=ResponseError, encoding="utf-8", errors="replace")
    try:
        with socket.create_connection((connection.host, connection.port),
                                      timeout=connection.connect_timeout_s) as sock:
            sock.settimeout(wait_s)
            if connection.password is not None:
                auth = ("AUTH", connection.username, connection.password) \
                    if connection.username else ("AUTH", connection.password)
                sock.sendall(_command(auth))
            sock.sendall(_command(args))
            received = 0
            replies: list[Any] = []
            while len(replies) < (2 if connection.password is not None else 1):
                chunk = sock.recv(1 << 16)
                if not chunk:
                    raise RedisConnectionError("the server closed the connection")
                received += len(chunk)
                if received > max_bytes:  # leaving the block closes the socket
                    raise QueryError(f"the reply is larger than {max_bytes} bytes "
                                     "(POLICYKG_CYPHER_MAX_REPLY_BYTES): return fewer or "
                                     "smaller values")
                reader.feed(chunk)
                while (reply := reader.gets()) is not False:
                    replies.append(reply)
    except TimeoutError as exc:
        raise RedisTimeoutError(f"no reply within {wait_s:.0f} s") from exc
    except OSError as exc:
        raise RedisConnectionError(str(exc)) from exc
    for reply in replies:
        if isinstance(reply, ResponseError):
            raise reply
    return replies[-1]


def run(graph: Any, connection: Connection, query: str, params: Mapping[str, Any] | None, *,
        timeout_ms: int, max_rows: int, max_bytes: int) -> CypherResult:
    """Run ``query`` on the falkordb client's ``graph``, reading the reply on a socket of
    its own to ``connection`` (so at most ``max_bytes`` of it); RedisError on failure."""
    # The client's own parameter header (``CYPHER k=v …``), as ro_query builds it.
    try:
        text = graph._build_params_header(dict(params or {})) + query
    except ValueError as exc:  # names the header cannot carry
        raise QueryError(f"bad query parameters: {exc}") from exc
    reply = bounded_reply(connection, (RO_QUERY, graph.name, text, "--compact", "timeout",
                                       timeout_ms),
                          max_bytes=max_bytes,
                          wait_s=connection.socket_timeout_s or timeout_ms / 1000 + REPLY_GRACE_S)
    truncated = False
    if len(reply) == 3 and len(reply[1]) > max_rows:  # [header, rows, statistics]
        reply = [reply[0], reply[1][:max_rows], reply[2]]
        truncated = True
    result = QueryResult(graph, reply)
    columns = [str(c[1]) for c in result.header]
    rows = [[json_value(v, _entity) for v in row] for row in result.result_set]
    return CypherResult(columns, rows, truncated)
