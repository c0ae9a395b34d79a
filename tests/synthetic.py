"""A synthetic policykg graph of any size, with planted faults of every kind the shapes check.

Deterministic: the same arguments give the same graph.  ``nodes()`` and
``relationships()`` stream a graph dump (the shape :mod:`policykg.queries.bulk` writes and
:func:`policykg.ontology.rdf.to_rdf` reads), so a million tasks never sit in memory at once.

Layout: documents and targets in the corpus's proportion to tasks; every twentieth
document is central (scope ``tw``), the others provincial plans implementing the
central document of their group (and, for the third of a group, the second too: a
chain); bodies per scope (one per hundred tasks), one in ten collective.  Task ``j``
is modelled on corpus task ``j`` modulo their number: its text (numbers varied), its
section, whether it states a deadline, how many coordinators it has and how many
owners (a first single body, then a collective one, then other single bodies); in a
graph without faults, at least one, so that it conforms.  A body of a provincial
party committee is ``PART_OF`` it.  With ``faults``
one provincial document in ``every`` gets one of :data:`DOCUMENT_FAULTS` (cycling),
one task in ``every`` one of :data:`TASK_FAULTS`, one target in ``every`` one of
:data:`TARGET_FAULTS`, and every other central document implements a provincial one.

Representative of a loaded graph by construction: every node and relationship
carries the properties :func:`policykg.loaders.rows.document_rows` writes for it (names from
:mod:`policykg.ontology.mapping`, checked against it): tasks their text, folded ``search``
key, section, ordinal, ``recurring``, document id and provenance (``source_file``,
``span_start``, ``span_end``, ``origin``), one in four a deadline with its phrase;
``OWNED_BY``, ``COORDINATED_BY``, ``ISSUED_BY``, ``IMPLEMENTS`` and ``CITES`` their
``asserted_by`` and provenance; bodies a scope, aliases and ``search``; documents
title, signer, issuer name, ``sha256``, ``field_origins``, ``search`` and provenance.
Texts are the corpus's own (:func:`policykg.loaders.extract.extract_file` on ``corpus/*.txt``:
task texts, titles, targets, signers), their numbers varied per item, so strings
have the corpus's sizes.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any, TypeVar

from policykg.core.vntext import fold, slug
from policykg.loaders.rows import document_search_key
from policykg.ontology import mapping as m
from policykg.ontology.records import DocumentKind
from policykg.queries.search import body_search_key

PROVINCES = ("thai-nguyen", "kon-tum", "hai-phong", "bac-kan", "binh-thuan", "lao-cai",
             "nghe-an", "ha-tinh")
PROVINCE_NAMES = {"thai-nguyen": "Thái Nguyên", "kon-tum": "Kon Tum", "hai-phong": "Hải Phòng",
                  "bac-kan": "Bắc Kạn", "binh-thuan": "Bình Thuận", "lao-cai": "Lào Cai",
                  "nghe-an": "Nghệ An", "ha-tinh": "Hà Tĩnh"}
DEADLINES = ("2030", "2030-Q2", "2030-06", "2030-06-30", "recurring")
DEADLINE_PHRASES = {"2030": "trong năm 2030", "2030-Q2": "quý II-2030",
                    "2030-06": "tháng 6/2030", "2030-06-30": "trước ngày 30/6/2030",
                    "recurring": "thực hiện thường xuyên", "2000-Q1": "quý I-2000"}
DOCUMENT_FAULTS = ("kind", "issuer", "issued", "number", "not_older", "cycle", "ambiguous",
                   "unresolved", "stub")
TASK_FAULTS = ("owner", "collective", "deadline")
TARGET_FAULTS = ("value", "year")
GROUP = 20  # documents per central document

# Body names as the corpus writes them (the province's name follows a single body).
SINGLE_BODIES = ("Ban Tuyên giáo Tỉnh ủy", "Sở Khoa học và Công nghệ tỉnh",
                 "Ban cán sự đảng Ủy ban nhân dân tỉnh", "Văn phòng Tỉnh ủy",
                 "Đảng đoàn Hội đồng nhân dân tỉnh", "Ban Dân vận Tỉnh ủy",
                 "Đảng đoàn Ủy ban Mặt trận Tổ quốc Việt Nam tỉnh", "Ban Thường vụ Tỉnh đoàn",
                 "Ban Tổ chức Tỉnh ủy")
COLLECTIVE_BODIES = ("các sở, ban, ngành của tỉnh", "các huyện ủy, thành ủy",
                     "các tổ chức chính trị - xã hội tỉnh", "các cấp ủy, chính quyền địa phương")
CORPUS = Path(__file__).resolve().parents[1] / "corpus"

Node = tuple[str, dict[str, Any]]
Rel = tuple[str, str, str, dict[str, Any]]
_DIGITS = re.compile(r"\d+")
T = TypeVar("T")


@dataclass(frozen=True)
class CorpusSample:
    """Strings taken from the corpus's extractions."""

    task_texts: tuple[str, ...]
    sections: tuple[str, ...]
    titles: tuple[str, ...]
    signers: tuple[str, ...]
    targets: tuple[tuple[str, str, str, str | None, str | None], ...]  # text metric value …
    documents: int
    owners: tuple[int, ...]  # per task, as task_texts
    coordinators: tuple[int, ...]
    deadlines: tuple[bool, ...]


@cache
def corpus_sample(corpus: Path = CORPUS) -> CorpusSample:
    """Task texts, sections, titles, signers and targets of ``corpus``/*.txt."""
    from policykg.loaders.extract import extract_file

    extractions = [extract_file(p) for p in sorted(corpus.glob("*.txt"))]
    tasks = [t for e in extractions for t in e.tasks]
    if not tasks:
        raise RuntimeError(f"no task extracted from {corpus}/*.txt")
    return CorpusSample(
        task_texts=tuple(t.text for t in tasks),
        sections=tuple(t.section for t in tasks),
        titles=tuple(e.document.title for e in extractions if e.document.title),
        signers=tuple(e.document.signer for e in extractions if e.document.signer),
        targets=tuple((g.text, g.metric, g.value, g.unit, g.qualifier)
                      for e in extractions for g in e.targets),
        documents=len(extractions),
        owners=tuple(len(t.owners) for t in tasks),
        coordinators=tuple(len(t.coordinators) for t in tasks),
        deadlines=tuple(t.deadline is not None for t in tasks),
    )


def vary(text: str, n: int) -> str:
    """``text`` with each of its numbers shifted by ``n`` (same number of digits)."""
    def shift(match: re.Match[str]) -> str:
        digits = match.group()
        return str((int(digits) + n) % 10 ** len(digits)).zfill(len(digits))
    return _DIGITS.sub(shift, text)


def mapped(node_or_rel: m.NodeType | m.RelType, props: Mapping[str, Any]) -> dict[str, Any]:
    """``props`` without ``None`` values, each a property of ``node_or_rel`` in the mapping."""
    unknown = set(props) - {p.name for p in node_or_rel.props} - {"id"}
    if unknown:
        raise ValueError(f"{node_or_rel} has no mapped property {sorted(unknown)}")
    return {k: v for k, v in props.items() if v is not None}


@dataclass(frozen=True)
class Synthetic:
    """A synthetic graph of ``tasks`` tasks; faults planted in one item in ``every``."""

    tasks: int
    faults: bool = True
    every: int = 20

    @property
    def documents(self) -> int:
        return max(2, self.tasks * self.sample.documents // len(self.sample.task_texts))

    @property
    def targets(self) -> int:
        return max(1, self.tasks * len(self.sample.targets) // len(self.sample.task_texts))

    def target_task(self, k: int) -> int:
        """The task that target ``k`` belongs to (targets spread evenly over tasks)."""
        return k * self.tasks // self.targets

    @property
    def bodies(self) -> int:
        return max(10, self.tasks // 100)

    @property
    def sample(self) -> CorpusSample:
        return corpus_sample()

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

    def source_file(self, i: int) -> str:
        kind = "nghi-quyet" if self.central(i) else "ke-hoach"
        return f"corpus/{self.scope(i)}_{kind}_{i}-{self.year(i)}.txt"

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

    def task_id(self, j: int) -> str:
        """Task ``j`` is the ``j // documents + 1``-th of document ``j % documents``."""
        return f"{self.doc_id(j % self.documents)}:t{j // self.documents + 1}"

    def body_name(self, k: int) -> tuple[str, str]:
        """(surface as a text writes it, canonical name) of body ``k``."""
        province = PROVINCE_NAMES[PROVINCES[k % len(PROVINCES)]]
        if k % 10 == 9:
            surface = COLLECTIVE_BODIES[k // 10 % len(COLLECTIVE_BODIES)]
        else:
            surface = SINGLE_BODIES[k % len(SINGLE_BODIES)]
        return surface, f"{surface} {province}"

    def body_id(self, k: int) -> str:
        return f"{PROVINCES[k % len(PROVINCES)]}:{slug(self.body_name(k)[0])}-{k}"

    @staticmethod
    def issuer_id(scope: str) -> str:
        return "tw:ban-chap-hanh-trung-uong" if scope == "tw" else f"{scope}:ban-thuong-vu-tinh-uy"

    @staticmethod
    def issuer_name(scope: str) -> str:
        if scope == "tw":
            return "Ban Chấp hành Trung ương"
        return f"Ban Thường vụ Tỉnh ủy {PROVINCE_NAMES[scope]}"

    @staticmethod
    def parent_id(scope: str) -> str:
        return f"{scope}:tinh-uy"

    def owner(self, j: int) -> int:
        """A body that is not collective (collective bodies are k % 10 == 9)."""
        k = j % self.bodies
        return k - 1 if k % 10 == 9 else k

    def modelled(self, j: int, per_task: tuple[T, ...]) -> T:
        """What corpus task ``j`` modulo their number has in ``per_task``."""
        return per_task[j % len(per_task)]

    def owners(self, j: int) -> list[int]:
        """Bodies owning task ``j``: as many as its corpus task's owners.

        A task modelled on one without owner has none (a TaskOwner violation, as in the
        corpus), or one in a graph without faults.
        """
        count = self.modelled(j, self.sample.owners)
        if count == 0 and self.faults:
            return []
        found = [self.owner(j)]
        for e in range(1, count):
            found.append(9 if e == 1 else self.owner(j + 7 * e))  # 9: a collective body
        return list(dict.fromkeys(found))

    def coordinators(self, j: int) -> list[int]:
        count = self.modelled(j, self.sample.coordinators)
        return list(dict.fromkeys((j + 3 + e) % self.bodies for e in range(count)))

    # ---------------------------------------------------------------- nodes

    def nodes(self) -> Iterator[Node]:
        for k in range(self.bodies):
            yield "Body", self._body(k)
        for scope in PROVINCES:  # as the writer creates a parent it meets in a PART_OF
            name = f"Tỉnh ủy {PROVINCE_NAMES[scope]}"
            yield "Body", mapped(m.BODY, {"id": self.parent_id(scope), "name": name,
                                          "scope": scope, "collective": False,
                                          "aliases": [name],
                                          "search": body_search_key(name, [name])})
        for scope in ("tw", *PROVINCES):
            name = self.issuer_name(scope)
            alias = name.removesuffix(f" {PROVINCE_NAMES.get(scope, '')}")
            yield "Body", mapped(m.BODY, {
                "id": self.issuer_id(scope), "name": name, "scope": scope,
                "collective": False, "aliases": [alias], "search": body_search_key(name, [alias])})
        for i in range(self.documents):
            yield "Document", self._document(i)
            if self.doc_fault(i) == "stub":
                number = f"{i}-NQ/TW"
                yield "Document", mapped(m.DOCUMENT, {
                    "id": f"tw:undated:{i}-nq-tw", "kind": "NghiQuyet", "number": number,
                    "scope": "tw", "term": "XI", "issuer_name": "Ban Chấp hành Trung ương",
                    "stub": True,
                    "search": document_search_key(DocumentKind.NghiQuyet, number, None)})
        for j in range(self.tasks):
            yield "Task", self._task(j)
        for k in range(self.targets):
            yield "Target", self._target(k)

    def _body(self, k: int) -> dict[str, Any]:
        surface, name = self.body_name(k)
        aliases = [surface] if k % 3 else [surface, name.replace("Tỉnh ủy", "TU")]
        return mapped(m.BODY, {"id": self.body_id(k), "name": name,
                               "scope": PROVINCES[k % len(PROVINCES)],
                               "collective": k % 10 == 9, "aliases": aliases,
                               "search": body_search_key(name, aliases)})

    def _document(self, i: int) -> dict[str, Any]:
        central, fault = self.central(i), self.doc_fault(i)
        year, scope, sample = self.year(i), self.scope(i), self.sample
        kind = DocumentKind.NghiQuyet if central else DocumentKind.KeHoach
        number = f"{i}-NQ/TW" if central else f"{i}-KH/TU"
        title = vary(sample.titles[i % len(sample.titles)], i)
        fields = ["issued", "issuer", "kind", "number", "signer", "title"]
        props: dict[str, Any] = {
            "id": self.doc_id(i), "kind": kind.value, "number": number,
            "issued": f"{year}-{1 + i % 12:02d}-15", "year": year, "scope": scope,
            "province": None if central else PROVINCE_NAMES[scope],
            "title": title, "signer": sample.signers[i % len(sample.signers)],
            "issuer_name": self.issuer_name(scope), "stub": False,
            "sha256": hashlib.sha256(self.doc_id(i).encode()).hexdigest(),
            "field_origins": sorted(f"{f}=text" for f in
                                    (*fields, *([] if central else ["province"]))),
            "search": document_search_key(kind, number, title),
            "source_file": self.source_file(i), "origin": "text",
        }
        if fault == "kind":
            del props["kind"]
        elif fault == "issued":
            del props["issued"]
        elif fault == "number":
            props["number"] = f"KH số {i}"
        elif fault == "not_older":
            props["issued"] = "2011-06-15"
        return mapped(m.DOCUMENT, props)

    def _provenance(self, i: int, start: int, end: int) -> dict[str, Any]:
        return {"source_file": self.source_file(i), "origin": "text", "span_start": start,
                "span_end": end}

    def _task_span(self, j: int) -> tuple[int, int]:
        n = j // self.documents
        text = self.sample.task_texts[j % len(self.sample.task_texts)]
        return 1500 + 450 * n, 1500 + 450 * n + len(text)

    def _task(self, j: int) -> dict[str, Any]:
        sample, i = self.sample, j % self.documents
        fault = self.task_fault(j)
        deadline: str | None = None
        if fault == "deadline":
            deadline = "2000-Q1"
        elif self.modelled(j, sample.deadlines):
            deadline = DEADLINES[j // len(sample.task_texts) % len(DEADLINES)]
        text = vary(sample.task_texts[j % len(sample.task_texts)], j)
        start, end = self._task_span(j)
        return mapped(m.TASK, {
            "id": self.task_id(j), "text": text,
            "section": sample.sections[j % len(sample.sections)],
            "ordinal": j // self.documents + 1, "deadline": deadline,
            "deadline_phrase": DEADLINE_PHRASES[deadline] if deadline else None,
            "recurring": deadline == "recurring", "document_id": self.doc_id(i),
            "search": fold(text), **self._provenance(i, start, end),
        })

    def _target(self, k: int) -> dict[str, Any]:
        i = self.target_task(k) % self.documents
        text, metric, value, unit, qualifier = self.sample.targets[k % len(self.sample.targets)]
        text = vary(text, k)
        start = 1200 + 120 * (k % 50)
        props: dict[str, Any] = {
            "id": f"{self.doc_id(i)}:g{k}", "text": text, "metric": metric, "value": value,
            "unit": unit, "qualifier": qualifier, "year": 2030, "document_id": self.doc_id(i),
            **self._provenance(i, start, start + len(text)),
        }
        fault = self.target_fault(k)
        if fault is not None:
            del props[fault]
        return mapped(m.TARGET, props)

    # ---------------------------------------------------------------- relationships

    def relationships(self) -> Iterator[Rel]:
        for k in range(self.bodies):
            if "Tỉnh ủy" in self.body_name(k)[0]:
                yield "PART_OF", self.body_id(k), self.parent_id(PROVINCES[k % len(PROVINCES)]), {}
        for i in range(self.documents):
            yield from self._document_edges(i)
        for j in range(self.tasks):
            yield from self._task_edges(j)
        for k in range(self.targets):
            j = self.target_task(k)
            doc, task = self.doc_id(j % self.documents), self.task_id(j)
            target = f"{doc}:g{k}"
            yield "SETS_TARGET", doc, target, {}
            yield "HAS_TARGET", task, target, {}

    def _stated(self, rel: m.RelType, i: int, start: int, end: int,
                **more: Any) -> dict[str, Any]:
        """Properties of an edge document ``i``'s text states at ``start``–``end``."""
        if rel in m.ASSERTED_RELATIONS:  # one edge per pair, its assertions as lists
            me = self.doc_id(i)
            return mapped(rel, {"asserted_by": [me],
                                "assertions": [m.assertion(me, "text", (start, end))],
                                **more})
        return mapped(rel, {"asserted_by": self.doc_id(i), **self._provenance(i, start, end),
                            **more})

    def _document_edges(self, i: int) -> Iterator[Rel]:
        me, fault = self.doc_id(i), self.doc_fault(i)
        if fault != "issuer":
            yield "ISSUED_BY", me, self.issuer_id(self.scope(i)), self._stated(
                m.ISSUED_BY, i, 14, 35)
        yield "ADDRESSES", me, self.body_id((i * 7) % self.bodies), {"asserted_by": me}
        if self.central_fault(i):
            yield "IMPLEMENTS", me, self.doc_id(i + 3), self._stated(m.IMPLEMENTS, i, 61, 69)
        if self.central(i):
            return
        head = self.doc_id(i - i % GROUP)
        resolution = fault if fault in ("ambiguous", "unresolved") else "resolved"
        yield "IMPLEMENTS", me, head, self._stated(m.IMPLEMENTS, i, 61, 69)
        yield "CITES", me, head, self._stated(m.CITES, i, 61, 69, resolution=resolution)
        if i % GROUP == 3:
            yield "IMPLEMENTS", me, self.doc_id(i - 1), self._stated(m.IMPLEMENTS, i, 142, 150)
        if fault == "cycle" and not self.central(i - 1):
            yield "IMPLEMENTS", me, self.doc_id(i - 1), self._stated(m.IMPLEMENTS, i, 142, 150)
            yield "IMPLEMENTS", self.doc_id(i - 1), me, self._stated(m.IMPLEMENTS, i, 142, 150)
        if fault == "stub":
            yield "CITES", me, f"tw:undated:{i}-nq-tw", self._stated(
                m.CITES, i, 451, 459, resolution="resolved")

    def _task_edges(self, j: int) -> Iterator[Rel]:
        task, fault, i = self.task_id(j), self.task_fault(j), j % self.documents
        stated = self._stated(m.OWNED_BY, i, *self._task_span(j))
        yield "ASSIGNS", self.doc_id(i), task, {}
        if fault == "collective":
            yield "OWNED_BY", task, self.body_id(9), stated
        elif fault != "owner":
            for k in self.owners(j):
                yield "OWNED_BY", task, self.body_id(k), stated
        for k in self.coordinators(j):
            yield "COORDINATED_BY", task, self.body_id(k), stated
