"""``GET /search``: documents, bodies and tasks, ranked, one page at a time."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Query

from policykg.api.deps import Store
from policykg.api.errors import responses
from policykg.api.models import SearchHit, SearchList
from policykg.queries.search import search as run_search

router = APIRouter(tags=["front ends"])


@router.get("/search", response_model=SearchList, responses=responses(503))
def search(
    store: Store,
    q: Annotated[str, Query(min_length=1, max_length=200,
                            description="Words, a number or a reference; case and "
                            "diacritics do not matter", examples=["ket luan 69"])],
    limit: Annotated[int, Query(ge=1, le=100)] = 20,
    offset: Annotated[int, Query(ge=0, le=10_000)] = 0,
) -> SearchList:
    """Search document numbers and titles, body names and aliases, and task texts.

    "ket luan 69", "KL69", "69/KL-TW" and "Kết luận số 69" all find 69-KL/TW first.
    Each hit names the field that matched.
    """
    hits, count = run_search(store, q, limit=limit, offset=offset)
    return SearchList(data=[SearchHit(id=h.id, label=h.label, name=h.name, matched=h.matched,
                                      score=h.score, document_id=h.document_id)
                            for h in hits], count=count)
