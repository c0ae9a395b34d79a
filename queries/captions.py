"""Short human captions of graph nodes, for search hits and graph views."""

from __future__ import annotations

from typing import Any

from policykg.ontology import mapping as m

TEXT_SHOWN = 160


def shorten(text: str, limit: int = TEXT_SHOWN) -> str:
    return text if len(text) <= limit else text[:limit].rstrip() + "…"


def caption(label: str, props: dict[str, Any]) -> str:
    """A document's number (year) or title, a body's name, a task's or target's text."""
    if label == m.DOCUMENT.label:
        name = props.get("number") or props.get("title") or props["id"]
        return f"{name} ({props['year']})" if props.get("year") else shorten(str(name))
    if label == m.BODY.label:
        return str(props.get("name") or props["id"])
    return shorten(str(props.get("text") or props.get("metric") or props["id"]))
