"""Quantitative targets stated in a policy text."""

from __future__ import annotations

from ontology.records import Target, Task


def extract_targets(text: str, source: str, tasks: tuple[Task, ...]) -> tuple[Target, ...]:
    """Numeric goals of the text, in document order."""
    del text, source, tasks
    return ()
