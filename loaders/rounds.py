"""Which documents of a batch can be written together, in one transaction, as loading
them one after the other would write them (pure).

A batch's documents are resolved against one read of the graph
(:class:`~policykg.loaders.batch_index.BatchIndex`) and written by statements that each
take the rows of all of them (:mod:`policykg.loaders.writer`).  That is what loading
them one by one does as long as no document reads or writes what an earlier one of the
same write changes.  What a document reads or writes is named by keys — the (scope,
number key) of every document it is or cites, its own id, its source file, the terms
of its citations by name (an unnumbered document is found by its source, a resolution
cited by name by its term); what it changes is the keys of
the documents its rows change: itself, and the cited documents its citation rows
create or complete.  A citation row of a document the graph already holds with every
fact that row knows changes nothing (:func:`settled`), and is left out of the write: so
documents that cite the same resolution, already loaded or cited before, are written
together.  A document that adopts an undated stub changes all it touches.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from policykg.core.vntext import fold
from policykg.loaders.batch_index import BatchIndex, cited_numbers
from policykg.loaders.rows import CITATION_PROPS, DocumentRows, Row
from policykg.ontology.records import DocumentKind, Extraction, NamedCitation
from policykg.queries.public import public_source

Key = tuple[str, Any]
_ADOPTS: Key = ("adopts", None)  # a document of the write adopts a stub


def settled(row: Row, known: Mapping[str, Any] | None) -> bool:
    """Whether the citation ``row`` changes nothing of the ``known`` document of its id:
    ``merge_cited`` completes only the citation facts it lacks."""
    return known is not None and all(
        known.get(k) is not None or row["props"].get(k) is None for k in CITATION_PROPS)


def subject_words(citation: NamedCitation) -> set[str]:
    """The words of a resolution cited by name that its title must hold."""
    return set(fold(citation.subject or "").split()) - {"ve"}


def reads(extraction: Extraction) -> set[Key]:
    """What preparing and writing ``extraction`` reads or writes, by key: a citation by
    name with a subject reads only the titled resolutions of its term (no other fits)."""
    found: set[Key] = {("number", n) for n in cited_numbers(extraction)}
    found.add(("source", public_source(extraction.source)))
    found |= {("titled term" if subject_words(c) else "term", c.term)
              for c in extraction.named_citations}
    return found


def changes(index: BatchIndex, extraction: Extraction, rows: DocumentRows,
            adopts: bool) -> set[Key]:
    """What writing ``rows`` changes, by key; every key it touches if it ``adopts``."""
    found: set[Key] = {("id", rows.id), ("source", public_source(extraction.source))}
    found |= _keys(rows.document, index.document(rows.id))
    for row in rows.cited:
        known = index.document(row["id"])
        if not settled(row, known):
            found |= {("id", row["id"]), *_keys(row["props"], known)}
    if adopts:
        found |= reads(extraction) | {_ADOPTS}
    return found


def _keys(written: Mapping[str, Any], known: Mapping[str, Any] | None) -> set[Key]:
    """The keys of a document ``known`` (if the graph holds it) that ``written`` changes:
    its numbers, and its terms if it may be a central resolution after the write (its
    titled terms if it has a title)."""
    docs = [written, *([known] if known is not None else [])]
    keys: set[Key] = {("number", (scope, key)) for scope in {d.get("scope") for d in docs}
                      for key in {d.get("number_key") for d in docs} if key is not None}
    central = (any(d.get("scope") in (None, "tw") for d in docs)
               and any(d.get("kind") in (None, DocumentKind.NghiQuyet.value) for d in docs))
    if central:
        titled = any(d.get("title") is not None for d in docs)
        for d in docs:
            if d.get("term") is not None:
                keys |= {("term", d["term"]), *([("titled term", d["term"])] if titled else [])}
    return keys


@dataclass
class Round:
    """The documents of one write, and what they change."""

    ids: set[str] = field(default_factory=set)
    changed: set[Key] = field(default_factory=set)

    def admits(self, extraction: Extraction, own_id: str) -> bool:
        """Whether ``extraction`` (its id ``own_id``) reads nothing this write changes."""
        touched = reads(extraction) | {("id", own_id)}
        if _ADOPTS in self.changed and any(("term", c.term) in touched
                                           for c in extraction.named_citations):
            return False  # an adopted stub is gone: it fitted a citation without subject
        return own_id not in self.ids and not touched & self.changed

    def add(self, own_id: str, changed: set[Key]) -> None:
        self.ids.add(own_id)
        self.changed |= changed
