"""Batches of source files: discovery, batch-wide citation years, streaming load.

Each file is extracted once, and memory stays flat however many files a batch holds:
while the files are extracted, what they cite is collected — for every cited number,
the years its dated citations give (a number dated with two years stays undated, with a
warning) (an undated "Nghị quyết số 20-NQ/TW" in one file takes 2012 from a dated
citation in another) — and each extraction is kept, compressed, in a temporary file;
then the extractions are read back in turn, their citations' years filled from the
whole batch, and yielded.  A file that fails yields a :class:`FileFailure` naming it —
nothing is skipped silently.
"""

from __future__ import annotations

import pickle
import tempfile
import zlib
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


def _collect(index: YearIndex, extraction: Extraction) -> None:
    """Add the years ``extraction``'s dated citations give to ``index``.

    Nation-wide numbers (…/TW, …/NQ-CP) share one index; a local number
    (29-CTr/TU) is only known within its province, since every province has one.
    """
    province = extraction.document.province
    for number, found in dated_numbers(extraction).items():
        scope = index.setdefault(_scope_key(number, province), {})
        scope.setdefault(number, set()).update(found)


def _years_for(index: YearIndex, province: str | None) -> dict[str, set[int]]:
    return {**index.get(province or "", {}), **index.get(None, {})}


def extract_batch(files: list[Path]) -> Iterator[Extraction | FileFailure]:
    """Extract ``files`` once each, with citation years filled from the whole batch."""
    index: YearIndex = {}
    failures: dict[int, FileFailure] = {}
    with tempfile.TemporaryFile() as kept:
        for k, path in enumerate(files):
            try:
                extraction = extract_file(path)
            except InputError as exc:
                failures[k] = FileFailure(path, exc)
                continue
            if len(files) > 1:
                _collect(index, extraction)
            blob = zlib.compress(pickle.dumps(extraction, pickle.HIGHEST_PROTOCOL), 1)
            kept.write(len(blob).to_bytes(8, "little") + blob)
        kept.seek(0)
        for k in range(len(files)):
            if k in failures:
                yield failures[k]
                continue
            size = int.from_bytes(kept.read(8), "little")
            extraction = pickle.loads(zlib.decompress(kept.read(size)))  # written above
            years = _years_for(index, extraction.document.province)
            yield fill_years(extraction, years) if years else extraction
