"""Write one document's rows to the graph, idempotently, in one transaction.

:func:`document_statements` (pure) turns :class:`~loaders.rows.DocumentRows`
into Cypher statements with ``UNWIND $rows`` batches; :func:`write_document`
hands them to the store's ``write`` — one transaction, so a document is stored
whole or not at all.

Idempotence: the statements first remove everything the document asserted in
an earlier load (its tasks, targets and every edge whose ``asserted_by`` is the
document), then write it again; loading the same text twice leaves the graph
as it was.  A cited document that is not loaded becomes a stub node
(``stub: true``) and is filled in — not duplicated — when its own text is
loaded, because both carry the same canonical id.  An ``undated`` stub left by
an earlier unresolved citation is merged into the dated document when that
document is loaded and no other dated document has the same number.

Labels, relationship types and property names come from :mod:`ontology.mapping`.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

from loaders.rows import DocumentRows
from ontology import mapping as m
from queries.store import GraphStore

Statement = tuple[str, Mapping[str, Any]]

DOC, BODY, TASK, TARGET = (f"`{n.label}`" for n in (m.DOCUMENT, m.BODY, m.TASK, m.TARGET))
IMPLEMENTS, CITES, ISSUED_BY, ADDRESSES, ASSIGNS, SETS_TARGET = (
    f"`{r.type}`" for r in (m.IMPLEMENTS, m.CITES, m.ISSUED_BY, m.ADDRESSES, m.ASSIGNS,
                            m.SETS_TARGET)
)
OWNED_BY, COORDINATED_BY, HAS_TARGET, PART_OF = (
    f"`{r.type}`" for r in (m.OWNED_BY, m.COORDINATED_BY, m.HAS_TARGET, m.PART_OF)
)
_BY = m.ASSERTED_BY.name


def retract_statements(doc_id: str) -> list[Statement]:
    """Statements that remove what ``doc_id`` asserted (not the node itself).

    A document asserts its own outgoing edges and, about the documents it cites,
    their issuers and the relations between them; all carry ``asserted_by``.
    The edges are found from the document, never by scanning the whole graph.
    """
    p = {"id": doc_id}
    stmts: list[Statement] = [
        (f"MATCH (d:{DOC} {{id: $id}})-[:{ASSIGNS}]->(t:{TASK}) DETACH DELETE t", p),
        (f"MATCH (d:{DOC} {{id: $id}})-[:{SETS_TARGET}]->(g:{TARGET}) DETACH DELETE g", p),
    ]
    for rel in (IMPLEMENTS, ISSUED_BY):
        stmts.append((f"""MATCH (d:{DOC} {{id: $id}})-[:{CITES}]->(c:{DOC})-[r:{rel}]->()
WHERE r.{_BY} = $id DELETE r""", p))
    for rel in (IMPLEMENTS, ISSUED_BY, ADDRESSES, CITES):
        stmts.append((f"MATCH (d:{DOC} {{id: $id}})-[r:{rel}]->() WHERE r.{_BY} = $id DELETE r", p))
    return stmts


def document_statements(rows: DocumentRows) -> list[Statement]:
    """All statements that (re)write one document."""
    doc = {"id": rows.id, "props": rows.document}
    stmts = retract_statements(rows.id)
    stmts += [
        # The document itself; a stub of the same id is filled in.
        (f"MERGE (d:{DOC} {{id: $id}}) SET d += $props", doc),
        # Cited documents: created as stubs, or completed where they lack a fact.
        (f"""UNWIND $rows AS row
MERGE (c:{DOC} {{id: row.id}})
ON CREATE SET c += row.props, c.stub = true
SET c.kind = coalesce(c.kind, row.props.kind), c.number = coalesce(c.number, row.props.number),
    c.issued = coalesce(c.issued, row.props.issued), c.year = coalesce(c.year, row.props.year),
    c.term = coalesce(c.term, row.props.term), c.scope = coalesce(c.scope, row.props.scope),
    c.issuer_name = coalesce(c.issuer_name, row.props.issuer_name),
    c.search = coalesce(c.search, row.props.search)""", {"rows": rows.cited}),
        (f"""MATCH (d:{DOC} {{id: $id}})
UNWIND $rows AS row
MATCH (c:{DOC} {{id: row.id}})
CREATE (d)-[r:{CITES}]->(c) SET r += row.rel""", {"id": rows.id, "rows": rows.cited}),
        (f"""UNWIND $rows AS row
MATCH (a:{DOC} {{id: row.source}}), (b:{DOC} {{id: row.target}})
CREATE (a)-[r:{IMPLEMENTS}]->(b) SET r += row.props""", {"rows": rows.implements}),
        (f"""UNWIND $rows AS row
MERGE (b:{BODY} {{id: row.id}})
ON CREATE SET b += row.props
SET b.aliases = [a IN coalesce(b.aliases, []) WHERE NOT a IN row.props.aliases]
    + row.props.aliases""", {"rows": rows.bodies}),
        (f"""UNWIND $rows AS row
MATCH (c:{BODY} {{id: row.child}})
MERGE (p:{BODY} {{id: row.parent}})
ON CREATE SET p.name = row.parent_name, p.scope = row.scope, p.collective = false,
    p.aliases = [row.parent_name]
MERGE (c)-[:{PART_OF}]->(p)""", {"rows": rows.parts}),
        (f"""UNWIND $rows AS row
MATCH (d:{DOC} {{id: row.document}}), (b:{BODY} {{id: row.body}})
CREATE (d)-[r:{ISSUED_BY}]->(b) SET r += row.props""", {"rows": rows.issued_by}),
        (f"""MATCH (d:{DOC} {{id: $id}})
UNWIND $rows AS row
MATCH (b:{BODY} {{id: row.body}})
CREATE (d)-[r:{ADDRESSES}]->(b) SET r += row.props""", {"id": rows.id, "rows": rows.addresses}),
        (f"""MATCH (d:{DOC} {{id: $id}})
UNWIND $rows AS row
CREATE (d)-[:{ASSIGNS}]->(t:{TASK} {{id: row.id}}) SET t += row.props""",
         {"id": rows.id, "rows": rows.tasks}),
        (f"""UNWIND $rows AS row
MATCH (t:{TASK} {{id: row.task}}), (b:{BODY} {{id: row.body}})
CREATE (t)-[r:{OWNED_BY}]->(b) SET r += row.props""", {"rows": rows.owners}),
        (f"""UNWIND $rows AS row
MATCH (t:{TASK} {{id: row.task}}), (b:{BODY} {{id: row.body}})
CREATE (t)-[r:{COORDINATED_BY}]->(b) SET r += row.props""", {"rows": rows.coordinators}),
        (f"""MATCH (d:{DOC} {{id: $id}})
UNWIND $rows AS row
CREATE (d)-[:{SETS_TARGET}]->(g:{TARGET} {{id: row.id}}) SET g += row.props""",
         {"id": rows.id, "rows": rows.targets}),
        (f"""UNWIND $rows AS row
MATCH (t:{TASK} {{id: row.task}}), (g:{TARGET} {{id: row.id}})
CREATE (t)-[:{HAS_TARGET}]->(g)""", {"rows": [r for r in rows.targets if r["task"]]}),
    ]
    return [s for s in stmts if s[1].get("rows", True) != []]


def adopt_stub_statements(stub_id: str, doc_id: str) -> list[Statement]:
    """Move the edges of an ``undated`` stub onto the dated document, then drop the stub."""
    p = {"stub": stub_id, "doc": doc_id}
    stmts: list[Statement] = []
    for rel in (IMPLEMENTS, CITES, ISSUED_BY):
        stmts.append((f"""MATCH (a)-[r:{rel}]->(s:{DOC} {{id: $stub}}), (d:{DOC} {{id: $doc}})
CREATE (a)-[n:{rel}]->(d) SET n += properties(r) DELETE r""", p))
        stmts.append((f"""MATCH (s:{DOC} {{id: $stub}})-[r:{rel}]->(b), (d:{DOC} {{id: $doc}})
CREATE (d)-[n:{rel}]->(b) SET n += properties(r) DELETE r""", p))
    stmts.append((f"MATCH (s:{DOC} {{id: $stub}}) WHERE s.stub = true DETACH DELETE s", p))
    return stmts


def write_document(store: GraphStore, rows: DocumentRows,
                   extra: Sequence[Statement] = ()) -> None:
    """Write one document (and ``extra`` statements) in one transaction."""
    store.write([*document_statements(rows), *extra])
