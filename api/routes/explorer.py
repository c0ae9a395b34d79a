"""JSON routes the explorer's pages read, beside the resource routes.

    GET /documents/{id}/tasks?as_of=     the tasks a document assigns, with flags
    GET /documents/{id}/targets          the targets it sets
    GET /documents/{id}/references       what it cites, and what cites it
    GET /documents/{id}/subgraph         its subgraph: JSON, CSV (edges) or Turtle
    GET /documents/{id}/source           the text its spans point into, when the server
                                         holds it (a file of the corpus folder, unchanged)
    GET /bodies/{id}                     one body
    GET /bodies/{id}/tasks?as_of=        the tasks a body owns or coordinates
"""

from __future__ import annotations

import csv
import hashlib
import io
import json
from datetime import date
from pathlib import Path as FilePath
from typing import Annotated, Literal

from fastapi import APIRouter, Path, Query
from fastapi.responses import Response

from policykg.api.deps import AppSettings, Store
from policykg.api.errors import responses
from policykg.api.explorer_models import (
    BodyOut,
    BodyTask,
    BodyTaskList,
    CitedDocument,
    CitingDocument,
    DocumentTarget,
    DocumentTargetList,
    DocumentTask,
    DocumentTaskList,
    ReferencesOut,
    SourceOut,
)
from policykg.core.errors import ReferenceNotFound, SourceError
from policykg.loaders.sources import read_source
from policykg.ontology.rdf import to_rdf
from policykg.queries import explorer
from policykg.queries.documents import get_document
from policykg.queries.export import document_slice

router = APIRouter(tags=["explorer"])

DocId = Annotated[str, Path(max_length=1000, description="Document id, e.g. tw:2024:69-kl-tw")]
BodyId = Annotated[str, Path(max_length=1000, description="Body id")]
AsOf = Annotated[date | None, Query(description="YYYY-MM-DD for the overdue flag; "
                                    "default today")]


@router.get("/documents/{doc_id}/tasks", response_model=DocumentTaskList,
            responses=responses(404, 503))
def document_tasks(store: Store, doc_id: DocId, as_of: AsOf = None) -> DocumentTaskList:
    """The tasks the document assigns, in document order: owners, coordinators, deadline,
    where each was read, and the unowned and overdue flags."""
    rows = explorer.document_tasks(store, doc_id, as_of or date.today())
    return DocumentTaskList(data=[DocumentTask(**r) for r in rows], count=len(rows))


@router.get("/documents/{doc_id}/targets", response_model=DocumentTargetList,
            responses=responses(404, 503))
def document_targets(store: Store, doc_id: DocId) -> DocumentTargetList:
    """The targets the document sets."""
    rows = explorer.document_targets(store, doc_id)
    return DocumentTargetList(data=[DocumentTarget(**r) for r in rows], count=len(rows))


@router.get("/documents/{doc_id}/references", response_model=ReferencesOut,
            responses=responses(404, 503))
def document_references(store: Store, doc_id: DocId) -> ReferencesOut:
    """What the document cites (with the relations it states towards each) and the
    documents that cite it."""
    found = explorer.document_references(store, doc_id)
    return ReferencesOut(id=doc_id, cites=[CitedDocument(**r) for r in found["cites"]],
                         cited_by=[CitingDocument(**r) for r in found["cited_by"]])


@router.get("/documents/{doc_id}/subgraph", responses={
    200: {"content": {"application/json": {}, "text/csv": {}, "text/turtle": {}},
          "description": "The document's subgraph"}, **responses(404, 503)})
def document_subgraph(
    store: Store, doc_id: DocId,
    format: Annotated[Literal["json", "csv", "turtle"], Query(
        description="json: {nodes, relationships}; csv: one relationship a row; "
        "turtle: RDF in the ontology's terms")] = "json",
) -> Response:
    """The document, its tasks and targets, the bodies and documents they point to, and
    the edges among them (the slice the per-document validation checks)."""
    nodes, rels = document_slice(store, doc_id)
    if not nodes:
        raise ReferenceNotFound(doc_id, f"no document with id {doc_id!r}")
    name = doc_id.replace(":", "_")
    if format == "turtle":
        return Response(to_rdf(nodes, rels).serialize(format="turtle"),
                        media_type="text/turtle",
                        headers={"Content-Disposition": f'attachment; filename="{name}.ttl"'})
    if format == "csv":
        out = io.StringIO()
        writer = csv.writer(out)
        writer.writerow(["source", "type", "target", "target_label"])
        labels = {props.get("id"): label for label, props in nodes}
        for rel_type, source, target, _ in rels:
            writer.writerow([source, rel_type, target, labels.get(target, "")])
        return Response("\ufeff" + out.getvalue(), media_type="text/csv; charset=utf-8",
                        headers={"Content-Disposition": f'attachment; filename="{name}.csv"'})
    body = {"id": doc_id,
            "nodes": [{"label": label, "properties": props} for label, props in nodes],
            "relationships": [{"type": t, "source": s, "target": e, "properties": p}
                              for t, s, e, p in rels]}
    return Response(json.dumps(body, ensure_ascii=False, default=str),
                    media_type="application/json",
                    headers={"Content-Disposition": f'attachment; filename="{name}.json"'})


@router.get("/documents/{doc_id}/source", response_model=SourceOut,
            responses=responses(404, 503))
def document_source(store: Store, settings: AppSettings, doc_id: DocId) -> SourceOut:
    """The cleaned text the document was extracted from, which its tasks' and targets'
    spans point into — only for a file inside the corpus folder
    (``POLICYKG_CORPUS_DIR``) whose text is still the one loaded (same SHA-256);
    otherwise 404, and the server reads no other file."""
    doc = get_document(store, doc_id)
    unavailable = ReferenceNotFound(doc_id, f"the source text of {doc_id!r} is not available")
    source, digest = doc.get("source_file"), doc.get("sha256")
    if not source or not digest:
        raise unavailable
    path = FilePath(source).resolve()
    if not path.is_relative_to(settings.corpus_dir.resolve()) or not path.is_file():
        raise unavailable
    try:
        text = read_source(path)
    except SourceError:
        raise unavailable from None
    if hashlib.sha256(text.encode("utf-8")).hexdigest() != digest:
        raise unavailable
    return SourceOut(id=doc_id, source_file=source, sha256=digest, text=text)


@router.get("/bodies/{body_id}", response_model=BodyOut, responses=responses(404, 503))
def get_body(store: Store, body_id: BodyId) -> BodyOut:
    """One body: name, scope, aliases, the committee it is part of and its parts."""
    return BodyOut(**explorer.body(store, body_id))


@router.get("/bodies/{body_id}/tasks", response_model=BodyTaskList,
            responses=responses(404, 503))
def body_tasks(store: Store, body_id: BodyId, as_of: AsOf = None) -> BodyTaskList:
    """The tasks the body owns or coordinates, across documents and provinces."""
    rows = explorer.body_tasks(store, body_id, as_of or date.today())
    return BodyTaskList(data=[BodyTask(**r) for r in rows], count=len(rows))
