"""Remove a loaded document and what only it asserted, in one transaction.

Its tasks, targets and every edge it asserted go (:func:`loaders.writer.retract_statements`),
and so do the stubs only it cited.  The document itself stays as a stub when
other documents cite it — its own facts (title, signer, provenance …) removed,
its search key back to kind and number — and is deleted otherwise.
"""

from __future__ import annotations

from typing import Any, Literal

from loaders.rows import document_search_key
from loaders.writer import CITES, DOC, Statement, retract_statements
from ontology import mapping as m
from ontology.records import DocumentKind
from policykg.errors import ReferenceNotFound
from queries.store import GraphStore

# What a citation knows of a document (see loaders.rows): kept on a stub.
STUB_PROPS = frozenset({"kind", "number", "issued", "year", "term", "scope", "issuer_name",
                        "search", "stub"})
_OWN_PROPS = tuple(p.name for p in m.DOCUMENT.props if p.name not in STUB_PROPS)


class NotLoaded(ReferenceNotFound):
    """A document that is only a stub: cited, never loaded."""


def unload_statements(doc_id: str, stub_search: str) -> list[Statement]:
    """The statements that unload ``doc_id`` (pure)."""
    p: dict[str, Any] = {"id": doc_id}
    cleared = ", ".join(f"d.`{name}` = null" for name in _OWN_PROPS)
    return [
        (f"""MATCH (d:{DOC} {{id: $id}})-[:{CITES}]->(c:{DOC})
WHERE c.stub = true
OPTIONAL MATCH (c)<-[:{CITES}]-(o:{DOC})
WITH c, count(DISTINCT o) AS citers
WHERE citers = 1
DETACH DELETE c""", p),
        *retract_statements(doc_id),
        (f"""MATCH (d:{DOC} {{id: $id}})
OPTIONAL MATCH (d)<-[:{CITES}]-(o:{DOC})
WITH d, count(o) AS citers
WHERE citers > 0
SET d.stub = true, d.search = $search, {cleared}""", {**p, "search": stub_search}),
        (f"""MATCH (d:{DOC} {{id: $id}})
OPTIONAL MATCH (d)<-[:{CITES}]-(o:{DOC})
WITH d, count(o) AS citers
WHERE citers = 0
DETACH DELETE d""", p),
    ]


def unload_document(store: GraphStore, doc_id: str) -> Literal["removed", "stub"]:
    """Unload ``doc_id``; whether it was removed or kept as a stub."""
    rows = store.read(f"MATCH (d:{DOC} {{id: $id}}) RETURN properties(d) AS props",
                      {"id": doc_id})
    if not rows:
        raise ReferenceNotFound(doc_id, f"no document with id {doc_id!r}")
    props = rows[0]["props"]
    if props.get("stub"):
        raise NotLoaded(doc_id, f"{doc_id!r} is a stub (cited, never loaded): nothing to unload")
    try:
        kind = DocumentKind(props.get("kind"))
    except ValueError:
        kind = DocumentKind.Other
    store.write(unload_statements(doc_id, document_search_key(kind, props.get("number"), None)))
    left = store.read(f"MATCH (d:{DOC} {{id: $id}}) RETURN d.id AS id", {"id": doc_id})
    return "stub" if left else "removed"
