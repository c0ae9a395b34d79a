"""``POST /cypher``: one read-only Cypher statement, within the time and row limits."""

from __future__ import annotations

import math
import threading

from fastapi import APIRouter, Request

from policykg.api.deps import AppSettings, Store
from policykg.api.errors import responses
from policykg.api.models import CypherIn, CypherOut
from policykg.core.errors import Busy
from policykg.queries.cypher import run_cypher

router = APIRouter(tags=["analysts"])


@router.post("/cypher", response_model=CypherOut, responses=responses(400, 403, 429, 503))
def cypher(body: CypherIn, request: Request, store: Store, settings: AppSettings) -> CypherOut:
    """Run one read-only Cypher statement, within the time and row limits.

    Writes (CREATE, MERGE, SET, DELETE, REMOVE, FOREACH, LOAD CSV, writing procedures)
    are refused with 403; a query over its time limit is cancelled in the database.
    At most ``POLICYKG_CYPHER_MAX_CONCURRENT`` run at once; more get 429.
    """
    slots: threading.BoundedSemaphore = request.app.state.cypher_slots
    if not slots.acquire(blocking=False):
        raise Busy(f"{settings.cypher_max_concurrent} analyst queries are running; retry "
                   "shortly", retry_after=math.ceil(settings.cypher_timeout_ms / 1000))
    try:
        result = run_cypher(store, body.query, body.params,
                            timeout_ms=settings.cypher_timeout_ms,
                            max_rows=settings.cypher_max_rows)
    finally:
        slots.release()
    return CypherOut(columns=result.columns, rows=result.rows, truncated=result.truncated)
