"""The query catalog: headers, parameters, engine overrides, and names from the mapping."""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path

import pytest

from policykg.core.errors import QueryError
from policykg.ontology import mapping as m
from policykg.queries import catalog
from policykg.queries.catalog import QUERIES_DIR, load_catalog, load_schema, parse_queries

_SKIP = re.compile(r"""'(?:[^'\\]|\\.)*'|"(?:[^"\\]|\\.)*"|//[^\n]*""")
_LABEL = re.compile(r"\(\s*\w*\s*:\s*`?(\w+)")
_REL_TYPES = re.compile(r"\[\s*\w*\s*:\s*([`\w|: ]+?)\s*[*\]{]")

GOOD = """// name: one
// title: One
// description: A query.
// param: id string — the id
// param: limit integer = 5 — at most
MATCH (d:Document {id: $id}) RETURN d LIMIT $limit
"""


def test_every_label_and_relationship_type_in_query_files_is_in_the_mapping() -> None:
    labels: set[str] = set()
    types: set[str] = set()
    for path in QUERIES_DIR.glob("**/*.cypher"):
        text = _SKIP.sub("", path.read_text(encoding="utf-8"))
        labels |= set(_LABEL.findall(text))
        for found in _REL_TYPES.findall(text):
            types |= {t.strip(" `:") for t in found.split("|")}
    assert {"Document", "Body", "Task", "Target"} <= labels
    assert "IMPLEMENTS" in types
    assert labels - set(m.NODE_BY_LABEL) == set()
    assert types - set(m.REL_BY_TYPE) == set()


def test_a_header_is_read_with_its_parameters() -> None:
    [query] = parse_queries("x.cypher", GOOD)
    assert (query.name, query.title, query.source) == ("one", "One", "x.cypher:1")
    assert [(p.name, p.type, p.required, p.default) for p in query.params] == [
        ("id", "string", True, None), ("limit", "integer", False, 5)]
    assert query.text == "MATCH (d:Document {id: $id}) RETURN d LIMIT $limit"
    assert query.arguments({"id": "a"}) == {"id": "a", "limit": 5}


@pytest.mark.parametrize(("given", "message"), [
    ({}, "needs parameter 'id'"),
    ({"id": "a", "other": 1}, "has no parameter 'other'"),
    ({"id": 1}, "parameter 'id' must be string, not int"),
    ({"id": "a", "limit": True}, "parameter 'limit' must be integer, not bool"),
])
def test_bad_arguments_are_named(given: dict[str, object], message: str) -> None:
    [query] = parse_queries("x.cypher", GOOD)
    with pytest.raises(QueryError, match=re.escape(message)):
        query.arguments(given)


@pytest.mark.parametrize(("text", "message"), [
    (GOOD.replace("// param: id string — the id", "// param: id — the id"),
     "x.cypher:4: malformed param header"),
    (GOOD.replace("string", "text"), "x.cypher:4: param 'id' has unknown type 'text'"),
    (GOOD.replace("= 5", "= five"), "x.cypher:5: default of param 'limit' is not JSON"),
    (GOOD.replace("// title: One\n", ""), "x.cypher:1: query 'one' has no '// title:' header"),
    (GOOD.replace("{id: $id}", "{id: $key}"), "x.cypher:1: query 'one' uses undeclared "
                                              "parameter $key"),
    (GOOD.replace("LIMIT $limit", ""), "x.cypher:1: query 'one' declares unused parameter"),
    (GOOD.replace("// description: A query.", "// descr: A query."),
     "x.cypher:3: malformed header line"),
    ("MATCH (n) RETURN n\n", "x.cypher:1: query text before the first '// name:' header"),
    (GOOD.replace("name: one", "name: One"), "x.cypher:1: bad query name 'One'"),
])
def test_a_malformed_file_is_reported_with_file_and_line(text: str, message: str) -> None:
    with pytest.raises(QueryError, match=re.escape(message)):
        parse_queries("x.cypher", text)


def test_a_parameter_in_a_string_or_comment_is_not_a_parameter() -> None:
    text = GOOD.replace("RETURN d", "// $nope\nRETURN d, '$nope' AS s")
    [query] = parse_queries("x.cypher", text)
    assert {p.name for p in query.params} == {"id", "limit"}


@pytest.fixture
def queries_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    monkeypatch.setattr(catalog, "QUERIES_DIR", tmp_path)
    catalog._catalog.cache_clear()
    (tmp_path / "falkordb").mkdir()
    (tmp_path / "neo4j").mkdir()
    yield tmp_path
    catalog._catalog.cache_clear()


def test_an_engine_file_overrides_the_common_query(queries_dir: Path) -> None:
    (queries_dir / "one.cypher").write_text(GOOD)
    (queries_dir / "falkordb" / "one.cypher").write_text(GOOD.replace("RETURN d", "RETURN d.id"))
    (queries_dir / "falkordb" / "schema.cypher").write_text("CREATE INDEX FOR (n:X) ON (n.id);\n")
    assert "RETURN d.id" in load_catalog("falkordb")["one"].text
    assert "RETURN d LIMIT" in load_catalog("neo4j")["one"].text
    assert set(load_catalog("falkordb")) == {"one"}  # schema.cypher is not a named query


def test_a_query_name_defined_twice_is_an_error(queries_dir: Path) -> None:
    (queries_dir / "a.cypher").write_text(GOOD)
    (queries_dir / "b.cypher").write_text(GOOD)
    with pytest.raises(QueryError, match=r"b\.cypher:1: query 'one' is also defined at "
                                         r".*a\.cypher:1"):
        load_catalog("neo4j")


def test_an_unknown_engine_is_an_error() -> None:
    with pytest.raises(QueryError, match="unknown graph engine 'mysql'"):
        load_catalog("mysql")


def test_schemas_cover_every_label_id() -> None:
    falkordb, neo4j = load_schema("falkordb"), load_schema("neo4j")
    labels = [n.label for n in m.NODE_TYPES]
    assert falkordb.unique == tuple((label, "id") for label in labels)
    for label in labels:
        assert f"CREATE INDEX FOR (n:{label}) ON (n.id)" in falkordb.statements
        assert any(f"(n:{label}) REQUIRE n.id IS UNIQUE" in s for s in neo4j.statements)
    assert neo4j.unique == ()
    assert all(s.endswith((")", "UNIQUE", "}}")) for s in neo4j.statements)
    for label in ("Document", "Body", "Task"):  # search's full-text indexes
        assert any(f"createNodeIndex({{label: '{label}'" in s and "'search'" in s
                   for s in falkordb.statements)
        assert any(f"FULLTEXT INDEX search_{label.lower()} IF NOT EXISTS FOR (n:{label}) "
                   "ON EACH [n.search]" in s for s in neo4j.statements)
