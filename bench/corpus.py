"""Synthetic batches for the benchmarks: the bundled documents, varied.

Each synthetic file is a bundled document whose own numbers and dates are
shifted, so that files differ and every citation index entry is new.
"""

from __future__ import annotations

import re
from pathlib import Path

CORPUS = Path(__file__).resolve().parent.parent / "corpus"
_DIGITS = re.compile(r"\b(\d{2,4})-(NQ|KL|CT|KH|CTr|CV|TB)/")


def corpus_texts() -> list[str]:
    return [p.read_text(encoding="utf-8") for p in sorted(CORPUS.glob("*.txt"))]


def sized_texts(size: int = 10_000) -> list[str]:
    """The bundled texts cut (at a paragraph end) or repeated to about ``size`` characters."""
    out = []
    for text in corpus_texts():
        while len(text) < size:
            text += "\n\n" + text
        cut = text.rfind("\n\n", 0, size)
        out.append(text[: cut if cut > size // 2 else size])
    return out


def variant(text: str, n: int) -> str:
    """``text`` with its document numbers shifted by ``n``."""
    return _DIGITS.sub(lambda m: f"{int(m.group(1)) + n}-{m.group(2)}/", text)


def write_batch(folder: Path, count: int) -> list[Path]:
    """Write ``count`` synthetic source files into ``folder``."""
    texts = sized_texts()
    folder.mkdir(parents=True, exist_ok=True)
    paths = []
    for i in range(count):
        path = folder / f"doc-{i:05d}.txt"
        path.write_text(variant(texts[i % len(texts)], i), encoding="utf-8")
        paths.append(path)
    return paths
