"""A relation stated by several documents is one relationship carrying their assertions."""

from __future__ import annotations

from typing import Any

from policykg.loaders.clean import clean_text
from policykg.loaders.extract import extract
from policykg.loaders.load import load_extraction
from policykg.loaders.unload import unload_document
from policykg.ontology import mapping as m
from policykg.queries.documents import lineage
from policykg.queries.store import GraphStore
from tests.shared_scorer import CORPUS

KON_TUM = CORPUS / "kon-tum_ke-hoach_kl69.txt"
KL69, NQ20 = "tw:2024:69-kl-tw", "tw:2012:20-nq-tw"
TITLE = "thực hiện Kết luận số 69-KL/TW, ngày 11-01-2024 của Bộ Chính trị về"


def edges(store: GraphStore, rel_type: str = "IMPLEMENTS") -> list[dict[str, Any]]:
    return store.read(f"MATCH (a:Document)-[r:{rel_type}]->(b:Document) "
                      "RETURN a.id AS a, b.id AS b, r.asserted_by AS by, "
                      "r.assertions AS said ORDER BY a, b")


def test_two_documents_stating_one_relation_make_one_edge(store: GraphStore) -> None:
    text = clean_text(KON_TUM.read_text(encoding="utf-8"))
    assert TITLE in text
    first = load_extraction(store, extract(text, str(KON_TUM)))
    second = load_extraction(store, extract(text.replace(TITLE, "triển khai " + TITLE, 1),
                                            "kon-tum-copy.txt"))
    plans = sorted([first.document_id, second.document_id])
    assert plans[0] != plans[1]

    stated = [e for e in edges(store) if (e["a"], e["b"]) == (KL69, NQ20)]
    assert len(stated) == 1  # one relationship, however many documents state it
    [edge] = stated
    assert edge["by"] == plans
    assert sorted({m.parse_assertion(item)[0] for item in edge["said"]}) == plans
    assert edge["said"] == sorted(edge["said"])
    for item in edge["said"]:
        _, origin, span = m.parse_assertion(item)
        assert origin == "text" and span is not None
    # each plan's own edge to 69-KL/TW is its own pair
    own = {(e["a"], e["b"]): e["by"] for e in edges(store) if e["b"] == KL69}
    assert own == {(p, KL69): [p] for p in plans}
    # and each pair is cited once by each plan
    cites = [(e["a"], e["b"]) for e in edges(store, "CITES")]
    assert len(cites) == len(set(cites))

    paths = store.read("MATCH p = (:Document {id: $id})-[:IMPLEMENTS*1..]->(:Document {id: $up}) "
                       "RETURN count(p) AS n", {"id": plans[0], "up": NQ20})
    assert paths == [{"n": 1}]
    chain = lineage(store, plans[0])
    assert [n["id"] for n in chain["nodes"]] == [plans[0], KL69, NQ20]
    assert sorted((e["from"], e["to"]) for e in chain["edges"]) == sorted(
        [(plans[0], KL69), (KL69, NQ20)])

    before = edges(store)
    load_extraction(store, extract(text, str(KON_TUM)))  # a reload changes nothing
    assert edges(store) == before

    assert unload_document(store, first.document_id) == "removed"
    [edge] = [e for e in edges(store) if (e["a"], e["b"]) == (KL69, NQ20)]
    assert edge["by"] == [second.document_id]
    assert [m.parse_assertion(item)[0] for item in edge["said"]] == [second.document_id] * len(
        edge["said"])
    assert {(e["a"], e["b"]) for e in edges(store)} == {(second.document_id, KL69), (KL69, NQ20)}

    assert unload_document(store, second.document_id) == "removed"
    assert edges(store) == []
