"""The extraction entry point: one source text → one :class:`Extraction`.

:func:`extract` is pure: web/OCR residue blanked out (:mod:`policykg.loaders.ocr`) →
a legal database's metadata table read and blanked (:mod:`policykg.loaders.metadata`) →
header (completed by the table) → sidecar facts → citations (scoped to the province) →
tasks and targets.
:func:`extract_file` adds the I/O: it reads the source and the sidecar beside it.
"""

from __future__ import annotations

import hashlib
from pathlib import Path

from policykg.core.vntext import slug
from policykg.loaders.citations import Citations, extract_citations
from policykg.loaders.header import complete_issuer, extract_header, header_view
from policykg.loaders.layout import lay_out
from policykg.loaders.metadata import metadata_table
from policykg.loaders.ocr import repair
from policykg.loaders.outline import parse_outline
from policykg.loaders.page import classify_page
from policykg.loaders.sidecar import Sidecar, apply_sidecar, read_sidecar, sidecar_path
from policykg.loaders.sources import read_source
from policykg.loaders.spacing import spans_to_source, squeeze_spaces
from policykg.loaders.targets import extract_targets_from
from policykg.loaders.tasks import extract_tasks_from
from policykg.ontology.identity import parse_number
from policykg.ontology.records import Extraction, Provenance, Reference


def _with_sidecar_implements(citations: Citations, sidecar: Sidecar, source: str,
                             province: str | None) -> tuple[list[Reference], list[str]]:
    """References and implements keys, with the documents the sidecar says are implemented."""
    refs = list(citations.references)
    implements = list(citations.implements)
    for entry in sidecar.implements:
        number, _, year_text = entry.partition("@")
        year = int(year_text) if year_text else None
        index = next((i for i, r in enumerate(refs)
                      if r.number == number and (year is None or r.key in (number, entry))), None)
        if index is None:
            parsed = parse_number(number)
            scope = parsed.national_scope or (slug(province) if province else None)
            refs.append(Reference(kind=parsed.kind, number=number, year=year, scope=scope,
                                  provenance=Provenance(source=source, origin="sidecar")))
            index = len(refs) - 1
        elif year is not None and refs[index].key == number:
            refs[index] = refs[index].model_copy(update={"year": year})
        implements.append(refs[index].key)
    return refs, list(dict.fromkeys(implements))


def _without_own_number(citations: Citations, number: str | None) -> Citations:
    """``citations`` without the document's own number (an annex's "Kèm theo Kế hoạch số
    …", a republished page's lead): a document does not cite itself."""
    if number is None:
        return citations
    own = {r.key for r in citations.references if r.number.upper() == number.upper()}
    if not own:
        return citations
    stated = {"implements": list(citations.implements), "replaces": list(citations.replaces),
              "amends": list(citations.amends)}
    for rel in citations.cited_relations:  # "Kết luận số 69 … về thực hiện Y": its own
        if rel.source in own and rel.target not in own and rel.target not in stated[rel.rel]:
            stated[rel.rel].append(rel.target)
    return Citations(
        tuple(r for r in citations.references if r.key not in own),
        tuple(k for k in stated["implements"] if k not in own),
        tuple(r for r in citations.cited_relations if r.source not in own and r.target not in own),
        citations.warnings,
        citations.named,
        tuple(k for k in stated["replaces"] if k not in own),
        tuple(k for k in stated["amends"] if k not in own))


def extract(text: str, source: str, *, sidecar: Sidecar | None = None) -> Extraction:
    """Everything extracted from ``text`` (the output of :func:`policykg.loaders.clean.clean_text`).

    ``sha256`` is the digest of ``text``; spans point into it (the repair keeps offsets,
    and spans found in the squeezed spacing are mapped back: tasks' and targets' as they
    are made, the others' once the header and citations are read).
    """
    sha256 = hashlib.sha256(text.encode("utf-8")).hexdigest()
    repaired = repair(text, source)
    squeezed = squeeze_spaces(repaired.text)
    text = squeezed.text if squeezed is not None else repaired.text
    laid = lay_out(text)  # one logical line per unit; same length, same offsets
    metadata = metadata_table(laid)
    if metadata is not None:  # a legal database's table of facts and its headline
        laid = metadata.blanked
    view = header_view(laid)
    page = classify_page(view)
    header = extract_header(laid, source, view=view, page=page)
    if metadata is not None and page.kind != "news":  # (a summary's table is its subject's)
        header = complete_issuer(metadata.complete(header, source))
    if sidecar is not None:
        header = complete_issuer(apply_sidecar(header, sidecar, source))
    if page.lead is not None and 0 < page.start < len(view) and view[page.start - 1] == " ":
        # the document's own text starts a line ("… 2030. Thực hiện Công văn số …")
        view = view[:page.start - 1] + "\n" + view[page.start:]
    citations = _without_own_number(
        extract_citations(view, source, province=header.province, news=page.kind == "news"),
        header.number)
    refs, implements = list(citations.references), list(citations.implements)
    if sidecar is not None and sidecar.implements:
        refs, implements = _with_sidecar_implements(citations, sidecar, source, header.province)
    outline = parse_outline(laid)
    found = extract_tasks_from(outline, text, source, prose=page.kind != "news",
                               squeezed=squeezed)
    targets = extract_targets_from(outline, text, source, found.spans, squeezed=squeezed)
    document = header.model_copy(update={  # (a news page addresses no one)
        "general_addressees": () if page.kind == "news" else found.general_addressees})
    references, cited, named = tuple(refs), citations.cited_relations, citations.named
    if squeezed is not None:  # tasks and targets are made with source spans already
        document, references, cited, named = spans_to_source(
            (document, references, cited, named), squeezed)
    return Extraction(
        source=source,
        sha256=sha256,
        page=page.kind,
        document=document,
        references=references,
        implements=tuple(implements),
        replaces=citations.replaces,
        amends=citations.amends,
        cited_relations=cited,
        named_citations=named,
        tasks=found.tasks,
        targets=targets,
        warnings=(*repaired.warnings, *citations.warnings),
    )


def extract_file(path: Path) -> Extraction:
    """Read ``path`` (and ``path.meta.yaml`` when present) and extract it."""
    return extract(read_source(path), str(path), sidecar=read_sidecar(sidecar_path(path)))
