"""``policykg extract`` and ``policykg eval``: extraction without a graph store."""

from __future__ import annotations

import argparse
import json
import sys
from typing import Any

from rich import box
from rich.console import Console
from rich.table import Table

from policykg.cli.common import EXIT_FINDINGS, EXIT_OK, batch_exit, emit, err
from policykg.core.errors import InputError, PolicyKGError
from policykg.loaders.batch import FileFailure, discover, extract_batch
from policykg.loaders.gold import to_gold
from policykg.loaders.scoring import FIELDS, Scores, score


def cmd_extract(args: argparse.Namespace) -> int:
    failed: list[PolicyKGError] = []
    for item in extract_batch(discover(args.files)):
        if isinstance(item, FileFailure):
            err(str(item.error))
            failed.append(item.error)
        else:
            emit(to_gold(item))
    return batch_exit(failed)


# Column headings of the per-document table, narrow enough for an 80-column terminal.
_SHORT = {"document": "doc", "references": "refs", "implements": "impl",
          "cited_relations": "rels", "tasks": "task", "owners": "own",
          "deadlines": "date", "targets": "tgt", "unowned": "unow"}


def _documents_table(scores: Scores) -> Table:
    legend = ", ".join(f"{short} = {name}" for name, short in _SHORT.items() if short != name)
    table = Table(title="F1 per document", box=box.SIMPLE, pad_edge=False, padding=(0, 1),
                  caption=legend)
    table.add_column("file", overflow="ellipsis", no_wrap=True, max_width=20)
    for name in FIELDS:
        table.add_column(_SHORT[name], justify="right", min_width=4, no_wrap=True)
    for doc, fields in scores.documents.items():
        table.add_row(doc, *(f"{fields[name][2]:.2f}" for name in FIELDS))
    return table


def _misses_table(scores: Scores) -> Table:
    table = Table(title=f"{len(scores.misses)} differences from the gold", box=box.SIMPLE,
                  pad_edge=False)
    for column in ("document", "field", "kind", "gold", "predicted"):
        table.add_column(column, overflow="fold")
    for m in scores.misses:
        table.add_row(m.document, m.field, m.kind, m.gold or "", m.predicted or "")
    return table


def cmd_eval(args: argparse.Namespace) -> int:
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
        return EXIT_FINDINGS if scores.overall[2] < args.min_f1 else EXIT_OK
    print("\n".join(scores.lines()))
    # a terminal's own width; piped, wide enough for every column
    console = Console(width=None if sys.stdout.isatty() else 120)
    if args.documents:
        console.print(_documents_table(scores))
    if args.misses:
        console.print(_misses_table(scores))
    return EXIT_FINDINGS if scores.overall[2] < args.min_f1 else EXIT_OK
