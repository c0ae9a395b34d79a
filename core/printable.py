"""Text made safe to print on a terminal: control characters shown, never acted on.

A title with a newline and terminal escape codes came back raw in ``trace``,
``cypher`` and ``validate --format text``, so a sidecar could forge a line or clear
the screen.  :func:`printable` writes every control character (C0, DEL, C1, line
and paragraph separators, bidirectional overrides) as a ``\\x``/``\\u`` escape.
"""

from __future__ import annotations

import re

_CONTROL = re.compile("[\x00-\x1f\x7f-\x9f\u2028\u2029\u202a-\u202e\u2066-\u2069]")


def _escape(m: re.Match[str]) -> str:
    code = ord(m.group())
    return f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}"


def printable(text: str) -> str:
    """``text`` with every control character escaped (a backslash stays as it is)."""
    return _CONTROL.sub(_escape, text)
