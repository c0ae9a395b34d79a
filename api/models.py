"""Response models of the HTTP API (they make the OpenAPI schema)."""

from __future__ import annotations

from pydantic import BaseModel, ConfigDict, Field


class Health(BaseModel):
    status: str = Field(examples=["ok"])
    engine: str | None = Field(default=None, examples=["falkordb"])


class DocumentOut(BaseModel):
    """A document node; stubs are cited but not loaded."""

    model_config = ConfigDict(extra="allow")

    id: str = Field(examples=["tw:2024:69-kl-tw"])
    kind: str | None = Field(default=None, examples=["KetLuan"])
    number: str | None = Field(default=None, examples=["69-KL/TW"])
    issued: str | None = Field(default=None, examples=["2024-01-11"])
    year: int | None = Field(default=None, examples=[2024])
    title: str | None = None
    scope: str | None = Field(default=None, examples=["tw"])
    province: str | None = None
    stub: bool | None = None


class DocumentList(BaseModel):
    data: list[DocumentOut]
    count: int = Field(description="Number of documents matching the filters (all pages)")


class LineageNode(DocumentOut):
    depth: int = Field(description="Distance from the starting document (0 = itself)")


class Edge(BaseModel):
    model_config = ConfigDict(populate_by_name=True)

    source: str = Field(alias="from", serialization_alias="from")
    target: str = Field(alias="to", serialization_alias="to")


class LineageOut(BaseModel):
    """A small DAG: the starting document first, then by distance."""

    id: str
    nodes: list[LineageNode]
    edges: list[Edge]


class ResolveOut(BaseModel):
    ref: str = Field(examples=["Kết luận 69"])
    id: str = Field(examples=["tw:2024:69-kl-tw"])
    document: DocumentOut
