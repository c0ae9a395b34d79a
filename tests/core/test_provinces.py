"""The maps of provinces the coverage audit uses."""

from __future__ import annotations

from collections import Counter
from datetime import date

import pytest

from policykg.core.provinces import PROVINCES_2008, REORGANIZED, UNITS_2025, unit_of, units_on

BEFORE, AFTER = date(2025, 6, 30), REORGANIZED


def test_63_units_until_june_2025_and_34_after() -> None:
    assert len(set(units_on(BEFORE))) == len(units_on(BEFORE)) == 63
    assert units_on(date(2008, 8, 1)) == units_on(BEFORE) == PROVINCES_2008
    assert len(units_on(AFTER)) == 34 and units_on(date(2026, 11, 23)) == units_on(AFTER)


def test_every_2008_unit_became_part_of_exactly_one_2025_unit() -> None:
    parts = Counter(old for olds in UNITS_2025.values() for old in olds)
    assert set(parts) == set(PROVINCES_2008) and set(parts.values()) == {1}
    assert sum(len(olds) > 1 for olds in UNITS_2025.values()) == 23  # the merged ones
    for province in PROVINCES_2008:
        assert unit_of(province, BEFORE) == province
        assert province in UNITS_2025[unit_of(province, AFTER) or ""]


@pytest.mark.parametrize(("written", "day", "unit"), [
    ("Tỉnh Kon Tum", AFTER, "Quảng Ngãi"),
    ("kon tum", BEFORE, "Kon Tum"),
    ("Thanh Hoá", BEFORE, "Thanh Hóa"),  # the other tone-mark placement
    ("TP. Hồ Chí Minh", BEFORE, "Hồ Chí Minh"),
    ("Thành phố Hồ Chí Minh", AFTER, "Hồ Chí Minh"),
    ("Bà Rịa–Vũng Tàu", AFTER, "Hồ Chí Minh"),
    ("Huế", BEFORE, "Thừa Thiên Huế"),  # a city from January 2025
    ("Thừa Thiên - Huế", AFTER, "Huế"),
    ("Bắc Kạn", AFTER, "Thái Nguyên"),
    ("Hà Tây", BEFORE, None),  # merged into Hà Nội in 2008, before either map
    ("Ban Tuyên giáo", AFTER, None),
])
def test_a_province_as_written_names_its_unit(written: str, day: date, unit: str | None) -> None:
    assert unit_of(written, day) == unit
