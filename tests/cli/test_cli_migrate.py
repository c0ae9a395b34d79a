"""`policykg migrate` merges an old graph's parallel relations and leaves a new one alone."""

from __future__ import annotations

import uuid

from policykg.queries.embedded import EmbeddedFalkorDB
from policykg.queries.falkordb_store import FalkorDBStore
from tests.cli.conftest import Run
from tests.shared_scorer import CORPUS

OLD = """
CREATE (a:Document {id: 'a'}), (b:Document {id: 'b'}), (x:Document {id: 'x'}),
       (y:Document {id: 'y'}),
       (x)-[:IMPLEMENTS {asserted_by: 'a', origin: 'text', span_start: 5, span_end: 9}]->(y),
       (x)-[:IMPLEMENTS {asserted_by: 'b', origin: 'text', span_start: 1, span_end: 4}]->(y)
"""


def test_migrate(run: Run, embedded_falkordb: EmbeddedFalkorDB) -> None:
    loaded, old = (f"cli_{uuid.uuid4().hex[:10]}" for _ in range(2))
    assert run("load", str(CORPUS), POLICYKG_GRAPH_NAME=loaded).returncode == 0
    done = run("migrate", POLICYKG_GRAPH_NAME=loaded)
    assert done.returncode == 0, done.stderr
    assert "nothing to migrate" in done.stdout
    port = embedded_falkordb.status().port
    assert port is not None
    store = FalkorDBStore("127.0.0.1", port, old)
    try:
        store.write([(OLD, {})])
        done = run("migrate", POLICYKG_GRAPH_NAME=old)
        assert done.returncode == 0, done.stderr
        assert "of 1 document pair into one each" in done.stdout
        rows = store.read("MATCH ()-[r:IMPLEMENTS]->() RETURN r.asserted_by AS by, "
                          "r.assertions AS said")
        assert rows == [{"by": ["a", "b"], "said": ["a text 5-9", "b text 1-4"]}]
    finally:
        store.drop_graph()
        store.close()
