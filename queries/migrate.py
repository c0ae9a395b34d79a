"""Bring a graph loaded by an earlier version to the current data model.

Before relations between documents were stored once per ordered pair, each stating
document had its own ``IMPLEMENTS`` (``REPLACES``, ``AMENDS``, ``CITES``) relationship,
with a scalar ``asserted_by`` and the statement's ``source_file``, ``span_start``,
``span_end`` and ``origin``.  :func:`merge_parallel_relations` replaces the
relationships of each such pair by one carrying ``asserted_by`` and ``assertions``
(:data:`policykg.ontology.mapping.ASSERTIONS`), with a ``CITES``'s ``resolution``
(the worst of its citations': ambiguous, unresolved, by-name, resolved), one batch of
pairs per transaction.  Before bodies' search keys held their aliases, a body's key was
its folded name, and a body created as another's parent had none:
:func:`refresh_body_keys` gives each body whose key lacks its name or an alias the key
:func:`~policykg.queries.search.body_search_key` makes.  (The full-text indexes search
uses come with the schema, which opening the store ensures.)  Before numbers were keyed,
a document had no ``number_key`` (the indexed key candidate lookups match on):
:func:`add_number_keys` sets it.  Sources were stored as server paths:
:func:`public_sources` stores them as they are stored now.  A graph already in the
current model is left as it is.
"""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path
from typing import Any

from policykg.core.settings import get_settings
from policykg.core.vntext import fold
from policykg.ontology import mapping as m
from policykg.ontology.identity import number_key
from policykg.queries.catalog import load_writes
from policykg.queries.search import alias_keys, body_search_key
from policykg.queries.store import GraphStore

BATCH = 5_000
_WORST_FIRST = ("ambiguous", "unresolved", "by-name", "resolved")


def _merged(edges: list[Mapping[str, Any]]) -> dict[str, Any]:
    by: set[str] = set()
    said: set[str] = set()
    resolutions: list[str] = []
    for props in edges:
        value = props.get(m.ASSERTED_BY_ALL.name)
        by.update(value if isinstance(value, list) else [value] if value else [])
        said.update(props.get(m.ASSERTIONS.name) or [])
        if not props.get(m.ASSERTIONS.name) and isinstance(props.get("asserted_by"), str):
            start, end = props.get(m.SPAN_START.name), props.get(m.SPAN_END.name)
            span = (start, end) if isinstance(start, int) and isinstance(end, int) else None
            said.add(m.assertion(props["asserted_by"], props.get(m.ORIGIN.name), span))
        if isinstance(props.get("resolution"), str):
            resolutions.append(props["resolution"])
    merged: dict[str, Any] = {m.ASSERTED_BY_ALL.name: sorted(by),
                              m.ASSERTIONS.name: sorted(said)}
    if resolutions:
        merged["resolution"] = min(resolutions, key=lambda r: _WORST_FIRST.index(r)
                                   if r in _WORST_FIRST else len(_WORST_FIRST))
    return merged


def merge_parallel_relations(store: GraphStore, batch: int = BATCH) -> int:
    """Merge the relationships of every pair still in the old model; how many pairs."""
    writes = load_writes(store.engine)
    old = writes["migrate_old_relations"]
    merged = 0
    while True:
        rows = store.read(old.text, {"limit": batch})
        if not rows:
            return merged
        pairs = {(r["type"], r["source"], r["target"]) for r in rows}
        # every relationship of these pairs, a new one too if a later load wrote it
        edges = store.read(writes["migrate_pair_edges"].text, {"rows": [
            {"type": t, "s": s, "t": o} for t, s, o in sorted(pairs)]})
        by_pair: dict[tuple[str, str, str], list[Mapping[str, Any]]] = {}
        for e in edges:
            by_pair.setdefault((e["type"], e["s"], e["t"]), []).append(e["props"])
        statements = [writes["migrate_drop_pair"].statement(rows=[
            {"type": t, "s": s, "t": o} for t, s, o in sorted(pairs)])]
        for rel in m.ASSERTED_RELATIONS:
            created = [{"s": s, "t": o, "p": _merged(props)}
                       for (t, s, o), props in sorted(by_pair.items()) if t == rel.type]
            if created:
                statements.append(
                    writes[f"bulk_rels_{rel.type.lower()}"].statement(rows=created))
        store.write(statements)
        merged += len(pairs)


def refresh_body_keys(store: GraphStore, batch: int = BATCH) -> int:
    """Give every body whose search key lacks its folded name or one of its folded
    aliases the key of both; how many bodies."""
    writes = load_writes(store.engine)
    stale = []
    for row in store.read(writes["migrate_bodies"].text):
        name, aliases, key = str(row["name"] or row["id"]), row["aliases"] or [], row["search"]
        if key is None or any(f" {k} " not in f" {key} "
                              for k in (fold(name), *alias_keys(aliases))):
            stale.append({"id": row["id"], "search": body_search_key(name, aliases)})
    for start in range(0, len(stale), batch):
        store.write([writes["migrate_body_keys"].statement(rows=stale[start:start + batch])])
    return len(stale)


def add_number_keys(store: GraphStore, batch: int = BATCH) -> int:
    """Set the ``number_key`` of every numbered document without one; how many."""
    writes = load_writes(store.engine)
    keyed = 0
    while True:
        rows = store.read(writes["migrate_unkeyed_documents"].text, {"limit": batch})
        if not rows:
            return keyed
        store.write([writes["migrate_set_number_keys"].statement(rows=[
            {"id": r["id"], "key": number_key(r["number"])} for r in rows])])
        keyed += len(rows)


def public_sources(store: GraphStore, corpus_dir: Path | None = None) -> int:
    """Rewrite every source stored as a server path (by an earlier version) as it is stored
    now: relative to the corpus folder when inside it, else by its file name; how many
    nodes and relationships changed."""
    writes = load_writes(store.engine)
    changed = sum(int(row[key]) for name, key in (("migrate_server_sources", "nodes"),
                                                   ("migrate_server_sources_edges",
                                                    "relationships"))
                  for row in store.read(writes[name].text))
    if changed:
        given = corpus_dir or get_settings().corpus_dir
        prefixes = {f"{given.resolve()}/", f"{given}/"}  # as loaded, or as resolved
        statements = [writes[name].statement(prefix=prefix) for prefix in sorted(prefixes)
                      for name in ("migrate_public_sources", "migrate_public_sources_edges")]
        store.write(statements)
    return changed
