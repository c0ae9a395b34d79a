"""Extraction throughput on ~10 KB texts, against a single-regex-pass baseline.

    python -m bench.extraction [--docs N]

Prints documents per second for the full extractor and for the baseline (one
compiled regex pass over the same texts, measured in the same run), and their
ratio.  Single process: the figures are per core.
"""

from __future__ import annotations

import argparse
import re
import time
from collections.abc import Callable

from bench.corpus import sized_texts, variant
from loaders.clean import clean_text
from loaders.extract import extract

_BASELINE = re.compile(r"\d+[-/][A-ZĐa-z]+[-/][A-ZĐa-z]+")


def _rate(fn: Callable[[str], object], texts: list[str]) -> float:
    start = time.perf_counter()
    for text in texts:
        fn(text)
    return len(texts) / (time.perf_counter() - start)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--docs", type=int, default=2000)
    args = parser.parse_args()
    base = sized_texts()
    texts = [variant(base[i % len(base)], i) for i in range(args.docs)]
    size = sum(map(len, texts)) / len(texts)
    _rate(lambda t: extract(clean_text(t), "bench.txt"), texts[:50])  # warm-up
    baseline = _rate(lambda t: _BASELINE.findall(t), texts)
    full = _rate(lambda t: extract(clean_text(t), "bench.txt"), texts)
    print(f"texts: {len(texts)} of {size / 1000:.1f} k characters on average")
    print(f"baseline (one regex pass): {baseline:10.0f} docs/s")
    print(f"extraction (clean + extract): {full:7.0f} docs/s")
    print(f"extraction / baseline: {full / baseline:.3f}")
    print(f"goal ≥ 500 docs/s per core: {'met' if full >= 500 else 'NOT met'}")


if __name__ == "__main__":
    main()
