"""A bound on the lists an analyst's query makes on FalkorDB.

FalkorDB allocates a ``range()`` list whole, before its per-query memory limit
(``QUERY_MEM_CAPACITY``) is checked: ``RETURN size(range(1, 400000000))`` made one
6.4 GB allocation with a 512 MB limit, and under an address-space limit the server
aborted (FalkorDB issue #1410, open).  Within a list comprehension it does not check
that limit at all (#1486): ``RETURN size([x IN range(1, 100) | range(1, 16000000)])``
passed 3 GB.  The server has no setting for either, so an analyst's query is rewritten:

- ``range(a, b[, s])`` becomes ``range(a, b, policykg.range_step($policykg_budget, a, b,
  s))`` (``[r IN [[a, b, s]] | range(r[0], r[1], policykg.range_step(…, r[0], r[1],
  r[2]))][0]`` when its arguments are long or hold ranges or comprehensions of their
  own, so that each is written once): the function returns the step unchanged, or
  stops the query when the list would hold more than :func:`max_elements` (half the
  per-query memory, at 16 bytes an element) — before the list is made;
- ``[x IN list WHERE p | e]`` becomes ``[x IN list WHERE policykg.tick($policykg_budget)
  AND (p) | e]`` (a ``WHERE`` added where there is none);

and both count against one budget of :func:`max_elements` per query (the parameter
``policykg_budget`` is a token of the query's own): the elements of its ranges and
those its comprehensions go through, together.  The functions are FalkorDB UDFs
(JavaScript) this module defines.  String literals, comments and quoted names are
skipped, as the read-only check skips them; a construct that is not well formed is
left for FalkorDB to refuse.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from policykg.core.errors import QueryError

LIBRARY = "policykg"
FUNCTION = f"{LIBRARY}.range_step"
TICK = f"{LIBRARY}.tick"
TOKEN = "policykg_budget"  # the parameter naming the query to the functions
MAX_DEPTH = 64  # ranges and comprehensions inside one another
_BOUND = "policykg_range"  # the variable holding a range's arguments, evaluated once
_SHORT = 200  # characters of a range's arguments written twice at most
UNKNOWN_FUNCTION = f"Unknown function '{LIBRARY}."
REFUSAL = "UDF Exception: policykg: "  # how FalkorDB reports the functions' errors
ELEMENT_BYTES = 16  # one value of a FalkorDB list
DEFAULT_MAX_ELEMENTS = 10_000_000  # when the server's memory limit cannot be read

_LITERALS = re.compile(r"""'(?:[^'\\]|\\.)*'|"(?:[^"\\]|\\.)*"|//[^\n]*|/\*.*?\*/""", re.S)
_QUOTED = re.compile(r"`[^`]*`")
_CONSTRUCT = re.compile(r"(?P<range>(?<![\w.$`])(?:range|`range`)\s*\()"
                        r"|(?P<list>\[\s*(?P<var>[A-Za-z_]\w*|`[^`]*`)\s+IN\b)", re.I)
_WHERE = re.compile(r"(?<![\w.$])WHERE(?!\w)", re.I)
_OPEN, _CLOSE = "([{", ")]}"


def max_elements(query_memory_bytes: int) -> int:
    """The longest list a ``range()`` may make: half the per-query memory."""
    if query_memory_bytes <= 0:
        return DEFAULT_MAX_ELEMENTS
    return max(1000, query_memory_bytes // (2 * ELEMENT_BYTES))


def udf_library(limit: int) -> str:
    """The JavaScript of the UDF library (``GRAPH.UDF LOAD REPLACE policykg …``).

    A query runs on one thread, and each thread has a JavaScript context of its own: the
    budgets of the last queries are kept there, by token."""
    return f"""
const spent = new Map();
function charge(token, n) {{
  const used = (spent.get(token) || 0) + n;
  spent.delete(token);
  spent.set(token, used);
  if (spent.size > 64) spent.delete(spent.keys().next().value);
  if (used > {limit}) {{
    throw new Error('policykg: the query makes lists of more than {limit} elements in all '
                    + '(its range() lists and the elements of its list comprehensions)');
  }}
}}
function range_step(token, start, end, step) {{
  const num = (v) => (typeof v === 'bigint' ? Number(v) : v);
  const a = num(start), b = num(end), s = num(step);
  if (typeof a !== 'number' || typeof b !== 'number' || typeof s !== 'number' || s === 0) {{
    return step;  // range() itself refuses these
  }}
  const count = Math.max(0, Math.floor((b - a) / s) + 1);
  if (count > {limit}) {{
    throw new Error('policykg: range() of ' + count + ' elements, over the limit of {limit}');
  }}
  charge(token, count);
  return step;
}}
function tick(token) {{
  charge(token, 1);
  return true;
}}
falkor.register('range_step', range_step);
falkor.register('tick', tick);
"""


def _blank(pattern: re.Pattern[str], text: str) -> str:
    return pattern.sub(lambda m: " " * len(m.group()), text)


def _top_level(code: str, start: int) -> Iterator[tuple[int, str]]:
    """(offset, character) of each character of ``code`` from ``start`` outside any
    bracket opened after it, ending with the bracket that closes the one before
    ``start`` (nothing more if none does)."""
    depth = 0
    for i in range(start, len(code)):
        c = code[i]
        if c in _OPEN:
            depth += 1
        elif c in _CLOSE:
            if depth == 0:
                yield i, c
                return
            depth -= 1
        elif depth == 0:
            yield i, c


def _arguments(code: str, start: int) -> tuple[list[tuple[int, int]], int] | None:
    """The (start, end) of each top-level argument of the call whose ``(`` is at
    ``start - 1``, and the offset of its ``)``; None if it does not close."""
    spans: list[tuple[int, int]] = []
    begin = start
    for i, c in _top_level(code, start):
        if c in _CLOSE:
            if c != ")":
                return None
            spans.append((begin, i))
            return spans, i
        if c == ",":
            spans.append((begin, i))
            begin = i + 1
    return None


def _comprehension(code: str, start: int) -> tuple[tuple[int, int], tuple[int, int] | None,
                                                  tuple[int, int] | None, int] | None:
    """The spans of a list comprehension's list, predicate and projection, whose list
    starts at ``start``, and the offset of its ``]``; None if it does not close."""
    where, bar = -1, -1
    for i, c in _top_level(code, start):
        if c in _CLOSE:
            if c != "]":
                return None
            source = (start, where if where >= 0 else bar if bar >= 0 else i)
            predicate = (where + len("WHERE"), bar if bar >= 0 else i) if where >= 0 \
                else None
            projection = (bar + 1, i) if bar >= 0 else None
            return source, predicate, projection, i
        if bar < 0:
            if c == "|":
                bar = i
            elif where < 0 and c in "wW" and _WHERE.match(code, i):
                where = i
    return None


def bounded_ranges(query: str, depth: int = 0) -> str:
    """``query`` with every well-formed ``range()`` call given its checked step and every
    list comprehension its tick (see the module); QueryError past :data:`MAX_DEPTH`
    ranges and comprehensions inside one another."""
    if depth > MAX_DEPTH:
        raise QueryError(f"the query nests ranges and list comprehensions more than "
                         f"{MAX_DEPTH} deep")
    code = _blank(_QUOTED, _blank(_LITERALS, query))
    named = _blank(_LITERALS, query)  # quoted names kept: `range`(…) is found too
    out: list[str] = []
    done = pos = 0
    budget = f"${TOKEN}"

    def inner(span: tuple[int, int]) -> str:
        return bounded_ranges(query[span[0]:span[1]], depth + 1).strip()

    while (m := _CONSTRUCT.search(named, pos)) is not None:
        pos = m.end()
        if m.group("range"):
            found = _arguments(code, m.end())
            if found is None or len(found[0]) not in (2, 3):
                continue
            spans, close = found
            args = [inner(span) for span in spans]
            step = args[2] if len(args) == 3 else "1"
            plain = [query[a:b].strip() for a, b in spans]
            if args == plain[:len(args)] and sum(map(len, args)) <= _SHORT:
                text = f"range({args[0]}, {args[1]}, {FUNCTION}({budget}, {args[0]}, " \
                       f"{args[1]}, {step}))"
            else:  # arguments holding ranges or lists, written once: written twice, nested
                r = _BOUND  # ranges grew as 2 ** depth (FalkorDB copies such a list once)
                text = f"[{r} IN [[{args[0]}, {args[1]}, {step}]] | range({r}[0], {r}[1], " \
                       f"{FUNCTION}({budget}, {r}[0], {r}[1], {r}[2]))][0]"
        else:
            parts = _comprehension(code, m.end())
            if parts is None:
                continue
            source, predicate, projection, close = parts
            text = f"[{m.group('var')} IN {inner(source)} WHERE {TICK}({budget})"
            if predicate is not None:
                text += f" AND ({inner(predicate)})"
            if projection is not None:
                text += f" | {inner(projection)}"
            text += "]"
        out += [query[done:m.start()], text]
        done = pos = close + 1
    out.append(query[done:])
    return "".join(out)


def refusal_message(message: str) -> str | None:
    """The reason the functions stopped a query, from FalkorDB's error; None if it is
    another error."""
    at = message.find(REFUSAL)
    if at < 0:
        return None
    reason = message[at + len(REFUSAL):].split(" , Stack:", 1)[0].strip()
    return (f"{reason} (FalkorDB makes lists before its per-query memory limit applies: "
            "POLICYKG_GRAPH_QUERY_MEMORY_MB)")
