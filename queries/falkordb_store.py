"""FalkorDB backend of :class:`~policykg.queries.store.GraphStore`, over the native Redis protocol.

Transactions: FalkorDB runs each query atomically — a query that fails
(syntax, runtime error, constraint violation) leaves the graph unchanged — but
has no multi-query transaction (``MULTI``/``EXEC`` keeps what the statements
before a failed one wrote), and a ``CALL { … }`` subquery does not see what an
earlier subquery of the same query wrote.  :meth:`FalkorDBStore.write` therefore
composes a batch into ONE query: each statement's parameters are renamed
(``$rows`` → ``$p2__rows``) and the statements are chained with
``WITH count(*) AS …``, which always yields one row, so a statement that matches
nothing does not stop the next, and each statement sees the earlier ones'
writes.  Guarantee: the batch is applied whole or not at all, and no reader sees
it half-applied.  Statements must not ``RETURN`` or ``UNION``.
"""

from __future__ import annotations

import copy
import datetime as dt
import os
import time
import uuid
from collections.abc import Callable, Iterator, Mapping, Sequence
from contextlib import contextmanager
from functools import partial
from typing import Any, TypeVar

from falkordb import FalkorDB
from falkordb.edge import Edge
from falkordb.node import Node
from falkordb.path import Path as FalkorPath
from redis.exceptions import BusyLoadingError, OutOfMemoryError, RedisError, ResponseError
from redis.exceptions import ConnectionError as RedisConnectionError
from redis.exceptions import TimeoutError as RedisTimeoutError

from policykg.core.errors import GraphError, GraphUnavailable, QueryError, WriteRefused
from policykg.core.settings import get_settings
from policykg.queries import falkordb_cypher, falkordb_ranges
from policykg.queries.catalog import load_catalog, load_schema, load_writes, map_parameters
from policykg.queries.cypher import CypherResult
from policykg.queries.store import Statement, cyclic_gc_paused, one_line, timeout_message

CONSTRAINT_WAIT_S = 30.0
SCRATCH_MARK = "~scratch~"  # in the names of scratch graphs: <graph>~scratch~<pid>-<uuid>
_LOCAL_HOSTS = frozenset({"127.0.0.1", "localhost", "::1"})
SERVER_LIMITS = ("TIMEOUT_MAX", "RESULTSET_SIZE", "QUERY_MEM_CAPACITY")
MEMORY_REFUSAL = "Query's mem consumption exceeded capacity"
QUEUE_REFUSAL = "Max pending queries exceeded"
LOADING_POLL_S = 0.2
T = TypeVar("T")


def compose(statements: Sequence[Statement]) -> tuple[str, dict[str, Any]]:
    """One query and its parameters that run ``statements`` in order."""
    if len(statements) == 1:
        query, params = statements[0]
        return query, dict(params)
    parts: list[str] = []
    merged: dict[str, Any] = {}
    for i, (query, params) in enumerate(statements):
        prefix = f"p{i}__"
        parts.append(map_parameters(query.strip().rstrip(";"), prefix.__add__))
        merged.update({prefix + name: value for name, value in params.items()})
    joined = "".join(f"{part}\nWITH count(*) AS __policykg_{i}\n"
                     for i, part in enumerate(parts[:-1]))
    return joined + parts[-1], merged


_SCALARS = frozenset({str, int, float, bool, type(None)})


def plain(value: Any) -> Any:
    """A value from the client as plain Python (entities become their property maps)."""
    if type(value) in _SCALARS:  # most values: skip the isinstance checks below
        return value
    if isinstance(value, (Node, Edge)):
        return {k: plain(v) for k, v in value.properties.items()}
    if isinstance(value, FalkorPath):
        return [plain(n) for n in value.nodes()]
    if isinstance(value, Mapping):
        return {str(k): plain(v) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return [plain(v) for v in value]
    if isinstance(value, (dt.date, dt.time)):
        return value.isoformat()
    return value


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True  # another user's process: alive
    return True


class FalkorDBStore:
    """A graph named ``graph_name`` on the FalkorDB server at ``host:port``."""

    engine = "falkordb"

    def __init__(self, host: str, port: int, graph_name: str, *, username: str | None = None,
                 password: str | None = None, url: str | None = None,
                 connect_timeout_s: float = 5.0, socket_timeout_s: float | None = 330.0,
                 loading_wait_s: float = 0.0) -> None:
        self.host, self.port, self.graph_name = host, port, graph_name
        self.loading_wait_s = loading_wait_s  # a server loading its data is waited for
        self.address = url or f"falkordb://{host}:{port}"  # named in errors
        self.connect_timeout_s, self.socket_timeout_s = connect_timeout_s, socket_timeout_s
        self._connection = falkordb_cypher.Connection(host, port, username, password,
                                                      connect_timeout_s, socket_timeout_s)
        try:  # the client connects at once (it asks whether the server is a cluster)
            self._db = FalkorDB(host=host, port=port, username=username, password=password,
                                socket_connect_timeout=connect_timeout_s,
                                socket_timeout=socket_timeout_s)
        except RedisError as exc:
            raise GraphUnavailable(
                f"cannot reach the graph at {self.address}: {one_line(str(exc))}") from exc
        self._graph = self._db.select_graph(graph_name)
        self._limits: dict[str, int] | None = None
        self._ranges_bounded: bool | None = None  # the range() bound is loaded (None: unknown)

    def server_limits(self) -> dict[str, int]:
        """The server's TIMEOUT_MAX, RESULTSET_SIZE and QUERY_MEM_CAPACITY (0: none set, or
        not readable), read once."""
        if self._limits is None:
            limits = dict.fromkeys(SERVER_LIMITS, 0)
            for name in SERVER_LIMITS:
                try:
                    reply = self._while_loading(partial(self._db.connection.execute_command,
                                                        "GRAPH.CONFIG", "GET", name))
                    value = int(reply[1])
                except (RedisError, IndexError, TypeError, ValueError):
                    continue  # an external server may refuse GRAPH.CONFIG (ACLs)
                limits[name] = max(value, 0)  # negative: unlimited
            self._limits = limits
        return self._limits

    def _while_loading(self, call: Callable[[], T]) -> T:
        """``call()``, called again while the server answers "LOADING" (it is replaying
        its append-only file after a start), for ``loading_wait_s`` at most: the command
        was refused, not run, so calling it again is safe."""
        deadline = time.monotonic() + self.loading_wait_s
        while True:
            try:
                return call()
            except BusyLoadingError:
                if time.monotonic() >= deadline:
                    raise
                time.sleep(LOADING_POLL_S)
            except ResponseError as exc:  # on the analyst's socket of its own (hiredis)
                if not str(exc).startswith("LOADING") or time.monotonic() >= deadline:
                    raise
                time.sleep(LOADING_POLL_S)

    def _fail(self, exc: RedisError, timeout_ms: int | None = None) -> GraphError | QueryError:
        if isinstance(exc, BusyLoadingError) or str(exc).startswith("LOADING"):
            return GraphUnavailable(f"the graph at {self.address} is still loading its data "
                                    f"(waited {self.loading_wait_s:.0f} s); try again later")
        if isinstance(exc, (RedisConnectionError, RedisTimeoutError)):
            return GraphUnavailable(
                f"cannot reach the graph at {self.address}: {one_line(str(exc))}")
        # the server's state, not the query: it is full, or cannot write to its disk
        if isinstance(exc, OutOfMemoryError):
            return GraphUnavailable(f"the graph at {self.address} refuses writes: it is out "
                                    f"of memory (its maxmemory): {one_line(str(exc))}")
        if str(exc).startswith("MISCONF"):
            return GraphUnavailable(f"the graph at {self.address} refuses writes: it cannot "
                                    f"save its data (is the disk full?): {one_line(str(exc))}")
        if isinstance(exc, ResponseError):
            message = one_line(str(exc))
            if message == "Query timed out":
                return QueryError(timeout_message(timeout_ms))
            if message == MEMORY_REFUSAL:
                capacity = self.server_limits()["QUERY_MEM_CAPACITY"]
                size = f" of {capacity // (1024 * 1024)} MB" if capacity else ""
                return QueryError(f"query exceeded the memory limit{size} of one query "
                                  "(POLICYKG_GRAPH_QUERY_MEMORY_MB)")
            refused = falkordb_ranges.refusal_message(message)
            if refused is not None:
                return QueryError(refused)
            if message == QUEUE_REFUSAL:
                return GraphUnavailable(f"the graph at {self.address} is overloaded: too many "
                                        "queries waiting (POLICYKG_GRAPH_MAX_QUEUED_QUERIES)")
            return QueryError(f"FalkorDB rejected the query: {message}")
        return GraphError(f"FalkorDB failed: {one_line(str(exc))}")

    def _run(self, query: str, params: Mapping[str, Any] | None, *, read_only: bool,
             timeout_ms: int | None = None) -> list[dict[str, Any]]:
        run = self._graph.ro_query if read_only else self._graph.query
        cap = self.server_limits()
        if timeout_ms is None and cap["TIMEOUT_MAX"]:  # ours: the longest the server allows,
            timeout_ms = cap["TIMEOUT_MAX"]  # not TIMEOUT_DEFAULT, an analyst's limit
        with cyclic_gc_paused():
            try:
                try:
                    result = self._while_loading(
                        lambda: run(query, dict(params or {}), timeout=timeout_ms))
                except ResponseError as exc:
                    if not (read_only and "empty key" in str(exc)):
                        raise
                    # The graph does not exist yet and GRAPH.RO_QUERY refuses that; a
                    # read-write RETURN creates it empty, and the read runs on that.
                    self._create_graph()
                    result = run(query, dict(params or {}), timeout=timeout_ms)
            except RedisError as exc:
                raise self._fail(exc, timeout_ms) from exc
            if cap["RESULTSET_SIZE"] and len(result.result_set) >= cap["RESULTSET_SIZE"]:
                raise GraphError(f"a result reached the server's limit of "
                                 f"{cap['RESULTSET_SIZE']} rows (RESULTSET_SIZE, "
                                 "POLICYKG_GRAPH_RESULTSET_SIZE): rows may be missing")
            columns = [str(c[1]) for c in result.header]
            return [dict(zip(columns, (plain(v) for v in row), strict=True))
                    for row in result.result_set]

    def read(self, query: str, params: Mapping[str, Any] | None = None, *,
             timeout_ms: int | None = None) -> list[dict[str, Any]]:
        if timeout_ms is not None and timeout_ms <= 0:
            raise QueryError(f"timeout must be a positive number of ms, not {timeout_ms}")
        return self._run(query, params, read_only=True, timeout_ms=timeout_ms)

    def _bound_ranges(self, reload: bool = False) -> bool:
        """Load the UDFs that bound lists (:mod:`policykg.queries.falkordb_ranges`)
        once, or again; False if the server refuses it (an older FalkorDB, an ACL)."""
        if self._ranges_bounded is None or reload:
            limit = falkordb_ranges.max_elements(self.server_limits()["QUERY_MEM_CAPACITY"])
            try:
                self._while_loading(partial(
                    self._db.connection.execute_command, "GRAPH.UDF", "LOAD", "REPLACE",
                    falkordb_ranges.LIBRARY, falkordb_ranges.udf_library(limit)))
                self._ranges_bounded = True
            except ResponseError:
                self._ranges_bounded = False
        return self._ranges_bounded

    def cypher(self, query: str, params: Mapping[str, Any] | None, *, timeout_ms: int,
               max_rows: int) -> CypherResult:
        """An analyst's query under GRAPH.RO_QUERY (see :mod:`policykg.queries.falkordb_cypher`),
        the lists it makes bounded (:mod:`policykg.queries.falkordb_ranges`)."""
        bounded = falkordb_ranges.bounded_ranges(query)
        sent, args = query, params
        if bounded != query and self._bound_ranges():  # the query's own budget
            sent, args = bounded, {**(params or {}), falkordb_ranges.TOKEN: uuid.uuid4().hex}

        def attempt() -> CypherResult:
            return falkordb_cypher.run(self._graph, self._connection, sent, args,
                                       timeout_ms=timeout_ms, max_rows=max_rows,
                                       max_bytes=get_settings().cypher_max_reply_bytes)
        try:
            try:
                return self._while_loading(attempt)
            except ResponseError as exc:
                if "empty key" in str(exc):
                    self._create_graph()  # as in _run
                elif falkordb_ranges.UNKNOWN_FUNCTION in str(exc) and sent is bounded \
                        and self._bound_ranges(reload=True):
                    pass  # the server restarted since the function was loaded
                else:
                    raise
                return attempt()
        except ResponseError as exc:
            if falkordb_cypher.READ_ONLY_REFUSAL in str(exc):
                raise WriteRefused("write refused by FalkorDB: the query changes the graph; "
                                   "this endpoint only reads") from exc
            raise self._fail(exc, timeout_ms) from exc
        except RedisError as exc:
            raise self._fail(exc, timeout_ms) from exc

    def write(self, statements: Sequence[Statement], then: Sequence[Statement] = ()) -> None:
        queries = [compose(group) for group in (statements, then) if group]
        if len(queries) == 1:
            self._run(*queries[0], read_only=False)
        elif queries:
            self._run_together(queries)

    def _run_together(self, queries: Sequence[tuple[str, Mapping[str, Any]]]) -> None:
        """Write queries in one MULTI/EXEC: run one after the other, no other client's
        query between them; the first error raised once all have run."""
        timeout_ms = self.server_limits()["TIMEOUT_MAX"] or None

        def execute() -> list[Any]:
            pipe = self._db.connection.pipeline(transaction=True)
            for query, params in queries:
                command: list[Any] = ["GRAPH.QUERY", self.graph_name,
                                      self._graph._build_params_header(dict(params)) + query,
                                      "--compact"]
                if timeout_ms:
                    command += ["timeout", timeout_ms]
                pipe.execute_command(*command)
            replies: list[Any] = pipe.execute(raise_on_error=False)
            return replies

        with cyclic_gc_paused():
            try:
                for reply in self._while_loading(execute):
                    if isinstance(reply, RedisError):
                        raise reply  # as it came, without the query redis-py would add
            except RedisError as exc:
                raise self._fail(exc, timeout_ms) from exc

    def sweep_scratch_graphs(self) -> list[str]:
        """Delete the scratch graphs of processes that died using them (a loader killed
        during its check); only on a server of this machine, where their pids mean
        something.  The names of the graphs deleted."""
        if self.host not in _LOCAL_HOSTS:
            return []
        prefix = f"{self.graph_name}{SCRATCH_MARK}"
        swept = []
        try:
            for name in self._db.list_graphs():
                pid = name[len(prefix):].partition("-")[0] if name.startswith(prefix) else ""
                if pid.isdigit() and not _alive(int(pid)):
                    self._db.select_graph(name).delete()
                    swept.append(name)
        except RedisError as exc:
            raise self._fail(exc) from exc
        return swept

    def ensure_schema(self) -> None:
        self.sweep_scratch_graphs()
        schema = load_schema(self.engine)
        for statement in schema.statements:
            try:
                self._graph.query(statement)
            except ResponseError as exc:
                if "already indexed" not in str(exc):
                    raise self._fail(exc) from exc
            except RedisError as exc:
                raise self._fail(exc) from exc
        existing = {(c["label"], tuple(c["properties"])) for c in self._constraints()}
        for label, prop in schema.unique:
            if (label, (prop,)) not in existing:
                try:
                    self._graph.execute_command("GRAPH.CONSTRAINT", "CREATE", self.graph_name,
                                                "UNIQUE", "NODE", label, "PROPERTIES", 1, prop)
                except ResponseError as exc:
                    if "already exists" not in str(exc):  # another loader made it first
                        raise self._fail(exc) from exc
                except RedisError as exc:
                    raise self._fail(exc) from exc
        self._await_constraints()

    def _constraints(self) -> list[dict[str, Any]]:
        return self._run(load_catalog(self.engine)["constraints"].text, None, read_only=True)

    def _await_constraints(self) -> None:
        """Wait until every constraint is built (they are built in the background)."""
        deadline = time.monotonic() + CONSTRAINT_WAIT_S
        while True:
            states = self._constraints()
            failed = [c for c in states if c["status"] == "FAILED"]
            if failed:
                c = failed[0]
                raise GraphError(f"cannot create the {c['type'].lower()} constraint on "
                                 f":{c['label']}({', '.join(c['properties'])}): the graph "
                                 "already breaks it")
            if all(c["status"] == "OPERATIONAL" for c in states):
                return
            if time.monotonic() > deadline:
                raise GraphError(f"constraints not built within {CONSTRAINT_WAIT_S:.0f} s")
            time.sleep(0.02)

    def ping(self) -> None:
        try:
            self._while_loading(self._db.connection.ping)
        except RedisError as exc:
            raise GraphUnavailable(
                f"cannot reach the graph at {self.address}: {one_line(str(exc))}") from exc

    def _create_graph(self) -> None:
        """Create the graph, empty: GRAPH.RO_QUERY refuses a graph that does not exist yet."""
        self._graph.query(load_writes(self.engine)["create_graph"].text)

    def count_nodes(self) -> int:
        return int(self.read(load_catalog(self.engine)["count_nodes"].text)[0]["n"])

    def clear(self) -> None:
        self.write([load_writes(self.engine)["clear_graph"].statement()])

    def drop_graph(self) -> None:
        """Delete the graph with its schema (FalkorDB keeps each graph under its own key)."""
        try:
            if self.graph_name in self._db.list_graphs():
                self._graph.delete()
        except RedisError as exc:
            raise self._fail(exc) from exc

    @contextmanager
    def scratch(self) -> Iterator[FalkorDBStore]:
        """A store on a new, empty graph of the same server and connection, deleted on
        leaving: a subgraph can be checked in the database before it is written."""
        scratch = copy.copy(self)
        scratch.graph_name = f"{self.graph_name}{SCRATCH_MARK}{os.getpid()}-{uuid.uuid4().hex}"
        scratch._graph = self._db.select_graph(scratch.graph_name)
        try:
            yield scratch
        finally:
            scratch.drop_graph()

    @contextmanager
    def staging(self) -> Iterator[FalkorDBStore]:
        """An empty graph with the schema, put in place of this one whole (one RENAME)
        when the block ends without error, deleted otherwise: a killed import leaves the
        graph as it was, its staging graph a scratch graph swept at the next start."""
        with self.scratch() as staged:
            staged.ensure_schema()
            yield staged
            try:
                self._db.connection.rename(staged.graph_name, self.graph_name)
            except RedisError as exc:
                raise self._fail(exc) from exc

    def close(self) -> None:
        self._db.connection.close()
