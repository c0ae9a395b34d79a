"""Shared fixtures: a real embedded FalkorDB for the session, and graph stores on it.

Each pytest-xdist worker gets its own server and data folder (its own temporary
directory).  ``store`` runs a test on every engine: FalkorDB always, Neo4j when ``NEO4J_URI``
(with ``NEO4J_USERNAME``/``NEO4J_PASSWORD``) names a server.  The session keeps
``POLICYKG_DATA_DIR`` in a temporary folder and unsets ``POLICYKG_GRAPH_URL``,
so no test touches the user's graph.
"""

from __future__ import annotations

import os
import uuid
from collections.abc import Iterator

import pytest

from policykg.core.settings import get_settings
from policykg.queries.embedded import EmbeddedFalkorDB
from policykg.queries.falkordb_store import FalkorDBStore
from policykg.queries.store import GraphStore

# Under pytest-xdist (``make test``) every Neo4j test runs on one worker: they share
# the one server at NEO4J_URI and empty it before and after each test.
ENGINES = ["falkordb", pytest.param("neo4j", marks=[pytest.mark.neo4j,
                                                    pytest.mark.xdist_group("neo4j")])]


@pytest.fixture(scope="session", autouse=True)
def _isolated_settings(tmp_path_factory: pytest.TempPathFactory) -> Iterator[None]:
    with pytest.MonkeyPatch.context() as mp:
        mp.setenv("POLICYKG_DATA_DIR", str(tmp_path_factory.mktemp("policykg-data")))
        mp.delenv("POLICYKG_GRAPH_URL", raising=False)
        get_settings.cache_clear()
        yield
    get_settings.cache_clear()


@pytest.fixture(scope="session")
def embedded_falkordb(tmp_path_factory: pytest.TempPathFactory) -> Iterator[EmbeddedFalkorDB]:
    """A FalkorDB server for the whole session, in its own data folder."""
    server = EmbeddedFalkorDB(tmp_path_factory.mktemp("falkordb"))
    server.start()
    yield server
    server.stop()


@pytest.fixture
def falkordb_store(embedded_falkordb: EmbeddedFalkorDB) -> Iterator[FalkorDBStore]:
    """A store on a fresh, uniquely named graph with the schema; the graph is deleted after."""
    port = embedded_falkordb.status().port
    assert port is not None, "the session's FalkorDB stopped"
    store = FalkorDBStore("127.0.0.1", port, f"test_{uuid.uuid4().hex[:12]}")
    store.ensure_schema()
    yield store
    store.drop_graph()
    store.close()


@pytest.fixture
def neo4j_store() -> Iterator[GraphStore]:
    """A store on the Neo4j server at NEO4J_URI, emptied before and after the test."""
    uri = os.environ.get("NEO4J_URI")
    if not uri:
        pytest.skip("requires NEO4J_URI")
    from policykg.queries.neo4j_store import Neo4jStore

    store = Neo4jStore(uri, os.environ.get("NEO4J_USERNAME", "neo4j"),
                       os.environ.get("NEO4J_PASSWORD"))
    store.clear()
    store.ensure_schema()
    yield store
    store.clear()
    store.close()


@pytest.fixture(params=ENGINES)
def store(request: pytest.FixtureRequest) -> GraphStore:
    """The same test on every engine."""
    found: GraphStore = request.getfixturevalue(f"{request.param}_store")
    return found
