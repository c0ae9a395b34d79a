"""Records → graph rows (pure).

:func:`document_rows` turns one :class:`~policykg.ontology.records.Extraction`, with its
citations already resolved to canonical ids, into plain row dicts keyed by the
property names of :mod:`policykg.ontology.mapping` — ready for ``UNWIND $rows`` in the
writer.  Every row is checked against the mapping, so a misspelt property
fails here rather than minting a new one in the graph.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from functools import cache, lru_cache
from typing import Any

from policykg.core.errors import TooLarge
from policykg.core.limits import MAX_ID_BYTES, MAX_NAME, MAX_TITLE
from policykg.core.vntext import fold
from policykg.loaders.bodies import BodyEntity, canonical_bodies
from policykg.loaders.resolve import ResolvedReference
from policykg.ontology import mapping as m
from policykg.ontology.identity import (
    NATIONAL_SCOPES,
    document_id,
    document_scope,
    number_key,
)
from policykg.ontology.records import (
    KIND_NAMES_VI,
    DocumentKind,
    Extraction,
    NamedCitation,
    Provenance,
)
from policykg.queries.public import public_source
from policykg.queries.search import alias_keys, body_search_key

Row = dict[str, Any]
# What a citation knows of the document it cites: a cited row's properties.  The writer
# completes a cited document already in the graph with these where it lacks them
# (``merge_cited`` in queries/writes/document.cypher coalesces exactly these); load-time
# validation predicts that completion, and an unloaded document keeps them as a stub.
CITATION_PROPS: tuple[str, ...] = ("kind", "number", "number_key", "issued", "year", "term",
                                   "scope", "issuer_name", "search")
_NATIONAL = frozenset(NATIONAL_SCOPES.values())


def _checked(node_or_rel: m.NodeType | m.RelType, props: Mapping[str, Any]) -> Row:
    """Props without ``None`` values, each a property of ``node_or_rel`` in the mapping."""
    known = {p.name for p in node_or_rel.props} | {"id"}
    unknown = set(props) - known
    if unknown:
        name = node_or_rel.label if isinstance(node_or_rel, m.NodeType) else node_or_rel.type
        raise ValueError(f"{name} has no mapped property {sorted(unknown)}")
    return {k: v for k, v in props.items() if v is not None}


# A body's canonical entities by surface, remembered: documents name the same bodies
# again and again (canonical_bodies is pure).
_canonical_bodies = lru_cache(maxsize=16384)(canonical_bodies)


def _provenance(public: Callable[[str], str], p: Provenance | None,
                asserted_by: str | None = None) -> Row:
    row: Row = {}
    if asserted_by is not None:
        row[m.ASSERTED_BY.name] = asserted_by
    if p is not None:
        row[m.SOURCE_FILE.name] = public(p.source)  # never a server path
        row[m.ORIGIN.name] = p.origin
        if p.span is not None:
            row[m.SPAN_START.name] = p.span.start
            row[m.SPAN_END.name] = p.span.end
    return row


def _asserted(p: Provenance | None, asserted_by: str) -> Row:
    """What one statement contributes to a relation between documents (one relationship
    per ordered pair; see :data:`policykg.ontology.mapping.ASSERTIONS`)."""
    span = (p.span.start, p.span.end) if p is not None and p.span is not None else None
    return {m.ASSERTED_BY_ALL.name: [asserted_by],
            m.ASSERTIONS.name: [m.assertion(asserted_by, p.origin if p else None, span)]}


def merge_assertions(rows: list[Row], key: tuple[str, ...], props: str) -> list[Row]:
    """``rows`` with one row per ``key``: their assertions together (sorted, each once),
    the first row's other properties."""
    by_key: dict[tuple[Any, ...], Row] = {}
    for row in rows:
        k = tuple(row[part] for part in key)
        if k not in by_key:
            by_key[k] = {**row, props: dict(row[props])}
            continue
        merged = by_key[k][props]
        for name in (m.ASSERTED_BY_ALL.name, m.ASSERTIONS.name):
            merged[name] = sorted({*merged[name], *row[props][name]})
    return list(by_key.values())


def document_search_key(kind: DocumentKind, number: str | None, title: str | None) -> str:
    """Folded text that search and reference resolution match against."""
    return fold(" ".join(x for x in (KIND_NAMES_VI[kind], number, title) if x))


def own_document_id(extraction: Extraction) -> str:
    """Canonical id of the extracted document itself."""
    h = extraction.document
    scope = document_scope(h.number, h.province)
    fingerprint = h.title or extraction.source.rsplit("/", 1)[-1]
    year = h.issued.year if h.issued else None
    return document_id(scope=scope, year=year, number=h.number, kind=h.kind,
                       fingerprint=fingerprint)


@dataclass
class DocumentRows:
    """Everything one document asserts, as rows for the writer."""

    id: str
    document: Row
    cited: list[Row] = field(default_factory=list)  # {id, props, rel} per citation
    cites: list[Row] = field(default_factory=list)  # {id, rel}: one CITES per cited document
    # {source, target, props} per IMPLEMENTS, REPLACES, AMENDS edge, by relationship type
    stated: dict[str, list[Row]] = field(
        default_factory=lambda: {rel.type: [] for rel in m.DOCUMENT_RELATIONS})
    bodies: list[Row] = field(default_factory=list)  # {id, props}
    # {child, parent, parent_name, parent_search, scope}
    parts: list[Row] = field(default_factory=list)
    issued_by: list[Row] = field(default_factory=list)  # {document, body, props}
    addresses: list[Row] = field(default_factory=list)  # {body, props}
    tasks: list[Row] = field(default_factory=list)  # {id, props}
    owners: list[Row] = field(default_factory=list)  # {task, body, props}
    coordinators: list[Row] = field(default_factory=list)  # {task, body, props}
    targets: list[Row] = field(default_factory=list)  # {id, task, props}


def check_sizes(rows: DocumentRows, source: str) -> None:
    """Refuse rows whose ids or names pass the limits of ``core/limits.py`` (an id of
    about 4 KB crashes FalkorDB's unique index), naming the first offender."""
    ids = [("document id", rows.id), *(("cited document id", r["id"]) for r in rows.cited),
           *(("body id", r["id"]) for r in rows.bodies),
           *(("task id", r["id"]) for r in rows.tasks),
           *(("target id", r["id"]) for r in rows.targets)]
    for what, value in ids:
        size = len(str(value).encode("utf-8"))
        if size > MAX_ID_BYTES:
            raise TooLarge(source, f"{what} {str(value)[:60]!r}…", size, MAX_ID_BYTES, "bytes")
    names = [("body name", r["props"].get("name")) for r in rows.bodies]
    names += [(f"document {key}", rows.document.get(key)) for key in ("issuer_name", "signer")]
    for what, name in names:
        if isinstance(name, str) and len(name) > MAX_NAME:
            raise TooLarge(source, f"{what} {name[:60]!r}…", len(name), MAX_NAME, "characters")
    title = rows.document.get("title")
    if isinstance(title, str) and len(title) > MAX_TITLE:
        raise TooLarge(source, "document title", len(title), MAX_TITLE, "characters")


class _Bodies:
    """Collects canonical bodies (deduplicated, aliases merged) for one document."""

    def __init__(self, province: str | None, central: bool) -> None:
        self.province = province
        self.central = central
        self.by_id: dict[str, BodyEntity] = {}
        self.aliases: dict[str, list[str]] = {}

    def add(self, surface: str, *, province: str | None = None,
            central: bool | None = None) -> list[str]:
        """Ids of the bodies ``surface`` names ("Ban Tuyên giáo, Dân vận Tỉnh ủy" names two)."""
        bodies = _canonical_bodies(
            surface,
            province=province if province is not None else self.province,
            central=self.central if central is None else central,
        )
        for body in bodies:
            self.by_id.setdefault(body.id, body)
            aliases = self.aliases.setdefault(body.id, [])
            for alias in (*body.aliases, *([surface] if len(bodies) == 1 else [])):
                if alias not in aliases:
                    aliases.append(alias)
        return [body.id for body in bodies]

    def rows(self) -> tuple[list[Row], list[Row]]:
        bodies: list[Row] = []
        parts: list[Row] = []
        for body in self.by_id.values():
            bodies.append({"id": body.id, "props": _checked(m.BODY, {
                "name": body.name, "scope": body.scope, "collective": body.collective,
                "aliases": self.aliases[body.id],
                "search": body_search_key(body.name, self.aliases[body.id]),
            }), "alias_keys": alias_keys(self.aliases[body.id])})
            if body.part_of is not None:
                parent_name = body.part_of_name or body.part_of
                parts.append({"child": body.id, "parent": body.part_of,
                              "parent_name": parent_name,
                              "parent_search": body_search_key(parent_name, [parent_name]),
                              "scope": body.scope})
        return bodies, parts


def document_rows(
    extraction: Extraction, resolved: Mapping[str, ResolvedReference],
    doc_id: str | None = None, named: Sequence[tuple[NamedCitation, str]] = (),
) -> DocumentRows:
    """Rows for ``extraction``; ``resolved`` maps each reference key to its canonical id.

    ``doc_id`` is the document's id when the graph settles it (an undated copy of a
    dated document); by default, :func:`own_document_id`.  ``named`` pairs the
    resolutions cited by name with the documents the graph says they are.
    """
    h = extraction.document
    doc_id = doc_id or own_document_id(extraction)
    # its statements' sources made public once each, not once a row
    public = cache(public_source)

    def provenance(p: Provenance | None, asserted_by: str | None = None) -> Row:
        return _provenance(public, p, asserted_by)

    scope = document_scope(h.number, h.province)
    central = scope in _NATIONAL
    field_origins = sorted(f"{k}={p.origin}" for k, p in h.provenance.items())
    rows = DocumentRows(doc_id, _checked(m.DOCUMENT, {
        "kind": h.kind.value, "number": h.number,
        "number_key": number_key(h.number) if h.number else None,
        "issued": h.issued.isoformat() if h.issued else None,
        "year": h.issued.year if h.issued else None,
        "title": h.title, "scope": scope, "province": h.province, "term": h.term,
        "signer": h.signer, "issuer_name": h.issuer, "stub": False,
        "sha256": extraction.sha256, "field_origins": field_origins,
        "search": document_search_key(h.kind, h.number, h.title),
        "source_file": public(extraction.source), "origin": "text",
    }))
    bodies = _Bodies(h.province, central)
    if h.issuer:
        rows.issued_by += [{"document": doc_id, "body": body,
                            "props": provenance(h.provenance.get("issuer"), doc_id)}
                           for body in bodies.add(h.issuer)]
    addressed = provenance(h.provenance.get("general_addressees"), doc_id)
    for name in h.general_addressees:
        rows.addresses += [{"body": body, "props": addressed} for body in bodies.add(name)]

    for ref in extraction.references:
        target = resolved[ref.key]
        if target.id == doc_id:
            continue
        ref_scope = target.id.split(":", 1)[0]
        rows.cited.append({
            "id": target.id,
            "props": _checked(m.DOCUMENT, {
                "kind": ref.kind.value, "number": ref.number, "number_key": number_key(ref.number),
                "issued": ref.issued.isoformat() if ref.issued else None,
                "year": ref.issued.year if ref.issued else ref.year,
                "scope": ref_scope, "term": ref.term, "issuer_name": ref.issuer,
                "province": None if ref_scope in _NATIONAL else h.province,
                "search": document_search_key(ref.kind, ref.number, None),
            }),
            "rel": _checked(m.CITES, {**_asserted(ref.provenance, doc_id),
                                      "resolution": target.resolution}),
        })
        if ref.issuer:
            issuers = bodies.add(ref.issuer, central=ref_scope in _NATIONAL,
                                 province=None if ref_scope in _NATIONAL else h.province)
            rows.issued_by += [{"document": target.id, "body": body,
                                "props": provenance(ref.provenance, doc_id)}
                               for body in issuers]

    cited_ids = {row["id"] for row in rows.cited}
    for citation, target_id in named:
        if target_id != doc_id and target_id not in cited_ids:
            cited_ids.add(target_id)
            rows.cited.append({
                "id": target_id,
                "props": _checked(m.DOCUMENT, {"kind": DocumentKind.NghiQuyet.value,
                                               "scope": "tw", "term": citation.term}),
                "rel": _checked(m.CITES, {**_asserted(citation.provenance, doc_id),
                                          "resolution": "by-name"}),
            })

    by_key = {ref.key: ref for ref in extraction.references}
    own = {m.IMPLEMENTS: extraction.implements, m.REPLACES: extraction.replaces,
           m.AMENDS: extraction.amends}
    for rel_type, keys in own.items():
        for key in keys:
            if key in resolved and resolved[key].id != doc_id:
                rows.stated[rel_type.type].append({
                    "source": doc_id, "target": resolved[key].id,
                    "props": _asserted(by_key[key].provenance, doc_id)})
    for rel in extraction.cited_relations:
        if rel.source in resolved and rel.target in resolved:
            rows.stated[m.DOCUMENT_RELATION_BY_TERM[rel.rel].type].append({
                "source": resolved[rel.source].id, "target": resolved[rel.target].id,
                "props": _asserted(rel.provenance, doc_id)})
    rows.stated = {rel_type: merge_assertions(stated, ("source", "target"), "props")
                   for rel_type, stated in rows.stated.items()}
    rows.cites = merge_assertions([{"id": r["id"], "rel": r["rel"]} for r in rows.cited],
                         ("id",), "rel")

    for n, task in enumerate(extraction.tasks, start=1):
        task_id = f"{doc_id}:t{n}"
        deadline = task.deadline
        rows.tasks.append({"id": task_id, "props": _checked(m.TASK, {
            "text": task.text, "section": task.section, "ordinal": n,
            "deadline": deadline.value if deadline else None,
            "deadline_phrase": deadline.phrase if deadline else None,
            "recurring": bool(deadline and deadline.value == "recurring"),
            "document_id": doc_id, "search": fold(task.text),
            **provenance(task.provenance),
        })})
        stated = provenance(task.provenance, doc_id)
        for name in task.owners:
            rows.owners += [{"task": task_id, "body": b, "props": stated} for b in bodies.add(name)]
        for name in task.coordinators:
            rows.coordinators += [{"task": task_id, "body": b, "props": stated}
                                  for b in bodies.add(name)]

    for n, goal in enumerate(extraction.targets, start=1):
        rows.targets.append({
            "id": f"{doc_id}:g{n}",
            "task": f"{doc_id}:t{goal.task_index + 1}" if goal.task_index is not None
            else None,
            "props": _checked(m.TARGET, {
                "text": goal.text, "metric": goal.metric, "value": goal.value,
                "unit": goal.unit, "qualifier": goal.qualifier, "year": goal.year,
                "document_id": doc_id, **provenance(goal.provenance),
            }),
        })
    rows.bodies, rows.parts = bodies.rows()
    check_sizes(rows, extraction.source)
    return rows
