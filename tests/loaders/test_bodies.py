"""Splitting lists of bodies and canonical body entities."""

from __future__ import annotations

import pytest

from policykg.loaders.bodies import (
    body_phrase_end,
    canonical_bodies,
    canonical_body,
    split_bodies,
    starts_with_body,
)
from policykg.loaders.tasks import extract_tasks


@pytest.mark.parametrize(("phrase", "expected"), [
    ("Các cấp ủy, chính quyền, thủ trưởng các đơn vị, địa phương",
     ["Các cấp ủy, chính quyền", "thủ trưởng các đơn vị, địa phương"]),
    ("Ban Tuyên giáo, Dân vận Tỉnh ủy, Ủy ban Mặt trận Tổ quốc và các đoàn thể",
     ["Ban Tuyên giáo, Dân vận Tỉnh ủy", "Ủy ban Mặt trận Tổ quốc", "các đoàn thể"]),
    ("các cấp uỷ, tổ chức đảng, chính quyền và đoàn thể các cấp",
     ["các cấp uỷ, tổ chức đảng, chính quyền và đoàn thể các cấp"]),
    ("Sở Khoa học và Công nghệ và các sở, ngành, địa phương liên quan",
     ["Sở Khoa học và Công nghệ", "các sở, ngành, địa phương liên quan"]),
    ("Ban cán sự đảng Ủy ban nhân dân tỉnh; các huyện ủy, thành ủy",
     ["Ban cán sự đảng Ủy ban nhân dân tỉnh", "các huyện ủy, thành ủy"]),
    ("Sở Tài chính, Sở Nội vụ", ["Sở Tài chính", "Sở Nội vụ"]),
    ("Ban Bí thư Trung ương Đoàn Thanh niên Cộng sản Hồ Chí Minh, hội quần chúng",
     ["Ban Bí thư Trung ương Đoàn Thanh niên Cộng sản Hồ Chí Minh", "hội quần chúng"]),
    ("Thủ trưởng cơ quan ngang bộ, cơ quan thuộc Chính phủ",
     ["Thủ trưởng cơ quan ngang bộ, cơ quan thuộc Chính phủ"]),
    ("Các thành viên Đảng đoàn Quốc hội, Tổ trưởng Tổ đảng, Chủ nhiệm Văn phòng Quốc hội",
     ["Các thành viên Đảng đoàn Quốc hội", "Tổ trưởng Tổ đảng", "Chủ nhiệm Văn phòng Quốc hội"]),
    ("", []),
])
def test_split_bodies(phrase: str, expected: list[str]) -> None:
    assert split_bodies(phrase) == expected


@pytest.mark.parametrize(("clause", "subject"), [
    ("Ban Tuyên giáo Tỉnh ủy hướng dẫn các huyện ủy triển khai", "Ban Tuyên giáo Tỉnh ủy"),
    ("Các cơ quan tham mưu, giúp việc Tỉnh ủy căn cứ chức năng",
     "Các cơ quan tham mưu, giúp việc Tỉnh ủy"),
    ("Các cấp ủy, chính quyền tổ chức phổ biến nội dung", "Các cấp ủy, chính quyền"),
    ("các tổ chức, cá nhân đẩy mạnh phát triển", "các tổ chức, cá nhân"),
    ("Các Trung tâm Phục vụ hành chính công các cấp công khai thông tin",
     "Các Trung tâm Phục vụ hành chính công các cấp"),
    ("Thủ đô Hà Nội chủ động phát triển", "Thủ đô Hà Nội"),
])
def test_body_phrase_ends_before_the_verb(clause: str, subject: str) -> None:
    assert clause[:body_phrase_end(clause)] == subject


def test_spellings_of_one_body_are_one_entity() -> None:
    a = canonical_body("Ban cán sự Đảng UBND tỉnh", province="Kon Tum")
    b = canonical_body("Ban cán sự đảng Ủy ban nhân dân tỉnh", province="Kon Tum")
    assert a.id == b.id == "kon-tum:ban-can-su-dang-uy-ban-nhan-dan-tinh"
    assert a.name == b.name == "Ban cán sự đảng Ủy ban nhân dân tỉnh Kon Tum"
    assert "Ban cán sự Đảng UBND tỉnh" in a.aliases


def test_committee_body_is_scoped_and_part_of_its_committee() -> None:
    body = canonical_body("Ban Tuyên giáo Tỉnh uỷ", province="Kon Tum")
    assert (body.id, body.name, body.scope) == (
        "kon-tum:ban-tuyen-giao-tinh-uy", "Ban Tuyên giáo Tỉnh ủy Kon Tum", "kon-tum")
    assert (body.part_of, body.part_of_name) == ("kon-tum:tinh-uy", "Tỉnh ủy Kon Tum")
    assert not body.collective


def test_central_body_has_central_scope() -> None:
    body = canonical_body("Bộ Chính trị", province="Kon Tum")
    assert (body.id, body.scope, body.name) == ("tw:bo-chinh-tri", "tw", "Bộ Chính trị")
    assert canonical_body("Ban Tuyên giáo Trung ương", province=None).part_of == \
        "tw:ban-chap-hanh-trung-uong"


def test_collective_addressee() -> None:
    body = canonical_body("các huyện ủy, thành ủy", province="Kon Tum")
    assert body.collective
    assert body.name == "các huyện ủy, thành ủy"
    assert body.part_of is None
    assert body.id == "kon-tum:cac-huyen-uy-thanh-uy"


def test_shared_head_boards_are_one_entity_each() -> None:
    bodies = canonical_bodies("Ban Tuyên giáo, Dân vận Tỉnh ủy", province="Bắc Kạn")
    assert [(b.name, b.collective) for b in bodies] == [
        ("Ban Tuyên giáo Tỉnh ủy Bắc Kạn", False), ("Ban Dân vận Tỉnh ủy Bắc Kạn", False)]
    assert [b.part_of for b in bodies] == ["bac-kan:tinh-uy", "bac-kan:tinh-uy"]


@pytest.mark.parametrize(("surface", "names"), [
    ("Ban Tuyên giáo và Dân vận Tỉnh ủy", ["Ban Tuyên giáo và Dân vận Tỉnh ủy Kon Tum"]),
    ("Sở Văn hóa, Thể thao và Du lịch", ["Sở Văn hóa, Thể thao và Du lịch"]),
    ("Ban Tổ chức, Tuyên giáo Trung ương", ["Ban Tổ chức Trung ương", "Ban Tuyên giáo Trung ương"]),
    ("Sở Tài chính, Sở Nội vụ và các sở, ngành liên quan",
     ["Sở Tài chính", "Sở Nội vụ", "các sở, ngành liên quan"]),
])
def test_canonical_bodies_split_only_lists(surface: str, names: list[str]) -> None:
    assert [b.name for b in canonical_bodies(surface, province="Kon Tum")] == names


def test_collective_addressees_stay_collective() -> None:
    (sectors,) = canonical_bodies("các sở, ngành", province="Kon Tum")
    assert sectors.collective
    assert not canonical_body("Sở Văn hóa, Thể thao và Du lịch", province="Kon Tum").collective


@pytest.mark.parametrize(("clause", "subject"), [
    ("Ủy ban Kiểm tra Tỉnh ủy đưa nội dung vào chương trình", "Ủy ban Kiểm tra Tỉnh ủy"),
    ("Các tỉnh ủy, thành ủy, đảng ủy trực thuộc Trung ương tổ chức học tập",
     "Các tỉnh ủy, thành ủy, đảng ủy trực thuộc Trung ương"),
    ("Ủy ban Kiểm tra Tỉnh ủy chủ trì, phối hợp", "Ủy ban Kiểm tra Tỉnh ủy"),
])
def test_body_ends_at_unlisted_verb_after_a_committee(clause: str, subject: str) -> None:
    assert clause[:body_phrase_end(clause)] == subject


@pytest.mark.parametrize(("clause", "subject"), [
    ("BHXH các tỉnh có văn bản đề nghị các cơ sở", "BHXH các tỉnh"),
    ("Bảo hiểm xã hội Việt Nam hướng dẫn thực hiện", "Bảo hiểm xã hội Việt Nam"),
    ("Bảo hiểm xã hội tỉnh chủ trì thẩm định", "Bảo hiểm xã hội tỉnh"),
])
def test_an_agency_named_after_what_it_runs_is_a_body_with_its_place(
        clause: str, subject: str) -> None:
    assert starts_with_body(clause)
    assert clause[:body_phrase_end(clause)] == subject


def test_a_projects_investor_is_a_body() -> None:
    clause = "Chủ đầu tư chịu trách nhiệm toàn diện trước Bộ trưởng"
    assert starts_with_body(clause) and clause[:body_phrase_end(clause)] == "Chủ đầu tư"


def test_the_thing_an_agency_runs_is_no_body() -> None:
    assert not starts_with_body("Bảo hiểm xã hội bắt buộc được áp dụng")


@pytest.mark.parametrize(("clause", "subject"), [
    ("Tổng cục thống kê có trách nhiệm phối hợp", "Tổng cục thống kê"),
    ("Cục quản lý dược phối hợp với các sở", "Cục quản lý dược"),
    ("Tổng cục quản lý ruộng đất xây dựng quy trình", "Tổng cục quản lý ruộng đất"),
    ("Sở xây dựng chủ trì thẩm định", "Sở xây dựng"),
    ("Bộ chỉ đạo các cơ quan trực thuộc", "Bộ"),  # a ministry's bare head governs
])
def test_a_lower_case_name_goes_on_after_its_bare_head(clause: str, subject: str) -> None:
    assert clause[:body_phrase_end(clause)] == subject


@pytest.mark.parametrize(("item", "owners"), [
    ("Đài Phát thanh và Truyền hình tỉnh, Báo Bắc Ninh mở chuyên mục.",
     ("Đài Phát thanh và Truyền hình tỉnh", "Báo Bắc Ninh")),
    ("Trường Đại học Bắc Ninh đào tạo nhân lực số.", ("Trường Đại học Bắc Ninh",)),
    ("Sở Giáo dục và Đào tạo bồi dưỡng giáo viên.", ("Sở Giáo dục và Đào tạo",)),
    ("Các cơ sở đào tạo, bồi dưỡng giáo viên cập nhật chương trình.",
     ("Các cơ sở đào tạo, bồi dưỡng giáo viên",)),
    ("Hoàn thiện hạ tầng số. Cơ quan chủ trì: Sở Thông tin và Truyền thông.",
     ("Sở Thông tin và Truyền thông",)),
])
def test_a_name_ends_at_the_verb_after_it(item: str, owners: tuple[str, ...]) -> None:
    """Lower-case verbs end a name ("mở", "đào tạo", "bồi dưỡng"), unless a noun before them
    makes them part of it ("cơ sở đào tạo"); a field's label is no body ("Cơ quan chủ trì:")."""
    [task] = extract_tasks("II. NHIỆM VỤ\n\n- " + item + "\n", "x").tasks
    assert task.owners == owners


def test_two_ministries_run_together_are_two_bodies() -> None:
    """A table cell's lines run together; a name holds its head once ("Văn phòng Bộ …")."""
    assert split_bodies("Bộ Thông tin và Truyền thông Bộ Khoa học và Công nghệ") == [
        "Bộ Thông tin và Truyền thông", "Bộ Khoa học và Công nghệ"]
    assert split_bodies("Văn phòng Bộ Khoa học và Công nghệ") == [
        "Văn phòng Bộ Khoa học và Công nghệ"]
    assert split_bodies("Bộ trưởng Bộ Công an") == ["Bộ trưởng Bộ Công an"]  # a role of it


def test_a_class_of_bodies_named_by_its_members_is_one_owner() -> None:
    text = ("III. NHIỆM VỤ\n\nl) Ủy ban nhân dân các thành phố: Hà Nội, Cần Thơ\nthực hiện "
            "nghiêm chỉ đạo của Thủ tướng Chính phủ tại Công văn số 10704/VPCP-KSTT.\n")
    [task] = extract_tasks(text, "x").tasks
    assert task.owners == ("Ủy ban nhân dân các thành phố: Hà Nội, Cần Thơ",)


def test_a_team_is_a_body_and_organising_is_not() -> None:
    """blind6 G06: "Tổ công nghệ số cộng đồng" heads the items under it; "Tổ chức …" (to
    organise) and "Tổ quốc" open no body."""
    text = ("II. NHIỆM VỤ\n\n1. Nhiệm vụ của Tổ công nghệ số cộng đồng:\n\n- Thông tin, tuyên "
            "truyền đến từng gia đình về chuyển đổi số.\n\n2. Tổ chức hội nghị quán triệt "
            "trong quý II.\n")
    tasks = extract_tasks(text, "x").tasks
    assert [t.owners for t in tasks] == [("Tổ công nghệ số cộng đồng",), ()]
    assert not starts_with_body("Tổ chức hội nghị") and not starts_with_body("Tổ quốc")


def test_a_head_typed_with_both_syllables_capitalised_opens_a_body() -> None:
    """"Tổng Cục Quản lý ruộng đất có trách nhiệm:" (as a 1980 text types it)."""
    assert starts_with_body("Tổng Cục Quản lý ruộng đất có trách nhiệm:")
    assert starts_with_body("Ủy Ban nhân dân tỉnh chỉ đạo")
