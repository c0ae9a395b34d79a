"""Write routes (API key required): ``POST /documents`` loads a text, ``DELETE`` unloads one."""

from __future__ import annotations

import re
from typing import Annotated, Any

import yaml
from fastapi import APIRouter, Path, Query, Request
from fastapi.concurrency import run_in_threadpool
from fastapi.responses import JSONResponse

from api.analyst_models import DeleteOut, UploadOut
from api.deps import Store
from api.errors import ErrorResponse, error_response
from api.multipart import Part, parse_form
from api.security import WriteKey
from loaders.clean import clean_text
from loaders.extract import extract
from loaders.load import load_extraction
from loaders.sidecar import Sidecar, parse_sidecar
from loaders.unload import NotLoaded, unload_document
from policykg.errors import InputError
from queries.store import GraphStore

router = APIRouter(tags=["writes"])
UPLOAD_DIR = "upload"
_AUTH: dict[int | str, dict[str, Any]] = {
    401: {"model": ErrorResponse, "description": "No API key"},
    403: {"model": ErrorResponse, "description": "Wrong API key, or writes disabled"},
}
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


class _Unsupported(InputError):
    """An upload that is not text."""


def _text(part: Part) -> str:
    if not part.content_type.startswith("text/"):
        raise _Unsupported(f"the file must be text (text/plain), not {part.content_type}")
    try:
        text = part.data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise InputError(f"the file is not UTF-8: byte {exc.start} cannot be decoded") from exc
    if "\x00" in text:
        raise _Unsupported("the file is binary (it holds NUL bytes), not text")
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
          validate: bool) -> UploadOut:
    result = load_extraction(store, extract(clean_text(text), source, sidecar=sidecar))
    report = None
    if validate:
        from policykg.validate import validate_store

        report = validate_store(store, document=result.document_id).to_json()
    return UploadOut(id=result.document_id, source=result.source, references=result.references,
                     tasks=result.tasks, targets=result.targets,
                     warnings=list(result.warnings), validation=report)


@router.post("/documents", status_code=201, response_model=UploadOut, dependencies=[WriteKey],
             openapi_extra=_FORM, responses={
                 **_AUTH,
                 400: {"model": ErrorResponse, "description": "Not UTF-8, empty, or a bad "
                       "sidecar"},
                 413: {"model": ErrorResponse, "description": "Over POLICYKG_MAX_UPLOAD_BYTES"},
                 415: {"model": ErrorResponse, "description": "Not a multipart form, or the "
                       "file is not text"}})
async def upload_document(
    request: Request, store: Store,
    validate: Annotated[bool, Query(description="Validate the document's subgraph "
                                    "against the SHACL shapes")] = True,
) -> UploadOut | JSONResponse:
    """Extract a document from its text (and optional sidecar) and load it.

    Returns its id, counts, warnings and the validation report.
    """
    content_type = request.headers.get("content-type", "")
    if not content_type.lower().startswith("multipart/form-data"):
        return error_response(415, "send a multipart/form-data form with a 'file' part",
                              code="unsupported_media_type")
    try:
        parts = parse_form(content_type, await request.body())
        if "file" not in parts:
            raise InputError("the form has no 'file' part")
        text = _text(parts["file"])
        sidecar = _sidecar(parts.get("sidecar"))
    except _Unsupported as exc:
        return error_response(415, str(exc), code="unsupported_media_type")
    if not text.strip():
        return error_response(400, "the file is empty")
    name = re.sub(r"[^\w.-]+", "_", parts["file"].filename or "document.txt")
    return await run_in_threadpool(_load, store, text, f"{UPLOAD_DIR}/{name}", sidecar,
                                   validate)


@router.delete("/documents/{doc_id}", response_model=DeleteOut, dependencies=[WriteKey],
               responses={**_AUTH,
                          404: {"model": ErrorResponse, "description": "No such document"},
                          409: {"model": ErrorResponse, "description": "A stub: cited, "
                                "never loaded"}})
def delete_document(
    store: Store,
    doc_id: Annotated[str, Path(description="Document id", examples=["tw:2024:69-kl-tw"])],
) -> DeleteOut | JSONResponse:
    """Unload a document: its tasks, targets and assertions go; it stays as a stub if other
    documents cite it."""
    try:
        outcome = unload_document(store, doc_id)
    except NotLoaded as exc:
        return error_response(409, str(exc), code="stub")
    return DeleteOut(id=doc_id, outcome=outcome)
