"""``policykg load``, ``trace``, ``documents``, ``search`` and ``validate``: documents in
the graph."""

from __future__ import annotations

import argparse
import sys
from collections import Counter
from collections.abc import Callable, Iterable
from dataclasses import asdict
from pathlib import Path

from policykg.cli.common import EXIT_FINDINGS, EXIT_OK, batch_exit, emit, err, open_store
from policykg.cli.listing import Column, plural, print_listing, word
from policykg.cli.progress import Progress
from policykg.core.errors import DocumentRejected, PolicyKGError
from policykg.core.printable import printable
from policykg.loaders.batch import discover
from policykg.loaders.load import LoadFailure, LoadResult, OnViolation, load_files
from policykg.ontology.identity import kind_named, scope_name, scope_named
from policykg.queries.documents import lineage, list_documents
from policykg.queries.lookup import resolve_document
from policykg.queries.public import public_document
from policykg.queries.search import search
from policykg.queries.store import GraphStore
from policykg.queries.validation import choose_engine, validate_store, write_report


def report_loads(outcomes: Iterable[LoadResult | LoadFailure],
                 report: Callable[[str], None]) -> tuple[int, list[PolicyKGError]]:
    """Print each outcome as it comes (``report`` for loaded documents, stderr for the
    rest); returns (loaded, the failures' errors)."""
    loaded = 0
    failed: list[PolicyKGError] = []
    for outcome in outcomes:
        if isinstance(outcome, LoadFailure):
            failed.append(outcome.error)
            err(str(outcome.error))
            if isinstance(outcome.error, DocumentRejected):
                for f in outcome.error.violations:
                    err(f"{outcome.source}: {f.shape} at {f.focus}: {f.message_en}")
            continue
        loaded += 1
        report(f"{outcome.source}: {outcome.document_id} ({plural(outcome.tasks, 'task')}, "
               f"{plural(outcome.targets, 'target')}, "
               f"{plural(outcome.references, 'citation')})")
        for warning in outcome.warnings:
            err(f"warning: {warning}")
        by_shape = Counter((f.severity, f.shape.rsplit("/", 1)[-1]) for f in outcome.findings)
        for (severity, shape), n in sorted(by_shape.items()):
            if severity == "Violation":
                err(f"warning: {outcome.source}: {n} violation(s) of {shape}, loaded anyway "
                    "(--on-violation reject refuses them)")
    return loaded, failed


def load_paths(store: GraphStore, paths: Iterable[Path], report: Callable[[str], None],
               on_violation: OnViolation | None = None) -> tuple[int, list[PolicyKGError]]:
    """Load every source under ``paths`` and print what happened; (loaded, failures)."""
    return report_loads(load_files(store, paths, on_violation), report)


def _print_now(line: str) -> None:
    print(line, flush=True)  # as soon as the document is written, even into a pipe


def cmd_load(args: argparse.Namespace) -> int:
    files = discover(args.paths)  # counted first: the progress knows its total
    store = open_store()
    try:
        with Progress("load", "documents", len(files), quiet=args.quiet) as progress:
            loaded, failed = report_loads(
                progress.track(load_files(store, files, args.on_violation)), _print_now)
    finally:
        store.close()
    print(f"loaded {plural(loaded, 'document')}, {len(failed)} failed")
    return batch_exit(failed)


def cmd_trace(args: argparse.Namespace) -> int:
    store = open_store()
    try:
        doc_id = resolve_document(store, args.ref)
        result = lineage(store, doc_id)
    finally:
        store.close()
    result["nodes"] = [public_document(n) | {"depth": n["depth"]} for n in result["nodes"]]
    if args.json:
        emit(result)
        return EXIT_OK
    nodes = {n["id"]: n for n in result["nodes"]}
    parents: dict[str, list[str]] = {}
    for edge in result["edges"]:
        parents.setdefault(edge["from"], []).append(edge["to"])

    def chains(node_id: str, seen: tuple[str, ...]) -> list[list[str]]:
        ups = [p for p in sorted(parents.get(node_id, [])) if p not in seen]
        if not ups:
            return [[node_id]]
        return [[node_id, *rest] for p in ups for rest in chains(p, (*seen, node_id))]

    for chain in chains(doc_id, ()):
        print(" → ".join(printable(nodes[i]["label"]) for i in chain))
    return EXIT_OK


_DOCUMENT_COLUMNS = (
    Column("document", lambda d: d["label"], wide=True),
    Column("kind", lambda d: d["kind_name"]),
    Column("issued", lambda d: d.get("issued") or d.get("year")),
    Column("scope", lambda d: scope_name(d.get("scope")) or d.get("scope")),
    Column("loaded", lambda d: word(not d.get("stub"))),
    Column("id", lambda d: d["id"]),
)


def cmd_documents(args: argparse.Namespace) -> int:
    """The documents, filtered as ``GET /documents`` filters them."""
    kind = kind_named(args.kind).value if args.kind else None
    scope = scope_named(args.scope) if args.scope else None
    stub = {"all": None, "loaded": False, "stubs": True}[args.show]
    store = open_store()
    try:
        rows, count = list_documents(store, kind=kind, scope=scope, year=args.year, stub=stub,
                                     limit=args.limit, offset=args.offset)
        empty = count == 0 and store.count_nodes() == 0
    finally:
        store.close()
    print_listing(args, _DOCUMENT_COLUMNS, [public_document(d) for d in rows], count,
                  "document", empty_graph=empty)
    return EXIT_OK


_HIT_COLUMNS = (
    Column("type", lambda h: h["label"]),
    Column("name", lambda h: h["name"], wide=True),
    Column("matched", lambda h: h["matched"]),
    Column("id", lambda h: h["id"]),
)


def cmd_search(args: argparse.Namespace) -> int:
    """Documents, bodies and tasks, as ``GET /search`` finds them."""
    store = open_store()
    try:
        hits, count = search(store, args.query, limit=args.limit, offset=args.offset)
        empty = count == 0 and store.count_nodes() == 0
    finally:
        store.close()
    print_listing(args, _HIT_COLUMNS, [asdict(h) for h in hits], count, "hit",
                  empty_graph=empty)
    return EXIT_OK


def cmd_validate(args: argparse.Namespace) -> int:
    store = open_store()
    try:
        document = resolve_document(store, args.document) if args.document else None
        engine = choose_engine(store, args.engine)
        with Progress("validate", "shapes" if engine == "graph" else "steps",
                      quiet=args.quiet) as progress:
            run = validate_store(store, document, engine, names=args.format != "turtle",
                                 step=progress.update)
    finally:
        store.close()
    write_report(run, args.format, sys.stdout)
    counts = run.report.counts()
    failing = counts["Violation"] + (counts["Warning"] if args.fail_on == "warning" else 0)
    return EXIT_FINDINGS if failing else EXIT_OK
