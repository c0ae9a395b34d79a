"""Read graph contents out of a store, page by page, in the graph-dump shape.

Nodes come as ``(label, properties)`` and relationships as
``(type, source id, target id, properties)`` — the shape
:func:`policykg.ontology.rdf.to_rdf` takes.  :func:`document_slice` returns one
document's subgraph: the document, what it cites, the bodies it names, its
tasks and targets, and the edges among them.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from policykg.queries.catalog import load_catalog
from policykg.queries.store import GraphStore

Node = tuple[str, dict[str, Any]]
Relationship = tuple[str, str, str, dict[str, Any]]


def _paged(store: GraphStore, name: str, page: int) -> Iterator[dict[str, Any]]:
    query = load_catalog(store.engine)[name]
    skip = 0
    while True:
        rows = store.read(query.text, {"skip": skip, "limit": page})
        yield from rows
        if len(rows) < page:
            return
        skip += page


def dump_nodes(store: GraphStore, page: int = 10_000) -> Iterator[Node]:
    for row in _paged(store, "dump_nodes", page):
        yield row["label"], row["props"]


def dump_relationships(store: GraphStore, page: int = 10_000) -> Iterator[Relationship]:
    for row in _paged(store, "dump_relationships", page):
        yield row["type"], row["source"], row["target"], row["props"]


def count_relationships(store: GraphStore) -> int:
    """How many relationships ``store`` holds (what :func:`dump_relationships` reads)."""
    return int(store.read(load_catalog(store.engine)["count_relationships"].text)[0]["n"])


def document_slice(store: GraphStore, doc_id: str) -> tuple[list[Node], list[Relationship]]:
    """One document's subgraph (empty lists if there is no such document)."""
    query = load_catalog(store.engine)["document_slice"]
    rows = store.read(query.text, {"id": doc_id})
    if not rows:
        return [], []
    row = rows[0]
    nodes: dict[str, Node] = {doc_id: ("Document", row["document"])}
    rels: list[Relationship] = []
    for edge in (*row["own"], *row["task_edges"], *row["cited_edges"]):
        nodes.setdefault(edge["target"], (edge["label"], edge["node"]))
        rels.append((edge["type"], edge["source"], edge["target"], edge["props"]))
    return list(nodes.values()), rels
