"""Exceptions raised by policykg.

    PolicyKGError                 root; every error policykg raises on purpose
    ├── InputError                bad input from the user; names the file, line or field
    │   ├── SourceError           a source file that cannot be read or decoded
    │   ├── SidecarError          a malformed ``<file>.meta.yaml``
    │   └── ReferenceNotFound     a human reference that names no known document
    │       └── AmbiguousReference   … that names several documents
    ├── QueryError                a named query or its parameters are wrong
    └── GraphError                the graph store failed
        └── GraphUnavailable      the graph store cannot be reached or started

The CLI maps ``InputError`` to exit code 2 with a one-line message, ``GraphError``
to exit code 3; the API maps them to 4xx and 503 in one JSON error shape.
"""

from __future__ import annotations


class PolicyKGError(Exception):
    """Root of the errors policykg raises on purpose."""


class InputError(PolicyKGError):
    """Bad input from the user."""


class SourceError(InputError):
    """A source file that cannot be read, decoded or parsed."""

    def __init__(self, path: str, reason: str, *, position: int | None = None) -> None:
        where = f"{path}:{position}" if position is not None else path
        super().__init__(f"{where}: {reason}")
        self.path = path
        self.reason = reason
        self.position = position


class SidecarError(InputError):
    """A metadata sidecar with a bad field."""

    def __init__(self, path: str, field: str, reason: str) -> None:
        super().__init__(f"{path}: field {field!r}: {reason}")
        self.path = path
        self.field = field
        self.reason = reason


class ReferenceNotFound(InputError):
    """A human reference ("KL 69", "20-NQ/TW") that names no known document."""

    def __init__(self, ref: str, message: str | None = None) -> None:
        super().__init__(message or f"no document matches {ref!r}")
        self.ref = ref


class AmbiguousReference(ReferenceNotFound):
    """A human reference that names more than one document."""

    def __init__(self, ref: str, candidates: list[str]) -> None:
        super().__init__(ref, f"{ref!r} is ambiguous: it may name {', '.join(candidates)}")
        self.candidates = candidates


class QueryError(PolicyKGError):
    """An unknown named query or bad query parameters."""


class GraphError(PolicyKGError):
    """The graph store failed."""


class GraphUnavailable(GraphError):
    """The graph store cannot be reached or started."""
