"""A running API reconnects to the embedded graph after it is stopped and started again."""

from __future__ import annotations

from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from policykg.api.app import create_app
from policykg.core.settings import get_settings
from policykg.queries.embedded import EmbeddedFalkorDB


def test_the_api_reconnects_after_a_db_restart(tmp_path: Path,
                                               monkeypatch: pytest.MonkeyPatch) -> None:
    """The restarted server took a new random port and the API stayed 503 until restarted."""
    monkeypatch.setenv("POLICYKG_DATA_DIR", str(tmp_path / "data"))
    get_settings.cache_clear()
    db = EmbeddedFalkorDB(tmp_path / "data")
    try:
        with TestClient(create_app(), raise_server_exceptions=False) as client:
            assert client.get("/ready").status_code == 200  # the app started the graph
            port = db.status().port
            db.stop()
            assert client.get("/ready").status_code == 503
            assert db.start() == port
            assert client.get("/ready").status_code == 200
            assert client.get("/documents").status_code == 200
    finally:
        db.stop()
        get_settings.cache_clear()
