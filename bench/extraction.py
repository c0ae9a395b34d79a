"""Extraction throughput on ~10 KB texts, against a single-regex-pass baseline.

    python -m bench.extraction [--docs N]

Prints documents per second for the full extractor and for the baseline (one
compiled regex pass over the same texts, measured in the same run), and their
ratio.  Both are timed in CPU time of this single process (``time.process_time``),
so the figures are per core and other load on the machine does not skew them;
best of ``--repeat`` runs.
"""

from __future__ import annotations

import argparse
import re
import time
from collections.abc import Callable

from bench.corpus import sized_texts, variant
from policykg.loaders.clean import clean_text
from policykg.loaders.extract import extract

_BASELINE = re.compile(r"\d+[-/][A-ZĐa-z]+[-/][A-ZĐa-z]+")


def _rate(fn: Callable[[str], object], texts: list[str], repeat: int = 1) -> float:
    """Documents per CPU second, best of ``repeat`` runs."""
    best = float("inf")
    for _ in range(repeat):
        start = time.process_time()
        for text in texts:
            fn(text)
        best = min(best, time.process_time() - start)
    return len(texts) / best


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--docs", type=int, default=2000)
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    base = sized_texts()
    texts = [variant(base[i % len(base)], i) for i in range(args.docs)]
    size = sum(map(len, texts)) / len(texts)
    _rate(lambda t: extract(clean_text(t), "bench.txt"), texts[:50])  # warm-up
    baseline = _rate(lambda t: _BASELINE.findall(t), texts, args.repeat)
    full = _rate(lambda t: extract(clean_text(t), "bench.txt"), texts, args.repeat)
    print(f"texts: {len(texts)} of {size / 1000:.1f} k characters on average")
    print(f"baseline (one regex pass): {baseline:10.0f} docs per CPU second")
    print(f"extraction (clean + extract): {full:7.0f} docs per CPU second")
    print(f"extraction / baseline: {full / baseline:.3f}")
    print(f"goal ≥ 500 docs/s per core: {'met' if full >= 500 else 'NOT met'}")


if __name__ == "__main__":
    main()
