import pytest

from policykg.core.errors import InvalidNumber
from policykg.ontology.identity import (
    document_id,
    document_scope,
    is_valid_number,
    parse_number,
)
from policykg.ontology.records import DocumentKind


@pytest.mark.parametrize(
    ("number", "kind", "issuer", "form"),
    [
        ("20-NQ/TW", DocumentKind.NghiQuyet, "TW", "party"),
        ("29-CTr/TU", DocumentKind.ChuongTrinh, "TU", "party"),
        ("1046-CV/TU", DocumentKind.CongVan, "TU", "party"),
        ("46/NQ-CP", DocumentKind.NghiQuyet, "CP", "state"),
        ("696/QĐ-TTg", DocumentKind.QuyetDinh, "TTG", "state"),
        ("12/2024/NĐ-CP", DocumentKind.Other, "CP", "state"),
    ],
)
def test_parse_number_forms(number: str, kind: DocumentKind, issuer: str, form: str) -> None:
    parsed = parse_number(number)
    assert (parsed.kind, parsed.issuer, parsed.form) == (kind, issuer, form)


def test_parse_number_tolerates_ocr_noise() -> None:
    assert parse_number("10- CTr/TU").text == "10-CTr/TU"
    assert parse_number("20-NQ/T.Ư").text == "20-NQ/TW"


def test_a_horned_tu_is_trung_uong_unless_read_as_a_committees() -> None:
    parsed = parse_number("445-KL/TƯ")
    assert (parsed.text, parsed.national_scope, parsed.horned) == ("445-KL/TW", "tw", True)
    local = parsed.committees()
    assert (local.text, local.issuer, local.national_scope) == ("445-KL/TU", "TU", None)
    assert parse_number("445-KL/TU").committees() == parse_number("445-KL/TU")


@pytest.mark.parametrize("bad", ["", "NQ/TW", "20NQTW", "số 20", "20-NQ"])
def test_invalid_numbers_are_refused(bad: str) -> None:
    assert not is_valid_number(bad)
    with pytest.raises(InvalidNumber, match="not a Party"):
        parse_number(bad)


def test_scope_is_national_or_the_province() -> None:
    assert document_scope("20-NQ/TW", "Kon Tum") == "tw"
    assert document_scope("46/NQ-CP", None) == "cp"
    assert document_scope("29-CTr/TU", "Thái Nguyên") == "thai-nguyen"
    assert document_scope(None, "Kon Tum") == "kon-tum"
    assert document_scope("29-CTr/TU", None) == "unknown"


def test_ids_separate_years_and_provinces() -> None:
    a = document_id(scope="tw", year=2012, number="20-NQ/TW")
    b = document_id(scope="tw", year=2017, number="20-NQ/TW")
    c = document_id(scope="thai-nguyen", year=2013, number="29-CTr/TU")
    d = document_id(scope="kon-tum", year=2013, number="29-CTr/TU")
    assert a == "tw:2012:20-nq-tw"
    assert len({a, b, c, d}) == 4


def test_unnumbered_ids_are_stable_and_distinct() -> None:
    one = document_id(scope="kon-tum", year=None, number=None, kind=DocumentKind.KeHoach,
                      fingerprint="thực hiện Kết luận số 69-KL/TW")
    again = document_id(scope="kon-tum", year=None, number=None, kind=DocumentKind.KeHoach,
                        fingerprint="thực hiện Kết luận số 69-KL/TW")
    other = document_id(scope="kon-tum", year=None, number=None, kind=DocumentKind.KeHoach,
                        fingerprint="thực hiện Kết luận số 50-KL/TW")
    assert one == again != other
    assert one.startswith("kon-tum:undated:kh-")
