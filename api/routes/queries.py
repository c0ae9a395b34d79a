"""The named queries (``queries/*.cypher``): ``GET /queries`` lists them, ``GET
/queries/{name}`` runs one with its parameters from the query string."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Path, Request

from policykg.api.deps import AppSettings, Store
from policykg.api.errors import responses
from policykg.api.models import CypherOut, NamedQueryList, NamedQueryOut, QueryParamOut
from policykg.api.query_args import convert_arguments
from policykg.core.errors import InvalidParameter, ReferenceNotFound
from policykg.queries.catalog import load_catalog
from policykg.queries.cypher import run_cypher

router = APIRouter(tags=["analysts"])


@router.get("/queries", response_model=NamedQueryList)
def list_queries(store: Store) -> NamedQueryList:
    """The named queries, with their parameters."""
    data = [
        NamedQueryOut(name=q.name, title=q.title, description=q.description, parameters=[
            QueryParamOut(name=p.name, type=p.type, description=p.description,
                          default=p.default, required=p.required) for p in q.params])
        for q in sorted(load_catalog(store.engine).values(), key=lambda q: q.name)
    ]
    return NamedQueryList(data=data, count=len(data))


@router.get("/queries/{name}", response_model=CypherOut,
            responses=responses(400, 404, 422, 503))
def named_query(
    request: Request, store: Store, settings: AppSettings,
    name: Annotated[str, Path(description="A name from GET /queries", examples=["lineage"])],
) -> CypherOut:
    """Run a named query; its parameters come from the query string (``?id=…``), converted
    to their declared types (lists and maps as JSON)."""
    query = load_catalog(store.engine).get(name)
    if query is None:
        raise ReferenceNotFound(name, f"no named query {name!r} (see GET /queries)")
    args, errors = convert_arguments(query, dict(request.query_params))
    if errors:
        raise InvalidParameter(name, f"bad parameters for query {name!r}", errors)
    result = run_cypher(store, query.text, args, timeout_ms=settings.cypher_timeout_ms,
                        max_rows=settings.cypher_max_rows, checked=False)
    return CypherOut(columns=result.columns, rows=result.rows, truncated=result.truncated)
