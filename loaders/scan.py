"""Searches that skip to a literal (pure).

A pattern anchored at line starts (``^`` with ``re.M``) gives the regex engine no
prefix to skip to: a search tries every position.  :func:`line_matches` finds the lines
holding one of the pattern's literals with ``str.find`` and tries the pattern only at
their starts; :func:`line_start_matches`, for a pattern without such a literal, finds
them by searching for the line break before a match (the engine skips to line breaks).
A pattern opening with a common letter stops at every one of them: :func:`literal_matches`
tries it only where a rarer literal it holds is found.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import cache


def line_matches(pattern: re.Pattern[str], text: str, literals: tuple[str, ...],
                 endpos: int | None = None) -> Iterator[re.Match[str]]:
    """``pattern.finditer(text, 0, endpos)`` for a pattern anchored at line starts whose
    first line holds one of ``literals``: only the lines holding one are tried."""
    end = len(text) if endpos is None else endpos
    starts = sorted({text.rfind("\n", 0, at) + 1 for literal in literals
                     for at in _find_all(text, literal, end)})
    searched = 0  # where the next match may start
    for line_start in starts:
        if line_start >= searched and (m := pattern.match(text, line_start, end)) is not None:
            yield m
            searched = m.end()


def line_search(pattern: re.Pattern[str], text: str, literals: tuple[str, ...],
                endpos: int | None = None) -> re.Match[str] | None:
    """``pattern.search(text, 0, endpos)`` for such a pattern (see :func:`line_matches`)."""
    return next(line_matches(pattern, text, literals, endpos), None)


def literal_matches(pattern: re.Pattern[str], text: str, literals: tuple[str, ...],
                    back: int = 0, haystack: str | None = None) -> Iterator[re.Match[str]]:
    """``pattern.finditer(text)`` for a pattern whose every match holds one of ``literals``
    ``back`` characters after its start (in ``haystack``, a text of the same length as
    ``text`` — its lower case — when given): only those starts are tried."""
    hay = text if haystack is None else haystack
    starts = sorted({at - back for literal in literals for at in _find_all(hay, literal, len(hay))
                     if at >= back})
    searched = 0  # where the next match may start
    for start in starts:
        if start >= searched and (m := pattern.match(text, start)) is not None:
            yield m
            searched = m.end()


def _find_all(text: str, literal: str, end: int) -> list[int]:
    """Where ``literal`` starts in ``text[:end]``, every time."""
    found = []
    at = text.find(literal, 0, end)
    while at >= 0:
        found.append(at)
        at = text.find(literal, at + 1, end)
    return found


_OPENING = re.compile(r"(?:\(\?[aiLmsux]+\))?\^")  # inline flags, then "^"


@cache
def _after_break(pattern: re.Pattern[str]) -> re.Pattern[str]:
    """A line break followed by what ``pattern`` (opening with "^", multi-line) matches."""
    opening = _OPENING.match(pattern.pattern)
    assert opening is not None and pattern.flags & re.M, pattern.pattern
    return re.compile(r"\n(?=" + pattern.pattern[opening.end():] + ")", pattern.flags)


def line_start_matches(pattern: re.Pattern[str], text: str,
                       endpos: int | None = None) -> Iterator[re.Match[str]]:
    """``pattern.finditer(text, 0, endpos)`` for a pattern opening with "^" (multi-line)
    that matches no empty string: tried at the text's start, then where a search for a
    line break it follows finds one."""
    end = len(text) if endpos is None else endpos
    after_break = _after_break(pattern)
    searched = 0  # where the next match may start
    if (m := pattern.match(text, 0, end)) is not None:
        yield m
        searched = m.end()
    while (found := after_break.search(text, max(searched - 1, 0), end)) is not None:
        m = pattern.match(text, found.end(), end)
        assert m is not None  # the same pattern, at the same place
        yield m
        searched = m.end()


def line_start_search(pattern: re.Pattern[str], text: str,
                      endpos: int | None = None) -> re.Match[str] | None:
    """``pattern.search(text, 0, endpos)`` for such a pattern (see :func:`line_start_matches`)."""
    return next(line_start_matches(pattern, text, endpos), None)


def lines_end(text: str, count: int) -> int:
    """The offset after the first ``count`` lines of ``text`` (its length if it has fewer)."""
    end = 0
    for _ in range(count):
        nl = text.find("\n", end)
        if nl < 0:
            return len(text)
        end = nl + 1
    return end
