"""Document queries shared by the HTTP API and the command line.

Each function runs a named query from ``queries/`` on a store and shapes the
rows into the JSON the API returns.
"""

from __future__ import annotations

from typing import Any

from policykg.core.errors import ReferenceNotFound
from policykg.queries.catalog import load_catalog
from policykg.queries.store import GraphStore


def _run(store: GraphStore, name: str, **params: Any) -> list[dict[str, Any]]:
    query = load_catalog(store.engine)[name]
    return store.read(query.text, params)


def get_document(store: GraphStore, doc_id: str) -> dict[str, Any]:
    rows = _run(store, "document", id=doc_id)
    if not rows:
        raise ReferenceNotFound(doc_id, f"no document with id {doc_id!r}")
    return rows[0]["document"]  # type: ignore[no-any-return]


def list_documents(
    store: GraphStore, *, kind: str | None = None, scope: str | None = None,
    year: int | None = None, stub: bool | None = None, limit: int = 50, offset: int = 0,
) -> tuple[list[dict[str, Any]], int]:
    filters = {"kind": kind, "scope": scope, "year": year, "stub": stub}
    rows = _run(store, "documents", limit=limit, offset=offset, **filters)
    total = _run(store, "documents_count", **filters)
    return [r["document"] for r in rows], int(total[0]["count"]) if total else 0


def _graph(store: GraphStore, name: str, doc_id: str) -> dict[str, Any]:
    get_document(store, doc_id)  # 404 for an unknown id
    rows = _run(store, name, id=doc_id)
    nodes: dict[str, dict[str, Any]] = {}
    edges: dict[tuple[str, str], dict[str, str]] = {}
    for row in rows:
        node = row["node"]
        if node["id"] not in nodes:
            nodes[node["id"]] = {**node, "depth": row["depth"]}
        for edge in row.get("edges") or []:
            edges[(edge["from"], edge["to"])] = {"from": edge["from"], "to": edge["to"]}
    ordered = sorted(nodes.values(), key=lambda n: (n["depth"], n["id"]))
    return {"id": doc_id, "nodes": ordered, "edges": sorted(edges.values(),
                                                             key=lambda e: (e["from"], e["to"]))}


def lineage(store: GraphStore, doc_id: str) -> dict[str, Any]:
    """The document and what it implements, transitively, nearest first."""
    return _graph(store, "lineage", doc_id)


def implementations(store: GraphStore, doc_id: str) -> dict[str, Any]:
    """The documents that implement this one, transitively, nearest first."""
    return _graph(store, "implementations", doc_id)
