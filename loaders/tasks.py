"""Tasks of a policy document: numbered items and bullets that direct action."""

from __future__ import annotations

import re
from dataclasses import dataclass

from loaders.clean import tidy
from ontology.records import Provenance, Span, Task


@dataclass(frozen=True)
class TaskExtraction:
    """Tasks found in one text, and the bodies the whole document addresses."""

    tasks: tuple[Task, ...]
    general_addressees: tuple[str, ...]


_ITEM = re.compile(r"(?m)^[ \t]*(?:(\d+(?:\.\d+)*)[.\-]|[-+•])[ \t]+(\S.*)$")


def extract_tasks(text: str, source: str) -> TaskExtraction:
    """Items that direct action, in document order."""
    tasks: list[Task] = []
    for m in _ITEM.finditer(text):
        body = tidy(m.group(2))
        if not body or body.endswith(":"):
            continue
        span = Span(start=m.start(2), end=m.end(2))
        tasks.append(Task(text=body, section=m.group(1) or "",
                          provenance=Provenance(source=source, span=span)))
    return TaskExtraction(tasks=tuple(tasks), general_addressees=())
