"""Write a graph dump into a store in ``UNWIND`` batches (import, tests, benchmarks).

The dump is the shape :mod:`policykg.queries.export` reads and
:func:`policykg.ontology.rdf.from_rdf` returns: nodes ``(label, properties)`` with an
``id``, relationships ``(type, source id, target id, properties)``.  Labels and types
come from :mod:`policykg.ontology.mapping` (an unknown one raises ``ValueError``); each
has its statement in ``queries/writes/bulk.cypher`` (``bulk_nodes_<label>``,
``bulk_rels_<type>``).  Each batch is one transaction; a whole dump is not.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from typing import Any

from policykg.ontology import mapping as m
from policykg.queries.catalog import load_writes
from policykg.queries.store import GraphStore, Statement

BATCH = 10_000


def _plain(props: Mapping[str, Any]) -> dict[str, Any]:
    return {k: v for k, v in props.items() if v is not None}


def write_nodes(store: GraphStore, nodes: Iterable[tuple[str, Mapping[str, Any]]],
                batch: int = BATCH) -> int:
    """Create the nodes (no merge: ids must be new); returns how many."""
    by_label: dict[str, list[dict[str, Any]]] = {}
    count = 0
    for label, props in nodes:
        node = m.NODE_BY_LABEL.get(label)
        if node is None:
            raise ValueError(f"node label {label!r} is not in the mapping")
        rows = by_label.setdefault(node.label, [])
        rows.append(_plain(props))
        count += 1
        if len(rows) >= batch:
            _flush_nodes(store, node.label, rows)
            rows.clear()
    for label, rows in by_label.items():
        _flush_nodes(store, label, rows)
    return count


def _flush_nodes(store: GraphStore, label: str, rows: Sequence[dict[str, Any]]) -> None:
    if rows:
        statement = load_writes(store.engine)[f"bulk_nodes_{label.lower()}"]
        store.write([statement.statement(rows=list(rows))])


def write_relationships(store: GraphStore,
                        rels: Iterable[tuple[str, str, str, Mapping[str, Any]]],
                        batch: int = BATCH) -> int:
    """Create the relationships between nodes already written; returns how many."""
    by_type: dict[str, list[dict[str, Any]]] = {}
    count = 0
    for rel_type, source, target, props in rels:
        rel = m.REL_BY_TYPE.get(rel_type)
        if rel is None:
            raise ValueError(f"relationship type {rel_type!r} is not in the mapping")
        rows = by_type.setdefault(rel.type, [])
        rows.append({"s": source, "t": target, "p": _plain(props)})
        count += 1
        if len(rows) >= batch:
            _flush_rels(store, rel, rows)
            rows.clear()
    for rel_type, rows in by_type.items():
        _flush_rels(store, m.REL_BY_TYPE[rel_type], rows)
    return count


def _flush_rels(store: GraphStore, rel: m.RelType, rows: Sequence[dict[str, Any]]) -> None:
    if rows:
        statement = load_writes(store.engine)[f"bulk_rels_{rel.type.lower()}"]
        store.write([statement.statement(rows=list(rows))])


def dump_statements(engine: str, nodes: Iterable[tuple[str, Mapping[str, Any]]],
                    rels: Iterable[tuple[str, str, str, Mapping[str, Any]]]) -> list[Statement]:
    """The statements that write a whole dump, nodes first, one per label and type: for
    a dump small enough to be written in one transaction."""
    writes = load_writes(engine)
    by_label: dict[str, list[dict[str, Any]]] = {}
    for label, props in nodes:
        if label not in m.NODE_BY_LABEL:
            raise ValueError(f"node label {label!r} is not in the mapping")
        by_label.setdefault(label, []).append(_plain(props))
    by_type: dict[str, list[dict[str, Any]]] = {}
    for rel_type, source, target, props in rels:
        if rel_type not in m.REL_BY_TYPE:
            raise ValueError(f"relationship type {rel_type!r} is not in the mapping")
        by_type.setdefault(rel_type, []).append({"s": source, "t": target, "p": _plain(props)})
    return [*(writes[f"bulk_nodes_{label.lower()}"].statement(rows=rows)
              for label, rows in by_label.items()),
            *(writes[f"bulk_rels_{rel_type.lower()}"].statement(rows=rows)
              for rel_type, rows in by_type.items())]


def write_dump(store: GraphStore, nodes: Iterable[tuple[str, Mapping[str, Any]]],
               rels: Iterable[tuple[str, str, str, Mapping[str, Any]]],
               batch: int = BATCH) -> tuple[int, int]:
    """Write nodes, then relationships; returns (nodes, relationships) written."""
    return write_nodes(store, nodes, batch), write_relationships(store, rels, batch)
