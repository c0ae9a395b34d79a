"""Vietnamese text normalisation shared by the loaders, the store and search.

- :func:`normalize` — NFC plus one tone-mark placement ("hoá" → "hóa", "uỷ" → "ủy"),
  so that two spellings of one word compare equal.  It never changes the length
  of already-NFC text by more than the recomposition itself, and is idempotent.
- :func:`fold` — a search key: normalised, lower-cased, diacritics removed
  ("Kết luận" → "ket luan"), "đ" → "d", runs of non-alphanumerics to one space.
- :func:`expand_abbreviations` — UBND, HĐND, MTTQ, KH&CN … spelled out.
- :func:`slug` — ASCII identifier fragment ("Thái Nguyên" → "thai-nguyen").
- :func:`tone_blind` — a pattern for words that also matches them with lost diacritics.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

# Old-style tone placement on the first vowel of "oa", "oe", "uy" → new style on
# the second vowel.  Only open syllables move: "hoàn", "khoảng", "thuyết" keep
# their mark where it is in both styles.
_TONE_PAIRS = {
    "oà": "òa", "oá": "óa", "oả": "ỏa", "oã": "õa", "oạ": "ọa",
    "oè": "òe", "oé": "óe", "oẻ": "ỏe", "oẽ": "õe", "oẹ": "ọe",
    "uỳ": "ùy", "uý": "úy", "uỷ": "ủy", "uỹ": "ũy", "uỵ": "ụy",
}
_TONE_PAIRS.update({k.upper(): v.upper() for k, v in list(_TONE_PAIRS.items())})
_TONE_PAIRS.update({k[0].upper() + k[1:]: v[0].upper() + v[1:] for k, v in list(_TONE_PAIRS.items())
                    if k.islower()})
# A pair moves only when it ends the syllable (not followed by another letter), and
# "u" after "q" is part of the consonant: "quý", "quỹ" are the same in both styles.
# The pattern is character classes, the first leading (the search skips to "o" and "u");
# pairs it finds that are not in the table ("uà") are left as they are.
_TONE_RE = re.compile(
    "([oOuU](?<![qQ][oOuU])[" + "".join(sorted({k[1] for k in _TONE_PAIRS})) + r"])(?![^\W\d_])"
)
_TONE_MARKED = frozenset(k[1] for k in _TONE_PAIRS)


# Vietnamese capitals and small letters, as character-class ranges ("[{UPPER}]").
UPPER = "A-ZĐÀÁẢÃẠĂẰẮẲẴẶÂẦẤẨẪẬÈÉẺẼẸÊỀẾỂỄỆÌÍỈĨỊÒÓỎÕỌÔỒỐỔỖỘƠỜỚỞỠỢÙÚỦŨỤƯỪỨỬỮỰỲÝỶỸỴ"
LOWER = "a-zđàáảãạăằắẳẵặâầấẩẫậèéẻẽẹêềếểễệìíỉĩịòóỏõọôồốổỗộơờớởỡợùúủũụưừứửữựỳýỷỹỵ"


_ABBREVIATIONS = {
    "UBND": "Ủy ban nhân dân",
    "HĐND": "Hội đồng nhân dân",
    "MTTQ": "Mặt trận Tổ quốc",
    "KH&CN": "khoa học và công nghệ",
    "KHCN": "khoa học và công nghệ",
    "KH-CN": "khoa học và công nghệ",
    "BTV": "Ban Thường vụ",
    "BCS": "Ban cán sự",
    "BCH": "Ban Chấp hành",
    "TƯ": "Trung ương",
}
_ABBR_RE = re.compile(
    r"(?<![^\W_])(" + "|".join(map(re.escape, sorted(_ABBREVIATIONS, key=len, reverse=True)))
    + r")(?![^\W_])"
)
_NON_ALNUM = re.compile(r"[^0-9a-z]+")


def normalize(text: str) -> str:
    """NFC and new-style tone marks; idempotent."""
    if not unicodedata.is_normalized("NFC", text):
        text = unicodedata.normalize("NFC", text)
    if _TONE_MARKED.isdisjoint(text):
        return text
    return _TONE_RE.sub(lambda m: _TONE_PAIRS.get(m.group(1), m.group(1)), text)


@lru_cache(maxsize=65536)
def _stripped_word(word: str) -> str:
    decomposed = unicodedata.normalize("NFD", word)
    return "".join(c for c in decomposed if not unicodedata.combining(c))


def strip_diacritics(text: str) -> str:
    """Remove Vietnamese diacritics, keeping case ("Đảng" → "Dang").

    Word by word (split at spaces, which nothing decomposes into or reorders across, so
    the result is the whole text's), each word's form remembered: texts repeat words."""
    text = text.replace("đ", "d").replace("Đ", "D")
    if text.isascii():
        return text
    return " ".join(map(_stripped_word, text.split(" ")))


def fold(text: str) -> str:
    """Search key: lower case, no diacritics, alphanumeric words separated by one space."""
    return _NON_ALNUM.sub(" ", strip_diacritics(normalize(text)).lower()).strip()


def slug(text: str) -> str:
    """ASCII slug for identifiers: "Thái Nguyên" → "thai-nguyen"."""
    return fold(text).replace(" ", "-")


def expand_abbreviations(text: str) -> str:
    """Spell out the common abbreviations of body names (UBND → Ủy ban nhân dân)."""
    return _ABBR_RE.sub(_spelt_out, normalize(text))


# Words "TƯ" starts that are no abbreviation of "Trung ương": "BỘ TƯ PHÁP", "TƯ VẤN" …
_TU_WORD = re.compile(r"[ \t]+(?:PHÁP|NHÂN|VẤN|DUY|LIỆU|TƯỞNG|CÁCH|LỆNH)\b", re.I)


def _spelt_out(m: re.Match[str]) -> str:
    if m.group(1) == "TƯ" and _TU_WORD.match(m.string, m.end()):
        return m.group()
    return _ABBREVIATIONS[m.group(1)]


# Characters a case-blind pattern letter matches beyond its two cases.
_CASE_TWINS = {"i": "İı", "k": "\u212a", "s": "ſ"}
# Letters a case-blind pattern reads as "i", "k" or "s" that do not lower-case to them:
# in a text holding none, a case-blind word is where its lower case is in the lower case.
CASE_TWIN_LETTERS = "".join(_CASE_TWINS.values())


def may_hold(text: str, words: tuple[str, ...], lower: str | None = None) -> bool:
    """Whether a case-blind pattern needing one of ``words`` (lower case) may match in
    ``text``: its lower case (``lower``, when already made) holds one, or lower-casing
    cannot tell (a lower case longer than the text, or a case twin in it)."""
    low = text.lower() if lower is None else lower
    return len(low) != len(text) or any(map(low.__contains__, words)) or any(
        map(text.__contains__, CASE_TWIN_LETTERS))


def _cases(letter: str) -> str:
    low = letter.lower()
    return low + letter.upper() + _CASE_TWINS.get(low, "")


def case_blind_words(*alternatives: str, not_after: tuple[str, ...] = ()) -> str:
    r"""A pattern matching as ``(?<!x)(?<!y)(?i)\b(?:a|b|…)`` does (``not_after`` being
    ``(x, y)``, literals matched in case), written so that a search skips to the
    alternatives' first letters: a class of them in every case opens it, and what comes
    before and the letter each alternative starts with are looked behind after it.
    Each alternative starts with a letter a-z or "đ"; the rest of it ignores case."""
    assert all(a[:1].lower() in "abcdefghijklmnopqrstuvwxyzđ" and a[:1] for a in alternatives)
    lead = "".join(sorted({c for a in alternatives for c in _cases(a[0])}))
    before = "".join(f"(?<!{re.escape(literal)}.)" for literal in not_after)
    return rf"[{lead}](?<!\w.){before}(?i:" + "|".join(
        f"(?<=[{_cases(a[0])}]){a[1:]}" for a in alternatives) + ")"


def _tone_variants() -> dict[str, str]:
    """Each base letter (a, d, e …) and every lower-case Vietnamese letter built on it."""
    letters = "aàáảãạăằắẳẵặâầấẩẫậdđeèéẻẽẹêềếểễệiìíỉĩịoòóỏõọôồốổỗộơờớởỡợuùúủũụưừứửữựyỳýỷỹỵ"
    variants: dict[str, str] = {}
    for letter in letters:
        base = strip_diacritics(letter)
        variants[base] = variants.get(base, "") + letter
    return variants


_TONE_VARIANTS = _tone_variants()


def tone_blind(words: str) -> str:
    r"""A pattern matching ``words`` with any of their diacritics lost or misplaced
    ("Tinh Hình" for "Tình hình", as copied pages have them); spaces match ``\s+``.
    Use it with ``(?i)``; ``words`` are plain lower-case words."""
    out = []
    for char in words:
        if char == " ":
            out.append(r"\s+")
        else:
            base = strip_diacritics(char)
            out.append(f"[{_TONE_VARIANTS[base]}]" if base in _TONE_VARIANTS else re.escape(char))
    return "".join(out)


_LETTER = re.compile(r"[^\W\d_]")
_CAPITALS_HEAD = 24


def in_capitals(text: str, least: int = 1) -> bool:
    """Whether ``text`` is written in capitals: no lower-case letter, ``least`` letters."""
    # Upper case maps each character on its own (never to a string starting with the
    # character itself): a head that is not in capitals decides for the whole text.
    head = text[:_CAPITALS_HEAD]
    if head != head.upper() or text != text.upper():
        return False
    if least <= 1:
        return text != text.lower()
    return any(k + 1 >= least for k, _ in enumerate(_LETTER.finditer(text)))
