"""Reading source files (the I/O edge of extraction)."""

from __future__ import annotations

import codecs
from pathlib import Path

from loaders.clean import clean_text
from policykg.errors import SourceError


def read_source(path: Path) -> str:
    """The cleaned text of a UTF-8 source file (a leading BOM is dropped).

    Raises :class:`SourceError` naming the file and, for bad bytes, the byte offset.
    """
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise SourceError(str(path), exc.strerror or str(exc)) from exc
    skipped = len(codecs.BOM_UTF8) if data.startswith(codecs.BOM_UTF8) else 0
    try:
        raw = data[skipped:].decode("utf-8")
    except UnicodeDecodeError as exc:
        offset = skipped + exc.start  # byte offset in the file
        raise SourceError(
            str(path), f"not UTF-8 text: invalid byte 0x{data[offset]:02x}", position=offset
        ) from exc
    return clean_text(raw)
