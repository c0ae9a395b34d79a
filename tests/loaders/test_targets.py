"""Numeric targets: value, unit, qualifier, metric, year and clause."""

from __future__ import annotations

import pytest

from policykg.loaders.targets import extract_targets
from policykg.loaders.tasks import extract_tasks

TEXT = "\n".join([
    "I. MỤC TIÊU",
    "",
    ("1. Phấn đấu đến năm 2030, kinh tế số chiếm tỷ trọng trên 20% GRDP. Tỷ lệ doanh "
     "nghiệp ứng dụng công nghệ đạt khoảng 40-50%/năm."),
    "",
    ("2. Có ít nhất 50 doanh nghiệp khoa học và công nghệ được công nhận; phấn đấu tỷ "
     "lệ bác sĩ đạt mức 12 người/1 vạn dân."),
    "",
    "II. NHIỆM VỤ",
    "",
    ("- Tổng kết 6 tháng đầu năm 2024, kế hoạch 5 năm 2021-2025 theo Nghị quyết số "
     "57-NQ/TW ngày 22/12/2024 và Quyết định 1131/QĐ-TTg."),
    "",
    ("- Bảo đảm chi ngân sách cho khoa học và công nghệ tối thiểu 2% tổng chi ngân "
     "sách hằng năm."),
    "",
])


def test_targets_values_units_qualifiers_and_years() -> None:
    found = extract_targets(TEXT, "t.txt", ())
    assert [(t.value, t.unit, t.qualifier, t.year) for t in found] == [
        ("20", "%", "trên", 2030),
        ("40-50", "%/năm", "khoảng", 2030),
        ("50", "doanh nghiệp", "ít nhất", None),
        ("12", "người/1 vạn dân", None, None),
        ("2", "%", "tối thiểu", None),
    ]


def test_target_text_starts_at_sentence_or_clause() -> None:
    found = extract_targets(TEXT, "t.txt", ())
    assert [t.text.split()[:3] for t in found] == [
        ["Phấn", "đấu", "đến"], ["Tỷ", "lệ", "doanh"], ["Có", "ít", "nhất"],
        ["phấn", "đấu", "tỷ"], ["Bảo", "đảm", "chi"]]
    for t in found:
        assert t.provenance.span is not None
        assert " ".join(TEXT[t.provenance.span.start:t.provenance.span.end].split()) == t.text


def test_metric_is_described_with_qualifier() -> None:
    found = extract_targets(TEXT, "t.txt", ())
    assert found[1].metric == "tỷ lệ doanh nghiệp ứng dụng công nghệ (khoảng)"
    assert found[2].metric.startswith("số doanh nghiệp khoa học và công nghệ được công nhận")
    assert found[2].metric.endswith("(ít nhất)")
    assert found[3].metric == "tỷ lệ bác sĩ"


def test_task_index_links_targets_inside_tasks() -> None:
    tasks = extract_tasks(TEXT, "t.txt").tasks
    found = extract_targets(TEXT, "t.txt", tasks)
    assert [t.task_index for t in found] == [None, None, None, None, 1]
    assert tasks[1].text.startswith("Bảo đảm chi ngân sách")


def test_periods_dates_and_numbers_are_not_targets() -> None:
    text = ("Sơ kết 6 tháng đầu năm 2017; kế hoạch 5 năm 2021-2025; Hội nghị Trung ương 6 "
            "(khóa XI), nhiệm kỳ 2015 - 2020, Chỉ thị 05-CT/TW, ngày 15/5/2016, đến năm 2030.")
    assert extract_targets(text, "x", ()) == ()


def test_reported_figures_are_not_targets_and_horizon_is_scoped() -> None:
    text = "\n".join([
        "Năm 2024, kinh tế số chiếm khoảng 16,5% GRDP.",
        "I. ĐÁNH GIÁ TÌNH HÌNH", "Tỷ lệ hồ sơ trực tuyến đạt 68%.",
        "II. MỤC TIÊU", "1. Mục tiêu đến năm 2030",
        "a) Có 5 tổ chức khoa học và công nghệ đạt trình độ khu vực.",
        "2. Phát triển nhân lực",
        "- Phấn đấu đến năm 2026 có ít nhất 80% cán bộ được bồi dưỡng kỹ năng số.",
        "- Hỗ trợ ít nhất 20 doanh nghiệp khởi nghiệp mỗi năm.",
        "Tin liên quan:", "- Hơn 85% thủ tục được cung cấp trực tuyến",
    ])
    found = extract_targets(text, "t.txt", ())
    assert [(t.value, t.year) for t in found] == [("5", 2030), ("80", 2026), ("20", None)]


def _found(text: str) -> list[tuple[str, str | None, int | None]]:
    return [(t.value, t.unit, t.year) for t in extract_targets(text, "t.txt", ())]


def test_units_glued_to_figures_and_goals_in_parentheses() -> None:
    text = ("I. MỤC TIÊU\n\n- Video Full HD: tốc độ tải xuống đạt tối thiểu 5Mbit/s (95% truy "
            "nhập đạt yêu cầu).\n\n- Phủ sóng 5G cho 10 doanh nghiệp.\n")
    assert _found(text) == [("5", "Mbit/s", None), ("95", "%", None),
                            ("10", "doanh nghiệp", None)]


def test_each_horizon_of_a_clause_has_its_goal_and_due_years_follow_figures() -> None:
    text = ("II. MỤC TIÊU\n\n- GRDP bình quân đầu người đến năm 2025 đạt khoảng 8.300-8.500 "
            "USD, đến năm 2030 đạt khoảng 12.000 - 13.000 USD.\n\n- Đầu tư cho khoa học đạt "
            "1,5% GDP vào năm 2015, trên 2% GDP vào năm 2020.\n\n- Chỉ số HDI duy trì trên "
            "0,7.\n\n- Phấn đấu đến năm 2025, có từ 3-5 huyện phát triển thành quận.\n")
    assert _found(text) == [("8300-8500", "USD", 2025), ("12000-13000", "USD", 2030),
                            ("1.5", "%", 2015), ("2", "%", 2020), ("0.7", None, None),
                            ("3-5", "huyện", 2025)]


def test_a_schedule_of_quotas_gives_targets_not_tasks() -> None:
    """A year label or a horizon's completion makes a count a goal without a goal word;
    by the conventions only a horizon ("Đến năm") gives the year."""
    text = ("1. Chuyển đổi số cấp huyện\n\nĐến năm 2025, hoàn thành chuyển đổi số tại 12 "
            "huyện, thị xã, thành phố.\n\n2. Chuyển đổi số cấp xã\n\nSố xã hoàn thành chuyển "
            "đổi số theo từng năm, cụ thể như sau:\n\n- Năm 2022: 94 xã, phường, thị trấn.\n\n"
            "- Năm 2023: 132 xã, phường, thị trấn.\n\n- Giai đoạn 2024-2025: 251 xã.\n")
    tasks = extract_tasks(text, "t.txt").tasks
    assert not any(t.text.startswith(("Năm", "Giai đoạn")) for t in tasks)
    assert [(t.value, t.unit, t.year) for t in extract_targets(text, "t.txt", tasks)] == [
        ("12", "huyện", 2025), ("94", "xã", None), ("132", "xã", None), ("251", "xã", None)]


def test_a_count_in_a_task_is_no_target_without_a_goal() -> None:
    text = "II. NHIỆM VỤ\n\n- Năm 2025, tổ chức 3 hội nghị tại 5 huyện.\n"
    assert extract_targets(text, "t.txt", extract_tasks(text, "t.txt").tasks) == ()


def test_goals_without_a_goal_word_before_them() -> None:
    """A horizon without its comma ("đến năm 2030 có thêm 1-2 huyện"), a share where it is
    reached ("tại 100% các cảng"), a share opening its clause (", 100% người dân được …")."""
    text = ("II. NHIỆM VỤ\n\n- Phấn đấu đến năm 2025, có từ 3-5 huyện phát triển thành quận; đến "
            "năm 2030 có thêm 1-2 huyện phát triển thành quận.\n\n- Triển khai xác thực điện "
            "tử, thực hiện toàn trình tại 100% các cảng hàng không.\n\n- Năm 2025, hoàn thành hồ "
            "sơ sức khỏe điện tử toàn dân, 100% người dân được khám sức khỏe định kỳ.\n\n"
            "- Hỗ trợ doanh nghiệp với tỷ lệ 1% doanh thu, 30% trong số đó là vốn vay.\n")
    found = extract_targets(text, "t.txt", extract_tasks(text, "t.txt").tasks)
    assert [(t.value, t.year) for t in found] == [
        ("3-5", 2025), ("1-2", 2030), ("100", None), ("100", None)]


def test_a_floor_in_a_paragraph_under_no_heading_is_a_target() -> None:
    """blind6 G11: "… ở mỗi xã, phường, thị trấn ít nhất 03 Tổ để …" in a news page's prose;
    the unit stops before "để"."""
    text = ("Theo đó, UBND tỉnh giao các huyện thành lập Tổ công nghệ số cộng đồng ở mỗi xã, "
            "phường, thị trấn ít nhất 03 Tổ để tổ chức thực hiện.\n")
    [target] = extract_targets(text, "x", ())
    assert (target.value, target.unit, target.year) == ("03", "Tổ", None)
    assert extract_targets("Hiện nay, toàn tỉnh có 35 Tổ công nghệ số.\n", "x", ()) == ()


def test_a_count_after_a_time_adverbial_is_a_goal() -> None:
    """blind7 H07: "Hằng năm, có 7.000 ý tưởng …" opens its clause with "có" after the
    adverbial."""
    [target] = extract_targets("2. Hằng năm, có 7.000 ý tưởng, giải pháp sáng tạo được "
                               "triển khai.\n", "x", ())
    assert (target.value, target.unit) == ("7000", "ý tưởng")


def test_a_percentage_of_what_a_goal_verb_acts_on_is_a_goal() -> None:
    """blind7 H06: "Số hóa dữ liệu của 75% hộ sản xuất nông nghiệp"."""
    [target] = extract_targets("II. NHIỆM VỤ\n\n- Khuyến khích người dân mở tài khoản; Số hóa dữ "
                               "liệu của 75% hộ sản xuất nông nghiệp.\n", "x", ())
    assert target.value == "75"
    assert extract_targets("Hiện nay, dữ liệu của 75% hộ đã được số hóa.\n", "x", ()) == ()


def test_the_end_of_a_year_is_a_horizon() -> None:
    """blind8 J08: "phấn đấu đến cuối năm 2026, tỷ lệ … đạt 100%" sets the year."""
    [target] = extract_targets("Xã đặt mục tiêu phấn đấu đến cuối năm 2026, tỷ lệ gia đình số "
                               "đạt 100%.\n", "x", ())
    assert (target.value, target.year) == ("100", 2026)


@pytest.mark.parametrize(("text", "values"), [
    # a budget's share and a threshold of a budget: funding rules, not goals
    ("II. MỨC HỖ TRỢ\n1. Đối với địa phương nhận bổ sung từ ngân sách trung ương trên 70% dự "
     "toán chi thì ngân sách trung ương hỗ trợ 95%, ngân sách địa phương hỗ trợ 5%.\n", []),
    # "nhà ở đã có," (the houses there are) reports nothing: the floor is a goal
    ("II. MỤC TIÊU\n1. Sau khi được hỗ trợ, các hộ sửa chữa nhà ở đã có, đảm bảo diện tích sử "
     "dụng tối thiểu 30 m2.\n", ["30"]),
])
def test_funding_rules_are_no_targets_and_existing_is_no_report(text: str, values: list[str]
                                                                 ) -> None:
    assert [t.value for t in extract_targets(text, "x", ())] == values


def test_a_rate_a_policy_sets_is_no_target() -> None:
    """"Định suất cơ bản từ 80.000 đồng/người/tháng lên 240.000 đồng/người/tháng", "…, mức
    trợ cấp bằng 2.000.000 đồng" set allowances; a figure a goal leads beside them still is
    one."""
    text = ("Điều 1. Nâng mức trợ cấp, như sau:\n- Định suất cơ bản từ 80.000 đồng/người/tháng "
            "lên 240.000 đồng/người/tháng;\n- Có đủ 2 năm công tác trở xuống, mức trợ cấp bằng "
            "2.000.000 đồng;\n- Phấn đấu 100% người có công được chi trả đúng hạn.\n")
    assert [t.value for t in extract_targets(text, "t.txt", ())] == ["100"]
