"""Cited documents, what the document implements, and relations it states (pure).

A citation is a document number in Party form (``20-NQ/TW``, ``154-KH/TU``) or
State form (``46/NQ-CP``, ``12/2024/NĐ-CP``), optionally preceded by its kind
("Nghị quyết số") and followed by its date and issuer
(", ngày 01/11/2012 của Ban Chấp hành Trung ương Đảng (khóa XI)").  Mentions of
one number are merged into one :class:`Reference`.

The unnumbered name of a central plenum resolution ("Nghị quyết Hội nghị Trung
ương 6 (khóa XI)") stands for the numbered central resolution of the same term
that the text cites, when there is exactly one; otherwise it is not a reference.

``implements`` comes only from the document's own statements: its subject
("thực hiện …", "V/v triển khai …"), a lead-in paragraph ("Thực hiện …", "Triển
khai thực hiện …"), "… ban hành Kế hoạch triển khai thực hiện Y như sau:" in the
preamble, a purpose "Cụ thể hóa … tại Y" under "Mục đích", or "tiếp tục thực hiện
tốt …" in an unnumbered paragraph; a programme such a statement names without a number
("thực hiện Chương trình chuyển đổi số trong …") stands for the one cited decision that
approves it.  A news page implements nothing.

Cited relations are stated between two cited documents: "X … (về) (tiếp tục) thực
hiện Y", "X … về việc ban hành Kế hoạch thực hiện Y", "X … sửa đổi, bổ sung Chương
trình … thực hiện Y" (and on to "… Y và Z" when Z is not newer than X), and "…
thực hiện Y … (Kế hoạch số X)".
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Mapping, Set
from dataclasses import dataclass, field, replace
from datetime import date

from policykg.core.errors import InvalidNumber
from policykg.core.vntext import CASE_TWIN_LETTERS, UPPER, fold, slug
from policykg.loaders.header import first_part, head_end
from policykg.loaders.scan import line_matches, literal_matches
from policykg.ontology.identity import ParsedNumber, parse_number
from policykg.ontology.records import (
    KIND_NAMES_VI,
    CitedRelation,
    DocumentKind,
    Extraction,
    NamedCitation,
    Provenance,
    Reference,
    Span,
)

# Party form "20-NQ/TW" (also "10- CTr/TU", "T.Ư", glued "TUngày"), State form "46/NQ-CP",
# "12/2024/NĐ-CP".  One leading digit run for both keeps the scan fast: the search skips
# to digits, and a digit run not starting the number (after a letter, digit, "_", "/", "."
# or "-") is refused at its first digit.
_NUMBER = re.compile(
    r"\d(?<![\w/.-]\d)\d{0,4}+[a-z]?+(?:"  # possessive: what follows is no digit or letter
    r"[ \t]{0,2}-[ \t]{0,2}[A-ZĐ][A-Za-zĐđ]{0,5}[ \t]{0,2}/[ \t]{0,2}"
    r"(?:T\.Ư|TƯ|[A-ZĐ]{1,8}\d{0,2}(?:\.[A-ZĐ]{1,3})?(?:-[A-ZĐ][A-ZĐa-zđ0-9]{0,8}){0,2})"
    r"(?![A-ZĐƯ0-9])"
    r"|/(?:(?:19|20)\d\d/)?[A-ZĐ][A-Za-zĐđ]{0,5}[ \t]{0,2}-[ \t]{0,2}"
    r"[A-ZĐ][A-Za-zĐđ0-9]{0,8}(?:&[A-ZĐ]{1,4})?"  # "4236/SXD-QLN&CS"
    r"(?:-[A-ZĐ][A-Za-zĐđ0-9]{0,8}(?:&[A-ZĐ]{1,4})?){0,3}(?![0-9A-ZĐa-zđ])"
    r"|/(?:19|20)\d\d/[A-ZĐ]{2,6}\d{1,2}(?![0-9A-ZĐ]))"  # 29/2013/QH13
)
# A number with its issuer's acronym only ("Văn bản số 196/LHHVN"): a citation only after
# a label that names a document.
_ISSUER_ONLY_LABELS = ("văn bản", "công văn", "thông báo", "báo cáo", "tờ trình", "kế hoạch",
                       "quyết định", "hướng dẫn")
_LABELLED_ISSUER_ONLY = re.compile(
    rf"(?i:{'|'.join(_ISSUER_ONLY_LABELS)})[ \t]+"
    r"(?i:số)[ \t]*:?[ \t]*(?P<number>\d{1,6}/[A-ZĐ][A-ZĐ0-9]{2,11})(?![\w/.-]|\.\w)")
# Numbers of the years before the State's present form: "Quyết định số 169-CP" (of the
# Hội đồng Chính phủ), "… 12-HĐBT" (Hội đồng Bộ trưởng), "Chỉ thị 299/TTg".
_OLD_NUMBER = re.compile(r"(?<![\w/.-])\d{1,4}-(?:CP|HĐBT)(?![\w/.-])"
                         r"|(?<![\w/.-])\d{1,5}/TTg(?![\w/.-])")
_LABELS = (
    "nghị quyết|kết luận|chỉ thị|kế hoạch|chương trình(?: hành động)?|thông báo|công văn|"
    "quyết định|báo cáo|hướng dẫn|nghị định|thông tư|văn bản|quy định|pháp lệnh|luật"
)
_LABELS_CAP = "|".join(w[:1].upper() + w[1:] for w in _LABELS.split("|"))
_LABEL_BEFORE = re.compile(rf"(?i)(?:{_LABELS})[ \t]+(?:số[ \t]*:?[ \t]*)?$|số[ \t]*:?[ \t]*$")
# The kind the nearest label names, for numbers without a type code ("Nghị quyết số
# 98/2023/QH15"; "Luật Khoa học và công nghệ số 29/2013/QH13" is no kind of ours).
_LABEL = re.compile(rf"(?i:{_LABELS})")
_KIND_BY_LABEL = {name.lower(): kind for kind, name in KIND_NAMES_VI.items()}
_LABEL_WINDOW = 60
# An issuer that makes a number written "…/TƯ" a local committee's, not Trung ương's.
_LOCAL_COMMITTEE = re.compile(r"(?i:tỉnh|thành|huyện|quận|thị) ủy|Đảng bộ (?:tỉnh|thành phố)")
_OWN_NUMBER_BEFORE = re.compile(r"[ \t*]*Số[ \t]*:?[ \t]*")
_DATE = (
    r"(?P<d1>\d{1,2})[ \t]*[-/.][ \t]*(?P<m1>\d{1,2})[ \t]*[-/.][ \t]*(?P<y1>(?:19|20)\d\d)"
    r"|(?P<d2>\d{1,2})[ \t]+(?:tháng|THÁNG)[ \t]+(?P<m2>\d{1,2})[ \t]+(?:n[ăaá]m|NĂM)[ \t]+"
    r"(?P<y2>(?:19|20)\d\d)"
)
# Words that end an issuer's name ("… của Ban Bí thư về …", "… của Chính phủ quy định …").
_STOP = (
    r"(?:về|khóa|thực|đến|gắn|nhằm|tại|ngày|số|trong|theo|để|với|đã|đối|nói|là|cho|được|"
    r"có|đề|xây|tổ|triển|phải|sẽ|như|này|ký|tiếp|lần|kỳ|họp|ban hành|quy định|phê duyệt|sau|"
    r"trên|trước|từ|thông qua|hướng dẫn|chỉ đạo|yêu cầu|giao|gửi|nay|vừa|năm|tháng|sửa đổi|"
    r"bổ sung|thay thế|"
    r"và(?![ \t]+[" + UPPER + r"]))\b"
)
# A document's name after "và" starts another citation, not the rest of a body's name.
_KIND_WORD = (
    r"(?:Nghị quyết|Kết luận|Chỉ thị|Kế hoạch|Chương trình|Thông báo|Công văn|Quyết định|"
    r"Báo cáo|Hướng dẫn|Nghị định|Thông tư|Luật|Văn bản|Quy định|Đề án|Chiến lược)\b"
)
_WORD = r"[^\s,;:()“”\"*.]+"
_BODY = (
    rf"(?=[{UPPER}])(?!{_KIND_WORD}){_WORD}"
    rf"(?:[ \t]+(?!{_STOP})(?!và[ \t]+{_KIND_WORD})(?!{_KIND_WORD}){_WORD}){{0,13}}"
)
_TAIL = re.compile(
    rf"(?:[ \t\n]*,?[ \t\n]*\(?[ \t]*(?:ban hành[ \t]+)?(?:ngày|NGÀY)[ \t]*(?:{_DATE})[ \t]*\)?)?"
    rf"(?:[ \t\n]*,?[ \t\n]*của[ \t\n]+(?P<issuer>{_BODY}))?"
    r"(?:[ \t\n]*\(?[ \t]*khóa[ \t]+(?P<term>[IVXLC]+)\b[ \t]*\)?)?"
)
_TRAILING_PARTY = re.compile(r"(?:[ \t]+Đảng)+$")
# Matched in the lower-cased text (same offsets: lower() keeps Vietnamese lengths).
_ALIAS = re.compile(
    r"nghị quyết[ \t\n]+(?:hội nghị[ \t\n]+)?(?:"
    r"lần thứ[ \t]+\w+[ \t\n]+(?:của[ \t]+)?ban chấp hành trung ương(?:[ \t]+đảng)?"
    r"|trung ương[ \t]+(?:lần thứ[ \t]+)?\w+"
    r"|ban chấp hành trung ương(?:[ \t]+đảng)?[ \t]+lần thứ[ \t]+\w+)"
    r"[ \t\n]*,?[ \t]*\(?[ \t]*khóa[ \t]+(?P<term>[ivxlc]+)\b[ \t]*\)?"
)
_ALIAS_ANY_CASE = re.compile(_ALIAS.pattern, re.I)
# What a resolution cited by name is about: "… (khóa XI) về phát triển khoa học …".
_SUBJECT_AFTER = re.compile(r"[ \t]*,?[ \t]*(về[ \t]+[^,;.()\n]{3,160})")
_QUOTES = "[“\"*]*"
_CAREFULLY = r"(?:(?:tốt|có hiệu quả|nghiêm túc|hiệu quả)[ \t]+)?"
# "thực hiện", "triển khai (thực hiện)", "tiếp tục thực hiện": the verbs of an own statement.
_CARRY_OUT_PLAIN = (r"(?:triển khai[ \t\n]+(?:thực hiện[ \t\n]+)?|(?:tiếp tục[ \t\n]+)?"
                    r"(?:triển khai[ \t\n]+)?thực hiện[ \t\n]+)")
_CARRY_OUT = rf"{_CARRY_OUT_PLAIN}{_CAREFULLY}"
# "Thực hiện chỉ đạo của Thủ tướng Chính phủ tại Công văn số …": what states the direction.
_DIRECTION_OF = (r"(?:(?:[ýÝ] kiến[ \t]+)?[cC]hỉ đạo|(?:[ýÝ] kiến[ \t]+)?[kK]ết luận|[ýÝ] kiến)"
                 r"[ \t]+của[ \t]+"
                 r"[^.;:\n]{1,100}?[ \t]+tại[ \t]+")
# The document's subject (matched in the lower-cased text).
_IMPL_SUBJECT = re.compile(
    r"^[ \t*]*(?:v/v[ \t.:]+)?(?:về[ \t]+(?:việc[ \t]+)?|việc[ \t]+)?"
    r"(?:ban hành[ \t]+(?:chương trình|kế hoạch)(?:[ \t]+hành động)?"
    r"(?:[ \t]+của[ \t]+[^\n,;]{1,60}?)?[ \t]+)?"
    # (the documents named before their numbers: "… thực hiện các nghị quyết của chính phủ:
    # số 01/nq-cp …; số 02/nq-cp …")
    rf"{_CARRY_OUT}(?:các[ \t]+(?:nghị quyết|kết luận|chỉ thị|quyết định)"
    rf"(?:[ \t]+của[ \t]+[^\n:;]{{1,40}}?)?[ \t]*:[ \t]*)?{_QUOTES}", re.M)
# "Điều 1. Ban hành kèm theo Nghị quyết này Chương trình hành động … thực hiện Y".
_IMPL_ARTICLE = re.compile(
    r"^[ \t*]*Điều[ \t]+1[.:][ \t]*\n?[ \t]*Ban hành kèm theo[ \t]+[^\n.;]{1,30}?[ \t]+này[ \t]+"
    r"(?:Chương trình|Kế hoạch|Đề án)[^\n.;]{0,120}?[ \t]" + _CARRY_OUT_PLAIN, re.M)
# A lead-in paragraph: "Thực hiện …", "Triển khai thực hiện …", "Để triển khai …".
_IMPL_LEAD = re.compile(
    rf"^[ \t*]*(?:Để[ \t]+)?(?:Thực hiện[ \t\n]+{_CAREFULLY}|(?:Triển khai|Tiếp tục)[ \t\n]+"
    rf"{_CARRY_OUT})(?:{_DIRECTION_OF})?{_QUOTES}", re.M)
# "… ban hành Kế hoạch triển khai thực hiện Y như sau:" in the preamble (not "đã ban
# hành", another plan).
_IMPL_PLAN = re.compile(
    rf"(?:b(?<!đã b)(?<!vừa b)an hành|x(?<!đã x)(?<!vừa x)ây dựng)[ \t\n]+(?:Kế hoạch|Chương trình)"
    r"(?:[ \t]+hành động)?"
    rf"(?:[ \t]+của[ \t]+{_BODY})?[ \t\n]+(?:về[ \t]+)?(?:việc[ \t]+)?{_CARRY_OUT}{_QUOTES}")
# "Mục đích: Cụ thể hóa … đề ra tại Y": a purpose naming what the plan carries out.
_IMPL_PURPOSE = re.compile(
    r"^[ \t*\-–•+]*(?:\d+\.[ \t]*)?(?:Mục đích[ \t]*:[ \t]*)?"
    r"Cụ thể h(?:óa|oá)\b[^.;:\n]{0,150}?(?=(?:" + _LABELS_CAP + r")[ \t]+số)", re.M)
_IMPL_CONTINUE = re.compile(rf"[Tt]iếp tục thực hiện tốt[ \t\n]+{_QUOTES}")
_IMPL_CONTINUE_WORDS = "iếp tục thực hiện tốt"  # found by str.find, faster than a search
_LIST_ITEM = re.compile(r"[ \t*]*(?:[-–•+]|\d+(?:[.-]\d+)*[.)-]|[IVXLC]+[.-]|[a-zđ]\))[ \t]")
_CHAIN = re.compile(r"[ \t]*(?:[,;]|[ \t]và)[ \t\n]*")
# A listed document's subject before the next one: "số 01/NQ-CP ngày 05/01/2024 về nhiệm vụ,
# giải pháp …; số 02/NQ-CP …".
_SUBJECT_CHAIN = re.compile(r"(?i)[ \t]*(?<!\S)về[ \t][^;]{1,300}?;[ \t\n]*(?=số\b)")
_SOURCE_CHAIN = re.compile(r"[ \t]*(?:,|(?<!\S)và)[ \t\n]*")  # (a mention may end in its space)
# Before a further document of a "Thực hiện A …; B … và C …" lead-in.
_LIST_SEPARATOR = re.compile(r"(?:[,;]|[ \t]và)[ \t\n]*$")
# "X … về (tiếp tục) thực hiện Y"; "X … ban hành Chương trình hành động của Chính phủ thực hiện Y";
# "X … gửi các bộ, ngành về việc triển khai Y"; "X … về kế hoạch chi tiết triển khai Y".
# "X … về việc ban hành Kế hoạch thực hiện Y"; "X … (về) hướng dẫn thực hiện Y"; "X … sửa
# đổi, bổ sung Chương trình hành động của Chính phủ thực hiện Y"; "X … về Chương trình …
# thực hiện Y" (the last only when X is a decision or a plan itself, not a letter about
# one).
_LINK = re.compile(
    rf"[ \t\n]*{_QUOTES}[ \t]*(?:gửi[ \t]+[^.;:()\n]{{1,80}}?[ \t]+(?=về[ \t]))?"  # "gửi các bộ"
    r"(?:(?P<verb>(?:về[ \t\n]+(?:việc[ \t\n]+)?)?(?:ban hành|phê duyệt|"
    r"sửa đổi,?[ \t\n]+bổ sung(?:[ \t\n]*,?[ \t\n]*cập nhật)?)|về)[ \t\n]+)?"
    rf"{_QUOTES}[ \t]*(?:(?P<plan>(?i:chương trình hành động|chương trình|kế hoạch"
    rf"(?:[ \t]+hành động)?))(?:[ \t]+chi tiết)?(?:[ \t]+của[ \t]+{_BODY})?[ \t\n]+)?"
    r"(?:việc[ \t]+)?(?:tiếp tục[ \t\n]+)?(?:hướng dẫn[ \t\n]+(?:việc[ \t\n]+)?)?"
    rf"(?:triển khai[ \t\n]+(?:thực hiện[ \t\n]+)?|thực hiện[ \t\n]+){_CAREFULLY}{_QUOTES}"
)
# "X … thay thế (cho) Y", "X … (về việc) sửa đổi, bổ sung (một số nội dung của) Y".
_CHANGES = re.compile(
    r"[ \t\n]*,?[ \t\n]*(?:(?:về[ \t]+)?việc[ \t]+)?(?:ban hành[ \t]+)?(?:"
    r"(?P<replaces>thay thế(?:[ \t]+cho)?)"
    r"|(?P<amends>sửa đổi,?[ \t]+bổ sung(?:[ \t]+một số[ \t]+(?:điều|nội dung|điểm)"
    rf"(?:[ \t]+của)?)?))[ \t\n]+{_QUOTES}")
# The document's own: "Kế hoạch này thay thế Kế hoạch số N", "… có hiệu lực kể từ ngày
# ký và thay thế Y"; its subject "V/v sửa đổi, bổ sung Kế hoạch số N".
_OWN_REPLACES = re.compile(
    r"(?i)(?:\bnày|\bhiệu lực\b[^.;\n]{0,80}?)[ \t]+(?:và[ \t]+)?(?:ban hành[ \t]+)?"
    rf"thay thế(?:[ \t]+cho)?[ \t\n]+{_QUOTES}")
_OWN_AMENDS = re.compile(
    r"^[ \t*]*(?:v/v[ \t.:]+)?(?:về[ \t]+)?(?:việc[ \t]+)?sửa đổi,?[ \t]+bổ sung"
    r"(?:[ \t]+một số[ \t]+(?:điều|nội dung|điểm)(?:[ \t]+của)?)?[ \t\n]+", re.M)
_LETTER_KINDS = frozenset({DocumentKind.CongVan, DocumentKind.BaoCao, DocumentKind.Other})
# After a relation's target, a further target: "X về thực hiện Y và Z" (not "; Z", which
# continues the list the sentence began).
_TARGET_CHAIN = re.compile(r"[ \t]*(?:,|[ \t]và)[ \t\n]*")
# "… Kế hoạch của Ủy ban nhân dân tỉnh thực hiện Y … (Kế hoạch số N)": the plan named in a
# trailing parenthesis is the one that implements Y.
_CARRIED_OUT_BEFORE = re.compile(rf"{_CARRY_OUT[:-len(_CAREFULLY)]}{_CAREFULLY}{_QUOTES}$")
_NAMED_SOURCE_GAP = 200
_HEADING_LINE = re.compile(r"^[ \t*]*(?:[ivx]+|\d+(?:\.\d+)*)[.)]?[ \t]+[^\n]*", re.M)
# "Ngày 15/3/2025, Ban Thường vụ Tỉnh ủy Hà Tĩnh ban hành Kế hoạch số …", "ngày 16/8/2018 Bộ
# … đã có Công văn số …": date and issuer stated before the citation.
_ISSUED_BEFORE = re.compile(
    rf"(?:[Nn]gày[ \t]+(?:{_DATE})[ \t]*,?[ \t]*)?(?P<issuer>{_BODY})"
    r"(?:[ \t]+kh[oó][aá][ \t]+[\dIVXL]{1,4})?"  # "Ủy ban Thường vụ Quốc hội khóa 13"
    r"[ \t]+(?:đã[ \t]+|vừa[ \t]+)?"
    r"(?:ký[ \t]+)?(?:ban hành|có|ký)[ \t]+$"
)
_BEFORE_WINDOW = 160
_ISSUING_VERB = re.compile(r"(?:ban hành|(?<!\w)có|ký)[ \t]+$")
_OF_YEAR = re.compile(r"[ \t]+năm[ \t]+((?:19|20)\d\d)\b")


@dataclass(frozen=True)
class Citations:
    """What a text cites and states about the documents it cites."""

    references: tuple[Reference, ...]
    implements: tuple[str, ...]  # keys of references
    cited_relations: tuple[CitedRelation, ...]
    warnings: tuple[str, ...] = ()
    named: tuple[NamedCitation, ...] = ()  # by name only, no number in the text
    replaces: tuple[str, ...] = ()  # keys of references the document takes the place of
    amends: tuple[str, ...] = ()  # keys of references the document changes


@dataclass
class _Mention:
    start: int  # of the kind label, else of the number
    end: int  # of the tail (date, issuer, term)
    number: ParsedNumber | None  # None for a plenum alias
    span: tuple[int, int]
    kind: DocumentKind = DocumentKind.Other
    issued: date | None = None
    issuer: str | None = None
    term: str | None = None
    year: int | None = None  # "Chỉ thị 24/CT-TTg năm 2025": the year without the date
    key: str | None = field(default=None)  # filled once references are merged


def _date(m: re.Match[str]) -> date | None:
    d, mo, y = (m["d1"], m["m1"], m["y1"]) if m["y1"] else (m["d2"], m["m2"], m["y2"])
    if y is None:
        return None
    try:
        return date(int(y), int(mo), int(d))
    except ValueError:
        return None


def _is_own_number(text: str, start: int) -> bool:
    line_start = text.rfind("\n", 0, start) + 1
    return _OWN_NUMBER_BEFORE.fullmatch(text, line_start, start) is not None


def _case_blind_matches(pattern: re.Pattern[str], text: str, lower: str,
                        words: tuple[str, ...]) -> Iterator[re.Match[str]]:
    """``pattern.finditer(text)`` for a pattern whose matches open with one of ``words``
    (lower case, their case ignored): tried only where ``lower`` (from :func:`_lower`)
    holds one, unless lower-casing does not tell them (a text whose lower case is longer,
    or that holds a letter only case-blind matching reads as one of theirs)."""
    if lower is text or any(twin in text for twin in CASE_TWIN_LETTERS):
        return pattern.finditer(text)
    return literal_matches(pattern, text, words, haystack=lower)


def _number_matches(text: str, lower: str) -> list[tuple[int, int, str]]:
    """(start, end, number) of every document number in ``text``, in order: typed ones,
    and those with an issuer's acronym only where a label names them."""
    found = [(m.start(), m.end(), m[0]) for m in _NUMBER.finditer(text)]
    if "-CP" in text or "-HĐBT" in text or "/TTg" in text:
        found = sorted(found + [(m.start(), m.end(), m[0]) for m in _OLD_NUMBER.finditer(text)])
    if " số" in text or " Số" in text:
        labelled = [(m.start("number"), m.end("number"), m["number"]) for m in
                    _case_blind_matches(_LABELLED_ISSUER_ONLY, text, lower, _ISSUER_ONLY_LABELS)]
        if labelled:
            found = sorted(found + labelled)
    return found


def _numbered_mentions(text: str, lower: str) -> list[_Mention]:
    mentions = []
    for m_start, m_end, written in _number_matches(text, lower):
        try:
            number = parse_number(written)
        except InvalidNumber:
            continue
        if _is_own_number(text, m_start):
            continue
        window = max(0, m_start - 40)
        label = _LABEL_BEFORE.search(text, window, m_start)
        start = label.start() if label else m_start
        tail = _TAIL.match(text, m_end)
        assert tail is not None  # every part is optional
        issued, issuer = _date(tail), tail["issuer"]
        if (issued is None or issuer is None) and _ISSUING_VERB.search(
                text, max(0, start - 14), start):
            stated = _ISSUED_BEFORE.search(text, max(0, start - _BEFORE_WINDOW), start)
            if stated is not None:
                issued, issuer = issued or _date(stated), issuer or stated["issuer"]
        if issuer is not None:
            issuer = _TRAILING_PARTY.sub("", issuer) or None
            if number.horned and _LOCAL_COMMITTEE.search(issuer or ""):
                number = number.committees()  # "13-NQ/TƯ của Tỉnh ủy": its "TU" with a horn
        of_year = _OF_YEAR.match(text, m_end)
        mentions.append(_Mention(
            start=start, end=max(tail.end(), of_year.end() if of_year else 0), number=number,
            span=(m_start, m_end), kind=number.kind if number.code else _label_kind(text, m_start),
            issued=issued, issuer=issuer, term=tail["term"],
            year=int(of_year[1]) if of_year else None,
        ))
    return mentions


def _label_kind(text: str, number_start: int) -> DocumentKind:
    labels = list(_LABEL.finditer(text, max(0, number_start - _LABEL_WINDOW), number_start))
    return _KIND_BY_LABEL.get(labels[-1][0].lower(), DocumentKind.Other) if labels else (
        DocumentKind.Other)


def _merge(
    mentions: list[_Mention], source: str, province: str | None
) -> tuple[list[Reference], list[str]]:
    """One reference per number (per year, when the text gives several years)."""
    by_number: dict[str, list[_Mention]] = {}
    for mention in mentions:
        assert mention.number is not None
        by_number.setdefault(mention.number.text, []).append(mention)
    refs: list[Reference] = []
    warnings: list[str] = []
    local = slug(province) if province else None  # the scope of local numbers
    for number, group in by_number.items():
        # a full date says the year; "… năm 2025" after a number only when none does (it
        # may be the year of the work: "triển khai Nghị quyết số 57-NQ/TW năm 2025")
        years = sorted({m.issued.year for m in group if m.issued}) or sorted(
            {m.year for m in group if m.year})
        dated = any(m.issued for m in group)
        parts: dict[int | None, list[_Mention]] = {}
        for m in group:
            own = m.issued.year if m.issued else (None if dated else m.year)
            year = own or (years[0] if len(years) == 1 else None)
            parts.setdefault(year, []).append(m)
        if len(years) > 1 and None in parts:
            warnings.append(f"{source}: ambiguous citation {number}: the text dates it "
                            + ", ".join(map(str, years)))
        parsed = group[0].number
        assert parsed is not None
        scope = parsed.national_scope or local
        for part in parts.values():
            first = part[0]
            ref = Reference(
                kind=first.kind, number=number,
                year=parsed.year or (None if dated else next((m.year for m in part if m.year),
                                                             None)),
                issued=next((m.issued for m in part if m.issued), None),
                issuer=next((m.issuer for m in part if m.issuer), None),
                term=next((m.term for m in part if m.term), None),
                scope=scope,
                provenance=Provenance(source=source, span=Span(start=first.span[0],
                                                               end=first.span[1])),
            )
            refs.append(ref)
            for m in part:
                m.key = ref.key
    refs.sort(key=lambda r: r.provenance.span.start if r.provenance.span else 0)
    return refs, warnings


def _lower(text: str) -> str:
    """``text`` in lower case, or as it is when lowering changes its length (the
    patterns matched in it then ignore case)."""
    lower = text.lower()
    return lower if len(lower) == len(text) else text


# A short form of a cited number: "Kế hoạch số 01" (after "Kế hoạch số 01-KH/BCĐTW …
# (Kế hoạch số 01)"), "Nghị quyết 57"; never the start of a full number.
_SHORT_KINDS = ("nghị quyết", "kết luận", "chỉ thị", "kế hoạch", "chương trình", "quyết định",
                "thông báo", "công văn", "hướng dẫn")
_SHORT = re.compile(
    rf"(?P<kind>(?i:{'|'.join(_SHORT_KINDS)}))(?:[ \t]+(?i:hành động))?[ \t]+(?:(?i:số)[ \t]*)?"
    r"(?P<seq>\d{1,5}[a-z]?)(?![\w/.-]|[ \t]*[-/]|,\d)")


def _short_mentions(text: str, lower: str, numbered: list[_Mention]) -> list[_Mention]:
    """Mentions by a short form ("Kế hoạch số 01") of the one number the text cites with
    that kind and sequence; a short form several cited numbers fit names none."""
    by_short: dict[tuple[DocumentKind, str], set[str]] = {}
    first: dict[str, _Mention] = {}
    for m in numbered:
        if m.number is not None and m.key is not None:
            by_short.setdefault((m.kind, m.number.seq), set()).add(m.key)
            first.setdefault(m.key, m)
    found = []
    for s in _case_blind_matches(_SHORT, text, lower, _SHORT_KINDS):
        keys = by_short.get((_KIND_BY_LABEL.get(s["kind"].lower(), DocumentKind.Other),
                             s["seq"]), set())
        if len(keys) == 1:
            found.append(replace(first[next(iter(keys))], start=s.start(), end=s.end(),
                                 span=s.span("seq")))
    return found


def _alias_mentions(
    text: str, lower: str, refs: list[Reference], source: str
) -> tuple[list[_Mention], list[str], list[NamedCitation]]:
    mentions, warnings = [], []
    named: list[NamedCitation] = []
    found = (_ALIAS.finditer(lower) if lower is not text
             else _ALIAS_ANY_CASE.finditer(text))  # a lower case longer than its letter
    for m in found:
        term = m["term"].upper()
        keys = sorted({r.key for r in refs
                       if r.term == term and r.kind.value == "NghiQuyet" and r.scope == "tw"})
        if len(keys) > 1:
            warnings.append(f"{source}: '{text[m.start():m.end()]}' may name "
                            f"{', '.join(keys)}; not resolved")
        elif not keys and not any(c.name == text[m.start():m.end()] for c in named):
            subject = _SUBJECT_AFTER.match(text, m.end())
            named.append(NamedCitation(
                name=" ".join(text[m.start():m.end()].split()), term=term,
                subject=" ".join(subject[1].split()) if subject else None,
                provenance=Provenance(source=source, span=Span(start=m.start(), end=m.end()))))
        mentions.append(_Mention(start=m.start(), end=m.end(), number=None, span=m.span(),
                                 term=term, key=keys[0] if len(keys) == 1 else None))
    return mentions, warnings, named


def _line_of(text: str, pos: int) -> str:
    """The line of ``text`` that holds ``pos``, stripped ("… ban hành Kế hoạch như sau:")."""
    end = text.find("\n", pos)
    return text[text.rfind("\n", 0, pos) + 1:len(text) if end < 0 else end].strip(" \t*")


def _opens_block(text: str, line_start: int) -> bool:
    """A line that starts the subject: after a blank line, a heading (in capitals, or a
    type heading as a web copy writes it: "Kế hoạch") or the text's start."""
    if line_start == 0:
        return True
    previous = text[text.rfind("\n", 0, line_start - 1) + 1:line_start - 1].strip(" \t*")
    return not previous or previous.isupper() or \
        previous.lower().removesuffix(" hành động") in _KIND_BY_LABEL  # "Kế hoạch"


def _lead_in_list(text: str, lead_end: int, mentions: list[_Mention],
                  targets: Set[int]) -> list[_Mention]:
    """The further documents of a "Thực hiện A …; B … và C …" paragraph.

    Each follows a list separator; the documents those name as implemented
    ("B về thực hiện A") are not the document's own.
    """
    end = text.find("\n", lead_end)
    end = len(text) if end < 0 else end
    return [m for m in mentions
            if lead_end < m.start < end and m.start not in targets and m.key is not None
            and _LIST_SEPARATOR.search(text, max(0, m.start - 8), m.start)]


def _under_purpose(lower: str, start: int, end: int) -> bool:
    """The line at ``start`` states a purpose: it says "mục đích", or the nearest
    numbered heading above it does."""
    if "mục đích" in lower[start:end]:
        return True
    headings = list(_HEADING_LINE.finditer(lower, max(0, start - 2000), start))
    return bool(headings) and "mục đích" in headings[-1][0]


def _implemented(text: str, lower: str, at: dict[int, _Mention], mentions: list[_Mention],
                 targets: Set[int]) -> list[_Mention]:
    """Mentions the document says it implements."""
    anchors = [m.end() for m in line_matches(_IMPL_SUBJECT, lower, ("thực hiện", "triển khai"),
                                              head_end(text))
               if m[0].lstrip(" \t*").startswith("v/") or _opens_block(text, m.start())]
    preamble = first_part(text)
    # (a lead-in's line holds one of its verbs, after "Để " too)
    leads = [m.end() for m in line_matches(_IMPL_LEAD, text, ("Thực hiện", "Triển khai",
                                                               "Tiếp tục"))
             if m[0].lstrip(" \t*").startswith("Thực") or (
                 m.start() < preamble and (_opens_block(text, m.start())
                                           or _line_of(text, m.start()).endswith(":")))]
    leads += [m.end() for m in _IMPL_PLAN.finditer(text, 0, preamble)]
    anchors += [m.end() for m in line_matches(_IMPL_ARTICLE, text, ("Điều 1",))]
    leads += [m.end() for m in line_matches(_IMPL_PURPOSE, text, ("Cụ thể hóa", "Cụ thể hoá"))
              if _under_purpose(lower, m.start(), m.end())]
    anchors += leads
    continued = _IMPL_CONTINUE.finditer(text) if _IMPL_CONTINUE_WORDS in text else ()
    for m in continued:
        line_start = text.rfind("\n", 0, m.start()) + 1
        if not _LIST_ITEM.match(text, line_start):
            anchors.append(m.end())
    found: list[_Mention] = []
    for pos in anchors:
        mention = at.get(pos) or _by_name(text, pos, mentions)
        if mention is not None and mention.start in targets:
            continue  # "Quyết định số N … ban hành Kế hoạch thực hiện Y": N's, not ours
        while mention is not None:
            found.append(mention)
            chain = _CHAIN.match(text, mention.end) or _SUBJECT_CHAIN.match(text, mention.end)
            mention = at.get(chain.end()) if chain else None
    for pos in leads:
        if pos in at:
            found += _lead_in_list(text, pos, mentions, targets)
    return found


# A programme named, not numbered, where the document says what it carries out ("thực hiện
# Chương trình chuyển đổi số trong xây dựng nông thôn mới …"), and where a cited document
# names it ("Quyết định số 924/QĐ-TTg … phê duyệt Chương trình chuyển đổi số …").
_PROGRAMME_KINDS = r"(chương trình|đề án|chiến lược|quy hoạch)"
_NAMED_PROGRAMME = re.compile(rf"(?i)[ \t]*{_PROGRAMME_KINDS}[ \t]+(?!số\b)")
_NAMING = re.compile(rf"(?i)\b(?:phê duyệt|ban hành)[ \t]+{_PROGRAMME_KINDS}[ \t]+")
_NAME_WORDS = 6  # the words of a name that must agree
_ABOUT = re.compile(r"[ \t]*,?[ \t]*về[ \t]+")
_NAME_OPENER = re.compile(r"^(?:\d+\w* )?(?:ve )?(?:viec )?")


def _name_key(text: str) -> str:
    """The first words of a programme's name, folded ("06 về “Phát triển …”" and "Phát
    triển …" agree)."""
    words = _NAME_OPENER.sub("", fold(text[:300])).split()
    return " ".join(words[:_NAME_WORDS]) if len(words) >= _NAME_WORDS else ""


def _by_name(text: str, pos: int, mentions: list[_Mention]) -> _Mention | None:
    """The one cited document that approves or issues the programme named at ``pos``, or is
    that programme itself."""
    named = _NAMED_PROGRAMME.match(text, pos)
    if named is None or not (key := _name_key(text[named.end():])):
        return None
    kind = fold(named[1])
    found: dict[str, _Mention] = {}
    for m in mentions:
        if not m.key:
            continue
        line_end = text.find("\n", m.end)
        naming = _NAMING.search(text, m.end, min(m.end + 200, len(text) if line_end < 0
                                                 else line_end))
        if naming is not None and fold(naming[1]) == kind:
            name = text[naming.end():]
        elif fold(text[m.start:m.start + len(kind)]) == kind and \
                (about := _ABOUT.match(text, m.end)) is not None:
            name = text[about.end():]  # "Chương trình số 1249a/CTPH-… ngày … về phối hợp …"
        else:
            continue
        if _name_key(name) == key:
            found.setdefault(m.key, m)
    return next(iter(found.values())) if len(found) == 1 else None  # never a guess


def _parenthesised_sources(text: str, mentions: list[_Mention]
                           ) -> Iterator[tuple[_Mention, _Mention]]:
    """(z, y) for "… thực hiện Y … (Z)": Z in parentheses after what carries out Y."""
    for k, z in enumerate(mentions):
        if not text[max(0, z.start - 3):z.start].rstrip(" \t").endswith("("):
            continue
        for y in reversed(mentions[:k]):
            gap = text[y.end:z.start]
            if len(gap) > _NAMED_SOURCE_GAP or re.search(r"[;.\n]", gap):
                break
            if _CARRIED_OUT_BEFORE.search(text, max(0, y.start - 40), y.start):
                clause = max(text.rfind(";", 0, y.start), text.rfind("\n", 0, y.start))
                if not any(m.key == z.key and m.start > clause for m in mentions[:k]):
                    yield z, y  # (not "Quyết định số N … thực hiện Y … (Quyết định số N)",
                break  # the short name of the clause's own subject)


def _joint_sources(text: str, mentions: list[_Mention], k: int) -> list[tuple[_Mention, str]]:
    """The mentions (and keys) of the same kind listed just before ``mentions[k]`` ("X và
    Z về …", "X, Z về …"): sources of the relation stated after Z."""
    found: list[tuple[_Mention, str]] = []
    after = mentions[k]
    for w in reversed(mentions[:k]):
        if w.key is None or w.kind is not after.kind or \
                _SOURCE_CHAIN.fullmatch(text, w.end, after.start) is None:
            break
        found.append((w, w.key))
        after = w
    return found


def _newer(a: date | None, b: date | None) -> bool:
    return a is not None and b is not None and a > b


def extract_citations(text: str, source: str, *, province: str | None,
                      news: bool = False) -> Citations:
    """References, own ``implements`` and stated relations in ``text``.

    ``province`` is the citing document's province: local numbers (``154-KH/TU``)
    are scoped to it.  A ``news`` page reports documents and implements none.
    """
    lower = _lower(text)
    numbered = _numbered_mentions(text, lower)
    refs, warnings = _merge(numbered, source, province)
    aliases, alias_warnings, named = _alias_mentions(text, lower, refs, source)
    shorts = _short_mentions(text, lower, numbered) if numbered else []
    mentions = sorted(numbered + aliases + shorts, key=lambda m: m.start)
    at = {m.start: m for m in mentions if m.key is not None}

    issued = {r.key: r.issued for r in refs}
    relations: dict[tuple[str, str], CitedRelation] = {}
    targets: set[int] = set()
    for k, x in enumerate(mentions):
        change = _CHANGES.match(text, x.end)
        z = at.get(change.end()) if change else None
        if change is not None and x.key is not None and z is not None and z.key not in (
                None, x.key) and not _newer(issued.get(z.key), issued.get(x.key)):
            assert z.key is not None
            targets.add(z.start)
            relations.setdefault((x.key, z.key), CitedRelation(
                source=x.key, target=z.key, rel="replaces" if change["replaces"] else "amends",
                provenance=Provenance(source=source, span=Span(start=x.start, end=z.end))))
            continue
        link = _LINK.match(text, x.end)
        y = at.get(link.end()) if link else None
        if x.key is None or y is None or link is None:
            continue
        if link["plan"] and link["verb"] in (None, "về") and x.kind in _LETTER_KINDS:
            continue  # "công văn số N về Chương trình … thực hiện Y": a letter about a plan
        for w, w_key in _joint_sources(text, mentions, k):  # "X và Z về kế hoạch … Y": X too
            if y.key is not None and y.key != w_key and not _newer(issued.get(y.key),
                                                                  issued.get(w_key)):
                targets.add(y.start)
                relations.setdefault((w_key, y.key), CitedRelation(
                    source=w_key, target=y.key,
                    provenance=Provenance(source=source, span=Span(start=w.start, end=y.end))))
        first = True
        while y is not None and y.key is not None and y.key != x.key:
            if not first and _newer(issued.get(y.key), issued.get(x.key)):
                break  # "X về thực hiện Y và Z" with Z issued after X: Z is the lead's
            first = False
            targets.add(y.start)
            relations.setdefault((x.key, y.key), CitedRelation(
                source=x.key, target=y.key,
                provenance=Provenance(source=source, span=Span(start=x.start, end=y.end)),
            ))
            chain = _TARGET_CHAIN.match(text, y.end)
            after = at.get(chain.end()) if chain else None
            if after is not None and chain is not None and "," in chain.group() and \
                    after.kind is not y.kind:
                after = None  # "… thực hiện Kế hoạch số 01, Thông tư số 02 …": a list's next
            y = after
    for z, y in _parenthesised_sources(text, mentions):
        if z.key is not None and y.key is not None and z.key != y.key and not _newer(
                issued.get(y.key), issued.get(z.key)):
            targets.add(y.start)
            relations.setdefault((z.key, y.key), CitedRelation(
                source=z.key, target=y.key,
                provenance=Provenance(source=source, span=Span(start=y.start, end=z.end))))
    implements = [] if news else list(dict.fromkeys(
        m.key for m in _implemented(text, lower, at, mentions, targets) if m.key))
    replacing = not news and "thay thế" in lower
    replaces = _keys_after(_OWN_REPLACES.finditer(text), at) if replacing else []
    amending = not news and "sửa đổi" in lower
    amends = _keys_after(_OWN_AMENDS.finditer(lower, 0, head_end(text)), at) if amending else []
    return Citations(tuple(refs), tuple(implements), tuple(relations.values()),
                     (*warnings, *alias_warnings), tuple(named), tuple(replaces), tuple(amends))


def _keys_after(found: Iterator[re.Match[str]], at: Mapping[int, _Mention]) -> list[str]:
    """Keys of the mentions each match ends at, in order, each once."""
    return list(dict.fromkeys(mention.key for m in found
                              if (mention := at.get(m.end())) is not None and mention.key))


def dated_numbers(extraction: Extraction) -> dict[str, set[int]]:
    """Number → years of issue that this extraction states (its own and its citations')."""
    years: dict[str, set[int]] = {}
    own = extraction.document
    if own.number and own.issued:
        years.setdefault(own.number, set()).add(own.issued.year)
    for ref in extraction.references:
        if ref.issued:
            years.setdefault(ref.number, set()).add(ref.issued.year)
    return years


def fill_years(extraction: Extraction, years: Mapping[str, int | Set[int]]) -> Extraction:
    """Give undated references the year a batch-wide index knows for their number.

    ``years`` maps a number to its year, or to every year the batch gives it; with
    several, the reference stays undated and a warning says so.
    """
    renamed: dict[str, str] = {}
    refs: list[Reference] = []
    warnings = list(extraction.warnings)
    for ref in extraction.references:
        known = years.get(ref.number)
        if ref.key != ref.number or known is None:
            refs.append(ref)
            continue
        found = {known} if isinstance(known, int) else set(known)
        if len(found) != 1:
            warnings.append(f"{extraction.source}: ambiguous citation {ref.number}: dated "
                            + ", ".join(map(str, sorted(found))) + " elsewhere in the batch")
            refs.append(ref)
            continue
        filled = ref.model_copy(update={"year": found.pop()})
        renamed[ref.key] = filled.key
        refs.append(filled)
    if not renamed and len(warnings) == len(extraction.warnings):
        return extraction
    return extraction.model_copy(update={
        "references": tuple(refs),
        "implements": tuple(renamed.get(k, k) for k in extraction.implements),
        "replaces": tuple(renamed.get(k, k) for k in extraction.replaces),
        "amends": tuple(renamed.get(k, k) for k in extraction.amends),
        "cited_relations": tuple(
            r.model_copy(update={"source": renamed.get(r.source, r.source),
                                 "target": renamed.get(r.target, r.target)})
            for r in extraction.cited_relations
        ),
        "warnings": tuple(warnings),
    })
