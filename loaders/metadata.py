"""A legal database's table of a document's facts, above the text it republishes (pure).

Sites that republish official texts (legal databases, the portals' document pages) put
the document's facts in a table above its letterhead, a row per fact, often under a
headline of their own::

    Kế hoạch 458/KH-UBND năm 2025 triển khai Kế hoạch 02-KH/TU … do thành phố Huế ban hành
    | Số hiệu | 458/KH-UBND |
    | Loại văn bản | Kế hoạch |
    | Ngày ban hành | 25/11/2025 |
    | Cơ quan ban hành | Thành phố Huế |
    | Người ký | Nguyễn Thanh Bình |

:func:`metadata_table` finds such a table (two rows of known labels at least) among a
text's first lines.  Its rows, and the headline above them, are the site's, not the
document's: :attr:`Metadata.blanked` is the text with them turned into spaces (same
length), so that the letterhead below is read as the header (a line in capitals above
the table is kept: it may be the letterhead); :meth:`Metadata.complete` gives the header
what it left unsaid ("Thành phố Huế" under a letterhead "ỦY BAN NHÂN DÂN" that names no
place: "Ủy ban nhân dân thành phố Huế").
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from typing import Any

from policykg.core.errors import InvalidParameter
from policykg.core.provinces import province_named
from policykg.core.vntext import in_capitals, may_hold
from policykg.loaders.clean import tidy
from policykg.ontology.identity import kind_named
from policykg.ontology.records import DocumentHeader, DocumentKind, Provenance, Span

_LINES = 30  # the table is among the text's first lines
_MIN_ROWS = 2
_MAX_VALUE = 300
_MAX_HEADLINE = 400
_FIELDS = {
    "number": ("số hiệu", "số ký hiệu", "ký hiệu", "số văn bản"),
    "kind": ("loại văn bản", "hình thức văn bản"),
    "issued": ("ngày ban hành", "ngày ký"),
    "issuer": ("cơ quan ban hành", "nơi ban hành", "đơn vị ban hành"),
    "signer": ("người ký", "người ký duyệt"),
    "title": ("trích yếu", "tiêu đề"),
}
_LABEL_FIELD = {label: name for name, labels in _FIELDS.items() for label in labels}
# Labels of facts the header does not take, which end the value before them.
_OTHER_LABELS = ("ngày có hiệu lực", "ngày hiệu lực", "ngày công báo", "số công báo",
                 "tình trạng", "lĩnh vực", "ngày hết hiệu lực", "ngày đăng", "cập nhật")
# A label and its separator: "| Số hiệu |", "Số hiệu:"; several on a line ("Số hiệu: N
# Loại văn bản: Quyết định").
_LABEL = re.compile(
    r"(?i)(?<![^\s|])(?P<label>" + "|".join(
        re.escape(label) for label in sorted([*_LABEL_FIELD, *_OTHER_LABELS], key=len,
                                             reverse=True))
    + r")[ \t]*(?:\||:)[ \t]*")
_LABEL_WORDS = (*_LABEL_FIELD, *_OTHER_LABELS)  # one of them is in every line _LABEL matches in
_ROW_START = re.compile(r"[ \t]*(?:\|[ \t]*)?$")
# "| Lĩnh vực | Công nghệ thông tin |", "|": a row or a separator line of the table.
_OTHER_ROW = re.compile(r"[ \t]*\|(?:[^|\n]*\|[ \t]*[^|\s][^|\n]*?(?:\|[ \t]*)?)?")
_DATE = re.compile(r"(?P<d>\d{1,2})[/.-](?P<m>\d{1,2})[/.-](?P<y>(?:19|20)\d\d)"
                   r"|ngày[ \t]+(?P<d2>\d{1,2})[ \t]+tháng[ \t]+(?P<m2>\d{1,2})[ \t]+năm[ \t]+"
                   r"(?P<y2>(?:19|20)\d\d)")
# "Thành phố Huế", "Tỉnh Ninh Bình": the place of a bare State letterhead ("ỦY BAN NHÂN DÂN")
_LOCALITY = re.compile(r"(?i)(?:tỉnh|thành phố|tp\.?|huyện|quận|thị xã|xã|phường)[ \t]+\S")
_CITY = re.compile(r"(?i)^tp\.?[ \t]*")
_BARE_ORGAN = re.compile(r"(?i)(?:ủy|uỷ) ban nhân dân|hội đồng nhân dân")


@dataclass(frozen=True)
class Metadata:
    """The facts of a metadata table, each with the span of its value."""

    blanked: str
    facts: dict[str, tuple[str, Span]]
    organ: str | None = None  # a letterhead that names no place: "Ủy ban nhân dân"

    def complete(self, header: DocumentHeader, source: str) -> DocumentHeader:
        """``header`` with the table's facts where it has none (its kind where it is
        ``Other``)."""
        updates: dict[str, Any] = {}
        spans: dict[str, Span] = {}
        for name, (value, span) in self.facts.items():
            fact = _fact(name, value)
            if fact is None:
                continue
            if getattr(header, name) not in (None, DocumentKind.Other):
                continue
            if name == "issuer" and self.organ is not None and _LOCALITY.match(value):
                place = _CITY.sub("Thành phố ", value)  # "TP. Huế" → "Thành phố Huế"
                fact = f"{self.organ} {place[:1].lower()}{place[1:]}"
            updates[name], spans[name] = fact, span
        if "issuer" in updates and header.province is None and \
                (province := province_named(self.facts["issuer"][0])) is not None:
            updates["province"], spans["province"] = province, self.facts["issuer"][1]
        if not updates:
            return header
        provenance = {**header.provenance, **{
            name: Provenance(source=source, span=span) for name, span in spans.items()}}
        return header.model_copy(update={**updates, "provenance": provenance})


def _fact(name: str, value: str) -> str | date | DocumentKind | None:
    """The header's value of one fact, or None when the table's cannot be read."""
    if name == "kind":
        try:
            return kind_named(value)
        except InvalidParameter:
            return None
    if name == "issued":
        m = _DATE.search(value)
        if m is None:
            return None
        try:
            return date(int(m["y"] or m["y2"]), int(m["m"] or m["m2"]), int(m["d"] or m["d2"]))
        except ValueError:
            return None
    return value


def metadata_table(text: str) -> Metadata | None:
    """The metadata table among the first lines of ``text`` (laid out), or None: rows of
    known labels in one block (other rows, "|" and blank lines between them)."""
    facts: dict[str, tuple[str, Span]] = {}
    lines: list[tuple[int, int, bool]] = []  # start, end, whether a row of the table
    pos = 0
    for _ in range(_LINES):
        nl = text.find("\n", pos)
        end = len(text) if nl < 0 else nl
        line = text[pos:end]
        labels = list(_LABEL.finditer(text, pos, end)) if ("|" in line or ":" in line) and \
            may_hold(line, _LABEL_WORDS) else []
        row = bool(labels) and bool(_ROW_START.match(text, pos, labels[0].start()))
        if not row and facts and text[pos:end].strip() and \
                not _OTHER_ROW.fullmatch(text, pos, end):
            break  # the table has ended
        ends = [n.start() for n in labels[1:]] + [end] if labels else []
        for m, after in zip(labels, ends, strict=True):
            name = _LABEL_FIELD.get(" ".join(m["label"].lower().split()))
            value = text[m.end():after].rstrip(" \t|")
            if row and name is not None and name not in facts and 0 < len(value) <= _MAX_VALUE:
                facts[name] = (tidy(value), Span(start=m.end(), end=m.end() + len(value)))
        lines.append((pos, end, row))
        if nl < 0:
            break
        pos = nl + 1
    if len(facts) < _MIN_ROWS:
        return None
    first = next(k for k, (_, _, row) in enumerate(lines) if row)
    chars = list(text)
    for start, end, _ in lines[first:]:  # the rows and what is between and after them
        chars[start:end] = " " * (end - start)
    above = next((k for k in range(first - 1, -1, -1) if text[lines[k][0]:lines[k][1]].strip()),
                 None)
    if above is not None and _is_headline(text[lines[above][0]:lines[above][1]]):
        start, end, _ = lines[above]  # the site's headline over its table
        chars[start:end] = " " * (end - start)
    rest = text[lines[-1][1]:].lstrip(" \t\n|")
    head = rest[:rest.find("\n")].strip(" \t|*") if "\n" in rest else ""
    organ = head.capitalize() if _BARE_ORGAN.fullmatch(head) else None
    return Metadata(blanked="".join(chars), facts=facts, organ=organ)


def _is_headline(line: str) -> bool:
    """A site's title line: not in capitals (a letterhead), not a sentence."""
    stripped = line.strip()
    return not in_capitals(stripped) and not stripped.endswith((".", ":", ";", "…")) and \
        len(stripped) <= _MAX_HEADLINE
