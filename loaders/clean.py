"""Clean-up of source text before extraction (pure, offset-preserving).

:func:`clean_text` returns text of the same length as its (NFC) input, so that
character spans found in the cleaned text are spans of the source as well:

- NFC and one tone-mark placement (:func:`policykg.core.vntext.normalize`);
- page-break splits inside a sentence ("phù\\n\\nhợp", "Kết luận\\n\\nsố 69") are
  joined by turning the break into spaces;
- non-breaking and zero-width spaces become plain spaces;
- bullets in other glyphs (a Word list's Symbol or Wingdings marks read from a PDF as
  private-use characters, "◦", "►", "➢" …) become "•", or "▪" for the square marks of a
  second level ("○" for Word's "o");
- line ends of every origin become "\\n": the "\\r" of a "\\r\\n" a space before it, a
  lone "\\r" (old Mac files) a line break;
- a wrapped text whose every line break a PDF reader doubled has them halved
  (:func:`undouble_breaks`), and the page numbers it left on lines of their own
  become spaces (:func:`blank_page_numbers`).

:func:`tidy` makes an output string from a slice: Markdown emphasis removed,
whitespace collapsed, stray punctuation trimmed.
"""

from __future__ import annotations

import re
from itertools import pairwise

from policykg.core.vntext import normalize
from policykg.loaders.scan import line_start_search

# A paragraph break between two lower-case letters (no closing punctuation before it)
# is a page break in the middle of a sentence.  Upper-case headings followed by a
# lower-case subject line ("CỦA BAN THƯỜNG VỤ\n\nthực hiện …") are left alone.
_LOWER = "a-zàáảãạăằắẳẵặâầấẩẫậđèéẻẽẹêềếểễệìíỉĩịòóỏõọôồốổỗộơờớởỡợùúủũụưừứửữựỳýỷỹỵ"
_LOWER_SET = frozenset(_LOWER.replace("a-z", "abcdefghijklmnopqrstuvwxyz"))
# From its first line break (the search skips to line breaks); the spaces before it are
# taken in code.
_BLANK_LINE = re.compile(r"\n(?:[ \t]*\n)+[ \t]*")
# "a) …" (or "a/ …", "a. X…") after a break opens a lettered item: not a page break inside a
# sentence.
LETTER_LABEL = re.compile(r"[a-zđ](?:[ \t]*\)|/[ \t]|\.[ \t]+[A-ZĐÀ-Ỹ])")
# Some PDF readers double every line break of a wrapped text.
_ENDS_SENTENCE = re.compile(r"[.!?;:][\"”’)\]*]*[ \t]*$")
DOUBLED_MIN_LINES = 12  # fewer lines are too few to tell a doubled text
DOUBLED_MAX_WIDTH = 120  # a wrapped text's lines are no longer (their 90th percentile)
# A PDF page's number, alone on its line: "2", "- 2 -", "Trang 2", "2/10".
_PAGE_NUMBER = re.compile(r"(?m)^[ \t]*(?:[-–][ \t]*)?(?:Trang[ \t]+)?(\d{1,3})"
                          r"(?:[ \t]*/[ \t]*\d{1,3})?(?:[ \t]*[-–])?[ \t]*$")
PAGE_MIN_CHARS = 1000  # pages are at least this far apart; a table's "1", "2" … are not
_ODD_SPACES = "\u00a0" + "".join(map(chr, range(0x2000, 0x200C))) + "\u202f\u205f\u3000\ufeff"
_ODD_SPACE = re.compile(f"[{_ODD_SPACES}]")
# Bullet glyphs the outline does not read, at the start of a line: Symbol and Wingdings
# marks (U+F020–U+F0FF, as a PDF reader gives a Word list's), and other list glyphs.
_GLYPHS = "\uf020-\uf0ff◦►➢❖·◆◇♦▫➤"
_GLYPH_BULLET = re.compile(f"(?m)^([ \t]*)([{_GLYPHS}](?=[ \t])|o(?=\t))")  # Word's "o"
_SQUARES = frozenset("\uf0a7\uf0a8\uf06e\uf0fe▫◆◇♦")  # a second level's marks
# What a page number's line opens with after its spaces (besides a digit).
_PAGE_NUMBER_OPENS = frozenset("-–T")


def _page_numbers(text: str) -> list[re.Match[str]]:
    """``_PAGE_NUMBER.finditer(text)``, tried only at the starts of lines that open as a
    page number does (a match is one line, from its start)."""
    found = []
    start = 0
    for line in text.split("\n"):
        head = line.lstrip(" \t")[:1]
        if head and (head in _PAGE_NUMBER_OPENS or head.isdecimal()) and \
                (m := _PAGE_NUMBER.match(text, start)) is not None:
            found.append(m)
        start += len(line) + 1
    return found


def _spaces_start(text: str, end: int) -> int:
    """Where the spaces and tabs before ``end`` start."""
    while end and text[end - 1] in " \t":
        end -= 1
    return end


def _wrapped(lines: list[str]) -> bool:
    """Whether ``lines`` (the lines with text) were wrapped at a width: short (a table's
    rows, kept whole, aside), and one in ten or more breaks inside a sentence (no closing
    mark, the next line in lower case)."""
    lengths = sorted(len(ln) for ln in lines if "|" not in ln) or [0]
    inside = sum(1 for a, b in pairwise(lines)
                 if b[:1].isalpha() and b[:1].islower() and not _ENDS_SENTENCE.search(a))
    return lengths[int(len(lengths) * 0.9)] <= DOUBLED_MAX_WIDTH and inside * 10 >= len(lines)


def undouble_breaks(text: str, runs: list[re.Match[str]] | None = None) -> str:
    """``text`` with its line breaks halved if a PDF reader doubled every one of them:
    of each run of ``k`` breaks, the first ``k // 2`` become spaces (one blank line:
    none; three: one), so lines touch as a reader sees them.  Left as it is when lines
    touch (one right under another) in more than a twentieth of it, when it is short, or
    when its lines are not wrapped: paragraphs one a line, a blank line between them,
    are a layout of their own.  The same length.  ``runs`` are the text's runs of blank
    lines, when already found."""
    runs = list(_BLANK_LINE.finditer(text)) if runs is None else runs
    filled = [stripped for ln in text.split("\n") if (stripped := ln.strip())]
    touching = text.count("\n") - sum(m.group().count("\n") for m in runs)
    if len(filled) < DOUBLED_MIN_LINES or touching > len(filled) // 20 \
            or len(runs) < len(filled) // 2 or not _wrapped(filled):
        return text
    out = list(text)
    for run in runs:
        breaks = [run.start() + i for i, c in enumerate(run.group()) if c == "\n"]
        for at in breaks[:len(breaks) // 2]:
            out[at] = " "
    return "".join(out)


def blank_page_numbers(text: str) -> str:
    """``text`` with the numbers a PDF reader left of its pages made spaces, with the line
    break before each, so the lines around touch again: lines of a number alone that
    count up by one from 1 or 2, a page apart (at least :data:`PAGE_MIN_CHARS`); two at
    least.  The same length."""
    found = [m for m in _page_numbers(text) if m.group().strip()]
    run: list[re.Match[str]] = []
    for m in found:
        if run and int(m.group(1)) == int(run[-1].group(1)) + 1 \
                and m.start() - run[-1].start() >= PAGE_MIN_CHARS:
            run.append(m)
        elif not run or len(run) < 2:
            run = [m] if int(m.group(1)) in (1, 2) and m.start() >= PAGE_MIN_CHARS // 2 else []
    if len(run) < 2:
        return text
    out = list(text)
    for m in run:
        start = m.start() - 1 if text[m.start() - 1] == "\n" else m.start()
        out[start:m.end()] = " " * (m.end() - start)
    return "".join(out)


def clean_text(raw: str) -> str:
    """Normalise ``raw`` for extraction; the result has the length of NFC(raw)."""
    text = normalize(raw)
    if any(space in text for space in _ODD_SPACES):  # (a search for each is faster)
        text = _ODD_SPACE.sub(" ", text)
    if "\r" in text:
        text = text.replace("\r\n", " \n").replace("\r", "\n")
    if line_start_search(_GLYPH_BULLET, text) is not None:
        text = _GLYPH_BULLET.sub(
            lambda m: m[1] + ("▪" if m[2] in _SQUARES else "○" if m[2] == "o" else "•"), text)
    text = blank_page_numbers(text)
    runs = list(_BLANK_LINE.finditer(text))
    if "\n\n" in text and (undoubled := undouble_breaks(text, runs)) is not text:
        text, runs = undoubled, list(_BLANK_LINE.finditer(undoubled))
    joins = [(start, m.end()) for m in runs
             if (start := _spaces_start(text, m.start())) > 0 and m.end() < len(text)
             and text[start - 1] in _LOWER_SET and text[m.end()] in _LOWER_SET
             and not LETTER_LABEL.match(text, m.end())]
    if not joins:
        return text
    parts, last = [], 0
    for start, end in joins:
        parts += [text[last:start], " " * (end - start)]
        last = end
    parts.append(text[last:])
    return "".join(parts)


def tidy(fragment: str) -> str:
    """An output string: no Markdown asterisks, single spaces, trimmed."""
    if "*" not in fragment and "  " not in fragment and fragment.isprintable():
        return fragment.strip(" ,;")  # already single spaces (any other space is unprintable)
    return " ".join(fragment.replace("*", "").split()).strip(" \t\n,;")
