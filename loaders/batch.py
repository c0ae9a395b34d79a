"""Batches of source files: discovery, batch-wide citation years, streaming load.

A batch is read twice, one file at a time, so memory stays flat however many
files it holds: the first pass only collects, for every cited number, the years
its dated citations give (an undated "Nghị quyết số 20-NQ/TW" in one file takes
2012 from a dated citation in another); the second pass extracts each file again
with that index and yields its result.  A file that fails yields a
:class:`FileFailure` naming it — nothing is skipped silently.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

from loaders.citations import dated_numbers, fill_years
from loaders.extract import extract_file
from ontology.records import Extraction
from policykg.errors import InputError, SourceError

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


def year_index(files: Iterable[Path]) -> dict[str, int]:
    """Number → year, for numbers whose dated citations in the batch agree on one year."""
    years: dict[str, set[int]] = {}
    for path in files:
        try:
            extraction = extract_file(path)
        except InputError:
            continue  # reported by the second pass
        for number, found in dated_numbers(extraction).items():
            years.setdefault(number, set()).update(found)
    return {number: next(iter(ys)) for number, ys in years.items() if len(ys) == 1}


def extract_batch(files: list[Path]) -> Iterator[Extraction | FileFailure]:
    """Extract ``files`` one at a time, with citation years filled from the whole batch."""
    index = year_index(files) if len(files) > 1 else {}
    for path in files:
        try:
            extraction = extract_file(path)
        except InputError as exc:
            yield FileFailure(path, exc)
            continue
        yield fill_years(extraction, index) if index else extraction
