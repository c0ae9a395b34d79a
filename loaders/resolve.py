"""Resolve a cited document to a canonical id (pure).

A citation that states its date (or whose year the batch being loaded gives)
yields its id directly.  An undated one
("Nghị quyết số 20-NQ/TW của Ban Chấp hành Trung ương (khóa XI)") is matched
against the documents already known with that scope and number (passed in as
:class:`Candidate` rows, read from the graph by the caller):

1. candidates newer than the citing document are dropped;
2. a stated term (khóa) keeps the candidates issued during that term;
3. exactly one candidate left → resolved; none known at all → a stub with an
   ``undated`` id ("unresolved"); several → "ambiguous", never guessed.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

from policykg.ontology.identity import document_id, document_scope
from policykg.ontology.records import Reference

Resolution = Literal["resolved", "unresolved", "ambiguous"]

# Terms (khóa) of the Party Central Committee, by the years their congresses opened.
_TERM_START = {"VIII": 1996, "IX": 2001, "X": 2006, "XI": 2011, "XII": 2016, "XIII": 2021,
               "XIV": 2026, "XV": 2031}


def term_years(term: str | None) -> range | None:
    """Years a central term spans (``"XI"`` → 2011‥2016), ``None`` if unknown."""
    if term is None or term.upper() not in _TERM_START:
        return None
    start = _TERM_START[term.upper()]
    return range(start, start + 6)


@dataclass(frozen=True)
class Candidate:
    """A known document that a citation may name."""

    id: str
    year: int | None


@dataclass(frozen=True)
class ResolvedReference:
    """Where a citation points, and how sure that is."""

    id: str
    resolution: Resolution
    candidates: tuple[str, ...] = ()


def reference_scope(ref: Reference, citing_province: str | None) -> str:
    """Issuing scope of a cited document: national code, else the citing province."""
    return ref.scope or document_scope(ref.number, citing_province)


def resolve_reference(
    ref: Reference,
    *,
    citing_province: str | None,
    citing_year: int | None,
    candidates: list[Candidate],
) -> ResolvedReference:
    """Canonical id for ``ref`` given the known documents with its scope and number."""
    scope = reference_scope(ref, citing_province)
    known_year = ref.issued.year if ref.issued else ref.year
    if known_year is not None:
        return ResolvedReference(
            document_id(scope=scope, year=known_year, number=ref.number), "resolved"
        )
    dated = [c for c in candidates if c.year is not None]
    if citing_year is not None:
        dated = [c for c in dated if c.year is not None and c.year <= citing_year]
    years = term_years(ref.term)
    if years is not None:
        dated = [c for c in dated if c.year in years]
    ids = sorted({c.id for c in dated})
    if len(ids) == 1:
        return ResolvedReference(ids[0], "resolved")
    undated = document_id(scope=scope, year=None, number=ref.number)
    if ids:
        return ResolvedReference(undated, "ambiguous", tuple(ids))
    return ResolvedReference(undated, "unresolved")
