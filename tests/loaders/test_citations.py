from datetime import date

import pytest

from policykg.loaders.citations import Citations, dated_numbers, extract_citations, fill_years
from policykg.loaders.clean import clean_text
from policykg.ontology.identity import parse_number
from policykg.ontology.records import (
    CitedRelation,
    DocumentHeader,
    DocumentKind,
    Extraction,
    Provenance,
    Reference,
)


def _cite(raw: str, province: str | None = "Bắc Kạn") -> Citations:
    return extract_citations(clean_text(raw), "doc.txt", province=province)


def _keys(c: Citations) -> list[str]:
    return [r.key for r in c.references]


def _relations(c: Citations) -> set[tuple[str, str]]:
    return {(r.source, r.target) for r in c.cited_relations}


def test_a_horned_tu_after_a_provincial_committee_is_local() -> None:
    """"13-NQ/TƯ của Tỉnh ủy": a committee's "TU" typed with a horn, of the citing province;
    "20-NQ/TƯ của Ban Chấp hành Trung ương" is Trung ương's."""
    refs = _cite("Sau 10 năm thực hiện Nghị quyết 13-NQ/TƯ của Tỉnh ủy (khóa XIV) và Nghị "
                 "quyết số 20-NQ/TƯ của Ban Chấp hành Trung ương về khoa học").references
    assert [(r.number, r.scope) for r in refs] == [("13-NQ/TU", "bac-kan"), ("20-NQ/TW", "tw")]


@pytest.mark.parametrize(("raw", "number", "issued"), [
    ("Nghị quyết số 20-NQ/TW ngày 01 tháng 11 năm 2012 của", "20-NQ/TW", date(2012, 11, 1)),
    ("Kết luận số 69-KL/TW, ngày 11-01-2024 của Bộ Chính trị", "69-KL/TW", date(2024, 1, 11)),
    ("Nghị quyết số 08-NQ/TU, ngày 16/5/2013 của", "08-NQ/TU", date(2013, 5, 16)),
    ("Kế hoạch số 118-KH/TUngày 01/11/2012 của", "118-KH/TU", date(2012, 11, 1)),
    ("Nghị quyết 20-NQ/T.Ư về", "20-NQ/TW", None),
    ("Chỉ thị số 05-CT/TƯ về", "05-CT/TW", None),
    ("Chương trình số 10- CTr/TU về", "10-CTr/TU", None),
    ("Nghị quyết số 46/NQ-CP ngày 31/3/2023 của Chính phủ", "46/NQ-CP", date(2023, 3, 31)),
    ("Quyết định số 696/QĐ-TTg của Thủ tướng Chính phủ", "696/QĐ-TTg", None),
    ("Nghị định 12/2024/NĐ-CP về", "12/2024/NĐ-CP", None),
    # a unit "&" another in the issuer's code
    ("Công văn số 4236/SXD-QLN&CS ngày 22 tháng 5 năm 2014,", "4236/SXD-QLN&CS",
     date(2014, 5, 22)),
    # the date and issuer stated before the citation, with or without a comma
    ("ngày 16/8/2018 Bộ Lao động - Thương binh và Xã hội đã có Công văn số 3395/LĐTBXH-KHTC "
     "gửi Tổng công ty", "3395/LĐTBXH-KHTC", date(2018, 8, 16)),
    ("Ngày 19 tháng 9 năm 2013, Văn phòng Chính phủ có văn bản số 349/TB-VPCP thông báo",
     "349/TB-VPCP", date(2013, 9, 19)),
    # … and with the issuer's term between it and its verb, before an ordinance
    ("Ngày 16/7/2012, Ủy ban Thường vụ Quốc hội khóa 13 đã ban hành Pháp lệnh số "
     "04/2012/UBTVQH13 sửa đổi", "04/2012/UBTVQH13", date(2012, 7, 16)),
    # numbers of the years before the State's present form
    ("Ngày 24 tháng 6 năm 1977 Hội đồng Chính phủ đã ra Quyết định số 169-CP về", "169-CP",
     None),
    ("theo Chỉ thị 299/TTg ngày 10 tháng 11 năm 1980 của Thủ tướng", "299/TTg",
     date(1980, 11, 10)),
])
def test_number_forms_and_dates(raw: str, number: str, issued: date | None) -> None:
    refs = _cite(raw).references
    assert [(r.number, r.issued) for r in refs] == [(number, issued)]


@pytest.mark.parametrize("raw", [
    "giai đoạn 2021 -2025 và 15-20%/năm",
    "ngày 16/5/2013 và quý II-2024",
    "mã số A20-NQ/TW",
    "Nghị quyết Đại hội đại biểu Đảng bộ tỉnh lần thứ XII",
])
def test_non_numbers_are_not_citations(raw: str) -> None:
    assert _cite(raw).references == ()


def test_own_number_line_is_not_a_citation() -> None:
    assert _cite("TỈNH ỦY X\nSố 29-CTr/TU\n\nKế hoạch số 29-CTr/TU").references != ()
    assert _cite("TỈNH ỦY X\n Số 29-CTr/TU \n\nnội dung").references == ()


@pytest.mark.parametrize(("raw", "issuer", "term"), [
    ("Nghị quyết số 20-NQ/TW của Ban Chấp hành Trung ương Đảng (khóa XI) về",
     "Ban Chấp hành Trung ương", "XI"),
    ("Nghị quyết số 20-NQ/TW của Ban chấp hành Trung ương Đảng khoá XI về",
     "Ban chấp hành Trung ương", "XI"),
    ("Kết luận số 50-KL/TW của Ban Bí thư về tiếp tục", "Ban Bí thư", None),
    ("Nghị quyết số 08-NQ/TU, ngày 16/5/2013 của Ban Chấp hành Đảng bộ thành phố khóa XIV “về",
     "Ban Chấp hành Đảng bộ thành phố", "XIV"),
    ("Kết luận số 69-KL/TW của Bộ Chính trị và Kế hoạch này", "Bộ Chính trị", None),
    ("Quyết định số 696/QĐ-TTg của Thủ tướng Chính phủ; các", "Thủ tướng Chính phủ", None),
    ("Nghị quyết số 20-NQ/TW, Nghị quyết số 08-NQ/TU", None, None),
])
def test_issuer_and_term(raw: str, issuer: str | None, term: str | None) -> None:
    ref = _cite(raw).references[0]
    assert (ref.issuer, ref.term) == (issuer, term)


def test_kind_follows_type_code_not_label() -> None:
    ref = _cite("Chương trình hành động số 14-NQ/TU, ngày 08/01/2013").references[0]
    assert ref.kind is DocumentKind.NghiQuyet


def test_scope_national_or_citing_province() -> None:
    refs = {r.number: r.scope for r in _cite("Nghị quyết số 20-NQ/TW và Kế hoạch số 154-KH/TU, "
                                             "Nghị quyết số 46/NQ-CP").references}
    assert refs == {"20-NQ/TW": "tw", "154-KH/TU": "bac-kan", "46/NQ-CP": "cp"}
    assert _cite("Kế hoạch số 154-KH/TU", province=None).references[0].scope is None


def test_repeated_citations_merge_and_later_mentions_fill_gaps() -> None:
    c = _cite("Nghị quyết số 20-NQ/TW về khoa học. Sau đó, Nghị quyết số 20-NQ/TW ngày "
              "01/11/2012 của Ban Chấp hành Trung ương (khóa XI). "
              "Nghị quyết 20-NQ/TW của Trung ương.")
    assert len(c.references) == 1
    ref = c.references[0]
    assert (ref.key, ref.issuer, ref.term) == ("20-NQ/TW@2012", "Ban Chấp hành Trung ương", "XI")
    assert ref.provenance.span is not None and ref.provenance.span.start == len("Nghị quyết số ")


def test_one_number_with_two_years_stays_apart_and_warns() -> None:
    c = _cite("Nghị quyết số 20-NQ/TW ngày 01/11/2012; Nghị quyết số 20-NQ/TW ngày 03/5/2017; "
              "Nghị quyết số 20-NQ/TW về y tế")
    assert _keys(c) == ["20-NQ/TW@2012", "20-NQ/TW@2017", "20-NQ/TW"]
    assert c.warnings and "ambiguous citation 20-NQ/TW" in c.warnings[0]


def test_implements_from_lead_in_with_chained_documents() -> None:
    c = _cite("KẾ HOẠCH\n\nvề khoa học\n\nThực hiện Nghị quyết số 20-NQ/TW ngày 01/11/2012 "
              "của Ban Chấp hành Trung ương và Kết luận số 50-KL/TW ngày 30/5/2019 của Ban Bí thư, "
              "Ban Thường vụ Tỉnh ủy ban hành Kế hoạch.")
    assert c.implements == ("20-NQ/TW@2012", "50-KL/TW@2019")


@pytest.mark.parametrize("subject", [
    "V/v thực hiện Kết luận số 50-KL/TW\ncủa Ban Bí thư",
    "VỀ BAN HÀNH KẾ HOẠCH TRIỂN KHAI THỰC HIỆN KẾT LUẬN SỐ 50-KL/TW CỦA BAN BÍ THƯ",
])
def test_implements_from_subject_line(subject: str) -> None:
    c = _cite(f"THÀNH ỦY X\n\n{subject}\n\nKết luận số 50-KL/TW, ngày 30/5/2019")
    assert c.implements == ("50-KL/TW@2019",)


def test_implements_the_documents_a_subject_lists_after_naming_them() -> None:
    """"… THỰC HIỆN CÁC NGHỊ QUYẾT CỦA CHÍNH PHỦ: SỐ 01/NQ-CP NGÀY … VỀ …; SỐ 02/NQ-CP …"."""
    c = _cite("BỘ TÀI NGUYÊN VÀ MÔI TRƯỜNG\n\nQUYẾT ĐỊNH\n\nVỀ VIỆC BAN HÀNH CHƯƠNG TRÌNH "
              "HÀNH ĐỘNG "
              "CỦA NGÀNH THỰC HIỆN CÁC NGHỊ QUYẾT CỦA CHÍNH PHỦ: SỐ 01/NQ-CP NGÀY 05/01/2024 VỀ "
              "NHIỆM VỤ, GIẢI PHÁP CHỦ YẾU NĂM 2024; SỐ 02/NQ-CP NGÀY 05/01/2024 VỀ CẢI THIỆN "
              "MÔI TRƯỜNG KINH DOANH\n\nCăn cứ Nghị định số 68/2022/NĐ-CP;\n")
    assert c.implements == ("01/NQ-CP@2024", "02/NQ-CP@2024")


_PROGRAMME_PLAN = ("ỦY BAN NHÂN DÂN TỈNH TIỀN GIANG\n\nKẾ HOẠCH\n\nTHỰC HIỆN CHƯƠNG TRÌNH CHUYỂN "
                  "ĐỔI SỐ TRONG XÂY DỰNG NÔNG THÔN MỚI GIAI ĐOẠN 2022-2025\n\nI. CĂN CỨ\n\n"
                  "1. Quyết định số 924/QĐ-TTg ngày 22/8/2022 của Thủ tướng Chính phủ {verb} "
                  "Chương trình chuyển đổi số trong xây dựng nông thôn mới, hướng tới nông "
                  "thôn mới thông minh;\n\n2. Quyết định số 605/QĐ-UBND ngày 16/3/2022 của "
                  "Ủy ban nhân dân tỉnh phê duyệt Đề án Chính quyền số tỉnh.\n")


def test_a_named_programme_it_carries_out_is_the_cited_decision_that_approves_it() -> None:
    """"Thực hiện Chương trình X" without a number: the one cited decision that "phê
    duyệt Chương trình X" (its name's first words agree) is what the document implements."""
    assert _cite(_PROGRAMME_PLAN.format(verb="phê duyệt")).implements == ("924/QĐ-TTg@2022",)


def test_a_named_programme_no_cited_decision_approves_is_implemented_by_none() -> None:
    assert _cite(_PROGRAMME_PLAN.format(verb="về việc sửa đổi")).implements == ()
    twice = _PROGRAMME_PLAN.replace("Đề án Chính quyền số tỉnh", "Chương trình chuyển đổi số "
                                    "trong xây dựng nông thôn mới của tỉnh")
    assert _cite(twice.format(verb="phê duyệt")).implements == ()  # two approve it: no guess


def test_a_named_programme_may_be_the_cited_programme_itself() -> None:
    """"Điều 1." on its own line, then "Ban hành kèm theo Quyết định này Kế hoạch triển khai
    thực hiện Chương trình phối hợp công tác …": the cited "Chương trình số 1249a/… về phối
    hợp công tác …" is what it carries out."""
    c = _cite("BỘ TƯ PHÁP\n\nQUYẾT ĐỊNH\n\nCăn cứ Chương trình số 1249a/CTPH-UBDT-BTP ngày "
              "13/11/2014 của Ủy ban Dân tộc và Bộ Tư pháp về phối hợp công tác giữa Ủy ban "
              "Dân tộc và Bộ Tư pháp giai đoạn 2014 - 2020;\n\nQUYẾT ĐỊNH:\n\nĐiều 1.\n"
              "Ban hành kèm theo Quyết định này Kế hoạch triển khai thực hiện Chương trình "
              "phối hợp công tác giữa Ủy ban Dân tộc và Bộ Tư pháp năm 2015.\n")
    assert c.implements == ("1249a/CTPH-UBDT-BTP@2014",)


def test_wrapped_subject_line_is_not_an_implements_statement() -> None:
    c = _cite("THÀNH ỦY X\n\nV/v tổ chức hội nghị về Kết luận số 50-KL/TW của Ban Bí thư "
              "về tiếp tục\nthực hiện Nghị quyết số 20-NQ/TW\n")
    assert c.implements == ()
    assert _relations(c) == {("50-KL/TW", "20-NQ/TW")}
    heading = _cite("KẾ HOẠCH\nthực hiện Nghị quyết số 20-NQ/TW\n")
    assert heading.implements == ("20-NQ/TW",)


def test_implements_from_continue_statement_in_lead_in_only() -> None:
    lead = _cite("Để khắc phục hạn chế, tiếp tục thực hiện tốt Kết luận số 50-KL/TW, ngày "
                 "30/5/2019 của Ban Bí thư, Ban Thường vụ yêu cầu:")
    assert lead.implements == ("50-KL/TW@2019",)
    task = _cite("1. Các cấp ủy tiếp tục thực hiện tốt Kết luận số 50-KL/TW.\n"
                 "- Tiếp tục thực hiện tốt Nghị quyết số 20-NQ/TW.")
    assert task.implements == ()


@pytest.mark.parametrize("raw", [
    "1. Tổ chức quán triệt, thực hiện Kết luận số 69-KL/TW đến cán bộ.",
    "Sau 5 năm triển khai thực hiện Nghị quyết số 20-NQ/TW, kết quả đạt được.",
    "- Thực hiện Nghị quyết số 20-NQ/TW trong toàn tỉnh.",
    "Tuyên truyền Nghị quyết số 20-NQ/TW. Thực hiện tốt công tác kiểm tra.",
])
def test_directing_others_is_not_implementing(raw: str) -> None:
    assert _cite(raw).implements == ()


def test_relations_between_cited_documents() -> None:
    c = _cite("Nghị quyết số 20-NQ/TW ngày 01 tháng 11 năm 2012 của Ban Chấp hành Trung ương "
              "(khóa XI); Kết luận số 50-KL/TW ngày 30 tháng 5 năm 2019 của Ban Bí thư về tiếp tục "
              "thực hiện Nghị quyết Hội nghị Trung ương 6 (khóa XI) về khoa học và Kế hoạch số "
              "154-KH/TU ngày 26 tháng 7 năm 2019 của Ban Thường vụ Tỉnh ủy về thực hiện Kết luận "
              "số 50-KL/TW của Ban Bí thư đến cán bộ.")
    assert _relations(c) == {("50-KL/TW@2019", "20-NQ/TW@2012"),
                             ("154-KH/TU@2019", "50-KL/TW@2019")}
    assert c.implements == ()
    assert _keys(c) == ["20-NQ/TW@2012", "50-KL/TW@2019", "154-KH/TU@2019"]


def test_relation_through_quotes_and_after_the_issuers_term() -> None:
    quoted = _cite("Kết luận số 69-KL/TW, ngày 11-01-2024 của Bộ Chính trị “*về tiếp tục thực "
                   "hiện Nghị quyết số 20-NQ/TW, ngày 01-11-2012 của Ban Chấp hành Trung ương")
    assert _relations(quoted) == {("69-KL/TW@2024", "20-NQ/TW@2012")}
    term = _cite("Chương trình hành động số 14-NQ/TU, ngày 08/01/2013 của Ban Thường vụ Tỉnh ủy "
                 "(khóa XII) thực hiện Nghị quyết số 20-NQ/TW của Ban Chấp hành Trung ương")
    assert _relations(term) == {("14-NQ/TU@2013", "20-NQ/TW")}


def test_plenum_alias_resolves_to_numbered_resolution_of_same_term() -> None:
    c = _cite("CHƯƠNG TRÌNH\n\nthực hiện Nghị quyết Hội nghị lần thứ 6 Ban Chấp hành Trung ương "
              "Đảng (khóa XI) về khoa học\n\nNghị quyết số 20-NQ/TW ngày 01/11/2012 của Ban Chấp "
              "hành Trung ương Đảng khóa XI.")
    assert c.implements == ("20-NQ/TW@2012",)
    assert _keys(c) == ["20-NQ/TW@2012"]


def test_plenum_alias_without_numbered_match_is_no_reference() -> None:
    c = _cite("Thực hiện Nghị quyết Hội nghị Trung ương 4 (khoá XII) về xây dựng Đảng; "
              "Nghị quyết số 20-NQ/TW của Ban Chấp hành Trung ương Đảng (khóa XI).")
    assert c.implements == ()
    assert _keys(c) == ["20-NQ/TW"]


def test_plenum_alias_with_two_candidates_is_not_guessed() -> None:
    c = _cite("Thực hiện Nghị quyết Trung ương 6 (khóa XI); Nghị quyết số 20-NQ/TW (khóa XI) "
              "và Nghị quyết số 21-NQ/TW (khóa XI).")
    assert c.implements == ()
    assert any("not resolved" in w for w in c.warnings)


def _extraction(refs: list[Reference], implements: tuple[str, ...] = (),
                relations: tuple[CitedRelation, ...] = ()) -> Extraction:
    return Extraction(source="a.txt", sha256="0", document=DocumentHeader(
        number="1046-CV/TU", issued=date(2019, 9, 18)), references=tuple(refs),
        implements=implements, cited_relations=relations)


def _ref(number: str, issued: date | None = None) -> Reference:
    return Reference(kind=DocumentKind.NghiQuyet, number=number, issued=issued,
                     provenance=Provenance(source="a.txt"))


def test_dated_numbers_include_own_number() -> None:
    e = _extraction([_ref("20-NQ/TW"), _ref("08-NQ/TU", date(2013, 5, 16))])
    assert dated_numbers(e) == {"1046-CV/TU": {2019}, "08-NQ/TU": {2013}}


def test_fill_years_renames_keys_everywhere() -> None:
    prov = Provenance(source="a.txt")
    e = _extraction([_ref("20-NQ/TW"), _ref("50-KL/TW", date(2019, 5, 30))],
                    implements=("20-NQ/TW",),
                    relations=(CitedRelation(source="50-KL/TW@2019", target="20-NQ/TW",
                                             provenance=prov),))
    filled = fill_years(e, {"20-NQ/TW": 2012, "50-KL/TW": 2020})
    assert [r.key for r in filled.references] == ["20-NQ/TW@2012", "50-KL/TW@2019"]
    assert filled.references[0].issued is None
    assert filled.implements == ("20-NQ/TW@2012",)
    assert [(r.source, r.target) for r in filled.cited_relations] == [
        ("50-KL/TW@2019", "20-NQ/TW@2012")]


def test_fill_years_leaves_ambiguous_numbers_undated_with_warning() -> None:
    e = _extraction([_ref("20-NQ/TW")], implements=("20-NQ/TW",))
    filled = fill_years(e, {"20-NQ/TW": {2012, 2017}})
    assert filled.references[0].key == "20-NQ/TW"
    assert filled.implements == ("20-NQ/TW",)
    assert filled.warnings == ("a.txt: ambiguous citation 20-NQ/TW: dated 2012, 2017 "
                               "elsewhere in the batch",)
    assert fill_years(e, {"20-NQ/TW": {2012}}).references[0].key == "20-NQ/TW@2012"
    assert fill_years(e, {}) is e


@pytest.mark.parametrize(("number", "year", "kind", "scope"), [
    ("29/2013/QH13", 2013, DocumentKind.Other, "qh"),
    ("98/2023/QH15", 2023, DocumentKind.Other, "qh"),
    ("12/2024/NĐ-CP", 2024, DocumentKind.Other, "cp"),
    ("46/NQ-CP", None, DocumentKind.NghiQuyet, "cp"),
    ("01-KH/BCĐTW", None, DocumentKind.KeHoach, "tw"),
    ("05-HD/BTGDVTW", None, DocumentKind.HuongDan, "tw"),
    ("154-KH/TU", None, DocumentKind.KeHoach, None),
])
def test_parse_number_year_kind_and_scope(
        number: str, year: int | None, kind: DocumentKind, scope: str | None) -> None:
    parsed = parse_number(number)
    assert (parsed.text, parsed.year, parsed.kind, parsed.national_scope) == (
        number, year, kind, scope)


@pytest.mark.parametrize(("raw", "key", "kind"), [
    ("Luật Khoa học và công nghệ số 29/2013/QH13 và", "29/2013/QH13@2013", DocumentKind.Other),
    ("Nghị quyết số 98/2023/QH15 của Quốc hội về", "98/2023/QH15@2023", DocumentKind.NghiQuyet),
    ("Nghị định 12/2024/NĐ-CP về", "12/2024/NĐ-CP@2024", DocumentKind.Other),
    ("Nghị định số 70/2018/NĐ-CP ngày 15/5/2018 của", "70/2018/NĐ-CP@2018", DocumentKind.Other),
])
def test_year_inside_a_state_number_is_the_citation_year(
        raw: str, key: str, kind: DocumentKind) -> None:
    (ref,) = _cite(raw).references
    assert (ref.key, ref.kind) == (key, kind)


@pytest.mark.parametrize(("raw", "issuer"), [
    ("Hướng dẫn số 05-HD/BTGDVTW, ngày 20/01/2025 của Ban Tuyên giáo và Dân vận Trung ương về",
     "Ban Tuyên giáo và Dân vận Trung ương"),
    ("Quyết định số 1/QĐ-BKHCN của Bộ Khoa học và Công nghệ, các sở", "Bộ Khoa học và Công nghệ"),
    ("Quy định số 22-QĐ/TW của Ủy ban Kiểm tra Trung ương (khóa XIII)",
     "Ủy ban Kiểm tra Trung ương"),
    ("Nghị định số 70/2018/NĐ-CP ngày 15/5/2018 của Chính phủ quy định việc quản lý",
     "Chính phủ"),
    ("Quyết định số 749/QĐ-TTg ngày 03/6/2020 của Thủ tướng Chính phủ phê duyệt Chương trình",
     "Thủ tướng Chính phủ"),
    ("Nghị quyết số 57-NQ/TW của Bộ Chính trị sau 3 tháng", "Bộ Chính trị"),
    ("Nghị định số 12/2024/NĐ-CP của Chính phủ trên địa bàn tỉnh", "Chính phủ"),
    ("Nghị quyết số 03/NQ-CP của Chính phủ và Nghị quyết số 57-NQ/TW", "Chính phủ"),
    ("Nghị quyết số 03/NQ-CP của Chính phủ và các bộ, ngành", "Chính phủ"),
    ("Nghị quyết số 08-NQ/TU của Ban Chấp hành Đảng bộ thành phố khóa XIV “về",
     "Ban Chấp hành Đảng bộ thành phố"),
])
def test_issuer_ends_with_the_body_name(raw: str, issuer: str) -> None:
    assert _cite(raw).references[0].issuer == issuer


def test_date_and_issuer_stated_before_the_citation() -> None:
    (ref,) = _cite("Ngày 15/3/2025, Ban Thường vụ Tỉnh ủy Hà Tĩnh ban hành Kế hoạch số "
                   "118-KH/TU thực hiện chuyển đổi số.").references
    assert (ref.issued, ref.issuer) == (date(2025, 3, 15), "Ban Thường vụ Tỉnh ủy Hà Tĩnh")
    (ref,) = _cite("Tỉnh ủy đã ban hành Nghị quyết số 05-NQ/TU về chuyển đổi số.").references
    assert (ref.issued, ref.issuer) == (None, "Tỉnh ủy")


def test_lead_in_lists_several_implemented_documents() -> None:
    c = _cite(
        "KẾ HOẠCH\n\nvề số\n\nThực hiện Nghị quyết số 57-NQ/TW, ngày 22/12/2024 của Bộ Chính trị "
        "về đột phá (sau đây gọi tắt là Nghị quyết số 57-NQ/TW); Kế hoạch số 01-KH/BCĐTW, ngày "
        "15/01/2025 của Ban Chỉ đạo Trung ương về thực hiện Nghị quyết số 57-NQ/TW và Hướng dẫn "
        "số 05-HD/BTGDVTW, ngày 20/01/2025 của Ban Tuyên giáo và Dân vận Trung ương, Ban Thường "
        "vụ Tỉnh ủy ban hành Kế hoạch như sau:\n\n1. Các cấp ủy quán triệt Chỉ thị số 05-CT/TW.\n")
    assert c.implements == ("57-NQ/TW@2024", "01-KH/BCĐTW@2025", "05-HD/BTGDVTW@2025")
    assert _relations(c) == {("01-KH/BCĐTW@2025", "57-NQ/TW@2024")}


@pytest.mark.parametrize("link", [
    "ban hành Chương trình hành động của Chính phủ thực hiện",
    "về Chương trình hành động của Chính phủ thực hiện",
    "về tiếp tục thực hiện",
    "về hướng dẫn thực hiện",  # a circular guiding how to carry it out
])
def test_programme_implementing_another_document_is_a_relation(link: str) -> None:
    c = _cite(f"Nghị quyết số 03/NQ-CP ngày 09/01/2025 của Chính phủ {link} Nghị quyết số "
              "57-NQ/TW, ngày 22/12/2024 của Bộ Chính trị.")
    assert _relations(c) == {("03/NQ-CP@2025", "57-NQ/TW@2024")}


@pytest.mark.parametrize("link", [
    "về việc ban hành Kế hoạch thực hiện",
    "sửa đổi, bổ sung cập nhật Chương trình hành động của Chính phủ thực hiện",
])
def test_relation_phrased_as_issuing_or_amending_a_programme(link: str) -> None:
    c = _cite(f"Căn cứ Nghị quyết số 71/NQ-CP ngày 01/4/2025 của Chính phủ\n{link} Nghị quyết "
              "số 57-NQ/TW ngày 22/12/2024 của Bộ Chính trị;")
    assert _relations(c) == {("71/NQ-CP@2025", "57-NQ/TW@2024")}
    assert c.references[0].issuer == "Chính phủ"


def test_letter_about_a_programme_implementing_a_document_is_no_relation() -> None:
    c = _cite("Theo đề nghị tại công văn số 83/BKHCN-BTTTT-VP ngày 08/01/2025 về Chương trình "
              "hành động của Chính phủ thực hiện Nghị quyết số 57-NQ/TW ngày 22/12/2024;")
    assert _relations(c) == set()


def test_relation_goes_on_to_further_targets_issued_before_the_source() -> None:
    c = _cite("Thực hiện Kế hoạch số 283/KH-UBND ngày 24/9/2025 của Uỷ ban nhân dân Tỉnh về "
              "thực hiện Nghị quyết số 71/NQ-CP ngày 01/5/2025 của Chính phủ và Chương trình "
              "hành động số 10-CTr/TU ngày 13/8/2025 của Ban Thường vụ Tỉnh uỷ;\n\nI. MỤC ĐÍCH\n")
    assert _relations(c) == {("283/KH-UBND@2025", "71/NQ-CP@2025"),
                             ("283/KH-UBND@2025", "10-CTr/TU@2025")}
    assert c.implements == ("283/KH-UBND@2025",)


@pytest.mark.parametrize("lead", [
    "Triển khai thực hiện Nghị quyết số 57-NQ/TW ngày 22/12/2024 của Bộ Chính trị; Quyết "
    "định số 1132/QĐ-TTg ngày 09/10/2024 của Thủ tướng Chính phủ. UBND Thành phố ban hành "
    "Kế hoạch như sau:",
    "Ủy ban nhân dân tỉnh ban hành Kế hoạch triển khai thực hiện Nghị quyết số 57-NQ/TW "
    "ngày 22/12/2024 của Bộ Chính trị và Quyết định số 1132/QĐ-TTg ngày 09/10/2024 như sau:",
])
def test_own_implements_from_carrying_out_lead_ins(lead: str) -> None:
    c = _cite(f"KẾ HOẠCH\n\nphát triển hạ tầng số\n\n{lead}\n\nI. MỤC ĐÍCH\n\n"
              "1. Triển khai Nghị quyết số 05-NQ/TU ngày 01/02/2025.\n")
    assert c.implements == ("57-NQ/TW@2024", "1132/QĐ-TTg@2024")


def test_a_purpose_concretising_documents_names_what_the_plan_implements() -> None:
    c = _cite("KẾ HOẠCH\n\nvề số\n\nI. MỤC ĐÍCH, YÊU CẦU\n\n1. Mục đích\n\n- Cụ thể hóa nhiệm "
              "vụ, giải pháp đề ra tại Nghị quyết số 57-NQ/TW ngày 22/12/2024 của Bộ Chính trị "
              "và Nghị quyết số 18-NQ/TU ngày 30/12/2022 của Thành ủy.\n\n2. Yêu cầu\n\n- Cụ thể "
              "hóa Quyết định số 12/QĐ-UBND ngày 01/3/2025.\n")
    assert c.implements == ("57-NQ/TW@2024", "18-NQ/TU@2022")


def test_news_page_implements_nothing() -> None:
    c = extract_citations("Tỉnh ủy ban hành Kế hoạch thực hiện Nghị quyết số 57-NQ/TW.\n",
                          "doc.txt", province=None, news=True)
    assert c.implements == ()


def test_plan_named_in_a_trailing_parenthesis_implements_what_precedes() -> None:
    c = _cite("Ủy ban nhân dân tỉnh đã ban hành Kế hoạch thực hiện Nghị quyết số 57-NQ/TW "
              "ngày 22/12/2024 của Bộ Chính trị (Kế hoạch số 45/KH-UBND ngày 01/3/2025).\n")
    assert _relations(c) == {("45/KH-UBND@2025", "57-NQ/TW@2024")}
    assert c.implements == ()


def test_a_decision_issuing_a_plan_in_a_lead_in_is_its_relation_not_ours() -> None:
    """blind6 G04: "Thực hiện Quyết định số N … ban hành Kế hoạch thực hiện Y … (Quyết định
    số N); Kế hoạch số M …": the plan implements N and M; N implements Y; and "(Quyết
    định số N)", N's short name, names no source of what precedes it."""
    c = _cite("KẾ HOẠCH\n\nThực hiện Quyết định số 709/QĐ-TTg ngày 23/7/2024 của Thủ tướng "
              "Chính phủ ban hành Kế hoạch thực hiện Kết luận số 69-KL/TW ngày 11/01/2024 của Bộ "
              "Chính trị tiếp tục thực hiện Nghị quyết số 20-NQ/TW ngày 01/11/2012 về phát triển "
              "khoa học và công nghệ (Quyết định số 709/QĐ-TTg); Kế hoạch số 183-KH/TU ngày "
              "18/3/2024 của Ban Thường vụ Tỉnh ủy thực hiện Kết luận số 69-KL/TW, Ủy ban nhân "
              "dân tỉnh ban hành Kế hoạch như sau:\n")
    assert set(c.implements) == {"709/QĐ-TTg@2024", "183-KH/TU@2024"}
    assert _relations(c) == {("709/QĐ-TTg@2024", "69-KL/TW@2024"),
                             ("69-KL/TW@2024", "20-NQ/TW@2012"),
                             ("183-KH/TU@2024", "69-KL/TW@2024")}


def test_relations_of_sources_listed_together_and_of_a_letter_sent_about_a_document() -> None:
    """blind5 F11: "X và Z về kế hoạch chi tiết triển khai Y" links both; "Văn bản số N gửi
    các bộ, ngành về việc triển khai Y" links N."""
    c = _cite("Bộ đã ban hành Quyết định số 1092/QĐ-BTTTT ngày 16/6/2022 và Quyết định số "
              "1491/QĐ-BTTTT ngày 09/8/2022 về kế hoạch chi tiết triển khai Quyết định số "
              "505/QĐ-TTg ngày 22/4/2022 của Thủ tướng Chính phủ.\n\nNgày 16/8/2022, Bộ đã có "
              "Văn bản số 4247/BTTTT-THH gửi các bộ, ngành, địa phương về việc triển khai Quyết "
              "định số 505/QĐ-TTg ngày 22/4/2022.\n")
    assert _relations(c) == {("1092/QĐ-BTTTT@2022", "505/QĐ-TTg@2022"),
                             ("1491/QĐ-BTTTT@2022", "505/QĐ-TTg@2022"),
                             ("4247/BTTTT-THH@2022", "505/QĐ-TTg@2022")}


def test_a_date_before_a_long_issuer_dates_the_citation() -> None:
    """blind5 F7: twelve words of issuer between the date and the citation."""
    c = _cite("Ngày 13 tháng 9 năm 2022, Chủ tịch Viện Hàn lâm Khoa học và Công nghệ Việt Nam "
              "đã ký Quyết định số 1519/QĐ-VHL về Ngày Chuyển đổi số.\n")
    [ref] = c.references
    assert (ref.key, ref.issued) == ("1519/QĐ-VHL@2022", date(2022, 9, 13))


@pytest.mark.parametrize(("raw", "replaces", "amends"), [
    ("KẾ HOẠCH\n\nvề số\n\nNội dung.\n\nKế hoạch này thay thế Kế hoạch số 12-KH/TU ngày "
     "01/3/2020 của Ban Thường vụ Tỉnh ủy.\n", ("12-KH/TU@2020",), ()),
    ("QUYẾT ĐỊNH\n\nVề số\n\nQuyết định này có hiệu lực kể từ ngày ký và thay thế Quyết định "
     "số 5/QĐ-UBND ngày 01/01/2020.\n", ("5/QĐ-UBND@2020",), ()),
    ("CÔNG VĂN\n\nV/v sửa đổi, bổ sung Kế hoạch số 45-KH/TU ngày 01/3/2025\n\nKính gửi: các sở\n",
     (), ("45-KH/TU@2025",)),
    ("87. Sửa đổi hoặc ban hành thay thế Quyết định số 37/2018/QĐ-TTg của Thủ tướng.\n", (), ()),
])
def test_own_replaces_and_amends(raw: str, replaces: tuple[str, ...],
                                 amends: tuple[str, ...]) -> None:
    c = _cite(raw)
    assert (c.replaces, c.amends) == (replaces, amends)


def test_replaces_and_amends_between_cited_documents() -> None:
    c = _cite("Căn cứ Quyết định số 20/QĐ-UBND ngày 01/6/2025 của UBND tỉnh thay thế Quyết định "
              "số 5/QĐ-UBND ngày 01/01/2020; Nghị quyết số 30/NQ-CP ngày 01/2/2025 sửa đổi, bổ "
              "sung một số nội dung của Nghị quyết số 10/NQ-CP ngày 01/01/2024.\n")
    assert {(r.source, r.rel, r.target) for r in c.cited_relations} == {
        ("20/QĐ-UBND@2025", "replaces", "5/QĐ-UBND@2020"),
        ("30/NQ-CP@2025", "amends", "10/NQ-CP@2024")}


@pytest.mark.parametrize("raw", [
    "NGHỊ QUYẾT\n\nBAN HÀNH CHƯƠNG TRÌNH HÀNH ĐỘNG CỦA CHÍNH PHỦ THỰC HIỆN NGHỊ QUYẾT SỐ "
    "15-NQ/TW NGÀY 05 THÁNG 5 NĂM 2022 CỦA BỘ CHÍNH TRỊ\n\nCHÍNH PHỦ\n",
    "NGHỊ QUYẾT\n\nvề Thủ đô\n\nĐiều 1. Ban hành kèm theo Nghị quyết này Chương trình hành "
    "động của Chính phủ thực hiện Nghị quyết số 15-NQ/TW ngày 05 tháng 5 năm 2022 của Bộ "
    "Chính trị.\n",
])
def test_implements_from_issuing_a_programme_that_carries_out(raw: str) -> None:
    assert _cite(raw).implements == ("15-NQ/TW@2022",)


def test_relation_through_triển_khai_and_a_lower_case_plan() -> None:
    c = _cite("UBND tỉnh đã ban hành Kế hoạch 10345/KH-UBND ngày 01/12/2025 triển khai Nghị "
              "định 269/2025/NĐ-CP về đô thị thông minh; Quyết định số 570/QĐ-UBND ngày "
              "21/3/2021 về việc ban hành kế hoạch triển khai thực hiện Nghị quyết số "
              "09/NQ-TU ngày 01/11/2021.\n")
    assert _relations(c) == {("10345/KH-UBND@2025", "269/2025/NĐ-CP@2025"),
                             ("570/QĐ-UBND@2021", "09/NQ-TU@2021")}


def test_year_and_date_stated_around_a_citation() -> None:
    c = _cite("Ngày 13/9/2025, Thủ tướng Chính phủ đã có Chỉ thị 24/CT-TTg năm 2025 về việc "
              "thúc đẩy; Chỉ thị 24/CT-TTg yêu cầu.\n")
    assert _keys(c) == ["24/CT-TTg@2025"]
    assert _keys(_cite("Chỉ thị số 05/CT-UBND năm 2024 về chuyển đổi số.\n")) == [
        "05/CT-UBND@2024"]


def test_a_year_of_work_does_not_redate_a_dated_citation() -> None:
    c = _cite("Nghị quyết số 57-NQ/TW ngày 22/12/2024 của Bộ Chính trị; triển khai Nghị quyết "
              "số 57-NQ/TW năm 2025.\n")
    assert _keys(c) == ["57-NQ/TW@2024"] and c.warnings == ()


def test_a_labelled_number_with_its_issuers_acronym_alone_is_a_reference() -> None:
    """"Văn bản số 196/LHHVN" (Liên hiệp các Hội KH&KT Việt Nam) has no type code; it is
    read where a label names a document, not as any "N/XY" in the text."""
    found = extract_citations("Thực hiện Văn bản số 196/LHHVN về việc tổ chức giải thưởng, "
                              "trong đó 30/TW và tỷ lệ 5/KCN không phải văn bản.", "x.txt",
                              province=None)
    assert [(r.number, r.kind) for r in found.references] == [("196/LHHVN", DocumentKind.Other)]


def test_a_short_form_names_the_one_cited_number_it_fits() -> None:
    """"Kế hoạch số 01" after "Kế hoạch số 01-KH/BCĐTW … (Kế hoạch số 01)" is that plan;
    a list's next item after a comma is not what the plan carries out."""
    found = _cite("Thực hiện Kế hoạch số 01-KH/BCĐTW ngày 21/3/2025 của Ban Chỉ đạo Trung "
                     "ương về Bình dân học vụ số (Kế hoạch số 01), Quyết định số 899/QĐ-BGDĐT "
                     "ngày 04/4/2025 ban hành Kế hoạch hành động thực hiện Kế hoạch số 01, "
                     "Thông tư số 02/2025/TT-BGDĐT ngày 24/01/2025 quy định Khung năng lực số.\n",
                     None)
    assert [(r.source, r.target) for r in found.cited_relations] == [
        ("899/QĐ-BGDĐT@2025", "01-KH/BCĐTW@2025")]


def test_a_short_form_several_cited_numbers_fit_names_none() -> None:
    found = _cite("Căn cứ Kế hoạch số 01-KH/TU ngày 02/01/2025 và Kế hoạch số 01/KH-UBND "
                     "ngày 05/01/2025; Quyết định số 12/QĐ-UBND ngày 10/02/2025 ban hành Kế "
                     "hoạch thực hiện Kế hoạch số 01.\n", None)
    assert found.cited_relations == ()
