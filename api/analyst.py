"""Analyst and front-end routes (``/cypher``, ``/queries``, ``/graph``, ``/search``, writes)."""

from __future__ import annotations

from fastapi import APIRouter

router = APIRouter()
