"""Directives in running prose: the tasks of a letter or notice without items (pure).

A Công văn or a short notice states its one or two tasks in paragraphs, not items:

- "Giao Bộ Thông tin và Truyền thông chủ trì xây dựng …" — the body given the task owns it;
- "Về việc này, Thủ tướng Chính phủ giao Bộ X …", "Bộ Y đề nghị Sở Z …" — the body
  directed owns it; a collective one ("các đồng chí Ủy viên …", "Quý cơ quan") is an
  addressee of the whole document, and the task has no owner;
- "Các cơ quan, đơn vị trực thuộc Bộ lựa chọn và giới thiệu …" — its subject owns it;
- "… có ý kiến như sau: Sở X chủ trì …" — the directive after a lead's colon.

A paragraph that only says where and when to send the result ("Công văn … gửi về Bộ
Xây dựng trước ngày 20/6/2016") goes on with the task above and gives its deadline.
Not tasks: preambles and background ("Thực hiện …, Bộ X đã dự thảo …", "Văn phòng
Trung ương có văn bản số … đề nghị …", "Tại Quyết định đã giao Bộ X …"; the sentence after
it may be one), permissions ("… các bộ, ngành có thể xây dựng …"), contact lines, closing
formulas.  A lead-in that directs bodies ("… Sở X đề nghị các sở, ban, ngành …
như sau: (Văn bản đính kèm)") is the task when nothing after it states one.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

from policykg.loaders.bodies import (
    body_phrase_end,
    is_collective,
    is_whole_body,
    split_bodies,
    starts_with_body,
)
from policykg.loaders.clauses import coordinators, is_closing, requested, subjects
from policykg.loaders.clean import tidy
from policykg.loaders.deadlines import deadline_from_field, find_deadline
from policykg.loaders.outline import Node
from policykg.ontology.records import Provenance, Span, Task

# "… có ý kiến chỉ đạo như sau: Giao …": the directive after the lead's colon.
_AFTER_LEAD = re.compile(r"(?i)(?:như sau|đề nghị|yêu cầu|chỉ đạo)\s*:\s*(?=\S)"
                         r"(?!\([^()]*\)\s*$)")  # not an attachment note
# The issuer reporting what was done or received: background, not a task.
_BACKGROUND = re.compile(
    r"(?i)\b(?:(?:đã|vừa)\s+)?có\s+(?:văn bản|công văn|tờ trình|báo cáo|thông báo|bài viết)\b"
    r"|\bđã\s+(?:nghiên cứu|dự thảo|xây dựng|ban hành|tổ chức|báo cáo|hoàn thành)\b"
    # what an earlier decision or its signer did ("Tại Quyết định đã giao Bộ X chủ trì …",
    # "Thủ tướng Chính phủ đã phê duyệt …"), not a task's "các nhiệm vụ đã giao"
    r"|\b(?:Quyết định|Kế hoạch|Chỉ thị|Nghị quyết|Chính phủ|Thủ tướng)\b[^,.;]{0,60}?\s"
    r"đã\s+(?:phê duyệt|ký|giao|chỉ đạo)\b")
# A permission, no task: "Căn cứ Khung …, các bộ, ngành, địa phương có thể xây dựng …".
_PERMISSION = re.compile(r"(?:^|,\s+)(?P<subject>(?:các|những)\s[^.;:]{1,80}?|[A-ZĐ][^,.;:]{1,80}?)"
                         r"\s+(?:có thể|được phép)\s")
_CONTACT = re.compile(r"(?i)\bliên hệ\b|\bđiện thoại\b|\bemail\b")
# "X (kính / trân trọng) đề nghị Y …", "X giao Y …": the body directed.
_DIRECTS = re.compile(r"(?i)(?:^|\s)(?:kính\s+|trân trọng\s+)?(?:đề nghị|yêu cầu|giao)\s+")
# Whom a letter addresses as a whole ("Quý cơ quan", "Đồng chí", "các đồng chí …").
_COLLECTIVE = re.compile(r"(?i)^(?:các|những|mọi|quý)\s|^đồng chí\b")
# What only says where and when the result is sent.
_SENDING = re.compile(r"(?i)\bgửi\s+(?:về|đến|tới)\b")
# "*/ Thời hạn cuối cùng nhận hồ sơ: ngày 20 tháng 4 năm 2020": the time limit of the task above.
_TIME_LIMIT = re.compile(r"(?i)^[\s*/+-]*(?:thời hạn|thời gian\s+(?:gửi|nộp|nhận|hoàn thành|báo "
                         r"cáo))\b[^:\n]{0,60}:\s*")
_UNPUNCTUATED_PARAGRAPH = 200
# The last paragraph's "… đề nghị các đơn vị quan tâm thực hiện./.": a closing formula.
_EXHORTATION = re.compile(r"(?i)\b(?:quan tâm|nghiêm túc|khẩn trương)(?:\s+chỉ đạo)?,?\s+"
                          r"(?:triển khai\s+)?thực hiện\b")
_PUNCTUATED = re.compile(r"[.;!?](?:\s|$)")  # a sentence, not a header line or heading
_SENTENCE_END = re.compile(r"[.!?]\s+(?=[A-ZĐÀ-Ỹ])")
# A lead-in's end, before an attachment note: "… như sau:", "… như sau: (Văn bản đính kèm)".
_LEAD_END = re.compile(r":\s*(?:\([^()]{0,60}\))?\s*$")


@dataclass(frozen=True)
class ProseTasks:
    """The tasks a prose text states, and the collective bodies it asks to act."""

    tasks: tuple[Task, ...]
    addressees: tuple[str, ...]


def _paragraphs(root: Node) -> Iterator[Node]:
    """Paragraphs of the document's running text: plain nodes under no item, and those
    a bullet holds (a document whose outline holds no task reads them as prose: "- Phiếu
    đề xuất …", then "Hồ sơ gửi về …")."""
    for child in root.children:
        if child.kind == "plain":
            yield child
        if child.kind in ("plain", "bullet"):
            yield from _paragraphs(child)


def _permits(sentence: str) -> bool:
    """Whether the sentence's subject, a body, is only permitted to act ("Căn cứ Khung …,
    các bộ, ngành, địa phương có thể xây dựng …"), not in a purpose ("… để cán bộ có thể
    sử dụng …")."""
    return any(is_whole_body(m["subject"]) for m in _PERMISSION.finditer(sentence))


def _directed(text: str) -> tuple[tuple[str, ...], tuple[str, ...]] | None:
    """The bodies "X đề nghị / giao Y …" directs: (owners, collective addressees)."""
    for m in _DIRECTS.finditer(text):
        rest = text[m.end():]
        if not starts_with_body(rest) and not _COLLECTIVE.match(rest):
            continue
        end = body_phrase_end(rest)
        bodies = tuple(split_bodies(tidy(rest[:end]))) if end else ()
        if not bodies:
            continue
        if all(_COLLECTIVE.match(b) or is_collective(b) for b in bodies):
            return (), bodies
        return bodies, ()
    return None


def _owners(text: str) -> tuple[tuple[str, ...], tuple[str, ...]] | None:
    """(owners, addressees) of a directive paragraph, or None when it directs no one."""
    directed = _directed(text)
    if directed is not None:
        return directed
    found = subjects(text)
    if found:
        return found, ()
    collective = requested(text)
    return ((), collective) if collective else None


def _task(node: Node, sentence: str, body: str, start: int, source: str,
          owners: tuple[str, ...]) -> Task:
    end = start + len(body.rstrip())
    return Task(text=tidy(sentence), section=node.section(), owners=owners,
                coordinators=coordinators(sentence),
                deadline=find_deadline(body, offset=start, source=source),
                provenance=Provenance(source=source, span=Span(start=start, end=end)))


def prose_tasks(root: Node, source: str) -> ProseTasks:
    """The tasks stated in the running text of ``root`` (a document without items)."""
    tasks: list[Task] = []
    addressees: list[str] = []
    last: int | None = None  # the task the next paragraph may go on with
    # a lead that directs bodies ("… Sở X đề nghị các sở … như sau: (Văn bản đính kèm)"):
    # the task itself when no paragraph after it states one
    alone: tuple[Node, str, str, int, tuple[str, ...]] | None = None
    for node in _paragraphs(root):
        body = node.text
        start = node.start
        lead = _AFTER_LEAD.search(body)
        if lead is not None:
            body, start = body[lead.end():], node.start + lead.end()
        sentence = body.strip()
        background = _BACKGROUND.search(sentence)
        after = _SENTENCE_END.search(sentence, background.end()) if background else None
        if after is not None and _DIRECTS.search(sentence, after.end()) is not None:
            # "Thực hiện …, Bộ X đã dự thảo … . Để …, Bộ X đề nghị Quý cơ quan …"
            skip = body.index(sentence) + after.end()
            body, start = body[skip:], start + skip
            sentence = body.strip()
        if last is not None and tasks[last].deadline is None and (
                _SENDING.search(sentence) or is_closing(sentence) or _TIME_LIMIT.match(sentence)):
            limit = _TIME_LIMIT.match(body)
            sent_by = deadline_from_field(body[limit.end():], offset=start + limit.end(),
                                          source=source) if limit else \
                find_deadline(body, offset=start, source=source)
            if sent_by is not None:  # "… gửi về Bộ Xây dựng trước ngày 20/6/2016"
                tasks[last] = tasks[last].model_copy(update={"deadline": sent_by})
                continue
        if not _PUNCTUATED.search(sentence) and not _LEAD_END.search(sentence) and not (
                len(sentence) >= _UNPUNCTUATED_PARAGRAPH and _DIRECTS.search(sentence)):
            continue  # a header line, a heading (a long request may have lost its stop)
        if _LEAD_END.search(sentence):
            if alone is None and not _BACKGROUND.search(sentence) and (
                    directed := _directed(sentence)) is not None:
                owners, collective = directed
                addressees += [b for b in collective if b not in addressees]
                alone = (node, sentence, body, start, owners)
            continue
        if (is_closing(sentence) or _CONTACT.search(sentence) or _BACKGROUND.search(sentence)
                or (sentence.endswith("./.") and _EXHORTATION.search(sentence))
                or (_permits(sentence) and not _DIRECTS.search(sentence))):
            continue
        found = _owners(sentence)
        if found is None:
            continue
        owners, collective = found
        addressees += [b for b in collective if b not in addressees]
        tasks.append(_task(node, sentence, body, start, source, owners))
        last = len(tasks) - 1
    if not tasks and alone is not None:
        tasks.append(_task(*alone[:4], source, alone[4]))
    return ProseTasks(tuple(tasks), tuple(addressees))
