"""Ad-hoc read-only Cypher for analysts: results with graph entities kept whole.

:func:`run_cypher` checks the text (:func:`policykg.queries.readonly.check_read_only`) and
hands it to the store's ``cypher`` method, which runs it read-only on the server
with a time limit and returns at most ``max_rows`` rows.  Nodes, relationships
and paths come back as JSON-ready maps::

    {"kind": "node", "id": "12", "labels": ["Document"], "properties": {...}}
    {"kind": "relationship", "id": "7", "type": "IMPLEMENTS", "start": "12",
     "end": "3", "properties": {...}}
    {"kind": "path", "nodes": [...], "relationships": [...]}

Every map in a result (an entity's properties, a projected map) is shown as clients see
properties (:mod:`policykg.queries.public`): without the folded ``search`` key, with
``source_file`` relative to the corpus folder.  Entity ids are the engine's (FalkorDB's
integer ids as strings, Neo4j element ids): stable within one result, not across reloads.
"""

from __future__ import annotations

import datetime as dt
import math
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any, Protocol, runtime_checkable

from policykg.core.errors import GraphError
from policykg.queries.public import public_properties
from policykg.queries.readonly import check_read_only
from policykg.queries.row_limit import with_row_limit
from policykg.queries.store import GraphStore


@dataclass(frozen=True)
class CypherResult:
    """Columns, rows (lists aligned with the columns), and whether rows were cut."""

    columns: list[str]
    rows: list[list[Any]]
    truncated: bool


@runtime_checkable
class CypherStore(Protocol):
    """A store that runs analyst Cypher (both backends do)."""

    engine: str

    def cypher(self, query: str, params: Mapping[str, Any] | None, *, timeout_ms: int,
               max_rows: int) -> CypherResult:
        """Run ``query`` read-only within ``timeout_ms``; keep the first ``max_rows`` rows."""
        ...


def node(entity_id: Any, labels: Sequence[str], props: Mapping[str, Any]) -> dict[str, Any]:
    return {"kind": "node", "id": str(entity_id), "labels": list(labels),
            "properties": {str(k): json_value(v) for k, v in props.items()}}


def relationship(entity_id: Any, rel_type: str, start: Any, end: Any,
                 props: Mapping[str, Any]) -> dict[str, Any]:
    return {"kind": "relationship", "id": str(entity_id), "type": rel_type,
            "start": str(start), "end": str(end),
            "properties": {str(k): json_value(v) for k, v in props.items()}}


def path(nodes: list[dict[str, Any]], relationships: list[dict[str, Any]]) -> dict[str, Any]:
    return {"kind": "path", "nodes": nodes, "relationships": relationships}


def json_value(value: Any, entity: Callable[[Any], Any] | None = None) -> Any:
    """``value`` as JSON: ``entity`` serialises the engine's graph objects (or returns None)."""
    if entity is not None:
        found = entity(value)
        if found is not None:
            return found
    if value is None or isinstance(value, (bool, int, str)):
        return value
    if isinstance(value, float):
        return value if math.isfinite(value) else str(value)  # JSON has no NaN/Infinity
    if isinstance(value, Mapping):
        return {str(k): json_value(v, entity) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return [json_value(v, entity) for v in value]
    if isinstance(value, (dt.date, dt.time)):
        return value.isoformat()
    if hasattr(value, "iso_format"):  # neo4j.time types
        return str(value.iso_format())
    return str(value)


def cypher_store(store: GraphStore) -> CypherStore:
    """``store`` as a :class:`CypherStore`."""
    if not isinstance(store, CypherStore):
        raise GraphError(f"the {store.engine} store cannot run analyst Cypher")
    return store


def run_cypher(store: GraphStore, query: str, params: Mapping[str, Any] | None = None, *,
               timeout_ms: int, max_rows: int, checked: bool = True) -> CypherResult:
    """Run an analyst's ``query`` read-only; ``checked=False`` skips the client-side check
    (for the named queries, which are ours; the server-side guards still apply)."""
    if checked:
        check_read_only(query)
    # max_rows + 1: one row past the limit tells that rows were cut
    result = cypher_store(store).cypher(with_row_limit(query, max_rows + 1), params,
                                        timeout_ms=timeout_ms, max_rows=max_rows)
    return CypherResult(result.columns, [[public_value(v) for v in row] for row in result.rows],
                        result.truncated)


def public_value(value: Any) -> Any:
    """``value`` with every map in it (properties of entities, projected maps) as clients
    see one (:func:`~policykg.queries.public.public_properties`: no ``search`` key, no
    server path)."""
    if isinstance(value, dict):
        return {k: public_value(v) for k, v in public_properties(value).items()}
    if isinstance(value, list):
        return [public_value(v) for v in value]
    return value
