"""Validation runs of the graph engine: what they read."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from policykg.ontology.shapeinfo import shape_infos
from policykg.queries.bulk import write_dump
from policykg.queries.falkordb_store import FalkorDBStore
from policykg.queries.validation import validate_store
from tests.synthetic import Synthetic


class Recording:
    """The store, counting its reads."""

    def __init__(self, store: FalkorDBStore) -> None:
        self.store, self.reads = store, 0

    def read(self, query: str, params: Mapping[str, Any] | None = None,
             **kwargs: Any) -> list[dict[str, Any]]:
        self.reads += 1
        return self.store.read(query, params, **kwargs)

    def __getattr__(self, name: str) -> Any:
        return getattr(self.store, name)


def test_a_run_without_names_reads_only_the_rules(falkordb_store: FalkorDBStore) -> None:
    synthetic = Synthetic(tasks=200, every=3)
    write_dump(falkordb_store, synthetic.nodes(), synthetic.relationships())
    named, unnamed = Recording(falkordb_store), Recording(falkordb_store)
    with_names = validate_store(named, None, "graph")
    without = validate_store(unnamed, None, "graph", names=False)
    assert without.report == with_names.report and without.names == {}
    assert unnamed.reads == len(shape_infos()) < named.reads
    assert set(with_names.names) == {f.focus for f in with_names.report.findings}
