"""Who does a task, with whom and by when, when the text says so apart from the task itself.

The genre writes responsibility in a few set forms:

- a line of fields after the task: "Cơ quan chủ trì: X; cơ quan phối hợp: Y; thời
  gian: Quý III/2025", "Trách nhiệm: X chủ trì; Y phối hợp; thời gian: hằng năm";
- a parenthesis closing the task: "… (Sở Khoa học và Công nghệ chủ trì, phối hợp với
  Công an tỉnh; hoàn thành quý IV/2025)", or its last sentence's fields (". Trách nhiệm:
  Sở Y tế.") or a dash ("… - Sở Nội vụ chủ trì.");
- a plain line after a group of bullets: "Ban Tuyên giáo Tỉnh ủy chủ trì thực hiện.",
  "X, Y lãnh đạo thực hiện trong năm 2025." (the "* …" lines are the marked form).

:func:`parse_responsibility` reads one such clause; :func:`field_line`,
:func:`closing_responsibility` and :func:`attribution_line` recognise the three forms.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from policykg.core.vntext import case_blind_words
from policykg.loaders.bodies import body_phrase_end, split_bodies, starts_with_body
from policykg.loaders.clean import tidy
from policykg.loaders.deadlines import deadline_from_field, find_deadline
from policykg.ontology.records import Deadline


@dataclass(frozen=True)
class Responsibility:
    """Owners, coordinators and deadline stated by one responsibility clause."""

    owners: tuple[str, ...] = ()
    coordinators: tuple[str, ...] = ()
    deadline: Deadline | None = None


_PART = re.compile(r"[^;]+")
_GIVEN = re.compile(r"^(?:[Gg]iao(?:\s+cho)?)\s+")
_LABEL = re.compile(r"(?i)^[\s*(]*(?P<label>(?:cơ quan|đơn vị)\s+(?:chủ trì|thực hiện|phối hợp)|"
                    r"chủ trì|phối hợp|trách nhiệm|thời gian(?:\s+hoàn thành)?|thời hạn|"
                    r"tiến độ)\s*:\s*")
_FIELD_LINE = re.compile(r"(?i)^[\s*(]*(?:(?:cơ quan|đơn vị)\s+(?:chủ trì|thực hiện)|chủ trì|"
                         r"trách nhiệm)\s*:")
_OWNING = re.compile(r"(?i)^\s*(?:chủ trì|thực hiện|phụ trách|triển khai|lãnh đạo|chỉ đạo|"
                     r"tổ chức)\b")
_COORDINATING = re.compile(r"(?i)^\s*phối hợp\b")
_WITH = re.compile(case_blind_words(r"phối hợp(?:\s+chặt chẽ)?\s+với\s+"))
_PARENTHESIS = re.compile(r"\(([^()]{4,300})\)[\s*.;]*$")
# Where a closing statement of fields starts: ". Trách nhiệm: …", "; cơ quan chủ trì: …".
_CLOSING_FIELDS = re.compile(r"(?i)[.;]\s+(?=(?:(?:cơ quan|đơn vị)\s+(?:chủ trì|thực hiện)|"
                             r"chủ trì|trách nhiệm(?:\s+thực hiện)?)\s*:)")
_CLOSING_DASH = re.compile(r"\s[-–]\s+")
_OWNS = re.compile(r"\s(?:chủ trì|thực hiện)\b")
_CLOSING_MAX = 300  # a closing statement is short
# After a group of bullets: "X chủ trì thực hiện", "X lãnh đạo thực hiện thường xuyên".
_ATTRIBUTION = re.compile(r"(?i)^\s*(?:(?:chủ trì|phụ trách|lãnh đạo|chỉ đạo|tổ chức|triển khai)"
                          r"[,\s]*)*(?:thực hiện|triển khai)\b|^\s*(?:chủ trì|phụ trách)\b")


def _bodies_of(phrase: str) -> tuple[str, ...]:
    return tuple(split_bodies(tidy(phrase)))


def _subject_then(part: str, predicate: re.Pattern[str]) -> tuple[str, ...]:
    """The bodies opening ``part`` when ``predicate`` follows them ("X chủ trì", "Giao X
    chủ trì")."""
    text = _GIVEN.sub("", part.lstrip(" *("), count=1)
    if not starts_with_body(text):
        return ()
    end = body_phrase_end(text)
    return _bodies_of(text[:end]) if end and predicate.match(text[end:]) else ()


def parse_responsibility(clause: str, *, offset: int = 0, source: str = "") -> Responsibility:
    """Owners, coordinators and deadline in ``clause`` (fields or phrases split by ";")."""
    owners: tuple[str, ...] = ()
    coordinators: tuple[str, ...] = ()
    deadline: Deadline | None = None
    for m in _PART.finditer(clause):
        part = m.group()
        label = _LABEL.match(part)
        if label is not None:
            name = label.group("label").lower()
            value = part[label.end():]
            if "phối hợp" in name:
                coordinators = coordinators or _bodies_of(value.rstrip(" .)"))
            elif name.startswith(("thời", "tiến")):
                deadline = deadline or deadline_from_field(
                    value.rstrip(" .)"), offset=offset + m.start() + label.end(), source=source)
            else:  # chủ trì / thực hiện / trách nhiệm: "X" or "X chủ trì"
                owners = owners or _subject_then(value, _OWNING) or _bodies_of(value.rstrip(" .)"))
            continue
        owners = owners or _subject_then(part, _OWNING)
        coordinators = coordinators or _subject_then(part, _COORDINATING)
        with_m = _WITH.search(part)
        if with_m is not None and not coordinators:
            rest = part[with_m.end():]
            if starts_with_body(rest):
                coordinators = _bodies_of(rest[:body_phrase_end(rest)])
        deadline = deadline or find_deadline(part, offset=offset + m.start(), source=source)
    return Responsibility(owners, coordinators, deadline)


def field_line(line: str, *, offset: int = 0, source: str = "") -> Responsibility | None:
    """A "Cơ quan chủ trì: …; cơ quan phối hợp: …; thời gian: …" line, if ``line`` is one."""
    if _FIELD_LINE.match(line) is None:
        return None
    found = parse_responsibility(line, offset=offset, source=source)
    return found if found.owners else None


def _closing_dash(item: str, tail: int) -> int | None:
    """Where the text after the last dash from ``tail`` on that no parenthesis follows
    starts, if any (the dashes looked for only when a dash is there)."""
    if item.find("-", tail) < 0 and item.find("–", tail) < 0:
        return None
    ends = [d.end() for d in _CLOSING_DASH.finditer(item, tail) if "(" not in item[d.end():]]
    return ends[-1] if ends else None


def closing_responsibility(item: str, *, offset: int = 0,
                           source: str = "") -> Responsibility | None:
    """The responsibility stated where ``item`` closes, if any: a parenthesis ("… (Sở X
    chủ trì; các sở phối hợp)", "(Giao Sở X chủ trì)"), fields in its last sentences ("….
    Cơ quan chủ trì: Sở X; thời gian: năm 2025.", ". Trách nhiệm: Sở Y tế.") or a dash ("…
    - Sở Nội vụ chủ trì.")."""
    m = _PARENTHESIS.search(item)
    if m is not None:
        start, end = m.span(1)
    else:
        tail = max(0, len(item) - _CLOSING_MAX)
        fields = list(_CLOSING_FIELDS.finditer(item, tail))
        if fields:
            start = fields[-1].end()
        elif (dash := _closing_dash(item, tail)) is not None and _OWNS.search(item, dash):
            start = dash
        else:
            return None
        end = len(item.rstrip(" *.;\n"))
    found = parse_responsibility(item[start:end], offset=offset + start, source=source)
    return found if found.owners else None


def attribution_line(line: str, *, offset: int = 0, source: str = "") -> Responsibility | None:
    """A short unmarked line naming who carries out the bullets above it."""
    text = line.lstrip(" *")
    if len(text) > 240 or not starts_with_body(text):
        return None
    end = body_phrase_end(text)
    if not end or _ATTRIBUTION.match(text[end:]) is None:
        return None
    lead = len(line) - len(text)
    deadline = find_deadline(text, offset=offset + lead, source=source)
    with_m = _WITH.search(text, end)
    coordinators: tuple[str, ...] = ()
    if with_m is not None and starts_with_body(text[with_m.end():]):
        rest = text[with_m.end():]
        coordinators = _bodies_of(rest[:body_phrase_end(rest)])
    return Responsibility(_bodies_of(text[:end]), coordinators, deadline)
