"""Exceptions raised by policykg: one root, every class policykg raises on purpose below it.

    PolicyKGError                 root
    ├── InputError                bad input from the user; names the file, line or field
    │   ├── SourceError           a source file that cannot be read or decoded
    │   ├── SidecarError          a malformed ``<file>.meta.yaml``
    │   ├── InvalidNumber         a string that is not a Party or State document number
    │   ├── UnsupportedMedia      an upload that is not text
    │   ├── InvalidParameter      a request parameter outside its domain (lists what is allowed)
    │   └── ReferenceNotFound     a human reference that names no known document
    │       ├── AmbiguousReference   … that names several documents
    │       ├── NotLoaded            … that names a stub (cited, never loaded)
    │       └── EmptyGraph           … asked of a graph that holds nothing yet
    ├── DocumentRejected          a document not stored: it breaks a shape with a Violation
    ├── QueryError                a query or its parameters are wrong, or it ran too long
    │   └── WriteRefused          a query that would change the graph, on a read-only path
    └── GraphError                the graph store failed
        └── GraphUnavailable      the graph store cannot be reached or started

Front ends map them in one place each: the CLI to exit codes (``policykg.cli.common``),
the API to statuses and codes (``policykg.api.errors``).  :attr:`PolicyKGError.details`
carries what a client may want besides the message (candidates, findings).
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any


class PolicyKGError(Exception):
    """Root of the errors policykg raises on purpose."""

    @property
    def details(self) -> list[Any] | None:
        """Structured detail for clients (the API's ``details``); None by default."""
        return None


class InputError(PolicyKGError):
    """Bad input from the user."""


class SourceError(InputError):
    """A source file that cannot be read, decoded or parsed.

    ``line`` and ``column`` (from 1) say where, when the problem has a place.
    """

    def __init__(self, path: str, reason: str, *, line: int | None = None,
                 column: int | None = None) -> None:
        where = path if line is None else f"{path}:{line}" + (
            f":{column}" if column is not None else "")
        super().__init__(f"{where}: {reason}")
        self.path, self.reason, self.line, self.column = path, reason, line, column


def line_column(data: bytes | str, offset: int) -> tuple[int, int]:
    """Line and column (from 1) of ``offset`` in ``data``; in bytes, the column counts the
    characters of the line before it (the bytes before a bad byte decode)."""
    if isinstance(data, bytes):
        start = data.rfind(b"\n", 0, offset) + 1
        line = data.count(b"\n", 0, start) + 1
        width = len(data[start:offset].decode("utf-8", "replace"))
    else:
        start = data.rfind("\n", 0, offset) + 1
        line = data.count("\n", 0, start) + 1
        width = offset - start
    return line, width + 1


class SidecarError(InputError):
    """A metadata sidecar with a bad field."""

    def __init__(self, path: str, field: str, reason: str, position: str | None = None) -> None:
        # position: "line:column" of a syntax error, which belongs to no field
        super().__init__(f"{path}:{position}: {reason}" if position
                         else f"{path}: field {field!r}: {reason}")
        self.path = path
        self.field = field
        self.reason = reason


class TooLarge(InputError):
    """A value past its size limit (``core/limits.py``), named with the limit."""

    def __init__(self, source: str, what: str, size: int, limit: int, unit: str) -> None:
        super().__init__(f"{source}: {what} is {size} {unit}; at most {limit}")
        self.source, self.what, self.size, self.limit = source, what, size, limit


class InvalidNumber(InputError, ValueError):
    """A string that is not a document number in the Party or State form."""


class UnsupportedMedia(InputError):
    """An upload that is not text (the API answers 415)."""


class InvalidParameter(InputError):
    """A parameter whose value is outside its domain; ``allowed`` lists the valid values
    (or, for several parameters, one error each)."""

    def __init__(self, name: str, message: str, allowed: Sequence[Any] = ()) -> None:
        super().__init__(message)
        self.name, self.allowed = name, list(allowed)

    @property
    def details(self) -> list[Any]:
        return list(self.allowed)


class ReferenceNotFound(InputError):
    """A human reference ("KL 69", "20-NQ/TW") that names no known document."""

    def __init__(self, ref: str, message: str | None = None) -> None:
        super().__init__(message or f"no document matches {ref!r}")
        self.ref = ref


class AmbiguousReference(ReferenceNotFound):
    """A human reference that names more than one document."""

    def __init__(self, ref: str, candidates: Sequence[str]) -> None:
        super().__init__(ref, f"{ref!r} is ambiguous: it may name {', '.join(candidates)}")
        self.candidates = list(candidates)

    @property
    def details(self) -> list[Any]:
        return list(self.candidates)


class NotLoaded(ReferenceNotFound):
    """A document that is only a stub: cited, never loaded."""


EMPTY_GRAPH = ("the graph is empty — load something first (`policykg load PATH`, or "
               "`policykg up` for the bundled sample)")


class EmptyGraph(ReferenceNotFound):
    """A reference looked up in a graph that holds nothing: nothing was loaded yet."""

    def __init__(self, ref: str) -> None:
        super().__init__(ref, EMPTY_GRAPH)


class DocumentRejected(PolicyKGError):
    """A document not stored because its subgraph breaks a shape with a Violation.

    ``violations`` are :class:`policykg.ontology.validation.Finding` objects.
    """

    def __init__(self, source: str, document_id: str, violations: Sequence[Any]) -> None:
        self.source, self.document_id, self.violations = source, document_id, tuple(violations)
        shapes = sorted({str(f.shape).rsplit("/", 1)[-1] for f in self.violations})
        super().__init__(f"{source}: {document_id} rejected: {len(self.violations)} "
                         f"violation(s) of {', '.join(shapes)}")

    @property
    def details(self) -> list[Any]:
        return [f.to_json() for f in self.violations]


class Busy(PolicyKGError):
    """Too many analyst queries at once; ``retry_after`` seconds is a fair wait."""

    def __init__(self, message: str, retry_after: int) -> None:
        super().__init__(message)
        self.retry_after = retry_after


class QueryError(PolicyKGError):
    """An unknown named query, bad query parameters, or a query over its limits."""


class WriteRefused(QueryError):
    """A query that would (or might) change the graph, refused before or by the engine."""


class GraphError(PolicyKGError):
    """The graph store failed."""


class GraphUnavailable(GraphError):
    """The graph store cannot be reached or started."""
