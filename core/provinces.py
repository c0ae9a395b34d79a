"""Vietnam's provincial-level units: the reference set of the coverage audit.

Two maps.  From 1 August 2008 (Hà Tây merged into Hà Nội) to 30 June 2025: 63 units
(Thừa Thiên Huế became the centrally governed city of Huế on 1 January 2025; either
name is that unit).  From 1 July 2025, when the units formed by Resolution
202/2025/QH15 took office: 34, each with the former units merged into it.
:func:`unit_of` names the unit a province written in a document is, or became, on a
day; spellings are compared through :func:`policykg.core.vntext.slug` (case, diacritics and
tone-mark placement folded) without a leading "tỉnh", "thành phố" or "TP.".
"""

from __future__ import annotations

import re
from datetime import date
from functools import cache, lru_cache
from typing import Final

from policykg.core.vntext import slug

REORGANIZED: Final = date(2025, 7, 1)

PROVINCES_2008: Final = (
    "Hà Nội", "Hồ Chí Minh", "Hải Phòng", "Đà Nẵng", "Cần Thơ",
    "Hà Giang", "Cao Bằng", "Bắc Kạn", "Tuyên Quang", "Lào Cai", "Điện Biên", "Lai Châu",
    "Sơn La", "Yên Bái", "Hòa Bình", "Thái Nguyên", "Lạng Sơn", "Quảng Ninh", "Bắc Giang",
    "Phú Thọ", "Vĩnh Phúc", "Bắc Ninh", "Hải Dương", "Hưng Yên", "Thái Bình", "Hà Nam",
    "Nam Định", "Ninh Bình", "Thanh Hóa", "Nghệ An", "Hà Tĩnh", "Quảng Bình", "Quảng Trị",
    "Thừa Thiên Huế", "Quảng Nam", "Quảng Ngãi", "Bình Định", "Phú Yên", "Khánh Hòa",
    "Ninh Thuận", "Bình Thuận", "Kon Tum", "Gia Lai", "Đắk Lắk", "Đắk Nông", "Lâm Đồng",
    "Bình Phước", "Tây Ninh", "Bình Dương", "Đồng Nai", "Bà Rịa - Vũng Tàu", "Long An",
    "Tiền Giang", "Bến Tre", "Trà Vinh", "Vĩnh Long", "Đồng Tháp", "An Giang", "Kiên Giang",
    "Hậu Giang", "Sóc Trăng", "Bạc Liêu", "Cà Mau",
)
# Other names of a 2008 unit.
_ALIASES_2008: Final = {"Huế": "Thừa Thiên Huế"}

# The 34 units from 1 July 2025, each with the 2008 units it is made of.
UNITS_2025: Final[dict[str, tuple[str, ...]]] = {
    "Hà Nội": ("Hà Nội",),
    "Huế": ("Thừa Thiên Huế",),
    "Lai Châu": ("Lai Châu",),
    "Điện Biên": ("Điện Biên",),
    "Sơn La": ("Sơn La",),
    "Lạng Sơn": ("Lạng Sơn",),
    "Quảng Ninh": ("Quảng Ninh",),
    "Thanh Hóa": ("Thanh Hóa",),
    "Nghệ An": ("Nghệ An",),
    "Hà Tĩnh": ("Hà Tĩnh",),
    "Cao Bằng": ("Cao Bằng",),
    "Tuyên Quang": ("Tuyên Quang", "Hà Giang"),
    "Lào Cai": ("Lào Cai", "Yên Bái"),
    "Thái Nguyên": ("Thái Nguyên", "Bắc Kạn"),
    "Phú Thọ": ("Phú Thọ", "Vĩnh Phúc", "Hòa Bình"),
    "Bắc Ninh": ("Bắc Ninh", "Bắc Giang"),
    "Hưng Yên": ("Hưng Yên", "Thái Bình"),
    "Hải Phòng": ("Hải Phòng", "Hải Dương"),
    "Ninh Bình": ("Ninh Bình", "Hà Nam", "Nam Định"),
    "Quảng Trị": ("Quảng Trị", "Quảng Bình"),
    "Đà Nẵng": ("Đà Nẵng", "Quảng Nam"),
    "Quảng Ngãi": ("Quảng Ngãi", "Kon Tum"),
    "Gia Lai": ("Gia Lai", "Bình Định"),
    "Khánh Hòa": ("Khánh Hòa", "Ninh Thuận"),
    "Lâm Đồng": ("Lâm Đồng", "Đắk Nông", "Bình Thuận"),
    "Đắk Lắk": ("Đắk Lắk", "Phú Yên"),
    "Hồ Chí Minh": ("Hồ Chí Minh", "Bình Dương", "Bà Rịa - Vũng Tàu"),
    "Đồng Nai": ("Đồng Nai", "Bình Phước"),
    "Tây Ninh": ("Tây Ninh", "Long An"),
    "Cần Thơ": ("Cần Thơ", "Sóc Trăng", "Hậu Giang"),
    "Vĩnh Long": ("Vĩnh Long", "Bến Tre", "Trà Vinh"),
    "Đồng Tháp": ("Đồng Tháp", "Tiền Giang"),
    "Cà Mau": ("Cà Mau", "Bạc Liêu"),
    "An Giang": ("An Giang", "Kiên Giang"),
}

_PREFIX = re.compile(r"^(?:tỉnh|thành phố|tp\.?)\s+", re.IGNORECASE)


def _key(name: str) -> str:
    return slug(_PREFIX.sub("", name.strip()))


@cache
def _index(reorganized: bool) -> dict[str, str]:
    """Slug of every name a unit has been written with → the unit's name on the map."""
    if reorganized:
        return {_key(old): new for new, olds in UNITS_2025.items() for old in (new, *olds)}
    index = {_key(p): p for p in PROVINCES_2008}
    index.update((_key(alias), unit) for alias, unit in _ALIASES_2008.items())
    return index


def units_on(day: date) -> tuple[str, ...]:
    """The provincial-level units in force on ``day`` (from 1 August 2008)."""
    return tuple(UNITS_2025) if day >= REORGANIZED else PROVINCES_2008


def unit_of(province: str, day: date) -> str | None:
    """The unit in force on ``day`` that ``province`` is or became; None: not a unit's name."""
    return _index(day >= REORGANIZED).get(_key(province))


@cache
def _names() -> dict[str, str]:
    """Slug of every province name, on either map → the name as the maps write it."""
    names = {_key(p): p for p in PROVINCES_2008}
    names.update((_key(unit), unit) for unit in UNITS_2025)
    names.update((_key(alias), alias) for alias in _ALIASES_2008)
    names[_key("TP. Hồ Chí Minh")] = "Hồ Chí Minh"
    return names


_WORDS = re.compile(r"[^\W\d_]+")


def province_named(text: str) -> str | None:
    """The province ``text`` names ("ĐỒNG THÁP", "tỉnh Thanh Hoá", "TP. Hồ Chí Minh"), as the
    maps write it, or None when it names no province of either map."""
    return _names().get(_key(text))


@lru_cache(maxsize=1024)  # a text names its places again and again
def province_at(text: str) -> str | None:
    """The province named by the longest run of words at the start of ``text`` (a place
    line, a letterhead's tail: "ĐỒNG THÁP -------- …"), or None."""
    words = _WORDS.findall(text)[:5]
    for n in range(len(words), 0, -1):
        found = province_named(" ".join(words[:n]))
        if found is not None:
            return found
    return None


def province_names() -> tuple[str, ...]:
    """Every province's name on either map (and the other names a unit goes by)."""
    return tuple(dict.fromkeys((*PROVINCES_2008, *UNITS_2025, *_ALIASES_2008)))
