"""Search documents, bodies and tasks, insensitive to case and diacritics, by index.

Every Document, Body and Task carries a folded ``search`` key
(:func:`policykg.core.vntext.fold`: "Kết luận" → "ket luan") written by the loader — a
document its kind name, number and title, a body its name and aliases, a task its
text — and each label has a full-text index on it (the engine's schema).  The key is
needed: FalkorDB's full-text search (RediSearch) lower-cases ASCII letters only and
removes no diacritics, and one key serves both engines.  A query is folded the same
way (letters glued to digits split: "KL69" → "kl 69"; abbreviations such as UBND also
tried spelled out) into one index query (:func:`index_query`: every word, the last one
also as a prefix).  The ``search_page`` named query counts and ranks in the store the
first ``CANDIDATES`` matches of each label: by how the key matches a phrase of the
query (equal, starts with it, holds it, holds its words), the label (documents, bodies,
tasks) and the index's score.  A query that reads as a document reference ("69/KL-TW",
"Kết luận số 69", see :func:`policykg.ontology.identity.parse_reference`) adds the
documents it names, ranked first.  Each hit of the page names the field that matched.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace
from typing import Any

from policykg.core.errors import ReferenceNotFound
from policykg.core.vntext import expand_abbreviations, fold
from policykg.ontology import mapping as m
from policykg.ontology.identity import parse_reference
from policykg.ontology.records import kind_name
from policykg.queries.captions import caption, document_label
from policykg.queries.catalog import load_catalog
from policykg.queries.lookup import find_documents
from policykg.queries.store import GraphStore

CANDIDATES = 100  # at least this many nodes of each label ranked, whatever the page
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


def _with_key(key: str, folded: str) -> str:
    """``key`` with ``folded`` added unless it is already there as whole words (the rule
    the ``merge_bodies`` statement applies to a known body's new aliases)."""
    return key if f" {folded} " in f" {key} " else f"{key} {folded}".strip()


def alias_keys(aliases: Iterable[str]) -> list[str]:
    """The distinct folded forms of a body's aliases."""
    return [k for k in dict.fromkeys(fold(a) for a in aliases) if k]


def body_search_key(name: str, aliases: Iterable[str]) -> str:
    """A body's search key: its folded name and the folded aliases it does not hold."""
    key = fold(name)
    for folded in alias_keys(aliases):
        key = _with_key(key, folded)
    return key


def index_query(engine: str, word_sets: Iterable[Sequence[str]]) -> str:
    """One full-text query for keys that hold every word of one of ``word_sets`` (folded
    words: letters and digits, nothing to escape), the last word also as a prefix ("ket
    luan 6" finds "ket luan 69"; the word itself is asked too, as a prefix alone is
    scored flat)."""
    if engine == "neo4j":  # Lucene: "+" marks a required clause
        return " OR ".join("(" + " ".join(f"+{w}" for w in ws[:-1])
                           + f" +({ws[-1]} OR {ws[-1]}*))" for ws in word_sets)
    # RediSearch: words side by side are all required
    return " | ".join("(" + " ".join(ws[:-1]) + f" ({ws[-1]}|{ws[-1]}*))" for ws in word_sets)


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


def _matched(label: str, props: dict[str, Any], word_sets: list[tuple[str, ...]]) -> str:
    """The field of a hit that matches the query best."""
    if label == m.TASK.label:
        return "text"  # its only field
    best, matched = 0.0, "search"  # only the whole key matched
    for field, value in _fields(label, props):
        folded = re.sub(r"([a-z])(\d)", r"\1 \2", fold(value))
        for words in word_sets:
            score = _match_score(folded, list(words))
            if score > best:
                best, matched = score, field
    return matched


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
    """One page of hits for ``text``, best first, and the number of hits (of each label,
    the first ``CANDIDATES`` the index finds)."""
    word_sets = [w for w in dict.fromkeys(
        tuple(terms(t)) for t in (text, expand_abbreviations(text))) if w]
    hits: dict[str, Hit] = {h.id: h for h in _reference_hits(store, text)}
    count = len(hits)
    found: dict[str, dict[str, Any]] = {}
    if word_sets:
        rows = store.read(load_catalog(store.engine)["search_page"].text, {
            "query": index_query(store.engine, word_sets), "bonus": _LABEL_BONUS,
            "phrases": [" ".join(w) for w in word_sets], "scan": CANDIDATES,
            "window": offset + limit})
        count += int(rows[0]["found"]) if rows else 0
        for row in rows:
            props, label = row["props"], row["label"]
            if props["id"] in hits:  # a reference the index found too: counted once
                count -= 1
                continue
            found[props["id"]] = props
            hits[props["id"]] = Hit(str(props["id"]), label, caption(label, props), "",
                                    round(row["rank"], 4), props.get("document_id"))
    ranked = sorted(hits.values(), key=lambda h: (-h.score, h.id))[offset:offset + limit]
    return [replace(h, matched=_matched(h.label, found[h.id], word_sets)) if h.id in found
            else h for h in ranked], count
