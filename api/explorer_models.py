"""Response models of the explorer's JSON routes (:mod:`policykg.api.routes.explorer`):
a document's tasks, targets and references, a body and its tasks."""

from __future__ import annotations

from pydantic import BaseModel, Field


class BodyRef(BaseModel):
    id: str = Field(examples=["kon-tum:ban-tuyen-giao-tinh-uy"])
    name: str | None = None


class DocumentTask(BaseModel):
    task: str
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
    target: str
    text: str | None = None
    metric: str | None = None
    value: str | None = None
    unit: str | None = None
    qualifier: str | None = None
    year: int | None = None
    span_start: int | None = None
    span_end: int | None = None


class DocumentTargetList(BaseModel):
    data: list[DocumentTarget]
    count: int


class CitingDocument(BaseModel):
    id: str
    number: str | None = None
    year: int | None = None
    kind: str | None = None
    title: str | None = None
    stub: bool


class CitedDocument(CitingDocument):
    resolution: str | None = Field(default=None, description="How the citation was "
                                   "resolved: by number and date, unresolved, ambiguous …")
    relations: list[str] = Field(default_factory=list, description="What the citing "
                                 "document states towards it: implements, replaces, amends")


class ReferencesOut(BaseModel):
    id: str
    cites: list[CitedDocument]
    cited_by: list[CitingDocument]


class BodyOut(BaseModel):
    id: str
    name: str | None = None
    scope: str | None = None
    collective: bool
    aliases: list[str]
    part_of: list[BodyRef]
    parts: list[BodyRef]


class BodyTask(BaseModel):
    role: str = Field(examples=["owner"], description="owner or coordinator")
    task: str
    section: str | None = None
    text: str | None = None
    deadline: str | None = None
    recurring: bool
    overdue: bool
    document: str
    number: str | None = None
    year: int | None = None
    province: str | None = None


class BodyTaskList(BaseModel):
    data: list[BodyTask]
    count: int


class SourceOut(BaseModel):
    id: str
    source_file: str
    sha256: str
    text: str = Field(description="The cleaned text; spans are offsets into it")
