"""What the graph holds of the documents a batch's resolution asks about, read once for
the batch.

:class:`BatchIndex` reads, through the indexes, every document of every (scope, number)
the batch's documents are or cite, the central resolutions of every term their
citations by name give, the unnumbered documents of their source files, and every
document whose id their own ids and dated or undated citations make, with all their
properties: the candidates undated citations may name, and what a batch's writes would
change (see :mod:`policykg.loaders.rounds`).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

from policykg.loaders.resolve import Candidate, reference_scope
from policykg.loaders.rows import own_document_id
from policykg.ontology.identity import document_id, document_scope, number_key
from policykg.ontology.records import DocumentKind, Extraction
from policykg.queries.catalog import load_catalog
from policykg.queries.public import public_source
from policykg.queries.store import GraphStore

Props = dict[str, Any]


def cited_numbers(extraction: Extraction) -> set[tuple[str, str]]:
    """The (scope, number key) of the document and of every document it cites."""
    h = extraction.document
    found = {(reference_scope(ref, h.province), number_key(ref.number))
             for ref in extraction.references}
    if h.number:
        found.add((document_scope(h.number, h.province), number_key(h.number)))
    return found


def _ids_made(extraction: Extraction) -> set[str]:
    """The ids the document's own id and its citations give without asking the graph."""
    h = extraction.document
    ids = {own_document_id(extraction)}
    for ref in extraction.references:
        scope = reference_scope(ref, h.province)
        year = ref.issued.year if ref.issued else ref.year
        ids.add(document_id(scope=scope, year=None, number=ref.number))
        if year is not None:
            ids.add(document_id(scope=scope, year=year, number=ref.number))
    return ids


class BatchIndex:
    """The documents a batch's resolution asks about, as the graph holds them."""

    def __init__(self, store: GraphStore, extractions: Sequence[Extraction]) -> None:
        catalog = load_catalog(store.engine)
        ids = {i for e in extractions for i in _ids_made(e)}
        keys = sorted({key for e in extractions for key in cited_numbers(e)})
        if keys:
            ids.update(r["id"] for r in store.read(
                catalog["documents_numbered"].text,
                {"rows": [{"scope": s, "key": k} for s, k in keys]}))
        terms = sorted({c.term for e in extractions for c in e.named_citations})
        if terms:
            ids.update(r["id"] for r in store.read(catalog["documents_of_terms"].text,
                                                   {"terms": terms}))
        sources = sorted({public_source(e.source) for e in extractions
                          if e.document.number is None})
        if sources:
            ids.update(r["id"] for r in store.read(catalog["unnumbered_of_sources"].text,
                                                   {"sources": sources}))
        self._docs: dict[str, Props] = {}
        if ids:
            for r in store.read(catalog["documents_by_ids"].text, {"ids": sorted(ids)}):
                self._docs[r["props"]["id"]] = r["props"]
        # the three lookups, as the queries above filter (documents_numbered, …_of_terms,
        # unnumbered_of_sources), over the documents read
        self._numbered: dict[tuple[Any, Any], list[Candidate]] = {}
        self._of_term: dict[Any, list[tuple[str, str | None]]] = {}
        self._of_source: dict[Any, list[str]] = {}
        for d in self._docs.values():
            key = (d.get("scope"), d.get("number_key"))
            self._numbered.setdefault(key, []).append(Candidate(d["id"], d.get("year")))
            if d.get("scope") == "tw" and d.get("kind") == DocumentKind.NghiQuyet.value:
                self._of_term.setdefault(d.get("term"), []).append((d["id"], d.get("title")))
            if d.get("number") is None and d.get("stub") is False:
                self._of_source.setdefault(d.get("source_file"), []).append(d["id"])

    def numbered(self, scope: str, number: str) -> list[Candidate]:
        """The documents of ``scope`` whose number is ``number``, ignoring case."""
        return self._numbered.get((scope, number_key(number)), [])

    def of_term(self, term: str) -> list[tuple[str, str | None]]:
        """(id, title) of the central resolutions of ``term``."""
        return self._of_term.get(term, [])

    def of_source(self, source: str) -> list[str]:
        """Ids of the unnumbered documents loaded from ``source`` (as stored)."""
        return self._of_source.get(source, [])

    def document(self, doc_id: str) -> Mapping[str, Any] | None:
        """The properties of the document ``doc_id`` as the graph holds it, if it does."""
        return self._docs.get(doc_id)
