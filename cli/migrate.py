"""``policykg migrate``: bring a graph loaded by an earlier version to the current model
(:mod:`policykg.queries.migrate`)."""

from __future__ import annotations

import argparse

from policykg.cli.common import EXIT_OK, open_store
from policykg.queries.migrate import add_number_keys, merge_parallel_relations


def cmd_migrate(args: argparse.Namespace) -> int:
    store = open_store()
    try:
        pairs = merge_parallel_relations(store)
        keyed = add_number_keys(store)
    finally:
        store.close()
    if pairs:
        print(f"merged the relationships of {pairs} document pair{'' if pairs == 1 else 's'} "
              "into one each")
    if keyed:
        print(f"keyed {keyed} document{'' if keyed == 1 else 's'} by number")
    if not pairs and not keyed:
        print("the graph is in the current model: nothing to migrate")
    return EXIT_OK
