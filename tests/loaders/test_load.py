"""Loading documents into a real graph store (FalkorDB; Neo4j when NEO4J_URI is set)."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import Any

import pytest

from bench.corpus import write_batch
from policykg.core.errors import InputError, TooLarge
from policykg.loaders import batch
from policykg.loaders.batch import FileFailure, discover, extract_batch
from policykg.loaders.citations import fill_years
from policykg.loaders.clean import clean_text
from policykg.loaders.extract import extract, extract_file
from policykg.loaders.load import LoadFailure, LoadResult, batches, load_batch, load_extraction
from policykg.loaders.load import load_files as load_batched
from policykg.ontology import mapping as m
from policykg.ontology.records import Extraction
from policykg.queries.store import GraphStore, Statement
from tests.shared_scorer import CORPUS

KON_TUM = CORPUS / "kon-tum_ke-hoach_kl69.txt"
HAI_PHONG = CORPUS / "hai-phong_1046-CV-TU_2019.txt"

KL69_TEXT = """BỘ CHÍNH TRỊ
*
Số 69-KL/TW

ĐẢNG CỘNG SẢN VIỆT NAM

Hà Nội, ngày 11 tháng 01 năm 2024

KẾT LUẬN
CỦA BỘ CHÍNH TRỊ
về tiếp tục thực hiện Nghị quyết số 20-NQ/TW, ngày 01/11/2012 của Ban Chấp hành Trung ương
Đảng khóa XI về phát triển khoa học và công nghệ

Bộ Chính trị yêu cầu các cấp ủy, tổ chức đảng tiếp tục thực hiện tốt Nghị quyết số 20-NQ/TW,
ngày 01/11/2012 của Ban Chấp hành Trung ương Đảng khóa XI, tập trung vào các nhiệm vụ sau:

1. Ban Tuyên giáo Trung ương chủ trì, phối hợp với các cơ quan liên quan hướng dẫn quán triệt
Kết luận này.

T/M BỘ CHÍNH TRỊ
"""


def load_files(store: GraphStore, *paths: Path, validate: bool = False) -> list[LoadResult]:
    results = []
    for item in extract_batch(discover(list(paths))):
        assert not isinstance(item, FileFailure), item
        results.append(load_extraction(store, item, "warn" if validate else None))
    return results


def snapshot(store: GraphStore) -> tuple[list[Any], list[Any]]:
    nodes = store.read("MATCH (n) RETURN labels(n)[0] AS label, properties(n) AS props")
    rels = store.read("MATCH (a)-[r]->(b) RETURN type(r) AS type, a.id AS a, b.id AS b, "
                      "properties(r) AS props")
    key = repr
    return sorted(nodes, key=key), sorted(rels, key=key)


def implements(store: GraphStore) -> set[tuple[str, str]]:
    rows = store.read("MATCH (a:Document)-[:IMPLEMENTS]->(b:Document) RETURN a.id AS a, b.id AS b")
    return {(r["a"], r["b"]) for r in rows}


def test_kon_tum_chain(store: GraphStore) -> None:
    [result] = load_files(store, KON_TUM)
    assert result.document_id.startswith("kon-tum:")
    assert result.tasks == 20
    assert implements(store) == {(result.document_id, "tw:2024:69-kl-tw"),
                                 ("tw:2024:69-kl-tw", "tw:2012:20-nq-tw")}
    stubs = store.read("MATCH (d:Document) WHERE d.stub = true RETURN d.id AS id ORDER BY id")
    assert [r["id"] for r in stubs] == ["tw:2012:20-nq-tw", "tw:2024:69-kl-tw"]


def test_every_fact_keeps_its_provenance(store: GraphStore) -> None:
    [result] = load_files(store, KON_TUM)
    text = clean_text(KON_TUM.read_text(encoding="utf-8"))
    tasks = store.read("MATCH (:Document {id: $id})-[:ASSIGNS]->(t:Task) RETURN properties(t) AS t",
                       {"id": result.document_id})
    for row in tasks:
        t = row["t"]
        assert t["source_file"] == KON_TUM.name  # relative to the corpus: no server path
        assert text[t["span_start"]:t["span_end"]].strip()
    edges = store.read("MATCH (:Document)-[r:IMPLEMENTS]->(:Document) RETURN properties(r) AS r")
    for row in edges:
        assert row["r"]["asserted_by"] == [result.document_id]
        for item in row["r"]["assertions"]:
            by, origin, span = m.parse_assertion(item)
            assert (by, origin) == (result.document_id, "text") and span is not None
            assert "69-KL/TW" in text[span[0]:span[1]]


def test_loading_twice_changes_nothing(store: GraphStore) -> None:
    load_files(store, CORPUS)
    before = snapshot(store)
    load_files(store, CORPUS)
    assert snapshot(store) == before


def test_a_stub_is_filled_in_not_duplicated(store: GraphStore) -> None:
    [plan] = load_files(store, KON_TUM)
    kl69 = load_extraction(store, extract(clean_text(KL69_TEXT), "kl69.txt"))
    assert kl69.document_id == "tw:2024:69-kl-tw"
    rows = store.read("MATCH (d:Document) WHERE d.number = '69-KL/TW' "
                      "RETURN d.id AS id, d.stub AS stub, d.title AS title")
    assert len(rows) == 1
    assert rows[0]["stub"] is False
    assert "tiếp tục thực hiện Nghị quyết" in rows[0]["title"]
    assert (plan.document_id, "tw:2024:69-kl-tw") in implements(store)
    assert ("tw:2024:69-kl-tw", "tw:2012:20-nq-tw") in implements(store)


def test_an_undated_citation_is_merged_when_the_dated_document_arrives(
    store: GraphStore,
) -> None:
    [hp] = load_files(store, HAI_PHONG)  # cites 20-NQ/TW without a date, alone
    ids = {r["id"] for r in store.read("MATCH (d:Document) RETURN d.id AS id")}
    assert "tw:undated:20-nq-tw" in ids
    load_files(store, KON_TUM)  # cites 20-NQ/TW with its date
    ids = {r["id"] for r in store.read("MATCH (d:Document) RETURN d.id AS id")}
    assert "tw:undated:20-nq-tw" not in ids
    cited = store.read("MATCH (:Document {id: $id})-[:CITES]->(d:Document) RETURN d.id AS id",
                       {"id": hp.document_id})
    assert "tw:2012:20-nq-tw" in {r["id"] for r in cited}


def test_an_ambiguous_citation_is_recorded_not_guessed(store: GraphStore) -> None:
    for year in (2012, 2017):
        text = (f"NGHỊ QUYẾT\nSố 20-NQ/TW\nHà Nội, ngày 01 tháng 11 năm {year}\n\n"
                f"về một chủ đề của năm {year}\n")
        load_extraction(store, extract(clean_text(text), f"nq20-{year}.txt"))
    citing = ("CÔNG VĂN\nSố 5-CV/TU\nKon Tum, ngày 02 tháng 02 năm 2020\n\n"
              "Thực hiện Nghị quyết số 20-NQ/TW của Trung ương, Ban Thường vụ Tỉnh ủy yêu cầu "
              "các cấp ủy tổ chức thực hiện.\n")
    result = load_extraction(store, extract(clean_text(citing), "cv5.txt"))
    assert any("ambiguous" in w for w in result.warnings)
    rows = store.read("MATCH (:Document {id: $id})-[r:CITES]->(d:Document) "
                      "RETURN d.id AS id, r.resolution AS resolution", {"id": result.document_id})
    assert {(r["id"], r["resolution"]) for r in rows} == {("tw:undated:20-nq-tw", "ambiguous")}


def test_bodies_are_entities_scoped_to_the_province(store: GraphStore) -> None:
    [result] = load_files(store, CORPUS / "bac-kan_chi-thi_khcn.txt")
    rows = store.read(
        "MATCH (:Document {id: $id})-[:ASSIGNS]->(t:Task {section: '5.3'})-[:OWNED_BY]->(b:Body) "
        "OPTIONAL MATCH (b)-[:PART_OF]->(p:Body) "
        "RETURN b.name AS name, b.collective AS collective, p.name AS part_of ORDER BY name",
        {"id": result.document_id})
    owners = {r["name"]: (r["collective"], r["part_of"]) for r in rows}
    # "Ban Tuyên giáo, Dân vận Tỉnh ủy" names two boards of the Bắc Kạn committee.
    assert owners["Ban Tuyên giáo Tỉnh ủy Bắc Kạn"] == (False, "Tỉnh ủy Bắc Kạn")
    assert owners["Ban Dân vận Tỉnh ủy Bắc Kạn"] == (False, "Tỉnh ủy Bắc Kạn")
    assert any(collective for collective, _ in owners.values())  # "các đoàn thể"
    aliases = store.read("MATCH (b:Body) WHERE b.name = 'Ban cán sự đảng Ủy ban nhân dân tỉnh "
                         "Bắc Kạn' RETURN b.aliases AS aliases")
    assert len(aliases) == 1 and "Ban cán sự đảng Ủy ban nhân dân tỉnh" in aliases[0]["aliases"]


REPLACING = """TỈNH ỦY KON TUM
*
Số 30-KH/TU

Kon Tum, ngày 02 tháng 3 năm 2025

KẾ HOẠCH
về chuyển đổi số

1. Các sở, ngành triển khai chuyển đổi số.

Kế hoạch này thay thế Kế hoạch số 12-KH/TU của Ban Thường vụ Tỉnh ủy.

T/M BAN THƯỜNG VỤ
"""

REPLACED = """TỈNH ỦY KON TUM
*
Số 12-KH/TU

Kon Tum, ngày 05 tháng 6 năm 2021

KẾ HOẠCH
về ứng dụng công nghệ thông tin
"""


def replaces(store: GraphStore) -> set[tuple[str, str, str]]:
    rows = store.read("MATCH (a:Document)-[r:REPLACES]->(b:Document) "
                      "RETURN a.id AS a, b.id AS b, r.asserted_by AS by")
    return {(r["a"], r["b"], ",".join(r["by"])) for r in rows}


def test_a_replaced_document_is_a_replaces_edge_moved_when_it_is_dated(
        store: GraphStore) -> None:
    plan = load_extraction(store, extract(clean_text(REPLACING), "kh30.txt"))
    stub = "kon-tum:undated:12-kh-tu"
    assert replaces(store) == {(plan.document_id, stub, plan.document_id)}
    before = snapshot(store)
    load_extraction(store, extract(clean_text(REPLACING), "kh30.txt"))
    assert snapshot(store) == before  # idempotent
    old = load_extraction(store, extract(clean_text(REPLACED), "kh12.txt"))
    assert old.document_id == "kon-tum:2021:12-kh-tu"
    assert replaces(store) == {(plan.document_id, old.document_id, plan.document_id)}


def test_an_undated_load_of_a_dated_document_merges_with_it(store: GraphStore) -> None:
    dated = load_extraction(store, extract(clean_text(REPLACED), "kh12.txt"))
    undated_text = REPLACED.replace("Kon Tum, ngày 05 tháng 6 năm 2021\n", "") + (
        "\n1. Các sở triển khai ứng dụng công nghệ thông tin.\n")
    copy = load_extraction(store, extract(clean_text(undated_text), "kh12-scan.txt"))
    assert copy.document_id == dated.document_id == "kon-tum:2021:12-kh-tu"
    assert any("merged with the dated kon-tum:2021:12-kh-tu" in w for w in copy.warnings)
    rows = store.read("MATCH (d:Document) WHERE d.number = '12-KH/TU' "
                      "RETURN d.id AS id, d.issued AS issued")
    assert rows == [{"id": "kon-tum:2021:12-kh-tu", "issued": "2021-06-05"}]


NQ20 = """BAN CHẤP HÀNH TRUNG ƯƠNG
*
Số 20-NQ/TW

ĐẢNG CỘNG SẢN VIỆT NAM

Hà Nội, ngày 01 tháng 11 năm 2012

NGHỊ QUYẾT
HỘI NGHỊ LẦN THỨ SÁU BAN CHẤP HÀNH TRUNG ƯƠNG ĐẢNG KHÓA XI
về phát triển khoa học và công nghệ phục vụ sự nghiệp công nghiệp hóa, hiện đại hóa

1. Các cấp ủy đảng quán triệt Nghị quyết.
"""
BY_NAME = """TỈNH ỦY KON TUM
*
Số 40-KH/TU

Kon Tum, ngày 02 tháng 3 năm 2025

KẾ HOẠCH
về khoa học

Tiếp tục thực hiện Nghị quyết Hội nghị Trung ương 6 (khóa XI) về phát triển khoa học và công
nghệ, Ban Thường vụ Tỉnh ủy ban hành Kế hoạch như sau:

1. Các sở, ngành triển khai nghiên cứu khoa học.
"""


def cited_by_name(store: GraphStore, doc_id: str) -> list[tuple[str, str]]:
    rows = store.read("MATCH (:Document {id: $id})-[r:CITES]->(c:Document) "
                      "RETURN c.id AS id, r.resolution AS resolution", {"id": doc_id})
    return sorted((r["id"], r["resolution"]) for r in rows)


def test_a_resolution_cited_by_name_is_found_among_the_loaded_ones(store: GraphStore) -> None:
    nq = load_extraction(store, extract(clean_text(NQ20), "nq20.txt"))
    assert nq.document_id == "tw:2012:20-nq-tw"
    plan = load_extraction(store, extract(clean_text(BY_NAME), "kh40.txt"))
    assert cited_by_name(store, plan.document_id) == [("tw:2012:20-nq-tw", "by-name")]


def test_a_name_several_resolutions_fit_is_not_resolved(store: GraphStore) -> None:
    load_extraction(store, extract(clean_text(NQ20), "nq20.txt"))
    other = NQ20.replace("Số 20-NQ/TW", "Số 21-NQ/TW")
    load_extraction(store, extract(clean_text(other), "nq21.txt"))
    plan = load_extraction(store, extract(clean_text(BY_NAME), "kh40.txt"))
    assert cited_by_name(store, plan.document_id) == []
    assert any("may be tw:2012:20-nq-tw, tw:2012:21-nq-tw; not resolved" in w
               for w in plan.warnings)


def test_a_runaway_name_is_refused_before_it_reaches_the_store(store: GraphStore) -> None:
    """A ~5 KB unique id crashed FalkorDB (its unique-constraint check, signal 11)."""
    text = ("ỦY BAN NHÂN DÂN TỈNH " + "Á" * 5000 + "\nSố: 5/KH-UBND\n\nKẾ HOẠCH\n\nvề số\n\n"
            "1. Sở Tài chính bố trí kinh phí.\n")
    with pytest.raises(TooLarge, match=r"body id .* bytes; at most 1024"):
        load_extraction(store, extract(clean_text(text), "huge.txt"))
    assert store.read("MATCH (d:Document) RETURN count(d) AS n") == [{"n": 0}]


def test_the_graph_does_not_depend_on_the_order_of_loading(
        store: GraphStore) -> None:
    """Citing documents loaded before the cited ones kept 'unresolved' citations."""
    load_files(store, HAI_PHONG)  # cites 20-NQ/TW without a date
    load_files(store, KON_TUM)  # dates it, through 69-KL/TW's citation
    first = snapshot(store)
    store.clear()
    load_files(store, KON_TUM)
    load_files(store, HAI_PHONG)
    assert snapshot(store) == first


class CountingWrites:
    """A store that counts its writes (one a transaction)."""

    def __init__(self, store: GraphStore) -> None:
        self._store = store
        self.writes = 0

    def write(self, statements: Sequence[Statement], then: Sequence[Statement] = ()) -> None:
        self.writes += 1
        self._store.write(statements, then)

    def __getattr__(self, name: str) -> Any:
        return getattr(self._store, name)


def test_documents_citing_the_same_resolutions_are_written_together(
        store: GraphStore, tmp_path: Path) -> None:
    """Before, a batch was cut wherever a document cited a number an earlier one of it
    cited: one write per document here.  Now only the first documents to complete the
    cited ones are written apart."""
    write_batch(tmp_path, 40, cite_alike=True)
    load_batched(store, [CORPUS])
    counting = CountingWrites(store)
    outcomes = list(load_batched(counting, [tmp_path]))
    assert len(outcomes) == 40 and all(isinstance(o, LoadResult) for o in outcomes)
    assert counting.writes <= 3
    counting.writes = 0
    list(load_batched(counting, [tmp_path]))
    assert counting.writes == 1  # reloaded: every cited document settled


def test_a_document_reading_what_an_earlier_one_changes_is_written_after_it(
        store: GraphStore) -> None:
    """Hai Phong cites 20-NQ/TW undated, leaving a stub that Kon Tum, dating it, adopts:
    two writes, as loading them one by one."""
    items = [e for e in extract_batch(discover([HAI_PHONG, KON_TUM]))
             if isinstance(e, Extraction)]
    counting = CountingWrites(store)
    load_batch(counting, items)
    assert counting.writes == 2
    assert [len(b) for b in batches(items, size=1)] == [1, 1]


def test_a_batched_load_writes_what_loading_one_by_one_writes(
        store: GraphStore, tmp_path: Path) -> None:
    write_batch(tmp_path / "distinct", 24)
    write_batch(tmp_path / "alike", 24, cite_alike=True)
    loads = [[HAI_PHONG, KON_TUM, CORPUS, tmp_path], [CORPUS, tmp_path / "alike"]]  # reloads
    one_by_one = [(r.document_id, r.warnings, sorted(r.findings, key=repr))
                  for paths in loads for r in load_files(store, *paths, validate=True)]
    first = snapshot(store)
    store.clear()
    batched = [(r.document_id, r.warnings, sorted(r.findings, key=repr))
               for paths in loads for r in load_batched(store, paths, "warn")
               if isinstance(r, LoadResult)]
    assert batched == one_by_one
    assert snapshot(store) == first


def test_a_document_too_large_to_store_fails_alone_in_its_batch(store: GraphStore) -> None:
    """Before, it stopped the batch and the outcomes of the documents before it were lost."""
    huge = ("ỦY BAN NHÂN DÂN TỈNH " + "Á" * 5000 + "\nSố: 5/KH-UBND\n\nKẾ HOẠCH\n\nvề số\n\n"
            "1. Sở Tài chính bố trí kinh phí.\n")
    fine = huge.replace("Á" * 5000, "BẮC NINH").replace("5/KH-UBND", "6/KH-UBND")
    outcomes = load_batch(store, [extract(clean_text(fine), "a.txt"),
                                  extract(clean_text(huge), "huge.txt"),
                                  extract(clean_text(fine.replace("6/KH", "7/KH")), "b.txt")])
    assert [type(o).__name__ for o in outcomes] == ["LoadResult", "LoadFailure", "LoadResult"]
    failure = outcomes[1]
    assert isinstance(failure, LoadFailure) and isinstance(failure.error, TooLarge)
    assert store.read("MATCH (d:Document) RETURN count(d) AS n") == [{"n": 2}]


UNNUMBERED = """TỈNH ỦY KON TUM
*

ĐẢNG CỘNG SẢN VIỆT NAM

Kon Tum, ngày 05 tháng 6 năm 2021

KẾ HOẠCH
{title}

1. {task}

T/M BAN THƯỜNG VỤ
"""


def _unnumbered(title: str, task: str = "Các sở triển khai ứng dụng công nghệ thông tin."
                ) -> str:
    return clean_text(UNNUMBERED.format(title=title, task=task))


def test_an_unnumbered_document_whose_title_is_edited_stays_one_document(
        store: GraphStore) -> None:
    first = load_extraction(store, extract(_unnumbered("thực hiện chuyển đổi số năm 2021"),
                                           "plan.txt"))
    edited = load_extraction(store, extract(
        _unnumbered("thực hiện chuyển đổi số trong các cơ quan đảng năm 2021",
                    "Văn phòng Tỉnh ủy số hóa hồ sơ lưu trữ."), "plan.txt"))
    assert edited.document_id == first.document_id
    assert any(f"same source as {first.document_id}" in w for w in edited.warnings)
    rows = store.read("MATCH (d:Document {stub: false}) RETURN d.id AS id, d.title AS title")
    assert rows == [{"id": first.document_id,
                     "title": "thực hiện chuyển đổi số trong các cơ quan đảng năm 2021"}]
    tasks = store.read("MATCH (t:Task) RETURN t.text AS text")
    assert [r["text"] for r in tasks] == ["Văn phòng Tỉnh ủy số hóa hồ sơ lưu trữ."]


def test_unnumbered_documents_of_other_sources_stay_apart(store: GraphStore) -> None:
    a = load_extraction(store, extract(_unnumbered("thực hiện chuyển đổi số năm 2021"),
                                       "plan.txt"))
    b = load_extraction(store, extract(_unnumbered("phát triển du lịch năm 2021"),
                                       "tourism.txt"))
    assert a.document_id != b.document_id
    assert not any("same source" in w for w in b.warnings)


def test_each_file_is_extracted_once_with_the_years_of_the_whole_batch(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Before, every file was extracted twice: once for the batch's years, once to load."""
    write_batch(tmp_path, 12)
    (tmp_path / "broken.txt").write_bytes(b"\xff\xfe\x00 not text \x81")
    files = discover([HAI_PHONG, KON_TUM, CORPUS, tmp_path])
    # what two passes give: the years of every file's dated citations (Kon Tum dates
    # 20-NQ/TW, which Hai Phong cites undated), then each file with them
    extracted: list[Extraction | None] = []
    for path in files:
        try:
            extracted.append(extract_file(path))
        except InputError:
            extracted.append(None)
    index: batch.YearIndex = {}
    for e in extracted:
        if e is not None:
            batch._collect(index, e)
    expected = [None if e is None else fill_years(
        e, batch._years_for(index, e.document.province)) for e in extracted]
    calls: list[Path] = []

    def counted(path: Path) -> Extraction:
        calls.append(path)
        return extract_file(path)
    monkeypatch.setattr("policykg.loaders.batch.extract_file", counted)
    got = list(extract_batch(files))
    assert len(calls) == len(files)
    assert [None if isinstance(g, FileFailure) else g for g in got] == expected
    assert sum(isinstance(g, FileFailure) for g in got) == 1


@pytest.mark.parametrize("first", ["citing", "cited"])
def test_two_loaders_at_once_leave_one_node_per_document(
        store: GraphStore, monkeypatch: pytest.MonkeyPatch, first: str) -> None:
    """Two loaders, one loading a plan that replaces "Kế hoạch số 12-KH/TU" (no date), the
    other that plan itself (dated), each resolving against the graph before the other
    wrote, then writing in either order: the stub adoption was decided from what each
    had read, so the undated stub stayed beside the dated document and the citation
    pointed at it (2 of 6 runs of two real loaders)."""
    import threading

    from policykg.loaders.writer import write_documents as write

    resolved = threading.Barrier(2, timeout=30)  # both have read the graph, none written
    written = {"citing": threading.Event(), "cited": threading.Event()}

    def write_in_turn(*args: Any, **kwargs: Any) -> None:
        who = threading.current_thread().name
        resolved.wait()
        if who != first:
            assert written[first].wait(timeout=30)
        try:
            write(*args, **kwargs)
        finally:
            written[who].set()

    texts = {"citing": (REPLACING, "kh30.txt"), "cited": (REPLACED, "kh12.txt")}
    errors: list[BaseException] = []

    def loader(who: str) -> None:
        try:
            load_extraction(store, extract(clean_text(texts[who][0]), texts[who][1]))
        except BaseException as exc:  # reported by the test
            errors.append(exc)

    monkeypatch.setattr("policykg.loaders.load.write_documents", write_in_turn)
    threads = [threading.Thread(target=loader, args=(who,), name=who) for who in texts]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=60)
    assert not errors, errors
    rows = store.read("MATCH (d:Document) WHERE d.number_key = '12-KH/TU' "
                      "RETURN d.id AS id, d.stub AS stub")
    assert rows == [{"id": "kon-tum:2021:12-kh-tu", "stub": False}]
    plan, old = "kon-tum:2025:30-kh-tu", "kon-tum:2021:12-kh-tu"
    assert replaces(store) == {(plan, old, plan)}
    cites = store.read("MATCH (:Document {id: $id})-[r:CITES]->(d) "
                       "RETURN d.id AS id, r.resolution AS resolution, r.asserted_by AS by",
                       {"id": plan})
    assert cites == [{"id": old, "resolution": "resolved", "by": [plan]}]
    ids = [r["id"] for r in store.read("MATCH (d:Document) RETURN d.id AS id")]
    assert sorted(ids) == [old, plan]
