"""Auditor commands (``policykg audit …``): the views of :mod:`policykg.queries.audit`.

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

from policykg.cli.common import EXIT_OK, emit, open_store
from policykg.core.errors import InputError
from policykg.queries import audit
from policykg.queries.lookup import resolve_document
from policykg.queries.validation import validate_store, write_report

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
    store = open_store()
    try:
        run = validate_store(store, None, "auto", names=not args.turtle)
    finally:
        store.close()
    write_report(run, "json" if args.json else "turtle" if args.turtle else "text", sys.stdout)
    return EXIT_OK
