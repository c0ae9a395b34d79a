"""Quantitative targets stated in a policy text ("đạt khoảng 15-20%/năm").

A number is a target when it carries a percentage, or when a goal word ("đạt",
"đạt mức", "thuộc nhóm"), a qualifier ("khoảng", "tối thiểu", "ít nhất", "trên",
"không dưới") or a clause-opening "có" leads it and a unit other than a span of time
follows it.  Years, dates, document and section numbers and periods ("6 tháng đầu
năm", "5 năm 2021-2025") are not targets; nor are figures reported as facts: those
of assessment sections ("Đánh giá chung", "Tình hình và nguyên nhân"), of the text
before the first heading when it states no goal, and of what follows the document
(recipients, a news page's related links).  ``year`` is the "đến năm YYYY" governing
the target: the nearest before it in its own paragraph, else the one in the line of
the numbered item it sits in.
"""

from __future__ import annotations

import re
from bisect import bisect_right

from policykg.loaders.clean import tidy
from policykg.ontology.records import Provenance, Span, Target, Task

_NUMBER = r"\d+(?:[.,]\d+)?"
# A number not inside a word, date or number; its first digit leads (the search skips to digits).
_VALUE = re.compile(rf"\d(?<![\w/.,-]\d)\d*(?:[.,]\d+)?(?:[ \t]*[-–][ \t]*{_NUMBER})?"
                    r"(?![\w/]|[.,-]\d)")
_LEAD = re.compile(r"(?i)\b(?P<lead>đạt(?:\s+mức)?|khoảng|tối thiểu|ít nhất|không dưới|"
                   r"không ít hơn|trên|tối đa|lên|thuộc\s+nhóm)\s+"
                   r"(?:(?P<lead2>khoảng|tối thiểu|trên)\s+)?$")
_AFTER = re.compile(r"\s*(?P<pct>%(?:\s*/\s*năm)?)|[ \t]+(?P<unit>[^\s,;.()/]+"
                    r"(?:/[^,;.()]*?(?=[,;.()\n]|$)|[ \t]+[^\s,;.()]+)?)")
_TIME_UNITS = re.compile(r"(?i)^(?:năm|tháng|ngày|quý|tuần|giờ|lần|khóa|nhiệm kỳ|giai đoạn)\b")
_QUALIFIERS = frozenset({"khoảng", "tối thiểu", "ít nhất", "không dưới", "không ít hơn", "trên",
                         "tối đa"})
_CLAUSE_BREAK = re.compile(r"[;:\n]|\.(?=\s)")
_LABEL = re.compile(r"[\s*]*(?:[-+•]|\d{1,2}(?:\.\d{1,2})*[.\-–)]|[a-zđ]\))?[\s*]*")
_METRIC_TAIL = re.compile(r"(?i)(?:(?:^|\s+)(?:đạt(?:\s+mức)?|khoảng|tối thiểu|ít nhất|không dưới|"
                          r"không ít hơn|trên|tối đa|lên|là|bằng|bảo đảm|đảm bảo|đóng góp|"
                          r"chiếm|có))+\s*$")
_METRIC_HEAD = re.compile(r"(?i)^(?:phấn đấu|có|bảo đảm|đảm bảo)\s+")
_NUMBERED_LINE = re.compile(r"(?m)^[ \t]*\**[ \t]*\d{1,2}(?:\.\d{1,2}){0,3}[ \t]*[.\-–)][ \t]+")
_HORIZON = re.compile(r"(?i)\bđến\s+(?:hết\s+)?năm\s+((?:19|20)\d\d)\b")
# "Có 5 tổ chức …", "phấn đấu có 40 - 50 …": a count opening its clause.
_HAS = re.compile(r"(?i)(?:phấn đấu\s+|toàn (?:tỉnh|thành phố|quốc)\s+)?có\s+$")
_HEADING = re.compile(r"(?m)^[ \t]*\**[ \t]*(?:([IVX]{1,5})[ \t]*[.\-–]|(\d{1,2}(?:\.\d{1,2}){0,3})"
                      r"[ \t]*[.\-–)])\**[ \t]*(\S[^\n]{0,40})")
_ASSESSMENT = re.compile(r"(?i)^(?:đánh giá|tình hình|kết quả|thực trạng|bối cảnh|những kết quả|"
                         r"hạn chế|nguyên nhân)\b")
_GOAL = re.compile(r"(?i)\b(?:phấn đấu|mục tiêu|chỉ tiêu|đến (?:hết )?năm|theo kế hoạch)\b")
_END = re.compile(r"(?im)^[ \t*]*(?:nơi nhận|tin liên quan|tin cùng chuyên mục|bài viết liên quan|"
                  r"các tin khác|tin khác)\b")


def _clause(text: str, start: int, end: int) -> tuple[int, int]:
    """The sentence or ";" clause around ``[start, end)``, label skipped."""
    left = max((m.end() for m in _CLAUSE_BREAK.finditer(text, max(0, start - 600), start)),
               default=max(0, start - 600))
    right_m = _CLAUSE_BREAK.search(text, end)
    right = right_m.start() if right_m else len(text)
    label = _LABEL.match(text, left)
    left = label.end() if label else left
    return min(left, start), right


def _year(text: str, position: int, numbered: list[int]) -> int | None:
    paragraph = text.rfind("\n", 0, position) + 1
    found = max(_HORIZON.finditer(text, paragraph, position), key=lambda h: h.start(),
                default=None)
    if found is None:
        k = bisect_right(numbered, paragraph) - 1
        if k >= 0:
            line_end = text.find("\n", numbered[k])
            found = _HORIZON.search(text, numbered[k], len(text) if line_end < 0 else line_end)
    return int(found.group(1)) if found else None


def _facts(text: str) -> list[tuple[int, int]]:
    """Spans whose figures are facts: assessment sections, a goal-less preamble, the end."""
    spans: list[tuple[int, int]] = []
    end_m = _END.search(text)
    if end_m is not None:
        spans.append((end_m.start(), len(text)))
    heads = [(m.start(), 0 if m.group(1) else m.group(2).count(".") + 1,
              bool(_ASSESSMENT.match(m.group(3)))) for m in _HEADING.finditer(text)]
    first = heads[0][0] if heads else len(text)
    for para in re.finditer(r"[^\n]+", text[:first]):
        if not _GOAL.search(para.group()):
            spans.append(para.span())
    for k, (start, level, assessment) in enumerate(heads):
        if assessment:
            stop = next((s for s, lv, _ in heads[k + 1:] if lv <= level), len(text))
            spans.append((start, stop))
    return spans


def _metric(before: str, after: str, unit: str | None, qualifier: str | None) -> str:
    metric = _METRIC_HEAD.sub("", _METRIC_TAIL.sub("", tidy(before)))
    tail = tidy(after)
    if not metric:
        metric = f"số {unit} {tail}".strip() if unit and unit != "%" else tail
    elif tail and unit and unit.startswith("%"):
        metric = f"{metric} so với {tail}"
    metric = metric[:1].lower() + metric[1:]
    return f"{metric} ({qualifier})" if qualifier else metric


def extract_targets(text: str, source: str, tasks: tuple[Task, ...]) -> tuple[Target, ...]:
    """Numeric goals of the text, in document order."""
    targets: list[Target] = []
    facts: list[tuple[int, int]] | None = None
    numbered: list[int] | None = None
    for m in _VALUE.finditer(text):
        after = _AFTER.match(text, m.end())
        pct = after.group("pct") if after else None
        unit = after.group("unit") if after else None
        if not pct and (unit is None or _TIME_UNITS.match(unit) or unit[:1].isupper()):
            continue
        value = "".join(m.group().split())
        lead_m = _LEAD.search(text, max(0, m.start() - 30), m.start())
        lead = (lead_m.group("lead2") or lead_m.group("lead")).lower() if lead_m else None
        if pct:
            unit = "".join(pct.split())
        elif lead is None:
            opening = _clause(text, m.start(), m.end())[0]
            if not _HAS.fullmatch(text, opening, m.start()):
                continue
        if re.fullmatch(r"(?:19|20)\d\d", value) and not pct:
            continue
        if facts is None:
            facts = _facts(text)
            numbered = [n.start() for n in _NUMBERED_LINE.finditer(text)]
        if any(a <= m.start() < b for a, b in facts):
            continue
        start = lead_m.start() if lead_m else m.start()
        end = after.end() if after else m.end()
        unit_end = after.end("unit") if after and after.group("unit") else end
        c_start, c_end = _clause(text, start, end)
        qualifier = lead if lead in _QUALIFIERS else None
        metric = _metric(text[c_start:start], text[end:c_end] if pct else
                         text[unit_end:c_end], unit, qualifier)
        task_index = next((k for k, t in enumerate(tasks) if t.provenance.span is not None
                           and t.provenance.span.start <= start < t.provenance.span.end), None)
        targets.append(Target(
            text=tidy(text[c_start:c_end]), metric=metric, value=value, unit=unit,
            qualifier=qualifier, year=_year(text, start, numbered or []), task_index=task_index,
            provenance=Provenance(source=source, span=Span(start=c_start, end=c_end))))
    return tuple(targets)
