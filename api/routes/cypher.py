"""``POST /cypher``: one read-only Cypher statement, within the time and row limits."""

from __future__ import annotations

from fastapi import APIRouter

from policykg.api.deps import AppSettings, Store
from policykg.api.errors import responses
from policykg.api.models import CypherIn, CypherOut
from policykg.queries.cypher import run_cypher

router = APIRouter(tags=["analysts"])


@router.post("/cypher", response_model=CypherOut, responses=responses(400, 403, 503))
def cypher(body: CypherIn, store: Store, settings: AppSettings) -> CypherOut:
    """Run one read-only Cypher statement, within the time and row limits.

    Writes (CREATE, MERGE, SET, DELETE, REMOVE, FOREACH, LOAD CSV, writing procedures)
    are refused with 403; a query over its time limit is cancelled in the database.
    """
    result = run_cypher(store, body.query, body.params, timeout_ms=settings.cypher_timeout_ms,
                        max_rows=settings.cypher_max_rows)
    return CypherOut(columns=result.columns, rows=result.rows, truncated=result.truncated)
