from datetime import date
from pathlib import Path

import pytest

from policykg.core.errors import SidecarError
from policykg.loaders.extract import extract
from policykg.loaders.header import extract_header
from policykg.loaders.sidecar import Sidecar, apply_sidecar, read_sidecar, sidecar_path
from policykg.ontology.records import DocumentKind

CORPUS = Path(__file__).resolve().parents[2] / "corpus"


def _write(tmp_path: Path, body: str) -> Path:
    path = tmp_path / "doc.txt.meta.yaml"
    path.write_text(body, encoding="utf-8")
    return path


def test_sidecar_path_appends_suffix() -> None:
    assert sidecar_path(Path("corpus/a.txt")) == Path("corpus/a.txt.meta.yaml")


def test_missing_sidecar_is_none(tmp_path: Path) -> None:
    assert read_sidecar(tmp_path / "none.meta.yaml") is None


def test_reads_all_fields(tmp_path: Path) -> None:
    path = _write(tmp_path, "\n".join([
        "kind: KeHoach", "number: 154-KH/TU", "issued: 2019-07-26",
        "issuer: Ban Thường vụ Tỉnh ủy Bắc Kạn", "province: Bắc Kạn", "signer: A Pót",
        "title: về thực hiện", "term: XI", "implements: [50-KL/TW@2019, 20-NQ/T.Ư]",
    ]))
    sidecar = read_sidecar(path)
    assert sidecar == Sidecar(
        kind=DocumentKind.KeHoach, number="154-KH/TU", issued=date(2019, 7, 26),
        issuer="Ban Thường vụ Tỉnh ủy Bắc Kạn", province="Bắc Kạn", signer="A Pót",
        title="về thực hiện", term="XI", implements=("50-KL/TW@2019", "20-NQ/TW"),
    )


def test_empty_sidecar_states_nothing(tmp_path: Path) -> None:
    assert read_sidecar(_write(tmp_path, "# nothing known\n")) == Sidecar()


@pytest.mark.parametrize(("body", "field"), [
    ("issued: 2019-7-26\n", "issued"),
    ("issued: 26/07/2019\n", "issued"),
    ("kind: Decree\n", "kind"),
    ("number: KH/TU\n", "number"),
    ("term: 11\n", "term"),
    ("implements: [50-KL/TW@19]\n", "implements[0]"),
    ("provinc: Kon Tum\n", "provinc"),
    ("- just a list\n", "<root>"),
    ("province: [Kon Tum\n", "<yaml>"),
    ("province: " + "K" * 10_000 + "\n", "province"),
    ("title: " + "t" * 3000 + "\n", "title"),
])
def test_bad_field_is_named(tmp_path: Path, body: str, field: str) -> None:
    path = _write(tmp_path, body)
    with pytest.raises(SidecarError) as info:
        read_sidecar(path)
    assert info.value.field == field
    assert info.value.path == str(path)


def test_apply_fills_and_overrides_with_sidecar_origin() -> None:
    text = "KẾ HOẠCH\n\nCỦA BAN THƯỜNG VỤ TỈNH ỦY\n\nthực hiện Kết luận số 69-KL/TW\n"
    header = extract_header(text, "kt.txt")
    assert header.province is None
    updated = apply_sidecar(header, Sidecar(province="Kon Tum", kind=DocumentKind.ChiThi), "kt.txt")
    assert updated.province == "Kon Tum"
    assert updated.kind is DocumentKind.ChiThi
    assert updated.provenance["province"].origin == "sidecar"
    assert updated.provenance["kind"].origin == "sidecar"
    assert updated.provenance["title"].origin == "text"
    assert updated.title == header.title


def test_extract_completes_issuer_with_sidecar_province() -> None:
    text = ("KẾ HOẠCH\n\nCỦA BAN THƯỜNG VỤ TỈNH ỦY\n\nvề khoa học\n\n"
            "Ban Thường vụ Tỉnh ủy ban hành Kế hoạch như sau:\n")
    assert extract(text, "kt.txt").document.issuer == "Ban Thường vụ Tỉnh ủy"
    done = extract(text, "kt.txt", sidecar=Sidecar(province="Kon Tum"))
    assert done.document.issuer == "Ban Thường vụ Tỉnh ủy Kon Tum"


def test_sidecar_implements_adds_and_dates_references() -> None:
    text = "KẾ HOẠCH\n\nvề khoa học\n\nTiếp tục quán triệt Nghị quyết số 20-NQ/TW.\n"
    plain = extract(text, "k.txt")
    assert plain.implements == ()
    done = extract(text, "k.txt", sidecar=Sidecar(implements=("20-NQ/TW@2012", "69-KL/TW")))
    assert done.implements == ("20-NQ/TW@2012", "69-KL/TW")
    by_number = {r.number: r for r in done.references}
    assert by_number["20-NQ/TW"].year == 2012
    assert by_number["20-NQ/TW"].provenance.origin == "text"
    assert by_number["69-KL/TW"].provenance.origin == "sidecar"
    assert by_number["69-KL/TW"].scope == "tw"


@pytest.mark.parametrize("name", ["kon-tum_ke-hoach_kl69.txt", "bac-kan_chi-thi_khcn.txt"])
def test_bundled_sidecars_parse(name: str) -> None:
    sidecar = read_sidecar(sidecar_path(CORPUS / name))
    assert sidecar is not None
    assert sidecar.province is not None
    assert sidecar.number is None and sidecar.issued is None
