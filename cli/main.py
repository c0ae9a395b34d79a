"""The ``policykg`` command line: the parser, and the dispatch to the command modules.

Each command names its handler as ``module:function`` (``extraction``, ``documents``,
``audit``, ``analyst``, ``export``, ``server`` in this package), imported only when
that command runs: the modules import what they need at their top, and ``--help`` or
``extract`` never pay for the graph clients, rdflib, pyshacl or FastAPI.  Exit codes
are those of :mod:`policykg.cli.common`.
"""

from __future__ import annotations

import argparse
import importlib
import logging
import os
import sys
from collections.abc import Callable, Sequence
from datetime import date
from pathlib import Path

from policykg.cli.common import err, exit_code
from policykg.core.errors import PolicyKGError

Handler = Callable[[argparse.Namespace], int]
EXIT_BROKEN_PIPE = 141  # as a shell reports a process killed by SIGPIPE


def _positive(text: str) -> int:
    try:
        value = int(text)
    except ValueError:
        value = 0
    if value < 1:
        raise argparse.ArgumentTypeError(f"{text!r} is not a positive integer")
    return value


def _command(sub: argparse._SubParsersAction[argparse.ArgumentParser], name: str,
             handler: str, help: str) -> argparse.ArgumentParser:
    p = sub.add_parser(name, help=help, description=help)
    p.set_defaults(handler=handler)
    return p


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="policykg",
        description="Knowledge graph of Vietnamese Party policy documents on science and "
        "technology.",
        epilog="Exit codes: 0 success; 1 problems found (violations, failed files); "
        "2 bad input; 3 graph store unavailable or failed.",
    )
    sub = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")

    p = _command(sub, "extract", "extraction:cmd_extract",
                 "extract documents to JSON Lines on stdout")
    p.add_argument("files", nargs="+", type=Path, metavar="FILE")

    p = _command(sub, "eval", "extraction:cmd_eval",
                 "score extraction against gold annotations, field by field")
    p.add_argument("gold_dir", type=Path, metavar="GOLD_DIR")
    p.add_argument("files", nargs="+", type=Path, metavar="FILE")
    p.add_argument("--json", action="store_true", help="print the scores as JSON")
    p.add_argument("--min-f1", type=float, default=0.0,
                   help="exit 1 when the overall F1 is under this")
    p.add_argument("--documents", action="store_true",
                   help="also print each document's F1, field by field")
    p.add_argument("--misses", action="store_true",
                   help="also list every difference from the gold (missed, spurious, wrong)")

    p = _command(sub, "load", "documents:cmd_load",
                 "extract and load files or folders into the graph")
    p.add_argument("paths", nargs="+", type=Path, metavar="PATH")
    p.add_argument("--on-violation", choices=["reject", "warn"], default="warn",
                   help="validate each document's rows before writing it: reject: do not "
                   "store a document with a Violation (exit 1); warn (default): store it "
                   "and say so on stderr")

    p = _command(sub, "trace", "documents:cmd_trace",
                 "print the implements chain of a document up to its roots")
    p.add_argument("ref", metavar="REF",
                   help='an id, a number ("69-KL/TW") or a name ("Kết luận 69", "KL 69")')
    p.add_argument("--json", action="store_true", help="print the lineage graph as JSON")

    p = _command(sub, "validate", "documents:cmd_validate",
                 "check the graph against the SHACL shapes")
    p.add_argument("--document", metavar="REF",
                   help="validate only this document's subgraph (an id or a reference)")
    p.add_argument("--format", choices=["text", "json", "turtle"], default="text")
    p.add_argument("--fail-on", choices=["violation", "warning"], default="violation",
                   help="lowest severity that makes the exit code 1 (default: violation)")
    p.add_argument("--engine", choices=["auto", "graph", "shacl"], default="auto",
                   help="graph: Cypher rules inside the store; shacl: pyshacl on the exported "
                   "RDF; auto (default): shacl up to POLICYKG_SHACL_MAX_NODES nodes "
                   "(20000), graph above")

    for name, handler, text in (
            ("serve", "server:cmd_serve", "serve the HTTP API"),
            ("up", "server:cmd_up", "start the embedded graph, load the bundled corpus if "
             "the graph is empty, serve the HTTP API")):
        p = _command(sub, name, handler, text)
        p.add_argument("--host", default="127.0.0.1")
        p.add_argument("--port", type=int, default=8000)

    p = _command(sub, "export", "export:cmd_export", "write the whole graph as Turtle or JSON-LD")
    p.add_argument("--format", choices=["turtle", "jsonld"], default="turtle")
    p.add_argument("--output", type=Path, metavar="FILE", help="default: stdout")
    p = _command(sub, "import", "export:cmd_import",
                 "load an export (.ttl or .jsonld) into an empty graph")
    p.add_argument("file", type=Path, metavar="FILE")

    p = _command(sub, "audit", "audit:cmd_audit", "auditor's views: unowned, overdue, "
                 "workload, unresolved, coverage, report")
    p.add_argument("view", choices=["unowned", "overdue", "workload", "unresolved", "coverage",
                                    "report"])
    p.add_argument("--as-of", default=date.today().isoformat(), metavar="YYYY-MM-DD",
                   help="overdue: the date deadlines are checked against; coverage: the day "
                   "whose map of provinces is used (63 until 2025-06-30, 34 after); "
                   "default: today")
    p.add_argument("--document", metavar="REF",
                   help="coverage: the implemented document (an id or a reference)")
    p.add_argument("--limit", type=int, default=50, help="at most this many rows (default 50)")
    p.add_argument("--offset", type=int, default=0, help="skip this many rows first")
    out = p.add_mutually_exclusive_group()
    out.add_argument("--json", action="store_true", help="print JSON")
    out.add_argument("--turtle", action="store_true", help="report: the SHACL results in Turtle")

    p = _command(sub, "cypher", "analyst:cmd_cypher", "run one read-only Cypher query on the "
                 "graph")
    p.add_argument("query", help="the Cypher text; values as $parameters")
    p.add_argument("--param", action="append", default=[], metavar="NAME=VALUE",
                   help="a parameter (JSON, else a string); repeatable")
    p.add_argument("--json", action="store_true", help="{columns, rows, truncated} as JSON")
    p.add_argument("--timeout-ms", type=_positive, help="time limit (default: settings)")
    p.add_argument("--max-rows", type=_positive, help="row limit (default: settings)")

    p = _command(sub, "db", "server:cmd_db", "start, stop or show the embedded graph")
    p.add_argument("action", choices=["start", "stop", "status"])
    return parser


def handler(name: str) -> Handler:
    """The function a ``module:function`` name of this package names."""
    module, _, function = name.partition(":")
    # lazy: only the command that runs imports its module (and what that module needs)
    found: Handler = getattr(importlib.import_module(f"policykg.cli.{module}"), function)
    return found


def main(argv: Sequence[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    _quiet_libraries()
    try:
        code: int = handler(args.handler)(args)
        sys.stdout.flush()  # a closed pipe shows here, not at exit
    except PolicyKGError as exc:
        err(str(exc))
        return exit_code(exc)
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:  # `policykg … | head`: the reader has what it wanted
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())  # nothing more is written at exit
        return EXIT_BROKEN_PIPE
    return code


def _quiet_libraries() -> None:
    """pypdf's warnings and the Neo4j driver's notifications go to logging, which keeps
    them off stderr unless a handler is set (``logging.lastResort`` printed them)."""
    logging.captureWarnings(True)
    for name in ("pypdf", "neo4j", "py.warnings"):
        logger = logging.getLogger(name)
        if not logger.handlers:
            logger.addHandler(logging.NullHandler())
        logger.propagate = False


if __name__ == "__main__":
    sys.exit(main())
