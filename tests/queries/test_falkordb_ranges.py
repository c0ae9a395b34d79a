"""The rewrite that bounds the lists an analyst's query makes on FalkorDB (no server
needed; the server-side refusals are tested in tests/api/test_analyst_limits.py)."""

from __future__ import annotations

import pytest

from policykg.core.errors import QueryError
from policykg.queries.falkordb_ranges import bounded_ranges, max_elements, refusal_message

TICK = "policykg.tick($policykg_budget)"


def ranged(a: str, b: str, s: str = "1") -> str:
    """What ``range(a, b, s)`` is sent as."""
    return f"range({a}, {b}, policykg.range_step($policykg_budget, {a}, {b}, {s}))"


def bound(a: str, b: str, s: str = "1") -> str:
    """What ``range(a, b, s)`` is sent as when its arguments hold ranges or lists: each
    argument evaluated, and written, once."""
    r = "policykg_range"
    return (f"[{r} IN [[{a}, {b}, {s}]] | range({r}[0], {r}[1], "
            f"policykg.range_step($policykg_budget, {r}[0], {r}[1], {r}[2]))][0]")


@pytest.mark.parametrize(("query", "expected"), [
    ("RETURN size(range(1, 400000000)) AS n", f"RETURN size({ranged('1', '400000000')}) AS n"),
    ("RETURN RANGE ( 1 , $n , 2 )", f"RETURN {ranged('1', '$n', '2')}"),
    ("RETURN `range`(1, [1, 2][0])", f"RETURN {ranged('1', '[1, 2][0]')}"),
    ("RETURN range(0, size(range(1, 9)))",
     f"RETURN {bound('0', 'size(' + ranged('1', '9') + ')')}"),
    ("RETURN [x IN l | x * 2], [x in l WHERE x > 1], [x IN l WHERE x <> '|' | [y IN x]]",
     f"RETURN [x IN l WHERE {TICK} | x * 2], [x IN l WHERE {TICK} AND (x > 1)], "
     f"[x IN l WHERE {TICK} AND (x <> '|') | [y IN x WHERE {TICK}]]"),
    ("RETURN [x IN range(1, 100) | range(1, x)]",
     f"RETURN [x IN {ranged('1', '100')} WHERE {TICK} | {ranged('1', 'x')}]"),
    ("RETURN range(0, size([x IN l | x]))",
     f"RETURN {bound('0', f'size([x IN l WHERE {TICK} | x])')}"),
])
def test_ranges_and_comprehensions_are_counted(query: str, expected: str) -> None:
    assert bounded_ranges(query) == expected


@pytest.mark.parametrize("query", [
    "RETURN 'range(1, 400000000)' AS s, '[x IN l | x]' // range(1, 2)\n",
    "RETURN n.range(1, 2), $range, {range: (1)}, [(a)-->(b) | b], any(x IN l WHERE x)",
    "RETURN range(1), range(1, 2, 3, 4), [x IN l | x), range(1, 2",  # left for FalkorDB
])
def test_strings_comments_names_and_malformed_constructs_are_left_alone(query: str) -> None:
    assert bounded_ranges(query) == query


def test_the_limit_is_half_the_query_memory_and_the_refusal_names_it() -> None:
    assert max_elements(512 * 1024 * 1024) == 16_777_216
    message = refusal_message("UDF Exception: policykg: range() of 400000000 elements, over "
                              "the limit of 16777216 , Stack:     at range_step (<input>:7:36)")
    assert message is not None and message.startswith(
        "range() of 400000000 elements, over the limit of 16777216 (")
    assert "Stack" not in message and refusal_message("Query timed out") is None


def test_nested_ranges_grow_the_query_linearly_and_too_deep_is_refused() -> None:
    """Each argument was written twice: 50 nested ranges grew as 2 ** 50 and ran the API
    out of memory."""
    nested = "RETURN " + "range(1, " * 60 + "2" + ")" * 60
    assert len(bounded_ranges(nested)) < 200 * len(nested)
    with pytest.raises(QueryError, match="more than 64 deep"):
        bounded_ranges("RETURN " + "[x IN " * 1000 + "l" + "]" * 1000)
