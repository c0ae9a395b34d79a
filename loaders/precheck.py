"""Validate a document's rows BEFORE they are written (validation at load time).

The rows the writer would send (:class:`~policykg.loaders.rows.DocumentRows`) become a
graph dump — the document, what it cites (as the graph holds them now, completed
the way the writer completes them, or as new stubs), the bodies, tasks and
targets, and the edges among them — which is checked by one of the two engines
that give the same findings (:mod:`policykg.queries.validation`):

* on a store that offers scratch graphs (FalkorDB), the dump is written to a new,
  empty graph of the same server, the Cypher rules run there
  (:func:`policykg.queries.rules.run_rules`) and the scratch graph is deleted;
* otherwise (Neo4j), the dump becomes RDF (:func:`policykg.ontology.rdf.to_rdf`) and
  pyshacl checks it, much of its time spent parsing its SPARQL constraints again on
  every call.

A batch of documents is checked in one dump: one scratch graph (its nodes indexed by
id, written in one round trip), or one pyshacl run.

Only findings about the document's own nodes (itself, its tasks and its targets)
count: a cited document's faults are its own.

What this cannot see: facts outside the rows, such as an implements cycle closed
by edges already in the graph; ``policykg validate`` checks the whole graph.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from contextlib import AbstractContextManager
from typing import Any, Protocol, runtime_checkable

from policykg.core.errors import GraphError
from policykg.loaders.rows import CITATION_PROPS, DocumentRows
from policykg.ontology import mapping as m
from policykg.ontology.rdf import to_rdf
from policykg.ontology.validation import Finding, validate_rdf
from policykg.queries.bulk import dump_statements
from policykg.queries.catalog import load_catalog, load_writes
from policykg.queries.rules import run_rules
from policykg.queries.store import GraphStore

Node = tuple[str, dict[str, Any]]
Rel = tuple[str, str, str, dict[str, Any]]


def _existing(store: GraphStore, ids: list[str]) -> dict[str, dict[str, Any]]:
    query = load_catalog(store.engine)["nodes_by_id"].text
    return {r["props"]["id"]: r["props"] for r in store.read(query, {"ids": ids})}


def _filled(old: Mapping[str, Any], new: Mapping[str, Any]) -> dict[str, Any]:
    """``old`` with the citation properties it lacks taken from ``new``, as the writer
    completes a cited document (``merge_cited``)."""
    return {**{k: new[k] for k in CITATION_PROPS if new.get(k) is not None},
            **{k: v for k, v in old.items() if v is not None}}


def rows_dump(rows: DocumentRows,
              existing: Mapping[str, Mapping[str, Any]]) -> tuple[list[Node], list[Rel]]:
    """The subgraph the rows write, over the ``existing`` nodes of the same ids."""
    docs: dict[str, dict[str, Any]] = {
        rows.id: {**existing.get(rows.id, {}), **rows.document, "id": rows.id}}
    for row in rows.cited:
        if row["id"] != rows.id:
            old = existing.get(row["id"])
            docs[row["id"]] = _filled(old, row["props"]) if old else {
                **row["props"], "id": row["id"], "stub": True}
    bodies = {b["id"]: {**b["props"], "id": b["id"]} for b in rows.bodies}
    rels: list[Rel] = []
    for part in rows.parts:
        bodies.setdefault(part["parent"], {"id": part["parent"], "name": part["parent_name"],
                                           "scope": part["scope"], "collective": False,
                                           "aliases": [part["parent_name"]],
                                           "search": part["parent_search"]})
        rels.append((m.PART_OF.type, part["child"], part["parent"], {}))
    nodes: list[Node] = [(m.DOCUMENT.label, d) for d in docs.values()]
    nodes += [(m.BODY.label, b) for b in bodies.values()]
    rels += [(m.CITES.type, rows.id, r["id"], r["rel"]) for r in rows.cites]
    rels += [(rel_type, r["source"], r["target"], r["props"])
             for rel_type, stated in rows.stated.items() for r in stated]
    rels += [(m.ISSUED_BY.type, r["document"], r["body"], r["props"]) for r in rows.issued_by]
    rels += [(m.ADDRESSES.type, rows.id, r["body"], r["props"]) for r in rows.addresses]
    for task in rows.tasks:
        nodes.append((m.TASK.label, {**task["props"], "id": task["id"]}))
        rels.append((m.ASSIGNS.type, rows.id, task["id"], {}))
    rels += [(m.OWNED_BY.type, r["task"], r["body"], r["props"]) for r in rows.owners]
    rels += [(m.COORDINATED_BY.type, r["task"], r["body"], r["props"])
             for r in rows.coordinators]
    for target in rows.targets:
        nodes.append((m.TARGET.label, {**target["props"], "id": target["id"]}))
        rels.append((m.SETS_TARGET.type, rows.id, target["id"], {}))
        if target["task"]:
            rels.append((m.HAS_TARGET.type, target["task"], target["id"], {}))
    return nodes, rels


def own_nodes(rows: DocumentRows) -> list[tuple[m.NodeType, str]]:
    """The nodes the document owns: itself, its tasks, its targets."""
    return [(m.DOCUMENT, rows.id), *((m.TASK, t["id"]) for t in rows.tasks),
            *((m.TARGET, g["id"]) for g in rows.targets)]


@runtime_checkable
class ScratchGraphs(Protocol):
    """A store that lends an empty scratch graph, deleted after use."""

    def scratch(self) -> AbstractContextManager[GraphStore]: ...


def precheck(store: GraphStore, batch: Sequence[DocumentRows]) -> list[tuple[Finding, ...]]:
    """The findings about each document's own nodes, before anything is written.

    No document of ``batch`` changes a document another of it reads
    (:mod:`policykg.loaders.rounds`), so their dumps share only bodies and documents
    they all see alike: they are checked together, in one dump (each node once) and one
    pass of the checker, and each document gets the findings about its own nodes."""
    ids = sorted({i for rows in batch for i in (rows.id, *(r["id"] for r in rows.cited))})
    existing = _existing(store, ids)
    nodes: dict[tuple[str, str], dict[str, Any]] = {}
    rels: list[Rel] = []
    parts: set[tuple[str, str]] = set()
    for rows in batch:
        own_dump, own_rels = rows_dump(rows, existing)
        for label, props in own_dump:
            known = nodes.get((label, props["id"]))
            # a body as a document names it (with its aliases) over one only known as
            # the committee another body is part of
            if known is None or ("aliases" in props and "aliases" not in known):
                nodes[(label, props["id"])] = props
        for rel in own_rels:  # a document's edges are its own, but PART_OF's
            if rel[0] != m.PART_OF.type or (rel[1], rel[2]) not in parts:
                parts.update([(rel[1], rel[2])] if rel[0] == m.PART_OF.type else [])
                rels.append(rel)
    dump = [(label, props) for (label, _), props in nodes.items()]
    owner = {m.node_iri(node, node_id): k for k, rows in enumerate(batch)
             for node, node_id in own_nodes(rows)}
    if isinstance(store, ScratchGraphs):
        findings = _in_scratch_graph(store, dump, rels)
    else:
        findings = validate_rdf(to_rdf(dump, rels)).findings
    found: list[list[Finding]] = [[] for _ in batch]
    for f in findings:
        if f.focus in owner:
            found[owner[f.focus]].append(f)
    return [tuple(fs) for fs in found]


def _in_scratch_graph(store: ScratchGraphs, nodes: list[Node], rels: list[Rel]
                      ) -> tuple[Finding, ...]:
    with store.scratch() as scratch:
        writes = load_writes(scratch.engine)
        for label in m.NODE_BY_LABEL:  # an index cannot be created with other statements
            scratch.write([writes[f"scratch_index_{label.lower()}"].statement()])
        scratch.write(dump_statements(scratch.engine, nodes, rels))  # one round trip
        run = run_rules(scratch)  # every node: the findings not about its ids are dropped
    if run.skipped:
        raise GraphError("load-time validation: the graph engine did not evaluate "
                         + "; ".join(run.skipped))
    return run.findings
