"""Validation runs of the graph engine: what they read, and the garbage collector paused
only while they read."""

from __future__ import annotations

import gc
from collections.abc import Mapping
from typing import Any

import pytest

from bench.synthetic import Synthetic
from ontology.shapeinfo import shape_infos
from policykg.errors import GraphUnavailable
from policykg.validate import validate_store
from queries.bulk import write_dump
from queries.falkordb_store import FalkorDBStore


class Recording:
    """The store, noting whether the cyclic collector ran during each read."""

    def __init__(self, store: FalkorDBStore, fail: bool = False) -> None:
        self.store, self.fail = store, fail
        self.gc_enabled: list[bool] = []

    def read(self, query: str, params: Mapping[str, Any] | None = None,
             **kwargs: Any) -> list[dict[str, Any]]:
        self.gc_enabled.append(gc.isenabled())
        if self.fail:
            raise GraphUnavailable("the server went away")
        return self.store.read(query, params, **kwargs)

    def __getattr__(self, name: str) -> Any:
        return getattr(self.store, name)


def test_the_collector_is_paused_during_the_reads_and_enabled_after(
        falkordb_store: FalkorDBStore) -> None:
    synthetic = Synthetic(tasks=200, every=3)
    write_dump(falkordb_store, synthetic.nodes(), synthetic.relationships())
    recording = Recording(falkordb_store)
    run = validate_store(recording, None, "graph")
    assert run.report.findings and recording.gc_enabled
    assert not any(recording.gc_enabled) and gc.isenabled()
    failing = Recording(falkordb_store, fail=True)
    with pytest.raises(GraphUnavailable):
        validate_store(failing, None, "graph")
    assert failing.gc_enabled == [False] and gc.isenabled()


def test_a_run_without_names_reads_only_the_rules(falkordb_store: FalkorDBStore) -> None:
    synthetic = Synthetic(tasks=200, every=3)
    write_dump(falkordb_store, synthetic.nodes(), synthetic.relationships())
    named, unnamed = Recording(falkordb_store), Recording(falkordb_store)
    with_names = validate_store(named, None, "graph")
    without = validate_store(unnamed, None, "graph", names=False)
    assert without.report == with_names.report and without.names == {}
    assert len(unnamed.gc_enabled) == len(shape_infos()) < len(named.gc_enabled)
    assert set(with_names.names) == {f.focus for f in with_names.report.findings}
