"""Response models of the explorer's JSON routes (:mod:`policykg.api.routes.explorer`):
a document's tasks, targets and references, a body and its tasks."""

from __future__ import annotations

from pydantic import BaseModel, Field


class BodyRef(BaseModel):
    id: str = Field(examples=["kon-tum:ban-tuyen-giao-tinh-uy"])
    name: str | None = None


class DocumentTask(BaseModel):
    task: str = Field(examples=["kon-tum:undated:kh-9fdfd9a1:t3"])
    section: str | None = Field(default=None, examples=["II.2.1"])
    text: str | None = None
    deadline: str | None = Field(default=None, examples=["2025-Q2"])
    deadline_phrase: str | None = None
    recurring: bool
    ordinal: int | None = None
    source_file: str | None = None
    span_start: int | None = Field(default=None, description="Where the task was read: "
                                   "character offsets in the source text")
    span_end: int | None = None
    owners: list[BodyRef]
    coordinators: list[BodyRef]
    unowned: bool = Field(description="No owner")
    overdue: bool = Field(description="The deadline's period ended before as_of (the rule "
                          "of GET /audit/overdue)")


class DocumentTaskList(BaseModel):
    data: list[DocumentTask]
    count: int


class DocumentTarget(BaseModel):
    target: str = Field(examples=["thai-nguyen:2013:29-ctr-tu:g1"])
    text: str | None = Field(default=None, examples=[
        "Thông qua yếu tố năng suất tổng hợp (TFP) hoạt động khoa học và công nghệ đóng "
        "góp khoảng 35% tăng trưởng kinh tế."])
    metric: str | None = Field(default=None, examples=[
        "thông qua yếu tố năng suất tổng hợp (TFP) hoạt động khoa học và công nghệ (khoảng)"])
    value: str | None = Field(default=None, examples=["35"])
    unit: str | None = Field(default=None, examples=["%"])
    qualifier: str | None = Field(default=None, examples=["khoảng"])
    year: int | None = Field(default=None, examples=[2020])
    span_start: int | None = None
    span_end: int | None = None


class DocumentTargetList(BaseModel):
    data: list[DocumentTarget]
    count: int


class CitingDocument(BaseModel):
    id: str = Field(examples=["tw:2024:69-kl-tw"])
    number: str | None = Field(default=None, examples=["69-KL/TW"])
    year: int | None = Field(default=None, examples=[2024])
    kind: str | None = Field(default=None, examples=["KetLuan"])
    title: str | None = None
    stub: bool


class CitedDocument(CitingDocument):
    resolution: str | None = Field(default=None, examples=["resolved"],
                                   description="How the citation was "
                                   "resolved: by number and date, unresolved, ambiguous …")
    relations: list[str] = Field(default_factory=list, examples=[["implements"]],
                                 description="What the citing "
                                 "document states towards it: implements, replaces, amends")


class ReferencesOut(BaseModel):
    id: str = Field(examples=["kon-tum:undated:kh-9fdfd9a1"])
    cites: list[CitedDocument]
    cited_by: list[CitingDocument]


class BodyOut(BaseModel):
    id: str = Field(examples=["kon-tum:ban-tuyen-giao-tinh-uy"])
    name: str | None = None
    scope: str | None = None
    collective: bool
    aliases: list[str] = Field(examples=[["Ban Tuyên giáo Tỉnh ủy"]])
    part_of: list[BodyRef]
    parts: list[BodyRef]


class BodyTask(BaseModel):
    role: str = Field(examples=["owner"], description="owner or coordinator")
    task: str = Field(examples=["kon-tum:undated:kh-9fdfd9a1:t3"])
    section: str | None = None
    text: str | None = None
    deadline: str | None = None
    recurring: bool
    overdue: bool
    document: str = Field(examples=["kon-tum:undated:kh-9fdfd9a1"])
    number: str | None = None
    year: int | None = None
    province: str | None = None


class BodyTaskList(BaseModel):
    data: list[BodyTask]
    count: int


class SourceOut(BaseModel):
    id: str = Field(examples=["kon-tum:undated:kh-9fdfd9a1"])
    source_file: str = Field(examples=["kon-tum_ke-hoach_kl69.txt"],
                             description="Relative to the corpus folder")
    sha256: str = Field(examples=[
        "1545a264610a4df83f0c3baa374d7c2ae23019cc94242d61c1f5e3f4af3dcab8"])
    text: str = Field(examples=["TỈNH ỦY KON TUM\n…"],
                      description="The cleaned text; spans are offsets into it")
