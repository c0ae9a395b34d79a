"""Dependencies of every route: the store opened with the app, the settings."""

from __future__ import annotations

from typing import Annotated

from fastapi import Depends, Request

from policykg.core.settings import Settings, get_settings
from policykg.queries.store import GraphStore


def _store(request: Request) -> GraphStore:
    store: GraphStore = request.app.state.store
    return store


Store = Annotated[GraphStore, Depends(_store)]
AppSettings = Annotated[Settings, Depends(get_settings)]
