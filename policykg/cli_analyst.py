"""Analyst commands (``policykg cypher``, ``policykg search`` …)."""

from __future__ import annotations

import argparse


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """Add this module's commands to the ``policykg`` parser."""
