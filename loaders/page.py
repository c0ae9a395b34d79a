"""What kind of page a text is: the document itself, a document republished behind a
site's lead, or a news article about documents (pure).

- **official**: the text opens with the document's own header — a letterhead, a
  "Số …" line, a type heading ("KẾ HOẠCH") or a "V/v …" subject among its first lines —
  or with its first part ("I. CĂN CỨ LẬP KẾ HOẠCH", the header lost), or ends with a
  "Nơi nhận:" list, or its preamble issues it ("… Sở Thông tin và
  Truyền thông ban hành Kế hoạch … với những nội dung sau");
- **republished**: a short site lead comes first, then the document: "… trân trọng
  giới thiệu toàn văn Nghị quyết số 57-NQ/TW", a title line naming the document
  ("Kết luận số 69-KL/TW") over its full name, or "Ngày 08/12/2023 UBND tỉnh đã ban
  hành Công văn số N …" followed by the document's own voice ("Thực hiện …") or by a
  closing "Nguồn: Công văn số N"; the lead states the document's number and date when
  its own header is lost;
- **news**: neither — a report about documents.  A news article has no header of its
  own: what it reports are citations, never the page's number, issuer or province.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Literal

from policykg.loaders.bodies import is_whole_body, starts_with_body
from policykg.loaders.scan import line_search, line_start_matches, line_start_search

PageKind = Literal["official", "republished", "news"]

_FIRST_LINES = 20
_OWN_NUMBER = re.compile(r"^[ \t*]*Số[ \t]*:?[ \t]*\d", re.M)
_SUBJECT_LINE = re.compile(r"^[ \t*]*V/v\b", re.M)  # a Công văn's subject line
_ADDRESSED = re.compile(r"^[ \t*]*Kính gửi[ \t]*:", re.M)  # a letter's addressees
_RECIPIENTS = re.compile(r"^[ \t*]*Nơi nhận[ \t]*:", re.M)  # only documents end with one
_KINDS = (r"NGHỊ QUYẾT|KẾT LUẬN|CHỈ THỊ|KẾ HOẠCH|CHƯƠNG TRÌNH(?: HÀNH ĐỘNG)?|THÔNG BÁO|"
          r"CÔNG VĂN|QUYẾT ĐỊNH|BÁO CÁO|HƯỚNG DẪN|QUY ĐỊNH|ĐỀ ÁN|CHIẾN LƯỢC|QUY CHẾ")
_KIND_HEADING = re.compile(rf"^[ \t*#]*(?:{_KINDS})[ \t*]*$", re.M)
_LETTERHEAD = re.compile(r"^[ \t*]*(?:TỈNH ỦY|THÀNH ỦY|ĐẢNG BỘ|BAN CHẤP HÀNH|BỘ CHÍNH TRỊ|"
                         r"BAN BÍ THƯ|ỦY BAN NHÂN DÂN|UỶ BAN NHÂN DÂN|UBND|HỘI ĐỒNG NHÂN DÂN|"
                         r"CHÍNH PHỦ|"
                         r"THỦ TƯỚNG|VĂN PHÒNG|BỘ [A-ZĐÀ-Ỹ]|SỞ [A-ZĐÀ-Ỹ]|ĐẢNG ĐOÀN|ĐẢNG ỦY|"
                         r"BAN CÁN SỰ|BAN CHỈ ĐẠO|QUỐC HỘI)", re.M)
_DOC_KINDS = (r"(?:nghị quyết|kết luận|chỉ thị|kế hoạch|chương trình(?: hành động)?|thông báo|"
              r"công văn|quyết định|quy định|hướng dẫn|đề án)")
# A first line that only names a document: "Kết luận số 69-KL/TW".
_TITLE_LINE = re.compile(
    rf"(?i)^[ \t*#]*(?P<name>{_DOC_KINDS}\s+(?:số\s*:?\s*)?\d[\w./\-–Đđ]*)(?P<rest>[^\n]*)\n")
# The document's own text right after a title line: its first part ("I- Tình hình …",
# "PHẦN I", "1. Mục tiêu") or its preamble ("Căn cứ …", "Thực hiện …").
_BODY_START = re.compile(r"(?i)(?:[IVX]+[.\-–)]|phần\s+(?:[IVX]+|thứ)|1[.)]|căn cứ\b|thực hiện\b)")
# Who issued a document, after its name and date: "… ngày 08/6/2022 ban hành bởi Tỉnh ủy …".
ISSUED_BY = r"(?:ban hành bởi|của|do)"
# A title line that dates its document and names the issuer: "Nghị quyết số 22/NQ-TU ngày
# 08/6/2022 ban hành bởi Tỉnh ủy Kiên Giang về …", "… ngày 08/6/2022 của Tỉnh ủy …".
_DATED_AND_ISSUED = re.compile(r"(?i)^\s*,?\s*\(?\s*ngày\s*\d{1,2}\s*[/.-]\s*\d{1,2}\s*[/.-]\s*"
                               rf"(?:19|20)\d\d\s*\)?\s*,?\s*{ISSUED_BY}\s")
# An organ's notice posted without its header: a preamble in its own voice ("Thực hiện …",
# "Căn cứ …") and the organ's request "Sở Khoa học và Công nghệ đề nghị các sở, ban, ngành
# …", "Bộ KH&CN đề nghị Quý cơ quan …" — and none of a report's marks.
_OWN_VOICE_LINE = re.compile(r"^[ \t*]*(?:Thực hiện|Căn cứ|Để|Nhằm|Theo quy định)\b", re.M)
REQUEST_VOICE = re.compile(
    r"(?:^|[,.;]\s+)(?P<body>[A-ZĐ][^,.;:\n]{2,80}?)\s+(?:xin\s+|kính\s+|trân trọng\s+)?"
    r"đề nghị\s+(?:Quý|các|những|toàn thể)\s", re.M)
_REPORTED = re.compile(r"(?i)\b(?:vừa|cho biết|theo đó|phóng viên|đã tổ chức|đã diễn ra|"
                       r"nhấn mạnh)\b|^[ \t]*\([^)\n]{1,30}\)[ \t]*[-–]|"
                       r"^[ \t]*(?:sáng|chiều|tối)?[ \t]*ngày[ \t]+\d{1,2}[ \t]*/[ \t]*\d{1,2}\b",
                       re.M)
_NOTICE_PARAGRAPHS = 6
# A page that starts with the document's first part ("I. CĂN CỨ LẬP KẾ HOẠCH"): its own
# text, whose header the copy lost.
_OPENS_WITH_PART = re.compile(r"\s*(?:[IVX]+|PHẦN\s+[IVX]+)[.\-–)][ \t]*[A-ZĐÀ-Ỹ]")
# A site's posting line before the text: "Thứ hai - 11/11/2024 04:09", "(03-03-2020)".
_POSTED = re.compile(r"[ \t]*(?:(?:Thứ[ \t]+\w+|Chủ[ \t]+nhật)[ \t]*[-,]?[ \t]*)?"
                     r"\(?\d{1,2}[/-]\d{1,2}[/-](?:19|20)\d\d\)?"
                     r"(?:[ \t]+\d{1,2}:\d{2}(?::\d{2})?)?[ \t\d]*\n")
_SIGNED = re.compile(r"T/M|T/L|KT\.|TM\.|\(Đã ký\)|\(đã ký\)")
# "Ngày 08/12/2023 UBND tỉnh đã ban hành Công văn số 86549/UBND-NCKS …."
_ISSUED_LEAD = re.compile(
    rf"(?i)\b(?:đã|vừa)\s+(?:ký\s+)?ban\s+hành\s+(?P<name>{_DOC_KINDS}\s+số\s*:?\s*"
    r"(?P<number>\d[\w./\-–Đđ]*\w))")
_OWN_VOICE = re.compile(r"\s*(?:Thực hiện|Căn cứ|Triển khai|Để|Nhằm)\b")
# The preamble issuing the document itself: "… Sở X ban hành Kế hoạch … như sau:".
_ISSUES_ITSELF = re.compile(
    rf"(?i)(?<!đã )(?<!vừa )(?<!việc )(?<!về )\bban\s+hành\s+(?P<kind>{_DOC_KINDS})\b(?!\s+số)"
    r"(?:(?!ban\s+hành)[^.\n]){0,300}?"
    r"(?:như\s+sau|nội\s+dung\s+sau|sau\s+đây(?!\s+(?:gọi|viết)))")  # (not an alias note)
# "… vừa ban hành Chương trình hành động thực hiện … . Nội dung chương trình hành động
# như sau:": a lead that names the text it gives by its kind, and says so.
_GIVES_ITSELF = re.compile(
    rf"(?i)\bban\s+hành\s+(?P<kind>{_DOC_KINDS})\b(?!\s+số)"
    r"[^\n]{0,400}?\bnội\s+dung\s+(?:của\s+)?(?P=kind)[^.\n]{0,80}?như\s+sau")
# The preamble whose body guides or informs in the text itself: "Căn cứ …, Sở Khoa học và
# Công nghệ hướng dẫn các sở, ban, ngành … như sau:" (a preamble's opening first: news
# says "Chiều 12/3, Bộ X thông báo … như sau:").
_ACTS_ITSELF = re.compile(
    r"^[ \t*]*(?:Căn cứ|Thực hiện|Triển khai|Để|Nhằm|Theo quy định|Trên cơ sở)\b[^\n]*?[,;]\s+"
    r"(?P<body>[A-ZĐ][^,.;:\n]{2,100}?)\s+(?P<kind>hướng\s+dẫn|thông\s+báo)\s+"
    r"[^.\n]{0,400}?như\s+sau\s*:", re.M)
_FIRST_PARAGRAPHS = 3
# A site's lead before the document it republishes.  "Toàn văn Chỉ thị 24/CT-TTg … ra
# sao?" titles an article quoting parts of it: only a lead that says it gives the whole
# text counts, or a "Toàn văn …:" line introducing it.
_REPUBLISHED = re.compile(
    r"(?i)(?:giới thiệu|đăng tải|đăng|công bố)\s+(?:toàn văn|nguyên văn)"
    rf"|^[ \t*]*toàn văn\s+{_DOC_KINDS}[^\n?]*:[ \t*]*$", re.M)
@dataclass(frozen=True)
class Page:
    """A page's kind, and where the document's own text starts (after a site lead)."""

    kind: PageKind
    start: int = 0  # offset of the document's own text
    lead: tuple[int, int] | None = None  # span of the site lead of a republished page


def _has_recipients(view: str) -> bool:
    """Whether a line opens with "Nơi nhận:" (found by str.find: a multi-line search of
    a long text costs more)."""
    at = view.find("Nơi nhận")
    while at >= 0:
        if _RECIPIENTS.match(view, view.rfind("\n", 0, at) + 1):
            return True
        at = view.find("Nơi nhận", at + 1)
    return False


def _line_at(text: str, at: int) -> str:
    end = text.find("\n", at)
    return text[text.rfind("\n", 0, at) + 1:len(text) if end < 0 else end]


def _first_lines_end(text: str, count: int) -> int:
    end, seen = 0, 0
    while seen < count:
        nl = text.find("\n", end)
        if nl < 0:
            return len(text)
        if text[end:nl].strip():
            seen += 1
        end = nl + 1
    return end


def classify_page(view: str) -> Page:
    """The kind of page ``view`` (the header view of a cleaned text) is."""
    head = _first_lines_end(view, _FIRST_LINES)
    markers = [m.start() for m in (line_search(_OWN_NUMBER, view, ("Số",), head),
                                   line_start_search(_KIND_HEADING, view, head),
                                   line_search(_SUBJECT_LINE, view, ("V/v",), head),
                                   line_search(_ADDRESSED, view, ("Kính gửi",), head))
               if m is not None]
    # the first letterhead in capitals ("UBND tỉnh chỉ đạo …" is prose)
    letterhead = next((m.start() for m in line_start_matches(_LETTERHEAD, view, head)
                       if _line_at(view, m.start()).isupper()), None)
    if letterhead is not None:
        markers.append(letterhead)
    lower_head = view[:head].lower()  # literal cues first: the patterns ignore case
    lead = _REPUBLISHED.search(view, 0, head) if (
        "toàn văn" in lower_head or "nguyên văn" in lower_head) else None
    if lead is not None and (not markers or lead.start() < min(markers)):
        start = view.find("\n", lead.end())
        return Page("republished", len(view) if start < 0 else start + 1, (0, lead.end()))
    titled = _TITLE_LINE.match(view.lstrip("\n"))
    if titled is not None and line_search(_OWN_NUMBER, view, ("Số",), head) is None:
        offset = len(view) - len(view.lstrip("\n"))
        rest = view[offset + titled.end():].lstrip()
        over_its_text = bool(_DATED_AND_ISSUED.search(titled["rest"]) and _BODY_START.match(rest))
        if rest.lower().startswith(titled["name"].lower()) or over_its_text or _SIGNED.search(
                view, max(0, len(view) - 1500)) or line_search(_ADDRESSED, view, ("Kính gửi",),
                                                               head):
            return Page("republished", offset + titled.end(), (offset, offset + titled.end()))
    posted = _POSTED.match(view)
    if markers or _has_recipients(view) or _OPENS_WITH_PART.match(view, posted.end() if posted
                                                                    else 0):
        return Page("official")
    paragraphs = _first_lines_end(view, _FIRST_PARAGRAPHS)
    issuing = "ban hành" in lower_head[:paragraphs]
    issued = _ISSUED_LEAD.search(view, 0, paragraphs) if issuing else None
    if issued is not None:
        sentence_end = view.find(". ", issued.end(), paragraphs)
        voice = sentence_end >= 0 and _OWN_VOICE.match(view, sentence_end + 1)
        source = re.search(r"(?im)^[ \t*]*Nguồn\s*:.*" + re.escape(issued["number"]), view)
        if voice or source:
            start = sentence_end + 2 if voice else view.find("\n", issued.end()) + 1
            return Page("republished", start, (0, start))
    if issuing and issues_itself(view) is not None:
        return Page("official")
    if acts_itself(view) is not None and _REPORTED.search(view, 0, paragraphs) is None:
        return Page("official")
    if request_voice(view) is not None:
        return Page("official")
    return Page("news")


def request_voice(view: str) -> re.Match[str] | None:
    """An organ's request in its own notice ("Sở … đề nghị các sở, ban, ngành …") in a
    paragraph its preamble opens ("Để …", "Thực hiện …"), if the first paragraphs are one;
    its ``body`` group names the organ."""
    end = _first_lines_end(view, _NOTICE_PARAGRAPHS)
    if "đề nghị" not in view[:end] or _OWN_VOICE_LINE.search(view, 0, end) is None:
        return None
    voice = next((m for m in REQUEST_VOICE.finditer(view, 0, end) if starts_with_body(m["body"])
                  and _OWN_VOICE_LINE.match(view, view.rfind("\n", 0, m.start()) + 1)), None)
    return voice if voice is not None and _REPORTED.search(view, 0, end) is None else None


def addressed(view: str) -> re.Match[str] | None:
    """The "Kính gửi:" line among the first lines, if the page is a letter."""
    return line_search(_ADDRESSED, view, ("Kính gửi",), _first_lines_end(view, _FIRST_LINES))


def acts_itself(view: str) -> re.Match[str] | None:
    """The preamble's "…, X hướng dẫn / thông báo … như sau:" that makes the text X's
    Hướng dẫn or Thông báo, when X reads as a body; its ``body`` and ``kind`` groups."""
    end = _first_lines_end(view, _FIRST_PARAGRAPHS)
    return next((m for m in _ACTS_ITSELF.finditer(view, 0, end) if is_whole_body(m["body"])),
                None)


def issues_itself(view: str) -> re.Match[str] | None:
    """The preamble's "… ban hành Kế hoạch … như sau" issuing the text itself, or a lead's
    "… ban hành Kế hoạch … . Nội dung kế hoạch như sau", if any."""
    end = _first_lines_end(view, _FIRST_PARAGRAPHS)
    return _ISSUES_ITSELF.search(view, 0, end) or _GIVES_ITSELF.search(view, 0, end)
