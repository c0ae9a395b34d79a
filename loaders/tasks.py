"""Tasks of a policy document: the numbered items and bullets that direct action.

One linear pass over the paragraphs of the cleaned text builds the outline
(Roman parts, Arabic paths, bullets, plain paragraphs); a second pass decides
which items are tasks and who owns them:

- numbered items with children (sub-items or bullets) and lead-ins ending in ":"
  are headings; a heading that names a body ("3. Ban cán sự đảng …") owns the
  items under it;
- descriptive parts (assessments, results, objectives, purposes) hold no tasks;
  neither do the "Kính gửi" and "Nơi nhận" lists;
- an item's own subject ("Ban Tuyên giáo Tỉnh ủy hướng dẫn …"), "X: …" prefix or
  "Giao X …" / "Đề nghị X …" names its owners;
- an attribution line ("* Ban Tuyên giáo Tỉnh ủy …; hoàn thành trong quý II-2024")
  assigns owners and deadline to the bullets above it not yet assigned;
- bodies in a "phối hợp (với)" phrase are coordinators;
- collective addressees of the lead-in ("… yêu cầu X tập trung thực hiện …") and of
  the closing clause ("Căn cứ Thông báo này, X … tổ chức triển khai thực hiện")
  are the document's general addressees, never task owners.

Pipe tables with a task column and owner / coordinator / deadline columns give
one task per row.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, field

from policykg.core.vntext import fold
from policykg.loaders.attribution import (
    Responsibility,
    attribution_line,
    closing_parenthesis,
    field_line,
)
from policykg.loaders.bodies import body_phrase_end, split_bodies, starts_with_body
from policykg.loaders.clean import tidy
from policykg.loaders.deadlines import deadline_from_field, find_deadline
from policykg.ontology.records import Deadline, Provenance, Span, Task


@dataclass(frozen=True)
class TaskExtraction:
    """Tasks found in one text, and the bodies the whole document addresses."""

    tasks: tuple[Task, ...]
    general_addressees: tuple[str, ...]


# A lettered item glued to the line above by the page-break join of clean_text
# ("… UBND tỉnh      a) Chỉ đạo …") starts a line of its own.
_GLUED = re.compile(r"[ \t]{2,}(?=[a-zđ]\)[ \t])")
_ROMAN = re.compile(r"[ \t]*\**[ \t]*([IVX]{1,5})[ \t]*[.\-–]\**[ \t]*(\S.*)")
_NUMBERED = re.compile(r"[ \t]*\**[ \t]*(\d{1,2}(?:\.\d{1,2}){0,3})[ \t]*[.\-–)]\**[ \t]+(\S.*)")
_BULLET = re.compile(r"[ \t]*(\*{1,2}|[-+•–]|[a-zđ]\)|[a-zđ]\.(?=[ \t]+[A-ZĐÀ-Ỹ]))[ \t]+(\S.*)")
_TABLE_ROW = re.compile(r"[ \t]*\|(.*)\|[ \t]*")
# Where the document's own text ends: the recipients list, a news page's related links.
_RECIPIENTS = re.compile(r"(?i)[ \t*]*(?:nơi nhận|tin liên quan|tin cùng chuyên mục|"
                         r"bài viết liên quan|các tin khác|tin khác)\b")
_ADDRESS = re.compile(r"(?i)^[-\s*]*kính gửi\b")
_DESCRIPTIVE = re.compile(r"(?i)^[*\s]*(?:mục tiêu|mục đích|yêu cầu|quan điểm|đánh giá|kết quả|"
                          r"tình hình|thực trạng|bối cảnh|những kết quả|hạn chế)\b")
_CLOSING = re.compile(r"(?i)^(?:(?:chỉ thị|thông báo|kế hoạch|chương trình|công văn|nghị quyết|"
                      r"kết luận|quyết định|hướng dẫn)\s+này\b|căn cứ\b)")
_ASSIGN = re.compile(r"(?i)^(?:giao(?:\s+cho)?|đề nghị|yêu cầu)\s+")
_PREFIX = re.compile(r"^([^:;.]{3,160}+):\**\s+(?=\S)")
_COORDINATE = re.compile(r"(?i)\bphối hợp(?:\s+chặt chẽ)?(?:,\s*liên kết)?\s+(?:với\s+)?")
_ADDRESSEES = re.compile(r"(?i)\b(?:yêu cầu|đề nghị)\s+|^\s*căn cứ\b[^,]{0,200},\s*")
# In the lower-cased paragraph, one of these is in every match of _ADDRESSEES ("i" is left
# out: a case-insensitive "i" matches "ı" and "İ" as well).
_ADDRESSEE_CUES = ("yêu cầu", "đề ngh", "căn cứ")


@dataclass
class _Block:
    kind: str  # roman | num | bullet | plain | table
    marker: str
    start: int  # of the body after the label
    end: int
    text: str
    path: tuple[str, ...] = ()
    roman: str = ""
    descriptive: bool = False
    cells: tuple[str, ...] = ()
    extra_end: int = field(default=-1)


def _lines(text: str) -> Iterator[tuple[str, int]]:
    """Lines of ``text`` with their offsets, glued lettered items split off."""
    start = 0
    for line in text.split("\n"):
        if "  " not in line:
            yield line, start
        else:
            cut = 0
            for g in _GLUED.finditer(line):
                yield line[cut:g.start()], start + cut
                cut = g.end()
            yield line[cut:], start + cut
        start += len(line) + 1


def _outline(text: str) -> list[_Block]:
    """Paragraph blocks up to the recipients list, with labels resolved."""
    blocks: list[_Block] = []
    roman = ""
    path: tuple[str, ...] = ()
    roman_descriptive = False
    num_descriptive: tuple[str, ...] | None = None
    in_address = False
    for line, start in _lines(text):
        if not line.strip():
            continue
        if _RECIPIENTS.match(line):
            break
        if _ADDRESS.match(line):
            in_address = True
            continue
        end = start + len(line)
        if (rm := _ROMAN.fullmatch(line)) is not None:
            in_address = False
            roman, path, num_descriptive = rm.group(1), (), None
            roman_descriptive = bool(_DESCRIPTIVE.match(rm.group(2)))
            blocks.append(_Block("roman", rm.group(1), start + rm.start(2), end, rm.group(2),
                                 roman=roman, descriptive=roman_descriptive))
            continue
        if (nm := _NUMBERED.fullmatch(line)) is not None:
            in_address = False
            path = tuple(nm.group(1).split("."))
            if num_descriptive is not None and path[:len(num_descriptive)] != num_descriptive:
                num_descriptive = None
            body = nm.group(2)
            if num_descriptive is None and _DESCRIPTIVE.match(body):
                num_descriptive = path
            blocks.append(_Block("num", nm.group(1), start + nm.start(2), end, body,
                                 path=path, roman=roman,
                                 descriptive=roman_descriptive or num_descriptive is not None))
            continue
        if (bm := _BULLET.fullmatch(line)) is not None:
            if in_address:
                continue
            blocks.append(_Block("bullet", bm.group(1), start + bm.start(2), end, bm.group(2),
                                 path=path, roman=roman,
                                 descriptive=roman_descriptive or num_descriptive is not None))
            continue
        in_address = False
        if (tm := _TABLE_ROW.fullmatch(line)) is not None:
            cells = tuple(c.strip() for c in tm.group(1).split("|"))
            blocks.append(_Block("table", "|", start, end, line, path=path, roman=roman,
                                 cells=cells))
            continue
        blocks.append(_Block("plain", "", start + len(line) - len(line.lstrip()), end,
                             line.strip(), path=path, roman=roman,
                             descriptive=roman_descriptive))
    return blocks


def _section(block: _Block) -> str:
    parts = ([block.roman] if block.roman else []) + list(block.path)
    return ".".join(parts)


def _has_children(blocks: list[_Block], i: int) -> bool:
    path = blocks[i].path
    for nxt in blocks[i + 1:]:
        if nxt.kind in {"bullet", "table"}:
            return True
        if nxt.kind == "roman":
            return False
        if nxt.kind == "num":
            return len(nxt.path) > len(path) and nxt.path[:len(path)] == path
    return False


def _subject(clause: str) -> tuple[str, int] | None:
    """The body phrase opening ``clause`` (as subject), with its end offset."""
    lead = len(clause) - len(clause.lstrip(" *"))
    rest = clause[lead:]
    if not starts_with_body(rest):
        return None
    end = body_phrase_end(rest)
    if end == 0 or end >= len(rest.rstrip(" .;*")):
        return None
    return rest[:end], lead + end


def _owners(body: str) -> tuple[str, ...]:
    """Owners stated in an item: "X: …" prefix, subject, or "Giao X …"."""
    clause = body.lstrip(" *")
    prefix = _PREFIX.match(clause)
    if prefix is not None:
        head = tidy(prefix.group(1))
        if starts_with_body(head) and body_phrase_end(head) == len(head):
            return tuple(split_bodies(head))
        clause = clause[prefix.end():].lstrip(" *")
    assign = _ASSIGN.match(clause)
    if assign is not None:
        clause = clause[assign.end():]
    found = _subject(clause)
    return tuple(split_bodies(tidy(found[0]))) if found else ()


def _coordinators(body: str) -> tuple[str, ...]:
    out: list[str] = []
    if "hợp" not in body.lower():  # the quick test before the case-insensitive search
        return ()
    for m in _COORDINATE.finditer(body):
        rest = body[m.end():]
        if starts_with_body(rest):
            phrase = tidy(rest[:body_phrase_end(rest)])
            out.extend(e for e in split_bodies(phrase) if e not in out)
    return tuple(out)


_DIRECTING = re.compile(r"(?i)^\s*(?:lãnh đạo|chỉ đạo|hướng dẫn)\b")


def _heading_owner(block: _Block) -> tuple[tuple[str, ...], bool]:
    """The body a heading names ("3. Ban cán sự đảng …", "2.1. X chỉ đạo:") and whether
    the heading has it direct the items below (then their own subjects are directed)."""
    if not starts_with_body(block.text):
        return (), False
    name = tidy(block.text).rstrip(":")
    end = body_phrase_end(name)
    if end == len(name):
        return tuple(split_bodies(name)), False
    if block.text.rstrip(" *").endswith(":") and _DIRECTING.match(name[end:]):
        return tuple(split_bodies(name[:end])), True
    return (), False


def _general_addressees(paragraph: str) -> list[str]:
    lower = paragraph.lower()
    if not any(cue in lower for cue in _ADDRESSEE_CUES):
        return []
    for m in _ADDRESSEES.finditer(paragraph):
        rest = paragraph[m.end():]
        found = _subject(rest)
        if found is not None:
            return split_bodies(tidy(found[0]))
    return []


def _make_task(text: str, source: str, section: str, start: int, end: int,
               owners: tuple[str, ...], deadline: Deadline | None = None) -> Task:
    body = text[start:end]
    coordinators = _coordinators(body)
    if not owners and (closing := closing_parenthesis(body, offset=start, source=source)):
        owners = closing.owners
        coordinators = coordinators or closing.coordinators
        deadline = deadline or closing.deadline
    return Task(text=tidy(body), section=section, owners=owners, coordinators=coordinators,
                deadline=deadline or find_deadline(body, offset=start, source=source),
                provenance=Provenance(source=source, span=Span(start=start, end=end)))


def _assign(task: Task, found: Responsibility) -> Task:
    """``task`` given the owners (and coordinators, deadline) of an attribution."""
    return task.model_copy(update={
        "owners": found.owners, "coordinators": task.coordinators or found.coordinators,
        "deadline": task.deadline or found.deadline})


def _attribution(block: _Block, source: str) -> Responsibility | None:
    """The responsibility a plain line after a group of tasks states, if it is one."""
    return (field_line(block.text, offset=block.start, source=source)
            or attribution_line(block.text, offset=block.start, source=source))


def _extend(task: Task, text: str, end: int, source: str) -> Task:
    """``task`` with a continuation paragraph (ending at ``end``) appended."""
    start = task.provenance.span.start if task.provenance.span else 0
    return _make_task(text, source, task.section, start, end, task.owners, task.deadline)


_TASK_COL = re.compile(r"^(?:nhiem vu|noi dung|cong viec|ten nhiem vu)")
_OWNER_COL = re.compile(r"(?:chu tri|thuc hien|trach nhiem|don vi)")
_COORD_COL = re.compile(r"phoi hop")
_WHEN_COL = re.compile(r"(?:thoi gian|thoi han|tien do|hoan thanh)")


def _cell(cells: tuple[str, ...], col: int | None) -> str:
    return cells[col] if col is not None else ""


def _table_tasks(text: str, source: str, rows: list[_Block]) -> list[Task]:
    """Tasks from one pipe table with a header naming its columns."""
    header = [fold(c) for c in rows[0].cells]
    task_col = next((k for k, c in enumerate(header) if _TASK_COL.match(c)), None)
    if task_col is None:
        return []
    owner_col = next((k for k, c in enumerate(header) if k != task_col
                      and _OWNER_COL.search(c) and not _COORD_COL.search(c)), None)
    coord_col = next((k for k, c in enumerate(header) if _COORD_COL.search(c)), None)
    when_col = next((k for k, c in enumerate(header) if _WHEN_COL.search(c)), None)
    tasks: list[Task] = []
    for row in rows[1:]:
        cells = row.cells
        if len(cells) != len(header) or not cells[task_col] or set(cells[task_col]) <= set("-: "):
            continue
        start = text.index(cells[task_col], row.start)
        end = start + len(cells[task_col])

        deadline = None
        if when_col is not None and cells[when_col]:
            deadline = deadline_from_field(cells[when_col],
                                           offset=text.index(cells[when_col], row.start),
                                           source=source)
        tasks.append(Task(text=tidy(cells[task_col]), section=_section(row),
                          owners=tuple(split_bodies(tidy(_cell(cells, owner_col)))),
                          coordinators=tuple(split_bodies(tidy(_cell(cells, coord_col)))),
                          deadline=deadline,
                          provenance=Provenance(source=source, span=Span(start=start, end=end))))
    return tasks


def extract_tasks(text: str, source: str) -> TaskExtraction:
    """Items that direct action, in document order, and the general addressees."""
    blocks = _outline(text)
    tasks: list[Task] = []
    addressees: list[str] = []
    pending: list[int] = []  # bullet tasks still waiting for an attribution line
    heading_owner: dict[tuple[str, ...], tuple[tuple[str, ...], bool]] = {}
    last_task: int | None = None  # index of the task a plain paragraph may continue
    table: list[_Block] = []
    for i, block in enumerate(blocks):
        if block.kind != "table" and table:
            tasks.extend(_table_tasks(text, source, table))
            table = []
        if block.kind == "table":
            table.append(block)
            last_task = None
            continue
        if block.kind == "roman":
            pending, last_task = [], None
            continue
        if block.kind == "plain":
            found = _attribution(block, source) if pending else None
            if found is not None:
                for k in pending:
                    tasks[k] = _assign(tasks[k], found)
                pending, last_task = [], None
                continue
            if last_task is not None and not block.text.endswith(":") \
                    and not _CLOSING.match(block.text) and not starts_with_body(block.text):
                tasks[last_task] = _extend(tasks[last_task], text, block.end, source)
                continue
            last_task = None
            if not block.descriptive:
                addressees.extend(a for a in _general_addressees(block.text)
                                  if a not in addressees)
            continue
        if block.descriptive:
            last_task = None
            continue
        if block.kind == "num":
            pending = []
            inherited, directs = next((heading_owner[block.path[:k]] for k in range(
                len(block.path) - 1, 0, -1) if block.path[:k] in heading_owner), ((), False))
            if _has_children(blocks, i) or block.text.rstrip(" *").endswith(":"):
                owner = _heading_owner(block)
                if owner[0]:
                    heading_owner[block.path] = owner
                last_task = None
                continue
            owners = inherited if directs else _owners(block.text) or inherited
            tasks.append(_make_task(text, source, _section(block), block.start, block.end, owners))
            last_task = len(tasks) - 1
            if not tasks[-1].owners:
                pending.append(last_task)
            continue
        # bullet
        if "*" in block.marker and pending and _subject(block.text) is not None:
            owners = _owners(block.text)
            deadline = find_deadline(block.text, offset=block.start, source=source)
            for k in pending:
                tasks[k] = tasks[k].model_copy(update={
                    "owners": owners, "deadline": tasks[k].deadline or deadline})
            pending, last_task = [], None
            continue
        inherited, directs = next((heading_owner[block.path[:k]] for k in range(
            len(block.path), 0, -1) if block.path[:k] in heading_owner), ((), False))
        owners = inherited if directs else _owners(block.text) or inherited
        tasks.append(_make_task(text, source, _section(block), block.start, block.end, owners))
        if not tasks[-1].owners:
            pending.append(len(tasks) - 1)
        last_task = len(tasks) - 1
    if table:
        tasks.extend(_table_tasks(text, source, table))
    return TaskExtraction(tasks=tuple(tasks), general_addressees=tuple(addressees))
