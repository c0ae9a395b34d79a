"""``policykg export`` and ``policykg import``: the whole graph as Turtle or JSON-LD, and back.

Export reads the graph through :mod:`policykg.queries.export` and writes the ontology's
terms (:func:`policykg.ontology.rdf.to_rdf`; JSON-LD compacted with ``context.jsonld``).
Import reads such a file (Turtle for ``.ttl``, JSON-LD for ``.jsonld``/``.json``),
turns it back into nodes and relationships (:func:`policykg.ontology.rdf.from_rdf`) and
writes them in batches (:mod:`policykg.queries.bulk`) into a staging graph put in place of
the graph when every batch is written (FalkorDB: a killed import leaves the graph as it
was; Neo4j writes in place, emptied first).  Nothing is lost
but the order of list properties (RDF has none: they come back sorted).
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from rdflib import Graph

from policykg.cli.common import EXIT_OK, err, open_store
from policykg.cli.progress import Progress, number
from policykg.core.errors import InputError
from policykg.ontology.rdf import from_jsonld, from_rdf, to_jsonld, to_rdf
from policykg.queries.bulk import write_dump
from policykg.queries.export import count_relationships, dump_nodes, dump_relationships

_FORMATS = {".ttl": "turtle", ".jsonld": "jsonld", ".json": "jsonld"}


def cmd_export(args: argparse.Namespace) -> int:
    store = open_store()
    try:
        total = store.count_nodes() + count_relationships(store)
        with Progress("export", "nodes and relationships", total,
                      quiet=args.quiet) as progress:
            graph = to_rdf(progress.track(dump_nodes(store)),
                           progress.track(dump_relationships(store)))
    finally:
        store.close()
    if not args.quiet:
        err(f"export: writing {number(len(graph))} triples as {args.format}")
    text = to_jsonld(graph) if args.format == "jsonld" else graph.serialize(format="turtle")
    if args.output is None:
        sys.stdout.write(text)
    else:
        try:
            args.output.write_text(text, encoding="utf-8")
        except OSError as exc:
            raise InputError(f"{args.output}: cannot write: {exc.strerror}") from exc
        print(f"exported {len(graph)} triples to {args.output}")
    return EXIT_OK


def cmd_import(args: argparse.Namespace) -> int:
    path: Path = args.file
    kind = _FORMATS.get(path.suffix.lower())
    if kind is None:
        raise InputError(f"{path}: unknown format (expected {', '.join(_FORMATS)})")
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise InputError(f"{path}: cannot read: {exc}") from exc
    try:
        graph = from_jsonld(text) if kind == "jsonld" else Graph().parse(data=text,
                                                                        format="turtle")
        nodes, rels = from_rdf(graph)
    except Exception as exc:  # rdflib's parsers raise many types; from_rdf ValueError
        raise InputError(f"{path}: not a policykg {kind} export: {exc}") from exc
    store = open_store()
    try:
        held = store.count_nodes()
        if held and not args.replace:
            raise InputError(f"the graph holds {held} nodes: import needs an empty graph "
                             "(--replace replaces it; POLICYKG_GRAPH_NAME names another)")
        with store.staging() as target, Progress(
                "import", "nodes and relationships", len(nodes) + len(rels),
                quiet=args.quiet) as progress:
            written = write_dump(target, progress.track(nodes), progress.track(rels))
    finally:
        store.close()
    print(f"imported {written[0]} nodes and {written[1]} relationships from {path}")
    return EXIT_OK
