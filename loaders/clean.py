"""Clean-up of source text before extraction (pure, offset-preserving).

:func:`clean_text` returns text of the same length as its (NFC) input, so that
character spans found in the cleaned text are spans of the source as well:

- NFC and one tone-mark placement (:func:`policykg.core.vntext.normalize`);
- page-break splits inside a sentence ("phù\\n\\nhợp", "Kết luận\\n\\nsố 69") are
  joined by turning the break into spaces;
- non-breaking and zero-width spaces become plain spaces;
- line ends of every origin become "\\n": the "\\r" of a "\\r\\n" a space before it, a
  lone "\\r" (old Mac files) a line break.

:func:`tidy` makes an output string from a slice: Markdown emphasis removed,
whitespace collapsed, stray punctuation trimmed.
"""

from __future__ import annotations

import re

from policykg.core.vntext import normalize

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
_ODD_SPACE = re.compile("[\u00a0\u2000-\u200b\u202f\u205f\u3000\ufeff]")


def _spaces_start(text: str, end: int) -> int:
    """Where the spaces and tabs before ``end`` start."""
    while end and text[end - 1] in " \t":
        end -= 1
    return end


def clean_text(raw: str) -> str:
    """Normalise ``raw`` for extraction; the result has the length of NFC(raw)."""
    text = normalize(raw)
    text = _ODD_SPACE.sub(" ", text)
    if "\r" in text:
        text = text.replace("\r\n", " \n").replace("\r", "\n")
    joins = [(start, m.end()) for m in _BLANK_LINE.finditer(text)
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
