"""Loading speed with load-time validation by either checker, against none.

    python -m bench.loading [--files 300]

Writes synthetic plans (:func:`bench.corpus.write_batch`), extracts them once,
then loads them (in the loader's batches) into a throwaway FalkorDB three times,
emptying the graph between runs: without validation, validated by the Cypher rules in
a scratch graph (what FalkorDB does), and validated by pyshacl (what a store without
scratch graphs, such as Neo4j, does).  Prints documents per second and the ratios,
measured in one run.
"""

from __future__ import annotations

import argparse
import tempfile
import time
from pathlib import Path

from bench.corpus import write_batch
from bench.validation import serving
from policykg.loaders.batch import discover, extract_batch
from policykg.loaders.load import batches, load_batch
from policykg.ontology.records import Extraction
from tests.stores import WithoutScratch


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0] if __doc__ else None)
    parser.add_argument("--files", type=int, default=300)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="policykg-bench-") as tmp:
        write_batch(Path(tmp) / "batch", args.files)
        items = [e for e in extract_batch(discover([Path(tmp) / "batch"]))
                 if isinstance(e, Extraction)]
        with serving(Path(tmp)) as (store, _, _):
            store.ensure_schema()
            rates: dict[str, float] = {}
            for name, target, check in (("none", store, None), ("rules", store, "warn"),
                                        ("pyshacl", WithoutScratch(store), "warn")):
                store.clear()
                start = time.perf_counter()
                for batch in batches(items):
                    load_batch(target, batch, check)  # type: ignore[arg-type]
                rates[name] = len(items) / (time.perf_counter() - start)
                print(f"{len(items)} documents, validation {name:8s} {rates[name]:6.1f} /s")
    print(f"rules / pyshacl: {rates['rules'] / rates['pyshacl']:.1f}x; "
          f"rules / no validation: {rates['rules'] / rates['none']:.2f}")


if __name__ == "__main__":
    main()
