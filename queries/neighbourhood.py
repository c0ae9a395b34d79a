"""The neighbourhood of a node, breadth first, bounded by depth and size.

One query per depth (``neighbourhood_step``: ``a.id IN $ids`` on each label, so the
id indexes are used), following only the chosen relationship types in both
directions.  When the node limit is reached the walk stops and the result is
marked truncated; edges are kept only between nodes in the result.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

from policykg.core.errors import ReferenceNotFound
from policykg.ontology import mapping as m
from policykg.queries.catalog import load_catalog
from policykg.queries.lookup import resolve_document
from policykg.queries.store import GraphStore

ROWS_PER_NODE = 5  # a level reads at most this many rows per node still allowed


@dataclass
class Neighbourhood:
    """Nodes (label, properties, depth) by id, edges by (source, type, target)."""

    nodes: dict[str, tuple[str, dict[str, Any], int]] = field(default_factory=dict)
    edges: set[tuple[str, str, str]] = field(default_factory=set)
    truncated: bool = False


def rel_types_named(names: Sequence[str]) -> tuple[list[m.RelType], list[str]]:
    """The relationship types ``names`` name (ontology terms or types, any case), and
    the names that name none."""
    by_name = {name: r for r in m.REL_TYPES for name in (r.type.lower(), r.term.lower())}
    found: dict[str, m.RelType] = {}
    unknown: list[str] = []
    for name in names:
        rel = by_name.get(name.strip().lower())
        if rel is None:
            unknown.append(name)
        else:
            found[rel.type] = rel
    return list(found.values()), unknown


def valid_rel_names() -> list[str]:
    return sorted({n for r in m.REL_TYPES for n in (r.term, r.type.lower())})


def _focus(store: GraphStore, node_id: str) -> tuple[str, dict[str, Any]]:
    rows = store.read(load_catalog(store.engine)["nodes_by_id"].text, {"ids": [node_id]})
    if not rows:
        raise ReferenceNotFound(node_id, f"no node with id {node_id!r}")
    return str(rows[0]["label"]), rows[0]["props"]


def focus_id(store: GraphStore, ref: str) -> str:
    """The id of the node ``ref`` names: a node's id (of any label), else a document
    reference as :func:`~policykg.queries.lookup.resolve_document` reads it ("KL 69")."""
    rows = store.read(load_catalog(store.engine)["nodes_by_id"].text, {"ids": [ref]})
    return str(rows[0]["props"]["id"]) if rows else resolve_document(store, ref)


def _step(store: GraphStore, ids: list[str], types: list[str],
          limit: int) -> list[dict[str, Any]]:
    query = load_catalog(store.engine)["neighbourhood_step"].text
    return store.read(query, {"ids": ids, "types": types, "limit": limit})


def neighbourhood(store: GraphStore, focus: str, *, depth: int, rel_types: Sequence[m.RelType],
                  max_nodes: int) -> Neighbourhood:
    """Nodes within ``depth`` hops of ``focus`` over ``rel_types``, at most ``max_nodes``."""
    label, props = _focus(store, focus)
    result = Neighbourhood(nodes={focus: (label, props, 0)})
    types = [r.type for r in rel_types]
    frontier = {focus}
    limit = ROWS_PER_NODE * max_nodes + 1
    for level in range(1, depth + 1):
        if not frontier or not types:
            break
        reached: set[str] = set()
        rows = _step(store, sorted(frontier), types, limit)
        if len(rows) >= limit:
            result.truncated = True
        for row in rows:
            other = row["target"] if row["source"] in frontier else row["source"]
            if other not in result.nodes:
                if len(result.nodes) >= max_nodes:
                    result.truncated = True
                    continue
                result.nodes[other] = (row["label"], row["props"], level)
                reached.add(other)
            result.edges.add((row["source"], row["type"], row["target"]))
        frontier = reached
    result.edges = {e for e in result.edges if e[0] in result.nodes and e[2] in result.nodes}
    return result
