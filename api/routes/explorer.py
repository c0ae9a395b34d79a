"""JSON routes the explorer's pages read, beside the resource routes.

    GET /documents/{ref}/tasks?as_of=    the tasks a document assigns, with flags
    GET /documents/{ref}/targets         the targets it sets
    GET /documents/{ref}/references      what it cites, and what cites it
    GET /documents/{ref}/subgraph        its subgraph: JSON, CSV (edges) or Turtle
    GET /documents/{ref}/source          the text its spans point into, when the server
                                         holds it (a file of the corpus folder, unchanged)
    GET /bodies/{id}                     one body
    GET /bodies/{id}/tasks?as_of=        the tasks a body owns or coordinates

``{ref}`` is anything ``/resolve`` takes (an id, "69-KL/TW", "KL 69"); what a response
shows of a node is what :mod:`policykg.queries.public` lets a client see.
"""

from __future__ import annotations

import csv
import hashlib
import io
import json
from datetime import date
from typing import Annotated, Literal

from fastapi import APIRouter, Path, Query
from fastapi.responses import Response

from policykg.api.deps import AppSettings, DocRef, Store
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
from policykg.queries.lookup import resolve_document
from policykg.queries.public import public_properties, public_source

router = APIRouter(tags=["explorer"])

BodyId = Annotated[str, Path(max_length=1000, description="Body id",
                             examples=["bac-kan:ban-dan-van-tinh-uy"])]
AsOf = Annotated[date | None, Query(description="YYYY-MM-DD for the overdue flag; "
                                    "default today")]


@router.get("/documents/{doc_id:path}/tasks", response_model=DocumentTaskList,
            responses=responses(404, 409, 503))
def document_tasks(store: Store, doc_id: DocRef, as_of: AsOf = None) -> DocumentTaskList:
    """The tasks the document assigns, in document order: owners, coordinators, deadline,
    where each was read, and the unowned and overdue flags."""
    rows = explorer.document_tasks(store, resolve_document(store, doc_id),
                                   as_of or date.today())
    return DocumentTaskList(data=[DocumentTask(**r) for r in rows], count=len(rows))


@router.get("/documents/{doc_id:path}/targets", response_model=DocumentTargetList,
            responses=responses(404, 409, 503))
def document_targets(store: Store, doc_id: DocRef) -> DocumentTargetList:
    """The targets the document sets."""
    rows = explorer.document_targets(store, resolve_document(store, doc_id))
    return DocumentTargetList(data=[DocumentTarget(**r) for r in rows], count=len(rows))


@router.get("/documents/{doc_id:path}/references", response_model=ReferencesOut,
            responses=responses(404, 409, 503))
def document_references(store: Store, doc_id: DocRef) -> ReferencesOut:
    """What the document cites (with the relations it states towards each) and the
    documents that cite it."""
    doc_id = resolve_document(store, doc_id)
    found = explorer.document_references(store, doc_id)
    return ReferencesOut(id=doc_id, cites=[CitedDocument(**r) for r in found["cites"]],
                         cited_by=[CitingDocument(**r) for r in found["cited_by"]])


_SUBGRAPH_EXAMPLE = {
    "id": "kon-tum:undated:kh-9fdfd9a1",
    "nodes": [{"label": "Document", "properties": {
        "id": "kon-tum:undated:kh-9fdfd9a1", "kind": "KeHoach", "province": "Kon Tum",
        "source_file": "kon-tum_ke-hoach_kl69.txt"}},
        {"label": "Document", "properties": {"id": "tw:2024:69-kl-tw", "number": "69-KL/TW",
                                             "stub": True}}],
    "relationships": [{"type": "IMPLEMENTS", "source": "kon-tum:undated:kh-9fdfd9a1",
                       "target": "tw:2024:69-kl-tw", "properties": {
                           "asserted_by": ["kon-tum:undated:kh-9fdfd9a1"]}}]}


@router.get("/documents/{doc_id:path}/subgraph", responses={
    200: {"content": {
        "application/json": {"example": _SUBGRAPH_EXAMPLE},
        "text/csv": {"example": "source,type,target,target_label\r\nkon-tum:undated:"
                     "kh-9fdfd9a1,IMPLEMENTS,tw:2024:69-kl-tw,Document\r\n"},
        "text/turtle": {"example": "<https://w3id.org/policykg/id/document/kon-tum:undated:"
                        "kh-9fdfd9a1> a pkg:Document ; …"}},
          "description": "The document's subgraph"}, **responses(404, 409, 503)})
def document_subgraph(
    store: Store, doc_id: DocRef,
    format: Annotated[Literal["json", "csv", "turtle"], Query(
        description="json: {nodes, relationships}; csv: one relationship a row; "
        "turtle: RDF in the ontology's terms")] = "json",
) -> Response:
    """The document, its tasks and targets, the bodies and documents they point to, and
    the edges among them (the slice the per-document validation checks)."""
    doc_id = resolve_document(store, doc_id)
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
            "nodes": [{"label": label, "properties": public_properties(props)}
                      for label, props in nodes],
            "relationships": [{"type": t, "source": s, "target": e,
                               "properties": public_properties(p)} for t, s, e, p in rels]}
    return Response(json.dumps(body, ensure_ascii=False, default=str),
                    media_type="application/json",
                    headers={"Content-Disposition": f'attachment; filename="{name}.json"'})


@router.get("/documents/{doc_id:path}/source", response_model=SourceOut,
            responses=responses(404, 409, 503))
def document_source(store: Store, settings: AppSettings, doc_id: DocRef) -> SourceOut:
    """The cleaned text the document was extracted from, which its tasks' and targets'
    spans point into — only for a file inside the corpus folder
    (``POLICYKG_CORPUS_DIR``) whose text is still the one loaded (same SHA-256);
    otherwise 404, and the server reads no other file."""
    doc_id = resolve_document(store, doc_id)
    doc = get_document(store, doc_id)
    unavailable = ReferenceNotFound(doc_id, f"the source text of {doc_id!r} is not available")
    source, digest = doc.get("source_file"), doc.get("sha256")
    if not source or not digest:
        raise unavailable
    path = (settings.corpus_dir / source).resolve()  # stored relative to it
    if not path.is_relative_to(settings.corpus_dir.resolve()) or not path.is_file():
        raise unavailable
    try:
        text = read_source(path)
    except SourceError:
        raise unavailable from None
    if hashlib.sha256(text.encode("utf-8")).hexdigest() != digest:
        raise unavailable
    return SourceOut(id=doc_id, source_file=public_source(source), sha256=digest, text=text)


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
