"""Deadlines stated in a task: quarters, months, dates, years and recurrence.

Values: ``2024-Q2``, ``2025-06``, ``2025-06-30``, ``2025``, ``recurring``.  Plan
horizons ("đến năm 2030", "giai đoạn 2021-2025") and the dates of cited documents
are not deadlines: a month, day or year counts only after a completion word
("trước", "trong", "hoàn thành", "chậm nhất").
"""

from __future__ import annotations

import re

from policykg.core.vntext import case_blind_words, may_hold
from policykg.ontology.records import Deadline, Provenance, Span

_ANY_YEAR = re.compile(r"(?:19|20)\d\d")
_ROMAN = {"I": 1, "II": 2, "III": 3, "IV": 4}
_SEP = r"\s*[-/.]\s*|\s+(?:năm\s+)?"
_QUARTER = re.compile(rf"(?i)\bqu[ýí]\s+(IV|III|II|I|[1-4])(?:{_SEP})((?:19|20)\d\d)\b")


_WHEN_WORDS = ("trước", "trong", "hoàn thành", "xong", r"chậm nhất(?:\s+là)?", "hạn", "kết thúc")
_AFTER_WHEN = r"\s+(?:\w+\s+){0,2}?"
_WHEN = case_blind_words(*_WHEN_WORDS) + _AFTER_WHEN
# A day is a deadline after "đến (hết) ngày" as well: only years after "đến" are horizons.
_WHEN_DAY = case_blind_words(*(w + _AFTER_WHEN for w in _WHEN_WORDS), r"đến\s+(?:hết\s+)?")
_DAY = re.compile(_WHEN_DAY + r"(?i:ngày\s+)?(\d{1,2})\s*[/.-]\s*(\d{1,2})\s*[/.-]\s*"
                  r"((?:19|20)\d\d)\b")
_DAY_WORDS = re.compile(_WHEN_DAY + r"(?i:ngày\s+(\d{1,2})\s+tháng\s+(\d{1,2})\s+năm\s+"
                        r"((?:19|20)\d\d))\b")
_MONTH = re.compile(_WHEN + r"(?i:tháng\s+(\d{1,2})(?:\s*[/-]\s*|\s+năm\s+)((?:19|20)\d\d))\b")
# "… các nhiệm vụ được giao trong năm 2025": the year names the tasks, not a deadline.
_YEAR = re.compile(
    case_blind_words("trong", r"hoàn thành(?:\s+trong)?", "trước", r"chậm nhất(?:\s+là)?",
                     not_after=("giao ", " ra "))
    + r"(?i:\s+(?:cuối\s+)?năm\s+((?:19|20)\d\d))\b")
# "các mục tiêu, chỉ tiêu, nhiệm vụ chủ yếu năm 2017 … hoàn thành": that year's plan.
_YEAR_PLAN = re.compile(r"(?i)\b(?:mục tiêu|chỉ tiêu|nhiệm vụ|kế hoạch)[^.;:]{0,60}?"
                        r"\b(?<!\d )năm\s+((?:19|20)\d\d)\b(?=[^.;]{0,200}?\bhoàn thành)")
# "Năm 2025, hoàn thành …": a year opening a sentence of completion.
# (The "N" first, the text's start or a sentence end looked behind after it.)
_YEAR_FIRST = re.compile(r"[Nn](?:(?<![\s\S][Nn])|(?<=[.;:]\s[Nn]))ăm\s+((?:19|20)\d\d)\s*,\s*"
                         r"(?:cơ bản\s+)?"
                         r"(?:hoàn thành|xong)\b")
# "Hoàn thành … đến hết năm 2019": a completion by the end of a year (without "hoàn thành"
# the year is a horizon).
_COMPLETED_BY = re.compile(r"(?i)\bhoàn thành\b[^.;:]{0,200}?\bđến\s+hết\s+năm\s+((?:19|20)\d\d)\b")
# "… cơ sở dữ liệu về đất đai vào năm 2025": when the work is done; but not when a goal
# is reached ("đạt 1,5% GDP vào năm 2015", "mục tiêu trung hòa các-bon vào năm 2050").
_YEAR_AT = re.compile(r"(?i)\bvào\s+(?:cuối\s+)?năm\s+((?:19|20)\d\d)\b")
_GOAL_BEFORE = re.compile(r"(?i)\b(?:đạt|mục tiêu|chỉ tiêu)\b|%")
# "- Năm 2018: Rà soát …": a schedule's year label over what is to be done in it.
_YEAR_LABEL = re.compile(r"^[\s*]*Năm\s+((?:19|20)\d\d)\s*:")
# The item opens with its recurrence, which governs its main action: "Định kỳ, Thường
# trực Ủy ban … báo cáo", "Định kỳ hằng năm, đánh giá …", "Thường xuyên cải tạo …".
_RECURRING_OPENING = re.compile(
    r"^[\s*]*(?:Định kỳ|Thường xuyên|Hằng năm|Hàng năm|Hằng quý|Hàng quý|Hằng tháng|Hàng tháng)"
    r"(?:\s+(?:hằng|hàng)\s+(?:năm|quý|tháng)|\s+\d+\s+tháng(?:\s+một\s+lần)?)?"
    r"(?:\s*,|\s+(?=[a-zđà-ỹ]))")
# The whole item is to be done regularly: its last clause ends "… thực hiện thường xuyên",
# "…; nhiệm vụ thường xuyên".
_RECURRING = re.compile(r"(?i)\b(?:thực\s+hiện|triển\s+khai|tiến\s+hành|tổ\s+chức|duy\s+trì|"
                        r"nhiệm\s+vụ)\s+(?:thường\s+xuyên|hằng\s+năm|hàng\s+năm|"
                        r"định\s+kỳ(?:\s+hằng\s+năm)?)[\s*./;)]*$")
# An item whose first clause's action is a periodic report or publication: "Chỉ đạo UBND xã
# định kỳ hàng tháng báo cáo …", "… tổng hợp ý kiến, báo cáo định kỳ về Sở …", "công bố
# hàng tháng danh mục …".  A recurrence joined to other actions ("theo dõi, kiểm tra … và
# định kỳ báo cáo"; "…; định kỳ báo cáo") governs that action only.
_PERIOD = (r"(?:định kỳ(?:\s+(?:hằng|hàng)\s+(?:năm|quý|tháng)|\s+\d+\s+tháng)?"
           r"|(?:hằng|hàng)\s+(?:năm|quý|tháng))")
_PERIODIC_VERBS = ("báo cáo", "công bố", "cập nhật", "thông báo", "đo kiểm")
_PERIODIC_VERB = f"(?:{'|'.join(_PERIODIC_VERBS)})"
_RECURRING_ACTION = re.compile(rf"(?i)\b{_PERIODIC_VERB}\s+{_PERIOD}\b"
                               rf"|(?<![,;]\s)(?<!\svà\s)(?<!kỳ\s)\b{_PERIOD}\s+{_PERIODIC_VERB}\b")
_SENTENCE_BREAK = re.compile(r"[;]|[.:]\s+[A-ZĐÀ-Ỹ]")
# A time column or "thời gian:" field holding only a recurrence.
_RECURRING_FIELD = re.compile(r"(?i)\b(?:thường xuyên|hằng năm|hàng năm|liên tục|định kỳ|"
                              r"(?:các|những) năm tiếp theo|hằng quý|hằng tháng)\b")
_FIELD_SPAN = re.compile(r"(?i)(?:19|20)\d\d\s*[-–]\s*(?:quý|quí|tháng|\d{1,2}\s*/)")
_RANGE = re.compile(r"\b(?:19|20)\d\d\s*[-–]\s*(?:19|20)\d\d\b")
# A time that starts, not ends: "Từ năm 2013 đến năm 2020", "Từ tháng 11/2013 trở đi"
_FROM = re.compile(r"(?i)^(?:thực hiện\s+)?(?:bắt đầu\s+)?từ\s+(?:ngày|tháng|quý|quí|năm)\b"
                   # … and months in a window: "Tháng 11, 12/2013"
                   r"|\btháng\s+\d{1,2}\s*(?:,|và)\s*\d{1,2}\s*/\s*(?:19|20)\d\d")
_FIELD_DAY = re.compile(r"\b(\d{1,2})\s*[/.-]\s*(\d{1,2})\s*[/.-]\s*((?:19|20)\d\d)\b"
                        r"|\bngày\s+(\d{1,2})\s+tháng\s+(\d{1,2})\s+năm\s+((?:19|20)\d\d)\b", re.I)
_FIELD_MONTH = re.compile(r"(?:\btháng\s+|\b)(\d{1,2})\s*(?:/|\s+năm\s+)\s*((?:19|20)\d\d)\b", re.I)
_FIELD_YEAR = re.compile(r"\b((?:19|20)\d\d)\b")


def _value(m: re.Match[str], kind: str) -> str:
    if kind == "quarter":
        q = m.group(1).upper()
        return f"{m.group(2)}-Q{_ROMAN.get(q, q)}"
    if kind == "day":
        return f"{m.group(3)}-{int(m.group(2)):02d}-{int(m.group(1)):02d}"
    if kind == "month":
        return f"{m.group(2)}-{int(m.group(1)):02d}"
    return m.group(1)


_YEAR_CUE = r"năm\s+(?:19|20)\d\d"
_REFERENCE_DATE = re.compile(r"tính\s+$")  # "tính đến ngày …", matched in the lower case
# Each form with a cue it cannot match without, searched case-sensitively in the lower-cased
# text: most texts lack the cue, and its search is much cheaper than the form's own.
_FORMS: tuple[tuple[re.Pattern[str], str, re.Pattern[str]], ...] = (
    (_QUARTER, "quarter", re.compile("qu[ýí]")),
    (_DAY, "day", re.compile(r"\d\s*[/.-]\s*\d{1,2}\s*[/.-]\s*(?:19|20)\d\d")),
    (_DAY_WORDS, "day", re.compile(rf"ngày\s+\d{{1,2}}\s+tháng\s+\d{{1,2}}\s+{_YEAR_CUE}")),
    (_MONTH, "month", re.compile(r"tháng\s+\d{1,2}(?:\s*[/-]\s*|\s+năm\s+)(?:19|20)\d\d")),
    (_YEAR, "year", re.compile(_YEAR_CUE)),
    (_YEAR_PLAN, "year", re.compile("hoàn thành")),
    (_YEAR_FIRST, "year", re.compile(r"năm\s+(?:19|20)\d\d\s*,")),
    (_COMPLETED_BY, "year", re.compile(r"đến\s+hết\s+năm")),
    (_YEAR_AT, "year", re.compile(r"vào\s+(?:cuối\s+)?năm")),
    (_YEAR_LABEL, "year", re.compile(r"năm\s+(?:19|20)\d\d\s*:")),
)


def _valid(value: str, kind: str) -> bool:
    if kind == "day":
        _, month, day = value.split("-")
        return 1 <= int(month) <= 12 and 1 <= int(day) <= 31
    if kind == "month":
        return 1 <= int(value.split("-")[1]) <= 12
    return True


def _ends_with_recurrence(text: str) -> bool:
    """Whether ``text`` ends with the last word of a recurrence (the quick test before
    :data:`_RECURRING`, which searches the whole text)."""
    end = len(text)
    while end and (text[end - 1] in "*./;)" or text[end - 1].isspace()):
        end -= 1
    return text[max(end - 5, 0):end].lower().endswith(("xuyên", "năm", "kỳ"))


def _clause_start(text: str, at: int) -> int:
    """Where the clause holding ``at`` starts (after a ".", ";" or ":")."""
    return max(text.rfind(c, 0, at) for c in ".;:") + 1


def _first_clause_end(text: str) -> int:
    """Where the item's first clause ends (a ";" or a sentence's end)."""
    found = _SENTENCE_BREAK.search(text)
    return len(text) if found is None else found.start()


def find_deadline(text: str, *, offset: int = 0, source: str = "") -> Deadline | None:
    """The first deadline stated in ``text`` (a task or attribution line), if any.

    ``offset`` is where ``text`` starts in the document, so spans point into it.
    """
    if "\n" in text:  # a wrapped line breaks a phrase as a space does (same offsets)
        text = text.replace("\n", " ")
    best: tuple[int, int, str] | None = None
    lower = text.lower() if _ANY_YEAR.search(text) else ""
    for pattern, kind, cue in _FORMS if lower else ():
        if cue.search(lower) is None:
            continue
        m = pattern.search(text)
        while m is not None and "tính" in lower and _REFERENCE_DATE.search(
                lower, max(0, m.start() - 6), m.start()):
            m = pattern.search(text, m.end())  # "(tính đến ngày 31/12/2024)": a count's date
        while m is not None and pattern is _YEAR_AT and _GOAL_BEFORE.search(
                text, _clause_start(text, m.start()), m.start()):
            m = pattern.search(text, m.end())
        if m is None:
            continue
        value = _value(m, kind)
        if not _valid(value, kind):
            continue
        start = m.start(1) if kind == "year" and pattern in (_YEAR_PLAN, _YEAR_FIRST,
                                                              _COMPLETED_BY) else m.start()
        if best is None or start < best[0]:
            best = (start, m.end(), value)
    if best is None and (opening := _RECURRING_OPENING.match(text)) is not None:
        best = (opening.start(), len(opening[0].rstrip(" ,")), "recurring")
    if best is None and ("kỳ" in text or "hàng" in text or "hằng" in text):
        clause_end = _first_clause_end(text)
        if may_hold(text[:clause_end], _PERIODIC_VERBS) and (
                action := _RECURRING_ACTION.search(text, 0, clause_end)) is not None:
            best = (action.start(), action.end(), "recurring")
    if best is None:
        rec = _RECURRING.search(text.rstrip()) if _ends_with_recurrence(text) else None
        if rec is None:
            return None
        phrase_end = len(text[:rec.end()].rstrip(" */.;)\n\t"))
        best = (rec.start(), phrase_end, "recurring")
    start, end, value = best
    phrase = text[start:end].strip(" *")
    lead = len(text[start:end]) - len(text[start:end].lstrip(" *"))
    span = Span(start=offset + start + lead, end=offset + start + lead + len(phrase))
    return Deadline(value=value, phrase=phrase,
                    provenance=Provenance(source=source, span=span, origin="text"))


def deadline_from_field(value: str, *, offset: int = 0, source: str = "") -> Deadline | None:
    """The deadline in a time field ("Quý II/2025", "30/6/2025", "Hằng năm", "Thường xuyên").

    ``offset`` is where ``value`` starts in the document; the phrase is the whole field.
    """
    phrase = value.strip(" *.;")
    if not phrase:
        return None
    start = offset + value.index(phrase)
    prov = Provenance(source=source, span=Span(start=start, end=start + len(phrase)))
    normalised = _field_value(phrase)
    return Deadline(value=normalised, phrase=phrase, provenance=prov) if normalised else None


def _field_value(phrase: str) -> str | None:
    """The deadline a time field states; a range, a condition or no year states none."""
    if _FIELD_SPAN.search(phrase) or _FROM.search(phrase):
        return None  # "Quý IV/2025 - Quý II/2026", "tháng 6/2025 - tháng 12/2025", "Từ …",
        # "Tháng 11, 12/2013"
    day = _FIELD_DAY.search(phrase)
    quarter = _QUARTER.search(phrase)
    found: list[tuple[int, str]] = []
    if day is not None:
        d, m, y = (day.group(1, 2, 3) if day.group(1) else day.group(4, 5, 6))
        if 1 <= int(m) <= 12 and 1 <= int(d) <= 31:
            found.append((day.start(), f"{y}-{int(m):02d}-{int(d):02d}"))
    if quarter is not None:
        found.append((quarter.start(), _value(quarter, "quarter")))
    month = _FIELD_MONTH.search(phrase)
    recurring = _RECURRING_FIELD.search(phrase)
    if month is not None and 1 <= int(month.group(1)) <= 12 and recurring is not None and \
            month.start() < recurring.start() and not _RANGE.search(phrase):
        # "Tháng 12/2013 và thường xuyên": the first explicit date
        found.append((month.start(), f"{month.group(2)}-{int(month.group(1)):02d}"))
    if found:
        return min(found)[1]
    if recurring is not None:
        return "recurring"
    if _RANGE.search(phrase):
        return None
    if month is not None and 1 <= int(month.group(1)) <= 12:
        return f"{month.group(2)}-{int(month.group(1)):02d}"
    year = _FIELD_YEAR.search(phrase)
    if year is not None and len(phrase) <= 40 and not re.search(r"(?i)\bsau khi\b", phrase):
        return year.group(1)
    return None
