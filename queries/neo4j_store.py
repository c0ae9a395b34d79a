"""Neo4j backend of :class:`~policykg.queries.store.GraphStore`, with the official driver.

Reads run as managed transactions in READ access mode, so the server refuses a
write sent to :meth:`Neo4jStore.read`; a batch of writes runs in one explicit
transaction, rolled back whole when a statement fails.  Schema statements run
one by one (Neo4j does not mix schema and data changes in one transaction).
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping, Sequence
from contextlib import contextmanager
from typing import Any

from neo4j import READ_ACCESS, WRITE_ACCESS, GraphDatabase, ManagedTransaction, unit_of_work
from neo4j.exceptions import (
    AuthError,
    ClientError,
    DriverError,
    Neo4jError,
    ServiceUnavailable,
    SessionExpired,
)
from neo4j.graph import Node, Path, Relationship

from policykg.core.errors import GraphError, GraphUnavailable, QueryError, WriteRefused
from policykg.core.settings import get_settings
from policykg.queries import neo4j_cypher
from policykg.queries.catalog import load_catalog, load_schema, load_writes
from policykg.queries.cypher import CypherResult
from policykg.queries.store import Statement, cyclic_gc_paused, one_line, timeout_message

RETRY_TIME_S = 5.0  # managed reads retry transient failures (leader switch) this long


def plain(value: Any) -> Any:
    """A value from the driver as plain Python (entities become their property maps)."""
    if isinstance(value, (Node, Relationship)):
        return {k: plain(v) for k, v in value.items()}
    if isinstance(value, Path):
        return [plain(n) for n in value.nodes]
    if isinstance(value, Mapping):
        return {str(k): plain(v) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return [plain(v) for v in value]
    if hasattr(value, "iso_format"):  # neo4j.time Date, DateTime, Time, Duration
        return str(value.iso_format())
    return value


class Neo4jStore:
    """The Neo4j database ``database`` (None: the server's default) at ``url``."""

    engine = "neo4j"

    def __init__(self, url: str, username: str, password: str | None, *,
                 database: str | None = None, connect_timeout_s: float = 5.0,
                 retry_time_s: float = RETRY_TIME_S) -> None:
        self.url, self.database = url, database
        auth = (username, password) if password is not None else None
        try:
            self._driver = GraphDatabase.driver(
                url, auth=auth, connection_timeout=connect_timeout_s,
                # the Bolt handshake is read within this; without it, a server that never
                # answers held the caller 60 s
                connection_acquisition_timeout=2 * connect_timeout_s,
                max_transaction_retry_time=retry_time_s)
        except (DriverError, ValueError) as exc:
            raise GraphUnavailable(f"cannot reach the graph at {url}: {one_line(str(exc))}") \
                from exc

    def _fail(self, exc: Exception, timeout_ms: int | None = None) -> GraphError | QueryError:
        if isinstance(exc, AuthError):
            return GraphUnavailable(f"cannot reach the graph at {self.url}: authentication "
                                    f"failed: {one_line(exc.message)}")
        if isinstance(exc, ClientError):
            if "TimedOut" in exc.code:
                return QueryError(timeout_message(timeout_ms))
            return QueryError(f"Neo4j rejected the query: {one_line(exc.message)}")
        if isinstance(exc, (ServiceUnavailable, SessionExpired)):
            return GraphUnavailable(f"cannot reach the graph at {self.url}: {one_line(str(exc))}")
        return GraphError(f"Neo4j failed: {one_line(str(exc))}")

    def read(self, query: str, params: Mapping[str, Any] | None = None, *,
             timeout_ms: int | None = None) -> list[dict[str, Any]]:
        if timeout_ms is not None and timeout_ms <= 0:
            raise QueryError(f"timeout must be a positive number of ms, not {timeout_ms}")

        def work(tx: ManagedTransaction) -> list[dict[str, Any]]:
            result = tx.run(query, dict(params or {}))
            return [dict(zip(record.keys(), map(plain, record.values()), strict=True))
                    for record in result]

        unit = work if timeout_ms is None else unit_of_work(timeout=timeout_ms / 1000)(work)
        try:
            with self._driver.session(database=self.database,
                                      default_access_mode=READ_ACCESS) as session, \
                    cyclic_gc_paused():
                return session.execute_read(unit)
        except (Neo4jError, DriverError) as exc:
            raise self._fail(exc, timeout_ms) from exc

    def cypher(self, query: str, params: Mapping[str, Any] | None, *, timeout_ms: int,
               max_rows: int) -> CypherResult:
        """An analyst's query, checked read-only by the server (see
        :mod:`policykg.queries.neo4j_cypher`)."""

        try:
            return neo4j_cypher.run(self._driver, self.database, query, params,
                                    timeout_ms=timeout_ms, max_rows=max_rows,
                                    max_bytes=get_settings().cypher_max_reply_bytes)
        except ClientError as exc:
            if "AccessMode" in (exc.code or ""):  # a write in the READ session
                raise WriteRefused("write refused by Neo4j: the query changes the graph; "
                                   "this endpoint only reads") from exc
            raise self._fail(exc, timeout_ms) from exc
        except (Neo4jError, DriverError) as exc:
            raise self._fail(exc, timeout_ms) from exc

    def write(self, statements: Sequence[Statement], then: Sequence[Statement] = ()) -> None:
        every = [*statements, *then]
        if not every:
            return

        def work(tx: ManagedTransaction) -> None:
            for query, params in every:
                tx.run(query, dict(params)).consume()

        try:  # retried on a transient error: a deadlock between two loaders is one
            with self._driver.session(database=self.database,
                                      default_access_mode=WRITE_ACCESS) as session:
                session.execute_write(work)
        except (Neo4jError, DriverError) as exc:
            raise self._fail(exc) from exc

    def _run_auto(self, query: str) -> None:
        try:
            with self._driver.session(database=self.database,
                                      default_access_mode=WRITE_ACCESS) as session:
                session.run(query).consume()
        except (Neo4jError, DriverError) as exc:
            raise self._fail(exc) from exc

    def ensure_schema(self) -> None:
        for statement in load_schema(self.engine).statements:  # each one IF NOT EXISTS
            self._run_auto(statement)

    def ping(self) -> None:
        try:
            self._driver.verify_connectivity()
        except (Neo4jError, DriverError) as exc:
            raise GraphUnavailable(
                f"cannot reach the graph at {self.url}: {one_line(str(exc))}") from exc

    def count_nodes(self) -> int:
        return int(self.read(load_catalog(self.engine)["count_nodes"].text)[0]["n"])

    def clear(self) -> None:
        self.write([load_writes(self.engine)["clear_graph"].statement()])

    @contextmanager
    def staging(self) -> Iterator[Neo4jStore]:
        """This graph, emptied (Neo4j Community holds one graph: no staging one), and
        emptied again if the block fails: never left half-written by an error, but a
        killed import leaves part of it (``import --replace`` reruns it)."""
        self.clear()
        try:
            yield self
        except BaseException:
            self.clear()
            raise

    def close(self) -> None:
        self._driver.close()
