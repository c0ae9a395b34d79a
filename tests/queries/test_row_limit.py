"""The row limit put into an analyst's query, so the database cuts the rows."""

from __future__ import annotations

import pytest

from policykg.queries.row_limit import with_row_limit


@pytest.mark.parametrize(("query", "bounded"), [
    ("UNWIND range(1, 5000000) AS i RETURN i", "UNWIND range(1, 5000000) AS i RETURN i LIMIT 11"),
    ("MATCH (a), (b) RETURN a, b;", "MATCH (a), (b) RETURN a, b LIMIT 11;"),
    ("RETURN 1 AS x LIMIT 5", "RETURN 1 AS x LIMIT 5"),
    ("RETURN 1 AS x LIMIT 500", "RETURN 1 AS x LIMIT 11 "),
    ("RETURN 1 AS x LIMIT $n", "RETURN 1 AS x LIMIT $n"),  # the store cuts it as it reads
    ("RETURN 1 AS x UNION RETURN 2 AS x", "RETURN 1 AS x LIMIT 11 UNION RETURN 2 AS x LIMIT 11"),
    ("CALL db.labels()", "CALL db.labels()"),
    ("MATCH (n) CALL { WITH n RETURN n.x AS y } RETURN y ORDER BY y",
     "MATCH (n) CALL { WITH n RETURN n.x AS y } RETURN y ORDER BY y LIMIT 11"),
    ("RETURN 'LIMIT 1' AS limit", "RETURN 'LIMIT 1' AS limit LIMIT 11"),
    ("MATCH (n) RETURN n.limit // RETURN x\n", "MATCH (n) RETURN n.limit LIMIT 11 // RETURN x\n"),
    ("RETURN [x IN range(1, 3) | x] AS l SKIP 1",
     "RETURN [x IN range(1, 3) | x] AS l SKIP 1 LIMIT 11"),
])
def test_each_top_level_return_gets_the_limit(query: str, bounded: str) -> None:
    assert with_row_limit(query, 11) == bounded
