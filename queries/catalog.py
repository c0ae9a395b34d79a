"""Named Cypher queries, kept as ``.cypher`` files in this package.

A file holds one or more queries, each introduced by a header::

    // name: lineage
    // title: What a document implements
    // description: The document and the documents it implements, transitively.
    // param: id string — the document id
    // param: limit integer = 50 — at most this many rows
    MATCH ...

Parameter types: string, integer, float, boolean, list, map; a default is JSON
(``null``, ``50``, ``"x"``).  Every ``$name`` in the text must be declared and
every declared parameter used.  ``queries/<engine>/`` holds queries only one
engine can run; a query there replaces the common one of the same name.

Two catalogues, each with its ``<engine>/`` overrides:

* reads (:func:`load_catalog`): ``queries/*.cypher`` and ``rules/`` (one
  validation rule per SHACL shape) — what analysts may list and run;
* writes (:func:`load_writes`): ``writes/`` — the loader's, unloader's and bulk
  writer's statements, never offered to analysts.

``queries/<engine>/schema.cypher`` is not a named query but the engine's
schema statements, read by :func:`load_schema`.
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any

from policykg.core.errors import QueryError

QUERIES_DIR = Path(__file__).resolve().parent
ENGINES = ("falkordb", "neo4j")
SCHEMA_FILE = "schema.cypher"
READ_FOLDERS = ("", "rules")
WRITE_FOLDERS = ("writes",)

_TYPES: dict[str, tuple[type, ...]] = {
    "string": (str,),
    "integer": (int,),
    "float": (int, float),
    "boolean": (bool,),
    "list": (list, tuple),
    "map": (dict,),
}
_HEADER = re.compile(r"^//\s*(name|title|description|param):\s*(.*?)\s*$")
_PARAM = re.compile(r"^(\w+)\s+(\w+)(?:\s*=\s*(.+?))?\s+(?:—|--)\s+(\S.*)$")
_UNIQUE = re.compile(r"^//\s*unique:\s*(\w+)\((\w+)\)\s*$")
# String literals, quoted names and comments are skipped; group 1 is a parameter name.
_TOKENS = re.compile(
    r"""'(?:[^'\\]|\\.)*'|"(?:[^"\\]|\\.)*"|`[^`]*`|//[^\n]*|/\*.*?\*/|\$(\w+)""", re.S)


@dataclass(frozen=True)
class QueryParam:
    """A declared parameter; ``default`` is None for "null" or no default (see ``required``)."""

    name: str
    type: str
    description: str
    default: Any = None
    required: bool = True


@dataclass(frozen=True)
class NamedQuery:
    """A named, documented, parameterised Cypher query."""

    name: str
    title: str
    description: str
    params: tuple[QueryParam, ...]
    text: str
    source: str  # "file:line" of the header

    def statement(self, **given: Any) -> tuple[str, dict[str, Any]]:
        """This query with ``given`` arguments (checked, defaults filled in), for a store's
        ``write``."""
        return self.text, self.arguments(given)

    def arguments(self, given: Mapping[str, Any]) -> dict[str, Any]:
        """``given`` checked against the declared parameters, defaults filled in."""
        declared = {p.name: p for p in self.params}
        unknown = sorted(set(given) - set(declared))
        if unknown:
            raise QueryError(f"query {self.name!r} has no parameter {unknown[0]!r}")
        args: dict[str, Any] = {}
        for p in self.params:
            if p.name not in given:
                if p.required:
                    raise QueryError(f"query {self.name!r} needs parameter {p.name!r}")
                args[p.name] = p.default
                continue
            value = given[p.name]
            if value is not None and not _is_type(value, p.type):
                raise QueryError(f"query {self.name!r}: parameter {p.name!r} must be "
                                 f"{p.type}, not {type(value).__name__}")
            args[p.name] = value
        return args


def _is_type(value: Any, type_name: str) -> bool:
    if type_name != "boolean" and isinstance(value, bool):
        return False
    return isinstance(value, _TYPES[type_name])


def map_parameters(text: str, rename: Callable[[str], str]) -> str:
    """``text`` with every parameter ``$name`` replaced by ``$`` + ``rename(name)``."""
    def sub(m: re.Match[str]) -> str:
        return "$" + rename(m.group(1)) if m.group(1) else m.group(0)
    return _TOKENS.sub(sub, text)


def parameters(text: str) -> frozenset[str]:
    """Names of the parameters a Cypher text uses."""
    return frozenset(m.group(1) for m in _TOKENS.finditer(text) if m.group(1))


def _parse_param(spec: str, where: str) -> QueryParam:
    m = _PARAM.match(spec)
    if not m:
        raise QueryError(f"{where}: malformed param header {spec!r}: expected "
                         "'<name> <type> [= <default>] — <description>'")
    name, type_name, default_text, description = m.groups()
    if type_name not in _TYPES:
        raise QueryError(f"{where}: param {name!r} has unknown type {type_name!r} "
                         f"(known: {', '.join(_TYPES)})")
    if default_text is None:
        return QueryParam(name, type_name, description)
    try:
        default = json.loads(default_text)
    except json.JSONDecodeError as exc:
        raise QueryError(f"{where}: default of param {name!r} is not JSON: {exc}") from exc
    if default is not None and not _is_type(default, type_name):
        raise QueryError(f"{where}: default of param {name!r} is not a {type_name}")
    return QueryParam(name, type_name, description, default, required=False)


def _build(header: dict[str, Any], body: list[str], where: str) -> NamedQuery:
    for key in ("title", "description"):
        if not header.get(key):
            raise QueryError(f"{where}: query {header['name']!r} has no '// {key}:' header")
    text = "\n".join(body).strip()
    if not text:
        raise QueryError(f"{where}: query {header['name']!r} has no text")
    params: tuple[QueryParam, ...] = tuple(header["params"])
    declared = {p.name for p in params}
    used = parameters(text)
    if used - declared:
        raise QueryError(f"{where}: query {header['name']!r} uses undeclared parameter "
                         f"${sorted(used - declared)[0]}")
    if declared - used:
        raise QueryError(f"{where}: query {header['name']!r} declares unused parameter "
                         f"{sorted(declared - used)[0]!r}")
    return NamedQuery(header["name"], header["title"], header["description"], params, text,
                      where)


def parse_queries(source: str, text: str) -> list[NamedQuery]:
    """The named queries in one file's ``text``; ``source`` names the file in errors."""
    queries: list[NamedQuery] = []
    header: dict[str, Any] | None = None
    header_at = ""
    body: list[str] = []
    in_header = False
    for number, line in enumerate(text.splitlines(), start=1):
        where = f"{source}:{number}"
        m = _HEADER.match(line.strip())
        if m and m.group(1) == "name":
            if header is not None:
                queries.append(_build(header, body, header_at))
            if not re.fullmatch(r"[a-z][a-z0-9_]*", m.group(2)):
                raise QueryError(f"{where}: bad query name {m.group(2)!r} "
                                 "(lower case letters, digits and _)")
            header, header_at, body, in_header = (
                {"name": m.group(2), "params": []}, where, [], True)
        elif header is not None and in_header and m:
            key, value = m.groups()
            if key == "param":
                header["params"].append(_parse_param(value, where))
            elif header.get(key):
                raise QueryError(f"{where}: second '// {key}:' header in query {header['name']!r}")
            else:
                header[key] = value
        elif header is not None:
            if in_header and line.strip().startswith("//"):
                raise QueryError(f"{where}: malformed header line {line.strip()!r}: expected "
                                 "'// title:', '// description:' or '// param:'")
            in_header = False
            body.append(line)
        elif line.strip() and not line.strip().startswith("//"):
            raise QueryError(f"{where}: query text before the first '// name:' header")
    if header is None:
        raise QueryError(f"{source}: no '// name:' header")
    queries.append(_build(header, body, header_at))
    return queries


def _files(directory: Path) -> list[Path]:
    return sorted(p for p in directory.glob("*.cypher") if p.name != SCHEMA_FILE)


def _check_engine(engine: str) -> None:
    if engine not in ENGINES:
        raise QueryError(f"unknown graph engine {engine!r} (known: {', '.join(ENGINES)})")


@lru_cache(maxsize=2 * len(ENGINES))
def _catalog(engine: str, folders: tuple[str, ...]) -> dict[str, NamedQuery]:
    common: dict[str, NamedQuery] = {}
    specific: dict[str, NamedQuery] = {}
    for base in (QUERIES_DIR / sub for sub in folders):
        for directory, found in ((base, common), (base / engine, specific)):
            for path in _files(directory):
                source = str(path.relative_to(QUERIES_DIR.parent))
                for query in parse_queries(source, path.read_text(encoding="utf-8")):
                    if query.name in found:
                        raise QueryError(f"{query.source}: query {query.name!r} is also "
                                         f"defined at {found[query.name].source}")
                    found[query.name] = query
    return {**common, **specific}


def load_catalog(engine: str) -> dict[str, NamedQuery]:
    """The named read queries ``engine`` runs, by name."""
    _check_engine(engine)
    return dict(_catalog(engine, READ_FOLDERS))


def load_writes(engine: str) -> dict[str, NamedQuery]:
    """The named write statements ``engine`` runs, by name."""
    _check_engine(engine)
    return dict(_catalog(engine, WRITE_FOLDERS))


@dataclass(frozen=True)
class Schema:
    """An engine's schema: Cypher statements and (FalkorDB) unique constraints."""

    statements: tuple[str, ...]
    unique: tuple[tuple[str, str], ...]  # (label, property), from ``// unique: Label(prop)``


def load_schema(engine: str) -> Schema:
    """``queries/<engine>/schema.cypher``: statements end with ``;`` at the end of a line."""
    _check_engine(engine)
    path = QUERIES_DIR / engine / SCHEMA_FILE
    statements: list[str] = []
    unique: list[tuple[str, str]] = []
    current: list[str] = []
    for line in path.read_text(encoding="utf-8").splitlines():
        stripped = line.strip()
        m = _UNIQUE.match(stripped)
        if m:
            unique.append((m.group(1), m.group(2)))
        elif stripped and not stripped.startswith("//"):
            current.append(stripped)
            if stripped.endswith(";"):
                statements.append(" ".join(current)[:-1].strip())
                current = []
    if current:
        raise QueryError(f"{path}: last statement does not end with ';'")
    return Schema(tuple(statements), tuple(unique))
