"""Quantitative targets of a policy text, read from its outline ("đạt khoảng 15-20%/năm").

The outline (:mod:`policykg.loaders.outline`) says where a figure stands, and so what
it is:

- in **objectives** (a section titled "Mục tiêu …", an indicator table with a
  "Chỉ tiêu" column) a figure with a unit is a target;
- in **tasks and elsewhere** only a goal is: a percentage, or a figure led by a goal
  word ("đạt", "phấn đấu", "tối thiểu", "ít nhất", "≥" …) or opening its clause ("Có
  5 tổ chức …");
- in **assessments** (results, the situation, causes), a preamble that states no goal,
  or a clause reporting the present ("hiện nay", "đến nay mới đạt", "đã đạt") figures
  are facts, not targets;
- never a target: years, dates, document, article and section numbers, periods
  ("6 tháng đầu năm"), spans of time, ranks ("nhóm 3 nước dẫn đầu", "top 03", a
  "Thứ bậc" row).

One clause, one goal: its percentages, else its first goal figure (the other figures
of the clause describe it: "100% các khu … có tối thiểu 1 trạm 5G").  ``year`` is the
"đến (hết) năm YYYY" (or "Định hướng/Tầm nhìn đến năm") governing the figure: in its
clause before it, else in its item before it, else in the nearest heading above it
("Mục tiêu đến hết năm 2026", a table's group row "Đến năm 2030").  Values are
written as the text writes them, with thousands separators removed (500.000 →
500000), a decimal comma made a point and ranges joined ("40 - 50" → "40-50").
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, replace

from policykg.core.vntext import case_blind_words, fold, may_hold, tone_blind
from policykg.loaders.clauses import YEAR_LABEL, is_rate
from policykg.loaders.clean import tidy
from policykg.loaders.layout import lay_out
from policykg.loaders.outline import Node, parse_outline
from policykg.loaders.spacing import Squeezed, source_span
from policykg.ontology.records import Provenance, Target, Task

_NUMBER = r"\d+(?:[.,]\d+)*"
# Units written against their figure: "5Mbit/s", "10km", "2ha" (not "5G", "4.0").
_GLUED_UNIT = (r"(?:[kKMGT]?(?:bit|bps|b|B|W|Wh|Hz)(?:/s)?|km2?|m2|m3|ha|kg|kWh|MW|GW|GB|TB|"
               r"USD|VNĐ|đ)(?![\w/])")
# A number not inside a word, date, path or another number (its first digit is matched
# before the look behind, so that the search skips to digits).
_VALUE = re.compile(rf"\d(?<![\w/.,\-–]\d)\d*(?:[.,]\d+)*(?:%?[ \t]*[-–][ \t]*{_NUMBER}(?=%))?"
                    rf"(?:[ \t]*[-–][ \t]*{_NUMBER})?(?!(?!{_GLUED_UNIT})[\w/]|[.,\-]\d)")
_GLUED = re.compile(f"({_GLUED_UNIT})")
_PERCENT = re.compile(r"[ \t]*(%(?:[ \t]*/[ \t]*năm)?|phần trăm)")
# A unit: a word or two, or a rate "người/1 vạn dân", "xe/100.000 dân", "%/năm".
_UNIT = re.compile(r"[ \t]+([^\s,;.()/:]+(?:/[ \t]*\d[\d.,]*[ \t]+"
                   r"(?:vạn[ \t]+|nghìn[ \t]+|triệu[ \t]+)?[^\s,;.()]+"
                   r"|(?:/[^\s,;.()]+)?(?:[ \t]+[^\s,;.()]+)?))")
_TIME_UNIT = re.compile(r"(?i)^(?:năm|tháng|ngày|quý|quí|tuần|giờ|phút|lần|khóa|khoá|nhiệm kỳ|"
                        r"giai đoạn|kỳ|đợt|buổi|tuổi)\b")
_LEAD = re.compile(r"(?i)(?:đạt(?:\s+mức)?|khoảng|tối thiểu|ít nhất|không dưới|không ít hơn|trên|"
                   r"tối đa|lên|hơn|phấn đấu(?:\s+đạt)?|bảo đảm|đảm bảo|chiếm|bằng|"
                   r"[≥≤><]=?|>=|<=)\s*$")
_QUALIFIER = re.compile(r"(?i)(khoảng|tối thiểu|ít nhất|không dưới|không ít hơn|trên|tối đa|≥|>=|>|"
                        r"≤|<=|<)\s*$")
_CLAUSE_OPENING = re.compile(
    r"(?i)(?:^|[;:.]\s*|(?:đến|tới)\s+(?:hết\s+)?năm\s+\d{4}\s*,?\s*|(?:hằng|hàng|mỗi)\s+năm\s*,\s*|"
    r"\b(?:phấn đấu|toàn (?:tỉnh|thành phố|quốc))\s+)"
    r"(?:phấn đấu\s+)?có\s+(?:khoảng\s+|ít nhất\s+|tối thiểu\s+|từ\s+|thêm\s+|[≥>]=?\s*)?$")
_NOT_A_FIGURE_WORDS = (
    "số", "điều", "khoản", "mục", "điểm", "phần", "chương", "phụ lục", "khóa", "khoá", "lần thứ",
    "thứ", "kỳ họp", "phiên", "tháng", "ngày", "quý", "quí", "năm", "giai đoạn", "thời kỳ", "nhóm",
    "top", "hạng", "cấp độ", "km", "đoạn", "khu", "tiêu chí", "bước", "đề án", "chỉ thị",
    "nghị quyết", "nghị định", "kết luận", "quyết định", "kế hoạch", "chương trình", "công văn",
    "thông báo", "luật")
_NOT_A_FIGURE = re.compile(r"(?i)(?:" + "|".join(rf"\b{w}" for w in _NOT_A_FIGURE_WORDS)
                           + r")\s*$")
# A match starts this far at most before the end of the text without its trailing spaces.
_NOT_A_FIGURE_REACH = max(map(len, _NOT_A_FIGURE_WORDS))
# Verbs a goal figure follows in a task: "số hóa 100% dữ liệu", "phủ sóng 100% thôn".
_GOAL_VERBS = (r"(?:đến|hoàn thành|số hóa|số hoá|phủ sóng|phủ|kết nối|cắt giảm|giảm|tăng|đạt|"
               r"bảo đảm|đảm bảo|bố trí|dành|chiếm|có|ứng dụng|cung cấp|thực hiện|tại|hỗ trợ|"
               r"đào tạo|xử lý|giải quyết|triển khai)")
_GOAL_VERB = re.compile(rf"(?i)\b{_GOAL_VERBS}\s*$")
# … or follows its object: "Số hóa dữ liệu của 75% hộ sản xuất nông nghiệp".
_GOAL_VERB_OF = re.compile(rf"(?i)\b{_GOAL_VERBS}\s+(?:[^\s,;.:]+\s+){{1,3}}của\s*$")
# What makes a figure a goal without a goal word: a schedule's year label ("- Năm 2022: 94
# xã"), or what a horizon's completion reaches ("Đến năm 2025, hoàn thành chuyển đổi số tại
# 12 huyện").
_SCHEDULE_LABEL = re.compile(rf"(?i)(?:^|\n)[\s*\-+•]*{YEAR_LABEL}\s*(?:có\s+|đạt\s+)?$")
_COMPLETION_AT = re.compile(r"(?i)^[\s*\-+•]*(?:đến|tới)\s+(?:hết\s+)?năm\s+(?:19|20)\d\d\s*,\s*"
                            r"(?:cơ bản\s+)?hoàn thành\b[^;:.]{0,120}?\b(?:tại|ở|cho)\s+$")
# A share that opens its clause and states what it reaches: ", 100% người dân được khám …".
_SHARE_STATE = re.compile(r"[ \t]*%[ \t]+(?:các[ \t]+)?[^\s,;.]+(?:[ \t]+[^\s,;.]+){0,4}?[ \t]+"
                          r"(?:được|có|sử dụng|tham gia|tiếp cận)\b")
_FACT = re.compile(case_blind_words(
    # "nhà ở đã có, …" (the houses there are) reports nothing
    "hiện nay", "hiện có", "hiện đã", "đến nay", "tính đến", "đã đạt", r"đã có(?![ \t]*[,;.)])",
    "mới đạt",
    "năm qua", "vừa qua", "so với cùng kỳ", "đã được", "đã hoàn thành", "đạt được") + r"\b")
# A funding rule, not a goal: a budget's share ("ngân sách trung ương hỗ trợ 95%"), a
# threshold of one ("trên 70% dự toán chi cân đối").
_BUDGET_SHARE = re.compile(r"(?i)\b(?:ngân sách|vốn)\b[^,;.]{0,30}\bhỗ trợ\s*$")
_OF_BUDGET = re.compile(r"(?i)[ \t]*(?:dự toán|tổng mức đầu tư|tổng kinh phí)\b")
# An allowance a policy grants, in money: no target.
_ALLOWANCE = re.compile(r"(?i)\b(?:trợ cấp|phụ cấp|mức hưởng|được hưởng)\b")
_RANK = re.compile(r"(?i)\b(?:nhóm|top|xếp hạng|thứ hạng|đứng thứ|thứ bậc|vị trí)\b")
_HORIZON = re.compile(r"(?i)\b(?:đến|tới)\s+(?:hết\s+|cuối\s+)?(?:năm\s+)?((?:19|20)\d\d)\b"
                      r"|\b(?:tầm nhìn|định hướng)\s+(?:đến\s+)?(?:năm\s+)?((?:19|20)\d\d)\b")
_YEAR_ONLY = re.compile(r"(?:19|20)\d\d")
# A further horizon inside a clause: ", đến năm 2030 …", "và tới năm 2045 …".
_NEXT_HORIZON = re.compile(r"(?:,|\s+và)\s+(?:đến|tới)\s+(?:hết\s+)?năm\s+(?:19|20)\d\d\b")
# "đạt 1,5% GDP vào năm 2015": the year a figure is due, right after it.
_DUE_YEAR = re.compile(r"[ \t]*(?:[^\s,;.]+[ \t]+){0,3}?vào[ \t]+(?:cuối[ \t]+)?năm[ \t]+"
                       r"((?:19|20)\d\d)\b")
# Words that begin what follows a unit, not the unit: "huyện phát triển", "trạm được lắp".
_NOT_UNIT_WORDS = frozenset({"phát", "được", "có", "đạt", "tham", "trở", "ứng", "thực", "là",
                             "sẽ", "đã", "trên", "tại", "trong", "của", "cho", "với", "và",
                             "đi", "hoạt", "đang", "mới", "cấp", "theo", "để", "nhằm", "ở"})
_DIGIT = re.compile(r"\d")
_MARK_BEFORE = re.compile(r"[/.-]\s*$")  # after "/", "." or "-": part of a number or date
_WINDOW = 160  # how far before a figure its clause's opening is looked for
_NESTED = 32  # tasks before a figure that may still hold it (a heading's task holds its items)
_INDEX = re.compile(r"\d,\d{1,3}")  # "0,7": an index, not a count
# ";", spaces after a sentence's end before a capital, or a line break; one class first,
# so that the search skips to it.
_CLAUSE = re.compile(r"[;\s](?:(?<=;)|(?<=[.!?]\s)\s*(?=[A-ZĐÀ-Ỹ])|(?<=\n))")
_OBJECTIVES = re.compile(
    rf"(?i)^[\s*]*(?:{tone_blind('về')}\s+)?(?:(?:các\s+)?" + "|".join(map(tone_blind, (
        "mục tiêu", "chỉ tiêu", "định hướng", "tầm nhìn"))) + r")\b")
_ASSESSMENT = re.compile(
    rf"(?i)^[\s*]*(?:{tone_blind('về')}\s+)?(?:" + "|".join(map(tone_blind, (
        "đánh giá", "tình hình", "kết quả", "thực trạng", "bối cảnh", "những kết quả",
        "hạn chế", "tồn tại", "nguyên nhân", "ưu điểm", "bài học"))) + r")\b")
_GOAL_WORDS = re.compile(case_blind_words("phấn đấu", "mục tiêu", "chỉ tiêu", "đến (?:hết )?năm",
                                          "theo kế hoạch") + r"\b")
# A floor set for a figure states a goal even in a preamble: "… ít nhất 03 Tổ".
_FLOOR = re.compile(r"(?i)\b(?:ít nhất|tối thiểu|không dưới)\s+\d")
_FLOOR_WORDS = ("ít nhất", "tối thiểu", "không dưới")  # one is in every match of _FLOOR
_INDICATOR_COL = re.compile(r"^(?:ten )?chi tieu|^muc tieu|^noi dung chi tieu")
_VALUE_COL = re.compile(r"(?:^ket qua|^gia tri|^chi tieu (?:den|nam)|^muc tieu|^nam 20|^den nam|"
                        r"^so lieu|^dat)")
_UNIT_COL = re.compile(r"^don vi")
# What a metric's words begin and end with that is not the metric: "Phấn đấu đến năm
# 2030, kinh tế số chiếm tỷ trọng trên" → "kinh tế số chiếm tỷ trọng".
_METRIC_TAIL = re.compile(r"(?i)(?:(?:^|\s+)(?:đạt(?:\s+mức)?|khoảng|tối thiểu|ít nhất|không dưới|"
                          r"không ít hơn|trên|tối đa|lên|là|bằng|bảo đảm|đảm bảo|đóng góp|"
                          r"chiếm|có|[≥≤><]=?))+\s*$")
_METRIC_HEAD = re.compile(r"(?i)^(?:(?:phấn đấu|có|bảo đảm|đảm bảo)\s+|(?:đến|tới)\s+(?:hết\s+)?"
                          r"năm\s+\d{4}\s*[,:]?\s*|(?:tầm nhìn|định hướng)\s+đến\s+năm\s+\d{4}"
                          r"\s*[,:]?\s*|[-+*•:]\s*)+")


@dataclass(frozen=True)
class _Zone:
    objectives: bool = False  # a section of objectives: a figure with a unit is a target
    facts: bool = False  # an assessment: no targets at all
    year: int | None = None  # the governing horizon, from a heading above


def normalise_value(written: str) -> str:
    """A figure as the scorer and the graph keep it: no thousands separators, decimal
    point, ranges joined; leading zeros kept ("05")."""
    parts = re.split(r"\s*[-–]\s*", written.replace("%", "").strip())
    out = []
    for part in parts:
        if re.fullmatch(r"\d{1,3}(?:\.\d{3})+", part):
            part = part.replace(".", "")  # 500.000
        elif re.fullmatch(r"\d+,\d+", part):
            part = part.replace(",", ".")  # 0,7
        elif re.fullmatch(r"\d{1,3}(?:,\d{3})+", part):
            part = part.replace(",", "")
        out.append(part)
    return "-".join(out)


def _horizon(text: str) -> int | None:
    """The last horizon year stated in ``text``."""
    found = None
    for m in _HORIZON.finditer(text):
        found = int(m.group(1) or m.group(2))
    return found


def _clauses(text: str) -> Iterator[tuple[int, int]]:
    start = 0
    for m in _CLAUSE.finditer(text):
        if m.start() > start:
            yield start, m.start()
        start = m.end()
    if start < len(text):
        yield start, len(text)


@dataclass(frozen=True)
class _Candidate:
    start: int  # offsets in the node's text
    end: int
    value: str
    unit: str | None
    unit_end: int  # offset in the node's text where the figure and its unit end
    qualifier: str | None
    percent: bool
    led: bool


def _candidates(text: str, zone: _Zone) -> Iterator[list[_Candidate]]:
    """Per clause of ``text``, its target figures."""
    if _DIGIT.search(text) is None:
        return
    for c_start, c_end in _clauses(text):
        clause = text[c_start:c_end]
        if is_rate(clause):
            continue  # "Định suất cơ bản từ 80.000 đồng/người/tháng lên 240.000 …"
        found: list[_Candidate] = []
        # once per clause, not per figure (a long clause of many figures stays linear); the
        # case-blind searches only when a figure needs them, the cheap refusals first
        content = len(clause) - len(clause.lstrip(" *-+•\t\n"))
        facts: list[int] | None = None
        goal_word: re.Match[str] | None = None
        goal_searched = False
        for m in _VALUE.finditer(clause):
            written = m.group().replace("%", "")
            after = clause[m.end():]
            pct = _PERCENT.match(after)
            if _YEAR_ONLY.fullmatch(written) and not pct:
                continue
            before = clause[max(0, m.start() - 40):m.start()]
            if _NOT_A_FIGURE.search(before, max(0, len(before.rstrip()) - _NOT_A_FIGURE_REACH)) \
                    or _MARK_BEFORE.search(before):
                continue
            if facts is None:
                facts = [f.start() for f in _FACT.finditer(clause)]
            segment = max(clause.rfind("(", 0, m.start()), 0)
            k = bisect_left(facts, segment)
            if k < len(facts) and facts[k] < m.start():
                continue  # "(đến nay mới đạt 39,5%)", "Hiện nay, … 180 trạm": a fact
            unit_m = None if pct else (_GLUED.match(after) or _UNIT.match(after))
            unit = ("".join(pct.group(1).split()).replace("phầntrăm", "%") if pct
                    else unit_m.group(1) if unit_m else None)
            if unit is not None and not pct and " " in unit and \
                    unit.split()[1].lower() in _NOT_UNIT_WORDS:
                unit = unit.split()[0]  # "3-5 huyện phát triển …": the unit is "huyện"
            unit_end = m.end() + (pct.end() if pct else len(unit) + (
                len(after) - len(after.lstrip(" \t"))) if unit else 0)
            if unit is not None and not pct and (_TIME_UNIT.match(unit) or unit[:1] == "|"):
                continue
            if _RANK.search(clause[max(0, m.start() - 25):m.start()]):
                continue
            if pct and (_BUDGET_SHARE.search(before) or _OF_BUDGET.match(after, pct.end())):
                continue  # "ngân sách trung ương hỗ trợ 95%", "trên 70% dự toán chi": a rule
            lead = _LEAD.search(before)
            window = max(0, m.start() - _WINDOW)
            opening = m.start() <= content or _CLAUSE_OPENING.search(clause, window, m.start())
            led = bool(lead or opening) or bool(
                not pct and unit and (_SCHEDULE_LABEL.search(before)
                                      or _COMPLETION_AT.match(clause, 0, m.start())))
            if not pct and not led and not (zone.objectives and unit):
                continue
            if pct and not (led or zone.objectives or _GOAL_VERB.search(before)
                            or _GOAL_VERB_OF.search(before)
                            or (before.rstrip().endswith(",") and _SHARE_STATE.match(after))):
                if not goal_searched:
                    goal_word, goal_searched = _GOAL_WORDS.search(clause), True
                if goal_word is None or goal_word.end() > m.start():
                    continue  # "… với tỷ lệ 1% - 3% doanh thu": a condition, not a goal
            if not pct and unit is None and not (zone.objectives and lead and _INDEX.fullmatch(
                    written)):
                continue  # a unitless figure only as an index: "HDI duy trì trên 0,7"
            if unit is not None and unit.startswith("đồng") and _ALLOWANCE.search(clause):
                continue  # "… được hưởng trợ cấp một lần bằng 3.000.000 đồng": a rate
            qualifier = _QUALIFIER.search(before)
            found.append(_Candidate(c_start + m.start(), c_start + m.end(), written,
                                    unit, c_start + unit_end,
                                    qualifier.group(1).lower() if qualifier else None,
                                    bool(pct), led))
        if not found:
            continue
        # a parenthesis states a goal of its own ("tối thiểu 5Mbit/s (95% truy nhập …)"),
        # and so does each horizon ("đến năm 2025 đạt 8.300 USD, đến năm 2030 đạt …")
        horizons = [c_start + h.start() for h in _NEXT_HORIZON.finditer(clause)]
        parentheses = _Parentheses(clause)
        groups: dict[tuple[bool, int], list[_Candidate]] = {}
        for f in found:
            part = bisect_right(horizons, f.start)
            groups.setdefault((parentheses.inside(f.start - c_start), part), []).append(f)
        kept = sorted((f for group in groups.values()
                       for f in ([g for g in group if g.percent] or group[:1])),
                      key=lambda f: f.start)
        if kept:
            yield kept


def _metric(before: str, after: str, unit: str | None, qualifier: str | None) -> str:
    """What a figure measures, from its clause: the words before it, else its unit and
    the words after it ("Có ít nhất 50 doanh nghiệp KH&CN" → "số doanh nghiệp KH&CN")."""
    metric = _METRIC_HEAD.sub("", _METRIC_TAIL.sub("", tidy(before)))
    tail = tidy(after).rstrip(" .;,")
    if not metric:
        metric = f"số {unit} {tail}".strip() if unit and not unit.startswith("%") else tail
    if metric[1:2].islower():  # "Tỷ lệ …" → "tỷ lệ …", but "DNNVV …" stays
        metric = metric[:1].lower() + metric[1:]
    return f"{metric} ({qualifier})" if qualifier else metric


class _Parentheses:
    """Whether a position of a text is inside parentheses, answered by bisection."""

    def __init__(self, text: str) -> None:
        self.opens = [k for k, ch in enumerate(text) if ch == "("]
        self.closes = [k for k, ch in enumerate(text) if ch == ")"] if self.opens else []

    def inside(self, at: int) -> bool:
        return bisect_left(self.opens, at) > bisect_left(self.closes, at)


class _Collector:
    def __init__(self, text: str, source: str, task_spans: Sequence[tuple[int, int] | None],
                 squeezed: Squeezed | None) -> None:
        self.text, self.source, self.squeezed = text, source, squeezed
        self.targets: list[Target] = []
        spans = sorted((span[0], span[1], k) for k, span in enumerate(task_spans)
                       if span is not None)
        self._task_spans = spans
        self._task_starts = [start for start, _, _ in spans]

    def _task_index(self, start: int) -> int | None:
        """The task whose text holds ``start``, found by bisection."""
        k = bisect_right(self._task_starts, start)
        for span_start, span_end, index in reversed(self._task_spans[max(0, k - _NESTED):k]):
            if span_start <= start < span_end:
                return index
        return None

    def _add(self, value: str, unit: str | None, qualifier: str | None, year: int | None,
             metric: str, clause: tuple[int, int]) -> None:
        start, end = clause
        self.targets.append(Target(
            text=tidy(self.text[start:end]), metric=metric, value=normalise_value(value),
            unit=unit, qualifier=qualifier, year=year, task_index=self._task_index(start),
            provenance=Provenance(source=self.source,
                                  span=source_span(self.squeezed, start, end))))

    def node_text(self, node: Node, zone: _Zone) -> None:
        text = node.text
        found = list(_candidates(text, zone))
        if not found:
            return
        # clause bounds and horizons once per text, looked up by bisection per figure
        breaks = [(m.start(), m.end()) for m in _CLAUSE.finditer(text)]
        break_starts = [b[0] for b in breaks]
        horizons = [(h.start(), int(h.group(1) or h.group(2))) for h in _HORIZON.finditer(text)]
        horizon_starts = [h[0] for h in horizons]
        for clause in found:
            for cand in clause:
                k = bisect_left(break_starts, cand.start)
                clause_start = breaks[k - 1][1] if k else 0
                j = bisect_left(break_starts, cand.end)
                clause_end = breaks[j][0] if j < len(breaks) else len(text)
                due = _DUE_YEAR.match(text, cand.unit_end)
                h = bisect_left(horizon_starts, cand.start) - 1
                # the horizon before the figure: in its clause, else in its text
                horizon = horizons[h][1] if h >= 0 else None
                year = (int(due[1]) if due else None) or horizon or zone.year
                # a clause of hundreds of figures: each target keeps its neighbourhood
                start = max(clause_start, cand.start - _WINDOW * 2)
                end = min(clause_end, cand.unit_end + _WINDOW * 2)
                metric = _metric(text[max(start, cand.start - _WINDOW):cand.start],
                                 text[cand.unit_end:min(end, cand.unit_end + _WINDOW)],
                                 cand.unit, cand.qualifier)
                self._add(cand.value, cand.unit, cand.qualifier, year, metric,
                          (node.start + start, node.start + end))

    def table(self, node: Node, zone: _Zone) -> None:
        rows = node.children
        if not rows:
            return
        header = [fold(c) for c in rows[0].cells]
        indicator = next((k for k, c in enumerate(header) if _INDICATOR_COL.search(c)), None)
        value_col = next((k for k, c in enumerate(header) if k != indicator
                          and _VALUE_COL.search(c)), None)
        unit_col = next((k for k, c in enumerate(header) if _UNIT_COL.search(c)), None)
        if indicator is None or value_col is None:
            for row in rows[1:]:  # a task table: figures in its task cells
                for k, cell in enumerate(row.cells):
                    if k and cell:
                        self.node_text(Node("row", "row", "", row.cell_starts[k],
                                            row.cell_starts[k] + len(cell), cell), zone)
                        break
            return
        year = zone.year
        for row in rows[1:]:
            cells = row.cells
            if len(cells) <= value_col or (len(cells) < len(header) and len(cells) <= 2):
                label = " ".join(cells)
                year = _horizon(label) or year  # a group row: "I | Đến năm 2030"
                continue
            unit = cells[unit_col].strip() if unit_col is not None and unit_col < len(cells) \
                else None
            if unit and _RANK.search(unit):
                continue
            value_cell = cells[value_col]
            m = _VALUE.search(value_cell)
            if m is None or (_YEAR_ONLY.fullmatch(m.group()) and "%" not in value_cell):
                continue
            qualifier = _QUALIFIER.search(value_cell[:m.start()])
            self._add(m.group(), unit or ("%" if "%" in value_cell else None),
                      qualifier.group(1).lower() if qualifier else None, year,
                      tidy(cells[indicator]), (row.start, row.end))

    def walk(self, node: Node, zone: _Zone) -> None:
        if node.kind == "table":
            self.table(node, zone)
            return
        if node.kind in ("part", "num", "letter", "annex", "article", "bullet", "paren",
                         "plain") and node.text:
            title = node.text if len(node.text) < 200 else ""
            if node.kind != "plain" and _ASSESSMENT.match(node.text) and title:
                zone = replace(zone, facts=True, objectives=False)
            elif node.kind != "plain" and _OBJECTIVES.match(node.text) and title:
                zone = replace(zone, objectives=True, facts=False)
            elif node.kind in ("part", "annex"):
                zone = replace(zone, objectives=False, facts=False)
            heading_year = _horizon(title) if (title and (node.children or node.kind == "part")
                                                and len(title) < 120) else None
            if not zone.facts and not (node.kind == "plain" and node.parent is not None
                                       and node.parent.kind == "root"
                                       and not _GOAL_WORDS.search(node.text)
                                       and not (may_hold(node.text, _FLOOR_WORDS)
                                                and _FLOOR.search(node.text))):
                self.node_text(node, zone)
            if heading_year is not None:
                zone = replace(zone, year=heading_year)
        for child in node.children:
            self.walk(child, zone)


def extract_targets_from(root: Node, text: str, source: str,
                         task_spans: Sequence[tuple[int, int] | None], *,
                         squeezed: Squeezed | None = None) -> tuple[Target, ...]:
    """Numeric goals of the text, in document order.  ``task_spans`` are the spans of the
    tasks in ``text`` (``squeezed.text`` when its spacing was squeezed: the targets' spans
    are then mapped to the source)."""
    collector = _Collector(text, source, task_spans, squeezed)
    collector.walk(root, _Zone())
    return tuple(collector.targets)


def extract_targets(text: str, source: str, tasks: tuple[Task, ...]) -> tuple[Target, ...]:
    """Numeric goals of ``text`` (a cleaned text), in document order."""
    spans = [(span.start, span.end) if (span := t.provenance.span) else None for t in tasks]
    return extract_targets_from(parse_outline(lay_out(text)), text, source, spans)
