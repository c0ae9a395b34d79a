"""Reads of the web explorer's pages: a document's tasks, targets and references; a body
and the tasks it owns or coordinates.  Shared by the JSON routes the pages call.

A task's flags are computed here: ``unowned`` (no owner) and ``overdue`` on a date, by the
rule of the overdue audit (``queries/audit.cypher``): a deadline (``YYYY``, ``YYYY-Qn``,
``YYYY-MM``, ``YYYY-MM-DD``) is due at the end of its period, a recurring task never.
"""

from __future__ import annotations

import re
from datetime import date
from typing import Any

from policykg.core.errors import ReferenceNotFound
from policykg.queries.catalog import load_catalog
from policykg.queries.documents import get_document
from policykg.queries.public import public_properties
from policykg.queries.store import GraphStore

_DEADLINE = re.compile(r"^\d{4}(?:-Q[1-4]|-\d{2}(?:-\d{2})?)?$")
_QUARTER_END = {"1": "03", "2": "06", "3": "09", "4": "12"}


def _run(store: GraphStore, name: str, **params: Any) -> list[dict[str, Any]]:
    """The named query's rows as a client may see them (a public ``source_file``)."""
    query = load_catalog(store.engine)[name]
    return [public_properties(row) for row in store.read(query.text, query.arguments(params))]


def is_overdue(deadline: str | None, recurring: bool, as_of: date) -> bool:
    """The overdue audit's rule: the deadline's period ended before ``as_of``."""
    if not deadline or recurring or not _DEADLINE.match(deadline):
        return False
    end = deadline
    if "-Q" in deadline:
        end = f"{deadline[:4]}-{_QUARTER_END[deadline[-1]]}"
    return end < as_of.isoformat()[:len(end)]


def document_tasks(store: GraphStore, doc_id: str, as_of: date) -> list[dict[str, Any]]:
    """The document's tasks in order, each with owners, coordinators and its flags."""
    get_document(store, doc_id)  # 404 for an unknown id
    rows = _run(store, "document_tasks", id=doc_id)
    for row in rows:
        row["unowned"] = not row["owners"]
        row["overdue"] = is_overdue(row["deadline"], bool(row["recurring"]), as_of)
    return rows


def document_targets(store: GraphStore, doc_id: str) -> list[dict[str, Any]]:
    get_document(store, doc_id)
    return _run(store, "document_targets", id=doc_id)


def document_references(store: GraphStore, doc_id: str) -> dict[str, list[dict[str, Any]]]:
    """What the document cites (with the relations it states) and what cites it."""
    get_document(store, doc_id)
    cites = _run(store, "document_references", id=doc_id)
    for row in cites:
        row["relations"] = sorted({t.lower() for t in row["relations"]})
    return {"cites": cites, "cited_by": _run(store, "document_cited_by", id=doc_id)}


def body(store: GraphStore, body_id: str) -> dict[str, Any]:
    rows = _run(store, "body", id=body_id)
    if not rows:
        raise ReferenceNotFound(body_id, f"no body with id {body_id!r}")
    return rows[0]


def body_tasks(store: GraphStore, body_id: str, as_of: date) -> list[dict[str, Any]]:
    """The tasks the body owns or coordinates, owned first, by deadline."""
    body(store, body_id)
    rows = _run(store, "body_tasks", id=body_id)
    for row in rows:
        row["overdue"] = is_overdue(row["deadline"], bool(row["recurring"]), as_of)
    return rows
