"""Validation runs: the garbage collector is paused only while the graph engine reads."""

from __future__ import annotations

import gc
from collections.abc import Mapping
from typing import Any

import pytest

from bench.synthetic import Synthetic
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
