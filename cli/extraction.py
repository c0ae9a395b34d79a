"""``policykg extract`` and ``policykg eval``: extraction without a graph store."""

from __future__ import annotations

import argparse
import json
from typing import Any

from policykg.cli.common import EXIT_FINDINGS, EXIT_OK, emit, err
from policykg.core.errors import InputError
from policykg.loaders.batch import FileFailure, discover, extract_batch
from policykg.loaders.gold import to_gold
from policykg.loaders.scoring import score


def cmd_extract(args: argparse.Namespace) -> int:
    failed = 0
    for item in extract_batch(discover(args.files)):
        if isinstance(item, FileFailure):
            err(str(item.error))
            failed += 1
        else:
            emit(to_gold(item))
    return EXIT_FINDINGS if failed else EXIT_OK


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
    else:
        print("\n".join(scores.lines()))
    return EXIT_FINDINGS if scores.overall[2] < args.min_f1 else EXIT_OK
