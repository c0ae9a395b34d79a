"""Remove a loaded document and what only it asserted, in one transaction.

Its tasks, targets and every edge it asserted go
(:func:`policykg.loaders.writer.retract_statements`), and so do the stubs only it
cited.  The document itself stays as a stub when other documents cite it — its own
facts (title, signer, provenance …) removed, what a citation knows of it
(:data:`~policykg.loaders.rows.CITATION_PROPS`) kept, its search key back to kind and
number — and is deleted otherwise.  The statements are ``queries/writes/unload.cypher``.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any, Literal

from policykg.core.errors import NotLoaded, ReferenceNotFound
from policykg.loaders.rows import CITATION_PROPS, document_search_key
from policykg.loaders.writer import Writes, retract_statements
from policykg.ontology.records import DocumentKind
from policykg.queries.catalog import load_catalog, load_writes
from policykg.queries.store import GraphStore, Statement


def stub_props(props: Mapping[str, Any]) -> dict[str, Any]:
    """What an unloaded document keeps as a stub: its id, what citations know of it,
    ``stub: true``, and a search key of its kind and number only."""
    try:
        kind = DocumentKind(str(props.get("kind")))
    except ValueError:
        kind = DocumentKind.Other
    kept = {k: props[k] for k in CITATION_PROPS if props.get(k) is not None}
    return {**kept, "id": props["id"], "stub": True,
            "search": document_search_key(kind, props.get("number"), None)}


def unload_statements(writes: Writes, doc_id: str, props: Mapping[str, Any],
                      bodies: Sequence[str] = ()) -> list[Statement]:
    """The statements that unload ``doc_id``, whose properties are ``props``, and drop
    the ``bodies`` it referred to that nothing else refers to (pure)."""
    orphans = writes["unload_orphan_bodies"].statement(ids=list(bodies))
    return [
        writes["unload_orphan_stubs"].statement(id=doc_id),
        *retract_statements(writes, [doc_id]),
        writes["unload_to_stub"].statement(id=doc_id, props=stub_props(props)),
        writes["unload_uncited"].statement(id=doc_id),
        *([orphans, orphans] if bodies else []),  # boards first, then their committees
    ]


def unload_document(store: GraphStore, doc_id: str) -> Literal["removed", "stub"]:
    """Unload ``doc_id``; whether it was removed or kept as a stub."""
    read = load_catalog(store.engine)["document_props"]
    rows = store.read(read.text, {"id": doc_id})
    if not rows:
        raise ReferenceNotFound(doc_id, f"no document with id {doc_id!r}")
    props = rows[0]["props"]
    if props.get("stub"):
        raise NotLoaded(doc_id, f"{doc_id!r} is a stub (cited, never loaded): nothing to unload")
    catalog = load_catalog(store.engine)
    bodies = store.read(catalog["document_bodies"].text, {"id": doc_id})
    store.write(unload_statements(load_writes(store.engine), doc_id, props,
                                  bodies[0]["ids"] if bodies else []))
    left = store.read(read.text, {"id": doc_id})
    return "stub" if left else "removed"
