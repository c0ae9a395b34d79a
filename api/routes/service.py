"""``GET /health`` and ``GET /ready``: the process, and the graph store behind it."""

from __future__ import annotations

from fastapi import APIRouter

from policykg.api.deps import Store
from policykg.api.errors import responses
from policykg.api.models import Health

router = APIRouter(tags=["service"])


@router.get("/health", response_model=Health)
def health() -> Health:
    """The process is up (does not touch the graph)."""
    return Health(status="ok")


@router.get("/ready", response_model=Health, responses=responses(503))
def ready(store: Store) -> Health:
    """The graph store answers (503 otherwise)."""
    store.ping()
    return Health(status="ok", engine=store.engine)
