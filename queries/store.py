"""The one interface every graph-store backend implements.

Backends: :class:`policykg.queries.falkordb_store.FalkorDBStore` (embedded or external
FalkorDB, the default) and :class:`policykg.queries.neo4j_store.Neo4jStore` (production).
:func:`policykg.queries.open.open_store` picks one from the settings.

Errors, the same on every backend: a query the engine rejects (syntax, semantics,
a write sent to ``read``, a constraint violation) raises
:class:`~policykg.core.errors.QueryError` with the engine's one-line message; a read
over its time limit raises ``QueryError("query exceeded its time limit of N ms")``;
a store that cannot be reached raises :class:`~policykg.core.errors.GraphUnavailable`.
"""

from __future__ import annotations

import gc
from collections.abc import Iterator, Mapping, Sequence
from contextlib import AbstractContextManager, contextmanager
from typing import Any, Protocol

Statement = tuple[str, Mapping[str, Any]]


class GraphStore(Protocol):
    """A property graph that runs Cypher."""

    engine: str  # "falkordb" or "neo4j"

    def read(self, query: str, params: Mapping[str, Any] | None = None, *,
             timeout_ms: int | None = None) -> list[dict[str, Any]]:
        """Run a read-only query; rows as ``{column: plain Python value}``."""
        ...

    def write(self, statements: Sequence[Statement], then: Sequence[Statement] = ()) -> None:
        """Run the statements, then ``then``, in one transaction: all applied or none.

        ``then`` sees all that the statements wrote.  On FalkorDB it is a second query
        of the same MULTI/EXEC (no other client's query runs between them): within one
        query, FalkorDB does not show later clauses the properties a SET after a WITH
        gave an edge that MERGE made.  There ``then`` runs even if the statements
        failed, so it must be right on its own."""
        ...

    def ensure_schema(self) -> None:
        """Create the indexes and unique constraints (idempotent)."""
        ...

    def ping(self) -> None:
        """Raise :class:`~policykg.core.errors.GraphUnavailable` unless the store answers."""
        ...

    def count_nodes(self) -> int:
        """Number of nodes in the graph."""
        ...

    def clear(self) -> None:
        """Delete all nodes and relationships (the schema stays)."""
        ...

    def staging(self) -> AbstractContextManager[GraphStore]:
        """An empty graph to write a whole graph into (an import), in place of this one
        when the block ends without error; on error this one is as before (FalkorDB) or
        empty (Neo4j)."""
        ...

    def close(self) -> None:
        """Release connections."""
        ...


def timeout_message(timeout_ms: int | None) -> str:
    """The one message for a query stopped by its time limit."""
    if timeout_ms is None:
        return "query exceeded the server's time limit"
    return f"query exceeded its time limit of {timeout_ms} ms"


def one_line(message: str) -> str:
    """An engine's message on one line (engines put line breaks and carets in theirs)."""
    return " ".join(message.split())


@contextmanager
def cyclic_gc_paused() -> Iterator[None]:
    """Pause Python's cyclic garbage collector while a result is read (reference
    counting still frees memory).

    A large result allocates millions of objects, and each full collection they
    trigger scans every object the process holds: at 183 k validation findings kept
    between reads, that was half the run.  Re-enabled on leaving, unless it was off.
    """
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()
