"""Human references to documents: "69-KL/TW", "KL 69", "Kết luận 69", "ket luan 69".

:func:`parse_reference` (pure) reads what the user typed; :func:`find_documents`
asks the store for the documents it may name; :func:`resolve_document` returns
the one id or raises — an ambiguous reference is reported with its candidates,
never guessed.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from policykg.core.errors import AmbiguousReference, InvalidNumber, ReferenceNotFound
from policykg.core.vntext import fold
from policykg.ontology.identity import KIND_BY_CODE, parse_number
from policykg.ontology.records import KIND_NAMES_VI, DocumentKind
from policykg.queries.catalog import load_catalog
from policykg.queries.store import GraphStore

_ID = re.compile(r"^[a-z0-9-]+:(?:\d{4}|undated):[a-z0-9-]+$")
_YEAR = re.compile(r"(?:@|\bnam\s+|\(\s*)((?:19|20)\d\d)\s*\)?\s*$")
_KIND_WORDS = sorted(
    [(fold(name), kind) for kind, name in KIND_NAMES_VI.items() if kind is not DocumentKind.Other]
    + [(fold(code), kind) for code, kind in KIND_BY_CODE.items()]
    + [("chuong trinh hanh dong", DocumentKind.ChuongTrinh), ("ctrhd", DocumentKind.ChuongTrinh)],
    key=lambda pair: -len(pair[0]),
)


@dataclass(frozen=True)
class ReferenceQuery:
    """What a human reference says: an id, a number, or a kind and a sequence number."""

    text: str
    id: str | None = None
    number: str | None = None
    kind: DocumentKind | None = None
    seq: str | None = None
    year: int | None = None


def parse_reference(text: str) -> ReferenceQuery:
    """Parse ``text``; raise :class:`ReferenceNotFound` if it names no document at all."""
    raw = text.strip()
    if _ID.match(raw):
        return ReferenceQuery(raw, id=raw)
    folded = fold(raw)
    year = None
    m = _YEAR.search(folded) or _YEAR.search(raw)
    if m:
        year = int(m.group(1))
        raw = raw[: raw.rfind(m.group(1))].rstrip(" @(năm")
        folded = fold(raw)
    try:
        parsed = parse_number(raw)
    except InvalidNumber:
        parsed = None
    if parsed is not None:
        return ReferenceQuery(text, number=parsed.text, kind=parsed.kind, seq=parsed.seq,
                              year=year or parsed.year)
    folded = re.sub(r"\bso\b", " ", folded)
    compact = re.sub(r"([a-z])(\d)", r"\1 \2", folded)
    for words, kind in _KIND_WORDS:
        hit = re.match(rf"^{re.escape(words)}\s+(\d+[a-z]?)\b(.*)$", compact)
        if hit:
            return ReferenceQuery(text, kind=kind, seq=hit.group(1), year=year)
    raise ReferenceNotFound(
        text, f"cannot read {text!r} as a document reference "
        "(try an id, a number such as 69-KL/TW, or 'Kết luận 69')"
    )


def find_documents(store: GraphStore, ref: ReferenceQuery) -> list[dict[str, Any]]:
    """Documents ``ref`` may name, as rows of the ``lookup`` named query."""
    query = load_catalog(store.engine)["lookup"]
    params = {
        "id": ref.id,
        "number": ref.number,
        "kind": ref.kind.value if ref.kind else None,
        "seq_party": f"{ref.seq}-" if ref.seq else None,
        "seq_state": f"{ref.seq}/" if ref.seq else None,
        "year": ref.year,
    }
    return store.read(query.text, params)


def resolve_document(store: GraphStore, text: str) -> str:
    """The id of the one document ``text`` names."""
    ref = parse_reference(text)
    rows = find_documents(store, ref)
    # An undated stub of a number that a dated document of the same scope also
    # carries is a citation not yet merged into it, not a second document.
    dated = {(row["id"].split(":")[0], row["number"]) for row in rows if row["year"] is not None}
    ids: list[str] = sorted({
        str(row["id"]) for row in rows
        if row["year"] is not None or (row["id"].split(":")[0], row["number"]) not in dated
    })
    if not ids:
        raise ReferenceNotFound(text)
    if len(ids) > 1:
        raise AmbiguousReference(text, ids)
    return ids[0]
