"""Auditor commands (``policykg audit …``): the views of :mod:`queries.audit`.

``policykg audit unowned|overdue --as-of YYYY-MM-DD|workload|unresolved|
coverage --document REF|report`` prints a table (or ``--json``: the API's
``{data, count}`` envelope); ``report`` is the validation report (text, JSON or
Turtle) by the engine ``auto`` picks.  Exit 0 unless the store or the input fails.
"""

from __future__ import annotations

import argparse
import sys
from datetime import date
from typing import Any

from policykg import cli_export
from policykg.cli_common import EXIT_OK, emit, open_store
from policykg.errors import InputError

_COLUMNS: dict[str, tuple[str, ...]] = {
    "unowned": ("document", "section", "text"),
    "overdue": ("deadline", "document", "section", "text"),
    "workload": ("owned", "coordinated", "name"),
    "unresolved": ("document", "number", "citations"),
    "coverage": ("province", "covered", "documents"),
}
_WIDTH = 70


def _as_of(text: str) -> date:
    try:
        return date.fromisoformat(text)
    except ValueError as exc:
        raise InputError(f"--as-of {text!r}: not a date YYYY-MM-DD") from exc


def _cell(value: Any) -> str:
    if isinstance(value, list):
        value = ", ".join(str(v.get("number") or v.get("id") or v.get("cited"))
                          if isinstance(v, dict) else str(v) for v in value)
    text = "" if value is None else " ".join(str(value).split())
    return text if len(text) <= _WIDTH else text[:_WIDTH - 1] + "…"


def _print_rows(view: str, rows: list[dict[str, Any]], count: int) -> None:
    columns = _COLUMNS[view]
    for row in rows:
        print("\t".join(_cell(row.get(c)) for c in columns))
    print(f"{len(rows)} of {count}")


def cmd_audit(args: argparse.Namespace) -> int:
    from queries import audit

    if args.limit < 1 or args.offset < 0:
        raise InputError("--limit must be at least 1 and --offset at least 0")
    if args.view == "report":
        return _report(args)
    store = open_store()
    try:
        page = {"limit": args.limit, "offset": args.offset}
        if args.view == "overdue":
            rows, count = audit.overdue(store, _as_of(args.as_of), **page)
        elif args.view == "coverage":
            if not args.document:
                raise InputError("audit coverage needs --document REF")
            from queries.lookup import resolve_document

            every = audit.coverage(store, resolve_document(store, args.document),
                                   _as_of(args.as_of))
            rows, count = every[args.offset:args.offset + args.limit], len(every)
        else:
            rows, count = getattr(audit, args.view)(store, **page)
    finally:
        store.close()
    if args.json:
        emit({"data": rows, "count": count})
    else:
        _print_rows(args.view, rows, count)
    return EXIT_OK


def _report(args: argparse.Namespace) -> int:
    from policykg.validate import validate_store, write_report

    store = open_store()
    try:
        run = validate_store(store, None, "auto", names=not args.turtle)
    finally:
        store.close()
    write_report(run, "json" if args.json else "turtle" if args.turtle else "text", sys.stdout)
    return EXIT_OK


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """Add ``audit`` (and ``export``/``import``, :mod:`policykg.cli_export`) to the parser."""
    cli_export.register(sub)
    p = sub.add_parser("audit", help="auditor's views: unowned, overdue, workload, unresolved, "
                       "coverage, report")
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
    p.set_defaults(func=cmd_audit)
