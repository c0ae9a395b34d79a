"""Graph views for front ends: ``GET /graph`` (Cytoscape.js elements), ``GET /graph/schema``."""

from __future__ import annotations

import json
from collections.abc import Sequence
from typing import Annotated, Any, Literal, TypeVar

from fastapi import APIRouter, Query

from policykg.api.deps import AppSettings, Store
from policykg.api.errors import responses
from policykg.api.models import (
    CyEdge,
    CyNode,
    EdgeData,
    Elements,
    GraphOut,
    GraphSchemaOut,
    LabelCount,
    NodeData,
    TypeCount,
)
from policykg.core.errors import InvalidParameter
from policykg.ontology import mapping as m
from policykg.ontology.records import kind_name
from policykg.queries.captions import caption
from policykg.queries.catalog import load_catalog
from policykg.queries.neighbourhood import (
    focus_id,
    neighbourhood,
    rel_types_named,
    valid_rel_names,
)
from policykg.queries.public import lean_properties, public_properties

router = APIRouter(tags=["front ends"])
MAX_DEPTH = 4


def _node_data(node_id: str, label: str, props: dict[str, Any], depth: int, full: bool
               ) -> NodeData:
    shown = public_properties(props) if full else lean_properties(props)
    shown.pop("id", None)
    if "kind" in shown:  # a document's kind; "kind" here is the node's label
        shown["doc_kind"] = shown.pop("kind")
        shown["doc_kind_name"] = kind_name(shown["doc_kind"])
    return NodeData(id=node_id, label=caption(label, props), kind=label, depth=depth, **shown)


_Element = TypeVar("_Element", CyNode, CyEdge)


def _size(element: CyNode | CyEdge) -> int:
    return len(json.dumps(element.model_dump(mode="json"), ensure_ascii=False).encode()) + 1


def _fit(elements: Sequence[_Element], budget: int) -> tuple[list[_Element], int]:
    """The first of ``elements`` that fit in ``budget`` bytes, and the bytes left."""
    kept: list[_Element] = []
    for element in elements:
        size = _size(element)
        if size > budget:
            break
        budget -= size
        kept.append(element)
    return kept, budget


def _within(nodes: list[CyNode], edges: list[CyEdge], budget: int
            ) -> tuple[list[CyNode], list[CyEdge], bool]:
    """The nodes (nearest first) and then the edges among them that fit in ``budget``
    bytes, and whether any was left out."""
    kept, budget = _fit(nodes, budget)
    ids = {n.data.id for n in kept}
    among = [e for e in edges if e.data.source in ids and e.data.target in ids]
    kept_edges, _ = _fit(among, budget)
    return kept, kept_edges, len(kept) < len(nodes) or len(kept_edges) < len(among)


@router.get("/graph", response_model=GraphOut, responses=responses(404, 409, 422, 503))
def graph(
    store: Store, settings: AppSettings,
    focus: Annotated[str, Query(min_length=1, max_length=300, description="A node id, or a "
                                'document as /resolve takes it ("KL 69", "69-KL/TW")',
                                examples=["tw:2024:69-kl-tw", "KL 69"])],
    depth: Annotated[int, Query(ge=1, le=MAX_DEPTH, description="Hops from the focus")] = 1,
    rel: Annotated[str | None, Query(max_length=500, description="Relationships to follow, "
                                     "comma-separated ontology terms or types in any case "
                                     "(default: all)", examples=["implements,cites"])] = None,
    detail: Annotated[Literal["lean", "full"], Query(
        description="lean: a node's id, caption, kind and short facts (number, year, "
        "scope, deadline …); full: all its properties, texts and provenance "
        "included")] = "lean",
) -> GraphOut:
    """The focus node and its neighbourhood, in Cytoscape.js ``elements`` form.

    At most ``POLICYKG_GRAPH_MAX_NODES`` nodes and ``POLICYKG_GRAPH_MAX_BYTES`` bytes of
    elements, the nearest nodes first; ``truncated`` says a limit cut it.
    """
    names = [n for n in (rel or "").split(",") if n.strip()]
    rel_types, unknown = rel_types_named(names) if names else (list(m.REL_TYPES), [])
    if unknown:
        raise InvalidParameter("rel", f"unknown relationship name(s): {', '.join(unknown)}",
                               valid_rel_names())
    focus = focus_id(store, focus)
    found = neighbourhood(store, focus, depth=depth, rel_types=rel_types,
                          max_nodes=settings.graph_max_nodes)
    nodes = [CyNode(data=_node_data(i, label, props, d, detail == "full"))
             for i, (label, props, d) in sorted(found.nodes.items(), key=lambda x: (x[1][2], x[0]))]
    edges = [CyEdge(data=EdgeData(id=f"{t}:{s}->{e}", source=s, target=e, type=t,
                                  label=m.REL_BY_TYPE[t].term if t in m.REL_BY_TYPE else t))
             for s, t, e in sorted(found.edges)]
    nodes, edges, cut = _within(nodes, edges, settings.graph_max_bytes)
    return GraphOut(focus=focus, depth=depth, elements=Elements(nodes=nodes, edges=edges),
                    truncated=found.truncated or cut)


@router.get("/graph/schema", response_model=GraphSchemaOut, responses=responses(503))
def graph_schema(store: Store) -> GraphSchemaOut:
    """Node labels and relationship types, with their ontology terms and counts."""
    catalog = load_catalog(store.engine)
    labels = {r["label"]: int(r["count"])
              for r in store.read(catalog["graph_label_counts"].text) if r["label"]}
    types = {r["type"]: int(r["count"]) for r in store.read(catalog["graph_type_counts"].text)}
    return GraphSchemaOut(
        labels=[LabelCount(label=lab, term=m.NODE_BY_LABEL[lab].term if lab in m.NODE_BY_LABEL
                           else None, count=labels.get(lab, 0))
                for lab in sorted({*m.NODE_BY_LABEL, *labels})],
        relationships=[TypeCount(type=t, term=r.term if r else None,
                                 source=r.source if r else None,
                                 target=r.target if r else None, count=types.get(t, 0))
                       for t in sorted({*m.REL_BY_TYPE, *types})
                       for r in [m.REL_BY_TYPE.get(t)]])
