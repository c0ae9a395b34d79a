"""Listings on the command line: one way to print rows, for people and for pipes.

A listing is a table with a header row (rich) on stdout, or ``--json`` (the API's
``{data, count}`` envelope, on one line) or ``--csv`` (a header row, then one row per
record, lists joined by "; ").  What is about the listing rather than in it goes to
stderr: how many rows there are, and, when a page shows only some of them, which
and how to see the rest ("showing 50 of 63; --limit to see more"); an empty graph
says so.  Documents are named by their label ("69-KL/TW (2024)"), bodies with their
province, booleans as words.
"""

from __future__ import annotations

import argparse
import csv
import sys
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from typing import Any

from rich import box
from rich.console import Console
from rich.table import Table
from rich.text import Text

from policykg.cli.common import emit, err
from policykg.core.errors import EMPTY_GRAPH
from policykg.core.printable import printable

CELL_SHOWN = 100  # characters of a long text a table shows (all of it in --json, --csv)


@dataclass(frozen=True)
class Column:
    """A column: its header and how a row's value is read (as text for people)."""

    title: str
    value: Callable[[dict[str, Any]], Any]
    numeric: bool = False
    wide: bool = False  # long text: shortened in the table


def word(value: Any) -> str:
    """A boolean as a word; None as nothing."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "yes" if value else "no"
    return str(value)


def joined(values: Iterable[Any] | None) -> str:
    return "; ".join(str(v) for v in values or [])


def plural(count: int, noun: str, nouns: str | None = None) -> str:
    """``1 task``, ``2 tasks``."""
    return f"{count} {noun if count == 1 else nouns or noun + 's'}"


def add_output_options(parser: argparse.ArgumentParser, *, page: bool = True,
                       limit: int = 50) -> None:
    """``--limit``/``--offset`` and ``--json``/``--csv``, the options of every listing."""
    if page:
        parser.add_argument("--limit", type=_count(1), default=limit, metavar="N",
                            help="show at most N rows")
        parser.add_argument("--offset", type=_count(0), default=0, metavar="N",
                            help="skip N rows first")
    out = parser.add_mutually_exclusive_group()
    out.add_argument("--json", action="store_true",
                     help="print {data, count} as JSON (the API's form) instead of a table")
    out.add_argument("--csv", action="store_true",
                     help="print CSV with a header row instead of a table")


def _count(least: int) -> Callable[[str], int]:
    def parse(text: str) -> int:
        try:
            value = int(text)
        except ValueError:
            value = least - 1
        if value < least:
            raise argparse.ArgumentTypeError(f"{text!r} is not an integer ≥ {least}")
        return value
    return parse


def _text(value: Any) -> str:
    return " ".join(word(value).split())


def _shorten(text: str) -> str:
    return text if len(text) <= CELL_SHOWN else text[:CELL_SHOWN - 1].rstrip() + "…"


def print_listing(args: argparse.Namespace, columns: Sequence[Column],
                  rows: list[dict[str, Any]], count: int, noun: str, *,
                  envelope: dict[str, Any] | None = None, empty_graph: bool = False,
                  nouns: str | None = None, counted: bool = True) -> None:
    """Print ``rows`` (a page of ``count``) as ``args`` asks, and the footer on stderr
    (unless not ``counted``: the caller says what the count is)."""
    if getattr(args, "json", False):
        emit({**(envelope or {}), "data": rows, "count": count})
    elif getattr(args, "csv", False):
        writer = csv.writer(sys.stdout, lineterminator="\n")
        writer.writerow([c.title for c in columns])
        writer.writerows([_text(c.value(row)) for c in columns] for row in rows)
    else:
        table = Table(box=box.SIMPLE_HEAD, show_edge=False, pad_edge=False, padding=(0, 1))
        for c in columns:
            table.add_column(c.title, justify="right" if c.numeric else "left",
                             overflow="fold", ratio=3 if c.wide else None)
        for row in rows:
            # Text, not markup: a "[bold]" in a title is shown, a control character escaped
            table.add_row(*(Text(printable(_shorten(_text(c.value(row))) if c.wide
                                           else _text(c.value(row)))) for c in columns))
        if rows:
            Console(width=None if sys.stdout.isatty() else 120, highlight=False,
                    soft_wrap=False).print(table)
    if counted:
        footer(len(rows), count, getattr(args, "offset", 0), noun, nouns=nouns,
               empty_graph=empty_graph)


def footer(shown: int, count: int, offset: int, noun: str, *, nouns: str | None = None,
           empty_graph: bool = False) -> None:
    """How many rows, on stderr; a page that shows only some of them says how to see more."""
    if empty_graph:
        err(EMPTY_GRAPH)
    elif shown == count:
        err(plural(count, noun, nouns))
    elif shown == 0:
        err(f"none of {plural(count, noun, nouns)} past --offset {offset}")
    elif offset == 0:
        err(f"showing {shown} of {count}; --limit to see more")
    else:
        err(f"showing {offset + 1}–{offset + shown} of {count}; --limit and --offset to see "
            "more")
