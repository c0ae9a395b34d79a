"""The FastAPI application: ``create_app()`` assembles it; the store opens with it.

One router per resource (:mod:`policykg.api.routes`): service, documents, explorer,
graph, search, cypher, queries, audit, writes; the web explorer's pages at ``/`` and
``/ui/…`` (:mod:`policykg.api.routes.pages`).  OpenAPI at ``/docs`` and ``/redoc``
(assets served locally), schema at ``/openapi.json``.  List routes answer CSV on
``?format=csv`` or ``Accept: text/csv`` (:mod:`policykg.api.csv_output`).
"""

from __future__ import annotations

import threading
from collections.abc import AsyncIterator, Callable
from contextlib import asynccontextmanager

from fastapi import FastAPI

from policykg import __version__
from policykg.api.csv_output import CsvMiddleware
from policykg.api.errors import install_error_handlers, responses
from policykg.api.middleware import install_middleware
from policykg.api.openapi_vi import install_bilingual_openapi
from policykg.api.routes import (
    audit,
    cypher,
    documents,
    explorer,
    graph,
    queries,
    search,
    service,
    writes,
)
from policykg.api.routes.pages import install_pages
from policykg.core.settings import get_settings
from policykg.queries.open import open_store
from policykg.queries.store import GraphStore

# explorer before documents: /documents/{ref:path} would take /documents/{id}/tasks
ROUTERS = (service, explorer, documents, graph, search, cypher, queries, audit, writes)


def create_app(store_factory: Callable[[], GraphStore] = open_store) -> FastAPI:
    """The application; ``store_factory`` opens the graph store at start-up."""

    @asynccontextmanager
    async def lifespan(app: FastAPI) -> AsyncIterator[None]:
        app.state.store = store_factory()
        # analyst queries at once: a slot each, the rest refused with 429
        app.state.cypher_slots = threading.BoundedSemaphore(get_settings().cypher_max_concurrent)
        try:
            yield
        finally:
            app.state.store.close()

    app = FastAPI(
        title="policykg",
        version=__version__,
        description="Knowledge graph of Vietnamese Party policy documents on science and "
        "technology: documents, what they implement, the tasks they assign.",
        lifespan=lifespan,
        responses=responses(422),
        docs_url=None,  # /docs and /redoc: the explorer's pages, with local assets
        redoc_url=None,
    )
    install_error_handlers(app)
    app.add_middleware(CsvMiddleware)
    install_middleware(app)
    for module in ROUTERS:
        app.include_router(module.router)
    install_pages(app)
    install_bilingual_openapi(app)
    return app
