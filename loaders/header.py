"""The document's own header facts (pure).

Party documents open with a letterhead ("TỈNH ỦY THÁI NGUYÊN", "Số 29-CTr/TU",
"Thái Nguyên, ngày 04 tháng 6 năm 2013"), a type heading ("CHƯƠNG TRÌNH HÀNH
ĐỘNG") or, for an official letter, a "V/v …" subject, then the subject line, and
close with a signature block ("T/M BAN THƯỜNG VỤ / BÍ THƯ" and the signer's name).
Web copies often lose parts of this; :func:`extract_header` takes what is printed
and infers the province only from unambiguous content (provenance ``inferred``).
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date

from policykg.core.errors import InvalidNumber
from policykg.core.provinces import province_at, province_named
from policykg.core.vntext import LOWER, UPPER, expand_abbreviations, fold
from policykg.loaders.clean import tidy
from policykg.loaders.lead import (
    LeadFacts,
    lead_facts,
    letter_facts,
    notice_facts,
    preamble_facts,
)
from policykg.loaders.page import Page, classify_page
from policykg.loaders.scan import (
    line_matches,
    line_search,
    line_start_search,
    lines_end,
    literal_matches,
)
from policykg.ontology.identity import parse_number
from policykg.ontology.records import KIND_NAMES_VI, DocumentHeader, DocumentKind, Provenance, Span

_WORD = rf"[{UPPER}][{LOWER}]*"
NAME = rf"{_WORD}(?:[ \t]+{_WORD}){{0,3}}"  # a capitalised proper name: "Thái Nguyên"

# The header lives in the first lines; later lines are the body.
_HEAD_LINES = 40

_KIND_BY_HEADING = {
    name.upper(): kind for kind, name in KIND_NAMES_VI.items() if kind is not DocumentKind.Other
}
# A part heading naming the text's kind, when no type heading does: "I. CĂN CỨ LẬP KẾ
# HOẠCH", "II. MỤC ĐÍCH, YÊU CẦU CỦA CHƯƠNG TRÌNH".
_PART_NAMES_KIND = re.compile(
    r"(?im)^[ \t*#]*(?:[IVX]+|PHẦN[ \t]+[IVX]+)[.\-–)][ \t]+[^\n]{0,60}?\b(?:lập|xây dựng|"
    r"ban hành|của|thực hiện)[ \t]+(?P<kind>kế hoạch|chương trình)\b")
# "Kế hoạch", as web copies write a type heading.
_TITLE_CASE_KINDS = sorted((k[:1] + k[1:].lower() for k in _KIND_BY_HEADING), key=len,
                           reverse=True)
_HEADING = re.compile(
    r"^[ \t*]*(?P<kind>" + "|".join(sorted(_KIND_BY_HEADING, key=len, reverse=True))
    + "|" + "|".join(_TITLE_CASE_KINDS)
    + r")(?:[ \t]+(?:HÀNH|hành)[ \t]+(?:ĐỘNG|động))?[ \t*]*$",
    re.M,
)
# "ngày 04 tháng 6 năm 2013", and as web pages and converted files write it, "ngày 04/6/2013"
_DAY_MONTH_YEAR = (
    r"ngày[ \t]+(?P<d>\d{1,2})(?:[ \t]+tháng[ \t]+|[ \t]*[/.\-][ \t]*)(?P<m>\d{1,2})"
    r"(?:[ \t]+năm[ \t]+|[ \t]*[/.\-][ \t]*)(?P<y>\d{4})"
)
# "Số 29-CTr/TU"; web copies glue the date line on: "Số: 118-KH/TUngày 15 tháng 3 năm 2025".
_OWN_NUMBER = re.compile(
    rf"^[ \t*]*Số[ \t]*:?[ \t]*(?P<number>\d[^\n*]*?)(?:[ \t]*,?[ \t]*{_DAY_MONTH_YEAR})?[ \t*]*$",
    re.M,
)
_SUBJECT = re.compile(r"^[ \t*]*(?P<vv>V/[vV])[ \t.:]", re.M)
_DASH = r"[ \t]*[-–][ \t]*"  # inside a name: "Bà Rịa - Vũng Tàu"
_CITY = r"(?:TP\.[ \t]*|[Tt]hành phố[ \t]+)"
_PLACE_DATE = re.compile(
    rf"^[ \t*]*{_CITY}?(?P<place>{_WORD}(?:(?:[ \t]+|{_DASH}){_WORD}){{0,3}})[ \t]*,[ \t]*"
    + _DAY_MONTH_YEAR,
    re.M,
)
# A place line whose name a copy garbled ("T hành phố Hồ Chí M inh, ngày 28 tháng 6 năm
# 2014"): its date still dates the document.
_GARBLED_PLACE_DATE = re.compile(
    rf"^[ \t*]*[{UPPER}][{UPPER}{LOWER} \t.\-–]{{1,40}},[ \t]*{_DAY_MONTH_YEAR}", re.M)
_UPPER_WORD = rf"(?!KHÓA\b)[{UPPER}]+"
_LETTERHEAD = re.compile(
    r"(?P<unit>TỈNH ỦY|THÀNH ỦY|ĐẢNG BỘ TỈNH|ĐẢNG BỘ THÀNH PHỐ)[ \t]+"
    r"(?:THÀNH PHỐ[ \t]+|TP\.[ \t]*)?"
    rf"(?P<name>{_UPPER_WORD}(?:(?:[ \t]+|{_DASH}){_UPPER_WORD}){{0,3}})(?![{UPPER}{LOWER}])"
)
# A committee under the provincial letterhead ("ĐẢNG BỘ TỈNH THANH HÓA" / "ĐẢNG ỦY KHỐI …").
_OFFICE_LINE = re.compile(r"(?:[ \t*]*\n){1,3}[ \t*]*(?P<office>VĂN PHÒNG)[ \t*]*$", re.M)
_COMMITTEE = (r"(?P<unit>(?:ĐẢNG ỦY|ĐẢNG ĐOÀN|BAN CÁN SỰ ĐẢNG|HUYỆN ỦY|THỊ ỦY|QUẬN ỦY|"
              rf"THÀNH ỦY|CHI BỘ)(?:[ \t]+[{UPPER}]+)+)[ \t*|]*$")
_SUBUNIT = re.compile(r"[ \t]*\n(?:[ \t*]*\n)?[ \t*]*" + _COMMITTEE, re.M)  # a blank line between
# A committee printed alone at the top, under no provincial letterhead ("ĐẢNG BỘ HUYỆN
# SƠN TỊNH" / "ĐẢNG ỦY XÃ TỊNH TRÀ", or "HUYỆN ỦY …" by itself).
_COMMITTEE_LINE = re.compile(r"^[ \t*]*" + _COMMITTEE, re.M)
# Centrally governed cities: a printed place line naming one is the province.
_CENTRAL_CITIES = frozenset(("Hà Nội", "Hồ Chí Minh", "Hải Phòng", "Đà Nẵng", "Cần Thơ", "Huế"))
# Words that start a body's or a document's name, never a province's ("tỉnh Ban …").
_NOT_PLACE = frozenset((
    "Ban", "Sở", "Ủy", "Hội", "Đảng", "Văn", "Mặt", "Thường", "Bí", "Chủ", "Phó", "Nhân",
    "Trung", "Chương", "Kế", "Nghị", "Kết", "Chỉ", "Thông", "Quyết", "Công", "Báo", "Hướng",
    "Việt", "Liên", "Đoàn", "Khu", "Cục", "Chi",
))
_PLACE_MENTION = re.compile(  # tried where "ỉnh" or "hành" follows a "t" (scan.literal_matches)
    rf"[Tt](?:ỉnh ủy|hành ủy|ỉnh|hành phố)[ \t]+(?P<name>{NAME})"
)
_TERM = re.compile(r"KHÓA[ \t]+(?P<term>[IVXLC]+)\b")

# Issuing bodies, as canonically written; matched case-insensitively.
_BODIES = (
    "Ban Thường vụ Tỉnh ủy", "Ban Thường vụ Thành ủy", "Thường trực Tỉnh ủy",
    "Thường trực Thành ủy", "Ban Chấp hành Đảng bộ tỉnh", "Ban Chấp hành Đảng bộ thành phố",
    "Ban Chấp hành Trung ương", "Bộ Chính trị", "Ban Bí thư", "Ban Thường vụ", "Thường trực",
    "Tỉnh ủy", "Thành ủy",
)
_BODY_BY_LOWER = {b.lower(): b for b in _BODIES}
_BODY = (
    "(?i:" + "|".join(b.replace(" ", r"[ \t\n]+") for b in sorted(_BODIES, key=len, reverse=True))
    + ")"
)
# An issuer line under the heading ("CỦA BAN THƯỜNG VỤ TỈNH ỦY"), not the issuer of a
# document the title cites ("… NGHỊ QUYẾT SỐ 57-NQ/TW CỦA BỘ CHÍNH TRỊ").
_OF_BODY = re.compile(rf"^[ \t*]*CỦA[ \t]+(?P<body>{_BODY})(?![{LOWER}])", re.M)
# "Ban Thường vụ Tỉnh ủy (Thái Nguyên) xây dựng …": found from the verb, then the body before it.
_AUTHOR_VERB = re.compile(
    r"[ \t](?:xây dựng|ban hành|yêu cầu|chỉ thị|đề nghị|quyết định|kết luận|thông báo)\b"
)
# "… ban hành Kế hoạch số 118-KH/TU": the body issued another, numbered document.
_ISSUES_NUMBERED = re.compile(
    r"[ \t]+(?i:" + "|".join(name for kind, name in KIND_NAMES_VI.items()
                             if kind is not DocumentKind.Other)
    + r")(?:[ \t]+hành động)?[ \t]+số[ \t]*:?[ \t]*\d"
)
_AUTHOR = re.compile(rf"(?P<body>{_BODY})(?:[ \t]+{NAME})?(?:[ \t]*\(khóa[ \t]+[IVXLC]+\))?$")
_SIGNED = re.compile(rf"(?:T/?M|T/?L|K/?T)\.?[ \t]+(?P<body>{_BODY})(?![{LOWER}])")
_BODY_LINE = re.compile(rf"^[ \t*]*(?P<body>{_BODY})[ \t*]*$", re.M)  # "BAN CHẤP HÀNH TRUNG ƯƠNG"
_CENTRAL = frozenset({"Ban Chấp hành Trung ương", "Bộ Chính trị", "Ban Bí thư"})
# A legal database's title of the document, on its first line: "Công văn 296/BHXH-CSYT năm
# 2021 hướng dẫn … do Bảo hiểm xã hội Việt Nam ban hành."; its issuer, where no letterhead
# names one.  One ending in "Việt Nam" or "Trung ương" is nation-wide.
_DATABASE_TITLE_HEAD = (r"(?:" + "|".join(_TITLE_CASE_KINDS)
                        + r")[ \t]+\d{1,5}/\S{2,24}[ \t]+năm[ \t]+\d{4}")
_DATABASE_TITLE = re.compile(
    rf"[ \t*]*{_DATABASE_TITLE_HEAD}"
    rf"[ \t][^\n]{{0,600}}?[ \t]do[ \t]+(?P<issuer>[{UPPER}][^\n.;]{{1,80}}?)[ \t]+ban hành\.")
_NATIONAL_ENDINGS = ("Việt Nam", "Trung ương", "Chính phủ")
# The Prime Minister's signature ("| THỦ TƯỚNG Nguyễn Tấn Dũng |", "KT. THỦ TƯỚNG"): the
# issuer of a copy that lost its letterhead.
_PRIME_MINISTER_SIGNS = re.compile(r"(?:^|\||K/?T\.?)[ \t]*(?P<title>THỦ TƯỚNG)\b", re.M)
# The close of a signed document; a last line that is a name without it is no signer.
_SIGNATURE_CUE = re.compile(r"Nơi nhận|T/?M\.?[ \t]|T/?L\.?[ \t]|K/?T\.?[ \t]|BÍ THƯ|\(đã ký|"
                            r"VĂN PHÒNG|CHỦ TỊCH|THỦ TƯỚNG")
_TAIL_CHARS = 2000
_PERSON = re.compile(rf"^[ \t*]*(?P<name>{_WORD}(?:[ \t]+{_WORD}){{1,4}})[ \t*]*$")
_FOOTER = re.compile(r"https?://|www\.|Số hóa|Nguồn:", re.I)
_SPACES = re.compile(r"\s+")
_DASH_RUN = re.compile(r"[ \t]*[-–][ \t]*")
# Bodies named without their party committee ("T/M BAN THƯỜNG VỤ") take the unit's.
_NEEDS_UNIT = ("Ban Thường vụ", "Thường trực")
_LOCAL_ENDINGS = ("Tỉnh ủy", "Thành ủy", "Đảng bộ tỉnh", "Đảng bộ thành phố")


# The national motto and the Party's name, printed opposite the letterhead.  The first
# letter is a class of both cases (the search skips to it), the rest ignores case.
_MOTTO = re.compile(r"[CcĐđ](?:(?<=[Cc])(?i:ỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM|"
                    r"ỘNG HOÀ XÃ HỘI CHỦ NGHĨA VIỆT NAM)|(?<=[Đđ])(?i:ộc lập\s*-\s*Tự do\s*-\s*"
                    r"Hạnh phúc|ẢNG CỘNG SẢN VIỆT NAM))")
_RULE = re.compile(r"[-_=*]{3,}")
_CELL = re.compile(r"[ \t]\|[ \t]")
_VIEW_LINES = 12
# A type heading split by a PDF's letter spacing or a scan ("K Ế HOẠCH", "K ÉT LUẬN"): its
# letters, folded, spell a kind's name; the view writes the name.
_SPACED_HEADING = re.compile(
    rf"^(?P<lead>[ \t*]*)(?P<caps>[{UPPER}](?:[ \t]?[{UPPER}]){{4,30}})[ \t*]*$", re.M)
_NAME_BY_LETTERS = {fold(name).replace(" ", ""): name for base in _KIND_BY_HEADING
                    for name in (base, f"{base} HÀNH ĐỘNG")}
# A type heading with its subject on the same line, as web pages print it: "KẾ HOẠCH THỰC
# HIỆN NGHỊ QUYẾT SỐ 57-NQ/TW …" (the line in capitals), "Kế hoạch thực hiện Nghị quyết số
# 57-NQ/TW …" (the line alone, no sentence, under the letterhead: a page's first line in
# title case is the site's title); the space after the type becomes a break.
_TITLED_HEADING = re.compile(
    r"^(?P<kind>[ \t*#]*(?:" + "|".join(sorted(_KIND_BY_HEADING, key=len, reverse=True))
    + r")(?:[ \t]+HÀNH[ \t]+ĐỘNG)?)[ \t]+"
    # (its subject in capitals to the line's end, or to where a copy ran the text on: "CHỈ
    # THỊ VỀ CÔNG TÁC ĐO ĐẠC … TRONG CẢ NƯỚC Ngày 24 tháng 6 năm 1977 …")
    + rf"(?=(?!SỐ\b|HÀNH[ \t]+ĐỘNG\b)[{UPPER}][{UPPER} \t,.;:()\-–/0-9]*"
    + rf"(?:$|(?<=[{UPPER}]{{2}})[ \t][{UPPER}][{LOWER}]))"
    r"|^(?P<named>[ \t*#]*(?:" + "|".join(_TITLE_CASE_KINDS) + r")(?:[ \t]+hành[ \t]+động)?)"
    r"[ \t]+(?=(?!số\b|hành[ \t]+động\b)[a-zđà-ỹ][^\n]*[^.\s][ \t]*$)", re.M)


# Two-syllable words of organisation names and the motto, which a narrow letterhead cell
# can wrap ("ỦY BAN NHÂN" / "DÂN", "BỘ THÔNG TIN VÀ" / "TRUYỀN THÔNG", "CỘNG HÒA XÃ" / "HỘI").
_COMPOUNDS = frozenset(tuple(pair.split()) for pair in (
    "NHÂN DÂN", "KHOA HỌC", "CÔNG NGHỆ", "THÔNG TIN", "TRUYỀN THÔNG", "CHÍNH PHỦ",
    "CHÍNH TRỊ", "TRUNG ƯƠNG", "THƯỜNG VỤ", "TUYÊN GIÁO", "DÂN VẬN", "TỔ CHỨC", "KIỂM TRA",
    "VĂN PHÒNG", "HỘI ĐỒNG", "GIÁO DỤC", "ĐÀO TẠO", "Y TẾ", "TÀI CHÍNH", "KẾ HOẠCH",
    "ĐẦU TƯ", "NỘI VỤ", "TƯ PHÁP", "XÂY DỰNG", "GIAO THÔNG", "VẬN TẢI", "CÔNG THƯƠNG",
    "NÔNG NGHIỆP", "PHÁT TRIỂN", "NÔNG THÔN", "TÀI NGUYÊN", "MÔI TRƯỜNG", "LAO ĐỘNG",
    "THƯƠNG BINH", "XÃ HỘI", "VĂN HÓA", "THỂ THAO", "DU LỊCH", "NGOẠI GIAO", "QUỐC PHÒNG",
    "CÔNG AN", "NGÂN HÀNG", "NHÀ NƯỚC", "THANH TRA", "CHỈ ĐẠO", "CÁN SỰ", "CHẤP HÀNH",
    "MẶT TRẬN", "TỔ QUỐC", "LIÊN HIỆP", "THANH NIÊN", "PHỤ NỮ", "CHIẾN BINH", "CỘNG HÒA",
    "CỘNG HOÀ", "CHỦ NGHĨA", "VIỆT NAM", "THÀNH PHỐ", "THỊ XÃ", "THỊ TRẤN", "ĐẠI HỌC",
    "HỌC VIỆN", "BỆNH VIỆN", "CÔNG TY", "TẬP ĐOÀN", "ỦY BAN", "UỶ BAN"))
_NUMBER_LABEL = re.compile(r"[ \t*]*Số[ \t]*:?[ \t]*")  # "Số:" alone, its number below
_CAPS_LINE = re.compile(rf"[ \t*]*[{UPPER}](?:[ ,&\-–]*[{UPPER},&\-–])*[ \t*]*")


def _wrapped_caps(head: str) -> str:
    """``head`` with the line breaks inside a capitalised name turned into spaces (a
    break that splits a two-syllable word, :data:`_COMPOUNDS`, or follows or precedes
    "VÀ"), and the one between "Số:" and its number."""
    lines = head.split("\n")
    out = lines[:1]
    for line in lines[1:]:
        prev = out[-1]
        if (_CAPS_LINE.fullmatch(prev) and _CAPS_LINE.fullmatch(line) and prev.split() and
                line.split() and ((last := prev.split()[-1]) == "VÀ" or
                                  (first := line.split()[0]) == "VÀ" or
                                  (last, first) in _COMPOUNDS)) or (
                _NUMBER_LABEL.fullmatch(prev) and line.lstrip()[:1].isdigit()):
            out[-1] = f"{prev} {line}"  # (and "Số:" over its number)
        else:
            out.append(line)
    return "\n".join(out)


# A header whose cells a copy glued into running lines (a legal database's crawl: "Số:
# 435/QĐ-UBND Kon Tum, ngày 04 tháng 5 năm 2020 QUYẾT ĐỊNH V/V …", "Hà Nội, ngày … Kính
# gửi: …"): a line break before each field the glued line hides.
_GLUED_FIELD = re.compile(
    r"(?<=\S)[ \t](?=V/[vV][ \t.:]|Kính gửi\b)"
    rf"|(?<=\bSố)(?P<number>[ \t]*:?[ \t]*\d\S*)[ \t](?=(?:[{UPPER}][{LOWER}]+[ \t]){{0,3}}"
    rf"[{UPPER}][{LOWER}]+,[ \t]*ngày[ \t]+\d)"
    r"|(?<=năm[ \t]\d{4})[ \t](?=[ \t]*(?:" + "|".join(sorted(_KIND_BY_HEADING, key=len,
                                                             reverse=True)) + r")\b)"
    # a database's title of the document before its letterhead: "Công văn 6087/BYT-KCB năm
    # 2013 … do Bộ Y tế ban hành. BỘ Y TẾ", "Quyết định 435/QĐ-UBND năm 2020. ỦY BAN …"
    r"|(?<=ban hành\.)[ \t](?=[" + UPPER + r"]{2,}[ \t][" + UPPER + r"])"
    rf"|^(?P<title>{_DATABASE_TITLE_HEAD}\.)[ \t](?=[{UPPER}]{{2,}}[ \t][{UPPER}])", re.M)


def _unglued(m: re.Match[str]) -> str:
    kept = m["number"] or m["title"]
    return kept + "\n" if kept else "\n"


def _respaced(m: re.Match[str]) -> str:
    name = _NAME_BY_LETTERS.get(fold(m["caps"]).replace(" ", ""))
    if name is None or name == m["caps"] or len(m["lead"]) + len(name) > len(m.group()):
        return m.group()
    return (m["lead"] + name).ljust(len(m.group()))


def header_view(text: str) -> str:
    """``text`` (same length) with its first lines made one header field per line: the
    cells of a header laid out as a table row ("Số: 617/KH-UBND | Đồng Tháp, ngày …")
    on lines of their own, a capitalised name wrapped in its cell on one line, rules
    ("-------") and the motto blanked."""
    end = lines_end(text, _VIEW_LINES)
    head = _CELL.sub(lambda m: "\n  ", _wrapped_caps(text[:end]))
    head = _GLUED_FIELD.sub(_unglued, head)
    first = head.find("\n", len(head) - len(head.lstrip()))  # a page's title line: its own
    head = _TITLED_HEADING.sub(lambda m: m.group()[:-1] + "\n" if m["kind"] or (
        0 <= first < m.start()) else m.group(), head)
    head = _RULE.sub(lambda m: " " * len(m.group()), head)
    head = _SPACED_HEADING.sub(_respaced, head)
    head = _MOTTO.sub(lambda m: "\n" + " " * (len(m.group()) - 1), head)
    return head + text[end:]


# A State or central letterhead, the body that signs under it ("ỦY BAN NHÂN DÂN TỈNH ĐỒNG
# THÁP", "THỦ TƯỚNG CHÍNH PHỦ", "BỘ KHOA HỌC VÀ CÔNG NGHỆ", "BAN CHẤP HÀNH TRUNG ƯƠNG /
# VĂN PHÒNG"); Party committees are read by _LETTERHEAD.
_CAPS = rf"[{UPPER}][{UPPER} ,&\-–]*[{UPPER}]"
_STATE_LETTERHEAD = re.compile(
    rf"^[ \t*|]*(?P<body>(?:ỦY BAN NHÂN DÂN|UỶ BAN NHÂN DÂN|UBND|HỘI ĐỒNG NHÂN DÂN|HĐND)"
    rf"(?:[ \t]+|[ \t*]*\n(?:[ \t*]*\n)?[ \t*]*)"  # "ỦY BAN NHÂN DÂN" / "TỈNH THANH HÓA": on
    # two lines, a blank one between them at most
    rf"(?:TỈNH|THÀNH PHỐ|TP\.?|HUYỆN|QUẬN|THỊ XÃ|THỊ TRẤN|XÃ|PHƯỜNG)[ \t]+{_CAPS}"
    r"|THỦ TƯỚNG CHÍNH PHỦ|PHỦ THỦ TƯỚNG|VĂN PHÒNG CHÍNH PHỦ|CHÍNH PHỦ|QUỐC HỘI"
    r"|ỦY BAN THƯỜNG VỤ QUỐC HỘI"
    rf"|BỘ (?!CHÍNH TRỊ){_CAPS}|SỞ {_CAPS}"
    rf"|BAN CHẤP HÀNH TRUNG ƯƠNG[ \t\n]+(?:VĂN PHÒNG|BAN {_CAPS})"
    rf"|ĐẢNG ĐOÀN QUỐC HỘI|ĐẢNG ỦY CHÍNH PHỦ|ĐẢNG ỦY QUỐC HỘI|BAN CHỈ ĐẠO TRUNG ƯƠNG(?: {_CAPS})?"
    rf"|BAN CÁN SỰ ĐẢNG {_CAPS})[ \t*|]*$",  # "|": the letterhead's cell of a table row
    re.M,
)
# A decision's enacting authority, the line above its first "Căn cứ": "CHỦ TỊCH ỦY BAN NHÂN
# DÂN THÀNH PHỐ HỒ CHÍ MINH", "ỦY BAN NHÂN DÂN TỈNH".
_AUTHORITY = re.compile(
    rf"^[ \t*]*(?P<line>(?P<chair>CHỦ TỊCH[ \t]+)?(?P<body>(?:ỦY|UỶ) BAN NHÂN DÂN"
    rf"(?:[ \t]+[{UPPER}][{UPPER}\-–]*)*))[ \t*]*\n(?:[ \t*]*\n)*[ \t*]*Căn cứ\b", re.M)
_AUTHORITY_CHARS = 4000
_LOWER_WORDS = frozenset({"và", "nhân", "dân", "tỉnh", "thành", "phố", "đảng", "sự", "đoàn",
                          "ủy", "uỷ", "phủ", "tướng", "phòng", "chính", "hành", "chấp", "cán"})
# the unit a place name follows; "THỊ XÃ " before "XÃ ", which it holds
_PROPER_AFTER = ("TỈNH ", "THÀNH PHỐ ", "TP. ", "HUYỆN ", "QUẬN ", "THỊ XÃ ", "THỊ TRẤN ",
                 "XÃ ", "PHƯỜNG ")


_TIGHT_DASH = re.compile(rf"(?<=[{UPPER}])[-–](?=[{UPPER}])")


def _unit_at(name: str, marker: str) -> int:
    """Where ``marker`` (a unit a place name follows, "TỈNH ", "XÃ " …) is in ``name``, else
    -1; the "XÃ" of "XÃ HỘI" (society: "Lao động - Thương binh và Xã hội") is no commune."""
    return name.upper().replace("XÃ HỘI", "XÃ~HỘI").find(marker)


def letterhead_name(upper: str) -> str:
    """An issuing body's name from its capitalised letterhead: "ỦY BAN NHÂN DÂN TỈNH ĐỒNG
    THÁP" → "Ủy ban nhân dân tỉnh Đồng Tháp", "BỘ KHOA HỌC VÀ CÔNG NGHỆ" → "Bộ Khoa học và
    Công nghệ", "BAN CHẤP HÀNH TRUNG ƯƠNG VĂN PHÒNG" → "Văn phòng Trung ương Đảng"."""
    name = " ".join(expand_abbreviations(_SPACES.sub(" ", upper.strip())).split())
    name = _TIGHT_DASH.sub(" - ", name)  # "LAO ĐỘNG-THƯƠNG BINH": one dash, spaced
    if name == "PHỦ THỦ TƯỚNG":  # (the Prime Minister's office, as letterheads of 1980 read)
        return "Thủ tướng Chính phủ"
    central = re.match(r"BAN CHẤP HÀNH TRUNG ƯƠNG (VĂN PHÒNG|BAN .+)$", name.upper())
    if central is not None:
        unit = central.group(1)
        return letterhead_name(unit) + (" Trung ương Đảng" if unit == "VĂN PHÒNG" else
                                        " Trung ương")
    for marker in _PROPER_AFTER:
        k = _unit_at(name, marker)
        if k >= 0:
            place = name[k + len(marker):]
            head = letterhead_name(name[:k + len(marker)].strip()) if k else \
                name[:k + len(marker)].strip().capitalize()
            proper = province_named(place) or _place_case(place)
            return f"{head} {proper}"
    words = name.split(" ")
    out: list[str] = []
    for i, word in enumerate(words):
        low = word.lower()
        if i == 0 or (low in {"chính", "quốc", "trung"} and i + 1 < len(words) and \
                words[i + 1].lower() in {"phủ", "hội", "ương"}):
            out.append(word.capitalize())
        elif low in _LOWER_WORDS or (low in {"phủ", "hội", "ương"} and out[-1][:1].isupper()):
            out.append(low)
        elif i > 0 and (words[i - 1].lower() in {"và", "bộ", "sở", "ban", "-", "–"} or
                        words[i - 1].endswith(",")):
            out.append(word.capitalize())
        else:
            out.append(low)
    return " ".join(out)


@dataclass(frozen=True)
class _Line:
    start: int
    end: int  # without the line break

    def text(self, text: str) -> str:
        return text[self.start:self.end]


def _lines(text: str, start: int = 0) -> Iterator[_Line]:
    pos = start
    while pos < len(text):
        nl = text.find("\n", pos)
        end = len(text) if nl < 0 else nl
        yield _Line(pos, end)
        pos = end + 1


def _lines_back(text: str, start: int = 0) -> Iterator[_Line]:
    """The lines :func:`_lines` yields, last first (found from the end, as far as read)."""
    if start >= len(text):
        return
    stop = len(text)
    if text[stop - 1] == "\n":  # no line after a final break
        stop -= 1
    while True:
        nl = text.rfind("\n", start, stop)
        yield _Line(start if nl < 0 else nl + 1, stop)
        if nl < 0:
            return
        stop = nl


def head_end(text: str) -> int:
    """End of the header zone: the first lines, where letterhead, heading and subject are."""
    end = -1
    for _ in range(_HEAD_LINES):
        end = text.find("\n", end + 1)
        if end < 0:
            return len(text)
    return end


def _body_name(matched: str) -> str:
    return _BODY_BY_LOWER[_SPACES.sub(" ", matched).lower()]


def _place_case(upper: str) -> str:
    return " ".join(word.capitalize() for word in _DASH_RUN.sub(" - ", upper).split())


class _Builder:
    """Collects header fields with their provenance."""

    def __init__(self, source: str) -> None:
        self.source = source
        self.fields: dict[str, object] = {}
        self.provenance: dict[str, Provenance] = {}

    def set(self, name: str, value: object, start: int, end: int, origin: str = "text") -> None:
        self.fields[name] = value
        self.provenance[name] = Provenance.model_validate(
            {"source": self.source, "span": Span(start=start, end=end), "origin": origin}
        )


# The plenum a resolution or conclusion comes from, between its type heading and its
# subject: "HỘI NGHỊ LẦN THỨ SÁU BAN CHẤP HÀNH TRUNG ƯƠNG ĐẢNG KHOÁ XI", "BAN CHẤP HÀNH
# ĐẢNG BỘ TỈNH (KHOÁ XVI)"; not the subject.
_PLENUM_LINE = re.compile(r"(?:HỘI NGHỊ|BAN CHẤP HÀNH)\b")
_PART_LABEL = re.compile(r"(?:[IVX]{1,5}|\d{1,2})[.)][ \t]")
# A subject in capitals, three words or more, up to a sentence starting behind it ("… GIAI
# ĐOẠN 2023 - 2025 Căn cứ …"); a subject going on in lower case ("KẾT LUẬN CỦA THƯỜNG TRỰC
# TỈNH ỦY / tại buổi làm việc …") is one.
_CAPS_TITLE = re.compile(
    rf"[ \t*]*[^\s{LOWER}]*[{UPPER}][^\s{LOWER}]*(?:[ \t\n]+[^\s{LOWER}]+){{2,}}"
    rf"(?=[ \t\n]+[{UPPER}]\S*[{LOWER}])")


def _title_block(text: str, after: int) -> tuple[int, int] | None:
    """Span of the subject under the heading: the first paragraph that is not an issuer line."""
    lines: list[_Line] = []
    for line in _lines(text, after):
        content = line.text(text).strip(" \t*")
        if not content:
            if lines:
                break
            continue
        if not lines and content.isupper() and (
                content.startswith("CỦA ") or _PLENUM_LINE.match(content)):
            continue
        if content.endswith(":") or _PART_LABEL.match(content):
            break  # a lead-in ("… đã thảo luận … và kết luận:") or a part: the body
        lines.append(line)
    if not lines:
        return None
    start, end = lines[0].start, lines[-1].end
    caps = _CAPS_TITLE.match(text, start, end)
    if caps is not None and caps.end() < end:  # "… GIAI ĐOẠN 2023 - 2025 Căn cứ …": the
        end = caps.end()  # capitals are the subject, the body runs on behind them
    return start, end


def _subject_block(text: str, start: int) -> tuple[int, int]:
    end = start
    for line in _lines(text, start):
        content = line.text(text)
        if not content.strip(" \t*") or (end > start and (
                _PLACE_DATE.match(content) or content.lstrip(" \t*-").startswith("Kính gửi"))):
            break
        end = line.end
    return start, end


def _unit(text: str, letterhead: re.Match[str] | None) -> str:
    if letterhead is not None:
        return "Thành ủy" if letterhead["unit"].startswith("THÀNH") else "Tỉnh ủy"
    lower = text.lower()
    return "Thành ủy" if lower.count("thành ủy") > lower.count("tỉnh ủy") else "Tỉnh ủy"


_LOCAL_UNIT = re.compile(r"[ \t](?:HUYỆN|QUẬN|THỊ XÃ|THỊ TRẤN|XÃ(?! HỘI\b)|PHƯỜNG)[ \t]")
_PLACE_UNITS = ("XÃ", "PHƯỜNG", "THỊ TRẤN", "HUYỆN", "QUẬN", "THỊ XÃ", "TỈNH", "THÀNH PHỐ")
_SCHOOLS = ("ĐẠI HỌC", "CAO ĐẲNG", "HỌC VIỆN")


def _subunit_name(upper: str) -> str:
    """A committee's name from its capitals, abbreviations spelled out: "ĐẢNG ĐOÀN HĐND
    TỈNH" → "Đảng đoàn Hội đồng nhân dân tỉnh", "HUYỆN ỦY SƠN TỊNH" → "Huyện ủy Sơn Tịnh",
    "ĐẢNG ỦY XÃ TỊNH TRÀ" → "Đảng ủy xã Tịnh Trà", "ĐẢNG ỦY TRƯỜNG ĐẠI HỌC VINH" → "Đảng
    ủy Trường Đại học Vinh"."""
    text = expand_abbreviations(_SPACES.sub(" ", upper.strip()))
    words = text.split(" ")
    size = 4 if text.upper().startswith("BAN CÁN SỰ ĐẢNG") else 2
    head = " ".join([words[0].capitalize()] + [w.lower() for w in words[1:size]])
    rest = " ".join(words[size:])
    if not rest.isupper():  # spelled out: "Hội đồng nhân dân TỈNH"
        return " ".join([head] + [w.lower() if w.isupper() else w for w in rest.split(" ")])
    if head.endswith(("ủy", "uỷ")) and not head.startswith("Đảng"):  # "Huyện ủy" + a place
        return f"{head} {_place_case(rest)}"
    for unit in _PLACE_UNITS:
        if rest.startswith(unit + " "):
            return f"{head} {unit.lower()} {_place_case(rest[len(unit) + 1:])}"
    for school in _SCHOOLS:
        k = rest.find(school + " ")
        if k >= 0:  # "TRƯỜNG ĐẠI HỌC VINH": the school's kind, then its proper name
            before = rest[:k].strip().capitalize()
            named = f"{school.capitalize()} {_place_case(rest[k + len(school) + 1:])}"
            return " ".join(p for p in (head, before, named) if p)
    tail = rest.lower().split(" ")
    if tail[0] == "khối":  # "Đảng ủy Khối các cơ quan tỉnh"
        tail[0] = "Khối"
    return " ".join([head, *tail])


def _province(text: str, letterhead: re.Match[str] | None,
              place: re.Match[str] | None, out: _Builder) -> None:
    """From the letterhead; else a place line naming a province; else one province named."""
    if letterhead is not None:
        name = province_named(letterhead["name"]) or _place_case(letterhead["name"])
        out.set("province", name, *letterhead.span("name"))
        return
    mentions = [m for m in literal_matches(_PLACE_MENTION, text, ("ỉnh", "hành"), 1)
                if m["name"].split()[0] not in _NOT_PLACE and province_at(m["name"]) is not None]
    named = {province_at(m["name"]) for m in mentions}
    printed = province_named(_DASH_RUN.sub(" - ", place["place"])) if place is not None else None
    if place is not None and printed is not None and (printed in _CENTRAL_CITIES
                                                      or printed in named):
        out.set("province", printed, *place.span("place"))
    elif len(named) == 1:
        found = province_at(mentions[0]["name"])
        out.set("province", found, *mentions[0].span("name"), origin="inferred")


def _author(text: str) -> re.Match[str] | None:
    """The body before an authoring verb, unless what it issues is another numbered document."""
    for verb in _AUTHOR_VERB.finditer(text):
        if _ISSUES_NUMBERED.match(text, verb.end()):
            continue
        found = _AUTHOR.search(text, max(0, verb.start() - 80), verb.start())
        if found is not None:
            return found
    return None


def _issuer(text: str, head: int, kind: DocumentKind, title: str | None,
            title_span: tuple[int, int] | None, unit: str,
            letterhead: re.Match[str] | None, out: _Builder) -> None:
    found: re.Match[str] | None = next(
        (m for m in line_matches(_OF_BODY, text, ("CỦA",), head) if m[0].isupper()), None
    ) or _author(text)
    if found is None:
        signed = [m for m in _SIGNED.finditer(text, max(0, len(text) - _TAIL_CHARS))
                  if m.start() == 0 or not text[m.start() - 1].isalnum()]
        found = signed[-1] if signed else None
    if found is not None:
        body = _body_name(found["body"])
        if body in _NEEDS_UNIT:
            body = f"{body} {unit}"
        out.set("issuer", body, *found.span("body"))
    elif (kind is DocumentKind.ThongBao and title_span and title
          and title.lower().startswith("kết luận")):
        out.set("issuer", f"Thường trực {unit}", *title_span)
    elif (line := next((m for m in _BODY_LINE.finditer(text, 0, head)
                        if m["body"].isupper()), None)) is not None:
        out.set("issuer", _body_name(line["body"]), *line.span("body"))
    elif (board := _board_of(text, unit)) is not None:
        out.set("issuer", f"Ban Thường vụ {unit}", *board.span())
    elif letterhead is not None:
        out.set("issuer", unit, *letterhead.span("unit"))  # the letterhead's committee
    elif (preamble := preamble_facts(text)).issuer is not None:  # "…, X ban hành Kế hoạch …"
        out.set("issuer", preamble.issuer, *preamble.issuer_span)


_FIRST_PART = re.compile(r"^[ \t*]*(?:[IVX]+|1)[.)][ \t]", re.M)


def first_part(text: str) -> int:
    """Where the body's outline starts (its first "I." or "1." heading), else the end."""
    m = line_start_search(_FIRST_PART, text)
    return m.start() if m else len(text)


# "… , Ban Thường vụ Đảng uỷ Trường ban hành Kế hoạch …": the standing board of the
# committee the letterhead names ("ĐẢNG UỶ TRƯỜNG ĐẠI HỌC VINH"), by a short form of it.
_BOARD_AUTHOR = re.compile(r"Ban Thường vụ((?:[ \t]+[^\s,.;:]+){1,6}?)[ \t]+(?:ban hành|xây dựng|"
                           r"yêu cầu)\b")
_BOARD_REACH = 4000


def _board_of(text: str, unit: str) -> re.Match[str] | None:
    """The preamble naming the standing board of ``unit`` as the author, if it does."""
    if "Ban Thường vụ" not in text[:_BOARD_REACH]:
        return None
    folded = fold(unit)
    return next((m for m in _BOARD_AUTHOR.finditer(text, 0, _BOARD_REACH)
                 if folded.startswith(fold(m[1]))), None)


def _signer(text: str, out: _Builder) -> None:
    tail = max(0, len(text) - _TAIL_CHARS)
    if _SIGNATURE_CUE.search(text, tail) is None:
        return
    for line in _lines_back(text, tail):
        content = line.text(text)
        if not content.strip(" \t*") or _FOOTER.search(content):
            continue
        m = _PERSON.match(content)
        if m:
            out.set("signer", m["name"], line.start + m.start("name"), line.start + m.end("name"))
        return


def complete_issuer(header: DocumentHeader) -> DocumentHeader:
    """Name a local issuer after its province: "Ban Thường vụ Tỉnh ủy" → "… Tỉnh ủy Kon Tum"."""
    issuer, province = header.issuer, header.province
    if issuer and province and (issuer.endswith(_LOCAL_ENDINGS)
                                or issuer.endswith((" tỉnh", " thành phố"))):
        return header.model_copy(update={"issuer": f"{issuer} {province}"})
    if issuer and province and issuer.startswith("Sở ") and not issuer.endswith(
            f" {province}") and not re.search(r" (?:tỉnh|thành phố) ", issuer + " "):
        # a department of the province ("Sở Khoa học và Công nghệ Thái Bình" names it)
        return header.model_copy(update={"issuer": f"{issuer} tỉnh {province}"})
    return header


def _letterhead_province(view: str, found: re.Match[str]) -> str | None:
    """The province a State letterhead names, or that of the line above it ("UBND TỈNH
    ĐẮK NÔNG" over "SỞ THÔNG TIN VÀ TRUYỀN THÔNG")."""
    body = found["body"]
    for marker in _PROPER_AFTER:
        k = _unit_at(body, marker)
        if k >= 0:
            return province_at(body[k + len(marker):])
    above = view[:found.start()].rstrip().rsplit("\n", 1)[-1]
    for marker in _PROPER_AFTER:
        k = _unit_at(above, marker)
        if k >= 0:
            return province_at(above[k + len(marker):])
    return None


def extract_header(text: str, source: str, *, view: str | None = None,
                   page: Page | None = None) -> DocumentHeader:
    """Kind, number, date, issuer, province, signer, title and term of the document itself.

    ``general_addressees`` is left empty (task extraction finds them).
    """
    out = _Builder(source)
    raw = text
    text = header_view(text) if view is None else view  # same length: spans of the source
    page = classify_page(text) if page is None else page
    if page.kind == "news":  # a report about documents has no header of its own
        return DocumentHeader()
    head = head_end(text)

    heading = line_start_search(_HEADING, text, head)
    number = None
    number_span = (0, 0)
    number_line: re.Match[str] | None = None
    for m in line_matches(_OWN_NUMBER, text, ("Số",), head):
        try:
            number = parse_number(m["number"])
        except InvalidNumber:
            continue
        number_span = m.span("number")
        number_line = m
        out.set("number", number.text, *number_span)
        break
    lead = lead_facts(text, page) if number is None else LeadFacts()
    if lead.number is not None:  # a republished page: the lead says which document it is
        number, number_span = lead.number, lead.number_span
        out.set("number", number.text, *number_span)
        if lead.issued is not None:
            out.set("issued", lead.issued, *lead.issued_span)
    subject = line_search(_SUBJECT, text, ("V/v", "V/V"), head)

    kind = DocumentKind.Other
    if heading is not None:
        kind = _KIND_BY_HEADING[_SPACES.sub(" ", heading["kind"]).upper()]
        out.set("kind", kind, *heading.span("kind"))
    elif number is not None and number.kind is not DocumentKind.Other:
        kind = number.kind
        out.set("kind", kind, *number_span)
    elif subject is not None:
        kind = DocumentKind.CongVan
        out.set("kind", kind, subject.start(), subject.end())
    if heading is None and number is None and lead.number is None:
        lead = preamble_facts(text)  # no header: the preamble may issue the text itself
        if lead.kind is None and subject is None:
            lead = letter_facts(text)  # or a letter: "Kính gửi: …"
        if lead.kind is None and subject is None:
            lead = notice_facts(text)  # or a notice: "Sở … đề nghị các sở, ban, ngành …"
    if kind is DocumentKind.Other and lead.kind is not None:
        kind = lead.kind
        out.set("kind", kind, *lead.kind_span)
    elif kind is DocumentKind.Other and heading is None and (
            parts := _PART_NAMES_KIND.search(text, 0, head)) is not None:
        kind = _KIND_BY_HEADING[parts["kind"].upper()]
        out.set("kind", kind, *parts.span("kind"))

    block = None
    if heading is not None:
        block = _title_block(text, heading.end())
    elif subject is not None:
        block = _subject_block(text, subject.start("vv"))
    title = None
    if block is not None:
        title = tidy(text[block[0]:block[1]])
        out.set("title", title, *block)

    place = line_search(_PLACE_DATE, text, ("ngày",), head)
    dated = place if place is not None else (
        number_line if number_line is not None and number_line["y"] else None) or (
        line_search(_GARBLED_PLACE_DATE, text, ("ngày",), head))
    if dated is not None and "issued" not in out.fields:
        try:
            issued = date(int(dated["y"]), int(dated["m"]), int(dated["d"]))
        except ValueError:
            issued = None
        if issued is not None:
            out.set("issued", issued, dated.start("d"), dated.end("y"))

    top = heading.start() if heading is not None else (
        number_line.start() if number_line is not None else min(head, 600))
    state = _STATE_LETTERHEAD.search(text, 0, max(top, 1))
    letterhead = _LETTERHEAD.search(text, 0, head)
    if letterhead is not None and province_named(letterhead["name"]) is None:
        letterhead = None  # "… TỈNH ỦY, THÀNH ỦY NĂM 2025" in a title is no letterhead
    if state is not None and (letterhead is None or letterhead.start() > state.start()):
        name = letterhead_name(state["body"])
        province = _letterhead_province(text, state)
        office = _OFFICE_LINE.match(text, state.end())
        if office is not None:  # "ĐẢNG ỦY CHÍNH PHỦ / VĂN PHÒNG": the office of that body
            name = f"{office['office'].capitalize()} {name}"
        out.set("issuer", name, *state.span("body"))
        if province:
            out.set("province", province, *state.span("body"))
        elif _LOCAL_UNIT.search(state["body"]):  # a commune's or district's: from its text
            _province(text, None, place, out)
    else:
        subunit = _SUBUNIT.match(text, letterhead.end()) if letterhead is not None else \
            _COMMITTEE_LINE.search(text, 0, max(top, 1))
        if subunit is not None:
            _issuer(text, head, kind, title, block, _subunit_name(subunit["unit"]), subunit, out)
        else:
            _issuer(text, head, kind, title, block, _unit(text, letterhead), letterhead, out)
        if number is not None and number.horned and letterhead is not None:
            # "445-KL/TƯ" under "TỈNH ỦY THỪA THIÊN HUẾ": the committee's "TU" with a horn
            number = number.committees()
            out.set("number", number.text, *number_span)
        national = (number is not None and number.national_scope is not None) or (
            out.fields.get("issuer") in _CENTRAL)
        if lead.issuer is not None and ("issuer" not in out.fields or page.lead is not None):
            out.set("issuer", lead.issuer, *lead.issuer_span)
        if "issuer" not in out.fields and (letter := letter_facts(text)).issuer is not None:
            out.set("issuer", letter.issuer, *letter.issuer_span)
        if "issuer" not in out.fields and (titled := _DATABASE_TITLE.match(text)) is not None:
            out.set("issuer", titled["issuer"], *titled.span("issuer"))
            national = national or titled["issuer"].endswith(_NATIONAL_ENDINGS)
        if not national:
            _province(text, letterhead, place, out)
    _signer(raw, out)
    if "issuer" not in out.fields and (
            signed := _PRIME_MINISTER_SIGNS.search(raw, max(0, len(raw) - _TAIL_CHARS))):
        out.set("issuer", "Thủ tướng Chính phủ", *signed.span("title"))  # a copy without header

    for m in _TERM.finditer(text, 0, block[1] if block else head):
        line_start = text.rfind("\n", 0, m.start()) + 1
        line_end = text.find("\n", m.end())
        if text[line_start:line_end if line_end >= 0 else len(text)].isupper():
            out.set("term", m["term"], *m.span("term"))
            break

    if kind is DocumentKind.QuyetDinh and (
            authority := _AUTHORITY.search(text, 0, _AUTHORITY_CHARS)) is not None:
        _authority_issuer(authority, out)

    header = DocumentHeader.model_validate({**out.fields, "provenance": out.provenance})
    return complete_issuer(header)


def _authority_issuer(authority: re.Match[str], out: _Builder) -> None:
    """The issuer of a decision from its enacting authority, the line above its "Căn cứ":
    "CHỦ TỊCH ỦY BAN NHÂN DÂN TỈNH" makes the People's Committee the letterhead named its
    chairman's."""
    name = letterhead_name(authority["body"])
    known = out.fields.get("issuer")
    if authority["chair"] is None:
        if known is None:  # (a letterhead the copy garbled)
            out.set("issuer", name, *authority.span("line"))
        return
    if isinstance(known, str) and known.lower().startswith(name.lower()):
        name = known  # ("… TỈNH": the province the letterhead names)
    out.set("issuer", f"Chủ tịch {name}", *authority.span("line"))
