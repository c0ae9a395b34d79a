"""What a load leaves in the graph, to compare two versions of the loader.

    python bench/graph_dump.py --write-docs DOCS [--files 150]
    PYTHONPATH=<checkout>/src:<checkout> python bench/graph_dump.py --docs DOCS OUT.json

The first form writes the documents (:func:`bench.corpus.write_batch`: ``DOCS/distinct``,
all distinct, and ``DOCS/alike``, citing the same documents).  The second loads the
bundled corpus and ``DOCS``, then the corpus and ``DOCS/alike`` again (a reload),
with the loader on ``PYTHONPATH``, into a throwaway FalkorDB, once per mode (``warn``,
``reject``, no validation), and writes the outcomes (id, warnings, findings) and the
graph (every node with its labels and properties, every relationship with its type,
ends and properties) as JSON.  Run it with two checkouts and compare the files: equal
files, equal graphs.  Run as a script (not ``-m``), so that the checkout's own
``bench.validation`` starts the server.
"""

from __future__ import annotations

import argparse
import json
import tempfile
from pathlib import Path
from typing import Any

from bench.validation import serving
from policykg.loaders.load import LoadResult, OnViolation, load_files
from policykg.queries.store import GraphStore

CORPUS = Path(__file__).resolve().parent.parent / "corpus"


def snapshot(store: GraphStore) -> dict[str, list[str]]:
    """Every node and relationship, as sorted JSON lines."""
    nodes = store.read("MATCH (n) RETURN labels(n) AS labels, properties(n) AS props")
    rels = store.read("MATCH (a)-[r]->(b) RETURN type(r) AS type, a.id AS a, b.id AS b, "
                      "properties(r) AS props")
    return {"nodes": sorted(json.dumps(n, sort_keys=True, ensure_ascii=False) for n in nodes),
            "rels": sorted(json.dumps(r, sort_keys=True, ensure_ascii=False) for r in rels)}


def dump(docs: Path) -> dict[str, Any]:
    out: dict[str, Any] = {}
    with tempfile.TemporaryDirectory(prefix="policykg-dump-") as tmp, \
            serving(Path(tmp)) as (store, _, _):
        store.ensure_schema()
        modes: tuple[OnViolation | None, ...] = ("warn", "reject", None)
        for mode in modes:
            store.clear()
            outcomes = []
            for paths in ([CORPUS, docs], [CORPUS, docs / "alike"]):
                for r in load_files(store, paths, mode):
                    source = Path(r.source).name
                    outcomes.append([source, r.document_id, list(r.warnings),
                                     sorted(repr(f) for f in r.findings)]
                                    if isinstance(r, LoadResult)
                                    else [source, type(r.error).__name__])
            out[str(mode)] = {"outcomes": outcomes, **snapshot(store)}
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0] if __doc__ else None)
    parser.add_argument("out", nargs="?", type=Path)
    parser.add_argument("--docs", type=Path)
    parser.add_argument("--write-docs", type=Path)
    parser.add_argument("--files", type=int, default=150)
    args = parser.parse_args()
    if args.write_docs:
        from bench.corpus import write_batch  # this checkout's generator
        write_batch(args.write_docs / "distinct", args.files)
        write_batch(args.write_docs / "alike", args.files, cite_alike=True)
        return
    if args.out is None or args.docs is None:
        parser.error("--docs DOCS OUT.json, or --write-docs DOCS")
    args.out.write_text(json.dumps(dump(args.docs), ensure_ascii=False), encoding="utf-8")


if __name__ == "__main__":
    main()
