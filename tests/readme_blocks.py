"""The README's marked shell blocks, read as commands and the output shown after each.

In a block, a ``# …`` line right after a command is its output (``# stderr: …`` lines
its stderr, the others its stdout), and a ``# …`` line after a blank line is prose.  A
command may span lines: a trailing ``\\``, an open quote, a here-document.  In a shown
line ``…`` stands for any text, and a line of ``…`` alone for any lines.
"""

from __future__ import annotations

import re
import shlex
from dataclasses import dataclass, field

from tests.shared_scorer import ROOT

README = (ROOT / "README.md").read_text(encoding="utf-8")
_HEREDOC = re.compile(r"<<-?\s*(['\"]?)(\w+)\1")


@dataclass
class Command:
    line: int  # in the README, from 1
    text: str
    stdout: list[str] = field(default_factory=list)
    stderr: list[str] = field(default_factory=list)


def blocks(marker: str) -> list[tuple[int, str]]:
    """The README line and text of each ```sh block right after a ``<!-- MARKER… -->``."""
    found = re.finditer(rf"<!-- {re.escape(marker)}[^>]*-->\n```sh\n(.*?)```", README, re.S)
    return [(README.count("\n", 0, m.start(1)) + 1, m.group(1)) for m in found]


def _complete(text: str) -> bool:
    """Whether ``text`` is a whole command: no continuation, no open quote."""
    if text.endswith("\\"):
        return False
    try:
        shlex.split(text, comments=True)
    except ValueError:
        return False
    return True


def commands(block: str, first_line: int) -> list[Command]:
    """The block's commands, each with the output shown after it."""
    found: list[Command] = []
    lines = block.splitlines()
    current: Command | None = None
    i = 0
    while i < len(lines):
        line = lines[i].rstrip()
        if not line:
            current = None
        elif line.startswith("#"):
            if current is not None:
                text = line[2:] if line.startswith("# ") else line[1:]
                if text.startswith("stderr: "):
                    current.stderr.append(text.removeprefix("stderr: "))
                else:
                    current.stdout.append(text)
        else:
            start, text = i, line
            while not _complete(text) and i + 1 < len(lines):
                i += 1
                text += "\n" + lines[i].rstrip()
            heredoc = _HEREDOC.search(text)
            if heredoc:
                while i + 1 < len(lines) and lines[i].strip() != heredoc.group(2):
                    i += 1
                    text += "\n" + lines[i].rstrip()
            current = Command(first_line + start, text)
            found.append(current)
        i += 1
    return found


def shown(expected: list[str], actual: str) -> bool:
    """Whether ``actual`` is what ``expected`` shows (``…`` for anything)."""
    parts = []
    for line in expected:
        if line == "…":
            parts.append(r"(?:[^\n]*\n)*?")
        else:
            parts.append(".*?".join(map(re.escape, line.split("…"))) + r"\n")
    got = "".join(f"{s.rstrip()}\n" for s in actual.splitlines())
    return re.fullmatch("".join(parts), got) is not None
