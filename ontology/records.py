"""Pydantic records that mirror the ontology (``ontology/policykg.ttl``).

An :class:`Extraction` is what the loaders produce from one source file: the
document's own header facts, the documents it cites, the relations it states,
its tasks and targets.  Every fact carries :class:`Provenance` — the source file,
the character span in the normalised text (NFC code points; the loaders' clean-up
keeps offsets unchanged) and whether it came from the text or from a sidecar.

Citations inside one extraction are referred to by :attr:`Reference.key`
(``NUMBER@YEAR``, or ``NUMBER`` when the year is unknown); canonical graph ids
are assigned later, by :mod:`policykg.ontology.identity` and :mod:`policykg.loaders.resolve`.
"""

from __future__ import annotations

from datetime import date
from enum import StrEnum
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field


class DocumentKind(StrEnum):
    """Kinds of document; values are the ontology's class names."""

    NghiQuyet = "NghiQuyet"
    KetLuan = "KetLuan"
    ChiThi = "ChiThi"
    KeHoach = "KeHoach"
    ChuongTrinh = "ChuongTrinh"
    ThongBao = "ThongBao"
    CongVan = "CongVan"
    QuyetDinh = "QuyetDinh"
    BaoCao = "BaoCao"
    HuongDan = "HuongDan"
    Other = "Other"


# Vietnamese names of the kinds, as documents write them ("Kết luận số 69-KL/TW");
# the same strings are the classes' @vi labels in policykg.ttl (a test keeps them equal).
KIND_NAMES_VI: dict[DocumentKind, str] = {
    DocumentKind.NghiQuyet: "Nghị quyết",
    DocumentKind.KetLuan: "Kết luận",
    DocumentKind.ChiThi: "Chỉ thị",
    DocumentKind.KeHoach: "Kế hoạch",
    DocumentKind.ChuongTrinh: "Chương trình",
    DocumentKind.ThongBao: "Thông báo",
    DocumentKind.CongVan: "Công văn",
    DocumentKind.QuyetDinh: "Quyết định",
    DocumentKind.BaoCao: "Báo cáo",
    DocumentKind.HuongDan: "Hướng dẫn",
    DocumentKind.Other: "Văn bản",
}


def kind_name(code: object) -> str | None:
    """The Vietnamese name of a kind given by its code ("KeHoach" → "Kế hoạch"), or None."""
    try:
        return KIND_NAMES_VI[DocumentKind(str(code))]
    except ValueError:
        return None

Origin = Literal["text", "sidecar", "inferred"]


class _Record(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")


class Span(_Record):
    """Half-open character range ``[start, end)`` in the normalised text."""

    start: int = Field(ge=0)
    end: int = Field(ge=0)


class Provenance(_Record):
    """Where a fact came from."""

    source: str
    span: Span | None = None
    origin: Origin = "text"


class Reference(_Record):
    """A document cited by number (merged over repeated citations)."""

    kind: DocumentKind
    number: str
    issued: date | None = None
    issuer: str | None = None
    term: str | None = None  # khóa, as a Roman numeral ("XI")
    scope: str | None = None  # "tw", "cp", "ttg", a province slug …
    year: int | None = None  # year of issue known without the date (from other citations)
    provenance: Provenance

    @property
    def key(self) -> str:
        year = self.issued.year if self.issued else self.year
        return f"{self.number}@{year}" if year else self.number


class CitedRelation(_Record):
    """A relation the text states between two cited documents (keys of references)."""

    source: str
    rel: Literal["implements", "replaces", "amends"] = "implements"
    target: str
    provenance: Provenance


class NamedCitation(_Record):
    """A central resolution cited by name only ("Nghị quyết Hội nghị Trung ương 6 (khóa
    XI) về phát triển khoa học và công nghệ") when the text gives no number for it; the
    loader looks for it among the documents the graph holds."""

    name: str
    term: str  # khóa, Roman
    subject: str | None = None  # "về phát triển khoa học và công nghệ"
    provenance: Provenance


class Deadline(_Record):
    """A deadline, normalised: ``2024-Q2``, ``2025-06``, ``2025-06-30``, ``2025``, ``recurring``."""

    value: str
    phrase: str
    provenance: Provenance


class Task(_Record):
    """One assigned task (a bullet or numbered item that directs action)."""

    text: str
    section: str
    owners: tuple[str, ...] = ()
    coordinators: tuple[str, ...] = ()
    deadline: Deadline | None = None
    provenance: Provenance


class Target(_Record):
    """A quantitative goal."""

    text: str
    metric: str
    value: str
    unit: str | None = None
    qualifier: str | None = None  # khoảng, tối thiểu, ít nhất …
    year: int | None = None
    task_index: int | None = None  # index into Extraction.tasks when the text ties them
    provenance: Provenance


class DocumentHeader(_Record):
    """The document's own facts; ``None`` where neither text nor sidecar states them."""

    kind: DocumentKind = DocumentKind.Other
    number: str | None = None
    issued: date | None = None
    issuer: str | None = None
    province: str | None = None
    signer: str | None = None
    title: str | None = None
    term: str | None = None
    general_addressees: tuple[str, ...] = ()
    provenance: dict[str, Provenance] = Field(default_factory=dict)


class Extraction(_Record):
    """Everything extracted from one source file."""

    source: str
    sha256: str
    # "official": the document itself; "republished": behind a site's lead; "news": an
    # article about documents, with no header of its own
    page: Literal["official", "republished", "news"] = "official"
    document: DocumentHeader
    references: tuple[Reference, ...] = ()
    implements: tuple[str, ...] = ()  # keys of references
    replaces: tuple[str, ...] = ()  # keys of references this document takes the place of
    amends: tuple[str, ...] = ()  # keys of references this document changes
    cited_relations: tuple[CitedRelation, ...] = ()
    named_citations: tuple[NamedCitation, ...] = ()
    tasks: tuple[Task, ...] = ()
    targets: tuple[Target, ...] = ()
    warnings: tuple[str, ...] = ()
