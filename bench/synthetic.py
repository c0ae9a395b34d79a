"""A synthetic policykg graph of any size, with planted faults of every kind the shapes check.

Deterministic: the same arguments give the same graph.  ``nodes()`` and
``relationships()`` stream a graph dump (the shape :mod:`queries.bulk` writes and
:func:`ontology.rdf.to_rdf` reads), so a million tasks never sit in memory at once.

Layout: one document per ten tasks; every twentieth document is central (scope
``tw``), the others provincial plans implementing the central document of their
group (and, for the third of a group, the second too: a chain); one target per
five tasks; bodies per scope, one in ten collective; a task has one owner (a single
body), and one task in ten has a collective body besides it.  With ``faults`` one
provincial document in ``every`` gets one of :data:`DOCUMENT_FAULTS` (cycling),
one task in ``every`` one of :data:`TASK_FAULTS`, one target in ``every`` one of
:data:`TARGET_FAULTS`, and every other central document implements a provincial one.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

PROVINCES = ("thai-nguyen", "kon-tum", "hai-phong", "bac-kan", "binh-thuan", "lao-cai",
             "nghe-an", "ha-tinh")
DEADLINES = ("2030", "2030-Q2", "2030-06", "2030-06-30", "recurring")
DOCUMENT_FAULTS = ("kind", "issuer", "issued", "number", "not_older", "cycle", "ambiguous",
                   "unresolved", "stub")
TASK_FAULTS = ("owner", "collective", "deadline")
TARGET_FAULTS = ("value", "year")
GROUP = 20  # documents per central document

Node = tuple[str, dict[str, Any]]
Rel = tuple[str, str, str, dict[str, Any]]


@dataclass(frozen=True)
class Synthetic:
    """A synthetic graph of ``tasks`` tasks; faults planted in one item in ``every``."""

    tasks: int
    faults: bool = True
    every: int = 20

    @property
    def documents(self) -> int:
        return max(2, self.tasks // 10)

    @property
    def bodies(self) -> int:
        return max(10, self.tasks // 100)

    def doc_id(self, i: int) -> str:
        if self.central(i):
            return f"tw:2012:{i}-nq-tw"
        return f"{self.scope(i)}:{self.year(i)}:{i}-kh-tu"

    @staticmethod
    def central(i: int) -> bool:
        return i % GROUP == 0

    @staticmethod
    def scope(i: int) -> str:
        return "tw" if i % GROUP == 0 else PROVINCES[(i // GROUP) % len(PROVINCES)]

    @staticmethod
    def year(i: int) -> int:
        return 2012 if i % GROUP == 0 else 2013 + i % 10

    def doc_fault(self, i: int) -> str | None:
        if not self.faults or self.central(i) or i % self.every != self.every - 1:
            return None
        return DOCUMENT_FAULTS[(i // self.every) % len(DOCUMENT_FAULTS)]

    def central_fault(self, i: int) -> bool:
        """A central document that implements a provincial one."""
        return self.faults and self.central(i) and (i // GROUP) % 2 == 1 and i + 3 < self.documents

    def task_fault(self, j: int) -> str | None:
        if not self.faults or j % self.every != self.every - 1:
            return None
        return TASK_FAULTS[(j // self.every) % len(TASK_FAULTS)]

    def target_fault(self, k: int) -> str | None:
        if not self.faults or k % self.every != self.every - 1:
            return None
        return TARGET_FAULTS[(k // self.every) % len(TARGET_FAULTS)]

    def body_id(self, k: int) -> str:
        return f"body:{k}"

    def owner(self, j: int) -> int:
        """A body that is not collective (collective bodies are k % 10 == 9)."""
        k = j % self.bodies
        return k - 1 if k % 10 == 9 else k

    # ---------------------------------------------------------------- nodes

    def nodes(self) -> Iterator[Node]:
        for k in range(self.bodies):
            yield "Body", {"id": self.body_id(k), "name": f"Cơ quan {k}",
                           "collective": k % 10 == 9}
        for scope in ("tw", *PROVINCES):
            yield "Body", {"id": f"{scope}:issuer", "name": f"Ban hành {scope}",
                           "collective": False}
        for i in range(self.documents):
            yield "Document", self._document(i)
            if self.doc_fault(i) == "stub":
                yield "Document", {"id": f"tw:undated:{i}-nq-tw", "kind": "NghiQuyet",
                                   "number": f"{i}-NQ/TW", "scope": "tw", "stub": True}
        for j in range(self.tasks):
            yield "Task", self._task(j)
        for k in range(self.tasks // 5):
            yield "Target", self._target(k)

    def _document(self, i: int) -> dict[str, Any]:
        central, fault = self.central(i), self.doc_fault(i)
        year = self.year(i)
        props: dict[str, Any] = {
            "id": self.doc_id(i), "kind": "NghiQuyet" if central else "KeHoach",
            "number": f"{i}-NQ/TW" if central else f"{i}-KH/TU",
            "issued": f"{year}-{1 + i % 12:02d}-15", "year": year, "scope": self.scope(i),
            "title": f"Văn bản {i}", "stub": False,
        }
        if fault == "kind":
            del props["kind"]
        elif fault == "issued":
            del props["issued"]
        elif fault == "number":
            props["number"] = f"KH số {i}"
        elif fault == "not_older":
            props["issued"] = "2011-06-15"
        return props

    def _task(self, j: int) -> dict[str, Any]:
        deadline = "2000-Q1" if self.task_fault(j) == "deadline" else DEADLINES[j % len(DEADLINES)]
        props: dict[str, Any] = {
            "id": f"{self.doc_id(j % self.documents)}:t{j}", "text": f"Nhiệm vụ {j}",
            "section": f"{1 + j % 5}", "ordinal": j, "deadline": deadline,
            "document_id": self.doc_id(j % self.documents),
        }
        if deadline == "recurring":
            props["recurring"] = True
        return props

    def _target(self, k: int) -> dict[str, Any]:
        j = k * 5
        props: dict[str, Any] = {"id": f"{self.doc_id(j % self.documents)}:g{k}",
                                 "metric": "chi cho R&D", "value": "2", "unit": "%",
                                 "year": 2030, "document_id": self.doc_id(j % self.documents)}
        fault = self.target_fault(k)
        if fault is not None:
            del props[fault]
        return props

    # ---------------------------------------------------------------- relationships

    def relationships(self) -> Iterator[Rel]:
        for i in range(self.documents):
            yield from self._document_edges(i)
        for j in range(self.tasks):
            yield from self._task_edges(j)
        for k in range(self.tasks // 5):
            doc, task = self.doc_id((k * 5) % self.documents), self._task(k * 5)["id"]
            target = self._target(k)["id"]
            yield "SETS_TARGET", doc, target, {}
            yield "HAS_TARGET", task, target, {}

    def _document_edges(self, i: int) -> Iterator[Rel]:
        me, fault = self.doc_id(i), self.doc_fault(i)
        by = {"asserted_by": me}
        if fault != "issuer":
            yield "ISSUED_BY", me, f"{self.scope(i)}:issuer", dict(by)
        if self.central_fault(i):
            yield "IMPLEMENTS", me, self.doc_id(i + 3), dict(by)
        if self.central(i):
            return
        head = self.doc_id(i - i % GROUP)
        resolution = fault if fault in ("ambiguous", "unresolved") else "resolved"
        yield "IMPLEMENTS", me, head, dict(by)
        yield "CITES", me, head, {**by, "resolution": resolution}
        if i % GROUP == 3:
            yield "IMPLEMENTS", me, self.doc_id(i - 1), dict(by)
        if fault == "cycle" and not self.central(i - 1):
            yield "IMPLEMENTS", me, self.doc_id(i - 1), dict(by)
            yield "IMPLEMENTS", self.doc_id(i - 1), me, dict(by)
        if fault == "stub":
            yield "CITES", me, f"tw:undated:{i}-nq-tw", {**by, "resolution": "resolved"}

    def _task_edges(self, j: int) -> Iterator[Rel]:
        task, fault = self._task(j)["id"], self.task_fault(j)
        yield "ASSIGNS", self.doc_id(j % self.documents), task, {}
        if fault == "collective":
            yield "OWNED_BY", task, self.body_id(9), {}
        elif fault != "owner":
            yield "OWNED_BY", task, self.body_id(self.owner(j)), {}
            if j % 10 == 4:  # a collective body besides a single one: no finding
                yield "OWNED_BY", task, self.body_id(9), {}
        yield "COORDINATED_BY", task, self.body_id((j + 3) % self.bodies), {}
