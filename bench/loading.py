"""Loading speed with load-time validation by either checker, against none and a bare write.

    python -m bench.loading [--files 300] [--no-pyshacl] [--cite-alike] [--repeat 3]

Writes synthetic plans (:func:`bench.corpus.write_batch`; with ``--cite-alike`` they
cite the same documents, as a real corpus's plans cite the same resolutions), extracts
them once,
then loads them (in the loader's batches) into a throwaway FalkorDB three times,
emptying the graph between runs: without validation, validated by the Cypher rules in
a scratch graph (what FalkorDB does), and validated by pyshacl (what a store without
scratch graphs, such as Neo4j, does); then writes the nodes and relationships these
documents make (their rows' dumps, each node once) with the bare ``UNWIND $rows …
CREATE`` batches of ``policykg import`` (:func:`policykg.queries.bulk.write_dump`), a
ceiling above a bare ``MERGE``.  Each of these runs ``--repeat`` times, in turn (a shared
machine's load meets them alike).  Prints documents per second and the ratios of the
medians, measured in one run, and each run's rate over its first and last thousand
documents (a third of them when fewer than 3 000): whether it stays flat as the graph
grows.
"""

from __future__ import annotations

import argparse
import statistics
import tempfile
import time
from pathlib import Path

from bench.corpus import write_batch
from bench.validation import serving
from policykg.loaders.batch import discover, extract_batch
from policykg.loaders.batch_index import BatchIndex
from policykg.loaders.load import batches, load_batch, resolve_citations
from policykg.loaders.precheck import Node, Rel, rows_dump
from policykg.loaders.rows import document_rows
from policykg.ontology.records import Extraction
from policykg.queries.bulk import write_dump
from policykg.queries.store import GraphStore
from tests.stores import WithoutScratch


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0] if __doc__ else None)
    parser.add_argument("--files", type=int, default=300)
    parser.add_argument("--no-pyshacl", action="store_true",
                        help="skip the pyshacl run (10 documents/s: long for large batches)")
    parser.add_argument("--repeat", type=int, default=3,
                        help="runs of each; the rates and ratios are their medians")
    parser.add_argument("--cite-alike", action="store_true",
                        help="documents that differ only in their own numbers")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="policykg-bench-") as tmp:
        write_batch(Path(tmp) / "batch", args.files, cite_alike=args.cite_alike)
        items = [e for e in extract_batch(discover([Path(tmp) / "batch"]))
                 if isinstance(e, Extraction)]
        with serving(Path(tmp)) as (store, _, _):
            store.ensure_schema()
            samples: dict[str, list[float]] = {}
            runs = [("none", store, None), ("rules", store, "warn"),
                    ("pyshacl", WithoutScratch(store), "warn")][:2 if args.no_pyshacl else 3]
            nodes, rels = _dump(store, items)
            for _ in range(args.repeat):  # the runs in turn, so that each meets the load
                for name, target, check in runs:  # the machine has then, alike
                    store.clear()
                    start = time.perf_counter()
                    marks = [(0, start)]  # (documents loaded, when) after each batch
                    for batch in batches(items):
                        load_batch(target, batch, check)  # type: ignore[arg-type]
                        marks.append((marks[-1][0] + len(batch), time.perf_counter()))
                    samples.setdefault(name, []).append(len(items) / (marks[-1][1] - start))
                    print(f"{len(items)} documents, validation {name:8s} "
                          f"{samples[name][-1]:6.1f} /s{_growth(marks)}")
                store.clear()
                start = time.perf_counter()
                write_dump(store, nodes, rels)
                samples.setdefault("bare", []).append(len(items) / (time.perf_counter() - start))
                print(f"{len(items)} documents, bare UNWIND … CREATE {samples['bare'][-1]:6.1f} /s "
                      f"({len(nodes)} nodes, {len(rels)} relationships)")
    rates = {name: statistics.median(values) for name, values in samples.items()}
    if args.repeat > 1:
        print(f"medians of {args.repeat}: " + ", ".join(f"{name} {rate:.1f} /s"
                                                       for name, rate in rates.items()))
    if "pyshacl" in rates:
        print(f"rules / pyshacl: {rates['rules'] / rates['pyshacl']:.1f}x")
    print(f"rules / no validation: {rates['rules'] / rates['none']:.2f}; "
          f"loader / bare: {rates['none'] / rates['bare']:.3f} (validation off), "
          f"{rates['rules'] / rates['bare']:.3f} (rules)")


def _growth(marks: list[tuple[int, float]]) -> str:
    """The rate over the first and the last thousand documents (a third of them when
    fewer than 3 000), as the graph grows."""
    window = min(1000, marks[-1][0] // 3)
    if window == 0:
        return ""
    first = next(m for m in marks if m[0] >= window)
    last = next(m for m in reversed(marks) if marks[-1][0] - m[0] >= window)
    early = first[0] / (first[1] - marks[0][1])
    late = (marks[-1][0] - last[0]) / (marks[-1][1] - last[1])
    return (f" (first {first[0]}: {early:.1f} /s, last {marks[-1][0] - last[0]}: "
            f"{late:.1f} /s, last/first {late / early:.2f})")


def _dump(store: GraphStore, items: list[Extraction]) -> tuple[list[Node], list[Rel]]:
    """The nodes (each once, a document's own properties over its stubs') and the
    relationships (each once) of the rows of ``items``, resolved against the empty
    ``store``."""
    index = BatchIndex(store, items)
    nodes: dict[str, Node] = {}
    rels: dict[tuple[str, str, str], Rel] = {}
    for item in items:
        resolved, _ = resolve_citations(index, item)
        own_nodes, own_rels = rows_dump(document_rows(item, resolved), {})
        for label, props in own_nodes:
            if props["id"] not in nodes or not props.get("stub"):
                nodes[props["id"]] = (label, props)
        for rel in own_rels:
            rels.setdefault(rel[:3], rel)
    return list(nodes.values()), list(rels.values())


if __name__ == "__main__":
    main()
