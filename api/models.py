"""Request and response models of the HTTP API (they make the OpenAPI schema).

Lists are ``{data, count}`` envelopes; errors have the one shape of
:mod:`policykg.api.errors`.
"""

from __future__ import annotations

import re
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field, field_validator

from policykg.core.limits import MAX_PARAM_DEPTH, MAX_PARAM_STRING, MAX_PARAM_VALUES


class Health(BaseModel):
    status: str = Field(examples=["ok"])
    engine: str | None = Field(default=None, examples=["falkordb"])


class DocumentOut(BaseModel):
    """A document node; stubs are cited but not loaded.  Nothing internal: no search key,
    and the source as a path relative to the corpus folder or the upload's name."""

    model_config = ConfigDict(extra="ignore")

    id: str = Field(examples=["tw:2024:69-kl-tw"])
    label: str = Field(examples=["69-KL/TW (2024)"], description="How to name it: number "
                       "(year); unnumbered: kind, province (year) and the start of its title")
    kind: str | None = Field(default=None, examples=["KetLuan"], description="Kind code "
                             "(ontology class)")
    kind_name: str | None = Field(default=None, examples=["Kết luận"],
                                  description="The kind's Vietnamese name")
    number: str | None = Field(default=None, examples=["69-KL/TW"])
    issued: str | None = Field(default=None, examples=["2024-01-11"])
    year: int | None = Field(default=None, examples=[2024])
    title: str | None = None
    scope: str | None = Field(default=None, examples=["tw"], description="Issuing scope: tw, "
                              "cp, … or a province's slug")
    province: str | None = Field(default=None, examples=["Kon Tum"])
    term: str | None = Field(default=None, examples=["XI"], description="Party term (khóa)")
    issuer: str | None = Field(default=None, examples=["Bộ Chính trị"])
    signer: str | None = None
    stub: bool | None = Field(default=None, description="Cited, not loaded")
    tasks: int | None = Field(default=None, description="Tasks it assigns (one document)")
    targets: int | None = Field(default=None, description="Targets it sets (one document)")
    source_file: str | None = Field(default=None, examples=["kon-tum_ke-hoach_kl69.txt"],
                                    description="The source: relative to the corpus folder, "
                                    "or the upload's name")
    sha256: str | None = Field(default=None, description="Digest of the source text")
    field_origins: list[str] | None = Field(default=None, examples=[["province=sidecar"]],
                                            description="Where each header fact came from")


class DocumentList(BaseModel):
    data: list[DocumentOut]
    count: int = Field(description="Number of documents matching the filters (all pages)")


class LineageNode(DocumentOut):
    depth: int = Field(description="Distance from the starting document (0 = itself)")


class Edge(BaseModel):
    model_config = ConfigDict(populate_by_name=True)

    source: str = Field(alias="from", serialization_alias="from",
                        examples=["kon-tum:undated:kh-9fdfd9a1"])
    target: str = Field(alias="to", serialization_alias="to", examples=["tw:2024:69-kl-tw"])


class LineageOut(BaseModel):
    """A small DAG: the starting document first, then by distance."""

    id: str = Field(examples=["kon-tum:undated:kh-9fdfd9a1"])
    nodes: list[LineageNode]
    edges: list[Edge]


class ResolveOut(BaseModel):
    ref: str = Field(examples=["Kết luận 69"])
    id: str = Field(examples=["tw:2024:69-kl-tw"])
    document: DocumentOut


_PARAM_NAME = re.compile(r"^[A-Za-z_][A-Za-z0-9_]*$")


def _check_params(params: dict[str, Any]) -> None:
    """Parameters a store can take quickly and safely: at most ``MAX_PARAM_VALUES``
    values, ``MAX_PARAM_DEPTH`` levels, strings of ``MAX_PARAM_STRING`` characters
    without NUL, integers within 64 bits, map keys without backticks (a 120 k-key map
    took FalkorDB 20 s to parse, outside the query's time limit)."""
    seen = 0
    stack: list[tuple[Any, str, int]] = [(value, name, 1) for name, value in params.items()]
    while stack:
        value, where, depth = stack.pop()
        seen += 1
        if seen > MAX_PARAM_VALUES:
            raise ValueError(f"more than {MAX_PARAM_VALUES} parameter values")
        if depth > MAX_PARAM_DEPTH:
            raise ValueError(f"{where}: nested deeper than {MAX_PARAM_DEPTH} levels")
        if isinstance(value, str):
            if len(value) > MAX_PARAM_STRING:
                raise ValueError(f"{where}: a string of {len(value)} characters; "
                                 f"at most {MAX_PARAM_STRING}")
            if "\x00" in value:
                raise ValueError(f"{where}: a string with a NUL character")
        elif isinstance(value, bool):
            continue
        elif isinstance(value, int) and not -2**63 <= value < 2**63:
            raise ValueError(f"{where}: an integer outside 64 bits")
        elif isinstance(value, dict):
            for key, item in value.items():
                if not key or "`" in key or "\x00" in key:
                    raise ValueError(f"{where}: a map key must be non-empty, without "
                                     "backticks or NUL")
                stack.append((item, f"{where}.{key}", depth + 1))
        elif isinstance(value, list):
            stack.extend((item, where, depth + 1) for item in value)

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
        for name in params:
            if not _PARAM_NAME.match(name):
                raise ValueError(f"parameter name {name!r} is not an identifier")
        _check_params(params)
        return params

    @field_validator("query")
    @classmethod
    def _no_nul(cls, query: str) -> str:
        if "\x00" in query:
            raise ValueError("the query holds a NUL character")
        return query


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
    description: str = Field(examples=["Document id"])
    default: Any = None
    required: bool


class NamedQueryOut(BaseModel):
    name: str = Field(examples=["lineage"])
    title: str = Field(examples=["What a document implements"])
    description: str = Field(examples=[
        "The chain of documents a document implements, transitively"])
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
    source: str = Field(examples=["kon-tum:undated:kh-9fdfd9a1"])
    target: str = Field(examples=["tw:2024:69-kl-tw"])
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

    focus: str = Field(examples=["tw:2024:69-kl-tw"])
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
    warnings: list[str] = Field(examples=[[
        "'Nghị quyết Hội nghị Trung ương 4 (khóa XII)' names no document the graph holds; "
        "not resolved"]])
    validation: dict[str, Any] | None = Field(default=None, description="SHACL report on "
                                              "the document's subgraph")


class DeleteOut(BaseModel):
    id: str = Field(examples=["kon-tum:undated:kh-9fdfd9a1"])
    outcome: Literal["removed", "stub"] = Field(examples=["removed"],
                                                description="removed, or kept as a stub "
                                                "because other documents cite it")


class BodyRef(BaseModel):
    id: str = Field(examples=["kon-tum:ban-tuyen-giao-tinh-uy"])
    name: str | None = Field(default=None, examples=["Ban Tuyên giáo Tỉnh ủy Kon Tum"])
    scope: str | None = Field(default=None, examples=["kon-tum"])
    province: str | None = Field(default=None, examples=["Kon Tum"],
                                 description="The scope's province, if provincial")
    label: str = Field(examples=["các huyện ủy, thành ủy (Kon Tum)"],
                       description="The name, with the province when it does not say it")


class TaskRow(BaseModel):
    task: str = Field(examples=["thai-nguyen:2013:29-ctr-tu:t1"])
    section: str | None = None
    text: str | None = None
    deadline: str | None = None
    document: str = Field(examples=["thai-nguyen:2013:29-ctr-tu"])
    document_label: str = Field(examples=["69-KL/TW (2024)"])
    number: str | None = None
    year: int | None = None
    owners: list[BodyRef] | None = None


class TaskList(BaseModel):
    data: list[TaskRow]
    count: int = Field(description="Number of rows (all pages)")


class WorkloadRow(BaseModel):
    body: str = Field(examples=["kon-tum:cac-huyen-uy-thanh-uy"])
    name: str | None = Field(default=None, examples=["các huyện ủy, thành ủy"])
    scope: str | None = Field(default=None, examples=["kon-tum"])
    province: str | None = Field(default=None, examples=["Kon Tum"],
                                 description="The scope's province, if provincial")
    label: str = Field(examples=["các huyện ủy, thành ủy (Kon Tum)"],
                       description="The name, with the province when it does not say it")
    collective: bool = Field(examples=[True])
    owned: int = Field(examples=[17], description="Tasks the body owns")
    coordinated: int = Field(examples=[0], description="Tasks the body coordinates")


class WorkloadList(BaseModel):
    data: list[WorkloadRow]
    count: int


class Citation(BaseModel):
    cited: str = Field(examples=["binh-thuan:unresolved:nghi-quyet-hoi-nghi-trung-uong-4-khoa-xii"])
    number: str | None = None
    resolution: str = Field(examples=["ambiguous"])


class UnresolvedRow(BaseModel):
    document: str = Field(examples=["binh-thuan:undated:tb-82edeacb"])
    document_label: str = Field(examples=["69-KL/TW (2024)"])
    number: str | None = None
    year: int | None = None
    citations: list[Citation]


class UnresolvedList(BaseModel):
    data: list[UnresolvedRow]
    count: int


class Implementer(BaseModel):
    id: str = Field(examples=["kon-tum:undated:kh-9fdfd9a1"])
    label: str = Field(examples=["29-CTr/TU (2013)"])
    number: str | None = None
    year: int | None = None
    province: str = Field(examples=["Kon Tum"], description="The province as the document "
                          "writes it (a former one, merged into the row's, included)")
    depth: int = Field(description="IMPLEMENTS steps to the document (1 = directly)")


class CoverageRow(BaseModel):
    province: str = Field(examples=["Kon Tum"])
    covered: bool
    documents: list[Implementer]


class CoverageList(BaseModel):
    document: str = Field(examples=["tw:2012:20-nq-tw"])
    data: list[CoverageRow]
    count: int = Field(description="Number of provinces: the map's, and any other the "
                       "graph's documents name")
    covered: int = Field(description="Provinces with an implementing document")
