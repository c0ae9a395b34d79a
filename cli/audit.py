"""Auditor commands (``policykg audit …``): the views of :mod:`policykg.queries.audit`.

``policykg audit unowned|overdue --as-of YYYY-MM-DD|workload|unresolved|
coverage --document REF|report`` prints a table with a header row (or ``--json``: the
API's ``{data, count}`` envelope; ``--csv``), the count and paging on stderr
(:mod:`policykg.cli.listing`); ``report`` is the validation report (text, JSON or
Turtle) by the engine ``auto`` picks.  Exit 0 unless the store or the input fails.
"""

from __future__ import annotations

import argparse
import sys
from datetime import date
from typing import Any

from policykg.cli.common import EXIT_OK, open_store
from policykg.cli.listing import Column, joined, print_listing, word
from policykg.core.errors import InputError
from policykg.ontology.identity import scope_named
from policykg.queries import audit
from policykg.queries.lookup import resolve_document
from policykg.queries.validation import validate_store, write_report


def _owners(row: dict[str, Any]) -> str:
    return joined(o["label"] for o in row.get("owners") or [])


def _citations(row: dict[str, Any]) -> str:
    return joined(f"{c.get('number') or c['cited']} ({c['resolution']})"
                  for c in row["citations"])


_DOCUMENT = Column("document", lambda r: r["document_label"])
_SECTION = Column("section", lambda r: r.get("section"))
_TASK = Column("task", lambda r: r.get("text"), wide=True)
_COLUMNS: dict[str, tuple[Column, ...]] = {
    "unowned": (_DOCUMENT, _SECTION, _TASK),
    "overdue": (Column("deadline", lambda r: r.get("deadline")), _DOCUMENT, _SECTION,
                Column("owners", _owners), _TASK),
    "workload": (Column("body", lambda r: r["label"], wide=True),
                 Column("collective", lambda r: word(r["collective"])),
                 Column("owned", lambda r: r["owned"], numeric=True),
                 Column("coordinated", lambda r: r["coordinated"], numeric=True)),
    "unresolved": (_DOCUMENT, Column("citations", _citations, wide=True)),
    "coverage": (Column("province", lambda r: r["province"]),
                 Column("covered", lambda r: word(r["covered"])),
                 Column("documents", lambda r: joined(d["label"] for d in r["documents"]),
                        wide=True)),
}
_NOUNS = {"unowned": ("task without an owner", "tasks without an owner"),
          "overdue": ("overdue task", "overdue tasks"),
          "workload": ("body with tasks", "bodies with tasks"),
          "unresolved": ("document with unresolved citations",
                         "documents with unresolved citations"),
          "coverage": ("province", "provinces")}


def _as_of(text: str) -> date:
    try:
        return date.fromisoformat(text)
    except ValueError as exc:
        raise InputError(f"--as-of {text!r}: not a date YYYY-MM-DD") from exc


def cmd_audit(args: argparse.Namespace) -> int:
    if args.view == "report":
        return _report(args)
    if args.turtle:
        raise InputError("--turtle is for audit report only")
    if args.scope and args.view not in ("unowned", "overdue", "workload"):
        raise InputError(f"--scope is for audit unowned, overdue and workload, not {args.view}")
    if args.document and args.view not in ("unowned", "overdue", "coverage"):
        raise InputError(f"--document is for audit unowned, overdue and coverage, not "
                         f"{args.view}")
    store = open_store()
    envelope: dict[str, Any] = {}
    try:
        page = {"limit": args.limit, "offset": args.offset}
        scope = scope_named(args.scope) if args.scope else None
        document = (resolve_document(store, args.document)
                    if args.document and args.view in ("unowned", "overdue") else None)
        if args.view == "overdue":
            rows, count = audit.overdue(store, _as_of(args.as_of), **page, document=document,
                                        scope=scope)
        elif args.view == "unowned":
            rows, count = audit.unowned(store, **page, document=document, scope=scope)
        elif args.view == "workload":
            rows, count = audit.workload(store, **page, scope=scope)
        elif args.view == "coverage":
            if not args.document:
                raise InputError("audit coverage needs --document REF")
            doc_id = resolve_document(store, args.document)
            every = audit.coverage(store, doc_id, _as_of(args.as_of))
            rows, count = every[args.offset:args.offset + args.limit], len(every)
            envelope = {"document": doc_id, "covered": sum(r["covered"] for r in every)}
        else:
            rows, count = getattr(audit, args.view)(store, **page)
        empty = count == 0 and store.count_nodes() == 0
    finally:
        store.close()
    noun, nouns = _NOUNS[args.view]
    print_listing(args, _COLUMNS[args.view], rows, count, noun, nouns=nouns,
                  envelope=envelope, empty_graph=empty)
    return EXIT_OK


def _report(args: argparse.Namespace) -> int:
    if args.csv:
        raise InputError("audit report has no CSV form: --json or --turtle")
    store = open_store()
    try:
        run = validate_store(store, None, "auto", names=not args.turtle)
    finally:
        store.close()
    write_report(run, "json" if args.json else "turtle" if args.turtle else "text", sys.stdout)
    return EXIT_OK
