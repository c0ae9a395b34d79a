"""Dependencies of every route: the store opened with the app, the settings; the path
parameter naming a document."""

from __future__ import annotations

from typing import Annotated

from fastapi import Depends, Path, Request

from policykg.core.settings import Settings, get_settings
from policykg.queries.store import GraphStore


def _store(request: Request) -> GraphStore:
    store: GraphStore = request.app.state.store
    return store


Store = Annotated[GraphStore, Depends(_store)]
AppSettings = Annotated[Settings, Depends(get_settings)]

DocRef = Annotated[str, Path(
    min_length=1, max_length=300, examples=["tw:2024:69-kl-tw", "KL 69"],
    description='A document: an id (tw:2024:69-kl-tw), a number (69-KL/TW) or a name '
    '("KL 69", "Kết luận 69"), as /resolve takes')]
