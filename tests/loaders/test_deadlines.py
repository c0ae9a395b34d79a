"""Deadline phrases and their normalised values."""

from __future__ import annotations

import pytest

from policykg.loaders.deadlines import deadline_from_field, find_deadline
from policykg.ontology.records import Span


@pytest.mark.parametrize(("text", "value", "phrase"), [
    ("triển khai thực hiện; hoàn thành **trong quý II-2024**.", "2024-Q2", "quý II-2024"),
    ("báo cáo kết quả Quý IV/2020", "2020-Q4", "Quý IV/2020"),
    ("hoàn thành trong quý I năm 2025", "2025-Q1", "quý I năm 2025"),
    ("hoàn thành trước ngày 30/6/2025.", "2025-06-30", "hoàn thành trước ngày 30/6/2025"),
    ("xong trong tháng 6/2025", "2025-06", "xong trong tháng 6/2025"),
    ("hoàn thành trong năm 2025", "2025", "hoàn thành trong năm 2025"),
    ("các huyện ủy, thành ủy lãnh đạo thực hiện thường xuyên.*", "recurring",
     "thực hiện thường xuyên"),
    ("Tập trung rà soát các mục tiêu, chỉ tiêu, nhiệm vụ chủ yếu năm 2017 đã được giao, "
     "phấn đấu hoàn thành vượt mức kế hoạch.", "2017", "2017"),
])
def test_deadline_forms(text: str, value: str, phrase: str) -> None:
    found = find_deadline(text, offset=100, source="doc.txt")
    assert found is not None
    assert (found.value, found.phrase) == (value, phrase)
    span = found.provenance.span
    assert span is not None
    assert text[span.start - 100:span.end - 100] == phrase
    assert found.provenance.source == "doc.txt"


@pytest.mark.parametrize("text", [
    "Chiến lược phát triển khoa học, công nghệ đến năm 2030",
    "kế hoạch 5 năm giai đoạn 2021-2025",
    "Nghị quyết số 20-NQ/TW ngày 01/11/2012 của Ban Chấp hành Trung ương",
    "xác định đây là nhiệm vụ trọng tâm, thường xuyên, lâu dài, có ý nghĩa quan trọng",
    "thường xuyên giám sát, kiểm tra việc thực thi các cơ chế, chính sách",
    "bảo đảm tối thiểu 2% tổng chi ngân sách của tỉnh hàng năm. Thực hiện tốt việc đa dạng hóa",
    "trước ngày 31/13/2025",
])
def test_not_deadlines(text: str) -> None:
    assert find_deadline(text) is None


@pytest.mark.parametrize(("field", "value"), [
    ("Quý II/2025", "2025-Q2"), ("Tháng 12/2025", "2025-12"),
    ("Trước ngày 30/6/2025", "2025-06-30"),
    ("Năm 2025", "2025"), ("Hằng năm", "recurring"), ("Thường xuyên", "recurring"),
    ("2025 và những năm tiếp theo", "recurring"), ("2026 và các năm tiếp theo", "recurring"),
    ("Giai đoạn 2025 - 2030", None), ("Quý IV/2025- Quý II/2026", None),
    ("tháng 6/2025 - tháng 12/2025", None),
])
def test_time_fields(field: str, value: str | None) -> None:
    found = deadline_from_field(field, offset=7)
    assert (found.value if found else None) == value
    if found is not None:
        assert found.provenance.span == Span(start=7, end=7 + len(field))


def test_a_day_after_den_is_a_deadline() -> None:
    found = find_deadline("phấn đấu đến ngày 31/12/2025 giải ngân đạt trên 95% kế hoạch")
    assert found is not None and found.value == "2025-12-31"


@pytest.mark.parametrize(("text", "value"), [
    ("Định kỳ, Thường trực Ủy ban báo cáo kết quả thực hiện.", "recurring"),
    ("Định kỳ hàng năm, đánh giá tình hình thực hiện Nghị quyết.", "recurring"),
    ("Thường xuyên cải tạo, chỉnh trang đô thị.", "recurring"),
    ("Định kỳ hằng năm, báo cáo trước ngày 15/12/2025.", "2025-12-15"),
    ("Phát triển y tế phổ cập. Năm 2025, hoàn thành xây dựng hồ sơ sức khỏe điện tử.", "2025"),
])
def test_recurrence_opening_an_item_and_a_year_opening_a_completion(text: str,
                                                                    value: str) -> None:
    found = find_deadline(text)
    assert found is not None and found.value == value


def test_the_date_of_a_cited_resolution_is_no_plan_year() -> None:
    assert find_deadline("Cụ thể hóa các nhiệm vụ của Nghị quyết số 15-NQ/TW ngày 05 tháng 5 "
                         "năm 2022 để hoàn thành các mục tiêu.") is None


@pytest.mark.parametrize(("text", "value"), [
    ("Chỉ đạo UBND xã định kỳ hàng tháng báo cáo tốc độ truy nhập Internet về Sở.",
     "recurring"),
    ("Yêu cầu các cơ sở giáo dục tổng hợp ý kiến, báo cáo định kỳ về Sở GDĐT.", "recurring"),
    ("Các bộ chủ trì công bố hàng tháng danh mục giấy tờ đã tích hợp. Các Trung tâm công "
     "khai thông tin.", "recurring"),
    # the recurrence governs one of several actions, or a later clause only
    ("Ban Tuyên giáo chủ trì theo dõi, kiểm tra, sơ kết và định kỳ báo cáo Bộ Chính trị.",
     None),
    ("Văn phòng theo dõi, đánh giá kết quả thực hiện; định kỳ 6 tháng báo cáo kết quả.", None),
    ("Chủ trì thực hiện kế hoạch này; báo cáo định kỳ hoặc đột xuất khi có yêu cầu.", None),
    ("Văn phòng theo dõi tình hình thực hiện, định kỳ hằng quý báo cáo Ban Chỉ đạo.", None),
    ("Cụ thể hóa nhiệm vụ trong kế hoạch công tác hằng năm của cơ quan.", None),
])
def test_a_periodic_report_as_the_items_first_action_is_recurring(text: str,
                                                                   value: str | None) -> None:
    found = find_deadline(text)
    assert (found.value if found else None) == value


@pytest.mark.parametrize(("text", "value"), [
    ("Các bộ rà soát, kiến nghị sửa đổi văn bản; nhiệm vụ thường\nxuyên.", "recurring"),
    ("Ban hành hướng dẫn, hoàn\nthành trước ngày 25 tháng 11 năm\n2025.", "2025-11-25"),
])
def test_a_phrase_broken_over_lines_reads_as_one(text: str, value: str) -> None:
    """A wrapped copy keeps its breaks in a task's text: a break is a space."""
    found = find_deadline(text)
    assert found is not None and found.value == value


def test_the_year_of_the_tasks_given_is_no_deadline() -> None:
    found = find_deadline("Hoàn thành toàn bộ các nhiệm vụ được giao trong năm 2025, nhất là tại "
                          "Nghị quyết số 57-NQ/TW; hoàn thành trước ngày 25 tháng 11 năm 2025.")
    assert found is not None and found.value == "2025-11-25"


def test_the_date_a_count_is_taken_at_is_no_deadline() -> None:
    """blind7 H08: "(tính đến ngày 31/12/2024)" dates a statistic."""
    assert find_deadline("Xã có 30.000 người (tính đến ngày 31/12/2024), diện tích 20 km2.") \
        is None
    found = find_deadline("Số liệu tính đến ngày 30/6/2025; hoàn thành trước ngày 31/12/2025.")
    assert found is not None and found.value == "2025-12-31"


@pytest.mark.parametrize(("field", "value"), [
    ("Tháng 12/2013 và thường xuyên.", "2013-12"),  # the first explicit date
    ("Thường xuyên; hoàn thành trước tháng 12/2013.", "recurring"),
    ("Tháng 11, 12/2013 và bổ sung, sửa đổi hàng năm.", None),  # a window of months
    ("Từ tháng 11/2013 trở đi.", None),  # a start
    ("Từ năm 2013 đến năm 2020 và tiếp theo.", None),  # a period
])
def test_a_time_field_names_its_first_completion_date_not_a_start_or_window(
        field: str, value: str | None) -> None:
    found = deadline_from_field(field)
    assert (found.value if found else None) == value


@pytest.mark.parametrize(("text", "value"), [
    ("Hoàn thiện và chuẩn hóa cơ sở dữ liệu về đất đai vào năm 2025.", "2025"),
    ("Nâng tổng đầu tư xã hội cho khoa học đạt 1,5% GDP vào năm 2015.", None),  # a goal's year
    ("Phát triển kinh tế xanh hướng tới mục tiêu trung hòa các-bon vào năm 2050.", None),
    ("Hoàn thành việc hỗ trợ nhà ở cho các hộ gia đình giai đoạn 2 đến hết năm 2019.", "2019"),
    ("Phát triển hạ tầng số đồng bộ đến hết năm 2025.", None),  # a horizon
    ("Năm 2018: Rà soát, tổng kết hệ thống văn bản chính sách.", "2018"),  # a schedule label
])
def test_years_of_completion_and_schedule_labels_are_deadlines(text: str, value: str | None
                                                               ) -> None:
    found = find_deadline(text)
    assert (found.value if found else None) == value
