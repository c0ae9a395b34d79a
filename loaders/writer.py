"""Write one document's rows to the graph, idempotently, in one transaction.

:func:`document_statements` (pure) turns :class:`~policykg.loaders.rows.DocumentRows`
into the named statements of ``queries/writes/document.cypher`` with ``UNWIND $rows``
batches; :func:`write_document` hands them to the store's ``write`` — one
transaction, so a document is stored whole or not at all.

Idempotence: the statements first remove everything the document asserted in
an earlier load (its tasks, targets, every edge whose ``asserted_by`` is the
document, and its assertions of the relations between documents — one relationship
per ordered pair, deleted when no assertion is left), then write it again;
loading the same text twice leaves the graph as it was.  A cited document that is
not loaded becomes a stub node (``stub: true``) and is filled in — not duplicated —
when its own text is loaded, because both carry the same canonical id.  An ``undated`` stub left by
an earlier unresolved citation is merged into the dated document when that
document is loaded and no other dated document has the same number.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from policykg.loaders.rows import DocumentRows
from policykg.ontology import mapping as m
from policykg.queries.catalog import NamedQuery, load_writes
from policykg.queries.store import GraphStore, Statement

Writes = Mapping[str, NamedQuery]


def retract_statements(writes: Writes, doc_id: str) -> list[Statement]:
    """Statements that remove what ``doc_id`` asserted (not the node itself).

    A document asserts its own outgoing edges and, about the documents it cites,
    their issuers and the relations between them; all carry ``asserted_by``.
    """
    return [writes[name].statement(id=doc_id) for name in (
        "retract_tasks", "retract_targets", "retract_cited_assertions",
        "retract_cited_relations", "drop_unasserted_cited_relations",  # before CITES go
        "retract_own_assertions", "retract_own_relations", "drop_unasserted_own_relations")]


def document_statements(writes: Writes, rows: DocumentRows) -> list[Statement]:
    """All statements that (re)write one document; batches with no rows are left out."""
    doc_id = rows.id
    batches: list[tuple[str, dict[str, object]]] = [
        ("merge_cited", {"rows": rows.cited}),
        ("create_cites", {"id": doc_id, "rows": rows.cites}),
        *((f"create_{rel_type.lower()}", dict[str, object](rows=stated))
          for rel_type, stated in rows.stated.items()),
        ("merge_bodies", {"rows": rows.bodies}),
        ("merge_parts", {"rows": rows.parts}),
        ("create_issued_by", {"rows": rows.issued_by}),
        ("create_addresses", {"id": doc_id, "rows": rows.addresses}),
        ("create_tasks", {"id": doc_id, "rows": rows.tasks}),
        ("create_owners", {"rows": rows.owners}),
        ("create_coordinators", {"rows": rows.coordinators}),
        ("create_targets", {"id": doc_id, "rows": rows.targets}),
        ("create_task_targets", {"rows": [{"task": r["task"], "id": r["id"]}
                                          for r in rows.targets if r["task"]]}),
    ]
    return [*retract_statements(writes, doc_id),
            writes["merge_document"].statement(id=doc_id, props=rows.document),
            *(writes[name].statement(**params) for name, params in batches if params["rows"])]


def adopt_stub_statements(writes: Writes, stub_id: str, doc_id: str) -> list[Statement]:
    """Move the edges of an ``undated`` stub onto the dated document, then drop the stub."""
    moves = (*(f"adopt_stub_{end}_{rel.type.lower()}" for rel in m.DOCUMENT_RELATIONS
               for end in ("into", "from")), "adopt_stub_citers", "adopt_stub_issuers")
    return [*(writes[name].statement(stub=stub_id, doc=doc_id) for name in moves),
            writes["drop_stub"].statement(stub=stub_id)]


def write_document(store: GraphStore, rows: DocumentRows,
                   extra: Sequence[Statement] = ()) -> None:
    """Write one document (and ``extra`` statements) in one transaction."""
    store.write([*document_statements(load_writes(store.engine), rows), *extra])
