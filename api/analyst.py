"""Analyst routes: read-only Cypher and the named queries.

The front-end, search and write routes live in :mod:`api.graph`,
:mod:`api.search` and :mod:`api.uploads`; their routers are included here.
"""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Path, Request
from fastapi.responses import JSONResponse

from api.analyst_models import CypherIn, CypherOut, NamedQueryList, NamedQueryOut, QueryParamOut
from api.deps import AppSettings, Store
from api.errors import ErrorResponse, error_response
from api.graph import router as graph_router
from api.query_args import convert_arguments
from api.search import router as search_router
from api.uploads import router as uploads_router
from queries.catalog import load_catalog
from queries.cypher import run_cypher
from queries.readonly import WriteRefused

router = APIRouter()
router.include_router(graph_router)
router.include_router(search_router)
router.include_router(uploads_router)

_ERRORS: dict[int | str, dict[str, Any]] = {
    400: {"model": ErrorResponse, "description": "The engine rejected the query, or it "
          "exceeded its time limit"},
    403: {"model": ErrorResponse, "description": "The query would change the graph"},
    404: {"model": ErrorResponse, "description": "No such named query"},
    503: {"model": ErrorResponse, "description": "The graph store is unavailable"},
}


@router.post("/cypher", response_model=CypherOut, tags=["analysts"],
             responses={k: _ERRORS[k] for k in (400, 403, 503)})
def cypher(body: CypherIn, store: Store, settings: AppSettings) -> CypherOut | JSONResponse:
    """Run one read-only Cypher statement, within the time and row limits.

    Writes (CREATE, MERGE, SET, DELETE, REMOVE, FOREACH, LOAD CSV, writing procedures)
    are refused with 403; a query over its time limit is cancelled in the database.
    """
    try:
        result = run_cypher(store, body.query, body.params,
                            timeout_ms=settings.cypher_timeout_ms,
                            max_rows=settings.cypher_max_rows)
    except WriteRefused as exc:
        return error_response(403, str(exc), code="write_refused")
    return CypherOut(columns=result.columns, rows=result.rows, truncated=result.truncated)


@router.get("/queries", response_model=NamedQueryList, tags=["analysts"])
def queries(store: Store) -> NamedQueryList:
    """The named queries, with their parameters."""
    data = [
        NamedQueryOut(name=q.name, title=q.title, description=q.description, parameters=[
            QueryParamOut(name=p.name, type=p.type, description=p.description,
                          default=p.default, required=p.required) for p in q.params])
        for q in sorted(load_catalog(store.engine).values(), key=lambda q: q.name)
    ]
    return NamedQueryList(data=data, count=len(data))


@router.get("/queries/{name}", response_model=CypherOut, tags=["analysts"],
            responses={k: _ERRORS[k] for k in (400, 404, 503)})
def named_query(
    request: Request, store: Store, settings: AppSettings,
    name: Annotated[str, Path(description="A name from GET /queries", examples=["lineage"])],
) -> CypherOut | JSONResponse:
    """Run a named query; its parameters come from the query string (``?id=…``), converted
    to their declared types (lists and maps as JSON)."""
    query = load_catalog(store.engine).get(name)
    if query is None:
        return error_response(404, f"no named query {name!r} (see GET /queries)")
    args, errors = convert_arguments(query, dict(request.query_params))
    if errors:
        return error_response(422, f"bad parameters for query {name!r}", errors)
    result = run_cypher(store, query.text, args, timeout_ms=settings.cypher_timeout_ms,
                        max_rows=settings.cypher_max_rows, checked=False)
    return CypherOut(columns=result.columns, rows=result.rows, truncated=result.truncated)
