"""Load documents into a graph store: extract, resolve citations, build rows, write.

This is the I/O edge of the loaders, and the one way documents get into the graph,
for the command line (:func:`load_files`) and the HTTP upload (:func:`load_text`)
alike.  Documents are loaded in :func:`batches`: the candidate documents that undated
citations may name (see :mod:`policykg.loaders.resolve`) and those that citations by
name may be are read once per batch (:class:`~policykg.loaders.batch_index.BatchIndex`),
through the indexes, and a batch is written in one transaction of ``UNWIND`` statements
(see :mod:`policykg.loaders.writer`) — in more than one where a document reads what an
earlier one of the batch changes (:mod:`policykg.loaders.rounds`), so that a batch
writes what loading its documents one after the other writes.
With ``on_violation`` the document's rows are validated first
(:mod:`policykg.loaders.precheck`): ``reject`` raises
:class:`~policykg.core.errors.DocumentRejected` and writes nothing; ``warn`` writes and
reports the findings in the result.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Literal

from policykg.core.errors import DocumentRejected, InputError, PolicyKGError
from policykg.core.vntext import fold
from policykg.loaders.batch import FileFailure, discover, extract_batch
from policykg.loaders.batch_index import BatchIndex
from policykg.loaders.clean import clean_text
from policykg.loaders.extract import extract
from policykg.loaders.precheck import precheck
from policykg.loaders.resolve import (
    ResolvedReference,
    reference_scope,
    resolve_reference,
)
from policykg.loaders.rounds import Round, changes, settled, subject_words
from policykg.loaders.rows import DocumentRows, Row, document_rows, own_document_id
from policykg.loaders.sidecar import Sidecar
from policykg.loaders.writer import Writes, adopt_stub_statements, write_documents
from policykg.ontology.identity import document_id, document_scope, number_key
from policykg.ontology.records import Extraction, NamedCitation
from policykg.ontology.validation import Finding
from policykg.queries.catalog import load_writes
from policykg.queries.public import public_source
from policykg.queries.store import GraphStore, Statement

OnViolation = Literal["reject", "warn"]


@dataclass(frozen=True)
class LoadResult:
    """What loading one document did."""

    source: str
    document_id: str
    references: int
    tasks: int
    targets: int
    warnings: tuple[str, ...]
    findings: tuple[Finding, ...] = ()  # load-time validation of the document's own nodes


def resolve_citations(
    index: BatchIndex, extraction: Extraction
) -> tuple[dict[str, ResolvedReference], list[str]]:
    """Canonical ids for every reference of ``extraction``, and warnings for the doubtful."""
    h = extraction.document
    citing_year = h.issued.year if h.issued else None
    resolved: dict[str, ResolvedReference] = {}
    warnings: list[str] = []
    for ref in extraction.references:
        candidates = (
            [] if ref.issued or ref.year else
            index.numbered(reference_scope(ref, h.province), ref.number)
        )
        target = resolve_reference(ref, citing_province=h.province, citing_year=citing_year,
                                   candidates=candidates)
        resolved[ref.key] = target
        if target.resolution == "ambiguous":
            warnings.append(f"{extraction.source}: citation of {ref.number} is ambiguous "
                            f"(may be {', '.join(target.candidates)}); kept as {target.id}")
        elif target.resolution == "unresolved":
            warnings.append(f"{extraction.source}: citation of {ref.number} has no date and "
                            f"matches no known document; kept as {target.id}")
    return resolved, warnings


def _numbers(extraction: Extraction, resolved: dict[str, ResolvedReference], *,
             dated_only: bool = False) -> set[tuple[str, str]]:
    """(scope, number) of the document, if dated, and of what it cites (with a date only,
    if ``dated_only``): the numbers whose undated stubs writing it may merge."""
    h = extraction.document
    numbers = {(document_scope(h.number, h.province), h.number)} if h.number and h.issued \
        else set()
    numbers |= {(resolved[ref.key].id.split(":", 1)[0], ref.number)
                for ref in extraction.references
                if not dated_only or ":undated:" not in resolved[ref.key].id}
    return numbers


def _adoptions(writes: Writes, extraction: Extraction,
               resolved: dict[str, ResolvedReference]) -> list[Statement]:
    """Merge ``undated`` stubs into dated documents, where unambiguous.

    An undated citation ("Nghị quyết số 20-NQ/TW", no date, nothing known) leaves a
    stub ``tw:undated:20-nq-tw``; once the graph holds one dated document of that scope
    and number — loaded, or cited with its date — and only one, the stub's edges move
    onto it.  Every number the document is or cites is checked, in the transaction
    that writes it: a loader writing the dated document and one writing the undated
    citation at the same time each see the other's write, whichever comes second.
    """
    keys: dict[str, Row] = {}
    for scope, number in _numbers(extraction, resolved):
        stub = document_id(scope=scope, year=None, number=number)
        keys.setdefault(stub, {"stub": stub, "scope": scope, "key": number_key(number)})
    return adopt_stub_statements(writes, list(keys.values()))


def _may_adopt(index: BatchIndex, extraction: Extraction,
               resolved: dict[str, ResolvedReference]) -> bool:
    """Whether the graph, as the batch read it, holds an undated stub of a number this
    document is or cites with a date: writing it may then move the stub's edges, which
    the documents after it would read (the move itself is decided in the write)."""
    return any(document_id(scope=scope, year=None, number=number) in
               {c.id for c in index.numbered(scope, number)}
               for scope, number in _numbers(extraction, resolved, dated_only=True))


_SUBJECT_FIT = 0.6  # of a named citation's subject words found in a candidate's title


def resolve_named(index: BatchIndex, extraction: Extraction
                  ) -> tuple[list[tuple[NamedCitation, str]], list[str]]:
    """The documents of the graph the resolutions cited by name are, where exactly one
    fits (same term, the subject in its title); warnings for the others."""
    found: list[tuple[NamedCitation, str]] = []
    warnings: list[str] = []
    for citation in extraction.named_citations:
        words = subject_words(citation)
        fits = sorted(doc_id for doc_id, title in index.of_term(citation.term)
                      if not words or (title and len(words & set(fold(title).split()))
                                       >= _SUBJECT_FIT * len(words)))
        if len(fits) == 1:
            found.append((citation, fits[0]))
        else:
            which = f"may be {', '.join(fits)}" if fits else "names no document the graph holds"
            warnings.append(f"{extraction.source}: '{citation.name}' {which}; not resolved")
    return found, warnings


def own_id_in_graph(index: BatchIndex, extraction: Extraction) -> tuple[str | None, list[str]]:
    """The id of the document of the graph this one is: for a numbered undated one (its
    date unreadable), the one dated document of its scope and number; for an unnumbered
    one, the one loaded from its source file before its title was edited; warnings."""
    h = extraction.document
    if h.number is None:
        return _same_source(index, extraction)
    if h.issued is not None:
        return None, []
    dated = sorted(c.id for c in index.numbered(document_scope(h.number, h.province),
                                                h.number) if c.year is not None)
    if len(dated) == 1:
        return dated[0], [f"{extraction.source}: {h.number} has no readable date; "
                          f"merged with the dated {dated[0]}"]
    if dated:
        return None, [f"{extraction.source}: {h.number} has no readable date and may be "
                      f"{', '.join(dated)}; kept apart, undated"]
    return None, []


def _same_source(index: BatchIndex, extraction: Extraction) -> tuple[str | None, list[str]]:
    """The id of the unnumbered document loaded from the same source file, of the same
    scope, year and kind, whose title was edited since (its id hashes the title), when
    there is exactly one; warnings."""
    own = own_document_id(extraction)
    prefix = own.rsplit("-", 1)[0] + "-"  # scope:year:kind-
    earlier = sorted(i for i in index.of_source(public_source(extraction.source))
                     if i.startswith(prefix) and i != own)
    if len(earlier) == 1:
        return earlier[0], [f"{extraction.source}: same source as {earlier[0]}, its title "
                            "edited; loaded as that document"]
    if earlier:
        return None, [f"{extraction.source}: same source as {', '.join(earlier)}; "
                      "kept apart"]
    return None, []


def _prepared(writes: Writes, index: BatchIndex, extraction: Extraction
              ) -> tuple[DocumentRows, list[str], list[Statement], bool]:
    """What loading one extracted document writes — its rows and the stubs it adopts —,
    the warnings of its resolution, and whether it may adopt a stub the graph holds."""
    resolved, warnings = resolve_citations(index, extraction)
    own_id, own_warnings = own_id_in_graph(index, extraction)
    named, named_warnings = resolve_named(index, extraction)
    rows = document_rows(extraction, resolved, own_id, named)
    return (rows, [*extraction.warnings, *warnings, *own_warnings, *named_warnings],
            _adoptions(writes, extraction, resolved),
            _may_adopt(index, extraction, resolved))


@dataclass(frozen=True)
class LoadFailure:
    """A file not loaded: it could not be extracted, or it was rejected."""

    source: str
    error: PolicyKGError  # an InputError, or DocumentRejected


def load_batch(store: GraphStore, extractions: Sequence[Extraction],
               on_violation: OnViolation | None = None) -> list[LoadResult | LoadFailure]:
    """Load documents as loading them one after the other would: their citations resolved
    against one :class:`BatchIndex`, validated together when ``on_violation`` is given
    (one pass of the checker, :func:`~policykg.loaders.precheck.precheck`), those not
    refused written in one transaction (each stored whole or not at all); an outcome per
    document.  Where a document reads what an earlier one changes
    (:mod:`policykg.loaders.rounds`), the documents before it are written first and the
    rest loaded after them.

    A document that cannot be stored (:class:`~policykg.core.errors.TooLarge`) is a
    failure of its own; the others are loaded."""
    outcomes: list[LoadResult | LoadFailure] = []
    while len(outcomes) < len(extractions):
        outcomes += _load_round(store, extractions[len(outcomes):], on_violation)
    return outcomes


def _load_round(store: GraphStore, extractions: Sequence[Extraction],
                on_violation: OnViolation | None) -> list[LoadResult | LoadFailure]:
    """Load the longest prefix of ``extractions`` (one document at least) that one write
    stores as one by one; an outcome for each of it."""
    writes = load_writes(store.engine)
    index = BatchIndex(store, extractions)
    prepared: list[tuple[Extraction, DocumentRows, list[str], list[Statement]]] = []
    refused: dict[int, LoadFailure] = {}  # by position in ``extractions``
    write_round = Round()
    for k, extraction in enumerate(extractions):
        try:
            rows, warnings, adopted, adopts = _prepared(writes, index, extraction)
        except InputError as exc:
            refused[k] = LoadFailure(extraction.source, exc)
            continue
        if k and not write_round.admits(extraction, rows.id):
            extractions = extractions[:k]
            break
        write_round.add(rows.id, changes(index, extraction, rows, adopts))
        prepared.append((extraction, rows, warnings, adopted))
    checked = (precheck(store, [rows for _, rows, _, _ in prepared])
               if on_violation is not None and prepared else [() for _ in prepared])
    outcomes: list[LoadResult | LoadFailure] = []
    batch: list[DocumentRows] = []
    adoptions: list[Statement] = []
    for (extraction, rows, warnings, adopted), findings in zip(prepared, checked, strict=True):
        while len(outcomes) in refused:
            outcomes.append(refused[len(outcomes)])
        violations = tuple(f for f in findings if f.severity == "Violation")
        if violations and on_violation == "reject":
            rejected = DocumentRejected(extraction.source, rows.id, violations)
            outcomes.append(LoadFailure(rejected.source, rejected))
            continue
        outcomes.append(LoadResult(source=extraction.source, document_id=rows.id,
                                   references=len(rows.cited), tasks=len(rows.tasks),
                                   targets=len(rows.targets), warnings=tuple(warnings),
                                   findings=findings))
        batch.append(replace(rows, cited=[row for row in rows.cited
                                          if not settled(row, index.document(row["id"]))]))
        adoptions += adopted
    while len(outcomes) in refused and len(outcomes) < len(extractions):
        outcomes.append(refused[len(outcomes)])
    if batch:
        write_documents(store, batch, adoptions)
    return outcomes


def load_extraction(store: GraphStore, extraction: Extraction,
                    on_violation: OnViolation | None = None) -> LoadResult:
    """Load one extracted document (a batch of one); raise
    :class:`~policykg.core.errors.DocumentRejected` if it is refused."""
    [outcome] = load_batch(store, [extraction], on_violation)
    if isinstance(outcome, LoadFailure):
        raise outcome.error
    return outcome


BATCH = 100  # documents at most per batch


def batches(items: Iterable[Extraction | FileFailure], size: int = BATCH
            ) -> Iterator[list[Extraction | FileFailure]]:
    """``items`` in order, cut into batches of at most ``size`` documents."""
    batch: list[Extraction | FileFailure] = []
    documents = 0
    for item in items:
        if isinstance(item, Extraction):
            if documents >= size:
                yield batch
                batch, documents = [], 0
            documents += 1
        batch.append(item)
    if batch:
        yield batch


def load_files(store: GraphStore, paths: Iterable[Path],
               on_violation: OnViolation | None = None) -> Iterator[LoadResult | LoadFailure]:
    """Load every source under ``paths`` (folders searched) in :func:`batches`, one
    transaction per batch, yielding each outcome as soon as its batch is written."""
    for batch in batches(extract_batch(discover(paths))):
        outcomes = iter(load_batch(
            store, [item for item in batch if isinstance(item, Extraction)], on_violation))
        for item in batch:
            yield (LoadFailure(str(item.path), item.error) if isinstance(item, FileFailure)
                   else next(outcomes))


def load_text(store: GraphStore, text: str, source: str, sidecar: Sidecar | None = None,
              on_violation: OnViolation | None = None) -> LoadResult:
    """Load one document given as text (an upload), as :func:`load_files` loads a file."""
    return load_extraction(store, extract(clean_text(text), source, sidecar=sidecar),
                           on_violation)
