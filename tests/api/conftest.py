"""Fixtures of the analyst API tests: the corpus loaded on every engine, a client on it."""

from __future__ import annotations

from collections.abc import Callable, Iterator

import pytest
from fastapi.testclient import TestClient

from policykg.api.app import create_app
from policykg.core.settings import get_settings
from policykg.loaders.batch import FileFailure, discover, extract_batch
from policykg.loaders.load import load_extraction
from policykg.queries.store import GraphStore
from tests.shared_scorer import CORPUS

KEY = "test-key-0123456789"


class Borrowed:
    """The fixture's store, lent to the app without letting the app close it."""

    def __init__(self, store: GraphStore) -> None:
        self._store = store
        self.engine = store.engine

    def __getattr__(self, name: str) -> object:
        return getattr(self._store, name)

    def close(self) -> None:
        """The fixture closes the store."""


@pytest.fixture
def corpus_store(store: GraphStore) -> GraphStore:
    for item in extract_batch(discover([CORPUS])):
        assert not isinstance(item, FileFailure)
        load_extraction(store, item)
    return store


@pytest.fixture
def make_client(monkeypatch: pytest.MonkeyPatch,
                corpus_store: GraphStore) -> Iterator[Callable[..., TestClient]]:
    """A client on the loaded corpus, with ``POLICYKG_*`` settings given as keywords."""
    clients: list[TestClient] = []

    def make(**env: str) -> TestClient:
        for name, value in env.items():
            monkeypatch.setenv(f"POLICYKG_{name.upper()}", value)
        get_settings.cache_clear()
        app = create_app(lambda: Borrowed(corpus_store))  # type: ignore[arg-type, return-value]
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
def analyst_client(make_client: Callable[..., TestClient]) -> TestClient:
    return make_client(api_keys=KEY)
