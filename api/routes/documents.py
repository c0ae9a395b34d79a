"""Document routes: list, one document, lineage up and down, and ``/resolve``.

    GET /documents                            list, with filters and paging
    GET /documents/{ref}                      one document
    GET /documents/{ref}/lineage              up the implements chain to the roots
    GET /documents/{ref}/implementations      down the implements chain
    GET /resolve?ref=…                        a human reference → a document id

``{ref}`` is anything ``/resolve`` takes: an id, a number ("69-KL/TW"), a name ("KL 69",
"Kết luận 69"); a reference naming several documents is a 409 listing them.  Filters
are checked against their domain: ``kind`` by code or Vietnamese name, ``scope`` by a
national scope or a province's name or slug (unknown values: 422 listing the allowed).
"""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Query

from policykg.api.deps import DocRef, Store
from policykg.api.errors import responses
from policykg.api.models import DocumentList, DocumentOut, LineageNode, LineageOut, ResolveOut
from policykg.core.limits import MAX_OFFSET
from policykg.ontology.identity import kind_named, scope_named
from policykg.queries import documents
from policykg.queries.lookup import resolve_document
from policykg.queries.public import public_document

router = APIRouter(tags=["documents"])

def _lineage(graph: dict[str, Any]) -> LineageOut:
    return LineageOut(id=graph["id"], edges=graph["edges"],
                      nodes=[LineageNode(**public_document(n)) for n in graph["nodes"]])


@router.get("/documents", response_model=DocumentList, responses=responses(422, 503))
def list_documents(
    store: Store,
    kind: Annotated[str | None, Query(
        description="Document kind, by code or Vietnamese name in any case, with or "
        "without diacritics: KetLuan, Kết luận, ket luan (422 lists the kinds)",
        examples=["KeHoach", "Kế hoạch"])] = None,
    scope: Annotated[str | None, Query(
        description="Issuing scope: tw, cp, … or a province by name or slug, on either "
        "map (Kon Tum, kon-tum); 422 lists the scopes", examples=["kon-tum", "Kon Tum"])]
    = None,
    year: Annotated[int | None, Query(ge=1900, le=2100)] = None,
    stub: Annotated[bool | None, Query(description="Only stubs (cited, not loaded) "
                                       "or only loaded documents")] = None,
    limit: Annotated[int, Query(ge=1, le=500)] = 50,
    offset: Annotated[int, Query(ge=0, le=MAX_OFFSET)] = 0,
) -> DocumentList:
    """Documents, ordered by issue date, with filters and paging."""
    data, count = documents.list_documents(
        store, kind=kind_named(kind).value if kind is not None else None,
        scope=scope_named(scope) if scope is not None else None,
        year=year, stub=stub, limit=limit, offset=offset)
    return DocumentList(data=[DocumentOut(**public_document(d)) for d in data], count=count)


@router.get("/documents/{doc_id:path}/lineage", response_model=LineageOut,
            responses=responses(404, 409, 503))
def lineage(store: Store, doc_id: DocRef) -> LineageOut:
    """The document and what it implements, transitively, nearest first."""
    return _lineage(documents.lineage(store, resolve_document(store, doc_id)))


@router.get("/documents/{doc_id:path}/implementations", response_model=LineageOut,
            responses=responses(404, 409, 503))
def implementations(store: Store, doc_id: DocRef) -> LineageOut:
    """The documents that implement this one, transitively, nearest first."""
    return _lineage(documents.implementations(store, resolve_document(store, doc_id)))


@router.get("/documents/{doc_id:path}", response_model=DocumentOut,
            responses=responses(404, 409, 503))
def get_document(store: Store, doc_id: DocRef) -> DocumentOut:
    """One document (``tw:2024:69-kl-tw``, ``69-KL/TW``, ``KL 69``)."""
    return DocumentOut(**public_document(
        documents.get_document(store, resolve_document(store, doc_id))))


@router.get("/resolve", response_model=ResolveOut, responses=responses(404, 409, 503))
def resolve(
    store: Store,
    ref: Annotated[str, Query(min_length=1, max_length=200,
                              description='"69-KL/TW", "KL 69", "Kết luận 69", '
                              '"ket luan 69" or an id',
                              examples=["Kết luận 69"])],
) -> ResolveOut:
    """The one document a human reference names."""
    doc_id = resolve_document(store, ref)
    return ResolveOut(ref=ref, id=doc_id, document=DocumentOut(
        **public_document(documents.get_document(store, doc_id))))
