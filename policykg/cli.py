"""The ``policykg`` command line.

Exit codes:
  0  success (for `validate`: the graph conforms)
  1  the command ran and found problems (validation findings at or above --fail-on,
     failed files in a batch, an eval score under --min-f1)
  2  bad input: usage, a missing or unreadable file, a bad sidecar, an unknown reference
  3  the graph store cannot be reached or failed

Heavy modules (fastapi, falkordb, rdflib …) are imported inside the commands
that need them, so ``extract`` and ``--help`` stay fast.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import Counter
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

from policykg import cli_analyst, cli_audit
from policykg.cli_common import (
    EXIT_FINDINGS,
    EXIT_GRAPH,
    EXIT_INPUT,
    EXIT_OK,
    emit,
    err,
    open_store,
)
from policykg.errors import GraphError, InputError, PolicyKGError

if TYPE_CHECKING:
    from loaders.load import OnViolation
    from queries.store import GraphStore

# -- commands ---------------------------------------------------------------


def cmd_extract(args: argparse.Namespace) -> int:
    from loaders.batch import FileFailure, discover, extract_batch
    from loaders.gold import to_gold

    failed = 0
    for item in extract_batch(discover(args.files)):
        if isinstance(item, FileFailure):
            err(str(item.error))
            failed += 1
        else:
            emit(to_gold(item))
    return EXIT_FINDINGS if failed else EXIT_OK


def cmd_eval(args: argparse.Namespace) -> int:
    from loaders.batch import FileFailure, discover, extract_batch
    from loaders.gold import to_gold
    from loaders.scoring import score

    if not args.gold_dir.is_dir():
        raise InputError(f"{args.gold_dir}: not a folder of gold annotations")
    gold = []
    for path in sorted(args.gold_dir.glob("*.json")):
        try:
            gold.append(json.loads(path.read_text(encoding="utf-8")))
        except (OSError, UnicodeDecodeError, json.JSONDecodeError) as exc:
            raise InputError(f"{path}: not a readable gold annotation: {exc}") from exc
    predictions: dict[str, dict[str, Any]] = {}
    for item in extract_batch(discover(args.files)):
        if isinstance(item, FileFailure):
            err(str(item.error))
            continue
        pred = to_gold(item)
        predictions[pred["file"]] = pred
    scores = score(gold, predictions)
    if args.json:
        emit(scores.to_dict())
    else:
        print("\n".join(scores.lines()))
    return EXIT_FINDINGS if scores.overall[2] < args.min_f1 else EXIT_OK


def load_paths(store: GraphStore, paths: Sequence[Path], report: Callable[[str], None],
               on_violation: OnViolation | None = None) -> tuple[int, int]:
    """Load every source under ``paths``; returns (loaded, failed).  With
    ``on_violation`` each document is validated before it is written; a rejected
    one is reported (file, shape, focus) and counted as failed."""
    from loaders.batch import FileFailure, discover, extract_batch
    from loaders.load import DocumentRejected, load_extraction

    loaded = failed = 0
    for item in extract_batch(discover(paths)):
        if isinstance(item, FileFailure):
            err(str(item.error))
            failed += 1
            continue
        try:
            result = load_extraction(store, item, on_violation)
        except DocumentRejected as exc:
            err(str(exc))
            for f in exc.violations:
                err(f"{exc.source}: {f.shape} at {f.focus}: {f.message_en}")
            failed += 1
            continue
        loaded += 1
        report(f"{result.source}: {result.document_id} ({result.tasks} tasks, "
               f"{result.targets} targets, {result.references} citations)")
        for warning in result.warnings:
            err(f"warning: {warning}")
        by_shape = Counter((f.severity, f.shape.rsplit("/", 1)[-1]) for f in result.findings)
        for (severity, shape), n in sorted(by_shape.items()):
            if severity == "Violation":
                err(f"warning: {result.source}: {n} violation(s) of {shape}, loaded anyway "
                    "(--on-violation reject refuses them)")
    return loaded, failed


def cmd_load(args: argparse.Namespace) -> int:
    store = open_store()
    try:
        loaded, failed = load_paths(store, args.paths, print, args.on_violation)
    finally:
        store.close()
    print(f"loaded {loaded} document(s), {failed} failed")
    return EXIT_FINDINGS if failed else EXIT_OK


def _lineage(store: GraphStore, doc_id: str) -> dict[str, Any]:
    from api.service import lineage

    return lineage(store, doc_id)


def _label(node: dict[str, Any]) -> str:
    number = node.get("number") or node.get("title") or node["id"]
    year = node.get("year")
    return f"{number} ({year})" if year else str(number)


def cmd_trace(args: argparse.Namespace) -> int:
    from queries.lookup import resolve_document

    store = open_store()
    try:
        doc_id = resolve_document(store, args.ref)
        result = _lineage(store, doc_id)
    finally:
        store.close()
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
        print(" → ".join(_label(nodes[i]) for i in chain))
    return EXIT_OK


def cmd_validate(args: argparse.Namespace) -> int:
    from policykg.validate import validate_store, write_report

    store = open_store()
    try:
        document = None
        if args.document:
            from queries.lookup import resolve_document

            document = resolve_document(store, args.document)
        run = validate_store(store, document, args.engine, names=args.format != "turtle")
    finally:
        store.close()
    write_report(run, args.format, sys.stdout)
    counts = run.report.counts()
    failing = counts["Violation"] + (counts["Warning"] if args.fail_on == "warning" else 0)
    return EXIT_FINDINGS if failing else EXIT_OK


def _summary(store: GraphStore) -> None:
    """Validate the whole graph and print the counts per shape."""
    from policykg.validate import text_lines, validate_store

    lines = text_lines(validate_store(store))
    print("validation: " + next(lines))
    for line in lines:
        if line and not line.startswith(("  ", "    ")):
            print("  " + line)


def cmd_serve(args: argparse.Namespace) -> int:
    import uvicorn

    from api.app import create_app

    uvicorn.run(create_app(), host=args.host, port=args.port, log_level="info")
    return EXIT_OK


def cmd_up(args: argparse.Namespace) -> int:
    from policykg.settings import get_settings

    store = open_store()
    try:
        if store.count_nodes() == 0:
            corpus = get_settings().corpus_dir
            print(f"the graph is empty: loading the bundled corpus from {corpus}")
            load_paths(store, [corpus], print)
            _summary(store)
        else:
            print(f"the graph holds {store.count_nodes()} nodes; not reloading the corpus")
    finally:
        store.close()
    return cmd_serve(args)


def cmd_db(args: argparse.Namespace) -> int:
    from policykg.settings import get_settings
    from queries.embedded import EmbeddedFalkorDB

    settings = get_settings()
    if settings.graph_url:
        err(f"POLICYKG_GRAPH_URL is set ({settings.graph_url}): `db` manages only the "
             "embedded graph")
        return EXIT_INPUT
    db = EmbeddedFalkorDB(settings.data_dir, settings.embedded_port)
    if args.action == "start":
        port = db.start()
        print(f"embedded graph running on 127.0.0.1:{port} (data in {settings.data_dir})")
    elif args.action == "stop":
        db.stop()
        print("embedded graph stopped")
    else:
        status = db.status()
        state = f"running on 127.0.0.1:{status.port} (pid {status.pid})" if status.running \
            else "not running"
        print(f"embedded graph {state}; data in {status.data_dir}")
    return EXIT_OK


# -- parser -----------------------------------------------------------------


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="policykg",
        description="Knowledge graph of Vietnamese Party policy documents on science and "
        "technology.",
        epilog="Exit codes: 0 success; 1 problems found (violations, failed files); "
        "2 bad input; 3 graph store unavailable or failed.",
    )
    sub = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")

    p = sub.add_parser("extract", help="extract documents to JSON Lines on stdout")
    p.add_argument("files", nargs="+", type=Path, metavar="FILE")
    p.set_defaults(func=cmd_extract)

    p = sub.add_parser("eval", help="score extraction against gold annotations, field by field")
    p.add_argument("gold_dir", type=Path, metavar="GOLD_DIR")
    p.add_argument("files", nargs="+", type=Path, metavar="FILE")
    p.add_argument("--json", action="store_true", help="print the scores as JSON")
    p.add_argument("--min-f1", type=float, default=0.0,
                   help="exit 1 when the overall F1 is under this")
    p.set_defaults(func=cmd_eval)

    p = sub.add_parser("load", help="extract and load files or folders into the graph")
    p.add_argument("paths", nargs="+", type=Path, metavar="PATH")
    p.add_argument("--on-violation", choices=["reject", "warn"], default="warn",
                   help="validate each document (pyshacl on its rows) before writing it: "
                   "reject: do not store a document with a Violation (exit 1); warn "
                   "(default): store it and say so on stderr")
    p.set_defaults(func=cmd_load)

    p = sub.add_parser("trace", help="print the implements chain of a document up to its roots")
    p.add_argument("ref", metavar="REF",
                   help='an id, a number ("69-KL/TW") or a name ("Kết luận 69", "KL 69")')
    p.add_argument("--json", action="store_true", help="print the lineage graph as JSON")
    p.set_defaults(func=cmd_trace)

    p = sub.add_parser("validate", help="check the graph against the SHACL shapes")
    p.add_argument("--document", metavar="REF",
                   help="validate only this document's subgraph (an id or a reference)")
    p.add_argument("--format", choices=["text", "json", "turtle"], default="text")
    p.add_argument("--fail-on", choices=["violation", "warning"], default="violation",
                   help="lowest severity that makes the exit code 1 (default: violation)")
    p.add_argument("--engine", choices=["auto", "graph", "shacl"], default="auto",
                   help="graph: Cypher rules inside the store; shacl: pyshacl on the exported "
                   "RDF; auto (default): shacl up to POLICYKG_SHACL_MAX_NODES nodes "
                   "(20000), graph above")
    p.set_defaults(func=cmd_validate)

    for name, func, text in (("serve", cmd_serve, "serve the HTTP API"),
                             ("up", cmd_up, "start the embedded graph, load the bundled "
                              "corpus if the graph is empty, serve the HTTP API")):
        p = sub.add_parser(name, help=text)
        p.add_argument("--host", default="127.0.0.1")
        p.add_argument("--port", type=int, default=8000)
        p.set_defaults(func=func)

    cli_audit.register(sub)
    cli_analyst.register(sub)

    p = sub.add_parser("db", help="start, stop or show the embedded graph")
    p.add_argument("action", choices=["start", "stop", "status"])
    p.set_defaults(func=cmd_db)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    try:
        code: int = args.func(args)
    except InputError as exc:
        err(str(exc))
        return EXIT_INPUT
    except GraphError as exc:
        err(str(exc))
        return EXIT_GRAPH
    except PolicyKGError as exc:
        err(str(exc))
        return EXIT_INPUT
    except KeyboardInterrupt:
        return 130
    return code


if __name__ == "__main__":
    sys.exit(main())
