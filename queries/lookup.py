"""Human references to documents: "69-KL/TW", "KL 69", "Kết luận 69", "ket luan 69".

:func:`~policykg.ontology.identity.parse_reference` (pure) reads what the user typed;
:func:`find_documents` asks the store for the documents it may name;
:func:`resolve_document` returns the one id or raises — an ambiguous reference is
reported with its candidates, never guessed.
"""

from __future__ import annotations

from typing import Any

from policykg.core.errors import AmbiguousReference, EmptyGraph, ReferenceNotFound
from policykg.ontology.identity import ReferenceQuery, parse_reference
from policykg.queries.catalog import load_catalog
from policykg.queries.store import GraphStore


def _prefix_range(prefix: str) -> list[str]:
    """[prefix, the first string after every string that starts with it]: a range the
    number index serves, where ``STARTS WITH`` is a scan."""
    return [prefix, prefix[:-1] + chr(ord(prefix[-1]) + 1)]


def find_documents(store: GraphStore, ref: ReferenceQuery) -> list[dict[str, Any]]:
    """Documents ``ref`` may name: by id, by number or by kind and sequence number."""
    catalog = load_catalog(store.engine)
    if ref.id is not None:
        return store.read(catalog["lookup_id"].text, {"id": ref.id, "year": ref.year})
    if ref.number is not None:
        return store.read(catalog["lookup_number"].text,
                          {"number": ref.number, "year": ref.year})
    return store.read(catalog["lookup_sequence"].text, {
        "kind": ref.kind.value if ref.kind else None, "year": ref.year,
        "party": _prefix_range(f"{ref.seq}-"), "state": _prefix_range(f"{ref.seq}/")})


def resolve_document(store: GraphStore, text: str) -> str:
    """The id of the one document ``text`` names; on an empty graph, :class:`EmptyGraph`
    (nothing to find: the user has to load something first)."""
    try:
        ref = parse_reference(text)
    except ReferenceNotFound:
        if store.count_nodes() == 0:
            raise EmptyGraph(text) from None
        raise
    rows = find_documents(store, ref)
    # An undated stub of a number that a dated document of the same scope also
    # carries is a citation not yet merged into it, not a second document.
    dated = {(row["id"].split(":")[0], row["number"]) for row in rows if row["year"] is not None}
    ids: list[str] = sorted({
        str(row["id"]) for row in rows
        if row["year"] is not None or (row["id"].split(":")[0], row["number"]) not in dated
    })
    if not ids:
        raise EmptyGraph(text) if store.count_nodes() == 0 else ReferenceNotFound(text)
    if len(ids) > 1:
        raise AmbiguousReference(text, ids)
    return ids[0]
