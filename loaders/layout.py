"""Undo what a text's origin did to its layout, keeping every offset (pure).

Texts reach us copied from web pages, PDF text layers and Word files, and each
origin leaves its marks on the layout.  :func:`lay_out` returns a text of the SAME
length in which each line is one logical unit (a heading, an item, a paragraph, a
table row), so that spans found in it are spans of its input:

- **hard wraps**: a text wrapped at a fixed width (PDF and some web copies: lines of
  at most ~80 characters, sentences broken anywhere) has its soft line breaks turned
  into spaces.  A break stays where the next line opens an item (a label or a bullet),
  at a blank line, around a table row, and — when paragraphs are not separated by
  blank lines — where a short line ends a sentence or a lead-in;
- **lone markers**: a bullet or label alone on its line ("-", "1.", "a)") is joined
  to the text on the next line, across a blank line or two;
- **escapes** of Markdown conversions ("1\\.", "\\-") lose their backslash (the
  character moves left, a space takes its place), and Markdown heading marks ("## ")
  become spaces;
- **glued items**: a lettered item glued to the line above by a page-break join
  ("… UBND tỉnh      a) Chỉ đạo …") starts a line of its own.

Table rows (cells joined by " | ", or by tabs, which become "|") are left as they are:
one row per line.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass
from itertools import pairwise

from policykg.core.vntext import in_capitals
from policykg.loaders.bodies import is_whole_body
from policykg.loaders.clauses import ACTION
from policykg.loaders.clean import LETTER_LABEL
from policykg.loaders.scan import lines_end

# A label or bullet that opens an item (the outline reads them; here they only keep a
# line break before them).
LABEL = re.compile(
    r"[ \t]*(?:"
    r"(?:PHẦN|Phần)[ \t]+(?:thứ[ \t]+)?\S+"
    r"|Điều[ \t]+\d{1,3}[ \t]*[.:]"
    r"|[IVXL]{1,6}[ \t]*[.\-–:)](?=[ \t]+\S)"
    r"|\d{1,2}(?:\.\d{1,2}){0,4}\.?\)?(?<=[.)])(?=[ \t]*[^\s\d./-])"
    r"|\d{1,2}/(?=[ \t]+[^\s\d])"
    r"|\d{1,2}(?:\.\d{1,2}){0,4}[ \t]*[-–](?=[ \t]+\S)"
    r"|\d{1,2}(?:\.\d{1,2}){1,4}(?=[ \t]+\S)"
    r"|[a-zđ][ \t]*\)(?=[ \t]*\S)|[a-zđ]/(?=[ \t]+\S)|[a-zđ]\.(?=[ \t]+[A-ZĐÀ-Ỹ])"
    r"|\((?:\d{1,2}|[ivx]{1,5}|[a-zđ])\)(?=[ \t]*\S)"
    r"|[-+•–—●○■□▪*](?=[ \t]+\S)"
    r")"
)
_BULLET_START = re.compile(r"[ \t]*[-+•–—●○■□▪*][ \t]+(?P<next>\S)")
_LETTER_START = re.compile(r"[ \t]*" + LETTER_LABEL.pattern)
_PAREN_START = re.compile(r"[ \t]*\((?:\d{1,2}|[ivx]{1,5})\)")
_LONE_MARKER = re.compile(r"[ \t]*(?:[-+•–—●○■□▪*]|\d{1,2}(?:\.\d{1,2}){0,4}[.)]|[a-zđ]\)|"
                          r"\((?:\d{1,2}|[ivx]{1,5}|[a-zđ])\)|[IVXL]{1,6}\.)[ \t]*")
_ESCAPE = re.compile(r"\\([.\-*_()\[\]#+!>`|])")
_MD_HEADING = re.compile(r"^[ \t]*#{1,6}[ \t]+(?=\S)", re.M)  # "## I. MỤC ĐÍCH"
# "**1. Nhiệm vụ**": emphasis, no content.  The "**" is matched first, then what is
# before or after it, so the search skips to the literal.
_BOLD = re.compile(r"\*\*(?:(?=[^\s*])|(?<=[^\s*]\*\*))")
# A run of spaces before a lettered item glued to the text before it; possessive, and
# from a run's start only (its first blank matched, then the one before looked at), so a
# long run is scanned once.
_GLUED = re.compile(r"[ \t](?<![ \t][ \t])[ \t]{2,}+(?=[a-zđ][)/][ \t])")
_TABLE_ROW = re.compile(r"^[ \t]*\|.*\|[ \t]*$|\S[ \t]+\|[ \t]+\S|\S[ \t]+\|[ \t]*$")
_SENTENCE_END = re.compile(r"[.!?;:][\"”’)\]*]*[ \t]*$")
_COLON_END = re.compile(r":[\"”’)\]*]*[ \t]*$")
_UPPER = re.compile(r"[A-ZĐÀ-Ỹ]")
# Lines of a letterhead that stand alone however short the lines around them: the
# number, the subject ("V/v …"), the addressees.
_HEADER_LINE = re.compile(r"[ \t*]*(?:Số[ \t]*:?[ \t]*\d|V/v\b|Về việc\b|Kính gửi\b)")

WRAPPED_MIN_LINES = 8  # a text this short is never taken for a wrapped one
_SHORT_TEXT_LINES = 20


def is_table_row(line: str) -> bool:
    """Whether ``line`` is a row of a table flattened with " | " between cells (or "|"
    where tabs were, see :func:`_tab_cells`), or opening with one ("|(5) …": a row going
    on under an empty first cell)."""
    return "|" in line and bool(_TABLE_ROW.search(line) or _BARE_CELLS.search(line)
                                or line.lstrip(" ").startswith("|"))  # an empty first cell


_TAB_RUN = re.compile(r"\t+")
# Two cell breaks without spaces: only a row whose tabs became "|" has them.
_BARE_CELLS = re.compile(r"[^\s|]\|[^|\n]*?[^\s|]\|(?=[^\s|])")
_HEADER_LINES = 12  # where a letterhead's two columns may be copied as "left<TAB>right"


def _tab_cells(text: str) -> str:
    """``text`` with the tabs of a table copied as text made cell breaks ("|"; two
    tabs are an empty cell) on rows of three cells or more, and the tab between a
    letterhead's two columns ("Số: 267/BXD-KHCN<TAB>Hà Nội, ngày …") a line break;
    same length."""
    lines = text.split("\n")
    seen = 0
    in_table = False  # the line above was a row: a row of two cells goes on with it
    for i, line in enumerate(lines):
        if not line.strip():
            continue
        seen += 1
        if "\t" not in line:
            in_table = False
            continue
        lead = len(line) - len(line.lstrip(" "))  # a tab before the text may be a cell's
        inner = line[lead:].rstrip(" ")
        runs = len(_TAB_RUN.findall(inner.strip("\t")))
        if runs >= 2 or (in_table and (runs or inner.startswith("\t"))):
            cells = inner.replace("\t", "|")
            in_table = True
        elif seen <= _HEADER_LINES and runs and not LABEL.match(inner):
            cells = _TAB_RUN.sub(lambda m: "\n" + " " * (len(m.group()) - 1), inner)
        else:
            in_table = False
            continue
        lines[i] = line[:lead] + cells + line[lead + len(inner):]
    return "\n".join(lines)


# A letterhead's two columns on one line, as PDF readers and web tables give them: "TỈNH
# ỦY BẮC NINH      ĐẢNG CỘNG SẢN VIỆT NAM", "| Số 215-KH/TU | Bắc Ninh, ngày 20 tháng 3 …|".
# A column of a letterhead: the Party's name or the motto, the number, the place and date.
_LETTERHEAD_CELL = re.compile(r"[ \t*]*(?:ĐẢNG CỘNG SẢN|CỘNG H[OÒ]A XÃ HỘI|Độc lập|"
                              r"Số[ \t]*:?[ \t]*\d|[A-ZĐÀ-Ỹ][^,|]{1,30},[ \t]*ngày[ \t]+\d)")
_COLUMN_GAP = re.compile(r"(?<=\S)[ \t]{4,}(?=\S)|(?<![ \t])[ \t]*\|[ \t]*")


def _letterhead_columns(text: str) -> str:
    """``text`` with the columns of its letterhead lines (among the first lines) put on
    lines of their own: the gap's last character, or each "|", a line break; same length."""
    head = text.split("\n", _HEADER_LINES * 3)  # the first lines, blank ones among them
    rest = head.pop() if len(head) > _HEADER_LINES * 3 else None
    seen = 0
    for i, line in enumerate(head):
        if not line.strip():
            continue
        seen += 1
        if seen > _HEADER_LINES:
            break
        if ("|" in line or "    " in line) and any(
                _LETTERHEAD_CELL.match(cell) for cell in _COLUMN_GAP.split(line)):
            head[i] = _COLUMN_GAP.sub(
                lambda m: m.group()[:-1] + "\n" if "|" not in m.group()
                else m.group().replace("|", "\n"), line)
    return "\n".join(head if rest is None else [*head, rest])


@dataclass(frozen=True)
class Style:
    """How a text's lines are laid out."""

    wrapped: bool  # hard-wrapped at a fixed width
    width: int  # that width (the 90th percentile of line lengths)
    blank_separated: bool  # paragraphs separated by blank lines


def style_of(lines: list[str]) -> Style:
    """The layout of a text given as its lines."""
    text_lines = [ln.rstrip() for ln in lines if ln.strip() and not is_table_row(ln)]
    if len(text_lines) < WRAPPED_MIN_LINES:
        return Style(False, 0, True)
    lengths = sorted(len(ln) for ln in text_lines)
    width = lengths[int(len(lengths) * 0.9)]
    # Wrapped: short lines, and many breaks inside a sentence (no closing punctuation,
    # the next line in lower case).
    inside = sum(1 for a, b in pairwise(lines) if _continues(a, b))
    # a short text needs more evidence: a few titles broken over lines are no wrap
    share = 0.1 if len(text_lines) >= _SHORT_TEXT_LINES else 0.3
    wrapped = width <= 120 and inside >= share * len(text_lines)
    blanks = sum(1 for ln in lines if not ln.strip())
    return Style(wrapped, width, blanks >= 0.2 * len(text_lines))


def _continues(prev: str, line: str) -> bool:
    """Whether ``line`` evidently goes on with the sentence of ``prev``: no closing
    punctuation before the break, a lower-case letter after it."""
    first = line.lstrip()[:1]
    return bool(prev.strip() and first.isalpha() and first.islower()
                and not _SENTENCE_END.search(prev) and not is_table_row(prev)
                and not _LETTER_START.match(line))


def _goes_on(prev: str, line: str) -> bool:
    """In a text of blank-separated paragraphs, whether ``line``, right under ``prev``,
    goes on with its paragraph after a ";" or ",": it starts in lower case, no item."""
    first = line.lstrip()[:1]
    return bool(first.isalpha() and first.islower() and prev.rstrip().endswith((";", ","))
                and not _LETTER_START.match(line) and not is_table_row(prev))


def _caps(line: str) -> bool:
    """Whether ``line`` (its label aside) is written in capitals."""
    label = LABEL.match(line)
    body = line[label.end():] if label else line
    return in_capitals(body, 2)


def _opens_item(line: str) -> bool:
    return bool(LABEL.match(line))


# A name that goes on after its last word: a place ("… tỉnh" / "Bình Phước", but not "… các
# xã, phường"), a list.
_OPEN_NAME_END = re.compile(r"(?i)(?:^(?!.*\bcác\b).*\b(?:tỉnh|thành phố|huyện|quận|xã|phường|"
                            r"thị trấn)|\b(?:và|các)|[,;&-])[ \t]*$")


def _logical_line(lines: list[str], i: int, starts: list[int], joined: set[int],
                  width: int) -> str:
    """Line ``i`` with the lines before it that it was joined to ("4. Sở Văn hoá, Thể thao"
    + "và Du lịch"), as far back as ``width`` characters (a longer one names no body)."""
    k, length = i, len(lines[i])
    while k > 0 and starts[k] - 1 in joined and length < width:
        k -= 1
        length += len(lines[k]) + 1
    return " ".join(lines[k:i + 1])


def _names_a_body(line: str, style: Style) -> bool:
    """Whether ``line`` is an item that only names a body ("3. Sở Công Thương", "4. Sở Văn
    hoá, Thể thao và Du lịch"): a heading over the body's tasks when a directive opens the
    next line ("Hỗ trợ cho các doanh nghiệp, …"), not a wrap."""
    label = LABEL.match(line)
    if label is None or len(line.rstrip()) >= style.width:
        return False
    name = line[label.end():].strip(" \t*:")
    return bool(name) and is_whole_body(name) and not _OPEN_NAME_END.search(name)


def _soft_break(prev: str, line: str, style: Style) -> bool:
    """Whether the line break between ``prev`` and ``line`` (both not blank, neither a
    table row) is a wrap inside one logical line."""
    if _HEADER_LINE.match(line) or (_HEADER_LINE.match(prev) and len(prev.strip()) < 40):
        return False  # "Số 402-CV/VPĐU" then "V/v …": two lines of a letterhead
    bullet = _BULLET_START.match(line)
    if bullet is not None:  # "- Cơ quan …": an item, unless a wrapped "2021\n- 2030"
        return not (_UPPER.match(bullet["next"]) or _SENTENCE_END.search(prev))
    if _PAREN_START.match(line):  # an inline "(3)" wrapped to the line start
        return not _SENTENCE_END.search(prev) or prev.rstrip().endswith(";")
    if _opens_item(line):
        return False
    if _caps(prev) != _caps(line):  # a heading in capitals, then its text (or the reverse)
        return False
    if _caps(prev) and len(prev.rstrip()) < style.width * 2 // 3 and not _opens_item(prev):
        return False  # "ĐẢNG ỦY CHÍNH PHỦ" over "VĂN PHÒNG" (but "II. MỤC" over "TIÊU")
    if style.blank_separated:
        return True
    first = line.lstrip()[:1]
    if not _SENTENCE_END.search(prev):
        return True
    if first and not _UPPER.match(first):
        return True  # "…; (2) chủ\ntrì": a lower-case start continues
    if _COLON_END.search(prev):
        return False
    return len(prev.rstrip()) >= style.width - 8  # a full line ending a sentence: a wrap


def _spaced(text: str, at: set[int]) -> str:
    """``text`` with the characters at the offsets ``at`` made spaces."""
    parts: list[str] = []
    last = 0
    for k in sorted(at):
        parts.append(text[last:k])
        last = k + 1
    parts.append(text[last:])
    return " ".join(parts)


# A sentence that starts three lines or more: a crawler's breadcrumb ("Quyết định
# 435/QĐ-UBND năm 2020. Điều 1.", then "CHƯƠNG TRÌNH HÀNH ĐỘNG. II. NỘI DUNG …"), a PDF's
# running header.  Blanked but where it first stands (the title or heading it repeats),
# it no longer hides the heading or label behind it; two levels of them.
_LINE_PREFIX = re.compile(r"^[ \t]*[^\s][^\n]{11,79}?\.[ \t](?=\S)", re.M)
_RUNNING = 3
_RUNNING_LEVELS = 2
# A sub-item's label left at the end of the line above ("… và tiến bộ 1.1.\nTổ chức …")
# goes to the start of its item's line; the first sub-item glued to its heading ("3. Giải
# quyết … đình công 3.1. Rà soát …", "2." / "Nhiệm vụ và giải pháp chủ yếu 2.1. Tiếp tục …")
# starts a line.
_TRAILING_LABEL = re.compile(r"[ \t](?P<label>\d{1,2}(?:\.\d{1,2}){1,3}\.)\n(?=\S)")
# "Kính gửi:" glued to the date line by a copy ("Hà Nội, ngày 02 tháng 02 năm 2021 Kính
# gửi:") opens the addressees' line, in the header.
_GLUED_ADDRESS = re.compile(r"(?<=\S)[ \t](?=Kính gửi\b)")
_ADDRESS_LINES = 15
# A field line glued to the one above by a lost line break ("… và địa phương -Thời gian
# thực hiện: …") starts a line.
_GLUED_FIELD = re.compile(r"(?<=\S)[ \t](?=-[ \t]?(?:Thời gian|Thời hạn|Tiến độ|Cơ quan|Đơn vị)"
                          r"[^:\n]{0,30}:)")
# Items numbered "2 - Sở … có trách nhiệm.": a bare number on a line, a dash line below it,
# is such an item's label.
_DASH_NUMBERED = re.compile(r"^[ \t]*\d{1,2}[ \t]+-[ \t]+\S", re.M)
_DASH_ITEM = re.compile(r"[ \t]*-[ \t]+\S")
# "kinh tế - xã hội" broken at its dash, which then reads as a bullet.
_SOCIO = re.compile(r"[ \t]*[-–][ \t]*(?:XÃ HỘI|xã hội)\b")
_GLUED_FIRST_SUB = re.compile(  # (its label alone on the line above: "2." / "Nhiệm vụ …")
    r"^(?P<n>\d{1,2})\.(?:[ \t]|[ \t]*\n)[^\n]*?(?P<gap>[ \t])(?P=n)\.1\.[ \t]", re.M)


def _blank_repeats(text: str, running: set[str]) -> str:
    """``text`` with every prefix in ``running`` blanked but its first."""
    seen: set[str] = set()

    def blank(m: re.Match[str]) -> str:
        key = m.group().strip()
        if key not in running or key not in seen:
            seen.add(key)
            return m.group()
        return " " * len(m.group())

    return _LINE_PREFIX.sub(blank, text)


def _without_running_prefixes(text: str) -> str:
    for _ in range(_RUNNING_LEVELS):
        found = Counter(m.group().strip() for m in _LINE_PREFIX.finditer(text))
        running = {p for p, n in found.items() if n >= _RUNNING}
        if not running:
            break
        text = _blank_repeats(text, running)
    return text


def lay_out(text: str) -> str:
    """``text`` with one logical unit per line; the same length as ``text``."""
    text = _ESCAPE.sub(lambda m: m.group(1) + " ", text)
    text = _without_running_prefixes(text)
    if ".\n" in text:
        text = _TRAILING_LABEL.sub(lambda m: "\n" + m["label"] + " ", text)
    if " -" in text:
        text = _GLUED_FIELD.sub("\n", text)
    if "Kính gửi" in text:
        head = lines_end(text, _ADDRESS_LINES)
        text = _GLUED_ADDRESS.sub("\n", text[:head]) + text[head:]
    if ".1. " in text:
        text = _GLUED_FIRST_SUB.sub(lambda m: m.group()[:m.start("gap") - m.start()] + "\n"
                                    + m.group()[m.end("gap") - m.start():], text)
    if "#" in text:
        text = _MD_HEADING.sub(lambda m: " " * len(m.group()), text)
    if "**" in text:
        text = _BOLD.sub("  ", text)
    if "\t" in text:
        text = _tab_cells(text)
    text = _letterhead_columns(text)
    lines = text.split("\n")
    style = style_of(lines)
    joined: set[int] = set()  # offsets of the line breaks that become spaces
    dash_numbered = _DASH_NUMBERED.search(text) is not None
    offset = 0
    starts: list[int] = []
    for line in lines:
        starts.append(offset)
        offset += len(line) + 1
    for i in range(len(lines) - 1):
        prev, line = lines[i], lines[i + 1]
        if not line.strip() and _LONE_MARKER.fullmatch(prev):
            # "-", a blank line or two, then its item: the breaks between become spaces
            j = next((k for k in range(i + 1, min(i + 4, len(lines))) if lines[k].strip()),
                     None)
            if j is not None and not is_table_row(lines[j]) and not LABEL.match(lines[j]):
                joined.update(starts[k] - 1 for k in range(i + 1, j + 1))
            continue
        if not prev.strip() or not line.strip():
            continue
        join = False
        if _LONE_MARKER.fullmatch(prev) and not is_table_row(line):
            join = True
        elif dash_numbered and prev.strip().isdecimal() and len(prev.strip()) <= 2 and \
                _DASH_ITEM.match(line):
            join = True  # "3" / "- Ủy ban nhân dân các huyện:" where items read "2 - Sở …"
        elif prev.strip() == "Kính" and line.lstrip().startswith("gửi"):
            join = True  # a narrow cell's "Kính" / "gửi:"
        elif _SOCIO.match(line) and prev.rstrip().lower().endswith("kinh tế"):
            join = True  # "… PHÁT TRIỂN KINH TẾ" / "- XÃ HỘI …": no bullet, one word
        elif _LONE_MARKER.fullmatch(line):
            join = False  # "… năm 2025.", "2.", "Đẩy mạnh …": the marker opens an item
        elif style.wrapped and not is_table_row(prev) and not is_table_row(line):
            join = _soft_break(prev, line, style) and not (
                ACTION.match(line) and _names_a_body(
                    _logical_line(lines, i, starts, joined, style.width), style))
        elif not style.wrapped:  # one paragraph per line: only evident breaks in a sentence
            join = (_continues(prev, line) or (style.blank_separated and _goes_on(prev, line))
                    ) and not _caps(prev)
        if join:
            joined.add(starts[i] + len(prev))
    result = _spaced(text, joined)
    if "   " in result:
        result = _GLUED.sub(lambda m: " " * (len(m.group()) - 1) + "\n", result)
    return result
