"""Bodies (organisations) named in policy texts: phrases, lists and canonical entities.

- :func:`body_phrase_end` — where a body phrase that starts a clause ends (before
  its verb: "Ban Tuyên giáo Tỉnh ủy | hướng dẫn …").
- :func:`starts_with_body` — whether a clause opens with a body as its subject.
- :func:`split_bodies` — a list of bodies split the way the genre writes lists:
  a new entry at ";" and at "," / "và" followed by a new determiner ("các") or a
  new named head; bare nouns sharing one determiner or head stay together.
- :func:`canonical_body` — one entity per body: abbreviations spelled out, one
  tone-mark style and capitalisation, scoped to the province or to the centre.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from itertools import islice

from policykg.core.vntext import expand_abbreviations, fold, normalize, slug
from policykg.loaders.clean import tidy

_WORD = re.compile(r"[^\s,;:()\[\]“”\"]+|[,;:()\[\]“”\"]")

# Verbs and function words that end a body phrase (lower case, syllables spaced).
_STOPS_2 = frozenset({
    "nhất là", "chỉ đạo", "hướng dẫn", "tập trung", "căn cứ", "chủ trì", "phối hợp", "xây dựng",
    "triển khai", "thực hiện", "lãnh đạo", "đẩy mạnh", "tăng cường", "khẩn trương",
    "thường xuyên", "tiếp tục", "nghiên cứu", "ban hành", "theo dõi", "kiểm tra", "rà soát",
    "quán triệt", "tuyên truyền", "chịu trách", "báo cáo", "định kỳ", "đôn đốc",
    "quan tâm", "chủ động", "tích cực", "kịp thời", "cụ thể", "bố trí", "phát huy",
    "nâng cao", "đề xuất", "tiếp thu", "đẩy nhanh", "giám sát", "phổ biến", "tham gia",
    "vận động", "sơ kết", "tổng kết", "ưu tiên", "huy động", "đảm bảo", "bảo đảm",
    "hoàn thành", "hoàn thiện", "sửa đổi", "bổ sung", "tham mưu", "nghiêm túc", "xem xét",
    "thống nhất", "quyết liệt", "khẩn cấp", "đề nghị", "yêu cầu", "trình bày", "cử cán",
    "phân công", "hỗ trợ", "tạo điều", "đánh giá", "phát động", "phát triển", "thúc đẩy",
    "chú trọng", "rút kinh", "ứng dụng", "thẩm định", "tổ chức", "trực tiếp", "học tập",
    "vận hành", "đi đầu", "làm việc", "xác định", "chấp hành", "cung cấp",
    "chuẩn bị", "nắm bắt", "phát hiện", "đưa ra", "khắc phục", "gắn kết", "cử người",
    "có trách", "tiến hành", "duy trì", "tổng hợp", "đăng ký", "cam kết", "phê duyệt",
    "bảo vệ", "chia sẻ", "kết nối", "tuân thủ", "giải quyết",
    "tiếp nhận", "thống kê", "công bố", "công khai", "chỉ huy", "điều hành", "quản lý",
    "lựa chọn", "giới thiệu", "cho ý", "trân trọng", "dành thời", "góp ý", "lấy ý",
    "đào tạo", "bồi dưỡng", "cập nhật", "số hóa", "số hoá", "biên soạn", "phát hành",
    "đăng tải", "nâng cấp", "hoàn chỉnh",
})
_STOPS_1 = frozenset({
    "phải", "cần", "giúp", "có", "làm", "sớm", "để", "nhằm", "trong", "theo", "đã", "sẽ",
    "được", "là", "về", "trên", "với", "khi", "nếu", "cùng", "đối", "từ", "tại", "đưa",
    "giao", "gửi", "trình", "nêu", "lập", "kính", "xin", "mở",
})
# Compound nouns whose parts are verbs elsewhere: "cơ quan tham mưu, giúp việc".
_NOUN_AFTER = {
    "tham mưu": frozenset({"quan"}),
    "giúp": frozenset({"mưu", ","}),
    "nghiên cứu": frozenset({"viện", "cơ", "sở"}),
    "đào tạo": frozenset({"sở", "trường", "tâm", "viện"}),  # "các cơ sở đào tạo"
    "bồi dưỡng": frozenset({"sở", "trường", "tâm", ","}),  # "… đào tạo, bồi dưỡng giáo viên"
    "tổ chức": frozenset({"các", "những", ",", "và", "cơ", "mọi"}),
    "phát triển": frozenset({"quỹ"}),
    "xây dựng": frozenset({"ban"}),
    "thúc đẩy": frozenset(),
    "trên": frozenset(),
}
# What a bare head's name can open with although it is a verb elsewhere: the field
# or work of a department ("Tổng cục thống kê", "Cục quản lý dược", "Sở xây dựng").
_WORK_NAMES = frozenset({
    "quản lý", "thống kê", "chỉ đạo", "kiểm tra", "tổ chức", "phát triển", "nghiên cứu",
    "xây dựng", "đào tạo", "tuyên truyền", "ứng dụng", "hỗ trợ", "giám sát", "thẩm định",
    "đánh giá", "vận động", "phổ biến", "bảo vệ", "điều hành", "chỉ huy", "tiếp nhận",
    "đăng ký", "bồi dưỡng"})
_NAME_AFTER_HEAD = {
    **{head: _WORK_NAMES for head in (
        "cục", "tổng cục", "chi cục", "vụ", "viện", "ban", "trung tâm", "hội đồng", "phòng",
        "ủy ban", "uỷ ban", "văn phòng")},
    # a ministry's or department's bare head governs, so only its field is read on
    "sở": frozenset({"xây dựng"}), "bộ": frozenset({"xây dựng"}),
}
_NOUN_BEFORE = {"tổ chức": frozenset({"đảng", "chính", "khoa", "đoàn", "xã", "quốc", "sự"}),
                "giúp": frozenset({"việc"})}

# Capitalised heads that name a new body in a list ("…, Sở Tài chính").
_HEADS = (
    "Ban", "Sở", "Ủy ban", "Uỷ ban", "UBND", "HĐND", "MTTQ", "Đảng đoàn", "Đảng ủy",
    "Đảng uỷ", "Đảng bộ", "Mặt trận", "Văn phòng", "Thường trực", "Huyện ủy", "Thành ủy",
    "Tỉnh ủy", "Huyện uỷ", "Thành uỷ", "Tỉnh uỷ", "Hội đồng", "Liên hiệp", "Liên đoàn",
    "Công an", "Bộ", "Cơ quan", "Trung tâm", "Tỉnh đoàn", "Thành đoàn", "Hội", "Chi bộ",
    "Cấp ủy", "Cấp uỷ", "BCS", "BTV", "Thủ trưởng", "Người đứng đầu", "Quân khu",
    "Bộ Chỉ huy", "Tòa án", "Viện", "Kho bạc", "Ngân hàng", "Cục", "Chi cục", "Trường",
    "Đài", "Báo", "Đoàn", "Ủy ban Kiểm tra", "Đại học", "Tổng cục", "Chính phủ",
    "Quốc hội", "Thủ tướng", "Doanh nghiệp", "Thanh tra", "Hiệp hội", "Liên minh", "Chủ đầu tư",
    "Thông tấn xã", "Kiểm toán", "Tập đoàn", "Tổng công ty", "Công ty", "Học viện", "Quỹ",
    "Chủ tịch", "Bộ trưởng", "Giám đốc", "Viện kiểm sát", "Tổ công tác", "Tổ đảng",
    "Ban cán sự", "Ban Chỉ đạo", "Ban Quản lý", "VTV", "VOV", "TTXVN", "Văn phòng",
    "Vụ", "Phòng", "Bệnh viện", "Chi nhánh", "Hợp tác xã", "Trạm",  # a ministry's, a district's
    # institutions, not "Cơ sở dữ liệu"
    "Cơ sở giáo dục", "Cơ sở đào tạo", "Cơ sở y tế", "Cơ sở khám",
    # two-syllable heads as older or hasty typing capitalises them: "Tổng Cục Quản lý …"
    "Tổng Cục", "Chi Cục", "Ủy Ban", "Uỷ Ban", "Hội Đồng", "Mặt Trận", "Trung Tâm",
    "Văn Phòng",
)
# Heads that are bodies only before a name: a role or a locality of a named body
# ("Tổ trưởng Tổ đảng …", "Chủ nhiệm Văn phòng …", "Thành phố Hà Nội").  Not "Lãnh
# đạo": a committee "lãnh đạo Hội đồng nhân dân …" leads it.
_NAMED_HEADS = ("Tổ trưởng", "Chủ nhiệm", "Trưởng", "Phó Chủ tịch", "Bí thư",
                "Hiệu trưởng", "Viện trưởng", "Tổng Giám đốc", "Thành phố", "Thủ đô", "Tỉnh")
# Agencies named after what they run, with their level or place after them ("Bảo hiểm xã
# hội Việt Nam", "BHXH các tỉnh"), not the thing itself ("bảo hiểm xã hội bắt buộc").
_AGENCY_HEADS = ("Bảo hiểm xã hội", "BHXH")
_HEAD_RE = re.compile(
    r"(?:" + "|".join(re.escape(h) for h in sorted(_HEADS, key=len, reverse=True))
    + r")(?![^\W\d_])|(?:" + "|".join(re.escape(h) for h in _NAMED_HEADS)
    + r")(?=\s+(?:các\s|[A-ZĐÀ-Ỹ]))|(?:" + "|".join(_AGENCY_HEADS)
    + r")(?=\s+(?:các\s|tỉnh\b|thành phố\b|huyện\b|quận\b|[A-ZĐÀ-Ỹ]))"
    # a team: "Tổ công nghệ số cộng đồng", not "Tổ chức" (to organise), "Tổ quốc"
    r"|Tổ(?=[ \t]+(?!chức\b|quốc\b|hợp\b)[a-zđà-ỹ])")
# What a body opens with: a head's first letter, or a determiner's ("các", "Những", "mọi").
_ALL_HEADS = (*_HEADS, *_NAMED_HEADS, *_AGENCY_HEADS)
_BODY_INITIALS = frozenset(h[0] for h in _ALL_HEADS) | frozenset("cCnNmM")
_HEAD_OPENINGS = frozenset(h[:2] for h in _ALL_HEADS)  # what _HEAD_RE opens with
# Words a head opens that are not bodies: "Ban hành", "Báo cáo", "Sở hữu", "Hội nghị".
_NOT_BODY = re.compile(r"(?:Ban hành|Báo cáo|Đoàn kết|Bộ máy|Bộ tiêu chí|Bộ chỉ số|Hội nhập|"
                       r"Hội nghị|Hội thảo|Hội thi|Sở hữu|Trường hợp|Cục bộ|Vụ việc|Vụ án|"
                       r"Phòng,? chống|Phòng ngừa|Phòng thủ|Phòng cháy|"
                       r"(?:Cơ quan|Đơn vị)[ \t]+(?:chủ trì|phối hợp|thực hiện)[ \t]*:"
                       r")(?![^\W\d_])")  # a field's label
_DETERMINER = re.compile(r"(?i)(?:các|những|mọi)\s")
_DETERMINER_INITIALS = frozenset("cCnNmM")
# Lower-case words that open a collective subject after "các" ("các sở, ngành …").
_COLLECTIVE_NOUNS = frozenset({
    "cấp", "cơ", "ban", "sở", "ngành", "huyện", "thành", "đảng", "tổ", "đoàn", "địa",
    "đơn", "đồng", "trường", "viện", "phòng", "chi", "hội", "xã", "tỉnh", "doanh", "hợp",
    "bộ", "ủy", "uỷ", "chính", "lực", "trung", "quận", "phường", "thị", "văn", "nhà", "tập",
    "ngân", "thủ", "lãnh", "người", "đài", "báo", "học", "công", "kho", "thường", "hiệp",
    "liên", "bệnh", "khu", "tòa", "viên", "cán", "chủ", "đại",
})
_INNER_DETERMINER = re.compile(r"\S\s+(?:các|những)\s+(?!cấp\b)")
# Lower-case heads of a new entry that name a role ("…, người đứng đầu cơ quan").
_ROLE = re.compile(r"(?:người đứng đầu|thủ trưởng|nhà [^\W\d_]+|một số)\b")


# A name that reaches a committee or locality ("… trực thuộc Trung ương", "… tỉnh") ends
# there unless the list or the name goes on ("tỉnh ủy", "thành phố trực thuộc").
_TAILS = frozenset({"tỉnh", "trung ương", "thành phố", "liên quan", "các cấp", "tỉnh ủy",
                    "thành ủy", "huyện ủy", "quận ủy", "thị ủy", "tỉnh uỷ", "thành uỷ", "huyện uỷ"})
_TAIL_ENDS = frozenset(tail.rsplit(" ", 1)[-1] for tail in _TAILS if " " in tail)
_AFTER_TAIL = frozenset({"ủy", "uỷ", "đoàn", "trực", "thuộc", "và", "các", "có", "liên", "quan",
                         "thành", "phố", "khóa", "khoá", ",", ";", "(", "-", "–"})


def _after_tail(low: list[str], i: int, words: list[str] | None = None) -> bool:
    """Whether the word at ``i`` (not the first, not one of :data:`_AFTER_TAIL`) follows a
    completed committee or locality name: a tail ("… tỉnh", "… có liên quan") or what a
    body belongs to ("… trực thuộc Bộ")."""
    prev = low[i - 1]
    if prev in _TAILS:
        return True
    if i < 2:
        return False
    if words is not None and low[i - 2] == "thuộc" and _HEAD_RE.fullmatch(words[i - 1]):
        return True  # "… trực thuộc Bộ lựa chọn": a bare head ends the name
    return prev in _TAIL_ENDS and f"{low[i - 2]} {prev}" in _TAILS


# Words that can open a stop: the quick test before the pools are looked up.
_STOP_OPENERS = _STOPS_1 | {key.split()[0] for key in _STOPS_2}


def _is_stop(low: list[str], i: int) -> bool:
    """Whether the (lower-case) word at ``i``, one of :data:`_STOP_OPENERS`, starts the
    predicate ending a body phrase."""
    prev = low[i - 1] if i else ""
    for size, pool in ((2, _STOPS_2), (1, _STOPS_1)):
        if i + size > len(low):
            continue
        key = " ".join(low[i:i + size])
        if key not in pool:
            continue
        if prev in _NOUN_AFTER.get(key, frozenset()):
            return False
        if i <= 2 and key in _NAME_AFTER_HEAD.get(" ".join(low[:i]), ()):
            return False
        after = low[i + size] if i + size < len(low) else ""
        if after in _NOUN_BEFORE.get(key, frozenset()):
            return False
        if key == "tổ chức":
            # after a body, "tổ chức" is its verb ("… địa phương tổ chức tổng rà soát"),
            # unless a list of nouns goes on ("tổ chức, cá nhân")
            return after not in {",", "và", "cá", ";", ""}
        return True
    return False


_LONGEST_NAME = 300
# Complements that go on a body's name although they open with a stop word.
_GOES_ON = {"có": ("liên", "quan"), "trên": ("địa", "bàn"), "trực": ("thuộc",)}


def body_phrase_end(phrase: str) -> int:
    """Length of the body phrase at the start of ``phrase`` (before its verb or ":")."""
    end = _phrase_words(phrase)
    return len(phrase[:end].rstrip(" ,.")) if end else 0


# Words after the one read that its tests look at (a stop's second word and the word
# after it, a complement's two words), and how far a read goes on to the next space.
_LOOKAHEAD = 3
_PHRASE_ENDS = frozenset({":", "(", ")", "."})
_READ = 48


def _phrase_words(phrase: str) -> int:
    """Where the last of the words of ``phrase[:_LONGEST_NAME]`` the body phrase takes ends
    (0 when it takes none).  Words are read a stretch at a time, each ending at a space (no
    word crosses one), as far as the tests look."""
    words: list[str] = []
    low: list[str] = []
    stretches: list[tuple[int, int, int]] = []  # (words before it, start, end) of each read
    end = min(len(phrase), _LONGEST_NAME)
    read = 0  # where the words read so far end
    taken = 0
    i = 0
    while True:
        while len(words) < i + _LOOKAHEAD and read < end:
            stop = phrase.find(" ", read + _READ, end)
            stop = end if stop < 0 else stop
            more = _WORD.findall(phrase, read, stop)
            stretches.append((len(words), read, stop))
            words += more
            low += map(str.lower, more)
            read = stop
        if i >= len(low):
            break
        word = low[i]
        if word in _PHRASE_ENDS:
            break
        if word[-1] == ".":  # the sentence ends with this word
            taken = i + 1
            break
        if i:
            goes_on = _GOES_ON.get(word)
            if goes_on and tuple(low[i + 1:i + 1 + len(goes_on)]) == goes_on:
                i += 1 + len(goes_on)  # "… có liên quan", "… trên địa bàn thành phố"
                taken = i
                continue
            if not words[i][0].isupper() and (
                    (word in _STOP_OPENERS and _is_stop(low, i))
                    or (word not in _AFTER_TAIL and _after_tail(low, i, words))):
                break
        i += 1
        taken = i
    if not taken:
        return 0
    before, start, stop = next(s for s in reversed(stretches) if s[0] < taken)
    last = next(islice(_WORD.finditer(phrase, start, stop), taken - 1 - before, None))
    return last.end()


def starts_with_body(clause: str) -> bool:
    """Whether ``clause`` opens with a body: a named head or "các" + a body noun."""
    clause = clause.lstrip(" *")
    if clause[:1] not in _BODY_INITIALS:
        return False
    if clause[:2] in _HEAD_OPENINGS and _HEAD_RE.match(clause):
        return not _NOT_BODY.match(clause)
    det = _DETERMINER.match(clause) if clause[:1] in _DETERMINER_INITIALS else None
    if det:
        rest = clause[det.end():].split(maxsplit=1)
        return bool(rest) and rest[0].lower().strip(",;.") in _COLLECTIVE_NOUNS
    return False


def _opens_entry(segment: str, after: str) -> bool:
    """Whether ``segment`` of a list starts a new body after the entry ``after``."""
    seg = segment.lstrip()
    return bool(_DETERMINER.match(seg) or (_HEAD_RE.match(seg) and not _NOT_BODY.match(seg))
                or _ROLE.match(seg)
                or _INNER_DETERMINER.search(seg)
                or (_ORGANISATION_NOUN.match(seg) and _proper_name(after)))


def _proper_name(entry: str) -> bool:
    """A body named by a proper name ("Ban Bí thư Trung ương Đoàn …"), not a role or a
    bare noun ("Thủ trưởng cơ quan ngang bộ", "Tập đoàn")."""
    words = entry.split()
    return (not _DETERMINER.match(entry) and not _ROLE_HEAD.match(entry)
            and sum(w[:1].isupper() for w in words) >= 3)


_SEPARATOR = re.compile(r"\s*(;|,|\svà\s)\s*")
# Lower-case nouns of organisations that, after a named body, start another entry
# ("Ban Bí thư Trung ương Đoàn …, hội quần chúng"); after "các …" they share its
# determiner ("các cấp ủy, tổ chức đảng").
_ROLE_HEAD = re.compile(r"(?:Thủ trưởng|Người đứng đầu|Chủ tịch|Bộ trưởng|Giám đốc|Lãnh đạo)\b")
_ORGANISATION_NOUN = re.compile(r"(?:hội|tổ chức|cơ quan|đơn vị|doanh nghiệp|hiệp hội|"
                                r"đoàn thể|trường|viện)\b")


# Two ministries or departments with no separator, as a table cell's lines run together:
# "Bộ Thông tin và Truyền thông Bộ Khoa học và Công nghệ" (the head recurs; a name holds it
# once: "Văn phòng Bộ …" is one body).
_REPEATED_HEAD = {head: re.compile(rf"(?<=[^\W\d_]) (?={head} [A-ZĐÀ-Ỹ])") for head in ("Bộ", "Sở")}


def _split_repeated_head(entry: str) -> list[str]:
    if _ROLE_HEAD.match(entry):  # "Bộ trưởng Bộ Công an": a role of the body it names
        return [entry]
    pattern = _REPEATED_HEAD.get(entry.split(" ", 1)[0])
    return pattern.split(entry) if pattern is not None else [entry]


def split_bodies(phrase: str) -> list[str]:
    """Split a list of bodies into entries, keeping shared determiners and heads."""
    parts = _SEPARATOR.split(" " + phrase.strip() + " ")
    entries: list[str] = []
    current = parts[0].strip()
    for k in range(1, len(parts) - 1, 2):
        sep, segment = parts[k].strip(), parts[k + 1].strip()
        if not segment:
            continue
        if not current:
            current = segment
        elif sep == ";" or _opens_entry(segment, current):
            entries.append(current)
            current = segment
        else:
            current += (", " if sep == "," else " và ") + segment
    if current:
        entries.append(current)
    cleaned = (tidy(e).strip(". ,;") for e in entries)
    return [part for e in cleaned if e for part in _split_repeated_head(e)]


@dataclass(frozen=True)
class BodyEntity:
    """One canonical body; ``part_of`` is the id of the committee it belongs to."""

    id: str
    name: str
    scope: str
    collective: bool
    aliases: tuple[str, ...]
    part_of: str | None
    part_of_name: str | None


_CENTRAL = re.compile(r"(?i)\b(?:trung ương|bộ chính trị|ban bí thư|chính phủ|quốc hội|"
                      r"thủ tướng)")
_LOCAL_TAIL = re.compile(r"(?i)(?:tỉnh ủy|thành ủy|huyện ủy|tỉnh đoàn|thành đoàn|"
                         r"tỉnh|thành phố|huyện)$")
_COMMITTEE = re.compile(r"^(.+?)\s+((?:Tỉnh|Thành|Huyện) ủy)$")
_PARTY_CELL = re.compile(r"(?i)\b(ban cán sự|đảng đoàn) đảng\b|\b(ban cán sự) Đảng\b")
_CAPITALISED = (("ủy ban nhân dân", "Ủy ban nhân dân"), ("hội đồng nhân dân",
                "Hội đồng nhân dân"), ("mặt trận tổ quốc", "Mặt trận Tổ quốc"))


def _canonical_case(name: str, collective: bool) -> str:
    name = _PARTY_CELL.sub(lambda m: (m.group(1) or m.group(3)) + " đảng", name)
    for low, cap in _CAPITALISED:
        name = re.sub(re.escape(low), cap, name, flags=re.IGNORECASE)
    if _DETERMINER.match(name + " "):
        return name[0].lower() + name[1:]
    if not collective:
        name = re.sub(r"(?i)\b(tỉnh|thành|huyện) ủy\b",
                      lambda m: m.group(1).capitalize() + " ủy", name)
    return name[:1].upper() + name[1:]


# "cấp ủy, chính quyền": bare nouns listed under one determiner or head.
_BARE_LIST = re.compile(r",\s*[^\W\d_A-ZĐÀ-Ỹ]")
# Boards of one committee written with a shared head and tail: "Ban Tuyên giáo, Dân vận
# Tỉnh ủy" is two boards.  Only commas split: "Ban Tuyên giáo và Dân vận" is one board.
_SHARED_HEAD = re.compile(r"^(Ban)\s+(.+?)\s+((?:Tỉnh|Thành|Huyện|Quận|Thị|Đảng) ủy(?:\s+\S.*)?"
                          r"|Trung ương(?:\s+Đảng)?)$")
_PROPER = re.compile(r"[A-ZĐÀ-Ỹ]")


def _shared_head_names(surface: str) -> list[str]:
    """``surface`` spelled out as one name per board when it lists boards of one head."""
    m = _SHARED_HEAD.match(surface)
    if m is None or "," not in m.group(2):
        return [surface]
    names = [n.strip() for n in m.group(2).split(",")]
    if not all(n and _PROPER.match(n) and not _HEAD_RE.match(n) for n in names):
        return [surface]
    return [f"{m.group(1)} {n} {m.group(3)}" for n in names]


def canonical_bodies(surface: str, *, province: str | None,
                     central: bool = False) -> tuple[BodyEntity, ...]:
    """One entity per body named in ``surface``: lists are split (:func:`split_bodies`) and
    boards sharing a head ("Ban Tuyên giáo, Dân vận Tỉnh ủy") are spelled out one by one;
    collective addressees ("các sở, ngành") stay one collective entity."""
    written = " ".join(normalize(surface).split()).strip(" ,;.*")
    entities: dict[str, BodyEntity] = {}
    for entry in split_bodies(written):
        names = [entry] if _DETERMINER.match(entry + " ") else _shared_head_names(entry)
        for name in names:
            body = canonical_body(name, province=province, central=central)
            entities.setdefault(body.id, body)
    return tuple(entities.values())


def is_whole_body(phrase: str) -> bool:
    """Whether ``phrase`` is one body's name and nothing more ("Sở Công Thương", "Ban Chỉ
    đạo chuyển đổi số huyện X"), by the grammar of names."""
    return starts_with_body(phrase) and body_phrase_end(phrase) >= len(phrase) - 1


def is_collective(name: str) -> bool:
    """Whether ``name`` names a class of bodies ("các sở, ban, ngành", "UBND các huyện")
    rather than one body."""
    return bool(_DETERMINER.match(name + " ") or _INNER_DETERMINER.search(name))


def canonical_body(surface: str, *, province: str | None, central: bool = False) -> BodyEntity:
    """The canonical entity for a body named ``surface`` in a document of ``province``."""
    written = " ".join(normalize(surface).split()).strip(" ,;.*")
    expanded = " ".join(expand_abbreviations(written).split())
    collective = bool(_DETERMINER.match(expanded + " ") or _BARE_LIST.search(expanded)
                      or _INNER_DETERMINER.search(expanded))
    base = _canonical_case(expanded, collective)
    is_central = central or bool(_CENTRAL.search(base))
    scope = "tw" if is_central else (slug(province) if province else "local")
    name = base
    if not (is_central or collective) and province and _LOCAL_TAIL.search(base) \
            and fold(province) not in fold(base):
        name = f"{base} {normalize(province)}"
    part_of: str | None = None
    part_of_name: str | None = None
    committee = _COMMITTEE.match(base)
    if committee and not (is_central or collective):
        part_of_name = committee.group(2) + (f" {normalize(province)}" if province else "")
        part_of = f"{scope}:{slug(committee.group(2))}"
    elif is_central and base.endswith("Trung ương") and not base.startswith("Ban Chấp hành"):
        part_of_name = "Ban Chấp hành Trung ương"
        part_of = "tw:ban-chap-hanh-trung-uong"
    aliases = tuple(dict.fromkeys(a for a in (written, base) if a != name))
    return BodyEntity(id=f"{scope}:{slug(base)}", name=name, scope=scope,
                      collective=collective, aliases=aliases, part_of=part_of,
                      part_of_name=part_of_name)
