"""What every ``policykg`` command shares: exit codes, output, opening the store.

Exit codes (the README's table, and :func:`exit_code` maps every error to one):

    0  success (``validate``: the graph conforms)
    1  the command ran and found problems: validation findings at or above
       ``--fail-on``, failed files in a batch, a rejected document, an ``eval``
       score under ``--min-f1``
    2  bad input: usage, a missing or unreadable file, a bad sidecar, an unknown
       or ambiguous reference, a bad setting
    3  the graph store cannot be reached or failed
"""

from __future__ import annotations

import json
import sys
from typing import TYPE_CHECKING, Any

from policykg.core.errors import DocumentRejected, GraphError, InputError, PolicyKGError
from policykg.core.printable import printable
from policykg.core.settings import get_settings

if TYPE_CHECKING:
    from policykg.queries.embedded import EmbeddedFalkorDB
    from policykg.queries.store import GraphStore

EXIT_OK, EXIT_FINDINGS, EXIT_INPUT, EXIT_GRAPH = 0, 1, 2, 3


def exit_code(error: PolicyKGError) -> int:
    """The exit code of a command stopped by ``error``."""
    if isinstance(error, GraphError):
        return EXIT_GRAPH
    if isinstance(error, DocumentRejected):
        return EXIT_FINDINGS
    if isinstance(error, InputError):
        return EXIT_INPUT
    return EXIT_INPUT  # QueryError: the query or its parameters the user gave


def batch_exit(errors: list[PolicyKGError]) -> int:
    """The exit code of a batch whose files failed with ``errors`` (none: 0): 2 when one
    of them is bad input (text not UTF-8, a bad sidecar, an unsupported file type), else
    1 (a rejected document)."""
    if not errors:
        return EXIT_OK
    return max(exit_code(e) for e in errors)


def emit(obj: Any) -> None:
    """One JSON object on one line of stdout."""
    sys.stdout.write(json.dumps(obj, ensure_ascii=False) + "\n")


def err(message: str) -> None:
    """One line on stderr."""
    sys.stderr.write(f"policykg: {printable(message)}\n")


def embedded_graph() -> EmbeddedFalkorDB | None:
    """The embedded graph the commands use, or None when POLICYKG_GRAPH_URL names a store."""
    from policykg.queries.embedded import EmbeddedFalkorDB  # lazy: the server's module

    settings = get_settings()
    if settings.graph_url is not None:
        return None
    return EmbeddedFalkorDB(settings.data_dir, settings.embedded_port)


def open_store(start_embedded: bool = True) -> GraphStore:
    """The configured graph store, with its schema ensured."""
    from policykg.queries.open import open_store as _open  # lazy: falkordb or neo4j

    settings = get_settings()
    embedded = embedded_graph() if start_embedded else None
    if embedded is not None:
        status = embedded.status()
        if not status.running:  # say so: it keeps running after the command
            err(f"starting the embedded graph (data in {settings.data_dir}); "
                "`policykg db stop` stops it")
        elif status.loading:
            err(f"waiting for the embedded graph to load its data (log: {embedded.log_file})")
    return _open(start_embedded=start_embedded)
