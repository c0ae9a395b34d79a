"""The outline of a policy text: one tree of parts, items, bullets, paragraphs and tables.

:func:`parse_outline` reads the laid-out text (:func:`policykg.loaders.layout.lay_out`:
one logical unit per line) into a tree of :class:`Node`:

    root
    ├── part "I."            Roman parts (PHẦN, I., II-), articles (Điều 1.)
    │   ├── num "1."         numbered items; "1.1." is a child of "1."
    │   │   ├── letter "a)"  lettered items
    │   │   │   ├── bullet "-", then "+" …  bullets, each marker a style of its own
    │   │   │   └── paren "(1)" / "(i)"     enumerated items on lines of their own
    │   │   └── plain        paragraphs without a label
    │   └── table            rows of a table flattened with " | " (a header row first)
    └── annex "PHỤ LỤC …"    what follows the signature: appendices, an attached plan

The nesting comes from the labels' styles, not from a fixed order: a label of a style
already open closes what was opened after it (a sibling); a new style opens inside
the current item, unless the genre ranks it above (a numbered item after bullets
closes the bullets).  A paragraph without a label, or ending in ":" (a lead-in), is a
child of the item open before it.  Enumerations inside a paragraph — "(1) …; (2) …",
"(i) … (ii) …", "… như sau: - A; - B" — are split into child nodes of their own
(:func:`inline_items`).

Where the document's own text ends (the recipients list, a news page's related
links) and what comes after it (the signature) is kept out of the tree; an annex
after it opens a new top-level node.  Every node keeps the span of its text.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, field

from policykg.core.vntext import LOWER, UPPER
from policykg.loaders.layout import is_table_row

# Ranks of label styles, highest first; unknown styles rank as bullets.
_RANK = {"annex": 0, "article": 1, "apart": 1.5, "part": 2, "num1": 3, "num2": 4, "num3": 5,
         "num4": 6, "num5": 7, "letter": 8, "paren": 9, "proman": 10, "pletter": 11}
_BULLET_RANK = 12
# Bullets under bullets: "+" (and the rarer markers) go under "-".
_BULLET_RANKS = {"-": 12, "–": 12, "—": 12, "•": 12, "●": 12, "+": 13}

_PART = re.compile(r"[ \t*]*(?P<label>(?:PHẦN|Phần)[ \t]+(?:THỨ[ \t]+|thứ[ \t]+)?[IVXLA-ZĐ\w]+)"
                   r"[ \t]*[.:\-–]?[ \t]*(?P<text>.*)")
_ROMAN = re.compile(r"[ \t*]*(?P<label>[IVXL]{1,6})[ \t]*[.\-–:)][ \t*]*(?P<text>\S.*)?")
# "A. MỤC ĐÍCH, YÊU CẦU", "B. NỘI DUNG …": parts above the Roman ones, titled in capitals
# (any capital but the Roman digits I, V, X).
_PART_LETTERS = frozenset("ABCDEFGHJKLMNOPQRSTUWYZĐ")
_ALPHA_PART = re.compile(
    rf"[ \t*]*(?P<label>[{''.join(sorted(_PART_LETTERS))}])\.[ \t]+"
    rf"(?P<text>[{UPPER}][^{LOWER}]{{3,}})$")
_ARTICLE = re.compile(r"[ \t*]*(?P<label>Điều[ \t]+\d{1,3})[ \t]*[.:][ \t*]*(?P<text>.*)")
# "1.", "1)", "1/", "1 -", "1.2" …
_NUM = re.compile(r"[ \t*]*(?P<label>\d{1,2}(?:\.\d{1,2}){0,4})"
                  r"(?:\.?\)|\.|/(?=[ \t])|[ \t]*[-–](?=[ \t])"
                  r"|(?<=\d\.\d)(?=[ \t])|(?<=\d\.\d\d)(?=[ \t]))[ \t*]*(?P<text>[^\s\d./-].*)")
# A lettered item numbered with its parent: "2.1.a. Thành lập Ban Chỉ đạo …" under "2.1.".
_NUM_LETTER = re.compile(r"[ \t*]*\d{1,2}(?:\.\d{1,2}){0,4}\.(?P<label>[a-zđ])[.)][ \t*]+"
                         r"(?P<text>\S.*)")
_LETTER = re.compile(r"[ \t*]*(?P<label>[a-zđ])(?:[ \t]*\)|/(?=[ \t]))[ \t*]*(?P<text>\S.*)"
                     r"|[ \t*]*(?P<label2>[a-zđ])\.[ \t]+(?P<text2>[A-ZĐÀ-Ỹ].*)")
_PAREN = re.compile(r"[ \t*]*\((?P<label>\d{1,2}|[ivx]{1,5}|[a-zđ])\)[ \t*]*(?P<text>\S.*)")
_RULE = re.compile(r"[ \t]*[-_=–—*.]{3,}")  # "---------------" under a motto: no bullet
_BULLET = re.compile(r"[ \t]*(?P<label>[-+•–—●○■□▪✓]|\*{1,2}(?=[ \t]))[ \t]*(?P<text>\S.*)")
_ANNEX = re.compile(r"(?i)[ \t*]*(?:phụ lục|danh mục)\b|[ \t*]*\(\s*(?:ban hành\s+)?kèm theo\b")
# Where the document's own text ends (also in a table row: "| Nơi nhận: … | THỦ TƯỚNG |").
_END = re.compile(r"(?i)[ \t*|]*(?:nơi nhận|tin liên quan|tin cùng chuyên mục|bài viết liên quan|"
                  r"các tin khác|tin khác|xem thêm)\b")
# A signature block: "T/M BAN THƯỜNG VỤ", "TM. ỦY BAN NHÂN DÂN", "KT. CHỦ TỊCH", "T/L …".
_SIGNATURE = re.compile(r"[ \t*]*(?:T/?M|T/?L|K/?T|Q)\.?[ \t]+[A-ZĐÀ-Ỹ]{2,}[A-ZĐÀ-Ỹ ,.]*$"
                        r"|[ \t*]*(?:PHÓ )?(?:BÍ THƯ|CHỦ TỊCH|THỦ TƯỚNG|BỘ TRƯỞNG|CHÁNH VĂN PHÒNG|"
                        r"GIÁM ĐỐC|TRƯỞNG BAN|CHỦ NHIỆM)[ \t*]*$")
# A signature a copy glued the attached plan's heading onto: "KT. BỘ TRƯỞNG THỨ TRƯỞNG Đinh
# Trung Tụng KẾ HOẠCH TRIỂN KHAI …", "BỘ TRƯỞNG Đặng Quốc Khánh CHƯƠNG TRÌNH HÀNH ĐỘNG …".
_SIGNED_ANNEX = re.compile(
    r"[ \t*|]*(?:(?:T/?M|T/?L|K/?T)\.?[ \t]|(?:PHÓ )?(?:BỘ TRƯỞNG|CHỦ TỊCH|THỦ TƯỚNG|GIÁM ĐỐC|"
    r"BÍ THƯ|TRƯỞNG BAN|CHÁNH VĂN PHÒNG)[ \t])[^\n]{0,160}?[ \t](?P<heading>(?:KẾ HOẠCH|CHƯƠNG "
    r"TRÌNH|ĐỀ ÁN|QUY CHẾ|QUY ĐỊNH|HƯỚNG DẪN|PHỤ LỤC)[ \t]+[A-ZĐÀ-Ỹ])")
_STAR = re.compile(r"[ \t]*\*{1,2}[ \t]+(?=\S)")
_ADDRESS = re.compile(r"(?i)^[-\s*]*kính gửi\b")
_KIND_HEADING = re.compile(r"[ \t*]*(?:KẾ HOẠCH|CHƯƠNG TRÌNH|ĐỀ ÁN|QUY CHẾ|QUY ĐỊNH|HƯỚNG DẪN|"
                           r"DANH MỤC|PHỤ LỤC)\b")
# A field line of an item: "Cơ quan chủ trì: …", "Thời gian thực hiện: …", "Nội dung: …".
FIELD = re.compile(r"(?i)^[\s*(]*(?:(?:cơ quan|đơn vị)\s+(?:chủ trì|thực hiện|phối hợp|"
                   r"chịu trách nhiệm)|chủ trì|phối hợp|trách nhiệm(?:\s+\w+){0,2}|"
                   r"thời gian(?:\s+\w+){0,3}|thời hạn(?:\s+\w+){0,3}|tiến độ(?:\s+\w+){0,2}|"
                   r"nội dung|sản phẩm(?:\s+\w+){0,2}|kết quả(?:\s+\w+){0,2}|nhiệm vụ|"
                   r"kinh phí(?:\s+\w+){0,2}|nguồn kinh phí)\s*:")
# What a dossier holds follows it: "Hồ sơ đề xuất, đăng ký nhiệm vụ …", "Thành phần hồ sơ gồm:".
DOSSIER = re.compile(r"(?i)[\s*]*(?:thành phần\s+hồ sơ\b|hồ sơ\s+(?:đề xuất|đăng ký|dự tuyển|"
                     r"đề nghị|xét|tham gia|gồm|bao gồm)\b)")
_DOTTED = re.compile(r"[\d.]+")  # a numbered label: "2", "2.1"
_ROMAN_VALUE = {"I": 1, "V": 5, "X": 10, "L": 50}


def roman_value(numeral: str) -> int | None:
    """The value of a Roman numeral, or None when ``numeral`` is not one."""
    total, last = 0, 0
    for ch in reversed(numeral.upper()):
        value = _ROMAN_VALUE.get(ch)
        if value is None:
            return None
        total = total - value if value < last else total + value
        last = max(last, value)
    return total if 0 < total < 100 else None


@dataclass(eq=False)
class Node:
    """One unit of the outline: a labelled item, a paragraph, a table or a row."""

    kind: str  # root annex part article num letter paren bullet plain table row
    style: str
    label: str
    start: int  # of the node's text (after its label)
    end: int
    text: str
    children: list[Node] = field(default_factory=list)
    parent: Node | None = field(default=None, repr=False)
    cells: tuple[str, ...] = ()
    cell_starts: tuple[int, ...] = ()
    inline: bool = False  # an item split out of a paragraph

    @property
    def rank(self) -> float:
        if self.kind == "root":
            return -1
        if self.kind == "bullet":
            return _BULLET_RANKS.get(self.label[:1], 14)
        return _RANK.get(self.style, _BULLET_RANK)

    @property
    def labelled(self) -> bool:
        return self.kind not in ("root", "plain", "table", "row")

    def add(self, child: Node) -> Node:
        child.parent = self
        self.children.append(child)
        return child

    def ancestors(self) -> Iterator[Node]:
        node = self.parent
        while node is not None:
            yield node
            node = node.parent

    def walk(self) -> Iterator[Node]:
        """This node and its descendants, in document order."""
        yield self
        for child in self.children:
            yield from child.walk()

    def section(self) -> str:
        """The section path of this node: "II.2.1", "III.5.a(1)", "PL.I.3"."""
        parts: list[str] = []
        for node in (self, *self.ancestors()):
            if node.kind == "annex":
                parts.append("PL")
            elif node.kind in ("part", "article", "num", "letter"):
                label = node.label.split()[-1] if node.kind == "article" else node.label
                parts.append(label)
            elif node.kind == "paren":
                parts.append(f"({node.label})")
            elif node.kind == "row" and node.label:
                parts.append(node.label.rstrip("."))
        kept: list[str] = []
        for part in parts:  # "2.1" already says it is under "2"
            if kept and kept[-1].startswith(part + ".") and _DOTTED.fullmatch(part):
                continue
            kept.append(part)
        out = ""
        for part in reversed(kept):
            out += part if (part.startswith("(") or not out) else f".{part}"
        return out


def _open_rank(node: Node) -> float:
    """The rank an open node holds in the stack: a lead-in paragraph ranks just below
    the item it belongs to."""
    if node.kind == "plain":
        return (node.parent.rank if node.parent is not None else -1) + 0.5
    return node.rank


@dataclass(frozen=True)
class _Label:
    kind: str
    style: str
    label: str
    text_start: int  # offset of the text in the line


# What each label opens with after its line's spaces and asterisks ("[ \t*]*"): the
# patterns are tried only on a line opening so (most lines open with none of them).
_ROMAN_DIGITS = frozenset("IVXL")
_LETTERS = frozenset("abcdefghijklmnopqrstuvwxyzđ")
_BULLET_MARKS = frozenset("-+•–—●○■□▪✓")


def classify(line: str) -> _Label | None:
    """The label opening ``line``, if any."""
    first = line.lstrip(" \t*")[:1]
    if first == "Đ" and (m := _ARTICLE.match(line)) is not None:
        return _Label("article", "article", m["label"], m.start("text"))
    if first == "P" and (m := _PART.match(line)) is not None and \
            line.lstrip(" *").startswith(("PHẦN", "Phần")):
        return _Label("part", "part", m["label"], m.start("text"))
    if first in _ROMAN_DIGITS and (m := _ROMAN.match(line)) is not None and \
            roman_value(m["label"]) is not None:
        start = m.start("text") if m["text"] else len(line)
        return _Label("part", "part", m["label"], start)
    if first in _PART_LETTERS and (m := _ALPHA_PART.match(line)) is not None:
        return _Label("part", "apart", m["label"], m.start("text"))
    if first.isdecimal() and (m := _NUM_LETTER.match(line)) is not None:
        return _Label("letter", "letter", m["label"], m.start("text"))
    if first.isdecimal() and (m := _NUM.match(line)) is not None:  # (\d: any decimal digit)
        depth = m["label"].count(".") + 1
        return _Label("num", f"num{depth}", m["label"], m.start("text"))
    if first in _LETTERS and (m := _LETTER.match(line)) is not None:
        if m["label"]:
            return _Label("letter", "letter", m["label"], m.start("text"))
        return _Label("letter", "letter", m["label2"], m.start("text2"))
    if first == "(" and (m := _PAREN.match(line)) is not None:
        label = m["label"]
        style = "paren" if label.isdigit() else ("proman" if roman_value(label) and label not in
                                                 ("c", "d", "l") else "pletter")
        return _Label("paren", style, label, m.start("text"))
    # (a bullet opens after spaces only; a "*" bullet is no label, so the first character
    # after the asterisks too is its marker)
    if first in _BULLET_MARKS and (m := _BULLET.match(line)) is not None and \
            m["label"][0] != "*" and not _RULE.match(line):
        marker = m["label"][0]  # "* X chủ trì …" lines are read as paragraphs (attributions)
        return _Label("bullet", f"bullet{marker}", m["label"], m.start("text"))
    return None


# An inline enumeration: "(1) …; (2) …" or "(i) … (ii) …" inside a paragraph.
_INLINE = re.compile(r"\((\d{1,2}|[ivx]{1,5})\)[ \t]*(?=\S)")  # not after a letter or "("


def _number(label: str) -> int | None:
    return int(label) if label.isdigit() else roman_value(label)


# A dash list run into its paragraph: "… như sau: - Quyết định số …; - Quyết định số …".
_INLINE_DASH = re.compile(rf"(?<=[:;])[ \t]+[-–][ \t]+(?=[{UPPER}])")


def inline_items(text: str) -> list[tuple[str, str, int, int]]:
    """The elements of an enumeration inside ``text``: (label, style, offset of the label,
    offset of the element's text), when the labels count up from 1 (or i), at least two
    of them, or else for two dashes at least after a ":" or ";"."""
    best: list[tuple[str, str, int, int]] = []
    if "(" in text:
        marks = [m for m in _INLINE.finditer(text)
                 if m.start() == 0 or not (text[m.start() - 1].isalnum()
                                           or text[m.start() - 1] in "_(")]
        for style in ("paren", "proman"):
            found: list[tuple[str, str, int, int]] = []
            expected = 1
            for m in marks:
                label = m.group(1)
                if (style == "paren") != label.isdigit():
                    continue
                if _number(label) == expected:
                    found.append((label, style, m.start(), m.end()))
                    expected += 1
            if len(found) >= 2 and (not best or found[0][3] < best[0][3]):
                best = found
    if not best and (" - " in text or " – " in text):
        dashes = list(_INLINE_DASH.finditer(text))
        if len(dashes) >= 2:
            best = [("-", "bullet-", m.start(), m.end()) for m in dashes]
    return best


def _split_inline(node: Node, outer: frozenset[str] = frozenset()) -> None:
    """Split the enumeration inside ``node``'s text into children, and theirs in turn
    when of another style than the ones around them ("(1) … (i) … (ii) … (2) …")."""
    items = inline_items(node.text)
    if not items or items[0][1] in outer:
        return
    children: list[Node] = []
    for k, (label, style, _, offset) in enumerate(items):
        stop = items[k + 1][2] if k + 1 < len(items) else len(node.text)
        body = node.text[offset:stop]
        trimmed = body.rstrip(" ;,.\t")
        kind = "bullet" if style.startswith("bullet") else "paren"
        child = Node(kind, style, label, node.start + offset,
                     node.start + offset + len(trimmed), trimmed, inline=True)
        children.append(child)
    lead = node.text[:items[0][2]].rstrip()
    node.text = lead
    node.end = node.start + len(lead)
    for child in children:
        _split_inline(child, outer | {items[0][1]})
        node.children.insert(len([c for c in node.children if c.inline]), child)
        child.parent = node


def _table_cells(line: str, start: int) -> tuple[tuple[str, ...], tuple[int, ...]]:
    cells: list[str] = []
    starts: list[int] = []
    body = line.strip()
    offset = start + line.index(body) if body else start
    if body.startswith("|"):
        body, offset = body[1:], offset + 1
    if body.endswith("|"):
        body = body[:-1]
    pos = 0
    for piece in body.split("|"):
        lead = len(piece) - len(piece.lstrip())
        cells.append(piece.strip())
        starts.append(offset + pos + lead)
        pos += len(piece) + 1
    return tuple(cells), tuple(starts)


def _filled_lines(text: str) -> list[tuple[str, int]]:
    """The lines of ``text`` holding more than spaces, with their offsets."""
    lines = []
    start = 0
    for line in text.split("\n"):
        if line and not line.isspace():
            lines.append((line, start))
        start += len(line) + 1
    return lines


class _Builder:
    def __init__(self) -> None:
        self.root = Node("root", "root", "", 0, 0, "")
        self.stack: list[Node] = [self.root]
        self.table: Node | None = None

    def _parent_for(self, style: str, rank: float, label: str = "") -> Node:
        stack = self.stack
        for k in range(len(stack) - 1, 0, -1):  # a style already open: a sibling
            if stack[k].style == style:
                lead = self._restarting_lead(stack[k], label)
                del stack[k:]
                if lead is not None:  # "6. …  Tại Mục III … như sau:  1. …": a new list
                    return self._hoist(lead, stack[-1])
                return stack[-1]
        if style.startswith("num") and style != "num1":  # "2.1." under the open "2."
            depth = int(style[3:])
            for k in range(len(stack) - 1, 0, -1):
                node = stack[k]
                if node.style.startswith("num") and int(node.style[3:]) < depth:
                    del stack[k + 1:]
                    return node
        top = stack[-1]
        while len(stack) > 1 and _open_rank(stack[-1]) >= rank:  # a new style: inside,
            stack.pop()  # unless the genre ranks the open item below it
        starts = _number(label) == 1 or label in ("a", "i")
        if starts and top is not stack[-1] and top.kind == "plain" and not top.children and \
                top.text.rstrip(" *").endswith(":"):
            # "(iv) …  Tại Mục 1 … như sau:  (1) …": a new list goes under the lead-in
            # just before it, which leaves the item it was read into
            return self._hoist(top, stack[-1])
        return stack[-1]

    @staticmethod
    def _restarting_lead(sibling: Node, label: str) -> Node | None:
        """The lead-in inside ``sibling`` that a list starting again at ``label`` follows:
        "1." after "6." is no seventh item but the first of the list a lead-in opened."""
        if _number(label) != 1:
            return None
        last = _number(sibling.label)
        if last is None or last < 1:
            return None
        leads = [n for n in sibling.walk() if n.kind == "plain" and n is not sibling
                 and n.text.rstrip(" *").endswith(":") and not n.children]
        return leads[-1] if leads else None

    def _hoist(self, lead: Node, list_parent: Node) -> Node:
        """Move ``lead`` beside the lead-in (or item) that held the earlier list; the
        new list goes under it."""
        assert lead.parent is not None
        lead.parent.children.remove(lead)
        home = list_parent.parent if list_parent.kind == "plain" and list_parent.parent \
            is not None else list_parent
        while len(self.stack) > 1 and self.stack[-1] is not home:
            self.stack.pop()
        home.add(lead)
        self.stack.append(lead)
        return lead

    def labelled(self, found: _Label, line: str, start: int) -> None:
        self.table = None
        text = line[found.text_start:].rstrip()
        rank = (_BULLET_RANKS.get(found.label[:1], 14) if found.kind == "bullet"
                else _RANK.get(found.style, _BULLET_RANK))
        parent = self._parent_for(found.style, rank, found.label)
        if found.kind == "bullet":
            parent = self._field_home(parent, found.style, bool(FIELD.match(text)))
        node = parent.add(Node(found.kind, found.style, found.label, start + found.text_start,
                               start + found.text_start + len(text), text))
        self.stack.append(node)

    def _field_home(self, parent: Node, style: str, is_field: bool) -> Node:
        """Where a bullet goes when items and their field lines share one marker ("+
        Nghị định …", "+ Cơ quan chủ trì: …", "+ Thời gian thực hiện:", "+ Các bộ …"): a
        field line under the item above it, an item under the field line ending in ":"
        above it, the next item of the list beside the item, not under it."""
        while parent.style == style and parent.parent is not None and \
                bool(FIELD.match(parent.text)) == is_field:
            self.stack.pop()
            parent = parent.parent
        last = parent.children[-1] if parent.children else None
        if last is not None and last.style == style and (
                not FIELD.match(last.text) if is_field
                else FIELD.match(last.text) and last.text.rstrip(" *").endswith(":")):
            self.stack.append(last)
            return last
        return parent

    def plain(self, line: str, start: int, *, titles_list: bool = False) -> None:
        """A paragraph; a lead-in (ending in ":", a dossier's "Hồ sơ …", or a title over
        the list after it, ``titles_list``) holds the items after it."""
        self.table = None
        star = _STAR.match(line)  # "* Ban Tuyên giáo Tỉnh ủy …": an attribution line
        lead = star.end() if star else len(line) - len(line.lstrip())
        text = line[lead:].strip()
        is_lead = text.rstrip(" *").endswith(":") or titles_list or bool(
            DOSSIER.match(text) and not text.endswith("."))  # "Hồ sơ đề xuất …" over its list
        if is_lead and self.stack[-1].kind == "plain":  # a new lead-in ends the last one
            self.stack.pop()
        node = self.stack[-1].add(Node("plain", "plain", "*" if star else "", start + lead,
                                       start + lead + len(text), text))
        if is_lead:
            self.stack.append(node)  # the items after a lead-in are its children

    def row(self, line: str, start: int) -> None:
        cells, starts = _table_cells(line, start)
        if self.table is None:
            top = self.stack[-1]
            self.table = top.add(Node("table", "table", "", start, start + len(line), line))
        label = cells[0] if cells else ""
        self.table.add(Node("row", "row", label, start, start + len(line.rstrip()), line.strip(),
                            cells=cells, cell_starts=starts))

    def annex(self, line: str, start: int) -> None:
        self.table = None
        text = line.strip()
        last = self.root.children[-1] if self.root.children else None
        if last is not None and last.kind == "annex" and not last.children:
            last.text = f"{last.text} {text}"  # "PHỤ LỤC" then its title: one heading
            last.end = start + len(text)
            return
        del self.stack[1:]
        node = self.root.add(Node("annex", "annex", "", start, start + len(text), text))
        self.stack.append(node)

    def group_row(self, line: str, start: int) -> None:
        """A heading line between the rows of a table ("I. NÂNG CAO …"): a row of it."""
        assert self.table is not None
        text = line.strip()
        self.table.add(Node("row", "row", "", start + line.index(text), start + len(line.rstrip()),
                            text, cells=(text,), cell_starts=(start + line.index(text),)))


def _titles_list(line: str, following: str) -> bool:
    """Whether ``line``, a paragraph under no item, is the title of the numbered list that
    starts on the next line ("Chín chỉ tiêu trọng tâm nhiệm kỳ" over "1. Hằng năm, …"):
    short, no sentence, not a lead-in."""
    text = line.strip(" \t*")
    if not text or len(text) > _TITLE_MAX or text[-1] in ".;:,!?" or not text[0].isupper():
        return False
    found = classify(following)
    return found is not None and found.kind == "num" and found.label in ("1", "1.1")


_TITLE_MAX = 100


# A footnote: the rule above the notes, and a note ("¹ Quy định tại …"); no outline node.
_FOOTNOTE = re.compile(r"[ \t]*(?:_{5,}[ \t]*$|[¹²³⁴⁵⁶⁷⁸⁹⁰]+[ \t]*\S)")


def parse_outline(text: str) -> Node:
    """The outline tree of laid-out ``text``; footnotes are left out of it."""
    builder = _Builder()
    ended = False  # inside the recipients and signature, after the document's own text
    addressing = False  # inside a "Kính gửi:" list
    lines = _filled_lines(text)
    for k, (line, start) in enumerate(lines):
        if ended:
            if _ANNEX.match(line) or _KIND_HEADING.match(line):
                ended = False
                builder.annex(line, start)
            elif (glued := _SIGNED_ANNEX.match(line)) is not None:
                ended = False  # "KT. BỘ TRƯỞNG THỨ TRƯỞNG Đinh Trung Tụng KẾ HOẠCH …"
                builder.annex(line[glued.start("heading"):], start + glued.start("heading"))
            continue
        if _END.match(line) or _SIGNATURE.match(line):
            ended = True
            continue
        if _FOOTNOTE.match(line):
            continue
        if _ADDRESS.match(line):
            addressing = True
            continue
        if addressing:
            if (_BULLET.match(line) and len(line) < 200) or line.strip() in ("", "|"):
                continue  # the list of addressees (a web table's "|" between its cells)
            addressing = False
        if is_table_row(line):
            builder.row(line, start)
            continue
        if builder.table is not None and k + 1 < len(lines) and is_table_row(lines[k + 1][0]) \
                and len(line) < 300 and not _END.match(lines[k + 1][0]):
            builder.group_row(line, start)
            continue
        if _ANNEX.match(line) and line.strip().upper() == line.strip() and \
                builder.root.children:
            builder.annex(line, start)
            continue
        found = classify(line)
        if found is not None and _ANNEX.match(line, found.text_start) and \
                line[found.text_start:].isupper() and builder.root.children:
            builder.annex(line[found.text_start:], start + found.text_start)  # "5. PHỤ LỤC"
        elif found is not None:
            builder.labelled(found, line, start)
        else:
            builder.plain(line, start, titles_list=k + 1 < len(lines) and _titles_list(
                line, lines[k + 1][0]) and builder.stack[-1].kind == "root")
    for node in list(builder.root.walk()):
        if node.kind not in ("root", "table", "row", "annex"):
            _split_inline(node)
    return builder.root
