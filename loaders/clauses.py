"""Sentences and clauses of an item, and who each one makes act (pure).

A task's owners are the bodies its clauses make act: the grammatical subject of a
clause ("Bộ Công an chủ trì …", "Các bộ, ngành, địa phương căn cứ …"), after an
introductory phrase ("Trên cơ sở đề xuất của X, Bộ Tài chính tổng hợp …", "Đối với
…, các bộ … chủ động …"), the body of "Giao X …", and the body of "Đề nghị X …" when X
is a particular body (a request to a collective — "đề nghị các tỉnh ủy …" — addresses
it, and goes to the document's general addressees).  Bodies named after "phối hợp
(với)" are coordinators.  :func:`is_directive` tells an item that directs action
from one that reports, describes or closes the document.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import NamedTuple

from policykg.core.vntext import case_blind_words, may_hold
from policykg.loaders.bodies import body_phrase_end, is_whole_body, split_bodies, starts_with_body
from policykg.loaders.clean import tidy

# A sentence ends at ". " before a capital (not after an abbreviation such as "TP." or
# a number); ";" ends a clause.
# A sentence break (its punctuation, then a capital) or a ";".  The punctuation is
# matched, not looked behind at every position: abbreviations ("A.", "TP.", "v.v.")
# are told apart on the match.  One character class comes first, so that the search
# skips to the punctuation.
_SENTENCE = re.compile(r"[.!?;](?:(?<=[.!?])(?P<gap>[\"”’)*]*\s+)(?=[A-ZĐÀ-Ỹ(\"“*])|(?<=;)\s*)")
_CAPITAL = frozenset("ABCDEFGHIJKLMNOPQRSTUVWXYZĐ")


def _abbreviation(text: str, dot: int) -> bool:
    """Whether the "." at ``dot`` ends an abbreviation ("A.", "TP.", "v.v.")."""
    if text[dot] != ".":
        return False
    if dot >= 1 and text[dot - 1] in _CAPITAL:
        return True
    for word in ("TP", "v.v"):
        before = dot - len(word) - 1  # the character before the word
        if text.startswith(word, dot - len(word)) and dot >= len(word) and (
                before < 0 or not text[before].isalnum()):
            return True
    return False
_TITLE_COLON = re.compile(r"^[^:;.]{3,200}:[*\s]+")  # "Title: text" — the colon ends a clause
_PARENTHESES = re.compile(r"\([^()]*\)")
# What opens a clause before its subject: a basis, a time, a purpose, or a condition or
# topic whose main clause "thì" may open ("Trường hợp cần thiết thì Sở Y tế báo cáo …").
_INTRO = re.compile(r"(?i)^\s*(?:trên cơ sở|căn cứ|đối với|theo|trong|định kỳ|hằng năm|hàng năm|"
                    r"đồng thời|trước mắt|ngoài ra|sau khi|khi|để|nhằm|với|thời gian tới|"
                    r"quán triệt|những|các kiến nghị|nếu|trường hợp)\b")
_THEN = re.compile(r"\s+thì\s+")
_ASSIGN = re.compile(r"(?i)^\s*(?:giao(?:\s+cho)?|yêu cầu)\s+")
_REQUEST = re.compile(r"(?i)^\s*đề nghị\s*:?\s+")
_ASSIGNING = frozenset("gGyYđĐ")  # what a stripped clause that assigns or requests opens with
_REQUESTING = re.compile(r"[đĐ](?i:ề nghị)")  # in any text that holds such a clause
_MID_INTRO = re.compile(r"(?i),\s*(?:trên cơ sở|căn cứ|sau khi|đồng thời)\b")
_COORDINATE = re.compile(case_blind_words(r"phối hợp(?:\s+chặt chẽ)?(?:\s+với)?\s+"))
_PREFIX = re.compile(r"^\s*([^:;.]{3,200}?)\s*:\s+(?=\S)")
_COLLECTIVE = re.compile(r"(?i)^(?:các|những|mọi)\s")
# What follows a subject is its predicate, not a preposition or conjunction: "các
# trường đại học trong …" is no subject.
_NOT_PREDICATE = frozenset({
    "trong", "với", "về", "để", "nhằm", "cho", "của", "và", "tại", "từ", "đến", "khi",
    "nếu", "thuộc", "trên", "dưới", "qua", "bằng", "ở", "vào", "ra", "hoặc", "hay", "như",
    "giữa", "đối", "nhưng", "mà", "do", "bởi", "trước", "sau", "cùng", "năm", "ngày", "tháng",
})
_LOCATIVE = re.compile(r"\s*(?:trong|tại|thuộc|ở)\s+(?=các\s|những\s|cả\s+nước\b|toàn\s+quốc\b|"
                       r"[A-ZĐÀ-Ỹ])")
_ADVERBIAL = re.compile(r"(?i)\s*trong\s+(?:phạm vi|quá trình)\b")
_LETTER = re.compile(r"[^\W\d_]")
_COMMA = re.compile(r",\s*")
_FIRST_WORD = re.compile(r"[\s,]*(?:\([^)]{1,60}\)\s*)?([^\W\d_]+)")


class Clause(NamedTuple):
    """A clause of a text and where it starts in it."""

    text: str
    start: int


def clauses(text: str) -> Iterator[Clause]:
    """The sentences and ";"-clauses of ``text`` (and the title of a "Title: text")."""
    start = 0
    title = _TITLE_COLON.match(text) if text.find(":", 3, 201) >= 0 else None
    if title is not None:
        yield Clause(text[:title.end()], 0)
        start = title.end()
    for m in _SENTENCE.finditer(text, start):
        if m["gap"] is None:  # ";"
            end = m.start()
        elif _abbreviation(text, m.start()):
            continue
        else:
            end = m.start() + 1  # the clause keeps its full stop
        if end > start:
            yield Clause(text[start:end], start)
        start = m.end()
    if start < len(text):
        yield Clause(text[start:], start)


# The members a class of bodies names after a colon, then the verb: ": Hà Nội, Cần Thơ thực".
_PROPER_NAME = r"[A-ZĐÀ-Ỹ][^\W\d_]*(?:\s+[A-ZĐÀ-Ỹ][^\W\d_]*){0,4}"
_NAMED_MEMBERS = re.compile(rf":\s*{_PROPER_NAME}(?:\s*(?:,|và)\s*{_PROPER_NAME}){{0,20}}"
                            r"(?=\s+[a-zđà-ỹ])")
_INNER_CAC = re.compile(r"\scác\s")


def _subject_at(text: str) -> tuple[str, ...]:
    """The bodies opening ``text`` as a subject (a verb follows them), if any."""
    body = text.lstrip(" *(\"“")
    if not starts_with_body(body):
        return ()
    end = body_phrase_end(body)
    rest = body[end:]
    locative = _LOCATIVE.match(rest)
    if end and locative is not None:  # "… nhà đầu tư trong các khu công nghiệp bảo đảm …"
        more = body_phrase_end(rest[locative.end():])
        if more and _LETTER.search(rest[locative.end():locative.end() + more]):
            end += locative.end() + more
            rest = body[end:]
    named = _NAMED_MEMBERS.match(rest) if end and rest[:1] == ":" else None
    if named is not None and _INNER_CAC.search(body, 0, end):
        # "Ủy ban nhân dân các thành phố: Hà Nội, Cần Thơ thực hiện …": one class, named
        return (tidy(body[:end + named.end()]),)
    word = _FIRST_WORD.match(rest)
    if not end or word is None or (word.group(1).lower() in _NOT_PREDICATE
                                   and not _ADVERBIAL.match(rest)):
        return ()
    return tuple(split_bodies(tidy(body[:end])))


def prefix_owner(text: str) -> tuple[tuple[str, ...], int]:
    """The bodies of an "X: …" prefix and where the text after it starts, or ((), 0)."""
    m = _PREFIX.match(text) if ":" in text[:220] else None
    if m is None:
        return (), 0
    head = tidy(m.group(1))
    head = _REQUEST.sub("", head)
    if starts_with_body(head) and body_phrase_end(head) == len(head):
        bodies = tuple(split_bodies(head))
        named = _NAMED_MEMBERS.match(text, m.end(1)) if len(bodies) == 1 and _INNER_CAC.search(
            head) else None
        if named is not None:  # "Ủy ban nhân dân các thành phố: Hà Nội, Cần Thơ thực hiện …"
            return (tidy(head + text[m.end(1):named.end()]),), named.end()
        return bodies, m.end()
    return (), 0


def _once(bodies: tuple[str, ...]) -> tuple[str, ...]:
    """``bodies`` in order, each once."""
    return tuple(dict.fromkeys(bodies))


def clause_subjects(text: str) -> tuple[str, ...]:
    """The bodies ``text`` (one clause) makes act, in order."""
    clause = text.strip()
    if clause[:1] in _ASSIGNING:
        assign = _ASSIGN.match(clause)
        if assign is not None:
            return _once(_subject_at(clause[assign.end():]) or _bodies_only(clause[assign.end():]))
        request = _REQUEST.match(clause)
        if request is not None:
            bodies = _subject_at(clause[request.end():]) or _bodies_only(clause[request.end():])
            # "Đề nghị các cơ quan …, Quốc hội" asks a group: its addressees
            return _once(bodies) if bodies and not _COLLECTIVE.match(bodies[0]) else ()
    subject = _subject_at(clause)
    introduced = not subject and _INTRO.match(clause) is not None
    if introduced:
        for after in (m.end() for m in _COMMA.finditer(clause[:240])):
            subject = _subject_at(clause[after:])
            if subject:
                break
    if introduced and not subject and (then := _THEN.search(clause, 0, 240)) is not None:
        subject = _subject_at(clause[then.end():])
    if "," not in clause:  # no mid-clause introduction
        return _once(subject)
    found = list(subject)
    for m in _MID_INTRO.finditer(clause):
        tail = clause[m.end():]
        comma = _COMMA.search(tail[:200])
        if comma is not None:
            found += _subject_at(tail[comma.end():])
    return _once(tuple(found))


def _bodies_only(text: str) -> tuple[str, ...]:
    body = text.lstrip(" *")
    if not starts_with_body(body):
        return ()
    end = body_phrase_end(body)
    return tuple(split_bodies(tidy(body[:end]))) if end else ()


def _open_list(clause: str) -> bool:
    """Whether ``clause`` ends inside a list of bodies after "phối hợp (với)", which the
    next clause (after ";") goes on with."""
    if "hợp" not in clause and "HỢP" not in clause:
        return False
    found = list(_COORDINATE.finditer(clause))
    if not found:
        return False
    rest = clause[found[-1].end():].rstrip(" ,;.")
    return is_whole_body(rest)


def subjects(text: str) -> tuple[str, ...]:
    """The bodies every clause of ``text`` makes act, in order, each once."""
    found: list[str] = []
    in_list = False
    listed: tuple[str, ...] = ()  # "Các sở, ban, ngành; UBND các huyện … tổ chức …"
    for clause in clauses(_PARENTHESES.sub(" ", text)):
        if not in_list:
            here = clause_subjects(clause.text)
            if here:
                found.extend(b for b in (*listed, *here) if b not in found)
                listed = ()
            elif _only_bodies(clause.text):
                listed = (*listed, *_bodies_only(clause.text))
            else:
                listed = ()
        in_list = _open_list(clause.text)
    return tuple(found)


def _only_bodies(clause: str) -> bool:
    """Whether ``clause`` is nothing but a list of bodies."""
    body = clause.strip(" *;,.")
    return is_whole_body(body)


def requested(text: str) -> tuple[str, ...]:
    """The bodies a clause of ``text`` requests to act as a group ("Đề nghị các tỉnh ủy …",
    "Đề nghị các cơ quan của Đảng, Quốc hội …")."""
    found: list[str] = []
    if _REQUESTING.search(text) is None:
        return ()
    for clause in clauses(text):
        m = _REQUEST.match(clause.text)
        if m is None:
            continue
        bodies = _subject_at(clause.text[m.end():]) or _bodies_only(clause.text[m.end():])
        if bodies and _COLLECTIVE.match(bodies[0]):
            found.extend(b for b in bodies if b not in found)
    return tuple(found)


def coordinators(text: str) -> tuple[str, ...]:
    """Bodies named after "phối hợp (với)" in ``text``."""
    lower = text.lower()
    if "hợp" not in lower or "phối" not in lower:
        return ()
    out: list[str] = []
    text = _PARENTHESES.sub(" ", text)
    for m in _COORDINATE.finditer(text):
        rest = text[m.end():]
        while starts_with_body(rest):
            end = body_phrase_end(rest)
            phrase = tidy(rest[:end])
            out.extend(e for e in split_bodies(phrase) if e not in out)
            after = rest[end:]
            if not after.lstrip(" ,").startswith(";"):
                break
            rest = after.lstrip(" ,")[1:].lstrip()  # "phối hợp X; Y và Z rà soát …"
    return tuple(out)


# Items that do not direct action: reports of results, descriptions, closing formulas.
_CLOSING = re.compile(
    r"(?i)^\s*(?:(?:chỉ thị|thông báo|kế hoạch|chương trình|công văn|nghị quyết|kết luận|"
    r"quyết định|hướng dẫn|đề án|quy chế|quy định)\s+này\b|(?:trong )?quá trình (?:tổ chức )?"
    r"(?:thực hiện|triển khai)[^.;]{0,80}?\bnếu\b|nếu có\b|căn cứ\s+(?:nội dung\s+)?"
    r"(?:chỉ thị|thông báo|kế hoạch|chương trình|công văn|nghị quyết|kết luận|quyết định)"
    r"(?: hành động)?\s+này\b|căn cứ (?:luật|nghị|"
    r"quyết|thông tư)|theo đề nghị\b|"
    r"trên đây là\b|(?:văn phòng|ban thường vụ|thường trực)[^.]{0,80}(?:thông báo|trân trọng)\b)")
_CLOSING_ANYWHERE = re.compile(r"(?i)\btrân trọng thông báo|để (?:các đồng chí|các cơ "
                               r"quan)[^.]{0,40}biết\b")
_OBLIGATION = re.compile(r"(?i)\b(?:phải|cần|tiếp tục|đẩy mạnh)\b")  # … still to be done
_PAST = re.compile(case_blind_words("đã", "đạt được", "được ghi nhận", "đã được") + r"\b")
# Verbs a directive opens with ("Tập trung rà soát …", "Tiếp tục …"): an item that
# starts so directs action, whatever past it mentions.
ACTION = re.compile(
    r"(?i)^[\s*]*(?:tiếp tục|tập trung|đẩy mạnh|tăng cường|xây dựng|triển khai|thực hiện|tổ chức|"
    r"nghiên cứu|rà soát|ban hành|hoàn thiện|hoàn thành|nâng cao|phát triển|thúc đẩy|chỉ đạo|"
    r"lãnh đạo|hướng dẫn|quán triệt|tuyên truyền|đổi mới|kiện toàn|bố trí|ưu tiên|huy động|"
    r"bảo đảm|đảm bảo|phối hợp|chủ trì|chủ động|khẩn trương|kiểm tra|theo dõi|đôn đốc|sơ kết|"
    r"tổng kết|đánh giá|phát huy|quan tâm|khuyến khích|hỗ trợ|làm tốt|phấn đấu|giao|đề nghị|"
    r"yêu cầu|cụ thể hóa|sửa đổi|bổ sung|phát động|tham mưu|đề xuất|trình|báo cáo|định kỳ|"
    r"gửi|công bố|cung cấp|tổng hợp)\b")
_PASSIVE_LEAD = re.compile(r"(?i)^\s*(?:kinh phí|nguồn vốn|ngân sách|việc)\b[^,;.]{0,120}?"
                           r"\b(?:được|từ|do)\b")
# A statement of what something is or does: "Môn Tin học giữ vai trò chủ đạo …", "Việc … là
# phương thức quan trọng …".
_ROLE = re.compile(r"(?i)^[^;:.]{0,100}?\b(?:(?:giữ|có|đóng)\s+vai\s+trò|là\s+(?:một\s+)?"
                   r"(?:phương thức|hình thức|giải pháp|yếu tố|động lực|xu hướng|xu thế|"
                   r"nền tảng|điều kiện tiên quyết))\b")
_ROLE_WORDS = ("vai", "là")  # one of them is in every match of _ROLE
# A conclusion's judgement of what it heard: "Cơ bản đồng ý với báo cáo …", "Ghi nhận, đánh
# giá cao …" — it directs nothing ("Biểu dương, tôn vinh doanh nghiệp …" in a plan does).
_JUDGEMENT = re.compile(r"(?i)^[\s*]*(?:(?:cơ bản|về cơ bản)\s+)?(?:đồng ý|nhất trí|ghi nhận|"
                        r"đánh giá cao|hoan nghênh)\b(?!\s+chủ trương)")
# A case and what it is granted: "Đối với các đối tượng đang hưởng … thì được chuyển sang
# hưởng mức …" (the main clause after "thì" is passive; "thì phải" would oblige).
# So is what a case gets after its colon ("Trường hợp …: Được quỹ BHYT thanh toán …"), an
# item that opens with what is granted ("Được hưởng chế độ …"), and what a fund pays
# ("Quỹ BHYT không thanh toán các chi phí …"): rules, not tasks.
_GRANTED = re.compile(
    r"(?i)^(?:[^;:.]{0,240}?\sthì\s+(?:sẽ\s+|vẫn\s+)?được\s"
    r"|[\s*]*(?:(?:trường hợp|đối với)\b[^;:]{0,240}:\s*)?được\s+(?:hưởng|quỹ|miễn|cấp|chi trả|"
    r"thanh toán)\b"
    r"|[\s*]*quỹ\s+(?:\S+\s+){1,3}?(?:không\s+)?(?:thanh toán|chi trả)\b)")
_GRANTED_WORDS = ("được", "quỹ")  # one of them is in every match of _GRANTED
# Who qualifies, not what is to be done: "1.1. Là người có tên trong danh sách …", "Là hộ
# gia đình …" (an eligibility criterion; "Là cơ quan đầu mối …" is a body's role, a task).
_CRITERION = re.compile(r"(?i)^[\s*]*là\s+(?:người|hộ|thân nhân|công dân|đối tượng|trẻ em|"
                        r"học sinh|sinh viên)\b")
# An item that only names a document, a legal basis: "- Quyết định số 749/QĐ-TTg ngày … của
# Thủ tướng Chính phủ phê duyệt …", wherever it stands.
_CITATION_ITEM = re.compile(
    r"(?i)^[\s*]*(?:luật|bộ luật|nghị quyết|nghị định|quyết định|chỉ thị|thông tư|kế hoạch|"
    r"chương trình|kết luận|thông báo|công văn|hướng dẫn|văn bản|quy định)(?:\s+liên tịch)?"
    r"\s+(?:số\s*:?\s*)?\d[^\s,;:]*(?:\s*,?\s*ngày\s*\d[^\s,;:]*)?\s*(?:,|của\b|về\b|"
    r"ban hành\b|phê duyệt\b|quy định\b|hướng dẫn\b|$)")
# A normative passive: "Việc phát triển … cần được chú trọng" directs.
_MODAL = re.compile(r"(?i)\b(?:cần|phải)\b")
# A line of a schedule of quotas, a target and nothing else: "- Năm 2022: 94 xã, phường, thị
# trấn.", "Đến năm 2025: 100% hồ sơ …".
# The year label of a schedule's line: "Năm 2022:", "Đến hết năm 2025:", "Giai đoạn 2026-2030:".
YEAR_LABEL = (r"(?:(?:đến|tới)\s+(?:hết\s+)?)?(?:năm|giai đoạn)\s+(?:19|20)\d\d"
              r"(?:\s*[-–]\s*(?:19|20)\d\d)?\s*:")
_QUOTA = re.compile(rf"(?i)^[\s*]*{YEAR_LABEL}\s*(?:có\s+)?(?:(?:khoảng|ít nhất|tối thiểu|"
                    r"trên|đạt)\s+)?\d[\d.,]*\s*%?[^.;:\n]{0,100}[.;]?\s*$")

# A rate a policy sets: "Định suất cơ bản từ 80.000 đồng/người/tháng lên 240.000 …", "Mức hỗ
# trợ: 40 triệu đồng/hộ", "Mức trợ cấp hàng tháng cho …".
_RATE = re.compile(r"(?i)^[\s*]*(?:(?:định suất|định mức|mức)\b[^.;\n]{0,80}?\d[\d.,]*\s*"
                   r"(?:triệu\s+|nghìn\s+|ngàn\s+)?đồng\b"
                   # "Mức trợ cấp hàng tháng cho các đối tượng … (theo biểu số 1 …)"
                   r"|(?:mức|định suất)\s+(?:trợ cấp|trợ giúp|hỗ trợ|phụ cấp)\b)")


def is_rate(text: str) -> bool:
    """Whether ``text`` states a rate a policy sets ("Định suất cơ bản từ 80.000
    đồng/người/tháng lên 240.000 …"): neither a task nor a target."""
    return _RATE.match(text) is not None


def is_closing(text: str) -> bool:
    """Whether ``text`` is a closing formula or a conditional of the document."""
    return _is_closing(text, text.lower())


def _is_closing(text: str, lower: str) -> bool:
    """:func:`is_closing`, ``lower`` being ``text.lower()``."""
    if _CLOSING.match(text):
        return True
    return ("trân trọng" in lower or "biết" in lower) and bool(_CLOSING_ANYWHERE.search(text))


def is_directive(text: str) -> bool:
    """Whether ``text`` directs action (rather than report, describe or close)."""
    lower = text.lower()
    if not text.strip() or _is_closing(text, lower):
        return False
    passive = _PASSIVE_LEAD.match(text)
    if (passive and not _MODAL.search(passive[0])) or _QUOTA.match(text) or _RATE.match(text):
        return False
    role = _ROLE.match(text) if may_hold(text, _ROLE_WORDS, lower) else None
    if (role and not _MODAL.search(role[0])) or _JUDGEMENT.match(text) \
            or _CITATION_ITEM.match(text) or _CRITERION.match(text) \
            or (may_hold(text, _GRANTED_WORDS, lower) and _GRANTED.match(text)):
        return False
    if ACTION.match(text):
        return True
    head = text[:80]
    return not (_PAST.search(head) and not _OBLIGATION.search(head))
