"""What every ``policykg`` command shares: exit codes, output, opening the store."""

from __future__ import annotations

import json
import sys
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from queries.store import GraphStore

EXIT_OK, EXIT_FINDINGS, EXIT_INPUT, EXIT_GRAPH = 0, 1, 2, 3


def emit(obj: Any) -> None:
    """One JSON object on one line of stdout."""
    sys.stdout.write(json.dumps(obj, ensure_ascii=False) + "\n")


def err(message: str) -> None:
    """One line on stderr."""
    sys.stderr.write(f"policykg: {message}\n")


def open_store(start_embedded: bool = True) -> GraphStore:
    """The configured graph store, with its schema ensured."""
    from queries.open import open_store as _open

    store = _open(start_embedded=start_embedded)
    store.ensure_schema()
    return store
