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

_LITERALS = re.compile(r"""'(?:[^'\\]|\\.)*'|"(?:[^"\\]|\\.)*"|//[^\n]*|/\*.*?\*/""", re.S)
_QUOTED = re.compile(r"`[^`]*`")
_WRITE_WORDS = ("CREATE", "MERGE", "SET", "DELETE", "DETACH", "REMOVE", "DROP", "FOREACH",
                "LOAD", "ALTER", "GRANT", "DENY", "REVOKE", "TERMINATE", "RENAME")
# A keyword, not a property (n.set), parameter ($set) or part of a longer word.
_WRITE = re.compile(r"(?<![\w.$])(" + "|".join(_WRITE_WORDS) + r")(?!\w)", re.I)
# A keyword used as a name: an alias ("AS set"), a label or type (":Set", "[:CREATE]"),
# a map key ("{create: 1}").
_ALIAS_BEFORE = re.compile(r"(?i)\bAS\s+$")
_LABEL_BEFORE = re.compile(r":\s*$")
_KEY_AFTER = re.compile(r"\s*:(?!:)")
# What a write clause goes on with ("SET n.x", "SET n = …", "SET n:L", "CREATE (",
# "DELETE n"); a variable named like a keyword ("RETURN set") goes on with none of it.
_CLAUSE_AFTER = re.compile(r"\s*(?:\(|\[|[A-Za-z_]\w*\s*(?:\.|=|\+=|:|,|$|\)|\s+\w))")
_NAME = r"(?:`[^`]*`|[A-Za-z_]\w*)"
_CALL = re.compile(rf"(?<![\w.$])CALL\s*({_NAME}(?:\s*\.\s*{_NAME})*)?", re.I)
ALLOWED_PROCEDURES = frozenset({
    "db.labels", "db.relationshiptypes", "db.propertykeys", "db.indexes", "db.constraints",
    "db.idx.fulltext.querynodes", "db.idx.fulltext.queryrelationships",
    "db.index.fulltext.querynodes", "db.index.fulltext.queryrelationships",
})


def _blank(pattern: re.Pattern[str], text: str) -> str:
    """``text`` with ``pattern``'s matches blanked, offsets kept."""
    return pattern.sub(lambda m: " " * len(m.group()), text)


def _used_as_name(code: str, m: re.Match[str], aliases: set[str]) -> bool:
    before, word = code[:m.start()], m.group(1).lower()
    if _ALIAS_BEFORE.search(before) or _LABEL_BEFORE.search(before) or _KEY_AFTER.match(
            code, m.end()):
        return True
    # a variable an alias declared, used again ("… AS set RETURN set")
    return word in aliases and not _CLAUSE_AFTER.match(code, m.end())


def check_read_only(query: str) -> None:
    """Raise :class:`WriteRefused` naming the reason unless ``query`` looks read-only."""
    named = _blank(_LITERALS, query)  # literals and comments blanked, quoted names kept
    code = _blank(_QUOTED, named)
    aliases = {m.group(1).lower() for m in _WRITE.finditer(code) if _ALIAS_BEFORE.search(
        code[:m.start()])}
    for m in _WRITE.finditer(code):
        if not _used_as_name(code, m, aliases):
            raise WriteRefused(f"write refused: {m.group(1).upper()} changes the graph; "
                               "this endpoint only reads")
    for call in _CALL.finditer(named):  # a procedure's name, unquoted: `dbms`.`procedures`
        name = call.group(1)
        if name is not None:
            plain = re.sub(r"[`\s]", "", name).lower()
            if plain not in ALLOWED_PROCEDURES:
                raise WriteRefused(f"procedure {plain} is not allowed here (allowed: "
                                   f"{', '.join(sorted(ALLOWED_PROCEDURES))})")
    if ";" in code.strip().rstrip(";"):
        raise WriteRefused("one statement per request: remove the ';'")
