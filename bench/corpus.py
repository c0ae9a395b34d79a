"""Synthetic batches for the benchmarks: the bundled documents, varied.

Each synthetic file is a bundled document whose own numbers are shifted, so that
files differ and every citation index entry is new.  A bundled document that prints
no number of its own (a web copy) would be one document however often it is varied
(its id hashes its title), so each of its variants gets a sidecar with the bundled
sidecar's facts and a number of its own: every file of a batch is a distinct document.
"""

from __future__ import annotations

import re
from pathlib import Path

import yaml

from policykg.loaders.clean import clean_text
from policykg.loaders.extract import extract
from policykg.ontology.identity import CODE_BY_KIND

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


def _sidecar(path: Path) -> dict[str, object]:
    side = path.with_name(path.name + ".meta.yaml")
    loaded = yaml.safe_load(side.read_text(encoding="utf-8")) if side.exists() else None
    return dict(loaded or {})


def write_batch(folder: Path, count: int, cite_alike: bool = False) -> list[Path]:
    """Write ``count`` synthetic source files into ``folder``, each a distinct document.

    With ``cite_alike`` only their own numbers differ (given by a sidecar): their texts,
    and so the documents they cite and the relations they state, are the bundled ones,
    as in a real corpus where many documents cite the same resolutions."""
    sources = sorted(CORPUS.glob("*.txt"))
    texts = sized_texts()
    # what a bundled text lacks for an id of its own: its number (kind code, issuer TU)
    numbers: dict[int, str] = {}
    unnumbered: set[int] = set()
    for k, text in enumerate(texts):
        header = extract(clean_text(text), sources[k].name).document
        numbers[k] = header.number or f"1-{CODE_BY_KIND[header.kind]}/TU"
        if header.number is None:
            unnumbered.add(k)
    folder.mkdir(parents=True, exist_ok=True)
    paths = []
    for i in range(count):
        k = i % len(texts)
        path = folder / f"doc-{i:05d}.txt"
        path.write_text(texts[k] if cite_alike else variant(texts[k], i), encoding="utf-8")
        if cite_alike or k in unnumbered:
            number = re.sub(r"^\d+", str(i + 1 + (1000 if cite_alike else 0)), numbers[k])
            side = {**_sidecar(sources[k]), "number": number}
            path.with_name(path.name + ".meta.yaml").write_text(
                yaml.safe_dump(side, allow_unicode=True), encoding="utf-8")
        paths.append(path)
    return paths
