import pytest

from policykg.core.errors import ReferenceNotFound
from policykg.ontology.identity import parse_reference
from policykg.ontology.records import DocumentKind


@pytest.mark.parametrize(
    "text",
    ["69-KL/TW", "KL 69", "KL69", "Kết luận 69", "ket luan 69", "Kết luận số 69",
     "kết luận số 69-KL/TW", "KẾT LUẬN 69"],
)
def test_the_many_ways_to_name_kl_69(text: str) -> None:
    ref = parse_reference(text)
    assert ref.kind is DocumentKind.KetLuan
    assert ref.seq == "69"


def test_a_number_is_kept_whole() -> None:
    ref = parse_reference("20-NQ/TW")
    assert (ref.number, ref.kind, ref.seq) == ("20-NQ/TW", DocumentKind.NghiQuyet, "20")


def test_state_form_and_year() -> None:
    ref = parse_reference("46/NQ-CP")
    assert ref.number == "46/NQ-CP"
    assert parse_reference("20-NQ/TW@2012").year == 2012
    assert parse_reference("Nghị quyết 20 năm 2017").year == 2017
    assert parse_reference("Chương trình hành động 29").kind is DocumentKind.ChuongTrinh


def test_an_id_is_an_id() -> None:
    assert parse_reference("tw:2012:20-nq-tw").id == "tw:2012:20-nq-tw"


@pytest.mark.parametrize("text", ["", "hello", "69", "Kết luận"])
def test_unreadable_references_say_so(text: str) -> None:
    with pytest.raises(ReferenceNotFound, match="cannot read"):
        parse_reference(text)


def test_a_party_number_typed_with_state_separators_is_read_as_party() -> None:
    assert parse_reference("69/KL-TW").number == "69-KL/TW"
    assert parse_reference("12/CT-TU").number == "12-CT/TU"
    assert parse_reference("46/NQ-CP").number == "46/NQ-CP"  # a State number stays one
