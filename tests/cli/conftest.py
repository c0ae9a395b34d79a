"""The `run` fixture of test_cli.py (a `policykg` process on a fresh graph), for every CLI test."""

from tests.cli.test_cli import run

__all__ = ["run"]
