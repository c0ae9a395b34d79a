"""Response and request models of the analyst and front-end routes."""

from __future__ import annotations

import re
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field, field_validator

_PARAM_NAME = re.compile(r"^[A-Za-z_][A-Za-z0-9_]*$")


def _check_keys(value: Any, where: str) -> None:
    if isinstance(value, dict):
        for key, item in value.items():
            if not key or "`" in key:
                raise ValueError(f"{where}: a map key must be non-empty, without backticks")
            _check_keys(item, f"{where}.{key}")
    elif isinstance(value, list):
        for item in value:
            _check_keys(item, where)

_ROW_EXAMPLE = [{"kind": "node", "id": "3", "labels": ["Document"],
                 "properties": {"id": "tw:2024:69-kl-tw", "number": "69-KL/TW"}}, 2024]


class CypherIn(BaseModel):
    model_config = ConfigDict(json_schema_extra={"examples": [{
        "query": "MATCH (d:Document {number: $number}) RETURN d, d.year AS year",
        "params": {"number": "69-KL/TW"}}]})

    query: str = Field(min_length=1, max_length=20_000, description="One read-only Cypher "
                       "statement; values as $parameters")
    params: dict[str, Any] = Field(default_factory=dict, description="Query parameters")

    @field_validator("params")
    @classmethod
    def _names(cls, params: dict[str, Any]) -> dict[str, Any]:
        for name, value in params.items():
            if not _PARAM_NAME.match(name):
                raise ValueError(f"parameter name {name!r} is not an identifier")
            _check_keys(value, name)
        return params


class CypherOut(BaseModel):
    columns: list[str] = Field(examples=[["d", "year"]])
    rows: list[list[Any]] = Field(examples=[[_ROW_EXAMPLE]], description="One list per row, "
                                  "aligned with columns; nodes, relationships and paths as "
                                  "maps with kind, id, labels/type and properties")
    truncated: bool = Field(description="More rows matched than the row limit; the rest "
                            "were cut")


class QueryParamOut(BaseModel):
    name: str = Field(examples=["id"])
    type: str = Field(examples=["string"])
    description: str
    default: Any = None
    required: bool


class NamedQueryOut(BaseModel):
    name: str = Field(examples=["lineage"])
    title: str = Field(examples=["What a document implements"])
    description: str
    parameters: list[QueryParamOut]


class NamedQueryList(BaseModel):
    data: list[NamedQueryOut]
    count: int


class SearchHit(BaseModel):
    id: str = Field(examples=["tw:2024:69-kl-tw"])
    label: str = Field(examples=["Document"], description="Document, Body or Task")
    name: str = Field(examples=["69-KL/TW"], description="What to show: a number, title, "
                      "name or task text")
    matched: str = Field(examples=["number"], description="The field that matched: number, "
                         "title, name, aliases or text")
    score: float
    document_id: str | None = Field(default=None, description="A task's document")


class SearchList(BaseModel):
    data: list[SearchHit]
    count: int = Field(description="Hits in all pages")


class NodeData(BaseModel):
    model_config = ConfigDict(extra="allow")

    id: str = Field(examples=["tw:2024:69-kl-tw"])
    label: str = Field(examples=["69-KL/TW (2024)"], description="Caption")
    kind: str = Field(examples=["Document"], description="Node label in the graph")
    depth: int = Field(description="Hops from the focus")


class EdgeData(BaseModel):
    id: str = Field(examples=["IMPLEMENTS:tw:2024:69-kl-tw->tw:2012:20-nq-tw"])
    source: str
    target: str
    label: str = Field(examples=["implements"], description="Ontology term")
    type: str = Field(examples=["IMPLEMENTS"], description="Relationship type")


class CyNode(BaseModel):
    data: NodeData


class CyEdge(BaseModel):
    data: EdgeData


class Elements(BaseModel):
    nodes: list[CyNode]
    edges: list[CyEdge]


class GraphOut(BaseModel):
    """A neighbourhood in Cytoscape.js ``elements`` form."""

    focus: str
    depth: int
    elements: Elements
    truncated: bool = Field(description="The size limit cut the neighbourhood")


class LabelCount(BaseModel):
    label: str = Field(examples=["Document"])
    term: str | None = Field(examples=["Document"], description="Ontology class")
    count: int


class TypeCount(BaseModel):
    type: str = Field(examples=["IMPLEMENTS"])
    term: str | None = Field(examples=["implements"], description="Ontology property")
    source: str | None = Field(examples=["Document"])
    target: str | None = Field(examples=["Document"])
    count: int


class GraphSchemaOut(BaseModel):
    labels: list[LabelCount]
    relationships: list[TypeCount]


class UploadOut(BaseModel):
    id: str = Field(examples=["kon-tum:2024:15-kh-tu"])
    source: str = Field(examples=["upload/kon-tum_ke-hoach.txt"])
    references: int
    tasks: int
    targets: int
    warnings: list[str]
    validation: dict[str, Any] | None = Field(default=None, description="SHACL report on "
                                              "the document's subgraph")


class DeleteOut(BaseModel):
    id: str
    outcome: Literal["removed", "stub"] = Field(description="removed, or kept as a stub "
                                                "because other documents cite it")
