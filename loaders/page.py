"""What kind of page a text is: the document itself, a document republished behind a
site's lead, or a news article about documents (pure).

- **official**: the text opens with the document's own header — a letterhead, a
  "Số …" line, a type heading ("KẾ HOẠCH") or a "V/v …" subject among its first lines —
  or ends with a "Nơi nhận:" list;
- **republished**: a short site lead ("… trân trọng giới thiệu toàn văn Nghị quyết số
  57-NQ/TW", "… vừa ký ban hành Kế hoạch số …") comes first, then the document; the
  lead states the document's number and date when its own header is lost;
- **news**: neither — a report about documents.  A news article has no header of its
  own: what it reports are citations, never the page's number, issuer or province.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Literal

PageKind = Literal["official", "republished", "news"]

_FIRST_LINES = 20
_OWN_NUMBER = re.compile(r"^[ \t*]*Số[ \t]*:?[ \t]*\d", re.M)
_SUBJECT_LINE = re.compile(r"^[ \t*]*V/v\b", re.M)  # a Công văn's subject line
_RECIPIENTS = re.compile(r"^[ \t*]*Nơi nhận[ \t]*:", re.M)  # only documents end with one
_KINDS = (r"NGHỊ QUYẾT|KẾT LUẬN|CHỈ THỊ|KẾ HOẠCH|CHƯƠNG TRÌNH(?: HÀNH ĐỘNG)?|THÔNG BÁO|"
          r"CÔNG VĂN|QUYẾT ĐỊNH|BÁO CÁO|HƯỚNG DẪN|QUY ĐỊNH|ĐỀ ÁN|CHIẾN LƯỢC|QUY CHẾ")
_KIND_HEADING = re.compile(rf"^[ \t*#]*(?:{_KINDS})[ \t*]*$", re.M)
_LETTERHEAD = re.compile(r"^[ \t*]*(?:TỈNH ỦY|THÀNH ỦY|ĐẢNG BỘ|BAN CHẤP HÀNH|BỘ CHÍNH TRỊ|"
                         r"BAN BÍ THƯ|ỦY BAN NHÂN DÂN|UỶ BAN NHÂN DÂN|UBND|HỘI ĐỒNG NHÂN DÂN|"
                         r"CHÍNH PHỦ|"
                         r"THỦ TƯỚNG|VĂN PHÒNG|BỘ [A-ZĐÀ-Ỹ]|SỞ [A-ZĐÀ-Ỹ]|ĐẢNG ĐOÀN|ĐẢNG ỦY|"
                         r"BAN CÁN SỰ|BAN CHỈ ĐẠO|QUỐC HỘI)", re.M)
# A site's lead before the document it republishes.
_REPUBLISHED = re.compile(
    r"(?i)(?:giới thiệu|đăng tải|đăng)\s+toàn văn|toàn văn\s+(?:nghị quyết|kết luận|chỉ thị|"
    r"kế hoạch|chương trình|thông báo|công văn|quyết định|quy định)|nguyên văn")
# The document a lead names: "… Nghị quyết số 57-NQ/TW (ngày 22/12/2024) của Bộ Chính trị".
_LEAD_DOCUMENT = re.compile(
    r"(?i)(?P<kind>nghị quyết|kết luận|chỉ thị|kế hoạch|chương trình(?: hành động)?|thông báo|"
    r"công văn|quyết định|quy định|hướng dẫn|đề án)\s+số\s*:?\s*(?P<number>\d[\w./\-–Đđ]*)")


@dataclass(frozen=True)
class Page:
    """A page's kind, and where the document's own text starts (after a site lead)."""

    kind: PageKind
    start: int = 0  # offset of the document's own text
    lead: tuple[int, int] | None = None  # span of the site lead of a republished page


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
    markers = [m.start() for pattern in (_OWN_NUMBER, _KIND_HEADING, _LETTERHEAD, _SUBJECT_LINE)
               if (m := pattern.search(view, 0, head)) is not None]
    lead = _REPUBLISHED.search(view, 0, head)
    if lead is not None and (not markers or lead.start() < min(markers)):
        start = view.find("\n", lead.end())
        return Page("republished", len(view) if start < 0 else start + 1, (0, lead.end()))
    if markers or _RECIPIENTS.search(view):
        return Page("official")
    return Page("news")


def lead_document(view: str, page: Page) -> re.Match[str] | None:
    """The document a republished page's lead names (its kind and number), if any."""
    if page.lead is None:
        return None
    return _LEAD_DOCUMENT.search(view, 0, page.start)
