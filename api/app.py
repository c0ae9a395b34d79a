"""The FastAPI application: ``create_app()`` builds it; the store opens with it.

Routes (OpenAPI at ``/docs``, schema at ``/openapi.json``)::

    GET /health                               the process is up
    GET /ready                                the graph store answers
    GET /documents                            list, with filters and paging
    GET /documents/{id}                       one document
    GET /documents/{id}/lineage               up the implements chain to the roots
    GET /documents/{id}/implementations       down the implements chain
    GET /resolve?ref=…                        a human reference → a document id
"""

from __future__ import annotations

from collections.abc import AsyncIterator, Callable
from contextlib import asynccontextmanager
from typing import Annotated, Any

from fastapi import FastAPI, Path, Query
from fastapi.responses import JSONResponse

from api import analyst, audit, service
from api.deps import Store
from api.errors import ErrorResponse, error_response, install_error_handlers
from api.middleware import install_middleware
from api.models import (
    DocumentList,
    DocumentOut,
    Health,
    LineageOut,
    ResolveOut,
)
from policykg.errors import GraphError
from queries.store import GraphStore

_ERRORS: dict[int | str, dict[str, Any]] = {
    404: {"model": ErrorResponse, "description": "No such document"},
    409: {"model": ErrorResponse, "description": "The reference names several documents"},
    422: {"model": ErrorResponse, "description": "Invalid parameters"},
    503: {"model": ErrorResponse, "description": "The graph store is unavailable"},
}


DocId = Annotated[str, Path(description="Document id, e.g. tw:2024:69-kl-tw")]


def _default_store() -> GraphStore:
    from queries.open import open_store

    store = open_store()
    store.ensure_schema()
    return store


def create_app(store_factory: Callable[[], GraphStore] = _default_store) -> FastAPI:
    """The application; ``store_factory`` opens the graph store at start-up."""

    @asynccontextmanager
    async def lifespan(app: FastAPI) -> AsyncIterator[None]:
        app.state.store = store_factory()
        try:
            yield
        finally:
            app.state.store.close()

    app = FastAPI(
        title="policykg",
        version="0.1.0",
        description="Knowledge graph of Vietnamese Party policy documents on science and "
        "technology: documents, what they implement, the tasks they assign.",
        lifespan=lifespan,
        responses={422: _ERRORS[422]},
    )
    install_error_handlers(app)
    install_middleware(app)
    app.include_router(audit.router)
    app.include_router(analyst.router)

    @app.get("/health", response_model=Health, tags=["service"])
    def health() -> Health:
        """The process is up (does not touch the graph)."""
        return Health(status="ok")

    @app.get("/ready", response_model=Health, tags=["service"],
             responses={503: _ERRORS[503]})
    def ready(store: Store) -> Health | JSONResponse:
        """The graph store answers."""
        try:
            store.ping()
        except GraphError as exc:
            return error_response(503, str(exc))
        return Health(status="ok", engine=store.engine)

    @app.get("/documents", response_model=DocumentList, tags=["documents"])
    def documents(
        store: Store,
        kind: Annotated[str | None, Query(description="Document kind, e.g. KetLuan")] = None,
        scope: Annotated[str | None, Query(description="Issuing scope: tw, cp, a province "
                                           "slug such as kon-tum")] = None,
        year: Annotated[int | None, Query(ge=1900, le=2100)] = None,
        stub: Annotated[bool | None, Query(description="Only stubs (cited, not loaded) "
                                           "or only loaded documents")] = None,
        limit: Annotated[int, Query(ge=1, le=500)] = 50,
        offset: Annotated[int, Query(ge=0)] = 0,
    ) -> DocumentList:
        """Documents, ordered by issue date, with filters and paging."""
        data, count = service.list_documents(store, kind=kind, scope=scope, year=year,
                                             stub=stub, limit=limit, offset=offset)
        return DocumentList(data=[DocumentOut(**d) for d in data], count=count)

    @app.get("/documents/{doc_id}", response_model=DocumentOut, tags=["documents"],
             responses={404: _ERRORS[404]})
    def document(store: Store, doc_id: DocId) -> DocumentOut:
        """One document by id (e.g. ``tw:2024:69-kl-tw``)."""
        return DocumentOut(**service.get_document(store, doc_id))

    @app.get("/documents/{doc_id}/lineage", response_model=LineageOut, tags=["documents"],
             responses={404: _ERRORS[404]})
    def lineage(store: Store, doc_id: DocId) -> LineageOut:
        """The document and what it implements, transitively, nearest first."""
        return LineageOut(**service.lineage(store, doc_id))

    @app.get("/documents/{doc_id}/implementations", response_model=LineageOut,
             tags=["documents"], responses={404: _ERRORS[404]})
    def implementations(store: Store, doc_id: DocId) -> LineageOut:
        """The documents that implement this one, transitively, nearest first."""
        return LineageOut(**service.implementations(store, doc_id))

    @app.get("/resolve", response_model=ResolveOut, tags=["documents"],
             responses={404: _ERRORS[404], 409: _ERRORS[409]})
    def resolve(
        store: Store,
        ref: Annotated[str, Query(min_length=1, max_length=200,
                                  description='"69-KL/TW", "KL 69", "Kết luận 69", '
                                  '"ket luan 69" or an id',
                                  examples=["Kết luận 69"])],
    ) -> ResolveOut:
        """The one document a human reference names."""
        from queries.lookup import resolve_document

        doc_id = resolve_document(store, ref)
        return ResolveOut(ref=ref, id=doc_id,
                          document=DocumentOut(**service.get_document(store, doc_id)))

    return app
