"""Metamorphic check of the extractor: the development sets, transformed as their
origins transform texts, scored again.

    python -m tests.devset.perturb [TRANSFORM …]

Each transform keeps what a reader reads (spacing, line ends, markers, wrapping,
spellings); a score that drops under one names a way real documents the extractor has
not seen can break it.  Prints overall F1 per set and transform.
"""

from __future__ import annotations

import argparse
import json
import re
import tempfile
import textwrap
import unicodedata
from collections.abc import Callable
from pathlib import Path

from policykg.loaders.batch import discover, extract_batch
from policykg.loaders.gold import to_gold
from policykg.loaders.scoring import score
from policykg.ontology.records import Extraction
from tests.shared_scorer import DEVSET

SETS = {name: DEVSET / name for name in ("corpus2", "blind1", "blind2")}


def _wrap(text: str) -> str:  # a PDF reader's 80 columns; table rows left whole
    return "\n".join("\n".join(textwrap.wrap(line, 80, break_long_words=False))
                     if len(line) > 80 and "|" not in line else line
                     for line in text.split("\n"))


def _page_numbers(text: str) -> str:  # a PDF reader's page numbers, a line of their own
    lines = text.split("\n")
    return "\n".join(line + (f"\n{k // 40 + 1}" if k and k % 40 == 0 else "")
                     for k, line in enumerate(lines))


TRANSFORMS: dict[str, Callable[[str], str]] = {
    "none": lambda t: t,
    "wrap": _wrap,
    "blank": lambda t: "\n\n".join(t.split("\n")),
    "wrap-blank": lambda t: "\n\n".join(_wrap(t).split("\n")),  # a PDF reader doubling breaks
    "page-numbers": _page_numbers,
    "crlf": lambda t: t.replace("\n", "\r\n"),
    "double-spaces": lambda t: re.sub(r"(?<=\S) (?=\S)", "  ", t),
    "trailing-spaces": lambda t: "\n".join(ln + "  " if ln.strip() else ln
                                           for ln in t.split("\n")),
    "dedent": lambda t: "\n".join(ln.strip() for ln in t.split("\n")),
    "indent": lambda t: "\n".join("    " + ln if ln.strip() else ln for ln in t.split("\n")),
    "no-bullets": lambda t: re.sub(r"(?m)^(\s*)[-+•]\s+", r"\1", t),
    "plus-bullets": lambda t: re.sub(r"(?m)^(\s*)-\s", r"\1+ ", t),
    "dot-bullets": lambda t: re.sub(r"(?m)^(\s*)[-+]\s", r"\1• ", t),
    "symbol-bullets": lambda t: re.sub(  # a Word list through a PDF reader: Symbol-font marks
        r"(?m)^(\s*)-\s", "\\1\uf0b7\t", re.sub(r"(?m)^(\s*)\+\s", "\\1\uf0a7\t", t)),
    "word-bullets": lambda t: re.sub(  # a Word list through a text export: "o" at level 2
        r"(?m)^(\s*)-\s", "\\1\uf0b7\t", re.sub(r"(?m)^(\s*)\+\s", "\\1o\t", t)),
    "lone-labels": lambda t: re.sub(  # a web list: the number on a line of its own
        r"(?m)^(\s*(?:\d+\.|[a-zđ]\)))[ \t]+(?=[^\s|])", r"\1\n", t),
    "nbsp": lambda t: re.sub(r"(?m)^(\s*(?:\d+\.|[a-zđ]\)|-))[ \t]", "\\1\xa0",
                             t.replace(" năm ", "\xa0năm\xa0")),
    "no-blanks": lambda t: re.sub(r"\n[ \t]*(?:\n[ \t]*)+", "\n", t),  # one break per paragraph
    "markdown-tables": lambda t: re.sub(  # a Word table through a Markdown converter
        r"(?m)^((?:[^\n|]*\|)+[^\n|]*)$",
        lambda m: "| " + m.group(1).strip() + " |", t),
    "inline-dashes": lambda t: re.sub(  # a web page running a dash list into its lead-in
        r"(?<=[:;])[ \t]*\n(?:[ \t]*\n)*[ \t]*-[ \t]+", " - ", t),
    "escaped": lambda t: re.sub(r"(?m)^(\s*)(\d+)\.(\s)", r"\1\2\\.\3",
                                re.sub(r"(?m)^(\s*)-(\s)", r"\1\\-\2", t)),
    "paren-numbers": lambda t: re.sub(r"(?m)^(\s*)(\d+)\.(\s)", r"\1\2)\3", t),
    "slash-labels": lambda t: re.sub(r"(?m)^(\s*)([a-zđ])\)(\s)", r"\1\2/\3",
                                     re.sub(r"(?m)^(\s*)(\d+)\.(\s)", r"\1\2/\3", t)),
    "dot-letters": lambda t: re.sub(r"(?m)^(\s*)([a-zđ])\)(\s)", r"\1\2.\3", t),
    "roman-paren": lambda t: re.sub(r"(?m)^(\s*)([IVX]+)\.(\s)", r"\1\2)\3", t),
    "long-dates": lambda t: re.sub(r"\b(\d{1,2})/(\d{1,2})/((?:19|20)\d\d)\b",
                                   r"\1 tháng \2 năm \3", t),
    "short-dates": lambda t: re.sub(r"\b(\d{1,2}) tháng (\d{1,2}) năm ((?:19|20)\d\d)\b",
                                    r"\1/\2/\3", t),
    "lower-headings": lambda t: re.sub(
        r"(?m)^([IVX]+\.\s+)([^\n]+)$",
        lambda m: m.group(1) + m.group(2).capitalize() if m.group(2).isupper() else m.group(0),
        t),
    "tab-tables": lambda t: re.sub(r" ?\| ?", "\t",
                                   re.sub(r"(?m)^\|[ \t]*|[ \t]*\|[ \t]*$", "", t)),
    "spaced-numbers": lambda t: re.sub(r"(?m)^(Số[ \t]*:?[ \t]*\d+)/", r"\1 /", t),
    "markdown-headings": lambda t: re.sub(r"(?m)^([IVX]+\.[ \t][^\n]+)$", r"## \1", t),
    "bold-items": lambda t: re.sub(r"(?m)^(\d+\.[ \t])([^\n]{1,80})$", r"**\1\2**", t),
    "titled-kinds": lambda t: re.sub(  # a web page's heading line: type and subject
        r"(?m)^(KẾ HOẠCH|CHƯƠNG TRÌNH(?: HÀNH ĐỘNG)?|NGHỊ QUYẾT|KẾT LUẬN|CHỈ THỊ|QUYẾT ĐỊNH|"
        r"THÔNG BÁO)[ \t]*\n(?=\S)", r"\1 ", t),
    "title-case-kinds": lambda t: re.sub(
        r"(?m)^(KẾ HOẠCH|CHƯƠNG TRÌNH|NGHỊ QUYẾT|KẾT LUẬN|CHỈ THỊ|QUYẾT ĐỊNH|THÔNG BÁO|CÔNG VĂN)"
        r"([ \t]*)$", lambda m: m.group(1).capitalize() + m.group(2), t),
    "abbreviations": lambda t: t.replace("Ủy ban nhân dân", "UBND").replace(
        "Khoa học và Công nghệ", "KH&CN"),
    "old-tones": lambda t: t.replace("ủy", "uỷ").replace("Ủy", "Uỷ").replace(
        "hòa", "hoà").replace("hóa", "hoá"),
    "nfd": lambda t: unicodedata.normalize("NFD", t),
}


def overall(folder: Path, gold: Path) -> float:
    """Overall F1 of the texts in ``folder`` against the gold files in ``gold``."""
    predictions = {p["file"]: p for p in (to_gold(item) for item in
                                          extract_batch(discover([folder]))
                                          if isinstance(item, Extraction))}
    golds = [json.loads(p.read_text(encoding="utf-8")) for p in sorted(gold.glob("*.json"))]
    return score(golds, predictions).overall[2]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("transforms", nargs="*", metavar="TRANSFORM",
                        help=f"any of {', '.join(TRANSFORMS)} (default: all)")
    names = parser.parse_args().transforms or list(TRANSFORMS)
    if unknown := [n for n in names if n not in TRANSFORMS]:
        parser.error(f"unknown transform(s) {', '.join(unknown)}; known: {', '.join(TRANSFORMS)}")
    with tempfile.TemporaryDirectory(prefix="policykg-perturb-") as tmp:
        for set_name, root in SETS.items():
            cells = []
            for name in names:
                out = Path(tmp) / set_name / name
                out.mkdir(parents=True)
                for path in sorted((root / "docs").glob("*.txt")):
                    text = TRANSFORMS[name](path.read_text(encoding="utf-8"))
                    (out / path.name).write_text(text, encoding="utf-8", newline="")
                    for side in path.parent.glob(path.name + ".meta.yaml"):
                        (out / side.name).write_bytes(side.read_bytes())
                cells.append(f"{name} {overall(out, root / 'gold'):.3f}")
            print(f"{set_name}: " + ", ".join(cells), flush=True)


if __name__ == "__main__":
    main()
