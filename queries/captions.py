"""Short human captions of graph nodes, for search hits, graph views and the CLI.

A document is named one way everywhere: its number and year, "69-KL/TW (2024)"; an
unnumbered one by its kind, province, year and the start of its title, "Kế hoạch, Kon
Tum: thực hiện Kết luận số 69-KL/TW…"; a body by its name and, when the name does not
say it, its province, "các huyện ủy, thành ủy (Kon Tum)".
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from policykg.core.vntext import fold
from policykg.ontology import mapping as m
from policykg.ontology.identity import SCOPE_NAMES_VI, scope_name
from policykg.ontology.records import kind_name

TEXT_SHOWN = 160
TITLE_SHOWN = 60


def shorten(text: str, limit: int = TEXT_SHOWN) -> str:
    return text if len(text) <= limit else text[:limit].rstrip() + "…"


def document_label(props: Mapping[str, Any]) -> str:
    """``69-KL/TW (2024)``; unnumbered: ``Kế hoạch, Kon Tum (2024): <title>…``."""
    year = props.get("year")
    if props.get("number"):
        return f"{props['number']} ({year})" if year else str(props["number"])
    head = ", ".join(str(x) for x in (kind_name(props.get("kind")) or "Văn bản",
                                      props.get("province")) if x)
    if year:
        head += f" ({year})"
    title = " ".join(str(props.get("title") or "").split())
    if title:
        return f"{head}: {shorten(title, TITLE_SHOWN)}"
    return head if props.get("kind") or props.get("province") else str(props.get("id", head))


def body_label(name: str, scope: str | None) -> str:
    """A body's name with its province when the name does not hold it; central bodies
    as they are named."""
    province = None if scope in SCOPE_NAMES_VI else scope_name(scope)
    if province and fold(province) not in fold(name):
        return f"{name} ({province})"
    return name


def caption(label: str, props: dict[str, Any]) -> str:
    """A document's label, a body's name (with its province), a task's or target's text."""
    if label == m.DOCUMENT.label:
        return document_label(props)
    if label == m.BODY.label:
        return body_label(str(props.get("name") or props["id"]), props.get("scope"))
    return shorten(str(props.get("text") or props.get("metric") or props["id"]))
