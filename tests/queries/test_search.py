"""Search by the full-text indexes, on every engine: folding, ranking, counting, aliases;
references by kind and sequence number through the number index."""

from __future__ import annotations

from typing import Any

import pytest

from policykg.core.vntext import fold
from policykg.ontology.identity import parse_reference
from policykg.queries.catalog import load_writes
from policykg.queries.lookup import find_documents
from policykg.queries.search import CANDIDATES, alias_keys, body_search_key, search
from policykg.queries.store import GraphStore

DOCUMENTS = [
    {"id": "tw:2024:69-kl-tw", "kind": "KetLuan", "number": "69-KL/TW", "year": 2024,
     "title": "Về tiếp tục thực hiện Nghị quyết số 20-NQ/TW",
     "search": "ket luan 69 kl tw ve tiep tuc thuc hien nghi quyet so 20 nq tw"},
    {"id": "tw:2024:57-nq-tw", "kind": "NghiQuyet", "number": "57-NQ/TW", "year": 2024,
     "title": "VỀ ĐỘT PHÁ PHÁT TRIỂN KHOA HỌC, CÔNG NGHỆ",
     "search": "nghi quyet 57 nq tw ve dot pha phat trien khoa hoc cong nghe"},
]
TASKS = [
    {"id": f"t{k}", "document_id": "tw:2024:57-nq-tw", "text": text, "search": fold(text)}
    for k, text in enumerate(["Đổi mới sáng tạo trong doanh nghiệp",
                              "Phát triển khoa học và công nghệ, đổi mới sáng tạo",
                              "Tăng cường tiềm lực khoa học"])
]


def body_row(name: str, aliases: list[str]) -> dict[str, Any]:
    """A ``merge_bodies`` row, as :mod:`policykg.loaders.rows` builds it."""
    return {"id": "so-khcn-kon-tum", "alias_keys": alias_keys(aliases),
            "props": {"name": name, "scope": "kon-tum", "collective": False,
                      "aliases": aliases, "search": body_search_key(name, aliases)}}


@pytest.fixture
def graph(store: GraphStore) -> GraphStore:
    merge_bodies = load_writes(store.engine)["merge_bodies"]
    store.write([
        ("UNWIND $rows AS row CREATE (d:Document) SET d = row", {"rows": DOCUMENTS}),
        ("UNWIND $rows AS row CREATE (t:Task) SET t = row", {"rows": TASKS}),
        merge_bodies.statement(rows=[body_row("Sở Khoa học và Công nghệ tỉnh Kon Tum",
                                              ["Sở KH&CN tỉnh Kon Tum"])]),
    ])
    return store


@pytest.mark.parametrize("q", ["dot pha phat trien", "ĐỘT PHÁ", "Đột phá phát triển",
                               "đột PHÁ phát triển khoa"])
def test_the_index_finds_a_title_in_any_case_with_or_without_diacritics(
        graph: GraphStore, q: str) -> None:
    hits, count = search(graph, q)
    assert [(h.id, h.matched) for h in hits] == [("tw:2024:57-nq-tw", "title")]
    assert count == 1


def test_kl69_ranks_first_by_its_number_and_the_others_by_how_they_match(
        graph: GraphStore) -> None:
    assert [(h.id, h.matched) for h in search(graph, "KL69")[0]] == [
        ("tw:2024:69-kl-tw", "number")]
    hits, count = search(graph, "đổi mới sáng tạo")
    # the text that starts with the phrase before the one that holds it
    assert [h.id for h in hits] == ["t0", "t1"] and count == 2
    assert all(h.label == "Task" and h.matched == "text" and h.document_id for h in hits)
    hits, _ = search(graph, "khoa hoc")  # document, body, then tasks
    assert [h.label for h in hits] == ["Document", "Body", "Task", "Task"]


def test_the_last_word_is_also_a_prefix(graph: GraphStore) -> None:
    assert [h.id for h in search(graph, "tiem luc khoa")[0]] == ["t2"]
    assert [h.id for h in search(graph, "tiem luc kho")[0]] == ["t2"]
    assert search(graph, "tiem kho luc")[0] == []  # every word but the last whole


def test_pages_and_count(graph: GraphStore) -> None:
    everything, count = search(graph, "khoa")
    assert count == len(everything) == 4
    page, page_count = search(graph, "khoa", limit=2, offset=1)
    assert page_count == count and page == everything[1:3]
    assert search(graph, "!!!") == ([], 0)


def test_a_body_is_found_by_its_aliases_and_a_later_one(graph: GraphStore) -> None:
    hits, _ = search(graph, "UBND tinh Kon Tum")
    assert hits == []
    hits, _ = search(graph, "so kh cn")
    assert [(h.label, h.matched) for h in hits] == [("Body", "aliases")]
    merge_bodies = load_writes(graph.engine)["merge_bodies"]
    later = body_row("Sở Khoa học và Công nghệ tỉnh Kon Tum", ["Sở KHCN Kon Tum"])
    graph.write([merge_bodies.statement(rows=[later])] * 2)  # loaded twice: added once
    [row] = graph.read("MATCH (b:Body) RETURN b.search AS key, b.aliases AS aliases")
    assert row["key"] == ("so khoa hoc va cong nghe tinh kon tum so kh cn tinh kon tum "
                          "so khcn kon tum")
    assert row["aliases"] == ["Sở KH&CN tỉnh Kon Tum", "Sở KHCN Kon Tum"]
    assert [h.matched for h in search(graph, "so khcn")[0]] == ["aliases"]


def test_the_count_is_of_the_first_matches_of_each_label(store: GraphStore) -> None:
    many = [{"id": f"t{k}", "text": f"Nhiệm vụ {k}", "search": f"nhiem vu {k}"}
            for k in range(CANDIDATES + 5)]
    store.write([("UNWIND $rows AS row CREATE (t:Task) SET t = row", {"rows": many})])
    hits, count = search(store, "nhiem vu", limit=100)
    assert count == CANDIDATES and len(hits) == 100


def test_a_kind_and_sequence_number_is_a_range_of_the_number_index(store: GraphStore) -> None:
    numbers = ["6-KL/TW", "69-KL/TW", "6/KL-CP", "60/KL-CP", "6-NQ/TW", "6.KL", "5-KL/TW"]
    store.write([("UNWIND $rows AS row CREATE (d:Document) SET d = row", {"rows": [
        {"id": f"d{k}", "kind": "NghiQuyet" if "NQ" in n else "KetLuan", "number": n,
         "year": 2020 + k} for k, n in enumerate(numbers)]})])
    assert [r["number"] for r in find_documents(store, parse_reference("Kết luận 6"))] == [
        "6-KL/TW", "6/KL-CP"]
    assert [r["id"] for r in find_documents(store, parse_reference("KL 6 năm 2022"))] == ["d2"]
