"""Search documents, bodies and tasks, insensitive to case and diacritics.

Every Document, Body and Task carries a folded ``search`` key
(:func:`policykg.core.vntext.fold`) written by the loader.  A query is folded the
same way (letters glued to digits split: "KL69" → "kl 69"; abbreviations such
as UBND also tried spelled out) and the ``search_candidates`` named query finds
the nodes whose key contains every term — portable ``CONTAINS``, no engine
full-text index.  A query that reads as a document reference ("69/KL-TW",
"Kết luận số 69", see :func:`policykg.ontology.identity.parse_reference`) adds the
documents it names, ranked first.  Ranking is here, in Python: the best field
(number, title, name, aliases, text) by how it matches — equal, prefix, phrase,
all words, all substrings — then the label (documents, bodies, tasks), then the
shorter name.  At most ``CANDIDATES`` nodes of each label are ranked.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from policykg.core.errors import ReferenceNotFound
from policykg.core.vntext import expand_abbreviations, fold, normalize
from policykg.ontology import mapping as m
from policykg.ontology.identity import parse_reference
from policykg.ontology.records import kind_name
from policykg.queries.captions import caption, document_label
from policykg.queries.catalog import load_catalog
from policykg.queries.lookup import find_documents
from policykg.queries.store import GraphStore

CANDIDATES = 500
_REFERENCE, _EQUAL, _PREFIX, _PHRASE, _WORDS, _SUBSTRINGS = 200, 100, 80, 60, 40, 20
_LABEL_BONUS = {m.DOCUMENT.label: 5, m.BODY.label: 3, m.TASK.label: 0}


@dataclass(frozen=True)
class Hit:
    """One search result."""

    id: str
    label: str
    name: str
    matched: str
    score: float
    document_id: str | None = None


def terms(text: str) -> list[str]:
    """Folded search terms; letters glued to digits are split ("kl69" → "kl", "69")."""
    return re.sub(r"([a-z])(\d)", r"\1 \2", fold(text)).split()


def _match_score(field: str, words: list[str]) -> float:
    phrase = " ".join(words)
    if not field or not words:
        return 0
    if field == phrase:
        return _EQUAL
    if field.startswith(phrase + " "):
        return _PREFIX
    if f" {phrase} " in f" {field} ":
        return _PHRASE
    if set(words) <= set(field.split()):
        return _WORDS
    if all(w in field for w in words):
        return _SUBSTRINGS
    return 0


def _fields(label: str, props: dict[str, Any]) -> Iterable[tuple[str, str]]:
    if label == m.DOCUMENT.label:
        if props.get("number"):
            yield "number", f"{kind_name(props.get('kind')) or ''} {props['number']}"
        yield "title", str(props.get("title") or "")
    elif label == m.BODY.label:
        yield "name", str(props.get("name") or "")
        for alias in props.get("aliases") or []:
            yield "aliases", str(alias)
    else:
        yield "text", str(props.get("text") or "")


def _rank(label: str, props: dict[str, Any], word_sets: list[list[str]]) -> Hit:
    best, matched = 0.0, ""
    for field, value in _fields(label, props):
        folded = re.sub(r"([a-z])(\d)", r"\1 \2", fold(value))
        for words in word_sets:
            score = _match_score(folded, words)
            if score > best:
                best, matched = score, field
    if not best:
        best, matched = _SUBSTRINGS / 2, "search"  # only the whole key matched
    name = caption(label, props)
    score = best + _LABEL_BONUS.get(label, 0) + 1 / (1 + len(name))
    return Hit(str(props["id"]), label, name, matched, round(score, 4), props.get("document_id"))


def _reference_hits(store: GraphStore, text: str) -> list[Hit]:
    try:
        ref = parse_reference(text)
    except ReferenceNotFound:
        return []
    rows = find_documents(store, ref)
    return [Hit(str(r["id"]), m.DOCUMENT.label, document_label(r),
                "number" if ref.id is None else "id",
                _REFERENCE + _LABEL_BONUS[m.DOCUMENT.label] + (1 if r.get("year") else 0))
            for r in rows]


def search(store: GraphStore, text: str, *, limit: int = 20,
           offset: int = 0) -> tuple[list[Hit], int]:
    """One page of hits for ``text``, best first, and the number of hits."""
    word_sets = [w for w in dict.fromkeys(
        tuple(terms(t)) for t in (text, expand_abbreviations(text))) if w]
    hits: dict[str, Hit] = {h.id: h for h in _reference_hits(store, text)}
    query = load_catalog(store.engine)["search_candidates"]
    raw = normalize(text).strip().lower()
    for words in word_sets:
        rows = store.read(query.text, {"terms": " ".join(words), "raw": raw,
                                       "limit": CANDIDATES})
        for row in rows:
            hit = _rank(row["label"], row["props"], [list(w) for w in word_sets])
            if hit.id not in hits or hits[hit.id].score < hit.score:
                hits[hit.id] = hit
    ranked = sorted(hits.values(), key=lambda h: (-h.score, h.name, h.id))
    return ranked[offset:offset + limit], len(ranked)
