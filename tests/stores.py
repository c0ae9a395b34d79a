"""Store wrappers the tests (and benchmarks) use to steer which checker runs."""

from __future__ import annotations

from typing import Any

from policykg.queries.store import GraphStore


class WithoutScratch:
    """A store that lends no scratch graph: load-time validation runs pyshacl."""

    def __init__(self, store: GraphStore) -> None:
        self._store = store

    def __getattr__(self, name: str) -> Any:
        if name == "scratch":
            raise AttributeError(name)
        return getattr(self._store, name)
