"""Rows cut in the database: an analyst's query gets ``LIMIT max_rows + 1``.

Decoding, not computing, is what large results cost (5 M rows took the API 20 s and
1 GB before they were cut), so the limit is put into the query itself: each
top-level ``RETURN`` (one per ``UNION`` branch) without a ``LIMIT`` gets one; a
literal ``LIMIT`` above it is lowered to it.  Strings, comments and quoted names are
skipped; a ``RETURN`` inside ``CALL { … }`` or a pattern comprehension is left
alone.  A query this cannot bound (its last clause is no ``RETURN``, or its
``LIMIT`` is an expression) runs as written: the store cuts its rows as it reads
them, and the server's ``RESULTSET_SIZE`` holds.
"""

from __future__ import annotations

import re

from policykg.queries.readonly import _LITERALS, _QUOTED, _blank

_TOKEN = re.compile(r"[(){}\[\]]|(?<![\w.$:])(RETURN|UNION|LIMIT)(?!\w)", re.I)
_AS_BEFORE = re.compile(r"(?i)\bAS\s+$")


def with_row_limit(query: str, limit: int) -> str:
    """``query`` returning at most ``limit`` rows per ``RETURN`` (see the module)."""
    code = _blank(_QUOTED, _blank(_LITERALS, query))
    end = len(code.rstrip().rstrip(";").rstrip())
    depth = 0
    marks: list[tuple[str, int, int]] = []  # (keyword, start, end) at the top level
    for m in _TOKEN.finditer(code, 0, end):
        token = m.group()
        if token in "([{":
            depth += 1
        elif token in ")]}":
            depth = max(depth - 1, 0)
        elif depth == 0 and not _AS_BEFORE.search(code[:m.start()]):
            marks.append((token.upper(), m.start(), m.end()))
    branches: list[list[tuple[str, int, int]]] = [[]]
    ends: list[int] = []
    for mark in marks:
        if mark[0] == "UNION":
            ends.append(mark[1])
            branches.append([])
        else:
            branches[-1].append(mark)
    ends.append(end)
    edits: list[tuple[int, int, str]] = []
    for branch, branch_end in zip(branches, ends, strict=True):
        returns = [i for i, mark in enumerate(branch) if mark[0] == "RETURN"]
        if not returns:
            return query  # not a RETURN query (CALL … YIELD without RETURN): as written
        limits = [mark for mark in branch[returns[-1]:] if mark[0] == "LIMIT"]
        if not limits:
            at = len(query[:branch_end].rstrip())
            edits.append((at, at, f" LIMIT {limit}"))
            continue
        value = query[limits[-1][2]:branch_end]
        if value.strip().isdigit() and int(value.strip()) > limit:
            edits.append((limits[-1][2], branch_end, f" {limit} "))
    for start, stop, text in sorted(edits, reverse=True):
        query = query[:start] + text + query[stop:]
    return query
