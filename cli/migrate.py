"""``policykg migrate``: bring a graph loaded by an earlier version to the current model
(:mod:`policykg.queries.migrate`): relations one per pair, bodies' search keys."""

from __future__ import annotations

import argparse

from policykg.cli.common import EXIT_OK, open_store
from policykg.queries.migrate import (
    add_number_keys,
    merge_parallel_relations,
    public_sources,
    refresh_body_keys,
)


def cmd_migrate(args: argparse.Namespace) -> int:
    store = open_store()
    try:
        pairs = merge_parallel_relations(store)
        bodies = refresh_body_keys(store)
        keyed = add_number_keys(store)
        sources = public_sources(store)
    finally:
        store.close()
    if pairs:
        print(f"merged the relationships of {pairs} document pair{'' if pairs == 1 else 's'} "
              "into one each")
    if bodies:
        print(f"gave {bodies} bod{'y' if bodies == 1 else 'ies'} a search key of "
              "their name and aliases")
    if keyed:
        print(f"keyed {keyed} document{'' if keyed == 1 else 's'} by number")
    if sources:
        print(f"stored the sources of {sources} nodes and relationships without their "
              "server path")
    if not (pairs or bodies or keyed or sources):
        print("the graph is in the current model: nothing to migrate")
    return EXIT_OK
