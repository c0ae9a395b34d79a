"""Properties: the extractors never fail and keep spans inside the text."""

from __future__ import annotations

from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st

from policykg.loaders.bodies import split_bodies
from policykg.loaders.clean import clean_text
from policykg.loaders.deadlines import find_deadline
from policykg.loaders.targets import extract_targets
from policykg.loaders.tasks import extract_tasks
from policykg.ontology.records import Provenance

CORPUS = [clean_text(p.read_text(encoding="utf-8"))
          for p in sorted((Path(__file__).parents[2] / "corpus").glob("*.txt"))]
VIETNAMESE = st.text(alphabet=st.sampled_from(
    list("abcdđêôơưăâáàảãạếềểễệốồổỗộớờởỡợúùủũụ ĐÁIVX0123456789.-+•*:;,/|%\n")), max_size=400)


@st.composite
def corpus_slices(draw: st.DrawFn) -> str:
    text = draw(st.sampled_from(CORPUS))
    start = draw(st.integers(0, len(text)))
    end = draw(st.integers(start, len(text)))
    return text[start:end]


def _inside(prov: Provenance, text: str) -> bool:
    span = prov.span
    return span is not None and 0 <= span.start <= span.end <= len(text)


def _check(text: str) -> None:
    result = extract_tasks(text, "s.txt")
    for task in result.tasks:
        assert _inside(task.provenance, text)
        assert task.text == task.text.strip()
        assert all(o.strip() for o in task.owners + task.coordinators)
        if task.deadline is not None:
            assert _inside(task.deadline.provenance, text)
    for target in extract_targets(text, "s.txt", result.tasks):
        assert _inside(target.provenance, text)
        assert target.value and target.value[0].isdigit()
        assert target.task_index is None or 0 <= target.task_index < len(result.tasks)
    deadline = find_deadline(text)
    if deadline is not None:
        assert _inside(deadline.provenance, text)
        span = deadline.provenance.span
        assert span is not None and text[span.start:span.end] == deadline.phrase
    assert all(entry == entry.strip() and entry for entry in split_bodies(text))


@settings(max_examples=150, deadline=None)
@given(st.text(max_size=300))
def test_arbitrary_text(text: str) -> None:
    _check(text)


@settings(max_examples=150, deadline=None)
@given(VIETNAMESE)
def test_vietnamese_like_text(text: str) -> None:
    _check(text)


@settings(max_examples=100, deadline=None)
@given(corpus_slices())
def test_truncated_corpus_text(text: str) -> None:
    _check(text)
