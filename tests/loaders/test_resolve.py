from datetime import date

from policykg.loaders.resolve import Candidate, resolve_reference, term_years
from policykg.ontology.records import DocumentKind, Provenance, Reference

PROV = Provenance(source="x.txt")


def ref(number: str, issued: date | None = None, term: str | None = None) -> Reference:
    return Reference(kind=DocumentKind.NghiQuyet, number=number, issued=issued, term=term,
                     provenance=PROV)


def test_dated_citation_resolves_directly() -> None:
    r = resolve_reference(ref("20-NQ/TW", date(2012, 11, 1)), citing_province="Kon Tum",
                          citing_year=2024, candidates=[])
    assert (r.id, r.resolution) == ("tw:2012:20-nq-tw", "resolved")


def test_local_numbers_take_the_citing_province() -> None:
    r = resolve_reference(ref("29-CTr/TU", date(2013, 6, 4)), citing_province="Thái Nguyên",
                          citing_year=2014, candidates=[])
    assert r.id == "thai-nguyen:2013:29-ctr-tu"


def test_undated_citation_with_one_known_document() -> None:
    r = resolve_reference(ref("20-NQ/TW"), citing_province=None, citing_year=2019,
                          candidates=[Candidate("tw:2012:20-nq-tw", 2012)])
    assert (r.id, r.resolution) == ("tw:2012:20-nq-tw", "resolved")


def test_two_documents_with_one_number_are_told_apart_by_term() -> None:
    both = [Candidate("tw:2012:20-nq-tw", 2012), Candidate("tw:2017:20-nq-tw", 2017)]
    xi = resolve_reference(ref("20-NQ/TW", term="XI"), citing_province=None,
                           citing_year=2019, candidates=both)
    xii = resolve_reference(ref("20-NQ/TW", term="XII"), citing_province=None,
                            citing_year=2019, candidates=both)
    assert xi.id == "tw:2012:20-nq-tw"
    assert xii.id == "tw:2017:20-nq-tw"


def test_two_documents_told_apart_by_the_citing_date() -> None:
    both = [Candidate("tw:2012:20-nq-tw", 2012), Candidate("tw:2017:20-nq-tw", 2017)]
    r = resolve_reference(ref("20-NQ/TW"), citing_province=None, citing_year=2014,
                          candidates=both)
    assert r.id == "tw:2012:20-nq-tw"


def test_ambiguous_citation_is_reported_not_guessed() -> None:
    both = [Candidate("tw:2012:20-nq-tw", 2012), Candidate("tw:2017:20-nq-tw", 2017)]
    r = resolve_reference(ref("20-NQ/TW"), citing_province=None, citing_year=2019,
                          candidates=both)
    assert r.resolution == "ambiguous"
    assert r.id == "tw:undated:20-nq-tw"
    assert r.candidates == ("tw:2012:20-nq-tw", "tw:2017:20-nq-tw")


def test_unknown_undated_citation_becomes_an_undated_stub() -> None:
    r = resolve_reference(ref("45-NQ/TW"), citing_province=None, citing_year=2019,
                          candidates=[])
    assert (r.id, r.resolution) == ("tw:undated:45-nq-tw", "unresolved")


def test_term_years() -> None:
    years = term_years("XI")
    assert years is not None and 2012 in years and 2017 not in years
    assert term_years("nonsense") is None
