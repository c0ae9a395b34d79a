"""The layout pass: what a text's origin did to its lines is undone, offsets kept."""

from __future__ import annotations

from datetime import date

import pytest

from policykg.loaders.clean import clean_text
from policykg.loaders.extract import extract
from policykg.loaders.layout import lay_out


@pytest.mark.parametrize("blanks", [0, 1, 2])
def test_a_lone_marker_joins_its_item_across_blank_lines(blanks: int) -> None:
    text = "Nhiệm vụ:\n\n-\n" + "\n" * blanks + "Sở Khoa học và Công nghệ chủ trì.\n"
    laid = lay_out(text)
    assert len(laid) == len(text)
    assert "- " + " " * blanks + "Sở Khoa học" in laid
    assert laid.startswith("Nhiệm vụ:\n\n")


def test_a_lone_marker_before_a_new_item_stays_alone() -> None:
    text = "-\n\n2. Bộ Tài chính bố trí kinh phí.\n"
    assert lay_out(text) == text


def test_a_lone_marker_in_wrapped_text_keeps_the_break_before_it() -> None:
    """A wrapped text whose list numbers stand on lines of their own (corpus2 02 so
    copied): the marker opens an item, it is no word of the sentence above."""
    text = ("1.\nQuyết liệt trong chỉ đạo, điều\nhành, chịu trách nhiệm đến cùng:\n"
            "Các đồng chí Bộ trưởng, Thủ trưởng cơ quan ngang bộ,\n"
            "cơ quan thuộc Chính phủ, Chủ tịch Ủy ban nhân dân các tỉnh, thành phố trực thuộc\n"
            "trung ương phải phát huy vai trò nêu gương của người đứng đầu; trực tiếp chỉ đạo,\n"
            "đôn đốc, kiên quyết khắc phục những điểm nghẽn đã được chỉ ra, bảo đảm triển\n"
            "khai hiệu quả; hoàn thành trước ngày 25 tháng 11 năm 2025.\n2.\n"
            "Đẩy mạnh rà soát, xây dựng,\nhoàn thiện thể chế, cơ chế chính sách: Các bộ\n")
    lines = lay_out(text).split("\n")
    assert [line[:12] for line in lines] == ["1. Quyết liệ", "Các đồng chí", "2. Đẩy mạnh ",
                                             ""]


def test_a_body_heading_over_its_tasks_in_wrapped_text_without_blank_lines() -> None:
    """corpus2 05 with one break per paragraph: "3. Sở Công Thương" (or a name wrapped
    over two lines) over a line opening with a directive is a heading, not a wrap; a
    name that goes on ("Ủy ban nhân dân tỉnh" / "Bình Phước …") is joined."""
    wrapped = ("Các sở, ngành triển khai thực hiện kế hoạch này theo chức năng, nhiệm vụ được\n"
               "giao và định kỳ báo cáo kết quả thực hiện về Ủy ban nhân dân tỉnh để theo dõi.\n")
    text = wrapped * 3 + ("3. Sở Công Thương\nHỗ trợ cho các doanh nghiệp phát triển kinh\n"
                          "doanh trên môi trường số.\n5. Ủy ban nhân dân các\nxã, phường\n"
                          "Xây dựng kế hoạch cụ thể triển khai tại địa phương.\n"
                          "6. Ủy ban nhân dân tỉnh\nBình Phước chủ trì thực hiện.\n")
    lines = lay_out(text).split("\n")[1:]
    assert lines == ["3. Sở Công Thương", "Hỗ trợ cho các doanh nghiệp phát triển kinh doanh "
                     "trên môi trường số.", "5. Ủy ban nhân dân các xã, phường",
                     "Xây dựng kế hoạch cụ thể triển khai tại địa phương.",
                     "6. Ủy ban nhân dân tỉnh Bình Phước chủ trì thực hiện.", ""]


@pytest.mark.parametrize("label", ["a)", "a/", "a."])
def test_a_lettered_item_after_an_open_line_starts_a_line_of_its_own(label: str) -> None:
    text = ("1. Nâng cao nhận thức, đột phá về đổi mới tư duy, quyết liệt lãnh đạo,\n"
            f"{label} Xây dựng chương trình tuyên truyền thường xuyên về Nghị quyết.\n")
    assert lay_out(text).split("\n")[1].startswith(label)


def test_a_table_copied_with_tabs_is_a_task_table() -> None:
    text = ("BỘ XÂY DỰNG\tCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\n"
            "Số: 267/BXD-KHCN\tHà Nội, ngày 15 tháng 6 năm 2016\n\nKẾ HOẠCH\n\nII. NHIỆM VỤ\n\n"
            "TT\tNội dung nhiệm vụ\tCơ quan chủ trì\tCơ quan phối hợp\tThời gian hoàn thành\n"
            "I\tCƠ CHẾ, CHÍNH SÁCH\n"
            "1\tXây dựng đề án chuyển đổi số\tSở Khoa học và Công nghệ\t\tQuý III/2025\n")
    laid = lay_out(clean_text(text))
    assert len(laid) == len(text)
    extraction = extract(clean_text(text), "x.txt")
    assert extraction.document.number == "267/BXD-KHCN"
    assert extraction.document.issued == date(2016, 6, 15)
    (task,) = extraction.tasks
    assert (task.text, task.owners, task.coordinators) == (
        "Xây dựng đề án chuyển đổi số", ("Sở Khoa học và Công nghệ",), ())
    assert task.deadline is not None and task.deadline.value == "2025-Q3"


def test_a_tab_row_going_on_under_an_empty_first_cell_keeps_the_table() -> None:
    text = ("II. NHIỆM VỤ\n\nTT\tNội dung nhiệm vụ\tCơ quan chủ trì\tCơ quan phối hợp\t"
            "Thời gian\n1.\tHoàn thành các nhiệm vụ, gồm: (1) Định danh tàu thuyền;\tBộ Công an"
            "\tBộ Tài chính\t2025\n\t(2) Định danh địa điểm" + "; (3) định danh tài sản" * 14
            + ".\n"
            "2.\tHướng dẫn doanh nghiệp sử dụng định danh\tBộ Công an\tCác bộ\t2025\n")
    tasks = extract(clean_text(text), "x.txt").tasks
    assert [(t.text[:20], t.owners) for t in tasks] == [
        ("Hoàn thành các nhiệm", ("Bộ Công an",)), ("Hướng dẫn doanh nghi", ("Bộ Công an",))]


def test_markdown_heading_marks_and_emphasis_become_spaces() -> None:
    text = "## I. MỤC ĐÍCH\n\n**1. Bộ Công an có trách nhiệm:**\n\n* Sở Tài chính chủ trì.\n"
    laid = lay_out(text)
    assert len(laid) == len(text)
    assert laid.split("\n")[0].strip() == "I. MỤC ĐÍCH"
    assert laid.split("\n")[2].strip() == "1. Bộ Công an có trách nhiệm:"
    assert laid.split("\n")[4] == "* Sở Tài chính chủ trì."  # a marked line keeps its star


@pytest.mark.parametrize("gap", ["                 ", " | "])
def test_a_letterheads_two_columns_on_one_line_are_read_apart(gap: str) -> None:
    """PDF readers put the columns side by side with spaces, web tables with "|"."""
    text = (f"TỈNH ỦY BẮC NINH{gap}ĐẢNG CỘNG SẢN VIỆT NAM\n*\nSố 215-KH/TU{gap}Bắc Ninh, ngày 20 "
            "tháng 3 năm 2025\n\nKẾ HOẠCH\nthực hiện Nghị quyết số 57-NQ/TW\n\nII. NHIỆM VỤ\n\n"
            "1. Ban Tuyên giáo Tỉnh ủy chủ trì tuyên truyền.\n")
    if "|" in gap:
        text = "\n".join(f"| {line} |" if "|" in line else line for line in text.split("\n"))
    cleaned = clean_text(text)
    assert len(lay_out(cleaned)) == len(cleaned)
    header = extract(cleaned, "x.txt").document
    assert (header.number, header.issued, header.issuer) == (
        "215-KH/TU", date(2025, 3, 20), "Tỉnh ủy Bắc Ninh")


def test_a_task_table_among_the_first_lines_is_no_letterhead() -> None:
    text = ("KẾ HOẠCH\nthực hiện Nghị quyết số 57-NQ/TW\n\nII. NHIỆM VỤ\n\nSố TT | Nhiệm vụ cụ "
            "thể | Đơn vị thực hiện | Thời gian thực hiện\n1 | Xây dựng Đề án | Sở Khoa học và "
            "Công nghệ | Quý III/2025, trước ngày 30 tháng 9 năm 2025\n")
    [task] = extract(clean_text(text), "x.txt").tasks
    assert (task.text, task.owners) == ("Xây dựng Đề án", ("Sở Khoa học và Công nghệ",))


def test_a_crawlers_breadcrumbs_are_blanked_but_where_they_first_stand() -> None:
    """"Quyết định 435/QĐ-UBND năm 2020." starting every section, then "CHƯƠNG TRÌNH HÀNH
    ĐỘNG." before each part of the annex: blanked but their first lines, the part labels
    behind them open their parts, and the annex's tasks are read."""
    crumb, annex = "Quyết định 435/QĐ-UBND năm 2020. ", "CHƯƠNG TRÌNH HÀNH ĐỘNG. "
    raw = (f"{crumb}ỦY BAN NHÂN DÂN TỈNH KON TUM\n\n{crumb}Điều 1.\nBan hành Chương trình.\n\n"
           f"{crumb}{annex}TRIỂN KHAI KẾ HOẠCH SỐ 119-KH/TU\nI. MỤC ĐÍCH, YÊU CẦU\n"
           "1. Nâng cao nhận thức của cán bộ.\n"
           f"{crumb}{annex}II. NỘI DUNG HOẠT ĐỘNG\n1. Tổ chức tuyên truyền Chỉ thị số 37-CT/TW.\n"
           "- Cơ quan thực hiện: Sở Nội vụ.\n"
           f"{crumb}{annex}III. TỔ CHỨC THỰC HIỆN\n1. Sở Tư pháp hướng dẫn thực hiện.\n")
    laid = lay_out(raw)
    assert len(laid) == len(raw)
    assert laid.splitlines()[0].startswith(crumb)
    assert "\n" + " " * len(crumb + annex) + "II. NỘI DUNG" in laid
    tasks = extract(clean_text(raw), "k1.txt").tasks
    assert [(t.text[:12], t.owners) for t in tasks] == [
        ("Tổ chức tuyê", ("Sở Nội vụ",)), ("Sở Tư pháp h", ("Sở Tư pháp",))]


@pytest.mark.parametrize(("raw", "laid"), [
    ("1. Tăng cường sự lãnh đạo 1.1.\nTổ chức tuyên truyền.",
     "1. Tăng cường sự lãnh đạo\n1.1. Tổ chức tuyên truyền."),
    ("3. Giải quyết tranh chấp 3.1. Rà soát thiết chế.",
     "3. Giải quyết tranh chấp\n3.1. Rà soát thiết chế."),
    # the heading's label alone on the line above it
    ("1. Mục tiêu chung\n2.\nNhiệm vụ chủ yếu 2.1. Tiếp tục rà soát thể chế.",
     "1. Mục tiêu chung\n2. Nhiệm vụ chủ yếu\n2.1. Tiếp tục rà soát thể chế."),
])
def test_a_sub_label_glued_to_the_heading_above_opens_its_own_line(raw: str, laid: str
                                                                  ) -> None:
    assert lay_out(raw) == laid


def test_kinh_gui_glued_to_the_date_line_opens_the_addressees_and_they_are_no_tasks() -> None:
    raw = ("BẢO HIỂM XÃ HỘI VIỆT NAM\nSố: 296/BHXH-CSYT\nHà Nội, ngày 02 tháng 02 năm 2021 Kính "
           "gửi:\n- Bảo hiểm xã hội các tỉnh, thành phố trực thuộc Trung ương;\n- Bảo hiểm xã hội "
           "Bộ Quốc phòng.\nBảo hiểm xã hội Việt Nam hướng dẫn như sau:\n1. Bảo hiểm xã hội các "
           "tỉnh phối hợp với Sở Y tế rà soát số giường bệnh.\n")
    assert "\nKính gửi:" in lay_out(raw)
    tasks = extract(clean_text(raw), "k7.txt").tasks
    assert [t.text[:21] for t in tasks] == ["Bảo hiểm xã hội các t"]
    assert tasks[0].text.endswith("số giường bệnh.")


def test_kinh_te_xa_hoi_broken_at_its_dash_is_no_bullet() -> None:
    raw = ("THỰC HIỆN KẾ HOẠCH PHÁT TRIỂN KINH TẾ\n- XÃ HỘI VÀ DỰ TOÁN NGÂN SÁCH NĂM 2024\n"
           "- Xây dựng cơ sở dữ liệu.")
    assert lay_out(raw).split("\n") == [
        "THỰC HIỆN KẾ HOẠCH PHÁT TRIỂN KINH TẾ - XÃ HỘI VÀ DỰ TOÁN NGÂN SÁCH NĂM 2024",
        "- Xây dựng cơ sở dữ liệu."]
