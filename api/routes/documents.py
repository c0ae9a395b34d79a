"""Document routes: list, one document, lineage up and down, and ``/resolve``.

    GET /documents                            list, with filters and paging
    GET /documents/{id}                       one document
    GET /documents/{id}/lineage               up the implements chain to the roots
    GET /documents/{id}/implementations       down the implements chain
    GET /resolve?ref=…                        a human reference → a document id
"""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Path, Query

from policykg.api.deps import Store
from policykg.api.errors import responses
from policykg.api.models import DocumentList, DocumentOut, LineageOut, ResolveOut
from policykg.core.limits import MAX_OFFSET
from policykg.queries import documents
from policykg.queries.lookup import resolve_document

router = APIRouter(tags=["documents"])

DocId = Annotated[str, Path(description="Document id, e.g. tw:2024:69-kl-tw")]


@router.get("/documents", response_model=DocumentList, responses=responses(503))
def list_documents(
    store: Store,
    kind: Annotated[str | None, Query(description="Document kind, e.g. KetLuan")] = None,
    scope: Annotated[str | None, Query(description="Issuing scope: tw, cp, a province "
                                       "slug such as kon-tum")] = None,
    year: Annotated[int | None, Query(ge=1900, le=2100)] = None,
    stub: Annotated[bool | None, Query(description="Only stubs (cited, not loaded) "
                                       "or only loaded documents")] = None,
    limit: Annotated[int, Query(ge=1, le=500)] = 50,
    offset: Annotated[int, Query(ge=0, le=MAX_OFFSET)] = 0,
) -> DocumentList:
    """Documents, ordered by issue date, with filters and paging."""
    data, count = documents.list_documents(store, kind=kind, scope=scope, year=year,
                                           stub=stub, limit=limit, offset=offset)
    return DocumentList(data=[DocumentOut(**d) for d in data], count=count)


@router.get("/documents/{doc_id}", response_model=DocumentOut, responses=responses(404, 503))
def get_document(store: Store, doc_id: DocId) -> DocumentOut:
    """One document by id (e.g. ``tw:2024:69-kl-tw``)."""
    return DocumentOut(**documents.get_document(store, doc_id))


@router.get("/documents/{doc_id}/lineage", response_model=LineageOut,
            responses=responses(404, 503))
def lineage(store: Store, doc_id: DocId) -> LineageOut:
    """The document and what it implements, transitively, nearest first."""
    return LineageOut(**documents.lineage(store, doc_id))


@router.get("/documents/{doc_id}/implementations", response_model=LineageOut,
            responses=responses(404, 503))
def implementations(store: Store, doc_id: DocId) -> LineageOut:
    """The documents that implement this one, transitively, nearest first."""
    return LineageOut(**documents.implementations(store, doc_id))


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
    return ResolveOut(ref=ref, id=doc_id,
                      document=DocumentOut(**documents.get_document(store, doc_id)))
