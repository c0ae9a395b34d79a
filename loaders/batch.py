"""Batches of source files: discovery, batch-wide citation years, streaming load.

A batch is read twice, one file at a time, so memory stays flat however many
files it holds: the first pass only collects, for every cited number, the years
its dated citations give (a number dated with two years stays undated, with a
warning) (an undated "Nghị quyết số 20-NQ/TW" in one file takes
2012 from a dated citation in another); the second pass extracts each file again
with that index and yields its result.  A file that fails yields a
:class:`FileFailure` naming it — nothing is skipped silently.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

from policykg.core.errors import InputError, InvalidNumber, SourceError
from policykg.loaders.citations import dated_numbers, fill_years
from policykg.loaders.extract import extract_file
from policykg.ontology.identity import parse_number
from policykg.ontology.records import Extraction

SOURCE_SUFFIXES = (".txt",)


@dataclass(frozen=True)
class FileFailure:
    """A source file that could not be extracted."""

    path: Path
    error: InputError


def discover(paths: Iterable[Path]) -> list[Path]:
    """Source files named by ``paths`` (folders searched recursively), sorted, unique."""
    found: list[Path] = []
    for path in paths:
        if path.is_dir():
            found += sorted(p for p in path.rglob("*")
                            if p.is_file() and p.suffix.lower() in SOURCE_SUFFIXES)
        elif path.exists():
            found.append(path)
        else:
            raise SourceError(str(path), "no such file or folder")
    return list(dict.fromkeys(found))


YearIndex = dict[str | None, dict[str, set[int]]]


def _scope_key(number: str, province: str | None) -> str | None:
    """``None`` for a nation-wide number; else the province its local number belongs to."""
    try:
        national = parse_number(number).national_scope
    except InvalidNumber:
        national = None
    return None if national else (province or "")


def year_index(files: Iterable[Path]) -> YearIndex:
    """Years the batch's dated citations give each number, per scope.

    Nation-wide numbers (…/TW, …/NQ-CP) share one index; a local number
    (29-CTr/TU) is only known within its province, since every province has one.
    """
    index: YearIndex = {}
    for path in files:
        try:
            extraction = extract_file(path)
        except InputError:
            continue  # reported by the second pass
        province = extraction.document.province
        for number, found in dated_numbers(extraction).items():
            scope = index.setdefault(_scope_key(number, province), {})
            scope.setdefault(number, set()).update(found)
    return index


def _years_for(index: YearIndex, province: str | None) -> dict[str, set[int]]:
    return {**index.get(province or "", {}), **index.get(None, {})}


def extract_batch(files: list[Path]) -> Iterator[Extraction | FileFailure]:
    """Extract ``files`` one at a time, with citation years filled from the whole batch."""
    index = year_index(files) if len(files) > 1 else {}
    for path in files:
        try:
            extraction = extract_file(path)
        except InputError as exc:
            yield FileFailure(path, exc)
            continue
        years = _years_for(index, extraction.document.province)
        yield fill_years(extraction, years) if years else extraction
