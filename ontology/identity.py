"""Document numbers and canonical ids (pure functions).

Numbers come in two forms:

- Party form ``SEQ-CODE/ISSUER``: ``20-NQ/TW``, ``29-CTr/TU``, ``1046-CV/TU``;
- State form ``SEQ/CODE-ISSUER`` or ``SEQ/YEAR/CODE-ISSUER``: ``46/NQ-CP``,
  ``696/QĐ-TTg``, ``12/2024/NĐ-CP``; laws and resolutions of the National
  Assembly have no type code and a numbered legislature: ``29/2013/QH13``.

Numbers repeat across terms and provinces, so a canonical id carries the
issuing scope, the year and the number::

    tw:2012:20-nq-tw          Nghị quyết 20-NQ/TW of 2012 (not the one of 2017)
    thai-nguyen:2013:29-ctr-tu
    cp:2023:46-nq-cp
    kon-tum:undated:kh-3f9a1c2e   an unnumbered, undated plan (hash of its title)

``undated`` stands where the year is not known.
"""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass, replace
from functools import lru_cache

from policykg.core.errors import InvalidNumber, InvalidParameter, ReferenceNotFound
from policykg.core.provinces import province_named, province_names
from policykg.core.vntext import fold, normalize, slug
from policykg.ontology.records import KIND_NAMES_VI, DocumentKind

# Type codes (the part of a number that names the kind of document).
KIND_BY_CODE: dict[str, DocumentKind] = {
    "NQ": DocumentKind.NghiQuyet,
    "KL": DocumentKind.KetLuan,
    "CT": DocumentKind.ChiThi,
    "KH": DocumentKind.KeHoach,
    "CTR": DocumentKind.ChuongTrinh,
    "TB": DocumentKind.ThongBao,
    "CV": DocumentKind.CongVan,
    "QĐ": DocumentKind.QuyetDinh,
    "QD": DocumentKind.QuyetDinh,
    "BC": DocumentKind.BaoCao,
    "HD": DocumentKind.HuongDan,
}
CODE_BY_KIND: dict[DocumentKind, str] = {
    DocumentKind.NghiQuyet: "NQ", DocumentKind.KetLuan: "KL", DocumentKind.ChiThi: "CT",
    DocumentKind.KeHoach: "KH", DocumentKind.ChuongTrinh: "CTr", DocumentKind.ThongBao: "TB",
    DocumentKind.CongVan: "CV", DocumentKind.QuyetDinh: "QĐ", DocumentKind.BaoCao: "BC",
    DocumentKind.HuongDan: "HD", DocumentKind.Other: "VB",
}
# Issuer codes that name a nation-wide scope; any other code (TU, HU, ĐU, BCSĐ …)
# is local and takes the province of the citing document.
NATIONAL_SCOPES = {"TW": "tw", "CP": "cp", "HĐBT": "cp", "TTG": "ttg", "QH": "qh",
                   "UBTVQH": "ubtvqh", "CTN": "ctn", "BCT": "tw", "BBT": "tw"}

# Issuer codes may hold digits ("ĐĐQH15") and several segments ("BKHCN-BTTTT-VP").
_PARTY = re.compile(
    r"^(?P<seq>\d+[a-z]?)-(?P<code>[A-ZĐa-zđ]+)/"
    r"(?P<issuer>[A-ZĐa-zđ][A-ZĐa-zđ.]*\d{0,2}(?:-[A-ZĐa-zđ][A-ZĐa-zđ0-9]*)*)$"
)
_STATE = re.compile(
    r"^(?P<seq>\d+[a-z]?)/(?:(?P<year>(?:19|20)\d\d)/)?(?P<code>[A-ZĐa-zđ]+)-"
    # (a unit "&" another: "4236/SXD-QLN&CS")
    r"(?P<issuer>[A-ZĐa-zđ][A-ZĐa-zđ0-9]*(?:&[A-ZĐa-zđ]+)?"
    r"(?:-[A-ZĐa-zđ][A-ZĐa-zđ0-9]*(?:&[A-ZĐa-zđ]+)?)*)$"
)
# State numbers without a type code name their issuer first ("86549/UBND-NCKS",
# "10704/VPCP-KSTT"): official letters.  Codes of kinds outside ours: decrees,
# circulars, submissions, regulations, laws.
_OTHER_CODES = frozenset({"NĐ", "ND", "TT", "TTLT", "TTR", "QĐI", "QC", "QH", "L", "PL",
                          "ĐA", "TTRA", "QY"})
_SPACES = re.compile(r"\s+")
_HORNED = re.compile(r"/T\.?Ư$")
_MINISTRY = re.compile(r"B[A-ZĐ]{1,6}")
# "29/2013/QH13": no type code (kind ``Other``), the legislature's number after the issuer.
_LEGISLATIVE = re.compile(r"^(?P<seq>\d+)/(?P<year>(?:19|20)\d\d)/(?P<issuer>[A-ZĐ]+\d{1,2})$")
# A letter numbered by its issuer's acronym alone: "196/LHHVN" (of Liên hiệp các Hội KH&KT
# Việt Nam), read only where a label names it ("Văn bản số 196/LHHVN").
_ISSUER_ONLY = re.compile(r"^(?P<seq>\d{1,6})/(?P<issuer>[A-ZĐ][A-ZĐ0-9]{2,11}|TTg)$")
# Numbers of the years before the State's present form: "169-CP" (a decision of the Hội
# đồng Chính phủ), "12-HĐBT" (of the Hội đồng Bộ trưởng); "299/TTg" is read as above.
_OLD_GOVERNMENT = re.compile(r"^(?P<seq>\d{1,4})-(?P<issuer>CP|HĐBT)$")


@dataclass(frozen=True)
class ParsedNumber:
    """The parts of a document number."""

    text: str  # as normalised: "20-NQ/TW"
    seq: str
    code: str  # type code, upper case ("NQ", "CTR", "QĐ")
    issuer: str  # issuer code, upper case ("TW", "TU", "CP", "TTG")
    form: str  # "party" or "state"
    year: int | None = None  # state numbers may embed their year
    # the issuer written "TƯ" or "T.Ư": Trung ương, read as ``TW``, unless the text around
    # it says a provincial committee's "TU" typed with a horn (:meth:`committees`)
    horned: bool = False

    def committees(self) -> ParsedNumber:
        """This number read as a local committee's: "445-KL/TƯ" → "445-KL/TU"."""
        if not self.horned:
            return self
        return replace(self, text=self.text[: -len(self.issuer)] + "TU", issuer="TU",
                       horned=False)

    @property
    def kind(self) -> DocumentKind:
        found = KIND_BY_CODE.get(self.code)
        if found is not None:
            return found
        if self.form == "state" and self.code and self.code not in _OTHER_CODES and \
                len(self.code) >= 3:
            return DocumentKind.CongVan  # "86549/UBND-NCKS": a letter, named by its issuer
        return DocumentKind.Other

    @property
    def national_scope(self) -> str | None:
        """Scope slug when the issuer code is nation-wide, else ``None`` (local)."""
        code = self.issuer.split("-")[0].replace(".", "").rstrip("0123456789")
        found = NATIONAL_SCOPES.get(code)
        if found:
            return found
        if code.endswith("TW"):  # central Party bodies: "BCĐTW", "BTGDVTW", "VPTW"
            return "tw"
        if code.endswith("QH"):  # "ĐĐQH15": the Party caucus of the National Assembly
            return "qh"
        if code == "VPCP":
            return "cp"
        if self.form == "state" and _MINISTRY.fullmatch(code):
            return slug(code)  # a ministry: "BKHCN", "BTTTT"
        return None


@lru_cache(maxsize=4096)  # a document cites a number again and again; the result is frozen
def parse_number(number: str) -> ParsedNumber:
    """Parse a document number; raise :class:`InvalidNumber` if it has neither form."""
    text = _SPACES.sub("", normalize(number))
    horned = _HORNED.search(text) is not None
    text = text.replace("T.Ư", "TW").replace("TƯ", "TW").replace("–", "-")
    m = _PARTY.match(text)
    if m:
        return ParsedNumber(text, m["seq"], m["code"].upper(), m["issuer"].upper(), "party",
                            horned=horned)
    m = _STATE.match(text)
    if m:
        year = int(m["year"]) if m["year"] else None
        return ParsedNumber(text, m["seq"], m["code"].upper(), m["issuer"].upper(), "state", year)
    m = _LEGISLATIVE.match(text)
    if m:
        return ParsedNumber(text, m["seq"], "", m["issuer"], "state", int(m["year"]))
    m = _ISSUER_ONLY.match(text) or _OLD_GOVERNMENT.match(text)
    if m:
        return ParsedNumber(text, m["seq"], "", m["issuer"].upper(), "state")
    raise InvalidNumber(f"not a Party (20-NQ/TW) or State (46/NQ-CP) document number: {number!r}")


def number_key(number: str) -> str:
    """The indexed key of a number (its ``number_key``): upper-cased, so that a citation
    of 29-CTR/TU finds 29-CTr/TU."""
    return number.upper()


def is_valid_number(number: str) -> bool:
    try:
        parse_number(number)
    except InvalidNumber:
        return False
    return True


def document_scope(number: str | None, province: str | None) -> str:
    """Issuing scope: ``tw``/``cp``/… for national numbers, else the province slug."""
    if number:
        try:
            national = parse_number(number).national_scope
        except InvalidNumber:
            national = None
        if national:
            return national
    return slug(province) if province else "unknown"


def document_id(
    *,
    scope: str,
    year: int | None,
    number: str | None,
    kind: DocumentKind = DocumentKind.Other,
    fingerprint: str = "",
) -> str:
    """Canonical id; unnumbered documents are named by kind and a hash of ``fingerprint``."""
    when = str(year) if year else "undated"
    if number:
        tail = slug(number.replace("/", "-"))
    else:
        digest = hashlib.sha256(normalize(fingerprint).encode("utf-8")).hexdigest()[:8]
        tail = f"{CODE_BY_KIND[kind].lower()}-{digest}"
    return f"{scope}:{when}:{tail}"


_ID = re.compile(r"^[a-z0-9-]+:(?:\d{4}|undated):[a-z0-9-]+$")
_YEAR = re.compile(r"(?:@|\bnam\s+|\(\s*)((?:19|20)\d\d)\s*\)?\s*$")
_KIND_WORDS = sorted(
    [(fold(name), kind) for kind, name in KIND_NAMES_VI.items() if kind is not DocumentKind.Other]
    + [(fold(code), kind) for code, kind in KIND_BY_CODE.items()]
    + [("chuong trinh hanh dong", DocumentKind.ChuongTrinh), ("ctrhd", DocumentKind.ChuongTrinh)],
    key=lambda pair: -len(pair[0]),
)


@dataclass(frozen=True)
class ReferenceQuery:
    """What a human reference says: an id, a number, or a kind and a sequence number."""

    text: str
    id: str | None = None
    number: str | None = None
    kind: DocumentKind | None = None
    seq: str | None = None
    year: int | None = None


# "69/KL-TW": a Party number typed with its separators swapped (a Party issuer code after
# the dash: TW, a committee TU/HU/ĐU, a central body's code ending in TW).
_SWAPPED = re.compile(r"^\s*(\d+[a-z]?)\s*/\s*([^\W\d_]+)\s*-\s*"
                      r"((?:[^\W\d_]*TW|T\.?Ư|TU|HU|ĐU|DU))\s*$", re.I)


def parse_reference(text: str) -> ReferenceQuery:
    """Parse ``text``; raise :class:`ReferenceNotFound` if it names no document at all."""
    swapped = _SWAPPED.match(text)
    if swapped:
        try:
            return _parse_reference(swapped.expand(r"\1-\2/\3"), text)
        except ReferenceNotFound:
            pass
    return _parse_reference(text, text)


def _parse_reference(form: str, text: str) -> ReferenceQuery:
    raw = form.strip()
    if _ID.match(raw):
        return ReferenceQuery(raw, id=raw)
    folded = fold(raw)
    year = None
    m = _YEAR.search(folded) or _YEAR.search(raw)
    if m:
        year = int(m.group(1))
        raw = raw[: raw.rfind(m.group(1))].rstrip(" @(năm")
        folded = fold(raw)
    try:
        parsed = parse_number(raw)
    except InvalidNumber:
        parsed = None
    if parsed is not None:
        return ReferenceQuery(text, number=parsed.text, kind=parsed.kind, seq=parsed.seq,
                              year=year or parsed.year)
    folded = re.sub(r"\bso\b", " ", folded)
    compact = re.sub(r"([a-z])(\d)", r"\1 \2", folded)
    for words, kind in _KIND_WORDS:
        hit = re.match(rf"^{re.escape(words)}\s+(\d+[a-z]?)\b(.*)$", compact)
        if hit:
            return ReferenceQuery(text, kind=kind, seq=hit.group(1), year=year)
    raise ReferenceNotFound(
        text, f"cannot read {text!r} as a document reference "
        "(try an id, a number such as 69-KL/TW, or 'Kết luận 69')"
    )


# --- filters: kinds and scopes as a client may name them ---------------------------------

_KIND_KEYS = {key: kind for kind in DocumentKind
              for key in (fold(kind.value), fold(KIND_NAMES_VI[kind]).replace(" ", ""))}
# National scopes by their Vietnamese names (the issuer a scope's numbers carry).
SCOPE_NAMES_VI: dict[str, str] = {
    "tw": "Trung ương", "cp": "Chính phủ", "ttg": "Thủ tướng Chính phủ", "qh": "Quốc hội",
    "ubtvqh": "Ủy ban Thường vụ Quốc hội", "ctn": "Chủ tịch nước",
}
UNKNOWN_SCOPE = "unknown"  # a local document whose province is not known
_MINISTRY_SCOPE = re.compile(r"^b[a-z]{1,6}$")  # a ministry's code: "bkhcn", "btttt"


def kinds_allowed() -> list[str]:
    """Every kind as ``code (Vietnamese name)``, for the message of a bad filter."""
    return [f"{kind.value} ({KIND_NAMES_VI[kind]})" for kind in DocumentKind]


def kind_named(text: str) -> DocumentKind:
    """The kind ``text`` names: its code (``KeHoach``) or its Vietnamese name (``Kế hoạch``,
    ``ke hoach``), in any case, with or without diacritics; :class:`InvalidParameter` listing
    the kinds otherwise."""
    kind = _KIND_KEYS.get(fold(text).replace(" ", ""))
    if kind is None:
        raise InvalidParameter("kind", f"unknown kind {text!r}; one of: "
                               + ", ".join(kinds_allowed()), kinds_allowed())
    return kind


def scopes_allowed() -> list[str]:
    """The scopes a filter takes, but for ministries' codes: the national ones, then every
    province's slug (on either map of provinces), then ``unknown``."""
    return [*SCOPE_NAMES_VI, *sorted({slug(p) for p in province_names()}), UNKNOWN_SCOPE]


def scope_named(text: str) -> str:
    """The scope ``text`` names: a national scope (``tw``, ``cp``, or its name: "Trung
    ương"), a ministry's code (``bkhcn``), a province by name or slug on either map ("Kon
    Tum", "kon-tum", "tỉnh Kon Tum"), or ``unknown``; :class:`InvalidParameter` listing
    the scopes otherwise."""
    key = slug(text)
    national = {slug(code): code for code in SCOPE_NAMES_VI} | {
        slug(name): code for code, name in SCOPE_NAMES_VI.items()}
    if key in national:
        return national[key]
    if key == UNKNOWN_SCOPE or _MINISTRY_SCOPE.match(key):
        return key
    province = province_named(text)
    if province is None:
        raise InvalidParameter(
            "scope", f"unknown scope {text!r}: a national scope ({', '.join(SCOPE_NAMES_VI)}), "
            "a ministry's code (bkhcn), a province by name or slug ('Kon Tum', 'kon-tum'), or "
            "unknown", scopes_allowed())
    return slug(province)


def scope_name(scope: str | None) -> str | None:
    """What a scope is called: a province's name ("Kon Tum"), a national scope's name
    ("Trung ương"); None for no scope or an unknown one."""
    if not scope or scope == UNKNOWN_SCOPE:
        return None
    return SCOPE_NAMES_VI.get(scope) or province_named(scope)
