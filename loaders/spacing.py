"""Spacing squeezed before extraction, spans mapped back to the source (pure).

Texts converted from .docx or PDF, or typed by hand, space words twice ("ỦY BAN NHÂN
DÂN  THÀNH PHỐ", "Số:  310/KH-UBND") and leave spaces before line breaks (every line
of a "\\r\\n" file).  The extractor's grammars read one space between words, so
:func:`squeeze_spaces` makes a double space between two words a single one and drops
spaces before a line break; runs of three or more are left alone, since a copied web
page glues list items with them (see :mod:`policykg.loaders.layout`); an indentation
every line shares is dropped.  Every span found in the squeezed text is mapped back with
:meth:`Squeezed.source_span` (or made in the source at once by :func:`source_span`), and
:func:`spans_to_source` does so for a whole record.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass
from typing import TypeVar, cast

from pydantic import BaseModel

from policykg.ontology.records import Span

_PAIR = re.compile(r"\S  (?=\S)")  # two spaces between words: the second goes


@dataclass(frozen=True)
class Squeezed:
    """A text with spacing squeezed, and where its pieces are in the source."""

    text: str
    starts: tuple[int, ...]  # where each kept piece starts in ``text``
    sources: tuple[int, ...]  # … and in the source

    def source_offset(self, offset: int) -> int:
        """The source offset of the character at ``offset`` of :attr:`text`."""
        k = bisect_right(self.starts, offset) - 1
        return self.sources[k] + offset - self.starts[k]

    def source_bounds(self, start: int, end: int) -> tuple[int, int]:
        """``[start, end)`` of :attr:`text` as bounds in the source: from its first character
        to just after its last, the spaces dropped inside it taken back in."""
        source_start = self.source_offset(start)
        return source_start, self.source_offset(end - 1) + 1 if end > start else source_start

    def source_span(self, span: Span) -> Span:
        """``span`` of :attr:`text` as a span of the source (see :meth:`source_bounds`)."""
        start, end = self.source_bounds(span.start, span.end)
        return span if (start, end) == (span.start, span.end) else Span(start=start, end=end)


def source_span(squeezed: Squeezed | None, start: int, end: int) -> Span:
    """The source span of ``[start, end)`` of the text read: ``squeezed.text`` when its
    spacing was squeezed, else the source itself."""
    if squeezed is not None:
        start, end = squeezed.source_bounds(start, end)
    return Span(start=start, end=end)


def _common_indent(lines: list[str]) -> int:
    """The spaces every line with text starts with (an exporter's indentation of the whole
    text); its lines' own indentation beyond them is kept."""
    least: int | None = None
    for line in lines:
        if line[:1] != " ":
            if line.strip():
                return 0  # most texts: a line at the margin, found among the first
            continue
        if line.strip():
            indent = len(line) - len(line.lstrip(" "))
            least = indent if least is None else min(least, indent)
    return least or 0


def squeeze_spaces(text: str) -> Squeezed | None:
    """``text`` with single spaces between words; None when it has none to squeeze."""
    if "  " not in text and " \n" not in text and "\t\n" not in text \
            and not text.endswith((" ", "\t")):
        return None
    dropped: list[tuple[int, int]] = []  # source ranges left out
    start = 0
    lines = text.split("\n")
    indent = _common_indent(lines)
    for line in lines:
        end = start + len(line)
        kept = start + len(line.rstrip(" \t"))
        if indent and kept > start:  # every line indented alike: the indentation goes
            dropped.append((start, start + indent))
        if "  " in line:
            dropped += [(m.start() + 2, m.start() + 3) for m in _PAIR.finditer(text, start, kept)]
        if kept < end:
            dropped.append((kept, end))
        start = end + 1
    if not dropped:
        return None
    pieces: list[str] = []
    starts: list[int] = [0]
    sources: list[int] = [0]
    last = length = 0
    for begin, finish in dropped:
        pieces.append(text[last:begin])
        length += begin - last
        last = finish
        starts.append(length)
        sources.append(last)
    pieces.append(text[last:])
    return Squeezed("".join(pieces), tuple(starts), tuple(sources))


_Value = TypeVar("_Value")


def spans_to_source(value: _Value, squeezed: Squeezed) -> _Value:
    """``value`` (a record, or a tuple of them) with every :class:`Span` in it (at any
    depth) mapped to the source."""
    return cast(_Value, _mapped(value, squeezed))


# Values that hold no span, told by their exact type (the common case, decided first).
_PLAIN = frozenset({str, int, float, bool, type(None)})


def _mapped(value: object, squeezed: Squeezed) -> object:
    kind = type(value)
    if kind in _PLAIN:
        return value
    if kind is Span:
        return squeezed.source_span(cast(Span, value))
    if isinstance(value, BaseModel):
        update: dict[str, object] = {}
        for name, old in value.__dict__.items():
            if type(old) not in _PLAIN:
                new = _mapped(old, squeezed)
                if new is not old:
                    update[name] = new
        return value.model_copy(update=update) if update else value
    if isinstance(value, tuple | list):
        if all(type(v) in _PLAIN for v in value):
            return value
        items = [_mapped(v, squeezed) for v in value]
        if all(a is b for a, b in zip(items, value, strict=True)):
            return value
        return tuple(items) if isinstance(value, tuple) else items
    if isinstance(value, dict):
        mapped = {k: _mapped(v, squeezed) for k, v in value.items()}
        return mapped if any(mapped[k] is not v for k, v in value.items()) else value
    return value
