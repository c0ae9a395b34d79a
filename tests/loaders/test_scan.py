"""The searches that skip to a literal or a line break find what the plain search finds."""

from __future__ import annotations

import re

from hypothesis import given, settings
from hypothesis import strategies as st

from policykg.loaders.scan import line_start_matches, line_start_search

_PATTERNS = (
    re.compile(r"^[ \t*]*(?:[IVX]+|1)[.)][ \t]", re.M),
    re.compile(r"(?i)^[ \t]*(?:ab|b\n?a)[ \t*]*$", re.M),
    re.compile(r"^a[^\n]*\n", re.M),  # a match ending at a line break
)
_TEXT = st.text(alphabet=st.sampled_from(list("abAB IVX1.)*\t\n")), max_size=80)


@settings(max_examples=300, deadline=None)
@given(_TEXT, st.integers(0, 80), st.sampled_from(_PATTERNS))
def test_line_start_matches_are_finditer(text: str, end: int, pattern: re.Pattern[str]) -> None:
    endpos = min(end, len(text))
    expected = [m.span() for m in pattern.finditer(text, 0, endpos)]
    assert [m.span() for m in line_start_matches(pattern, text, endpos)] == expected
    first = line_start_search(pattern, text, endpos)
    assert (first.span() if first else None) == (expected[0] if expected else None)
