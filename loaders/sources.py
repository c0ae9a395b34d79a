"""Reading source files (the I/O edge of extraction).

The reader is chosen by suffix (case-insensitive): ``.txt`` (UTF-8), ``.docx``,
``.pdf`` (text layer) and ``.html``/``.htm`` (UTF-8, or the charset its meta tag
declares); the text is then cleaned (:func:`policykg.loaders.clean.clean_text`).
"""

from __future__ import annotations

import codecs
import re
from collections.abc import Callable
from pathlib import Path

from policykg.core.errors import SourceError, line_column
from policykg.loaders.clean import clean_text
from policykg.loaders.formats import read_docx, read_html, read_pdf

SUFFIXES = (".txt", ".docx", ".pdf", ".html", ".htm")
# <meta charset="windows-1258"> or <meta http-equiv="Content-Type" content="…; charset=…">
_META_CHARSET = re.compile(rb"<meta[^>]*?charset\s*=\s*[\"']?\s*([A-Za-z0-9_.:-]+)", re.I)
_META_WINDOW = 4096


def _decode(path: Path, data: bytes, encoding: str = "utf-8") -> str:
    """``data`` decoded (a leading UTF-8 BOM dropped); bad bytes name their line and column."""
    utf8 = encoding in ("utf-8", "utf8")
    skipped = len(codecs.BOM_UTF8) if utf8 and data.startswith(codecs.BOM_UTF8) else 0
    try:
        return data[skipped:].decode(encoding)
    except UnicodeDecodeError as exc:
        offset = skipped + exc.start  # of the bad byte in the file
        name = "UTF-8" if utf8 else encoding
        line, column = line_column(data[skipped:], exc.start)
        raise SourceError(str(path), f"not {name} text: invalid byte 0x{data[offset]:02x}",
                          line=line, column=column) from exc


def _html_decoder(path: Path) -> Callable[[bytes], str]:
    def decode(data: bytes) -> str:
        declared = _META_CHARSET.search(data, 0, _META_WINDOW)
        encoding = declared.group(1).decode("ascii").lower() if declared else "utf-8"
        try:
            codecs.lookup(encoding)
        except LookupError as exc:
            where = line_column(data, declared.start(1)) if declared else (None, None)
            raise SourceError(str(path), f"unknown charset {encoding!r} in its meta tag",
                              line=where[0], column=where[1]) from exc
        return _decode(path, data, encoding)
    return decode


def _read_txt(path: Path) -> str:
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise SourceError(str(path), exc.strerror or str(exc)) from exc
    return _decode(path, data)


def read_source(path: Path) -> str:
    """The cleaned text of a source file, read by its suffix.

    Raises :class:`SourceError` naming the file (and, for bad bytes, their line and
    column; for a page without text, the page); an unsupported suffix names the
    supported ones.
    """
    suffix = path.suffix.lower()
    if suffix not in SUFFIXES:
        raise SourceError(str(path), f"unsupported file type {suffix or '(no suffix)'!r}; "
                          f"supported: {', '.join(SUFFIXES)}")
    if suffix != ".txt" and not path.is_file():
        raise SourceError(str(path), "No such file")
    if suffix == ".docx":
        raw = read_docx(path)
    elif suffix == ".pdf":
        raw = read_pdf(path)
    elif suffix in (".html", ".htm"):
        raw = read_html(path, _html_decoder(path))
    else:
        raw = _read_txt(path)
    return clean_text(raw)
