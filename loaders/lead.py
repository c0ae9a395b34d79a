"""What a page says of its document outside a printed header (pure).

A republished page's lead ("Thay mặt Bộ Chính trị, Tổng Bí thư Tô Lâm đã ký ban hành
Nghị quyết số 57-NQ/TW (ngày 22/12/2024) của Bộ Chính trị …", "Ngày 08/12/2023 UBND
tỉnh đã ban hành Công văn số …") names the document: its kind, number, date and
issuer.  A text without a header may issue itself in its preamble ("… Sở Thông tin và
Truyền thông ban hành Kế hoạch … với những nội dung sau"): its kind and issuer; or be an
organ's notice ("… Sở Khoa học và Công nghệ đề nghị các sở, ban, ngành …"): its issuer.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date

from policykg.core.errors import InvalidNumber
from policykg.core.vntext import expand_abbreviations
from policykg.loaders.bodies import body_phrase_end, is_whole_body, starts_with_body
from policykg.loaders.clean import tidy
from policykg.loaders.page import (
    ISSUED_BY,
    Page,
    acts_itself,
    addressed,
    issues_itself,
    request_voice,
)
from policykg.ontology.identity import ParsedNumber, parse_number
from policykg.ontology.records import KIND_NAMES_VI, DocumentKind

_KIND_BY_NAME = {name.lower(): kind for kind, name in KIND_NAMES_VI.items()}
_KINDS = "|".join(sorted((n for n in _KIND_BY_NAME if n != "khác"), key=len, reverse=True))
_NAMED = re.compile(rf"(?i)(?P<kind>{_KINDS})(?:\s+hành động)?\s+(?:số\s*:?\s*)?"
                    r"(?P<number>\d[\w./\-–Đđ]*\w)")
_DATE_AFTER = re.compile(r"\s*,?\s*\(?\s*(?:ban hành\s+)?ngày\s*(?P<d>\d{1,2})\s*[/.-]\s*"
                         r"(?P<m>\d{1,2})\s*[/.-]\s*(?P<y>(?:19|20)\d\d)")
_DATE_BEFORE = re.compile(r"(?i)\bngày\s*(?P<d>\d{1,2})\s*[/.-]\s*(?P<m>\d{1,2})\s*[/.-]\s*"
                          r"(?P<y>(?:19|20)\d\d)\s*,?\s*")
_ISSUING = re.compile(r"(?i)\s*(?:đã\s+|vừa\s+)?(?:ký\s+)?ban\s+hành\s*$")
_ISSUED_BY = re.compile(rf"(?i)\s*\)?\s*,?\s*{ISSUED_BY}\s+")
_ALIAS_NOTE = re.compile(r"\s*\((?:sau đây|dưới đây)[^()\n]*\)\s*$")
_CLAUSE_START = re.compile(r"[.;:\n]|,\s+(?=[A-ZĐÀ-Ỹ])")
# A site's mark before its lead's first word: "LTS: ", "(TG) - ", "(Chinhphu.vn) - ".
_SITE_MARK = re.compile(r"[ \t]*(?:\(?LTS\)?[ \t]*:|\([^()\n]{1,30}\)[ \t]*[-–])[ \t]*")
_LEAD_PARAGRAPH = 600  # how far past the lead the document's own first paragraph may name it
# The body speaking in a letter: "…, Bộ X đã dự thảo …", "Bộ X xin gửi …".
_LETTER_VOICE = re.compile(
    r"(?:^|[,.;]\s+)(?P<body>[A-ZĐ][^,.;:\n]{2,80}?)\s+(?:xin\s+|kính\s+|trân trọng\s+)?"
    r"(?:gửi|đề nghị|thông báo|có ý kiến|đã dự thảo|đã xây dựng)\b", re.M)


@dataclass(frozen=True)
class LeadFacts:
    """The document a page's lead or preamble names; spans are offsets in the page."""

    kind: DocumentKind | None = None
    kind_span: tuple[int, int] = (0, 0)
    number: ParsedNumber | None = None
    number_span: tuple[int, int] = (0, 0)
    issued: date | None = None
    issued_span: tuple[int, int] = (0, 0)
    issuer: str | None = None
    issuer_span: tuple[int, int] = (0, 0)


def lead_facts(view: str, page: Page) -> LeadFacts:
    """What the lead of a republished ``page`` says of the document it republishes."""
    if page.lead is None:
        return LeadFacts()
    first = len(view) - len(view[page.start:].lstrip())  # the document's first paragraph
    end = min(len(view), first + _LEAD_PARAGRAPH)
    paragraph_end = view.find("\n", first)
    end = min(end, len(view) if paragraph_end < 0 else paragraph_end)
    candidates = []
    for m in _NAMED.finditer(view, page.lead[0], end):
        try:
            number = parse_number(m["number"])
        except InvalidNumber:
            continue
        candidates.append((m, number))
    # the document is the one the lead names (the first it dates), else the first after it
    in_lead = [c for c in candidates if c[0].start() < page.start] or candidates[:1]
    if not in_lead:
        return LeadFacts()
    same = [m for m, n in candidates if n.text == in_lead[0][1].text]
    dated = [(m, d) for m in same if (d := _DATE_AFTER.match(view, m.end()))]
    m, number = next(((m, n) for m, n in in_lead if dated and m is dated[0][0]), in_lead[0])
    found = dated[0][1] if dated else next(
        (d for n in [m, *(n for n in same if n is not m)] if (d := _date_before(view, n.start()))),
        None)  # (a title line names it, the lead's "Ngày 02/3/2017, … đã ký ban hành …" dates it)
    issued = _date(found) if found else None
    issuer, issuer_span = _issuer_before(view, m.start())
    if issuer is None and found is not None and found.start() >= m.end():
        issuer, issuer_span = _issuer_after(view, found.end())
    for named in same:  # "Nghị quyết số 19-NQ/ĐU của Ban Thường vụ Đảng ủy Tập đoàn TKV về …"
        if issuer is not None:
            break
        issuer, issuer_span = _issuer_after(view, named.end())
    return LeadFacts(kind=_KIND_BY_NAME.get(m["kind"].lower()), kind_span=m.span("kind"),
                     number=number, number_span=m.span("number"),
                     issued=issued, issued_span=found.span() if found and issued else (0, 0),
                     issuer=issuer, issuer_span=issuer_span)


def preamble_facts(view: str) -> LeadFacts:
    """The kind and issuer of a text whose preamble issues it ("X ban hành Kế hoạch …") or
    acts in it ("X hướng dẫn … như sau:")."""
    found = issues_itself(view)
    if found is None:
        acting = acts_itself(view)  # "Căn cứ …, Sở X hướng dẫn các sở … như sau:"
        if acting is None:
            return LeadFacts()
        return LeadFacts(kind=_KIND_BY_NAME.get(" ".join(acting["kind"].split())),
                         kind_span=acting.span("kind"),
                         issuer=expand_abbreviations(tidy(acting["body"])),
                         issuer_span=acting.span("body"))
    issuer, issuer_span = _issuer_before(view, found.start("kind"))
    # "Chương trình hành động" is a Chương trình
    kind = _KIND_BY_NAME.get(found["kind"].lower().removesuffix(" hành động"))
    return LeadFacts(kind=kind, kind_span=found.span("kind"), issuer=issuer,
                     issuer_span=issuer_span)


def letter_facts(view: str) -> LeadFacts:
    """A letter without a header ("Kính gửi: …" and its paragraphs): a Công văn, by the
    body that speaks in it ("Bộ Khoa học và Công nghệ xin gửi …", "Văn phòng Chính
    phủ thông báo …")."""
    to = addressed(view)
    if to is None:
        return LeadFacts()
    for m in _LETTER_VOICE.finditer(view, to.end()):
        phrase = m["body"].strip()
        if is_whole_body(phrase):
            return LeadFacts(kind=DocumentKind.CongVan, kind_span=to.span(),
                             issuer=expand_abbreviations(tidy(phrase)), issuer_span=m.span("body"))
    return LeadFacts(kind=DocumentKind.CongVan, kind_span=to.span())


def notice_facts(view: str) -> LeadFacts:
    """An organ's notice without a header ("…, Sở Khoa học và Công nghệ đề nghị các sở,
    ban, ngành …"): kind Other, issued by the organ that makes the request."""
    voice = request_voice(view)
    if voice is None:
        return LeadFacts()
    phrase = voice["body"].strip()
    if body_phrase_end(phrase) < len(phrase) - 1:
        return LeadFacts()
    first = view.index(phrase, voice.start("body"))
    return LeadFacts(kind=DocumentKind.Other, kind_span=(first, first + len(phrase)),
                     issuer=expand_abbreviations(tidy(phrase)),
                     issuer_span=(first, first + len(phrase)))


def _date(m: re.Match[str]) -> date | None:
    try:
        return date(int(m["y"]), int(m["m"]), int(m["d"]))
    except ValueError:
        return None


def _date_before(view: str, start: int) -> re.Match[str] | None:
    """"Ngày 08/12/2023 UBND tỉnh đã ban hành Công văn số …": the date opening the sentence."""
    stop = view.rfind(". ", 0, start)
    sentence = max(stop + 2 if stop >= 0 else 0, view.rfind("\n", 0, start) + 1)
    mark = _SITE_MARK.match(view, sentence)  # "LTS: Ngày …", "(TG) - Ngày …"
    return _DATE_BEFORE.match(view, mark.end() if mark else sentence)


def _issuer_after(view: str, start: int) -> tuple[str | None, tuple[int, int]]:
    """The body named after a lead's date: "… ngày 08/6/2022 ban hành bởi Tỉnh ủy Kiên
    Giang về …", "… ngày 08/6/2022 của Tỉnh ủy …"."""
    by = _ISSUED_BY.match(view, start)
    if by is None:
        return None, (0, 0)
    line_end = view.find("\n", by.end())
    phrase = view[by.end():len(view) if line_end < 0 else line_end]
    if not starts_with_body(phrase):
        return None, (0, 0)
    name = phrase[:body_phrase_end(phrase)].strip()
    return (expand_abbreviations(tidy(name)), (by.end(), by.end() + len(name))) if name else (
        None, (0, 0))


def _issuer_before(view: str, start: int) -> tuple[str | None, tuple[int, int]]:
    """The body that "(đã) ban hành" the document named at ``start``, if the text says."""
    verb = _ISSUING.search(view, max(0, start - 40), start)
    if verb is None:
        return None, (0, 0)
    clause = max((m.end() for m in _CLAUSE_START.finditer(view, max(0, start - 200),
                                                            verb.start())), default=0)
    dated = _DATE_BEFORE.match(view, clause)
    if dated is not None:
        clause = dated.end()
    phrase = _ALIAS_NOTE.sub("", view[clause:verb.start()]).strip()
    if not phrase or not is_whole_body(phrase):
        return None, (0, 0)  # ("Ban Chỉ đạo … (sau đây gọi tắt là Ban Chỉ đạo)": its name)
    first = view.index(phrase, clause)
    return expand_abbreviations(tidy(phrase)), (first, first + len(phrase))
