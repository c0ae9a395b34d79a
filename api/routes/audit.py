"""Auditor routes (``/audit/…``): the views of :mod:`policykg.queries.audit`, the report.

    GET /audit/unowned                tasks without an owner (document=, scope=)
    GET /audit/overdue?as_of=         tasks whose deadline period ended before as_of
                                      (document=, scope=)
    GET /audit/workload               tasks owned and coordinated per body (scope=)
    GET /audit/unresolved             documents citing something unresolved or ambiguous
    GET /audit/coverage?document=     provinces that have (not) implemented a document,
                                      on the map of provinces of ``as_of``
    GET /audit/report                 the validation report: JSON, or Turtle by
                                      ``Accept: text/turtle`` or ``?format=turtle``

Lists are ``{data, count}`` with ``limit``/``offset``; errors have the one shape.  A
``document`` is what ``/resolve`` takes (ambiguous: 409), a ``scope`` a national scope
or a province by name or slug (unknown: 422 listing the scopes).
"""

from __future__ import annotations

from datetime import date
from typing import Annotated, Literal

from fastapi import APIRouter, Query, Request
from fastapi.responses import Response, StreamingResponse

from policykg.api.deps import Store
from policykg.api.errors import responses
from policykg.api.models import (
    CoverageList,
    CoverageRow,
    TaskList,
    TaskRow,
    UnresolvedList,
    UnresolvedRow,
    WorkloadList,
    WorkloadRow,
)
from policykg.core.limits import MAX_OFFSET
from policykg.ontology.identity import scope_named
from policykg.queries import audit
from policykg.queries.lookup import resolve_document
from policykg.queries.validation import validate_store

router = APIRouter(prefix="/audit", tags=["audit"])

Limit = Annotated[int, Query(ge=1, le=500, description="At most this many rows")]
Offset = Annotated[int, Query(ge=0, le=MAX_OFFSET, description="Skip this many rows first")]


DocumentFilter = Annotated[str | None, Query(
    min_length=1, max_length=200, description='Only the tasks of this document: an id, a '
    'number or a name, as /resolve takes it ("KL 69")', examples=["29-CTr/TU"])]
ScopeFilter = Annotated[str | None, Query(
    min_length=1, max_length=200, description="Only this scope: tw, cp, … or a province by "
    "name or slug (Kon Tum, kon-tum); 422 lists the scopes", examples=["Kon Tum"])]


def _filters(store: Store, document: str | None, scope: str | None) -> dict[str, str | None]:
    return {"document": resolve_document(store, document) if document is not None else None,
            "scope": scope_named(scope) if scope is not None else None}


@router.get("/unowned", response_model=TaskList, responses=responses(404, 409, 422, 503))
def unowned(store: Store, document: DocumentFilter = None, scope: ScopeFilter = None,
            limit: Limit = 50, offset: Offset = 0) -> TaskList:
    """Tasks with no owner, with the document that assigns them and their section."""
    rows, count = audit.unowned(store, limit, offset, **_filters(store, document, scope))
    return TaskList(data=[TaskRow(**r) for r in rows], count=count)


@router.get("/overdue", response_model=TaskList, responses=responses(404, 409, 422, 503))
def overdue(
    store: Store,
    as_of: Annotated[date | None, Query(description="YYYY-MM-DD; default today")] = None,
    document: DocumentFilter = None, scope: ScopeFilter = None,
    limit: Limit = 50, offset: Offset = 0,
) -> TaskList:
    """Tasks whose deadline period ended before ``as_of`` (recurring tasks never)."""
    rows, count = audit.overdue(store, as_of or date.today(), limit, offset,
                                **_filters(store, document, scope))
    return TaskList(data=[TaskRow(**r) for r in rows], count=count)


@router.get("/workload", response_model=WorkloadList, responses=responses(422, 503))
def workload(store: Store, scope: ScopeFilter = None, limit: Limit = 50,
             offset: Offset = 0) -> WorkloadList:
    """Per body, the tasks it owns and coordinates, most owned first."""
    rows, count = audit.workload(store, limit, offset,
                                 scope=scope_named(scope) if scope is not None else None)
    return WorkloadList(data=[WorkloadRow(**r) for r in rows], count=count)


@router.get("/unresolved", response_model=UnresolvedList, responses=responses(503))
def unresolved(store: Store, limit: Limit = 50, offset: Offset = 0) -> UnresolvedList:
    """Documents citing a document that is unresolved or ambiguous."""
    rows, count = audit.unresolved(store, limit, offset)
    return UnresolvedList(data=[UnresolvedRow(**r) for r in rows], count=count)


@router.get("/coverage", response_model=CoverageList, responses=responses(404, 409, 503))
def coverage(
    store: Store,
    document: Annotated[str, Query(min_length=1, max_length=200,
                                   description="The implemented document: an id or a "
                                   "reference such as 20-NQ/TW")],
    as_of: Annotated[date | None, Query(
        description="YYYY-MM-DD, default today: the map of provinces in force that day "
        "(63 until 2025-06-30, 34 from 2025-07-01)")] = None,
    limit: Limit = 50, offset: Offset = 0,
) -> CoverageList:
    """Which provinces have issued a document implementing this one (directly or
    transitively), and which have not; a former province's documents count for the
    province it became part of."""
    doc_id = resolve_document(store, document)
    rows = audit.coverage(store, doc_id, as_of or date.today())
    return CoverageList(document=doc_id,
                        data=[CoverageRow(**r) for r in rows[offset:offset + limit]],
                        count=len(rows), covered=sum(r["covered"] for r in rows))


_REPORT_EXAMPLE = {
    "conforms": False, "counts": {"Violation": 48, "Warning": 7, "Info": 8},
    "engine": "graph", "triples": None, "not_evaluated": [],
    "findings": [{"shape": "https://w3id.org/policykg/shapes/TaskOwner",
                  "severity": "Violation",
                  "focus": "https://w3id.org/policykg/id/task/bac-kan:undated:ct-32c98e7b:t1",
                  "message_vi": "Nhiệm vụ không có cơ quan chủ trì.",
                  "message_en": "Task has no owner (pkg:ownedBy).",
                  "path": "<https://w3id.org/policykg/ownedBy>", "value": None,
                  "name": "Chỉ thị, Bắc Kạn: … §1: “Tiếp tục quán triệt Nghị quyết số "
                          "20-NQ/TW ngày 01…”"}]}


@router.get("/report", responses={
    200: {"content": {"application/json": {"example": _REPORT_EXAMPLE},
                      "text/turtle": {"example": "[] a sh:ValidationReport ;\n"
                                      "    sh:conforms false ; …"}},
          "description": "The validation report"}, **responses(503)})
def report(
    store: Store, request: Request,
    format: Annotated[Literal["json", "turtle"] | None,
                      Query(description="turtle: SHACL results in Turtle (also by Accept)")]
    = None,
) -> Response:
    """The validation report of the whole graph (engine chosen by the graph's size)."""
    turtle = format == "turtle" or (
        format is None and "text/turtle" in request.headers.get("accept", ""))
    run = validate_store(store, None, "auto", names=not turtle)
    if turtle:
        return StreamingResponse(run.report.turtle(), media_type="text/turtle")
    return StreamingResponse(run.json_chunks(), media_type="application/json")
