"""docker-compose.yml gives Neo4j the limits the README states."""

from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parents[1]


def test_neo4j_runs_with_transaction_limits() -> None:
    """Without a monitor interval, a 300 ms limit stopped at ~2 s; nothing bounded a
    transaction's memory."""
    compose = yaml.safe_load((ROOT / "docker-compose.yml").read_text(encoding="utf-8"))
    env = compose["services"]["neo4j"]["environment"]
    assert env["NEO4J_db_memory_transaction_max"] == "512m"
    assert env["NEO4J_db_transaction_timeout"] == "300s"
    assert env["NEO4J_db_transaction_monitor_check_interval"] == "100ms"
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    for setting in ("db.memory.transaction.max", "db.transaction.timeout",
                    "db.transaction.monitor.check.interval"):
        assert f"`{setting}`" in readme, setting
