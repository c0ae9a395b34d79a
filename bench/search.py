"""Search over HTTP at scale: ``/search`` requests/s and p99 against ``/health``.

    python -m bench.search [--docs 2000] [--seconds 5] [--connections 16] [--memory]

Writes a synthetic graph of about ``--docs`` distinct documents
(:class:`tests.synthetic.Synthetic` without faults: the corpus's task texts, titles and
proportions, numbers varied per item) into a throwaway FalkorDB with the schema
(:meth:`~policykg.queries.falkordb_store.FalkorDBStore.ensure_schema`), prints the
graph's memory (``GRAPH.MEMORY USAGE``), then starts ``policykg serve`` on a free port
and drives it over real HTTP with ``--connections`` keep-alive connections, each
sending its next request when the last is answered: ``/health``, then each query of
:data:`QUERIES`, for ``--seconds`` each.  Prints requests/s, p50 and p99 of each and
its ratio to ``/health``, measured in one run.
With ``--memory``, writes the same graph again into a second graph of the server
without the folded ``search`` keys (its full-text indexes then empty) and prints what
search costs in memory: the difference of the two graphs (``GRAPH.MEMORY USAGE``), its
full-text indexes (the difference of their index parts) and the folded keys (the rest).
Goal (issue 14): ≥ 0.2× ``/health`` with p99 ≤ 50 ms at 16 connections on 100 k documents.
"""

from __future__ import annotations

import argparse
import asyncio
import os
import socket
import subprocess
import sys
import tempfile
import time
import urllib.parse
import urllib.request
from pathlib import Path

from redis import Redis

from bench.validation import graph_parts, serving, used_mb
from policykg.queries.bulk import write_dump
from policykg.queries.falkordb_store import FalkorDBStore
from tests.synthetic import Synthetic, corpus_sample

GOAL_RATIO, GOAL_P99_MS = 0.2, 50.0
# a reference (a central resolution every graph holds), words of many task texts, a
# body's name without diacritics, a phrase of few texts
QUERIES = ("nghi quyet 20", "khoa hoc cong nghe", "so khoa hoc va cong nghe",
           "chuyen doi so quoc gia")


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port: int = s.getsockname()[1]
        return port


async def _connection(port: int, request: bytes, until: float, latencies: list[float]) -> None:
    reader, writer = await asyncio.open_connection("127.0.0.1", port)
    try:
        while time.perf_counter() < until:
            start = time.perf_counter()
            writer.write(request)
            head = await reader.readuntil(b"\r\n\r\n")
            if not head.startswith(b"HTTP/1.1 200"):
                raise RuntimeError(f"{request.split(b' ')[1]!r}: {head.splitlines()[0]!r}")
            length = next(int(line.split(b":")[1]) for line in head.lower().split(b"\r\n")
                          if line.startswith(b"content-length:"))
            await reader.readexactly(length)
            latencies.append(time.perf_counter() - start)
    finally:
        writer.close()


async def _drive(port: int, path: str, connections: int, seconds: float) -> list[float]:
    request = f"GET {path} HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n".encode()
    latencies: list[float] = []
    until = time.perf_counter() + seconds
    await asyncio.gather(*(_connection(port, request, until, latencies)
                           for _ in range(connections)))
    return latencies


def measure(port: int, path: str, connections: int, seconds: float) -> tuple[float, float, float]:
    """(requests/s, p50 ms, p99 ms) of ``path`` at ``connections`` connections."""
    asyncio.run(_drive(port, path, connections, min(1.0, seconds)))  # warm up
    start = time.perf_counter()
    latencies = sorted(asyncio.run(_drive(port, path, connections, seconds)))
    elapsed = time.perf_counter() - start
    return (len(latencies) / elapsed, 1000 * latencies[len(latencies) // 2],
            1000 * latencies[min(len(latencies) - 1, int(len(latencies) * 0.99))])


def _total_and_indexes(server: Redis, graph: str) -> tuple[int, int]:
    usage = server.execute_command("GRAPH.MEMORY", "USAGE", graph)  # type: ignore[no-untyped-call]
    return int(usage[b"total_graph_sz_mb"]), int(usage[b"indices_sz_mb"])


def search_memory(store: FalkorDBStore, server: Redis, synthetic: Synthetic) -> str:
    """What the folded keys and the full-text indexes of search take (MB): the graph
    against the same graph without the keys."""
    bare = FalkorDBStore(store.host, store.port, f"{store.graph_name}-bare")
    bare.ensure_schema()
    write_dump(bare, ((label, {k: v for k, v in props.items() if k != "search"})
                      for label, props in synthetic.nodes()), synthetic.relationships())
    (total, indexes), (bare_total, bare_indexes) = (
        _total_and_indexes(server, g) for g in (store.graph_name, bare.graph_name))
    bare.drop_graph()
    bare.close()
    return (f"search takes {total - bare_total} MB of the graph's {total} MB: full-text "
            f"indexes {indexes - bare_indexes} MB, folded keys "
            f"{total - bare_total - (indexes - bare_indexes)} MB")


def _serve(port: int, graph_port: int, graph: str) -> subprocess.Popen[bytes]:
    env = {**os.environ, "POLICYKG_GRAPH_URL": f"falkordb://127.0.0.1:{graph_port}",
           "POLICYKG_GRAPH_NAME": graph}
    server = subprocess.Popen([sys.executable, "-m", "policykg.cli.main", "serve", "--host",
                               "127.0.0.1", "--port", str(port)], env=env,
                              stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    deadline = time.monotonic() + 60
    while True:
        try:
            with urllib.request.urlopen(f"http://127.0.0.1:{port}/health", timeout=5):
                return server
        except OSError:
            if server.poll() is not None or time.monotonic() > deadline:
                server.kill()
                raise RuntimeError("policykg serve did not answer /health") from None
            time.sleep(0.2)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0] if __doc__ else None)
    parser.add_argument("--docs", type=int, default=2000)
    parser.add_argument("--seconds", type=float, default=5.0)
    parser.add_argument("--connections", type=int, default=16)
    parser.add_argument("--memory", action="store_true",
                        help="also measure the memory of search's keys and indexes")
    args = parser.parse_args()
    sample = corpus_sample()
    synthetic = Synthetic(tasks=args.docs * len(sample.task_texts) // sample.documents,
                          faults=False)
    with tempfile.TemporaryDirectory(prefix="policykg-bench-") as tmp, \
            serving(Path(tmp)) as (store, server, _):
        store.ensure_schema()
        start = time.perf_counter()
        nodes, rels = write_dump(store, synthetic.nodes(), synthetic.relationships())
        print(f"{synthetic.documents} documents, {synthetic.tasks} tasks: {nodes} nodes, "
              f"{rels} relationships written in {time.perf_counter() - start:.0f} s")
        print(f"memory: server {used_mb(server):.0f} MB; graph (MB) "
              f"{graph_parts(server, store.graph_name)}")
        port = free_port()
        api = _serve(port, store.port, store.graph_name)
        try:
            health, _, health_p99 = measure(port, "/health", args.connections, args.seconds)
            print(f"{'/health':34s} {health:7.0f} req/s  p99 {health_p99:6.1f} ms")
            for q in QUERIES:
                path = "/search?" + urllib.parse.urlencode({"q": q})
                rate, p50, p99 = measure(port, path, args.connections, args.seconds)
                ok = "meets" if rate >= GOAL_RATIO * health and p99 <= GOAL_P99_MS else "misses"
                print(f"/search?q={q:24s} {rate:7.1f} req/s  p50 {p50:6.1f} ms  p99 "
                      f"{p99:6.1f} ms  {rate / health:.3f}x /health ({ok} the goal)")
        finally:
            api.terminate()
            api.wait(30)
        if args.memory:
            print(search_memory(store, server, synthetic))


if __name__ == "__main__":
    main()
