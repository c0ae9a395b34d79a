"""Write routes (API key required): ``POST /documents`` loads a text, ``DELETE`` unloads one.

An upload goes through :func:`policykg.loaders.load.load_text`, the function
``policykg load`` uses for files, with the same guarantee: validated before it is
written (``on_violation=reject`` refuses a document with a Violation and writes
nothing; ``warn``, the default, writes it and returns the findings), one transaction.
"""

from __future__ import annotations

import re
from typing import Annotated, Literal

import yaml
from fastapi import APIRouter, Path, Query, Request
from fastapi.concurrency import run_in_threadpool

from policykg.api.deps import Store
from policykg.api.errors import responses
from policykg.api.models import DeleteOut, UploadOut
from policykg.api.multipart import Part, parse_form
from policykg.api.security import WriteKey
from policykg.core.errors import InputError, UnsupportedMedia
from policykg.loaders.load import OnViolation, load_text
from policykg.loaders.sidecar import Sidecar, parse_sidecar
from policykg.loaders.unload import unload_document
from policykg.ontology.validation import ValidationReport
from policykg.queries.store import GraphStore
from policykg.queries.validation import ValidationRun, focus_names

router = APIRouter(tags=["writes"])
UPLOAD_DIR = "upload"
_FORM = {"requestBody": {"required": True, "content": {"multipart/form-data": {
    "schema": {"type": "object", "required": ["file"], "properties": {
        "file": {"type": "string", "format": "binary",
                 "description": "The document's text, UTF-8 (text/plain)"},
        "sidecar": {"type": "string", "format": "binary",
                    "description": "Optional metadata, YAML or JSON, as in a .meta.yaml "
                    "sidecar (kind, number, issued, issuer, province, signer, title, term, "
                    "implements)"}}},
    "encoding": {"file": {"contentType": "text/plain"}},
    "examples": {"plan": {"summary": "a provincial plan and its sidecar", "value": {
        "file": "TỈNH ỦY KON TUM\nSố 15-KH/TU …",
        "sidecar": "kind: KeHoach\nimplements: [69-KL/TW@2024]\n"}}}}}}}


def _text(part: Part) -> str:
    if not part.content_type.startswith("text/"):
        raise UnsupportedMedia(f"the file must be text (text/plain), not {part.content_type}")
    try:
        text = part.data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise InputError(f"the file is not UTF-8: byte {exc.start} cannot be decoded") from exc
    if "\x00" in text:
        raise UnsupportedMedia("the file is binary (it holds NUL bytes), not text")
    if not text.strip():
        raise InputError("the file is empty")
    return text


def _sidecar(part: Part | None) -> Sidecar | None:
    if part is None:
        return None
    try:
        data = yaml.safe_load(part.data.decode("utf-8"))
    except (UnicodeDecodeError, yaml.YAMLError) as exc:
        raise InputError(f"the sidecar is not UTF-8 YAML or JSON: {exc}") from exc
    return parse_sidecar(data, "sidecar")


def _load(store: GraphStore, text: str, source: str, sidecar: Sidecar | None,
          on_violation: OnViolation | None) -> UploadOut:
    result = load_text(store, text, source, sidecar, on_violation)
    report = None
    if on_violation is not None:
        found = ValidationReport(
            conforms=not any(f.severity == "Violation" for f in result.findings),
            findings=result.findings)
        names = focus_names(store, {f.focus for f in result.findings})
        report = ValidationRun(found, names, None, "graph" if store.engine == "falkordb"
                               else "shacl").to_json()  # the engine precheck chose
    return UploadOut(id=result.document_id, source=result.source, references=result.references,
                     tasks=result.tasks, targets=result.targets,
                     warnings=list(result.warnings), validation=report)


@router.post("/documents", status_code=201, response_model=UploadOut, dependencies=[WriteKey],
             openapi_extra=_FORM, responses=responses(400, 401, 403, 413, 415, 422, 503))
async def upload_document(
    request: Request, store: Store,
    validate: Annotated[bool, Query(description="Validate the document's subgraph against "
                                    "the SHACL shapes before it is written")] = True,
    on_violation: Annotated[Literal["reject", "warn"], Query(
        description="reject: a document with a Violation is not stored (422, the findings "
        "in details); warn: it is stored and the findings returned")] = "warn",
) -> UploadOut:
    """Extract a document from its text (and optional sidecar) and load it.

    Returns its id, counts, warnings and the validation report of its own nodes.
    """
    content_type = request.headers.get("content-type", "")
    if not content_type.lower().startswith("multipart/form-data"):
        raise UnsupportedMedia("send a multipart/form-data form with a 'file' part")
    body = await request.body()
    # parsing the form, the text and the sidecar, then loading, all off the event loop:
    # a large form or sidecar no longer holds /health
    return await run_in_threadpool(_parse_and_load, store, content_type, body,
                                   on_violation if validate else None)


def _parse_and_load(store: GraphStore, content_type: str, body: bytes,
                    on_violation: OnViolation | None) -> UploadOut:
    parts = parse_form(content_type, body)
    if "file" not in parts:
        raise InputError("the form has no 'file' part")
    text = _text(parts["file"])
    sidecar = _sidecar(parts.get("sidecar"))
    name = re.sub(r"[^\w.-]+", "_", parts["file"].filename or "document.txt")
    return _load(store, text, f"{UPLOAD_DIR}/{name}", sidecar, on_violation)


@router.delete("/documents/{doc_id}", response_model=DeleteOut, dependencies=[WriteKey],
               responses=responses(401, 403, 404, 409, 503))
def delete_document(
    store: Store,
    doc_id: Annotated[str, Path(description="Document id", examples=["tw:2024:69-kl-tw"])],
) -> DeleteOut:
    """Unload a document: its tasks, targets and assertions go; it stays as a stub if other
    documents cite it."""
    return DeleteOut(id=doc_id, outcome=unload_document(store, doc_id))
