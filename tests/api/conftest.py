"""Fixtures of the API tests: the corpus loaded on every engine, and clients on it.

Most tests only read, and share one corpus graph per session on FalkorDB, lent to
them read-only (a write raises); the tests that write (uploads, deletes, generated
requests with a key) get a corpus graph of their own.  On Neo4j, one database, every
test loads the corpus afresh.
"""

from __future__ import annotations

import uuid
from collections.abc import Callable, Iterator
from typing import Any

import pytest
from fastapi.testclient import TestClient

from policykg.api.app import create_app
from policykg.core.settings import get_settings
from policykg.loaders.load import LoadFailure, load_files
from policykg.queries.embedded import EmbeddedFalkorDB
from policykg.queries.falkordb_store import FalkorDBStore
from policykg.queries.store import GraphStore
from tests.conftest import ENGINES
from tests.shared_scorer import CORPUS

KEY = "test-key-0123456789"
MakeClient = Callable[..., TestClient]


def load_corpus(store: GraphStore) -> GraphStore:
    for outcome in load_files(store, [CORPUS]):
        assert not isinstance(outcome, LoadFailure), outcome.error
    return store


class Borrowed:
    """The fixture's store, lent to the app without letting the app close it; with
    ``read_only``, a write fails the test."""

    def __init__(self, store: GraphStore, *, read_only: bool = False) -> None:
        self._store = store
        self.engine = store.engine
        self._read_only = read_only

    def __getattr__(self, name: str) -> Any:
        return getattr(self._store, name)

    def write(self, statements: Any, then: Any = ()) -> None:
        if self._read_only:
            raise AssertionError("this test writes to the shared corpus graph: use the "
                                 "writable_client fixture")
        self._store.write(statements, then)

    def close(self) -> None:
        """The fixture closes the store."""


@pytest.fixture(scope="session")
def shared_corpus_falkordb(embedded_falkordb: EmbeddedFalkorDB) -> Iterator[FalkorDBStore]:
    """The corpus, loaded once for the session's read-only tests."""
    port = embedded_falkordb.status().port
    assert port is not None
    store = FalkorDBStore("127.0.0.1", port, f"corpus_{uuid.uuid4().hex[:12]}")
    store.ensure_schema()
    load_corpus(store)
    yield store
    store.drop_graph()
    store.close()


@pytest.fixture(params=ENGINES)
def corpus_store(request: pytest.FixtureRequest) -> GraphStore:
    """The loaded corpus on every engine, not to be written to."""
    if request.param == "falkordb":
        shared: GraphStore = request.getfixturevalue("shared_corpus_falkordb")
        return Borrowed(shared, read_only=True)
    return load_corpus(request.getfixturevalue("neo4j_store"))


@pytest.fixture
def writable_corpus_store(store: GraphStore) -> GraphStore:
    """The corpus loaded on a graph of the test's own, on every engine."""
    return load_corpus(store)


def _client_maker(monkeypatch: pytest.MonkeyPatch,
                  store: GraphStore) -> Iterator[MakeClient]:
    clients: list[TestClient] = []

    def make(**env: str) -> TestClient:
        for name, value in env.items():
            monkeypatch.setenv(f"POLICYKG_{name.upper()}", value)
        get_settings.cache_clear()
        app = create_app(lambda: Borrowed(store))
        client = TestClient(app, raise_server_exceptions=False)
        client.__enter__()
        clients.append(client)
        return client

    yield make
    for client in clients:
        client.__exit__(None, None, None)
    monkeypatch.undo()
    get_settings.cache_clear()


@pytest.fixture
def make_client(monkeypatch: pytest.MonkeyPatch,
                corpus_store: GraphStore) -> Iterator[MakeClient]:
    """A client on the shared corpus, with ``POLICYKG_*`` settings given as keywords."""
    yield from _client_maker(monkeypatch, corpus_store)


@pytest.fixture
def make_writable_client(monkeypatch: pytest.MonkeyPatch,
                         writable_corpus_store: GraphStore) -> Iterator[MakeClient]:
    """A client on a corpus graph of the test's own."""
    yield from _client_maker(monkeypatch, writable_corpus_store)


@pytest.fixture
def analyst_client(make_client: MakeClient) -> TestClient:
    return make_client(api_keys=KEY)


@pytest.fixture
def writable_client(make_writable_client: MakeClient) -> TestClient:
    return make_writable_client(api_keys=KEY)
