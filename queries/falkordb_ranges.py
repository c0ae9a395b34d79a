"""A bound on the lists ``range()`` makes in an analyst's query on FalkorDB.

FalkorDB allocates a ``range()`` list whole, before its per-query memory limit
(``QUERY_MEM_CAPACITY``) is checked: ``RETURN size(range(1, 400000000))`` made one
6.4 GB allocation with a 512 MB limit, and under an address-space limit the server
aborted (FalkorDB issue #1410, open).  The server has no setting for it, so every
``range(a, b[, s])`` of an analyst's query is rewritten
``range(a, b, policykg.range_step(a, b, s))``: the function, a FalkorDB UDF this
module defines, returns the step unchanged, or stops the query with an error naming
the size and the limit when the list would hold more than :func:`max_elements`
(half the per-query memory, at 16 bytes an element) — before the list is made.

String literals, comments and quoted names are skipped, as the read-only check
skips them; a call that is not well formed is left for FalkorDB to refuse.
"""

from __future__ import annotations

import re

LIBRARY = "policykg"
FUNCTION = f"{LIBRARY}.range_step"
UNKNOWN_FUNCTION = f"Unknown function '{FUNCTION}'"
REFUSAL = "UDF Exception: range() of "  # how FalkorDB reports the function's error
ELEMENT_BYTES = 16  # one value of a FalkorDB list
DEFAULT_MAX_ELEMENTS = 10_000_000  # when the server's memory limit cannot be read

_LITERALS = re.compile(r"""'(?:[^'\\]|\\.)*'|"(?:[^"\\]|\\.)*"|//[^\n]*|/\*.*?\*/""", re.S)
_QUOTED = re.compile(r"`[^`]*`")
_RANGE = re.compile(r"(?<![\w.$`])(?:range|`range`)\s*\(", re.I)
_OPEN, _CLOSE = "([{", ")]}"


def max_elements(query_memory_bytes: int) -> int:
    """The longest list a ``range()`` may make: half the per-query memory."""
    if query_memory_bytes <= 0:
        return DEFAULT_MAX_ELEMENTS
    return max(1000, query_memory_bytes // (2 * ELEMENT_BYTES))


def udf_library(limit: int) -> str:
    """The JavaScript of the UDF library (``GRAPH.UDF LOAD REPLACE policykg …``)."""
    return f"""
function range_step(start, end, step) {{
  const num = (v) => (typeof v === 'bigint' ? Number(v) : v);
  const a = num(start), b = num(end), s = num(step);
  if (typeof a !== 'number' || typeof b !== 'number' || typeof s !== 'number' || s === 0) {{
    return step;  // range() itself refuses these
  }}
  const count = Math.max(0, Math.floor((b - a) / s) + 1);
  if (count > {limit}) {{
    throw new Error('range() of ' + count + ' elements, over the limit of {limit}');
  }}
  return step;
}}
falkor.register('range_step', range_step);
"""


def _blank(pattern: re.Pattern[str], text: str) -> str:
    return pattern.sub(lambda m: " " * len(m.group()), text)


def _arguments(code: str, start: int) -> tuple[list[tuple[int, int]], int] | None:
    """The (start, end) of each top-level argument of the call whose ``(`` is at
    ``start - 1``, and the offset of its ``)``; None if it does not close."""
    spans: list[tuple[int, int]] = []
    depth, begin = 0, start
    for i in range(start, len(code)):
        c = code[i]
        if c in _OPEN:
            depth += 1
        elif c in _CLOSE:
            if depth == 0:
                if c != ")":
                    return None
                spans.append((begin, i))
                return spans, i
            depth -= 1
        elif c == "," and depth == 0:
            spans.append((begin, i))
            begin = i + 1
    return None


def bounded_ranges(query: str) -> str:
    """``query`` with every well-formed ``range()`` call given its checked step."""
    code = _blank(_QUOTED, _blank(_LITERALS, query))
    named = _blank(_LITERALS, query)  # quoted names kept: `range`(…) is found too
    out: list[str] = []
    done = 0
    for m in _RANGE.finditer(named):
        if m.start() < done:
            continue  # inside a call already rewritten (its arguments were, recursively)
        found = _arguments(code, m.end())
        if found is None:
            continue
        spans, close = found
        if len(spans) not in (2, 3):
            continue
        args = [bounded_ranges(query[a:b]).strip() for a, b in spans]
        step = args[2] if len(args) == 3 else "1"
        out.append(query[done:m.start()])
        out.append(f"range({args[0]}, {args[1]}, {FUNCTION}({args[0]}, {args[1]}, {step}))")
        done = close + 1
    out.append(query[done:])
    return "".join(out)


def refusal_message(message: str) -> str | None:
    """The reason the function stopped a query, from FalkorDB's error; None if it is
    another error."""
    at = message.find(REFUSAL)
    if at < 0:
        return None
    reason = message[at + len("UDF Exception: "):].split(" , Stack:", 1)[0].strip()
    return (f"{reason} (FalkorDB makes a range() list at once, before its per-query memory "
            "limit applies: POLICYKG_GRAPH_QUERY_MEMORY_MB)")
