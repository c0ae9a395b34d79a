"""Write documents' rows to the graph, idempotently, a batch of them in one transaction.

:func:`document_statements` (pure) turns the :class:`~policykg.loaders.rows.DocumentRows`
of a batch of documents into the named statements of ``queries/writes/document.cypher``
with ``UNWIND $rows`` batches; :func:`write_documents` hands them to the store's
``write`` — one transaction, so each document is stored whole or not at all.

Idempotence: the statements first remove everything the document asserted in
an earlier load (its tasks, targets, every edge whose ``asserted_by`` is the
document, and its assertions of the relations between documents — one relationship
per ordered pair, deleted when no assertion is left), then write it again;
loading the same text twice leaves the graph as it was.  A cited document that is
not loaded becomes a stub node (``stub: true``) and is filled in — not duplicated —
when its own text is loaded, because both carry the same canonical id.  An ``undated`` stub
left by an unresolved citation is merged into the dated document of its number when the
graph holds exactly one: checked in the transaction that writes either of them, so two
loaders at once, one writing the dated document and one the citation, leave one node.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence

from policykg.loaders.rows import DocumentRows, Row, merge_assertions
from policykg.ontology import mapping as m
from policykg.queries.catalog import NamedQuery, load_writes
from policykg.queries.store import GraphStore, Statement

Writes = Mapping[str, NamedQuery]


def retract_statements(writes: Writes, doc_ids: Sequence[str]) -> list[Statement]:
    """Statements that remove what ``doc_ids`` asserted (not the nodes themselves).

    A document asserts its own outgoing edges and, about the documents it cites,
    their issuers and the relations between them; all carry ``asserted_by``.
    """
    return [writes[name].statement(ids=list(doc_ids)) for name in (
        "retract_tasks", "retract_targets", "retract_cited_assertions",
        "retract_cited_relations", "drop_unasserted_cited_relations",  # before CITES go
        "retract_own_assertions", "retract_own_relations", "drop_unasserted_own_relations")]


def document_statements(writes: Writes, batch: Sequence[DocumentRows]) -> list[Statement]:
    """All statements that (re)write the documents of ``batch``, each statement once for
    the batch; batches with no rows are left out.  No document of ``batch`` changes a
    document another of it reads or writes (:mod:`policykg.loaders.rounds`), and their
    citation rows of documents settled in the graph are left out, so that each document
    a statement merges is merged by one row.

    Bodies are shared by documents: each document's are merged in turn, in order, so
    their names and aliases are what loading the documents one by one gives."""
    def rows(get: Callable[[DocumentRows], list[Row]], doc: bool = False) -> list[Row]:
        return [{**row, "doc": r.id} if doc else row for r in batch for row in get(r)]

    batches: list[tuple[str, list[Row]]] = [
        ("merge_cited", rows(lambda r: r.cited)),
        ("create_cites", rows(lambda r: r.cites, doc=True)),
        # one row per pair: documents of a batch may state the same relation
        *((f"create_{rel.type.lower()}", merge_assertions(
            [row for r in batch for row in r.stated[rel.type]], ("source", "target"), "props"))
          for rel in m.DOCUMENT_RELATIONS),
        *((name, part) for r in batch
          for name, part in (("merge_bodies", r.bodies), ("merge_parts", r.parts))),
        ("create_issued_by", rows(lambda r: r.issued_by)),
        ("create_addresses", rows(lambda r: r.addresses, doc=True)),
        ("create_tasks", rows(lambda r: r.tasks, doc=True)),
        ("create_owners", rows(lambda r: r.owners)),
        ("create_coordinators", rows(lambda r: r.coordinators)),
        ("create_targets", rows(lambda r: r.targets, doc=True)),
        ("create_task_targets", rows(lambda r: [{"task": g["task"], "id": g["id"]}
                                                for g in r.targets if g["task"]])),
    ]
    return [*retract_statements(writes, [r.id for r in batch]),
            writes["merge_document"].statement(rows=[{"id": r.id, "props": r.document}
                                                     for r in batch]),
            *(writes[name].statement(rows=part) for name, part in batches if part)]


def adopt_stub_statements(writes: Writes, keys: Sequence[Row]) -> list[Statement]:
    """Merge the ``undated`` stubs of ``keys`` (``{stub, scope, key}`` per number) into the
    dated document of their scope and number, where the graph holds exactly one: decided
    and done in the writing transaction, not from what the loader read before (on
    Neo4j ``lock_undated`` first, so that two loaders at once meet on the stub)."""
    if not keys:
        return []
    stubs = sorted({str(k["stub"]) for k in keys})
    keys = sorted(keys, key=lambda k: str(k["stub"]))  # locks taken in one order
    moves = (*(f"adopt_stub_{end}_{rel.type.lower()}" for rel in m.DOCUMENT_RELATIONS
               for end in ("into", "from")), "adopt_stub_citers", "adopt_stub_issuers",
             "drop_moved_into", "drop_moved_from", "drop_adopted", "unmark_adopted",
             "drop_lonely_undated")
    lock = [writes["lock_undated"].statement(keys=keys)] if "lock_undated" in writes else []
    return [*lock, writes["mark_adoptable"].statement(keys=keys),
            *(writes[name].statement(stubs=stubs) for name in moves)]


def write_documents(store: GraphStore, batch: Sequence[DocumentRows],
                    extra: Sequence[Statement] = ()) -> None:
    """Write the documents of ``batch``, then the ``extra`` statements (which see all the
    documents wrote: :meth:`~policykg.queries.store.GraphStore.write`), in one
    transaction."""
    store.write(document_statements(load_writes(store.engine), batch), then=extra)
