"""Web and OCR residue before extraction (pure, offset-preserving).

Text copied from web pages and OCR keeps bits of its source: HTML tags
(``<br>``, ``<strong>``), character entities (``&nbsp;``) and control
characters.  :func:`repair` blanks them out with spaces of the same length, so
spans found in the repaired text are spans of its input, and reports what could
not be read (U+FFFD replacement characters, control characters) as warnings
naming the file, line and column.

Other noise is left in place for the extractor's patterns, which read it:
numbers glued to the next word (``118-KH/TUngày``), ``T.Ư``/``TƯ`` for ``TW``
and spaced numbers (``10- CTr/TU``, ``57 -NQ/TW``), Markdown emphasis (``**``).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from policykg.core.errors import line_column

_TAG = re.compile(r"</?[A-Za-z][A-Za-z0-9]*(?:[ \t][^<>\n]*)?/?>")
_ENTITY = re.compile(r"&(?:nbsp|amp|quot|lt|gt|apos|#\d{1,5}|#x[0-9A-Fa-f]{1,4});")
_ENTITY_CHARS = {"&amp;": "&", "&quot;": '"', "&lt;": "<", "&gt;": ">", "&apos;": "'"}
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")
_UNREADABLE = re.compile(r"[\ufffd\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")
_RESIDUE = re.compile(rf"{_TAG.pattern}|{_ENTITY.pattern}|{_CONTROL.pattern}")


@dataclass(frozen=True)
class Repaired:
    """The repaired text (same length as the input) and what could not be read."""

    text: str
    warnings: tuple[str, ...]


def _blank(m: re.Match[str]) -> str:
    found = m[0]
    kept = _ENTITY_CHARS.get(found, "")
    return kept + " " * (len(found) - len(kept))


def _warnings(text: str, source: str) -> tuple[str, ...]:
    out = []
    for m in _UNREADABLE.finditer(text):
        what = ("unreadable character (U+FFFD)" if m[0] == "\ufffd"
                else f"control character U+{ord(m[0]):04X}")
        line, column = line_column(text, m.start())
        out.append(f"{source}:{line}:{column}: {what}")
    return tuple(out)


def repair(text: str, source: str) -> Repaired:
    """``text`` without HTML tags, entities and control characters, offsets kept."""
    warnings = _warnings(text, source) if _UNREADABLE.search(text) else ()
    if "<" not in text and "&" not in text and not warnings:
        return Repaired(text, ())
    return Repaired(_RESIDUE.sub(_blank, text), warnings)
