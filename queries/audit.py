"""The auditor's views, shared by ``policykg audit`` and ``GET /audit/…``.

Each view runs named queries of ``queries/audit.cypher`` and returns a page of
rows with the total count (the API's ``{data, count}`` envelope):

* ``unowned`` — tasks without an owner, with their document and section;
* ``overdue`` — tasks whose deadline period ended before a date (a deadline is
  due at the end of its period; recurring tasks are never overdue);
* ``workload`` — per body, the tasks it owns and coordinates;
* ``unresolved`` — documents citing something unresolved or ambiguous;
* ``coverage`` — for a (central) document, which provinces have issued a document
  implementing it, directly or transitively, and which have not.  The provinces are
  the units of the map in force on a date (:mod:`policykg.core.provinces`: 63 until 30
  June 2025, 34 after); a document of a former province counts for the unit it
  became part of.  A province written in the graph that is no unit's name is listed
  as written, so nothing the graph holds is left out.
"""

from __future__ import annotations

from datetime import date
from typing import Any

from policykg.core.errors import ReferenceNotFound
from policykg.core.provinces import unit_of, units_on
from policykg.core.vntext import fold
from policykg.ontology.identity import SCOPE_NAMES_VI, scope_name
from policykg.queries.captions import body_label, document_label
from policykg.queries.catalog import load_catalog
from policykg.queries.store import GraphStore

Page = tuple[list[dict[str, Any]], int]


def _run(store: GraphStore, name: str, **params: Any) -> list[dict[str, Any]]:
    query = load_catalog(store.engine)[name]
    return store.read(query.text, query.arguments(params))


def _page(store: GraphStore, name: str, limit: int, offset: int, **params: Any) -> Page:
    rows = _run(store, name, limit=limit, offset=offset, **params)
    count = _run(store, f"{name}_count", **params)
    return [_shaped(r) for r in rows], int(count[0]["count"]) if count else 0


def body_ref(row: dict[str, Any]) -> dict[str, Any]:
    """A body as a listing names it: id, name, scope, province and label."""
    scope = row.get("scope")
    province = None if scope in SCOPE_NAMES_VI else scope_name(scope)
    return {**row, "province": province,
            "label": body_label(str(row.get("name") or row.get("id") or row.get("body")),
                                scope)}


def _labelled(row: dict[str, Any], key: str) -> dict[str, Any]:
    """``row`` with ``key`` set to the label of its document (its number, year, kind,
    province and title, the last three dropped from the row)."""
    doc = {k: row.pop(k, None) for k in ("kind", "province", "title")}
    return {**row, key: document_label({**doc, "number": row.get("number"),
                                        "year": row.get("year"),
                                        "id": row.get("document") or row.get("id")})}


def _shaped(row: dict[str, Any]) -> dict[str, Any]:
    """A view's row with what a reader needs: documents labelled, bodies with provinces."""
    if "document" in row:
        row = _labelled(row, "document_label")
    if isinstance(row.get("owners"), list):
        row["owners"] = [body_ref(o) for o in row["owners"]]
    if "body" in row:
        row = body_ref(row)
    return row


def unowned(store: GraphStore, limit: int = 50, offset: int = 0, *,
            document: str | None = None, scope: str | None = None) -> Page:
    """Tasks without an owner (of one document, of one scope's documents)."""
    return _page(store, "audit_unowned", limit, offset, document=document, scope=scope)


def overdue(store: GraphStore, as_of: date, limit: int = 50, offset: int = 0, *,
            document: str | None = None, scope: str | None = None) -> Page:
    """Tasks overdue on ``as_of`` (of one document, of one scope's documents)."""
    return _page(store, "audit_overdue", limit, offset, as_of=as_of.isoformat(),
                 document=document, scope=scope)


def workload(store: GraphStore, limit: int = 50, offset: int = 0, *,
             scope: str | None = None) -> Page:
    """Tasks owned and coordinated per body (of one scope)."""
    return _page(store, "audit_workload", limit, offset, scope=scope)


def unresolved(store: GraphStore, limit: int = 50, offset: int = 0) -> Page:
    """Documents citing something unresolved or ambiguous."""
    return _page(store, "audit_unresolved", limit, offset)


def coverage(store: GraphStore, doc_id: str, as_of: date) -> list[dict[str, Any]]:
    """Per province on the map of ``as_of``: the documents implementing ``doc_id``
    (none: not covered), nearest first; provinces by name with diacritics folded."""
    if not _run(store, "document", id=doc_id):
        raise ReferenceNotFound(doc_id, f"no document with id {doc_id!r}")
    by_unit: dict[str, list[dict[str, Any]]] = {unit: [] for unit in units_on(as_of)}
    for row in _run(store, "audit_provinces"):
        by_unit.setdefault(unit_of(row["province"], as_of) or row["province"], [])
    for row in _run(store, "audit_coverage", id=doc_id):
        province = row["province"]
        row = _labelled(row, "label")
        row["province"] = province  # as the document writes it
        by_unit.setdefault(unit_of(province, as_of) or province, []).append(row)
    return [{"province": unit, "covered": bool(documents), "documents": documents}
            for unit, documents in sorted(by_unit.items(), key=lambda u: (fold(u[0]), u[0]))]
