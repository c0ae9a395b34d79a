"""A conservative client-side check that a Cypher text only reads.

It is the first of three guards, never the only one: FalkorDB runs analyst
queries with ``GRAPH.RO_QUERY`` (the server refuses any write), Neo4j in a READ
session after an ``EXPLAIN`` whose query type must be ``"r"``.  This check
refuses early, and with a clear reason, what those guards would refuse anyway,
plus what they would let through but an exposed endpoint must not run:
``LOAD CSV`` (reads server files and URLs) and procedures outside a short list
of catalogue and full-text reads.  String literals, quoted names and comments
are skipped, so ``WHERE d.title CONTAINS 'create'`` passes.
"""

from __future__ import annotations

import re

from policykg.core.errors import WriteRefused

_SKIPPED = re.compile(r"""'(?:[^'\\]|\\.)*'|"(?:[^"\\]|\\.)*"|`[^`]*`|//[^\n]*|/\*.*?\*/""",
                      re.S)
_WRITE_WORDS = ("CREATE", "MERGE", "SET", "DELETE", "DETACH", "REMOVE", "DROP", "FOREACH",
                "LOAD", "ALTER", "GRANT", "DENY", "REVOKE", "TERMINATE", "RENAME")
# A keyword, not a property (n.set), parameter ($set) or part of a longer word.
_WRITE = re.compile(r"(?<![\w.$])(" + "|".join(_WRITE_WORDS) + r")(?!\w)", re.I)
_CALL = re.compile(r"(?<![\w.$])CALL\s*([A-Za-z_][\w.]*)?", re.I)
ALLOWED_PROCEDURES = frozenset({
    "db.labels", "db.relationshiptypes", "db.propertykeys", "db.indexes", "db.constraints",
    "db.idx.fulltext.querynodes", "db.idx.fulltext.queryrelationships",
    "db.index.fulltext.querynodes", "db.index.fulltext.queryrelationships",
})


def _code(query: str) -> str:
    """``query`` with literals, quoted names and comments blanked out."""
    return _SKIPPED.sub(" ", query)


def check_read_only(query: str) -> None:
    """Raise :class:`WriteRefused` naming the reason unless ``query`` looks read-only."""
    code = _code(query)
    m = _WRITE.search(code)
    if m:
        raise WriteRefused(f"write refused: {m.group(1).upper()} changes the graph; "
                           "this endpoint only reads")
    for call in _CALL.finditer(code):
        name = call.group(1)
        if name is not None and name.lower() not in ALLOWED_PROCEDURES:
            raise WriteRefused(f"procedure {name} is not allowed here (allowed: "
                               f"{', '.join(sorted(ALLOWED_PROCEDURES))})")
    if ";" in code.strip().rstrip(";"):
        raise WriteRefused("one statement per request: remove the ';'")
