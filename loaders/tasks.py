"""Tasks of a policy document: the items of its outline that direct action.

The outline (:mod:`policykg.loaders.outline`) is walked once, top down, with the scope
each node inherits — owners, a deadline, whether its section holds tasks at all:

- **sections** titled as objectives, purposes, viewpoints, assessments, results or
  causes ("MỤC TIÊU", "Về kết quả đạt được", "Nguyên nhân") hold no tasks;
- **headings** — an item with items under it, a title, a lead-in ending in ":" — are
  not tasks; a heading that names a body ("1. Bộ Xây dựng", "a) Sở Tài chính:",
  "6. Đề nghị: Hiệp hội …") owns the items beneath it, at any level; an "X: (1) …;
  (2) …" prefix owns each element;
- **a title with one paragraph** under it is one task (its text from the title), or,
  when the title names a body, the paragraph is the task that body owns; several
  paragraphs under a title are one task each (items written without markers);
- **a title with field lines** ("- Cơ quan chủ trì: …", "- Thời gian thực hiện: …") is
  one task; the fields give its owners, coordinators and deadline;
- **an item** that directs action is a task; the paragraphs after it continue it,
  unless they are attribution lines ("Ban Tuyên giáo Tỉnh ủy chủ trì thực hiện."),
  which give owners to the items above them, or closing clauses;
- **table rows** of a task table (a header naming a task column) are tasks, owners
  from the "chủ trì" cell, coordinators from the "phối hợp" cell, deadline from the
  time cell; group rows ("I. …") are headings; a row without a number continues the
  row above.

An item's own subject (:func:`policykg.loaders.clauses.subjects`) overrides the owner
it inherits, unless its heading has the owner direct the items ("X chỉ đạo:").  Prose
lead-ins ("… các Bộ, ngành, địa phương tập trung thực hiện các nhiệm vụ sau:") and
closing clauses ("Căn cứ Thông báo này, X …", Điều 3 of a Quyết định) name the
document's general addressees, never the owners of the items under them.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace

from policykg.core.vntext import case_blind_words, fold, in_capitals, may_hold, tone_blind
from policykg.loaders.attribution import (
    Responsibility,
    attribution_line,
    closing_responsibility,
    field_line,
)
from policykg.loaders.bodies import body_phrase_end, is_collective, split_bodies, starts_with_body
from policykg.loaders.clauses import (
    ACTION as _ACTION_START,
)
from policykg.loaders.clauses import (
    clause_subjects,
    coordinators,
    is_closing,
    is_directive,
    prefix_owner,
    requested,
    subjects,
)
from policykg.loaders.clean import tidy
from policykg.loaders.deadlines import deadline_from_field, find_deadline
from policykg.loaders.layout import lay_out
from policykg.loaders.outline import DOSSIER, Node, parse_outline
from policykg.loaders.outline import FIELD as _FIELD
from policykg.loaders.prose import prose_tasks
from policykg.loaders.spacing import Squeezed, source_span, spans_to_source
from policykg.ontology.records import Deadline, Provenance, Task


@dataclass(frozen=True)
class TaskExtraction:
    """Tasks found in one text, and the bodies the whole document addresses; ``spans`` are
    the tasks' spans in the text walked (its spacing squeezed, when it was)."""

    tasks: tuple[Task, ...]
    general_addressees: tuple[str, ...]
    spans: tuple[tuple[int, int] | None, ...] = ()


@dataclass(slots=True)
class _Draft:
    """A task as the walk builds and amends it; the record is made once, at the end."""

    text: str
    section: str
    owners: tuple[str, ...]
    coordinators: tuple[str, ...]
    deadline: Deadline | None
    start: int
    end: int

    def assign(self, found: Responsibility) -> None:
        """The owners an attribution line gives, with its coordinators and deadline where
        the task states none."""
        self.owners = found.owners
        self.coordinators = self.coordinators or found.coordinators
        self.deadline = self.deadline or found.deadline

    def task(self, source: str, squeezed: Squeezed | None) -> Task:
        """The record, its spans in the source."""
        deadline = self.deadline
        if deadline is not None and squeezed is not None:
            deadline = spans_to_source(deadline, squeezed)
        return Task(text=self.text, section=self.section, owners=self.owners,
                    coordinators=self.coordinators, deadline=deadline,
                    provenance=Provenance(source=source,
                                          span=source_span(squeezed, self.start, self.end)))


@dataclass(frozen=True)
class Scope:
    """What a node inherits from the nodes above it."""

    owners: tuple[str, ...] = ()
    directs: bool = False  # the owners direct the items below: their subjects are not owners
    deadline: Deadline | None = None
    holds_tasks: bool = True
    owned_only: bool = False  # a funding section: only items that name a body are tasks


# Headings of sections that describe, not direct; a lost tone mark ("I- Tinh Hình Và
# Nguyên Nhân") still counts.
_DESCRIPTIVE = re.compile(
    rf"(?i)^[\s*]*(?:{tone_blind('về')}\s+)?(?:(?:các|những|một số|\d{{1,2}}|hai|ba|bốn|năm|sáu|"
    r"bảy|tám|chín|mười)\s+)?(?:" + "|".join(map(tone_blind, (
        "mục tiêu", "mục đích", "yêu cầu", "quan điểm", "đánh giá", "kết quả", "tình hình",
        "thực trạng", "bối cảnh", "những kết quả", "hạn chế", "tồn tại", "nguyên nhân",
        "đối tượng", "phạm vi", "sự cần thiết", "căn cứ", "nguyên tắc", "định hướng",
        "tầm nhìn", "chỉ tiêu", "những hạn chế", "ưu điểm", "bài học", "kinh nghiệm"))) + r")\b"
    # (not a title that goes on to the tasks: "MỤC TIÊU, NHIỆM VỤ VÀ GIẢI PHÁP CHỦ YẾU …")
    rf"(?!\s*(?:,|và|-|–)\s*(?:{tone_blind('nhiệm vụ')}|{tone_blind('giải pháp')})\b)")
# The requirements a piece of the work must meet ("4.2. Yêu cầu về tổ chức xây dựng nhà ở:"):
# an item under it that names a body is that body's task.
_REQUIREMENTS_OF = re.compile(rf"(?i)^[\s*]*{tone_blind('yêu cầu')}\s+{tone_blind('về')}\s")
# A lead-in whose items describe, not direct: problems met, results reached, the
# requirements or principles of a plan ("… vẫn gặp một số rào cản, khó khăn, cụ thể:").
_DESCRIBING_LEAD = re.compile(case_blind_words(
    *(rf"{verb}\s+(?:(?:một số|những|nhiều)\s+)?(?:khó khăn|vướng mắc|hạn chế|tồn tại|rào cản|"
      r"bất cập|yếu kém)" for verb in ("gặp", "còn", "có")),
    "đạt được (?:một số|những|các) kết quả", "các nguyên tắc",
    *(rf"{word} yêu cầu\b" for word in ("nêu rõ", "các", "những")),
    *(rf"{word} (?:các |những )?yêu cầu sau" for word in ("bảo đảm", "đảm bảo")),
    # the conditions, criteria or order a case is judged by: "… có một trong các điều kiện
    # sau:", "… được lập theo thứ tự ưu tiên sau đây:"
    *(rf"{det} (?:điều kiện|tiêu chí|tiêu chuẩn) sau" for det in ("các", "những")),
    "thứ tự ưu tiên sau"))


def _describing(text: str) -> bool:
    """Whether ``text`` is a lead-in whose items describe, not direct (:data:`_DESCRIBING_LEAD`
    before its closing colon)."""
    return text.rstrip(" *").endswith(":") and _DESCRIBING_LEAD.search(text) is not None


# What a list's purposes or goals follow: "Ngày này được tổ chức nhằm:", "Mục tiêu là: (1) …".
_PURPOSE_LEAD = re.compile(r"(?i)(?:\bnhằm(?:\s+(?:mục đích|mục tiêu))?|^[\s*]*(?:mục tiêu|"
                           r"mục đích)(?:\s+(?:là|chung|cụ thể))?)\s*:")
_PURPOSE_WORDS = ("nhằm", "mục tiêu", "mục đích")  # one is in every match (and a ":")
# "… tổ chức quán triệt, triển khai Chương trình hành động này"
_IMPLEMENTS_THIS = re.compile(
    case_blind_words("quán triệt", "triển khai", "tổ chức thực hiện", "thực hiện")
    + r"(?i:\b[^.;]{0,60}\b(?:kế hoạch|chương trình(?: hành động)?|chỉ thị|nghị quyết|kết luận|"
    r"thông báo|công văn|quyết định|đề án)\s+này\b)")
_COLLECTIVE_SUBJECT = re.compile(r"(?i)^(?:các|những|mọi)\s")
_FUNDING = re.compile(r"(?i)^[\s*]*(?:về\s+)?(?:nguồn\s+)?kinh phí\b")
_TIME_WORDS = r"(?:thời gian|thời hạn|tiến độ)"
_TIME_HEAD = rf"{_TIME_WORDS}(?:[^:]{{0,30}})?:\s*"
_TIME_FIELD = re.compile(rf"(?i)^[\s*(]*{_TIME_HEAD}")
# A schedule over its list: "Thời gian hoàn thành công việc nói trên ở các vùng trong nước
# được quy định như sau:" / "- Vùng đồng bằng sông Cửu Long: cuối năm 1982;" …
_SCHEDULE_LEAD = re.compile(rf"(?i)^[\s*]*{_TIME_WORDS}\b[^:\n]{{0,160}}?"
                            r"(?:như sau|sau đây)\s*:[\s*]*$")
_OWNER_FIELD = re.compile(r"(?i)^[\s*(]*(?:(?:cơ quan|đơn vị)\s+(?:chủ trì|thực hiện|chịu trách "
                          r"nhiệm)|chủ trì|trách nhiệm(?:\s+thực hiện)?)\s*:\s*")
_ROLE_VERB = re.compile(r"(?i)\b(?:chủ trì|phối hợp|thực hiện|tham mưu|triển khai|tiến hành)\b")
_COORD_FIELD = re.compile(r"(?i)^[\s*(]*(?:(?:cơ quan|đơn vị)\s+)?phối hợp\s*:\s*")
_TASK_FIELD = re.compile(r"(?i)^[\s*(]*nhiệm vụ\s*:\s*")
_DIRECTING = re.compile(r"(?i)^\s*(?:lãnh đạo|chỉ đạo|hướng dẫn)\b")
# An item in a body's scope that has the body require others to act.
_REQUIRES = re.compile(r"[\s*]*[Yy]êu cầu\s")
_ADDRESS_LIST = re.compile(r"(?i)^[-\s*]*kính gửi\b")
# Where a lead-in's addressees start: after its verb ("… hướng dẫn các sở, ban, ngành …"),
# else after its "Căn cứ …," opening.
_LEAD_ADDRESSEES = re.compile(r"(?i)\b(?:yêu cầu|đề nghị|hướng dẫn)\s+")
_LEAD_BASIS = re.compile(r"(?i)^\s*căn cứ\b[^,]{0,200},\s*")
_LEAD_VERBS = ("yêu cầu", "đề nghị", "hướng dẫn")  # one is in every match of _LEAD_ADDRESSEES
_CLOSERS = "\"”’)*"
_WORDS_OF_A_TITLE = 30


_WORDS_OF_A_BODY_TITLE = 14


def _is_title(node: Node) -> bool:
    """Whether ``node``'s text is a title (or a lead-in) rather than a sentence."""
    text = node.text.strip(" *")
    if not text or text.endswith(":"):
        return True
    if in_capitals(text):
        return True
    # (the words counted only as far as the limit: a long paragraph is not split whole)
    return not _ends_sentence(text) and \
        len(text.split(maxsplit=_WORDS_OF_A_TITLE)) <= _WORDS_OF_A_TITLE


def _ends_sentence(text: str) -> bool:
    """Whether ``text`` ends with a sentence's punctuation (closing quotes, brackets, "*"
    and spaces after it aside), read from its end rather than searched for."""
    end = len(text)
    while end and (text[end - 1] in _CLOSERS or text[end - 1].isspace()):
        end -= 1
    return end > 0 and text[end - 1] in ".;!?"


def _is_field(node: Node) -> bool:
    return bool(_FIELD.match(node.text))


# Words before the body a heading names: "Đối với các bộ, ngành", "Trách nhiệm của Sở …",
# "Giao Sở Lao động - Thương binh và Xã hội:", "Trong đó giao Giám đốc Công an tỉnh …:".
_HEADING_INTRO = re.compile(r"(?i)^(?:trong đó,?\s+)?(?:đề nghị|giao(?: cho)?|đối với|về phía|"
                            r"trách nhiệm của|nhiệm vụ của)\s*:?\s*")


# "Đề nghị các Sở: Giao thông Vận tải, Xây dựng; Công ty Điện lực …", "Ủy ban nhân dân các
# thành phố: Hà Nội, Cần Thơ": one head for a list.
_SHARED_HEAD_LIST = re.compile(r"(?i)^(?:đề nghị\s+)?(?=(?:(?:các\s+)?(?:sở|bộ|ban|phòng|cục|vụ)|"
                               r"[^:;,.]{2,40}\scác\s[^:;,.]{2,30}?)\s*:\s*[A-ZĐÀ-Ỹ])")


# A heading naming a body's leadership: "Lãnh đạo Ban Dân nguyện" (as a heading alone, not
# the verb of "Lãnh đạo Hội đồng nhân dân … tổ chức …").
_LEADERSHIP = re.compile(r"(?:Lãnh đạo|Tập thể lãnh đạo)\s+(?=[A-ZĐÀ-Ỹ])")


def _heading_owners(text: str) -> tuple[tuple[str, ...], bool]:
    """The bodies a heading names, and whether it has them direct the items below."""
    clean = tidy(text).rstrip(":").strip()
    shared = _SHARED_HEAD_LIST.match(clean)
    if shared is not None and starts_with_body(clean[shared.end():].split(":", 1)[0] + " "):
        return tuple(p.strip() for p in clean[shared.end():].split(";") if p.strip()), False
    led = _LEADERSHIP.match(clean)
    if led is not None and starts_with_body(clean[led.end():]) and \
            body_phrase_end(clean[led.end():]) == len(clean) - led.end():
        return (clean,), False  # "n) Lãnh đạo Ban Dân nguyện": the board's leadership
    owners, _ = prefix_owner(clean + ": x")
    if owners:
        return owners, False
    clean = _HEADING_INTRO.sub("", clean)
    clean = re.sub(r"\s*\([^()]*\)$", "", clean)  # "Sở … (Giao Phòng Bưu chính …)"
    if not starts_with_body(clean):
        return (), False
    end = body_phrase_end(clean)
    if end == len(clean):
        return tuple(split_bodies(clean)), False
    rest = clean[end:]
    if text.rstrip(" *").endswith(":"):  # "X chủ trì …:", "X tập trung:": X owns the items
        return tuple(split_bodies(clean[:end])), bool(_DIRECTING.match(rest))
    if rest.startswith(" ") and not _ACTION_START.match(rest.lstrip()) and \
            len(clean.split()) <= _WORDS_OF_A_BODY_TITLE and not _ends_sentence(clean):
        # "1. Vụ Các vấn đề chung về xây dựng pháp luật": a name the grammar cannot close,
        # no verb after it, is the body's
        return (clean,), False
    return (), False


_ASSIGNING_LEAD = re.compile(r"(?i)^[\s*]*(?:trong đó,?\s+)?giao(?:\s+cho)?\s+")
# What follows the body of a lead-in that makes it answer for its items: "Giám đốc Sở … có
# trách nhiệm:", "Sở Y tế chịu trách nhiệm thực hiện các nội dung sau:".
_RESPONSIBLE_LEAD = re.compile(
    r"(?i)\s*(?:có|chịu)\s+trách\s+nhiệm(?:\s+(?:thực\s+hiện|triển\s+khai))?"
    r"(?:\s+(?:các|những)\s+(?:nội\s+dung|nhiệm\s+vụ|công\s+việc|việc)"
    r"(?:\s+(?:sau\s+đây|như\s+sau|sau))?)?\s*[:.][\s*]*")


def _answers_for(text: str) -> bool:
    """Whether ``text`` is a body and what makes it answer for the items below ("Sở Y tế
    có trách nhiệm:")."""
    clean = tidy(text).lstrip(" *")
    return starts_with_body(clean) and \
        _RESPONSIBLE_LEAD.fullmatch(clean, body_phrase_end(clean)) is not None


def _lead_scope(text: str, scope: Scope) -> Scope:
    """``scope`` for the items of a lead-in that assigns them to a particular body ("Trong
    đó giao Giám đốc Công an tỉnh chỉ đạo thực hiện:", "Sở Y tế có trách nhiệm:"); one
    that assigns them to a collective ("Giao các sở, ngành …:") addresses them, and a
    speaker's ("Thường trực Tỉnh ủy đề nghị …:") does not own them
    (:meth:`_Walker._lead_addressees`)."""
    if not text.rstrip(" *").endswith(":"):
        return scope
    assigning = bool(_ASSIGNING_LEAD.match(text))
    if not assigning and not _answers_for(text):
        return scope
    owners, directs = _heading_owners(text)
    if not owners or _COLLECTIVE_SUBJECT.match(owners[0]) or (
            not assigning and is_collective(owners[0])):  # "UBND các tỉnh có trách nhiệm:"
        return scope
    return replace(scope, owners=owners, directs=directs)


# A step of a procedure, named by its number: "2.2. Bước 2: Kiểm tra hiện trạng nhà ở …".
_STEP = re.compile(r"(?i)[\s*]*bước\s+\d{1,2}\s*[:.]")
# A paragraph after an item that starts from a basis of its own ("Căn cứ kết quả thí điểm,
# …"): no continuation of the item.
_NEW_BASIS = re.compile(r"[\s*]*Căn cứ\b")
# A note in parentheses, a bare ellipsis, a "Xem chi tiết …" pointer: never a task.
_NOT_A_TASK_TEXT = re.compile(r"\([^()]*\)[.;]?|[.…\s]+|[>\s]*(?:xem chi tiết|xem thêm)\b.*",
                              re.I | re.S)


# An article organising the implementation: "Tổ chức thực hiện", "Trách nhiệm của …".
_IMPLEMENTING = re.compile(r"(?i)^[\s*]*(?:tổ chức thực hiện|trách nhiệm (?:của|thực hiện)|"
                           r"phân công (?:nhiệm vụ|trách nhiệm)|nhiệm vụ của)")


def _implementing(article: Node) -> bool:
    return bool(article.children) and len(article.text) < 120 and bool(
        _IMPLEMENTING.match(article.text))


def _assigning(article: Node) -> bool:
    """Whether ``article``'s items each name the body that answers for them ("Điều 7. / 1.
    Bộ Quốc phòng chủ trì … / 2. Bộ Tài chính có trách nhiệm …"), titled or not."""
    items = [c for c in article.children if c.labelled]
    return len(items) >= 2 and all(starts_with_body(c.text) for c in items)


def _siblings(node: Node) -> list[Node]:
    return [c for c in node.parent.children if c.kind == "article"] if node.parent else []


# A section's field items beside its content ("II. … / 1. Nội dung, biện pháp / 2. Cơ quan
# chủ trì / - … / 3. Thời gian thực hiện: …"): they give every task of the content its
# owners and deadline.
_OWNER_HEAD = (r"(?:(?:cơ quan|đơn vị)\s+(?:chủ trì|thực hiện)(?:\s*(?:,|và)\s*phối hợp)?"
               r"|chủ trì(?:\s+thực hiện)?)\s*(?::\s*|$)")
_COORD_HEAD = r"(?:cơ quan|đơn vị)\s+phối hợp\s*(?::|$)"
_SECTION_OWNER = re.compile(rf"(?i)^[\s*]*{_OWNER_HEAD}")
_SECTION_COORD = re.compile(rf"(?i)^[\s*]*{_COORD_HEAD}")
_SECTION_FIELD = re.compile(rf"(?i)^[\s*]*(?:{_OWNER_HEAD}|{_COORD_HEAD}|{_TIME_HEAD})")


def _section_fields(children: list[Node]) -> tuple[list[Node], list[Node]]:
    """``children`` split into content and a section's field items, when they hold both
    and a field names owners or a time; else all content."""
    fields = [c for c in children if c.kind in ("num", "letter") and len(c.text) < 200
              and _SECTION_FIELD.match(c.text)]
    content = [c for c in children if c not in fields]
    if not fields or not any(c.labelled for c in content) or not any(
            _SECTION_OWNER.match(f.text) or _TIME_FIELD.match(f.text) for f in fields):
        return children, []
    return content, fields


class _Walker:
    def __init__(self, text: str, source: str) -> None:
        self.text = text
        self.source = source
        self.tasks: list[_Draft] = []
        self.addressees: list[str] = []
        self.pending: list[int] = []  # tasks without an owner, waiting for an attribution

    # -- building tasks ----------------------------------------------------------

    def _task(self, node: Node, start: int, end: int, owners: tuple[str, ...], scope: Scope,
              *, deadline: Deadline | None = None, coords: tuple[str, ...] = ()) -> int | None:
        """Add the task of ``node`` (text ``[start, end)``); its index, or None when its
        section takes only tasks that name a body and this one names none."""
        body = self.text[start:end]
        if _NOT_A_TASK_TEXT.fullmatch(body.strip()) or in_capitals(body, 8):
            return None  # "(Chi tiết tại phụ lục đính kèm)", a title in capitals
        coords = coords or coordinators(body)
        if not owners and (closing := closing_responsibility(body, offset=start,
                                                             source=self.source)) is not None:
            owners = closing.owners  # "… (Sở Khoa học và Công nghệ chủ trì, phối hợp …)"
            coords = coords or closing.coordinators
            deadline = deadline or closing.deadline
        if scope.owned_only and not owners:
            return None
        self.tasks.append(_Draft(
            tidy(body), node.section(), owners, coords,
            deadline or find_deadline(body, offset=start, source=self.source) or scope.deadline,
            start, end))
        index = len(self.tasks) - 1
        if not owners:
            self.pending.append(index)
        return index

    def _owners_of(self, text: str, scope: Scope) -> tuple[str, ...]:
        if scope.owners and (scope.directs or _REQUIRES.match(text)):
            return scope.owners  # "3. Các sở …" / "+ Yêu cầu các cơ sở …": the sở require it
        prefix, _ = prefix_owner(text)
        return prefix or subjects(text) or scope.owners

    def _add_addressees(self, bodies: tuple[str, ...] | list[str]) -> None:
        self.addressees.extend(b for b in bodies if b not in self.addressees)

    def _lead_addressees(self, text: str) -> None:
        """The collective addressees of a prose lead-in or closing clause."""
        lower = text.lower()
        if not any(cue in lower for cue in ("yêu cầu", "đề ngh", "căn cứ", "sau:", "như sau",
                                             "thực hiện", "trách nhiệm")):
            return
        verbs = list(_LEAD_ADDRESSEES.finditer(text)) if may_hold(text, _LEAD_VERBS, lower) \
            else []
        for m in verbs or list(_LEAD_BASIS.finditer(text)):
            found = clause_subjects(text[m.end():]) or ()
            if found:
                self._add_addressees(found)
                return
        if verbs:
            return  # (who requests or guides is the issuer, no addressee)
        found = clause_subjects(text)
        if found and (text.rstrip(" *").endswith(":") or "trách nhiệm" in lower
                      or "tổ chức thực hiện" in lower or "triển khai thực hiện" in lower):
            self._add_addressees(found)

    # -- the walk ----------------------------------------------------------------

    def walk(self, node: Node, scope: Scope) -> None:
        if node.kind == "root":
            self._children(node, scope)
        elif node.kind == "annex":
            self._children(node, replace(scope, holds_tasks=not _DESCRIPTIVE.match(node.text)))
        elif node.kind == "table":
            self._table(node, scope)
        elif node.kind == "plain":
            self._plain_alone(node, scope)
        else:
            self._item(node, scope)

    def _children(self, node: Node, scope: Scope) -> None:
        for child in node.children:
            self.walk(child, scope)

    @staticmethod
    def _section_scope(node: Node, scope: Scope, title: bool) -> Scope:
        if node.children and _describing(node.text):
            return replace(scope, holds_tasks=False)  # "1.2. … có một trong các điều kiện sau:"
        if node.kind in ("part", "num", "letter", "article", "annex") and \
                (title or in_capitals(" ".join(node.text.split(maxsplit=3)[:3]), 6)) and \
                _DESCRIPTIVE.match(node.text):
            # (a title in capitals with its list run on: "CĂN CỨ LẬP KẾ HOẠCH - Quyết định …")
            if node.kind in ("num", "letter") and _REQUIREMENTS_OF.match(node.text):
                return replace(scope, owned_only=True)  # "4.1. Yêu cầu về kỹ thuật …:"
            return replace(scope, holds_tasks=False)
        if node.kind in ("part", "num") and title and _FUNDING.match(node.text):
            return replace(scope, owned_only=True)
        if node.kind in ("part", "annex") and not _DESCRIPTIVE.match(node.text):
            return replace(scope, holds_tasks=True)
        return scope

    def _plain_alone(self, node: Node, scope: Scope) -> None:
        """A paragraph that belongs to no item: a preamble, lead-in or closing clause."""
        if _ADDRESS_LIST.match(node.text):
            return  # "Kính gửi: …" and its list
        lead = _lead_scope(node.text, scope)  # ("Sở Y tế có trách nhiệm:": its items)
        if lead is scope and (node.text.rstrip(" *").endswith(":") or is_closing(node.text)
                              or "trách nhiệm" in node.text.lower()):
            self._lead_addressees(node.text)
        self._add_addressees(requested(node.text))
        if _describing(node.text) or \
                (":" in node.text and may_hold(node.text, _PURPOSE_WORDS)
                 and _PURPOSE_LEAD.search(node.text)) or DOSSIER.match(node.text) or (
                    node.children and _DESCRIPTIVE.match(node.text)
                    and not node.text.rstrip(" *").endswith(":")):
            # (and a title over its list: "Chín chỉ tiêu trọng tâm nhiệm kỳ" / "1. …")
            lead = replace(lead, holds_tasks=False)  # "… gặp một số khó khăn, cụ thể:"
        self._children(node, lead)

    def _item(self, node: Node, scope: Scope) -> None:
        title = _is_title(node)
        scope = self._section_scope(node, scope, title)
        if node.kind == "article":
            self._article(node, scope)
            return
        if not scope.holds_tasks:
            return
        containers = [c for c in node.children if c.labelled or c.kind == "table"
                      or (c.kind == "plain" and _is_lead(c)
                          and any(g.labelled or g.kind == "table" for g in c.children))]
        fields = [c for c in containers if (c.kind == "bullet" and _is_field(c)) or (
            c.kind == "plain" and _SCHEDULE_LEAD.match(c.text))]  # (and a schedule's lead)
        # a field line under a field line ("- Cơ quan thực hiện: …" / "* Thời gian …"): its
        # sibling, under another marker
        fields += [g for c in fields for g in c.children if g.kind == "plain" and _is_field(g)]
        items = [c for c in containers if c not in fields]
        plains = [c for c in node.children if c.kind == "plain" and c not in containers]
        if sum(1 for p in plains if _is_field(p)) >= 2:  # field lines that lost their "-"
            fields = sorted([*fields, *(p for p in plains if _is_field(p))],
                            key=lambda c: c.start)
            plains = [p for p in plains if not _is_field(p)]
        if items and ((all(c.inline for c in items) and not _directive_items(node, items)) or (
                _CONTENTS_LEAD.search(node.text) and not any(
                    _ACTION_START.match(c.text) or subjects(c.text) for c in items))):
            # "… với 05 chức năng chính: (i) …; (ii) …", "Lập hồ sơ …, bao gồm: / + Đơn đề
            # nghị …": parts of one task
            items = []
        if items or (title and plains and not fields):
            self._heading(node, items, plains, title, scope)
            return
        under_heading = not _ends_sentence(node.text)
        if not fields and (_unmarked_items(plains, under_heading=under_heading) or (
                under_heading and any(_is_lead(p) and p.children for p in plains))):
            # "2. Khẩn trương … thể chế; …" over paragraphs that each direct action, or over
            # a lead-in and its paragraphs: the items of a list whose markers were lost, not
            # the continuation of one task
            self._heading(node, items, plains, title, scope, paragraphs_are_tasks=True)
            return
        if fields:
            self._fielded(node, fields, scope)
            return
        if (title and not node.text.strip()) or not is_directive(node.text) or \
                (_is_lead(node) and not node.children):
            self._children(node, scope)
            return
        index = self._task(node, node.start, node.end, self._owners_of(node.text, scope), scope)
        if index is not None:
            self._continuations(index, plains, scope, step=bool(_STEP.match(node.text)))

    def _heading(self, node: Node, items: list[Node], plains: list[Node], title: bool,
                 scope: Scope, *, paragraphs_are_tasks: bool = False) -> None:
        """A node with items or paragraphs under it: what it passes down, then them."""
        inherited = scope
        heading_owners, directs = _heading_owners(node.text) if title else (
            _heading_owners(node.text.rstrip(" .") + ":") if items and _answers_for(node.text)
            else ((), False))  # "2 - Sở Lao động … có trách nhiệm." over its bullets
        prefix, _ = prefix_owner(node.text)
        if heading_owners:
            inherited = replace(scope, owners=heading_owners, directs=directs)
        elif prefix:
            inherited = replace(scope, owners=prefix, directs=False)
        lead_deadline = find_deadline(node.text, offset=node.start, source=self.source)
        if lead_deadline is not None:
            inherited = replace(inherited, deadline=lead_deadline)
        if items:
            content, fields = _section_fields(node.children)
            if fields:  # "1. Nội dung, biện pháp / 2. Cơ quan chủ trì / 3. Thời gian …"
                inherited = self._with_section_fields(fields, inherited)
            self._group(content, inherited, title)
            return
        directive = [] if heading_owners or not node.text.strip() or not _is_lead(node) else [
            p for p in plains if is_directive(p.text) and _attribution(p, self.source) is None]
        if len(directive) != 1:
            # a body heading, or a title over its paragraphs: each paragraph is a task
            self._group(node.children, inherited, paragraphs_are_tasks or title)
            return
        # "1. Title: " and one paragraph: one task, from the title
        only = directive[0]
        owners = self._owners_of(only.text, scope)
        index = self._task(node, node.start, only.end, owners, inherited)
        if index is not None:
            self._continuations(index, [p for p in plains if p is not only], inherited)

    def _group(self, children: list[Node], scope: Scope, paragraphs_are_tasks: bool) -> None:
        """The children of a heading: items, and paragraphs that are items or attributions
        (each a task of its own when ``paragraphs_are_tasks``: under a title or a lead-in)."""
        self.pending = []
        children, released = _released(children)
        for child in children:
            if child in released:
                # a paragraph after the last item that names its own body: a task of the
                # heading, not the item's continuation
                self._task(child, child.start, child.end, self._owners_of(child.text, scope),
                           scope)
                continue
            if child.kind == "plain":
                found = _attribution(child, self.source)
                if found is not None and self.pending:
                    for k in self.pending:
                        self.tasks[k].assign(found)
                    self.pending = []
                    continue
                if child.text.rstrip(" *").endswith(":") or not is_directive(child.text):
                    self._lead_addressees(child.text)
                    if _describing(child.text):
                        continue  # "… được lập theo thứ tự ưu tiên sau đây:" and its cases
                    if _directs_before_its_list(child.text):
                        self._task(child, child.start, child.end,
                                   self._owners_of(child.text, scope), scope)
                    self._group(child.children, _lead_scope(child.text, scope), True)
                    continue
                if not scope.owners and _IMPLEMENTS_THIS.search(child.text) and \
                        (subjects := clause_subjects(child.text)) and \
                        all(_COLLECTIVE_SUBJECT.match(s) for s in subjects):
                    # "Các cấp ủy … tổ chức quán triệt, triển khai Chương trình này.": the
                    # document's addressees, asked to carry it out as a whole
                    self._add_addressees(subjects)
                    continue
                if paragraphs_are_tasks:
                    owners = self._owners_of(child.text, scope)
                    index = self._task(child, child.start, child.end, owners, scope)
                    if index is not None:
                        self._continuations(index, child.children, scope)
                continue
            self.walk(child, scope)

    def _continuations(self, index: int, plains: list[Node], scope: Scope, *,
                       step: bool = False) -> None:
        """Paragraphs after an item: attributions, closing clauses, or its continuation
        (which, under a ``step`` that names no body, says who takes it)."""
        for plain in plains:
            found = _attribution(plain, self.source)
            if found is not None:  # it assigns the items above it still without owners
                for k in self.pending:
                    self.tasks[k].assign(found)
                self.pending = []
                continue
            task = self.tasks[index]
            if is_closing(plain.text) or plain.text.rstrip(" *").endswith(":") or \
                    _NEW_BASIS.match(plain.text):
                # ("Căn cứ kết quả thí điểm, trong năm 2019 Bộ sẽ …": the issuer's word)
                self._lead_addressees(plain.text)
                continue
            task.deadline = task.deadline or find_deadline(plain.text, offset=plain.start,
                                                           source=self.source)
            if step and not task.owners and (named := subjects(plain.text)):
                # "2.2. Bước 2: Kiểm tra hiện trạng nhà ở …" / "Ban Chỉ đạo … tổ chức kiểm tra
                # …": the step's body is who takes it
                task.owners = named
                self.pending = [k for k in self.pending if k != index]
            task.text = tidy(self.text[task.start:plain.end])
            task.end = plain.end

    def _with_section_fields(self, fields: list[Node], scope: Scope) -> Scope:
        """``scope`` with the owners and deadline a section's field items state (their
        value after the colon, else the bodies their lines list)."""
        owners: list[str] = []
        deadline = None
        for f in fields:
            if _SECTION_COORD.match(f.text):
                continue
            if (m := _TIME_FIELD.match(f.text)) is not None:
                deadline = deadline or deadline_from_field(
                    f.text[m.end():], offset=f.start + m.end(), source=self.source)
                continue
            m = _SECTION_OWNER.match(f.text)
            value = f.text[m.end():].strip(" .;") if m else ""
            named = [value] if value else [c.text.strip(" .;") for c in f.children
                                           if c.kind == "bullet"]
            if not named and f.children:  # "a) Cơ quan chủ trì / - …" under "2. Cơ quan …"
                inner = self._with_section_fields(
                    [c for c in f.children if _SECTION_FIELD.match(c.text)], Scope())
                owners += [o for o in inner.owners if o not in owners]
                deadline = deadline or inner.deadline
            for text in named:
                owners += [b for b in split_bodies(tidy(text)) if b not in owners]
        return replace(scope, owners=tuple(owners) or scope.owners, directs=False,
                       deadline=deadline or scope.deadline)

    def _fielded(self, node: Node, fields: list[Node], scope: Scope) -> None:
        """An item whose responsibility is written in field lines."""
        owners: tuple[str, ...] = ()
        coords: tuple[str, ...] = ()
        deadline: Deadline | None = None
        start, end = node.start, node.end
        for f in fields:
            text = f.text
            if (m := _OWNER_FIELD.match(text)) is not None:
                value = text[m.end():].rstrip(" .;")
                # (a clause where the value says what its body does: "Sở Nội vụ chủ trì,
                # phối hợp …"; else the value names bodies only: "Cục Trợ giúp pháp lý")
                owners = owners or (subjects(value) if _ROLE_VERB.search(value) else ()) or \
                    tuple(split_bodies(tidy(value)))
            elif (m := _COORD_FIELD.match(text)) is not None:
                coords = coords or tuple(split_bodies(tidy(text[m.end():].rstrip(" .;"))))
            elif _SCHEDULE_LEAD.match(text):  # its first entry's time: "… Long: cuối năm 1982"
                deadline = deadline or next(
                    (found for entry in f.walk() if entry is not f and (
                        found := deadline_from_field(entry.text, offset=entry.start,
                                                     source=self.source)) is not None), None)
            elif (m := _TIME_FIELD.match(text)) is not None:
                value = text[m.end():]
                deadline = deadline or deadline_from_field(value, offset=f.start + m.end(),
                                                           source=self.source)
                if deadline is None:
                    for child in f.children:
                        deadline = find_deadline(child.text, offset=child.start,
                                                 source=self.source)
                        if deadline is not None:
                            break
            elif (m := _TASK_FIELD.match(text)) is not None and not node.text.strip():
                start, end = f.start + m.end(), f.end
        self._task(node, start, end, owners or self._owners_of(node.text, scope), scope,
                   deadline=deadline, coords=coords)

    def _article(self, node: Node, scope: Scope) -> None:
        """An article (Điều N) of a decision: its addressees, or its items.  Where an
        article that organises the implementation has items ("Điều 8. Tổ chức thực hiện /
        1. Trách nhiệm của các Bộ …"), the others state the policy ("Hỗ trợ 40 triệu
        đồng/hộ …"): only their items that name a body are tasks."""
        if _implementing(node):
            self._children(node, scope)
            return
        lower = node.text.lower()
        if "chịu trách nhiệm thi hành" in lower or "trách nhiệm thi hành" in lower or \
                "tổ chức thực hiện" in lower:
            self._add_addressees(clause_subjects(node.text))
            return
        if node.children:  # beside such an article, only items that name a body are tasks
            implemented = any(_implementing(a) or _assigning(a) for a in _siblings(node))
            owners, directs = _heading_owners(node.text)  # "Điều 2. Giao Giám đốc Sở …"
            if owners:
                scope = replace(scope, owners=owners, directs=directs)
            self._children(node, replace(scope, owned_only=True) if implemented else scope)
        elif _ASSIGNING_LEAD.match(node.text) or _names_its_body(node.text):
            # "Điều 2. Giao Sở Tài chính phối hợp với … lập thủ tục …", "Điều 3. Bộ Lao động
            # … chủ trì, phối hợp … hướng dẫn …": the article is a task
            self._task(node, node.start, node.end, self._owners_of(node.text, scope), scope)

    # -- tables --------------------------------------------------------------------

    def _table(self, node: Node, scope: Scope) -> None:
        rows = node.children
        if not rows or not scope.holds_tasks:
            return
        columns = _columns(rows[0].cells)
        if columns is None:
            return
        task_col, owner_col, coord_col, when_col = columns
        last: int | None = None
        for row in rows[1:]:
            cells = row.cells
            if len(cells) <= task_col or not cells[task_col].strip(" -:"):
                continue
            number = cells[0].strip(" .") if task_col > 0 else ""
            if task_col > 0 and not re.fullmatch(r"\d{1,3}(?:\.\d{1,2})*", number):
                if re.fullmatch(r"[IVXL]{1,6}|[A-ZĐ]", number) or len(cells) == 1 or \
                        not any(cells[task_col + 1:]):
                    last = None  # a group row: a heading
                    continue
                if last is not None and not number:  # a row without a number continues
                    continue
            start = row.cell_starts[task_col]
            end = start + len(cells[task_col])
            deadline = None
            if when_col is not None and when_col < len(cells) and cells[when_col]:
                deadline = deadline_from_field(cells[when_col], offset=row.cell_starts[when_col],
                                               source=self.source)
            owners = tuple(split_bodies(tidy(_cell(cells, owner_col))))
            coords = tuple(split_bodies(tidy(_cell(cells, coord_col))))
            self.tasks.append(_Draft(tidy(cells[task_col]), row.section(), owners, coords,
                                     deadline or scope.deadline, start, end))
            last = len(self.tasks) - 1


# A lead that introduces parts of one thing: "… với 05 chức năng chính:", "… bao gồm:".
_PARTS_LEAD = re.compile(r"(?i)(?:\bbao gồm|\bgồm|\bnhư|\bvới\s+(?:\d+|các|những)\s+[^:]{0,60}|"
                         r"\bcụ thể là|\blà)\s*:\s*$")


# A lead that lists what something holds: "…, bao gồm:", "… gồm có:" (narrower than
# _PARTS_LEAD, whose "như:", "là:" may lead bodies' tasks written "X: …").
_CONTENTS_LEAD = re.compile(r"(?i)\b(?:bao\s+)?gồm(?:\s+có)?\s*:[\s*]*$")


def _directive_items(lead: Node, items: list[Node]) -> bool:
    """Whether an enumeration's elements are tasks of their own (rather than parts of
    the one task its lead states)."""
    if _PARTS_LEAD.search(lead.text):
        return False
    directive = sum(1 for c in items if _ACTION_START.match(c.text) or subjects(c.text))
    return directive * 2 >= len(items)


def _unmarked_items(plains: list[Node], *, under_heading: bool = False) -> bool:
    """Whether paragraphs under an item are items of their own that lost their markers:
    two or more directives, most of them opening with their verb or their body, or
    each a sentence of its own under an item that is no sentence (a heading: "1. Nâng cao
    nhận thức …" over "Các cấp uỷ … cần …." and "Có chương trình …")."""
    if len(plains) < 2 or not all(is_directive(p.text) for p in plains):  # (never closing)
        return False
    if under_heading and all(p.text[:1].isupper() and _ends_sentence(p.text) for p in plains):
        return True
    opening = sum(1 for p in plains if _ACTION_START.match(p.text) or clause_subjects(p.text))
    return opening >= 2 and 3 * opening >= 2 * len(plains)


def _released(children: list[Node]) -> tuple[list[Node], list[Node]]:
    """``children`` and the paragraphs moved out of their last item: when that item is one
    sentence ("g) Các Bộ khác … có trách nhiệm …") and two or more of the paragraphs under it
    each direct a body of their own ("UBND các tỉnh, thành phố cần huy động …"), those go
    beside it as the heading's; the item keeps the paragraphs before the first of them, and
    the plain ones between them (the heading's closing words) are dropped."""
    items = [i for i, c in enumerate(children) if c.kind in ("num", "letter", "paren")]
    if not items or items[-1] != len(children) - 1:
        return children, []
    last = children[-1]
    plains = last.children
    if len(items) < 2 or not plains or any(c.kind != "plain" for c in plains) or \
            not _ends_sentence(last.text):
        return children, []
    owned = [p for p in plains if _names_its_body(p.text)]
    if len(owned) < 2:  # (one may be the issuer's closing word: "Bộ … sẽ thành lập …")
        return children, []
    first = plains.index(owned[0])
    moved = [replace(p, parent=last.parent) for p in owned]
    kept = replace(last, children=plains[:first])
    return [*children[:-1], kept, *moved], moved


def _names_its_body(text: str) -> bool:
    """Whether a paragraph opens with a body that it directs ("Tổng Cục … có nhiệm vụ …")."""
    return starts_with_body(text) and is_directive(text) and bool(clause_subjects(text))


# The sentence of a lead-in that introduces its list: "… . Tập trung triển khai tốt các nội
# dung sau:", "… . Cụ thể như sau:".
_LIST_INTRO = re.compile(r"[.!?][\s*]+(?=[A-ZĐÀ-Ỹ])[^.!?]*:[\s*]*$")


def _directs_before_its_list(text: str) -> bool:
    """Whether a lead-in directs action in a sentence of its own before the one that
    introduces its list ("Tiếp tục thể chế hoá … . Tập trung triển khai tốt các nội
    dung sau:"): it is a task as well as a lead-in."""
    intro = _LIST_INTRO.search(text)
    if intro is None:
        return False
    first = text[:intro.start() + 1]
    return is_directive(first) and bool(_ACTION_START.match(first) or clause_subjects(first))


def _is_lead(node: Node) -> bool:
    return node.text.rstrip(" *").endswith(":")


def _attribution(node: Node, source: str) -> Responsibility | None:
    """The responsibility a paragraph after items states: a field line, an attribution
    line, or any line marked "*" that opens with a body."""
    found = (field_line(node.text, offset=node.start, source=source)
             or attribution_line(node.text, offset=node.start, source=source))
    if found is None and node.label == "*":
        owners = clause_subjects(node.text)
        if owners:
            found = Responsibility(owners, coordinators(node.text),
                                   find_deadline(node.text, offset=node.start, source=source))
    return found


_TASK_COL = re.compile(r"^(?:ten |noi dung |cac )?(?:nhiem vu|noi dung|cong viec|hoat dong|"
                       r"giai phap|de an|du an)")
_OWNER_COL = re.compile(r"(?:chu tri|thuc hien|trach nhiem|don vi|co quan)")
_COORD_COL = re.compile(r"phoi hop")
_WHEN_COL = re.compile(r"(?:thoi gian|thoi han|tien do|hoan thanh|nam thuc hien)")


def _columns(header: tuple[str, ...]) -> tuple[int, int | None, int | None, int | None] | None:
    folded = [fold(c) for c in header]
    task_col = next((k for k, c in enumerate(folded) if _TASK_COL.match(c)), None)
    if task_col is None:
        return None
    owner_col = next((k for k, c in enumerate(folded) if k != task_col
                      and _OWNER_COL.search(c) and not _COORD_COL.search(c)), None)
    coord_col = next((k for k, c in enumerate(folded) if _COORD_COL.search(c)), None)
    when_col = next((k for k, c in enumerate(folded) if _WHEN_COL.search(c)), None)
    if owner_col is None and coord_col is None and when_col is None:
        return None
    return task_col, owner_col, coord_col, when_col


def _cell(cells: tuple[str, ...], col: int | None) -> str:
    return cells[col] if col is not None and col < len(cells) else ""


def extract_tasks_from(root: Node, text: str, source: str, *, prose: bool = True,
                       squeezed: Squeezed | None = None) -> TaskExtraction:
    """Tasks in document order, and the general addressees, from an outline of ``text``
    (``squeezed.text`` when its spacing was squeezed: the tasks' spans are then mapped to
    the source).

    A document whose outline holds no task states its tasks in prose, when ``prose``
    (not a news page): see :mod:`policykg.loaders.prose`.
    """
    walker = _Walker(text, source)
    walker.walk(root, Scope())
    tasks = tuple(draft.task(source, squeezed) for draft in walker.tasks)
    spans: tuple[tuple[int, int] | None, ...] = tuple(
        (draft.start, draft.end) for draft in walker.tasks)
    if not tasks and prose:
        found = prose_tasks(root, source)
        spans = tuple((span.start, span.end) if (span := t.provenance.span) else None
                      for t in found.tasks)
        tasks = found.tasks if squeezed is None else spans_to_source(found.tasks, squeezed)
        walker._add_addressees(found.addressees)
    return TaskExtraction(tasks=tasks, general_addressees=tuple(walker.addressees), spans=spans)


def extract_tasks(text: str, source: str) -> TaskExtraction:
    """Items that direct action, in document order, and the general addressees."""
    return extract_tasks_from(parse_outline(lay_out(text)), text, source)
