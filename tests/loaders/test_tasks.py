"""Task segmentation, owners, coordinators, deadlines and general addressees."""

from __future__ import annotations

import pytest

from policykg.loaders.clean import clean_text
from policykg.loaders.extract import extract
from policykg.loaders.tasks import TaskExtraction, extract_tasks

PLAN = "\n".join([
    "KẾ HOẠCH",
    "",
    ("Ban Thường vụ Tỉnh ủy yêu cầu các cấp ủy, chính quyền, Mặt trận Tổ quốc và các "
     "đoàn thể tập trung thực hiện một số nhiệm vụ sau:"),
    "",
    "I. MỤC TIÊU",
    "",
    "1. Phấn đấu đến năm 2030 hoàn thành chuyển đổi số.",
    "",
    "II. NHIỆM VỤ, GIẢI PHÁP",
    "",
    "1. Đẩy mạnh chuyển đổi số",
    "",
    "- Xây dựng cơ sở dữ liệu dùng chung của tỉnh.",
    "",
    "- Các sở, ngành, địa phương phải rà soát thủ tục hành chính.",
    "",
    ("* Văn phòng Ủy ban nhân dân tỉnh hướng dẫn các huyện triển khai; hoàn thành "
     "trong quý III-2025."),
    "",
    "2. Sở Thông tin và Truyền thông",
    "",
    ("2.1. Chủ trì, phối hợp với Sở Tài chính và các cơ quan liên quan xây dựng đề án."),
    "",
    "2.2. Tổ chức tập huấn cho cán bộ.",
    "",
    "3. Đảng đoàn Hội đồng nhân dân tỉnh: Chỉ đạo ban hành chính sách hỗ trợ.",
    "",
    "4. Giao Ban Tuyên giáo Tỉnh ủy theo dõi việc thực hiện Kế hoạch này.",
    "",
    "Tiếp tục theo dõi, báo cáo kết quả định kỳ.",
    "",
    "5. Tổ chức thực hiện:",
    "",
    "5.1. Các huyện ủy, thành ủy lãnh đạo thực hiện thường xuyên.",
    "",
    "Kế hoạch này phổ biến đến chi bộ.",
    "",
    ("Căn cứ Kế hoạch này, Sở Nội vụ và các sở, ngành liên quan tổ chức triển khai "
     "thực hiện."),
    "",
    "Nơi nhận:",
    "",
    "- Ban Bí thư Trung ương,",
    "- Lưu Văn phòng Tỉnh ủy.",
    "",
])


def _extract() -> TaskExtraction:
    return extract_tasks(PLAN, "plan.txt")


def test_segments_only_directive_items() -> None:
    tasks = _extract().tasks
    assert [t.section for t in tasks] == ["II.1", "II.1", "II.2.1", "II.2.2", "II.3", "II.4",
                                          "II.5.1"]
    assert tasks[0].text == "Xây dựng cơ sở dữ liệu dùng chung của tỉnh."
    assert tasks[4].text.startswith("Đảng đoàn Hội đồng nhân dân tỉnh: Chỉ đạo")


def test_spans_point_at_item_text() -> None:
    for task in _extract().tasks:
        span = task.provenance.span
        assert span is not None
        assert PLAN[span.start:span.end].strip().startswith(task.text.split()[0])
        assert task.provenance.source == "plan.txt"


def test_owners_by_subject_heading_prefix_attribution_and_assignment() -> None:
    owners = [t.owners for t in _extract().tasks]
    assert owners == [
        ("Văn phòng Ủy ban nhân dân tỉnh",),
        ("Các sở, ngành, địa phương",),
        ("Sở Thông tin và Truyền thông",),
        ("Sở Thông tin và Truyền thông",),
        ("Đảng đoàn Hội đồng nhân dân tỉnh",),
        ("Ban Tuyên giáo Tỉnh ủy",),
        ("Các huyện ủy, thành ủy",),
    ]


def test_attribution_line_gives_its_deadline_to_unassigned_bullets_only() -> None:
    tasks = _extract().tasks
    assert tasks[0].deadline is not None and tasks[0].deadline.value == "2025-Q3"
    assert tasks[1].deadline is None


def test_coordinators_and_recurring_item() -> None:
    tasks = _extract().tasks
    assert tasks[2].coordinators == ("Sở Tài chính", "các cơ quan liên quan")
    assert tasks[6].deadline is not None and tasks[6].deadline.value == "recurring"


def test_continuation_paragraph_joins_the_item_above() -> None:
    task = _extract().tasks[5]
    assert task.text.endswith("Tiếp tục theo dõi, báo cáo kết quả định kỳ.")


def test_general_addressees_from_lead_in_and_closing_clause() -> None:
    assert _extract().general_addressees == (
        "các cấp ủy, chính quyền", "Mặt trận Tổ quốc", "các đoàn thể", "Sở Nội vụ",
        "các sở, ngành liên quan")


@pytest.mark.parametrize("heading", ["I. Đánh giá tình hình", "I- Tinh Hình Và Nguyên Nhân",
                                     "I. DANH GIA TINH HINH"])
def test_assessment_bullets_are_not_tasks(heading: str) -> None:
    """Also under a heading whose tone marks a copy lost."""
    text = (f"{heading}\n\n- Đã làm tốt công tác quản lý.\n\n"
            "II. Nhiệm vụ\n\n- Tăng cường kiểm tra.\n")
    assert [t.text for t in extract_tasks(text, "x").tasks] == ["Tăng cường kiểm tra."]


def test_address_list_is_not_tasks() -> None:
    text = ("- Kính gửi:\n- Các đảng bộ trực thuộc\n- Các sở, ngành\n\nNội dung.\n\n"
            "1. Làm tốt việc A.\n")
    assert [t.text for t in extract_tasks(text, "x").tasks] == ["Làm tốt việc A."]


def test_pipe_table_rows_are_tasks() -> None:
    text = ("II. NHIỆM VỤ\n\n| TT | Nội dung nhiệm vụ | Cơ quan chủ trì | Cơ quan phối hợp "
            "| Thời gian hoàn thành |\n|---|---|---|---|---|\n| 1 | Xây dựng đề án chuyển đổi số "
            "| Sở Khoa học và Công nghệ | Sở Tài chính, các sở, ngành liên quan | Quý III/2025 |\n")
    (task,) = extract_tasks(text, "x").tasks
    assert task.text == "Xây dựng đề án chuyển đổi số"
    assert task.owners == ("Sở Khoa học và Công nghệ",)
    assert task.coordinators == ("Sở Tài chính", "các sở, ngành liên quan")
    assert task.deadline is not None and task.deadline.value == "2025-Q3"


def test_heading_for_a_body_owns_its_items() -> None:
    text = ("III. TỔ CHỨC THỰC HIỆN\n\n1. Đối với các bộ, ngành, cơ quan thuộc Chính phủ\n\n"
            "- Xây dựng và ban hành kế hoạch thực hiện Nghị quyết.\n\n"
            "2. Sở Thông tin và Truyền thông (Giao Phòng Bưu chính Viễn thông)\n\n"
            "- Tham mưu cho UBND tỉnh ban hành quy hoạch hạ tầng.\n")
    tasks = extract_tasks(text, "t.txt").tasks
    assert [t.owners for t in tasks] == [("các bộ, ngành, cơ quan thuộc Chính phủ",),
                                         ("Sở Thông tin và Truyền thông",)]


def test_subject_with_a_locative_and_an_apposition() -> None:
    text = ("1. Các tỉnh, thành phố trong cả nước, nhất là các tỉnh trong vùng Thủ đô chủ động "
            "phát triển quan hệ liên kết với Hà Nội.\n")
    [task] = extract_tasks(text, "t.txt").tasks
    assert task.owners == ("Các tỉnh, thành phố trong cả nước",)


def test_rules_notes_titles_and_annex_headings_are_no_tasks() -> None:
    text = ("CHÍNH PHỦ\n---------------\n\nNGHỊ QUYẾT\n\n1. MỤC TIÊU\n\n(Chi tiết tại phụ lục "
            "đính kèm)\n\n2. NHIỆM VỤ\n\n- Sở Tài chính bố trí kinh phí.\n\n3. PHỤ LỤC\n\n"
            "TRIỂN KHAI NHIỆM VỤ KẾ HOẠCH NÂNG CAO CHẤT LƯỢNG\n\n(Kèm theo Kế hoạch số 5)\n")
    tasks = extract_tasks(text, "t.txt").tasks
    assert [t.text for t in tasks] == ["Sở Tài chính bố trí kinh phí."]


def test_a_lower_case_line_under_a_paragraph_goes_on_with_it() -> None:
    text = ("1. Các doanh nghiệp viễn thông\n\nChủ động xây dựng kế hoạch hành động;\n"
            "chủ động bố trí nguồn lực, kinh phí triển khai thực hiện.\n")
    [task] = extract_tasks(text, "t.txt").tasks
    assert task.text.endswith("kinh phí triển khai thực hiện.")
    assert task.owners == ("Các doanh nghiệp viễn thông",)


def test_items_after_a_lead_in_of_problems_are_no_tasks() -> None:
    text = ("Tuy nhiên, quá trình triển khai vẫn đang gặp một số rào cản, khó khăn, cụ thể:\n\n"
            "- Các bộ, ngành chưa thực sự quan tâm đến đào tạo.\n\n"
            "- Nhiều đơn vị vẫn yêu cầu người dân cung cấp giấy tờ.\n")
    assert extract_tasks(text, "t.txt").tasks == ()


def test_a_list_restarting_after_a_new_lead_in_is_its_own() -> None:
    text = ("Theo đó, Kế hoạch nêu rõ các nguyên tắc như sau:\n\n1. Tuân thủ pháp luật.\n\n"
            "2. Lấy người dân làm trung tâm.\n\nTại Mục III, Kế hoạch nêu rõ nhiệm vụ như sau:\n\n"
            "1. Xây dựng môi trường pháp lý.\n\n2. Tăng cường đầu tư hạ tầng số.\n")
    tasks = extract_tasks(text, "t.txt").tasks
    assert [t.text for t in tasks] == ["Xây dựng môi trường pháp lý.",
                                       "Tăng cường đầu tư hạ tầng số."]


def test_paragraphs_that_lost_their_markers_are_items_of_their_own() -> None:
    text = ("III. NHIỆM VỤ\n\n2. Khẩn trương, quyết liệt hoàn thiện thể chế; xóa bỏ mọi rào "
            "cản đang cản trở sự phát triển.\n\n"
            "Khẩn trương sửa đổi, bổ sung các quy định pháp luật về khoa học, công nghệ.\n\n"
            "Bộ Tài chính nghiên cứu cơ chế quỹ đầu tư mạo hiểm.\n\n"
            "Thu hút, sử dụng có hiệu quả mọi nguồn lực cho đổi mới sáng tạo.\n")
    tasks = extract_tasks(text, "x").tasks
    assert [t.text.split(",")[0] for t in tasks] == [
        "Khẩn trương sửa đổi", "Bộ Tài chính nghiên cứu cơ chế quỹ đầu tư mạo hiểm.",
        "Thu hút"]
    assert tasks[1].owners == ("Bộ Tài chính",)


def test_one_paragraph_after_an_item_still_goes_on_with_it() -> None:
    text = ("1. Tăng cường tuyên truyền về chuyển đổi số.\n\n"
            "Tổ chức hội nghị quán triệt trong quý II năm 2025.\n")
    (task,) = extract_tasks(text, "x").tasks
    assert task.text.endswith("quý II năm 2025.")


def test_field_lines_without_dashes_are_fields() -> None:
    text = ("II. NHIỆM VỤ\n\n1. Tổ chức tập huấn chuyên sâu về bảo vệ dữ liệu cá nhân.\n\n"
            "Cơ quan chủ trì: Bộ Công an.\n\nCơ quan phối hợp: các bộ, cơ quan ngang bộ.\n\n"
            "Thời gian thực hiện: năm 2025.\n")
    (task,) = extract_tasks(text, "x").tasks
    assert task.text == "Tổ chức tập huấn chuyên sâu về bảo vệ dữ liệu cá nhân."
    assert task.owners == ("Bộ Công an",)
    assert task.deadline is not None and task.deadline.value == "2025"


def test_field_lines_with_their_items_marker_belong_to_the_item_above() -> None:
    """Items and their fields written with one marker: each item is one task, its fields
    its owners and deadline, and the items of a field ending in ":" part of it."""
    text = "\n".join([
        "II. NHIỆM VỤ", "", "1. Xây dựng Nghị định của Chính phủ", "",
        "+ Nghị định quy định chi tiết một số điều của Luật.", "",
        "+ Cơ quan chủ trì: Bộ Công an.", "", "+ Thời hạn ban hành: trước ngày 01/01/2026.", "",
        "+ Nghị định xử phạt vi phạm hành chính.", "", "+ Cơ quan chủ trì: Bộ Tư pháp.", "",
        "2. Rà soát văn bản quy phạm pháp luật", "", "+ Cơ quan thực hiện: Bộ Công an.", "",
        "+ Thời gian thực hiện:", "", "+ Các bộ rà soát trước ngày 30/6/2025.", "",
        "+ Bộ Công an tổng hợp trước ngày 30/9/2025.", ""])
    tasks = extract_tasks(text, "x").tasks
    assert [(t.text[:24], t.owners) for t in tasks] == [
        ("Nghị định quy định chi t", ("Bộ Công an",)),
        ("Nghị định xử phạt vi phạ", ("Bộ Tư pháp",)),
        ("Rà soát văn bản quy phạm", ("Bộ Công an",))]
    assert tasks[0].deadline is not None and tasks[0].deadline.value == "2026-01-01"


def test_a_new_list_goes_under_the_lead_in_just_before_it() -> None:
    """blind1 B2 without its bullets: the lead-in after the last item of a described list
    opens a list of its own, and is not read into that item (nor its list under the
    describing lead-in)."""
    text = "\n".join([
        "Tuy nhiên, quá trình triển khai vẫn gặp một số khó khăn, cụ thể:", "",
        "(i) Đối với việc ứng dụng công nghệ sinh trắc học: thiếu hành lang pháp lý.", "",
        "(ii) Các bộ, ngành chưa thực sự quan tâm đến công tác đào tạo.", "",
        "Tại Mục 1 Chỉ thị, yêu cầu đối với việc ứng dụng công nghệ như sau:", "",
        "(1) Bộ Công an:", "",
        "Chủ trì xây dựng các tiện ích giao thông, hoàn thành trong năm 2025.", "",
        "Chủ trì hướng dẫn triển khai tích hợp công nghệ sinh trắc học.", "",
        "(2) Bộ Tài chính:", "", "Chỉ đạo các đơn vị trực thuộc phối hợp với Bộ Công an.", ""])
    tasks = extract_tasks(text, "x").tasks
    assert [(t.text[:20], t.owners) for t in tasks] == [
        ("Chủ trì xây dựng các", ("Bộ Công an",)), ("Chủ trì hướng dẫn tr", ("Bộ Công an",)),
        ("Chỉ đạo các đơn vị t", ("Bộ Tài chính",))]


@pytest.mark.parametrize("text", [
    "Ngày này được tổ chức nhằm:\n\n• Đẩy nhanh tiến độ triển khai các nhiệm vụ.\n\n"
    "• Nâng cao nhận thức của công chức về chuyển đổi số.\n",
    "Mục tiêu là: (1) Bảo đảm bộ máy vận hành hiệu lực, hiệu quả; (2) góp phần thực hiện "
    "mục tiêu tăng trưởng GDP năm 2025.\n",
])
def test_the_purposes_or_goals_a_lead_in_lists_are_no_tasks(text: str) -> None:
    """blind5 F7, F4: the items after "… nhằm:" or "Mục tiêu là:" state purposes."""
    assert extract_tasks(text, "x").tasks == ()


def test_a_descriptive_title_with_its_list_run_on_holds_no_tasks() -> None:
    """blind6 G05: a web copy flattened "I. CĂN CỨ LẬP KẾ HOẠCH" and its "- Quyết định …"
    list into one paragraph; the section states bases, not tasks."""
    text = ("I. CĂN CỨ LẬP KẾ HOẠCH - Quyết định số 749/QĐ-TTg ngày 03/6/2020 của Thủ tướng "
            "Chính phủ phê duyệt Chương trình; - Quyết định số 942/QĐ-TTg ngày 15/6/2021.\n\n"
            "II. NHIỆM VỤ\n\n1. Xây dựng kế hoạch chuyển đổi số của xã.\n")
    assert [t.section for t in extract_tasks(text, "x").tasks] == ["II.1"]


def test_a_dash_list_run_into_its_lead_in_is_a_list() -> None:
    """A web copy that ran "- A;" "- B." into the lead-in's paragraph; a dash inside a
    phrase ("kinh tế - xã hội", "2021 - 2025") is no item."""
    text = ("II. NHIỆM VỤ\n\n1. Sở Khoa học và Công nghệ thực hiện các nội dung sau: - Xây dựng "
            "kế hoạch phát triển kinh tế - xã hội giai đoạn 2021 - 2025; - Tổ chức hội nghị "
            "quán triệt trong quý II năm 2025.\n")
    tasks = extract_tasks(text, "x").tasks
    assert [(t.text[:20], t.owners) for t in tasks] == [
        ("Xây dựng kế hoạch ph", ("Sở Khoa học và Công nghệ",)),
        ("Tổ chức hội nghị quá", ("Sở Khoa học và Công nghệ",))]


def test_an_item_that_only_names_a_document_is_a_basis_not_a_task() -> None:
    """blind7 H05: the legal bases of a plan that lost its "Căn cứ" heading."""
    text = ("KẾ HOẠCH\n\n- Quyết định số 749/QĐ-TTg ngày 03/6/2020 của Thủ tướng Chính phủ phê "
            "duyệt Chương trình Chuyển đổi số quốc gia;\n\n- Thông tư số 49/2017/TT-BYT ngày "
            "28/12/2017 quy định về hoạt động y tế từ xa;\n\n- Xây dựng kế hoạch chuyển đổi số "
            "y tế năm 2024.\n")
    assert [t.text[:20] for t in extract_tasks(text, "x").tasks] == ["Xây dựng kế hoạch ch"]


def test_a_title_over_a_numbered_list_governs_it() -> None:
    """blind7 H07: a web page's heading without a label ("Chín chỉ tiêu trọng tâm nhiệm
    kỳ") over "1. …", "2. …": the list is its, and a list of targets holds no tasks; a
    title of tasks keeps them."""
    targets = ("Chín chỉ tiêu trọng tâm nhiệm kỳ\n\n1. Hằng năm, 100% cán bộ đoàn được học "
               "tập nghị quyết.\n\n2. Đoàn cơ sở triển khai ít nhất 3.600 công trình.\n")
    assert extract_tasks(targets, "x").tasks == ()
    tasks = ("Nhiệm vụ trọng tâm\n\n1. Sở Nội vụ rà soát các văn bản.\n\n"
             "2. Sở Tài chính bố trí kinh phí.\n")
    assert [t.owners for t in extract_tasks(tasks, "x").tasks] == [("Sở Nội vụ",),
                                                                   ("Sở Tài chính",)]


def test_slash_labels_number_and_letter_items() -> None:
    text = ("V. TỔ CHỨC THỰC HIỆN\n\n1/ Bộ Xây dựng\n\na/ Chủ trì triển khai thực hiện Đề án.\n\n"
            "b/ Cụ thể hóa các nội dung của Đề án trong kế hoạch hằng năm.\n\n"
            "2/ Bộ Tài chính\n\na/ Bố trí kinh phí thực hiện Đề án.\n")
    tasks = extract_tasks(text, "x").tasks
    assert [(t.section, t.owners) for t in tasks] == [
        ("V.1.a", ("Bộ Xây dựng",)), ("V.1.b", ("Bộ Xây dựng",)), ("V.2.a", ("Bộ Tài chính",))]


def test_a_ministry_department_heading_owns_its_bullets() -> None:
    """blind3 M1: "Vụ" was no head of a body's name, so the bullets under "a) Vụ … chủ
    trì" went to the section's "Các đơn vị thuộc Bộ"."""
    text = "\n".join([
        "III. TỔ CHỨC THỰC HIỆN", "",
        "1. Các đơn vị thuộc Bộ Giáo dục và Đào tạo", "",
        "a) Vụ Giáo dục Phổ thông chủ trì, phối hợp với các đơn vị liên quan:", "",
        "- Chỉ đạo, hướng dẫn việc thực hiện Khung năng lực số tại các địa phương.", "",
        "- Xây dựng tài liệu hướng dẫn triển khai Khung năng lực số.", "",
        "b) Phòng Giáo dục và Đào tạo huyện chủ trì:", "",
        "- Tổ chức tập huấn cho giáo viên.", ""])
    found = extract_tasks(text, "m1.txt")
    assert [t.owners for t in found.tasks] == [("Vụ Giáo dục Phổ thông",)] * 2 + [
        ("Phòng Giáo dục và Đào tạo huyện",)]


def test_footnotes_are_no_tasks() -> None:
    """blind3 M1: the rule above a page's footnotes and the note itself, after a section
    of unmarked directive paragraphs, were two tasks."""
    text = "\n".join([
        "II. NHIỆM VỤ", "",
        "2.3. Tổ chức dạy học tăng cường", "",
        "Tăng cường tổ chức các hoạt động câu lạc bộ phát triển năng lực số.", "",
        "Thực hiện hiệu quả chủ trương xã hội hóa giáo dục theo quy định¹.", "",
        "___________________", "",
        "¹ Quy định tại Điều 6 Nghị định số 24/2021/NĐ-CP ngày 23/3/2021 của Chính phủ.", "",
        "III. TỔ CHỨC THỰC HIỆN", "",
        "1. Sở Tài chính bố trí kinh phí thực hiện.", ""])
    found = extract_tasks(text, "notes.txt")
    assert [t.text[:20] for t in found.tasks] == [
        "Tăng cường tổ chức c", "Thực hiện hiệu quả c", "Sở Tài chính bố trí "]


def test_an_item_requiring_others_keeps_the_owner_of_its_scope() -> None:
    """Under "3. Các sở …", "+ Yêu cầu các cơ sở giáo dục …" is the sở's task; at the top,
    "Yêu cầu các sở …" assigns it to the sở."""
    text = ("II. TỔ CHỨC THỰC HIỆN\n\n3. Các sở Giáo dục và Đào tạo\n\n+ Chỉ đạo các cơ sở "
            "giáo dục triển khai Khung.\n\n+ Yêu cầu các cơ sở giáo dục tổng hợp ý kiến.\n\n"
            "4. Yêu cầu các sở Giáo dục và Đào tạo báo cáo kết quả.\n")
    assert [t.owners for t in extract_tasks(text, "x").tasks] == [
        ("Các sở Giáo dục và Đào tạo",), ("Các sở Giáo dục và Đào tạo",),
        ("các sở Giáo dục và Đào tạo",)]


def test_statements_of_role_are_not_tasks_and_a_normative_passive_is() -> None:
    text = ("II. NỘI DUNG\n\n2.1. Dạy học môn Tin học\n\nMôn Tin học giữ vai trò chủ đạo, cung "
            "cấp kiến thức nền tảng.\n\nGiáo viên Tin học có vai trò tư vấn, hỗ trợ giáo viên.\n\n"
            "Việc triển khai giảng dạy là phương thức quan trọng để phát triển NLS.\n\n"
            "Việc phát triển NLS cần được chú trọng ở cả hai hình thức.\n\n"
            "Việc bố trí kinh phí được thực hiện theo quy định.\n")
    assert [t.text[:23] for t in extract_tasks(text, "x").tasks] == ["Việc phát triển NLS cần"]


def test_a_request_to_a_group_has_no_owner_and_to_one_body_has_it() -> None:
    text = ("III. TỔ CHỨC THỰC HIỆN\n\n1. Đề nghị các cơ quan của Đảng, Quốc hội, Mặt trận Tổ quốc "
            "Việt Nam phối hợp chặt chẽ trong triển khai.\n\n2. Đề nghị Đảng đoàn Mặt trận Tổ "
            "quốc Việt Nam chỉ đạo giám sát.\n")
    found = extract_tasks(text, "x")
    assert [t.owners for t in found.tasks] == [(), ("Đảng đoàn Mặt trận Tổ quốc Việt Nam",)]


def test_a_heading_listing_bodies_under_one_head_owns_its_items() -> None:
    text = ("4. TRÁCH NHIỆM\n\n4.2 Đề nghị các Sở: Giao thông Vận tải, Xây dựng, Công thương; Công "
            "ty Điện lực Đắk Nông\n\n- Chủ trì, phối hợp với Sở Thông tin và Truyền thông chia sẻ "
            "hạ tầng.\n")
    [task] = extract_tasks(text, "x").tasks
    assert task.owners == ("các Sở: Giao thông Vận tải, Xây dựng, Công thương",
                           "Công ty Điện lực Đắk Nông")


def test_a_lead_in_that_directs_before_introducing_its_list_is_a_task_too() -> None:
    text = ("III. NHIỆM VỤ\n\n2. Khẩn trương hoàn thiện thể chế\n\nTiếp tục thể chế hoá đầy đủ "
            "các nghị quyết của Trung ương. Tập trung triển khai tốt các nội dung sau:\n\n- Khẩn "
            "trương sửa đổi các quy định pháp luật.\n\n- Có cách tiếp cận mở, cho phép thí "
            "điểm.\n\n3. Nhiệm vụ trọng tâm\n\nThời gian tới, tình hình còn phức tạp, đòi hỏi "
            "nỗ lực lớn. Cần tập trung một số nhiệm vụ sau:\n\n- Cơ sở giáo dục xây dựng kế "
            "hoạch dạy học.\n")
    found = extract_tasks(text, "x").tasks
    assert [t.text[:20] for t in found] == ["Tiếp tục thể chế hoá", "Khẩn trương sửa đổi ",
                                            "Có cách tiếp cận mở,", "Cơ sở giáo dục xây d"]
    assert found[-1].owners == ("Cơ sở giáo dục",)


def test_paragraphs_each_a_sentence_under_a_heading_item_are_its_items() -> None:
    """Web copies lose the bullets: "1. <heading, no full stop>" over its paragraphs."""
    text = ("III. NHIỆM VỤ\n\n1. Nâng cao nhận thức, đột phá về đổi mới tư duy, xác định quyết tâm "
            "chính trị mạnh mẽ, quyết liệt lãnh đạo, chỉ đạo, tạo xung lực mới, khí thế mới trong "
            "toàn xã hội về phát triển khoa học\n\nCác cấp uỷ, tổ chức đảng cần nhận thức đầy đủ "
            "tầm quan trọng.\n\nCó chương trình tuyên truyền, giáo dục hiệu quả.\n")
    assert [t.text[:20] for t in extract_tasks(text, "x").tasks] == [
        "Các cấp uỷ, tổ chức ", "Có chương trình tuyê"]


def test_a_heading_naming_a_boards_leadership_owns_its_items() -> None:
    text = ("II. NHIỆM VỤ\n\nn) Lãnh đạo Ban Dân nguyện\n\n- Chủ trì giúp UBTVQH trong công tác "
            "tiếp công dân.\n\no) Lãnh đạo việc tổ chức thực hiện Đề án chuyển đổi số.\n")
    assert [t.owners for t in extract_tasks(text, "x").tasks] == [
        ("Lãnh đạo Ban Dân nguyện",), ()]


def test_a_heading_item_over_a_lead_in_and_its_paragraphs_holds_them_as_tasks() -> None:
    """The web copy of NQ 57 III.2: "2. Khẩn trương … thể chế; …" (no full stop), a lead-in
    that directs before it introduces its list, and the list's paragraphs (bullets lost)."""
    text = ("III. NHIỆM VỤ\n\n2. Khẩn trương, quyết liệt hoàn thiện thể chế; xoá bỏ mọi tư tưởng, "
            "quan niệm, rào cản đang cản trở sự phát triển; đưa thể chế thành một lợi thế cạnh "
            "tranh trong phát triển khoa học, công nghệ\n\n"
            "Tiếp tục thể chế hoá đầy đủ các nghị quyết. Tập trung triển khai tốt các nội dung "
            "sau:\n\nKhẩn trương sửa đổi các quy định pháp luật.\n\nCó cách tiếp cận mở, cho phép "
            "thí điểm.\n")
    assert [t.text[:20] for t in extract_tasks(text, "x").tasks] == [
        "Tiếp tục thể chế hoá", "Khẩn trương sửa đổi ", "Có cách tiếp cận mở,"]


def test_a_conclusions_judgement_of_what_it_heard_is_no_task() -> None:
    text = ("Thường trực Tỉnh ủy kết luận như sau:\n\n1. Cơ bản đồng ý với báo cáo của Ban cán "
            "sự đảng UBND tỉnh. Trong thời gian qua, các cấp ủy đã tích cực triển khai.\n\n2. "
            "Giao Ban cán sự đảng UBND tỉnh chỉ đạo hoàn thiện Đề án.\n\n3. Biểu dương, tôn "
            "vinh các doanh nghiệp có thành tích trong chuyển đổi số.\n")
    assert [t.text[:12] for t in extract_tasks(text, "x").tasks] == ["Giao Ban cán", "Biểu dương, "]


@pytest.mark.parametrize("time_line", [
    "* Thời gian thực hiện: Thực hiện thường xuyên hằng năm.",  # another marker
    None,  # glued to the owner line by a lost break: "… địa phương -Thời gian …"
])
def test_field_lines_under_another_marker_or_glued_are_the_items_fields(
        time_line: str | None) -> None:
    owner = "- Cơ quan thực hiện: Sở Nội vụ chủ trì, phối hợp với các sở, ngành và địa phương"
    lines = [owner + ".", time_line] if time_line else [
        owner + " -Thời gian thực hiện: Thực hiện thường xuyên hằng năm."]
    text = "\n".join(["II. NỘI DUNG", "2.5. Tiếp tục rà soát, củng cố tổ chức bộ máy.", *lines])
    (task,) = extract_tasks(text, "x").tasks
    assert task.owners == ("Sở Nội vụ",)
    assert task.deadline is not None and task.deadline.value == "recurring"


def test_giao_and_de_nghi_headings_pass_their_bodies_down() -> None:
    """"2. Giao Sở X:" over its items; "4. Đề nghị X và các Y: Căn cứ …" asks both."""
    text = "\n".join([
        "III. TỔ CHỨC THỰC HIỆN", "1. Các sở, ban, ngành chủ động xây dựng Kế hoạch.", "2.",
        "Giao Sở Lao động - Thương binh và Xã hội:",
        "- Làm đầu mối, theo dõi, đôn đốc và tổng hợp báo cáo.",
        "- Chủ trì, phối hợp với Liên đoàn Lao động tỉnh hướng dẫn, kiểm tra.", "4.",
        "Đề nghị Ủy ban MTTQ Việt Nam và các tổ chức chính trị xã hội tỉnh: Căn cứ chức năng, "
        "nhiệm vụ phối hợp tăng cường công tác tuyên truyền."])
    tasks = extract_tasks(text, "x").tasks
    assert [t.owners for t in tasks] == [
        ("Các sở, ban, ngành",), ("Sở Lao động - Thương binh và Xã hội",),
        ("Sở Lao động - Thương binh và Xã hội",),
        ("Ủy ban MTTQ Việt Nam", "các tổ chức chính trị xã hội tỉnh")]


def test_beside_an_implementing_article_only_items_naming_a_body_are_tasks() -> None:
    """A decision's "Điều 8. Tổ chức thực hiện" holds its tasks ("Gửi kế hoạch … đã được
    phê duyệt …" among them); its policy articles' items ("Hỗ trợ 40 triệu đồng/hộ …") are
    none, but for those that name a body."""
    text = "\n".join([
        "Điều 3. Mức hỗ trợ", "1. Hỗ trợ 40 triệu đồng/hộ đối với trường hợp phải phá dỡ.",
        "2. Hỗ trợ 20 triệu đồng/hộ đối với trường hợp phải sửa chữa.",
        "Điều 4. Lập kế hoạch", "1. Các tỉnh, thành phố lập kế hoạch hỗ trợ trên địa bàn.",
        "Điều 8. Tổ chức thực hiện",
        "1. Trách nhiệm của Ủy ban nhân dân các tỉnh, thành phố trực thuộc Trung ương",
        "a) Công bố công khai về đối tượng, tiêu chuẩn được hỗ trợ;",
        "b) Gửi kế hoạch hỗ trợ trên địa bàn đã được phê duyệt về Bộ Xây dựng;",
        "Điều 9. Quyết định này có hiệu lực thi hành kể từ ngày 15 tháng 6 năm 2013."])
    tasks = extract_tasks(text, "x").tasks
    ubnd = ("Ủy ban nhân dân các tỉnh, thành phố trực thuộc Trung ương",)
    assert [(t.text[:20], t.owners) for t in tasks] == [
        ("Các tỉnh, thành phố ", ("Các tỉnh, thành phố",)),
        ("Công bố công khai về", ubnd), ("Gửi kế hoạch hỗ trợ ", ubnd)]


def test_an_article_naming_a_body_owns_its_items() -> None:
    text = "\n".join([
        "Điều 2. Giao Giám đốc Sở Giáo dục và Đào tạo",
        "1. Tổ chức chỉ đạo thực hiện hoàn thành Kế hoạch thời gian năm học đúng quy định.",
        "2. Chủ trì, phối hợp với Chủ tịch Ủy ban nhân dân huyện hướng dẫn thực hiện.",
        "Điều 3. Quyết định này có hiệu lực thi hành kể từ ngày ký."])
    tasks = extract_tasks(text, "x").tasks
    assert [t.owners for t in tasks] == [("Giám đốc Sở Giáo dục và Đào tạo",)] * 2


def test_a_sections_field_items_own_the_tasks_of_its_content() -> None:
    """"II. … / 1. Nội dung, biện pháp / a) … / 2. Cơ quan chủ trì / - … / 3. Thời gian thực
    hiện: …": every task of the content has the section's owners and deadline; the field
    items are no tasks."""
    text = "\n".join([
        "II. BAN HÀNH CÁC VĂN BẢN HƯỚNG DẪN", "1. Nội dung, biện pháp",
        "a) Xây dựng, ban hành Quy chế của Ban Chỉ đạo quốc gia;",
        "b) Ban hành Thông tư của Bộ Quốc phòng hướng dẫn công tác tìm kiếm;",
        "2. Cơ quan chủ trì", "a) Cơ quan chủ trì", "- Ban Chỉ đạo quốc gia.",
        "- Bộ Quốc phòng; Bộ Nội vụ.", "b) Cơ quan phối hợp", "- Các tổ chức chính trị - xã hội.",
        "3. Thời gian thực hiện: quý IV/2013."])
    tasks = extract_tasks(text, "x").tasks
    assert [(t.text[:18], t.owners, t.deadline.value if t.deadline else None)
            for t in tasks] == [
        ("Xây dựng, ban hành", ("Ban Chỉ đạo quốc gia", "Bộ Quốc phòng", "Bộ Nội vụ"), "2013-Q4"),
        ("Ban hành Thông tư ", ("Ban Chỉ đạo quốc gia", "Bộ Quốc phòng", "Bộ Nội vụ"), "2013-Q4")]


def test_a_lead_in_assigning_its_items_to_a_body_owns_them() -> None:
    """"1. Công an tỉnh / … / Trong đó giao Giám đốc Công an tỉnh chỉ đạo thực hiện: / - …":
    the director owns the items; a speaker's "X đề nghị …:" owns none."""
    text = "\n".join([
        "III. TỔ CHỨC THỰC HIỆN", "1. Công an tỉnh",
        "Tham mưu giúp UBND tỉnh tổ chức thực hiện tốt công tác bảo vệ bí mật nhà nước.",
        "Trong đó giao Giám đốc Công an tỉnh chỉ đạo thực hiện:",
        "- Đôn đốc, hướng dẫn các cơ quan thực hiện nghiêm túc Luật Bảo vệ bí mật nhà nước.",
        "- Thành lập Đoàn kiểm tra công tác bảo vệ bí mật nhà nước trên địa bàn tỉnh."])
    tasks = extract_tasks(text, "x").tasks
    assert [t.owners for t in tasks][-2:] == [("Giám đốc Công an tỉnh",)] * 2


@pytest.mark.parametrize(("lead", "owners"), [
    ("Giám đốc Sở Lao động - Thương binh và Xã hội có trách nhiệm:",
     ("Giám đốc Sở Lao động - Thương binh và Xã hội",)),
    ("Sở Y tế chịu trách nhiệm thực hiện các nội dung sau:", ("Sở Y tế",)),
    ("Ủy ban nhân dân các tỉnh có trách nhiệm:", ()),  # a collective: the addressees
])
def test_a_letters_lead_in_naming_the_body_that_answers_owns_its_items(
        lead: str, owners: tuple[str, ...]) -> None:
    """A letter's "X có trách nhiệm:" over its bullets: X owns them; and a paragraph after
    the last one that starts from a basis of its own ("Căn cứ kết quả thí điểm, trong năm
    2019 Bộ sẽ …") is the issuer's, not the item's: it lends it no deadline."""
    text = "\n".join([
        "Bộ trưởng đồng ý mở rộng thí điểm chi trả qua hệ thống Bưu điện.", "", lead, "",
        "- Phối hợp với Tổng công ty Bưu điện Việt Nam hoàn thiện Đề án thí điểm.", "",
        "- Kịp thời giải đáp, hướng dẫn những vướng mắc và thanh quyết toán theo quy định.", "",
        "Căn cứ kết quả thí điểm, trong năm 2019 Bộ sẽ tổng kết, đánh giá.", ""])
    tasks = extract_tasks(text, "x").tasks
    assert [(t.owners, t.deadline) for t in tasks] == [(owners, None)] * 2


def test_an_item_naming_a_body_under_the_requirements_of_a_piece_of_work_is_a_task() -> None:
    """"4.1. Yêu cầu về kỹ thuật và chất lượng:": its item that names a body ("Sở Xây dựng
    nghiên cứu …") is that body's task, its requirements ("Việc hỗ trợ … phải bảo đảm …")
    are none; a plan's "2. Yêu cầu" holds no task at all."""
    text = "\n".join([
        "I. MỤC ĐÍCH, YÊU CẦU", "2. Yêu cầu",
        "- Sở Tài chính bảo đảm việc hỗ trợ đúng đối tượng, đúng mục đích.",
        "II. NỘI DUNG THỰC HIỆN", "4. Phương thức thực hiện",
        "4.1. Yêu cầu về kỹ thuật và chất lượng:",
        "a) Sở Xây dựng nghiên cứu, thiết kế tối thiểu 03 mẫu nhà ở điển hình;",
        "b) Việc hỗ trợ xây dựng mới nhà ở phải bảo đảm tiêu chuẩn 3 cứng."])
    assert [(t.text[:11], t.owners) for t in extract_tasks(text, "x").tasks] == [
        ("Sở Xây dựng", ("Sở Xây dựng",))]


def test_the_conditions_and_order_a_case_is_judged_by_are_no_tasks() -> None:
    """An item or lead-in that lists the conditions, criteria or order of priority a case
    is judged by ("… có một trong các điều kiện sau:", "… được lập theo thứ tự ưu tiên sau
    đây:") describes: its cases are no tasks, the step beside them is."""
    text = "\n".join([
        "II. NỘI DUNG THỰC HIỆN", "1. Xác định đối tượng được hỗ trợ",
        "1.2. Là chủ hộ và đang ở tại nhà ở có một trong các điều kiện sau:",
        "- Nhà ở bị hư hỏng nặng phải phá đi xây dựng lại nhà ở mới.",
        "3. Các vấn đề cần lưu ý khi xây dựng Đề án",
        "Đối tượng người được hỗ trợ được lập theo thứ tự ưu tiên sau đây:",
        "- Hộ gia đình người có công với cách mạng là người cao tuổi.",
        "4. Sở Xây dựng lập Đề án hỗ trợ người có công về nhà ở."])
    assert [t.text[:11] for t in extract_tasks(text, "x").tasks] == ["Sở Xây dựng"]


def test_the_paragraph_under_a_step_says_who_takes_it() -> None:
    """"2.4. Bước 4: Lập Đề án … / Trên cơ sở đề nghị …, Sở Xây dựng chủ trì …": the
    step is Sở Xây dựng's, with its "Thời gian hoàn tất"; a numbered request over a closing
    paragraph ("Bộ Xây dựng đề nghị …") takes no owner from it."""
    text = "\n".join([
        "2. Trình tự lập danh sách", "2.4. Bước 4: Lập Đề án hỗ trợ người có công về nhà ở.",
        "Trên cơ sở đề nghị của Ủy ban nhân dân quận, huyện, Sở Xây dựng chủ trì, phối hợp "
        "với Sở Tài chính lập Đề án.", "Thời gian hoàn tất: trước ngày 30 tháng 9 năm 2014.",
        "3. Thường xuyên báo cáo tình hình thực hiện chính sách về Bộ Xây dựng.",
        "Bộ Xây dựng đề nghị Ủy ban nhân dân các tỉnh chỉ đạo các cơ quan tổ chức thực hiện./."])
    tasks = extract_tasks(text, "x").tasks
    assert [(t.owners, t.deadline.value if t.deadline else None) for t in tasks] == [
        (("Sở Xây dựng",), "2014-09-30"), ((), "recurring")]


def test_a_decisions_rates_are_no_tasks_and_its_assigning_article_is_one() -> None:
    """"Điều 1. Nâng mức trợ cấp …, như sau: / - Định suất cơ bản từ 80.000 đồng … lên
    240.000 đồng …" sets a rate; "Điều 2. Giao Sở Tài chính phối hợp …" assigns a task."""
    text = "\n".join([
        "QUYẾT ĐỊNH:",
        "Điều 1. Nâng mức trợ cấp đối với người có công giúp đỡ cách mạng, như sau:",
        "- Định suất cơ bản từ 80.000 đồng/người/tháng lên 240.000 đồng/người/tháng;",
        "- Mức trợ cấp hàng tháng cho các đối tượng bảo trợ xã hội (theo biểu số 1).",
        "Điều 2. Giao Sở Tài chính phối hợp với Sở Lao động - Thương binh và Xã hội lập thủ "
        "tục giải quyết kinh phí.",
        "Điều 3. Giám đốc Sở Tài chính chịu trách nhiệm thi hành Quyết định này./."])
    assert [(t.text[:14], t.owners) for t in extract_tasks(text, "x").tasks] == [
        ("Giao Sở Tài ch", ("Sở Tài chính",))]


def test_a_lead_in_that_names_a_requirement_in_passing_still_holds_tasks() -> None:
    """"Để …, bảo đảm yêu cầu về chất lượng và thời gian, các ngành, các cấp cần thực hiện
    tốt những việc cụ thể sau đây:" directs its items; "… phải bảo đảm yêu cầu sau đây:"
    lists requirements."""
    text = "\n".join([
        "Để các công việc tiến hành được thuận lợi, bảo đảm yêu cầu về chất lượng và thời "
        "gian, các ngành, các cấp cần thực hiện tốt những việc cụ thể sau đây:",
        "1. Tổng Cục Quản lý ruộng đất xây dựng các phương án kỹ thuật.",
        "2. Việc xây dựng mới nhà ở phải bảo đảm yêu cầu sau đây:",
        "- Nhà ở mới phải bảo đảm tiêu chuẩn 3 cứng."])
    assert [t.text[:9] for t in extract_tasks(text, "x").tasks] == ["Tổng Cục "]


def test_a_part_titled_objectives_and_tasks_holds_the_tasks() -> None:
    """"II. MỤC TIÊU, NHIỆM VỤ VÀ GIẢI PHÁP CHỦ YẾU": its objectives are no tasks, its
    tasks are; a part titled "Đánh giá tình hình thực hiện nhiệm vụ" holds none."""
    text = "\n".join([
        "I. Đánh giá tình hình thực hiện nhiệm vụ 6 tháng đầu năm",
        "- Công tác quản lý các nhiệm vụ khoa học và công nghệ được chú trọng.",
        "II. MỤC TIÊU, NHIỆM VỤ VÀ GIẢI PHÁP CHỦ YẾU NĂM 2024", "1. Mục tiêu chung",
        "1.1. Trình Quốc hội thông qua dự án Luật Đất đai (sửa đổi).",
        "2. Nhiệm vụ và giải pháp chủ yếu", "2.1. Tiếp tục rà soát, hoàn thiện thể chế."])
    assert [t.text[:8] for t in extract_tasks(text, "x").tasks] == ["Tiếp tục"]


def test_items_numbered_with_a_dash_and_a_bare_number_above_their_body() -> None:
    """"2 - Sở Tài chính có trách nhiệm." (its colon a period) over its bullets owns them;
    "3" alone over "- Ủy ban nhân dân các huyện, thành phố:" is item 3, headed by them."""
    text = "\n".join([
        "Điều 2.", "Tổ chức thực hiện:", "2 - Sở Tài chính có trách nhiệm.",
        "- Hàng năm lập dự toán kinh phí bảo đảm xã hội.", "3",
        "- Uỷ ban nhân dân các huyện, thành phố:",
        "- Quản lý đối tượng bảo trợ xã hội trên địa bàn.", "Điều 3.",
        "Quyết định này có hiệu lực thi hành kể từ ngày ký."])
    assert [t.owners for t in extract(clean_text(text), "x.txt").tasks] == [
        ("Sở Tài chính",), ("Ủy ban nhân dân các huyện, thành phố",)]


def test_a_schedule_under_an_item_is_its_deadline_not_its_tasks() -> None:
    """"Thời gian hoàn thành công việc nói trên … được quy định như sau:" over its regions'
    times: the item is due by the first, and the regions are no tasks."""
    text = "\n".join([
        "1. Tổng cục Quản lý ruộng đất tiến hành công tác đo đạc trên toàn lãnh thổ.",
        "Thời gian hoàn thành công việc nói trên ở các vùng trong nước được quy định như sau:",
        "- Vùng đồng bằng sông Cửu Long:", "cuối năm 1982;",
        "- Các vùng khác (phía Bắc): cuối năm 1984.",
        "2. Bộ Nông nghiệp cử cán bộ chuyên môn tham gia."])
    tasks = extract(clean_text(text), "x.txt").tasks
    assert [(t.text[:10], t.deadline.value if t.deadline else None) for t in tasks] == [
        ("Tổng cục Q", "1982"), ("Bộ Nông ng", None)]


def test_a_body_heading_whose_name_the_grammar_cannot_close_names_it_whole() -> None:
    """"1. Vụ Các vấn đề chung về xây dựng pháp luật" over its lettered duties: the whole
    heading is the department (no verb follows the grammar's name)."""
    text = "\n".join([
        "III. TỔ CHỨC THỰC HIỆN", "1. Vụ Các vấn đề chung về xây dựng pháp luật",
        "a) Tổ chức triển khai thực hiện Kế hoạch.", "2. Sở Tư pháp tổ chức thực hiện",
        "a) Hướng dẫn các phòng tư pháp."])
    owners = [t.owners for t in extract_tasks(text, "x").tasks]
    assert owners[0] == ("Vụ Các vấn đề chung về xây dựng pháp luật",)
    assert owners[1] != ("Sở Tư pháp tổ chức thực hiện",)  # a verb follows: no name


@pytest.mark.parametrize(("value", "owners"), [
    ("Cục Trợ giúp pháp lý.", ("Cục Trợ giúp pháp lý",)),  # a name with a verb-like word
    ("Sở Nội vụ chủ trì, phối hợp với các sở.", ("Sở Nội vụ",)),  # a clause
])
def test_an_owner_field_names_its_bodies_unless_it_says_what_they_do(
        value: str, owners: tuple[str, ...]) -> None:
    text = "\n".join([
        "II. NỘI DUNG THỰC HIỆN", "a) Nghiên cứu để xây dựng đề án trợ giúp pháp lý.",
        f"- Đơn vị chủ trì: {value}", "- Thời gian thực hiện: Cả năm 2015."])
    assert [t.owners for t in extract_tasks(text, "x").tasks] == [owners]


def test_beside_an_untitled_article_that_assigns_the_others_state_policy() -> None:
    """A decision whose copy lost its articles' titles: "Điều 7. / 1. Bộ Quốc phòng chủ
    trì … / 2. Bộ Tài chính có trách nhiệm …" assigns, so "Điều 2. / 1. Quân nhân tham gia
    kháng chiến … được hưởng …" states the policy: no task."""
    text = "\n".join([
        "QUYẾT ĐỊNH:", "Điều 2.", "1. Quân nhân tham gia kháng chiến được hưởng trợ cấp.",
        "2. Người được hưởng trợ cấp hàng tháng từ trần thì thôi hưởng.", "Điều 7.",
        "1. Bộ Quốc phòng chủ trì hướng dẫn thực hiện Quyết định này.",
        "2. Bộ Tài chính có trách nhiệm bố trí ngân sách hàng năm."])
    assert [t.owners for t in extract_tasks(text, "x").tasks] == [
        ("Bộ Quốc phòng",), ("Bộ Tài chính",)]


_LAST_ITEM = ["3. Về tổ chức chỉ đạo:", "a) Sở Tài chính có trách nhiệm bố trí kinh phí.",
              "b) Sở Nội vụ có trách nhiệm bố trí biên chế cho các huyện.",
              "Kết quả phải được báo cáo hằng tháng."]


def test_paragraphs_naming_bodies_after_the_last_item_are_tasks_of_its_heading() -> None:
    """Old directives go on after their last lettered item with unmarked paragraphs, each
    directing a body of its own: tasks of the heading, not the item's continuation."""
    text = "\n".join([*_LAST_ITEM, "Ủy ban nhân dân các tỉnh cần huy động mọi lực lượng.",
                      "Tổng cục Thống kê có nhiệm vụ hướng dẫn các địa phương."])
    tasks = extract_tasks(text, "x").tasks
    assert [(t.section, t.owners) for t in tasks] == [
        ("3.a", ("Sở Tài chính",)), ("3.b", ("Sở Nội vụ",)),
        ("3", ("Ủy ban nhân dân các tỉnh",)), ("3", ("Tổng cục Thống kê",))]
    assert tasks[1].text.endswith("báo cáo hằng tháng.")


def test_one_such_paragraph_after_the_last_item_goes_on_with_it() -> None:
    """One body-led paragraph after the last item may be the issuer's closing word."""
    text = "\n".join([*_LAST_ITEM, "Sở Tư pháp sẽ thành lập các đoàn kiểm tra."])
    tasks = extract_tasks(text, "x").tasks
    assert [t.section for t in tasks] == ["3.a", "3.b"]
    assert tasks[1].text.endswith("các đoàn kiểm tra.")


@pytest.mark.parametrize(("sentence", "owner"), [
    ("Sau khi kiểm tra, đối với những hồ sơ đủ điều kiện thì Sở Y tế giới thiệu đi giám định.",
     "Sở Y tế"),
    ("Trường hợp hộ gia đình không tự xây dựng được thì Ủy ban nhân dân xã tổ chức xây dựng.",
     "Ủy ban nhân dân xã"),
])
def test_the_body_after_thi_takes_a_conditional_task(sentence: str, owner: str) -> None:
    """A condition or topic ends at "thì"; the main clause's subject owns the task."""
    text = "\n".join(["II. NHIỆM VỤ", "1. Hướng dẫn việc hỗ trợ nhà ở.", f"2. {sentence}"])
    assert [t.owners for t in extract_tasks(text, "x").tasks][1] == (owner,)


def test_who_qualifies_is_no_task_but_a_bodys_role_is() -> None:
    """"Là người có tên trong danh sách …" states a criterion; "Là cơ quan đầu mối …" the
    role of the body the heading names."""
    text = "\n".join([
        "II. NỘI DUNG", "1. Xác định đối tượng được hỗ trợ về nhà ở",
        "1.1. Là người có tên trong danh sách người có công do Phòng Lao động quản lý.",
        "2. Sở Xây dựng", "2.1. Là cơ quan đầu mối, chủ trì tổng hợp đề án."])
    assert [t.text for t in extract_tasks(text, "x").tasks] == [
        "Là cơ quan đầu mối, chủ trì tổng hợp đề án."]


def test_what_a_dossier_holds_is_part_of_the_task_that_makes_it() -> None:
    """"Lập hồ sơ …, bao gồm:" over the papers it holds: one task, the lead's; a lead that
    lists actions ("… bao gồm: / - Xây dựng …") keeps them as tasks."""
    text = "\n".join([
        "III. TỔ CHỨC THỰC HIỆN", "1. Ủy ban nhân dân xã", "- Lập hồ sơ hoàn công, bao gồm:",
        "+ Đơn đề nghị hỗ trợ về nhà ở của hộ gia đình;", "+ Biên bản xác nhận (01 bản);",
        "2. Năng lượng thông minh bao gồm:", "- Xây dựng lưới điện thông minh.",
        "- Phát triển năng lượng sạch."])
    assert [t.text for t in extract_tasks(text, "x").tasks] == [
        "Lập hồ sơ hoàn công, bao gồm:", "Xây dựng lưới điện thông minh.",
        "Phát triển năng lượng sạch."]


def test_a_case_and_what_it_is_granted_is_no_task() -> None:
    """"Đối với … thì được hưởng …", "Trường hợp …: Được quỹ … thanh toán", "Được hưởng …"
    and "Quỹ BHYT không thanh toán …" state rules; "… thì phải …" directs."""
    text = "\n".join([
        "Điều 2.", "1. Chế độ trợ giúp xã hội:",
        "- Đối với các đối tượng đang hưởng trợ giúp thì được chuyển sang hưởng mức mới;",
        "- Trường hợp người bệnh tự đi khám tại tuyến tỉnh: Được quỹ BHYT thanh toán 60%;",
        "- Được hưởng chế độ không cùng chi trả chi phí khám bệnh;",
        "- Quỹ BHYT không thanh toán các chi phí của đợt điều trị ngoại trú;",
        "- Trường hợp hồ sơ chưa đủ thì phải bổ sung trong 10 ngày."])
    assert [t.text for t in extract_tasks(text, "x").tasks] == [
        "Trường hợp hồ sơ chưa đủ thì phải bổ sung trong 10 ngày."]


def test_an_article_that_opens_with_the_body_it_directs_is_a_task() -> None:
    text = "\n".join([
        "QUYẾT ĐỊNH:", "Điều 1. Đối tượng được hưởng chính sách là thanh niên xung phong.",
        "Điều 2. Bộ Lao động - Thương binh và Xã hội chủ trì, phối hợp với các cơ quan liên "
        "quan hướng dẫn việc lập hồ sơ.",
        "Điều 3. Nguồn kinh phí do ngân sách trung ương bảo đảm."])
    assert [(t.section, t.owners) for t in extract_tasks(text, "x").tasks] == [
        ("2", ("Bộ Lao động - Thương binh và Xã hội",))]
