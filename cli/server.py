"""``policykg serve``, ``up`` and ``db``: the HTTP server and the embedded graph."""

from __future__ import annotations

import argparse
import copy
from typing import Any

import uvicorn

from policykg.cli.common import (
    EXIT_FINDINGS,
    EXIT_INPUT,
    EXIT_OK,
    embedded_graph,
    err,
    open_store,
)
from policykg.cli.documents import load_paths
from policykg.cli.listing import plural
from policykg.core.limits import MAX_REQUEST_HEAD
from policykg.core.settings import get_settings
from policykg.ontology.validation import Finding
from policykg.queries.embedded import EmbeddedFalkorDB
from policykg.queries.store import GraphStore
from policykg.queries.validation import text_lines, validate_store

APP_FACTORY = "policykg.api.app:create_app"  # by name: the CLI does not import the API
HTTP_PROTOCOL = "policykg.api.h11_protocol:HeadTimeoutH11"  # h11, with a head time limit
ACCESS_FORMAT = "%(asctime)s %(levelname)s [%(request_id)s] %(message)s"


def log_config(access_log: bool) -> dict[str, Any]:
    """uvicorn's logging, with its access lines replaced by the API's own (one per request,
    with its request id, status and time), written by a background thread."""
    config = copy.deepcopy(uvicorn.config.LOGGING_CONFIG)
    config["handlers"]["policykg"] = {
        "()": "policykg.core.logs.background_stderr_handler", "fmt": ACCESS_FORMAT}
    config["loggers"]["policykg.api"] = {
        "handlers": ["policykg"], "level": "INFO" if access_log else "WARNING",
        "propagate": False}
    return config


def _summary(store: GraphStore) -> None:
    """Validate the whole graph, print the counts per shape and what the violations are."""
    run = validate_store(store)
    lines = text_lines(run)
    print("validation: " + next(lines))
    for line in lines:
        if line and not line.startswith(("  ", "    ")):
            print("  " + line)
    violations = [f for f in run.report.findings if f.severity == "Violation"]
    if violations:
        print(explain_violations(violations))


def explain_violations(violations: list[Finding]) -> str:
    """One sentence on a freshly loaded sample's violations: which they are, that they
    do not stop the server, and where to see them."""
    unowned = sum(f.shape.rsplit("/", 1)[-1] == "TaskOwner" for f in violations)
    if unowned == len(violations):
        what = (f"the {plural(unowned, 'violation')} are the sample's {plural(unowned, 'task')} "
                "whose text names no owner (the extractor leaves an owner out rather than "
                "guess one)")
    else:
        what = (f"the {plural(len(violations), 'violation')} are faults in the sample's "
                f"documents, {unowned} of them tasks whose text names no owner")
    return (f"Note: {what}; the graph is served as loaded — `policykg audit unowned` lists "
            "the tasks, `policykg validate` every finding.")


def load_sample(store: GraphStore) -> None:
    """Load the corpus into an empty graph and say what validation found in it."""
    corpus = get_settings().corpus_dir
    print(f"the graph is empty: loading the bundled corpus from {corpus}")
    load_paths(store, [corpus], print)
    _summary(store)


def _after_serving(started: EmbeddedFalkorDB | None) -> None:
    """Once the server has stopped (Ctrl-C): stop the embedded graph this command started,
    or say that the one it found is still running."""
    embedded = embedded_graph()
    if started is not None:
        started.stop()
        err("stopped the embedded graph it had started")
    elif embedded is not None and (status := embedded.status()).running:
        err(f"the embedded graph is still running on 127.0.0.1:{status.port} (data in "
            f"{status.data_dir}); `policykg db stop` stops it")


def cmd_serve(args: argparse.Namespace) -> int:
    _serve(args)
    _after_serving(None)
    return EXIT_OK


def _serve(args: argparse.Namespace) -> None:
    # a request's head is bounded in size (a 100 MB header held /health for 14 s) and in
    # time (POLICYKG_HEAD_TIMEOUT_S), and an idle connection closed: neither a huge nor a
    # slow client holds the server.  h11, not httptools: only h11 bounds the head.
    uvicorn.run(APP_FACTORY, factory=True, host=args.host, port=args.port, log_level="info",
                http=HTTP_PROTOCOL, h11_max_incomplete_event_size=MAX_REQUEST_HEAD,
                timeout_keep_alive=5, workers=args.workers, access_log=False,
                log_config=log_config(args.access_log))


def cmd_up(args: argparse.Namespace) -> int:
    embedded = embedded_graph()
    started = embedded if embedded is not None and not embedded.status().running else None
    store = open_store()
    try:
        if store.count_nodes() == 0:
            load_sample(store)
        else:
            print(f"the graph holds {store.count_nodes()} nodes; not reloading the corpus")
    finally:
        store.close()
    try:
        _serve(args)
    finally:
        _after_serving(started)
    return EXIT_OK


def cmd_db(args: argparse.Namespace) -> int:
    settings = get_settings()
    if settings.graph_url:
        err(f"POLICYKG_GRAPH_URL is set ({settings.graph_url}): `db` manages only the "
            "embedded graph")
        return EXIT_INPUT
    db = EmbeddedFalkorDB(settings.data_dir, settings.embedded_port)
    if args.action == "start":
        port = db.start()
        print(f"embedded graph running on 127.0.0.1:{port} (data in {settings.data_dir})")
    elif args.action == "stop":
        db.stop()
        print("embedded graph stopped")
    else:
        status = db.status()
        state = f"running on 127.0.0.1:{status.port} (pid {status.pid})" if status.running \
            else "not running"
        if status.loading:
            state += ", still loading its data"
        print(f"embedded graph {state}; data in {status.data_dir}")
        return EXIT_OK if status.running else EXIT_FINDINGS  # 1: stopped, as a check
    return EXIT_OK
