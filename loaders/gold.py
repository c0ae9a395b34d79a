"""An extraction in the shape of the hand-annotated gold files (``corpus/README.md``)."""

from __future__ import annotations

from pathlib import PurePath
from typing import Any

from policykg.ontology.records import Extraction

STARTS_WITH_WORDS = 10


def starts_with(text: str, words: int = STARTS_WITH_WORDS) -> str:
    """The first ``words`` whitespace-separated words of ``text``."""
    return " ".join(text.split()[:words])


def to_gold(extraction: Extraction) -> dict[str, Any]:
    """A JSON-ready dict with the gold files' keys (and a few more)."""
    doc = extraction.document
    return {
        "file": PurePath(extraction.source).name,
        "page": extraction.page,
        "document": {  # a news page has no document of its own: no kind either
            "kind": None if extraction.page == "news" else doc.kind.value,
            "number": doc.number,
            "issued": doc.issued.isoformat() if doc.issued else None,
            "issuer": doc.issuer,
            "province": doc.province,
            "signer": doc.signer,
            "title": doc.title,
            "term": doc.term,
            "general_addressees": list(doc.general_addressees),
        },
        "references": [
            {
                "kind": ref.kind.value,
                "number": ref.number,
                "issued": ref.issued.isoformat() if ref.issued else None,
                "issuer": ref.issuer,
                "id": ref.key,
            }
            for ref in extraction.references
        ],
        "implements": list(extraction.implements),
        "replaces": list(extraction.replaces),
        "amends": list(extraction.amends),
        "cited_relations": [
            {"from": rel.source, "rel": rel.rel, "to": rel.target}
            for rel in extraction.cited_relations
        ],
        "tasks": [
            {
                "starts_with": starts_with(task.text),
                "section": task.section,
                "owners": list(task.owners),
                "coordinators": list(task.coordinators),
                "deadline": task.deadline.value if task.deadline else None,
            }
            for task in extraction.tasks
        ],
        "targets": [
            {
                "starts_with": starts_with(target.text),
                "metric": target.metric,
                "value": target.value,
                "unit": target.unit,
                "year": target.year,
            }
            for target in extraction.targets
        ],
        "warnings": list(extraction.warnings),
    }
