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

from policykg import __version__
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


class _Help(argparse.HelpFormatter):
    """Help that gives every option's default (when it has one worth saying)."""

    def _get_help_string(self, action: argparse.Action) -> str | None:
        text = action.help or ""
        if (action.option_strings and action.default not in (None, False, [], argparse.SUPPRESS)
                and "default" not in text):
            text += " (default: %(default)s)"
        return text


def _command(sub: argparse._SubParsersAction[argparse.ArgumentParser], name: str,
             handler: str, help: str, description: str | None = None
             ) -> argparse.ArgumentParser:
    p = sub.add_parser(name, help=help, description=description or help,
                       formatter_class=_Help)
    p.set_defaults(handler=handler)
    return p


_SOURCES = ("a source file (.txt in UTF-8, .docx, .pdf with a text layer, .html/.htm), "
            "with an optional FILE.meta.yaml sidecar beside it")
_REF = 'a document: an id (tw:2024:69-kl-tw), a number (69-KL/TW) or a name ("KL 69", ' \
    '"Kết luận 69")'


def _quiet(p: argparse.ArgumentParser) -> None:
    p.add_argument("-q", "--quiet", action="store_true",
                   help="no progress on stderr (a bar on a terminal, else a line every "
                   "POLICYKG_PROGRESS_SECONDS, and a summary); errors are still printed")


def build_parser() -> argparse.ArgumentParser:
    # lazy: the listing options live with the listings (rich is imported only by them)
    from policykg.cli.listing import add_output_options

    parser = argparse.ArgumentParser(
        prog="policykg", formatter_class=_Help,
        description="Knowledge graph of Vietnamese Party policy documents on science and "
        "technology.",
        epilog="Exit codes: 0 success; 1 problems found (violations, failed files); "
        "2 bad input; 3 graph store unavailable or failed.",
    )
    parser.add_argument("--version", action="version", version=f"policykg {__version__}",
                        help="print the version and exit")
    sub = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")

    p = _command(sub, "extract", "extraction:cmd_extract",
                 "extract documents to JSON Lines on stdout")
    p.add_argument("files", nargs="+", type=Path, metavar="FILE", help=_SOURCES)

    p = _command(sub, "eval", "extraction:cmd_eval",
                 "score extraction against gold annotations, field by field")
    p.add_argument("gold_dir", type=Path, metavar="GOLD_DIR",
                   help="a folder of gold annotations (one JSON file per document)")
    p.add_argument("files", nargs="+", type=Path, metavar="FILE", help=_SOURCES)
    p.add_argument("--json", action="store_true", help="print the scores as JSON")
    p.add_argument("--min-f1", type=float, default=0.0, metavar="X",
                   help="exit 1 when the overall F1 is under X (0 to 1)")
    p.add_argument("--documents", action="store_true",
                   help="also print each document's F1, field by field")
    p.add_argument("--misses", action="store_true",
                   help="also list every difference from the gold (missed, spurious, wrong)")

    p = _command(sub, "load", "documents:cmd_load",
                 "extract and load files or folders into the graph")
    p.add_argument("paths", nargs="+", type=Path, metavar="PATH",
                   help=_SOURCES + "; folders are searched for them")
    checks = p.add_mutually_exclusive_group()
    checks.add_argument("--on-violation", choices=["reject", "warn"], default="warn",
                        help="each document is validated before it is written (on FalkorDB "
                        "the Cypher rules on a scratch graph, on Neo4j pyshacl): reject: do "
                        "not store a document with a Violation (exit 1); warn: store it and "
                        "say so on stderr (default: %(default)s)")
    checks.add_argument("--no-validate", dest="on_violation", action="store_const",
                        const=None, help="write without validating each document first "
                        "(trusted bulk imports; run `policykg validate` afterwards, one pass "
                        "over the whole graph)")
    _quiet(p)

    p = _command(sub, "trace", "documents:cmd_trace",
                 "print the implements chain of a document up to its roots")
    p.add_argument("ref", metavar="REF", help=_REF)
    p.add_argument("--json", action="store_true", help="print the lineage graph as JSON")

    p = _command(sub, "documents", "documents:cmd_documents",
                 "list the documents, filtered as GET /documents filters them")
    p.add_argument("--kind", metavar="KIND", help="a kind by code or Vietnamese name, in "
                   "any case, with or without diacritics: KeHoach, 'Kế hoạch', 'ke hoach'")
    p.add_argument("--scope", metavar="SCOPE", help="tw, cp, … or a province by name or "
                   "slug: 'Kon Tum', kon-tum")
    p.add_argument("--year", type=int, metavar="YYYY", help="issued in this year")
    p.add_argument("--show", choices=["all", "loaded", "stubs"], default="all",
                   help="loaded documents, stubs (cited, never loaded), or both")
    add_output_options(p)

    p = _command(sub, "search", "documents:cmd_search",
                 "search document numbers and titles, body names and aliases, task texts (case "
                 "and diacritics do not matter)")
    p.add_argument("query", metavar="TEXT", help='words, a number or a reference: "ket luan '
                   '69", KL69, "so khoa hoc"')
    add_output_options(p, limit=20)

    p = _command(sub, "validate", "documents:cmd_validate",
                 "check the graph against the SHACL shapes")
    p.add_argument("--document", metavar="REF",
                   help="validate only this document's subgraph: " + _REF)
    p.add_argument("--format", choices=["text", "json", "turtle"], default="text",
                   help="text: findings grouped by severity and shape; json: one object; "
                   "turtle: a SHACL validation report")
    p.add_argument("--fail-on", choices=["violation", "warning"], default="violation",
                   help="lowest severity that makes the exit code 1")
    p.add_argument("--engine", choices=["auto", "graph", "shacl"], default="auto",
                   help="graph: Cypher rules inside the store; shacl: pyshacl on the exported "
                   "RDF; auto: shacl up to POLICYKG_SHACL_MAX_NODES nodes (20000), graph "
                   "above")
    _quiet(p)

    for name, handler, text in (
            ("serve", "server:cmd_serve", "serve the HTTP API"),
            ("up", "server:cmd_up", "start the embedded graph, load the bundled corpus if "
             "the graph is empty, serve the HTTP API")):
        p = _command(sub, name, handler, text)
        p.add_argument("--host", default="127.0.0.1", metavar="HOST",
                       help="address to listen on (0.0.0.0: every interface)")
        p.add_argument("--port", type=int, default=8000, metavar="PORT",
                       help="TCP port to listen on")
        p.add_argument("--workers", type=_workers, default=1, metavar="N",
                       help="server processes (1 to 32), each with its own connections to "
                       "the one graph store (default 1)")
        p.add_argument("--no-access-log", dest="access_log", action="store_false",
                       help="no line per request on stderr (default: one, with its request "
                       "id, status and time)")

    p = _command(sub, "export", "export:cmd_export", "write the whole graph as Turtle or JSON-LD")
    p.add_argument("--format", choices=["turtle", "jsonld"], default="turtle",
                   help="RDF serialisation (JSON-LD with ontology/context.jsonld)")
    p.add_argument("--output", type=Path, metavar="FILE", help="write to FILE (default: stdout)")
    _quiet(p)
    p = _command(sub, "import", "export:cmd_import",
                 "load an export (.ttl or .jsonld) into an empty graph")
    p.add_argument("file", type=Path, metavar="FILE",
                   help="a file written by policykg export (.ttl or .jsonld)")
    p.add_argument("--replace", action="store_true",
                   help="empty the graph first (default: refuse a graph that holds nodes); "
                   "an import that fails or is interrupted leaves the graph empty, so it "
                   "can be run again")
    _quiet(p)

    p = _command(sub, "audit", "audit:cmd_audit", "auditor's views: unowned, overdue, "
                 "workload, unresolved, coverage, report")
    p.add_argument("view", choices=["unowned", "overdue", "workload", "unresolved", "coverage",
                                    "report"],
                   help="unowned: tasks without an owner; overdue: tasks past their deadline "
                   "on --as-of; workload: tasks owned and coordinated per body; unresolved: "
                   "documents citing what could not be resolved; coverage: per province, "
                   "the documents implementing --document; report: the validation report")
    p.add_argument("--as-of", default=date.today().isoformat(), metavar="YYYY-MM-DD",
                   help="overdue: the date deadlines are checked against; coverage: the day "
                   "whose map of provinces is used (63 until 2025-06-30, 34 after); "
                   "default: today")
    p.add_argument("--document", metavar="REF",
                   help="coverage: the implemented document; unowned, overdue: only the "
                   "tasks of this document: " + _REF)
    p.add_argument("--scope", metavar="SCOPE",
                   help="unowned, overdue: only the tasks of this scope's documents; "
                   "workload: only its bodies: tw, cp, … or a province by name or slug "
                   "('Kon Tum', kon-tum)")
    p.add_argument("--turtle", action="store_true",
                   help="report: the SHACL results in Turtle")
    add_output_options(p)

    p = _command(sub, "cypher", "analyst:cmd_cypher", "run one read-only Cypher query on the "
                 "graph")
    p.add_argument("query", help="the Cypher text; values as $parameters")
    p.add_argument("--param", action="append", default=[], metavar="NAME=VALUE",
                   help="a parameter (JSON, else a string); repeatable")
    out = p.add_mutually_exclusive_group()
    out.add_argument("--json", action="store_true", help="{columns, rows, truncated} as JSON")
    out.add_argument("--csv", action="store_true", help="CSV with a header row")
    p.add_argument("--timeout-ms", type=_positive, metavar="MS",
                   help="time limit (default: POLICYKG_CYPHER_TIMEOUT_MS, 5000)")
    p.add_argument("--max-rows", type=_positive, metavar="N",
                   help="row limit (default: POLICYKG_CYPHER_MAX_ROWS, 1000)")

    _command(sub, "migrate", "migrate:cmd_migrate", "bring a graph loaded by an earlier "
             "version to the current data model",
             "Merge the relationships a graph loaded before relations between documents were "
             "stored once per pair holds for each pair (IMPLEMENTS, REPLACES, AMENDS, CITES) "
             "into one, with the assertions of all of them. A migrated graph is left as it is.")

    p = _command(sub, "db", "server:cmd_db", "start, stop or show the embedded graph",
                 "Manage the embedded FalkorDB server (a child process on 127.0.0.1, its data "
                 "in POLICYKG_DATA_DIR). Commands that need it start it themselves.")
    p.add_argument("action", choices=["start", "stop", "status"],
                   help="start: start it in the background (one server per data folder, on "
                   "the port it had before when free) and print its port once its data is "
                   "loaded; stop: stop it; status: print its port, pid and data folder (exit 1 "
                   "when it is not running)")
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
        err("interrupted")
        return 130
    except BrokenPipeError:  # `policykg … | head`: the reader has what it wanted
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())  # nothing more is written at exit
        return EXIT_BROKEN_PIPE
    return code


def _workers(text: str) -> int:
    if not text.isdigit() or not 1 <= int(text) <= 32:
        raise argparse.ArgumentTypeError(f"expected a number of processes from 1 to 32, "
                                         f"not {text!r}")
    return int(text)


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
