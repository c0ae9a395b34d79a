"""Peak memory of `policykg extract` over 1 000 and 10 000 files.

    python -m bench.streaming [--sizes 1000 10000] [--load]

Writes synthetic ~10 KB files, runs the command in a child process per batch
size and prints the child's peak RSS; flat memory means the 10 k figure is
close to the 1 k one.  With ``--load`` the batches are also loaded into a
fresh embedded graph (slow: minutes for 10 k files).
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from bench.corpus import write_batch


def _peak_rss_mb(cmd: list[str], env: dict[str, str]) -> tuple[float, float]:
    """Run ``cmd`` in a child; return (peak RSS in MB, seconds)."""
    script = (
        "import resource, subprocess, sys;"
        "subprocess.run(sys.argv[1:], stdout=subprocess.DEVNULL, check=True);"
        "print(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss)"
    )
    start = time.perf_counter()
    out = subprocess.run([sys.executable, "-c", script, *cmd], env=env, check=True,
                         capture_output=True, text=True)
    return int(out.stdout.strip()) / 1024, time.perf_counter() - start


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--sizes", type=int, nargs="+", default=[1000, 10000])
    parser.add_argument("--load", action="store_true", help="also measure `policykg load`")
    args = parser.parse_args()
    policykg = str(Path(sys.executable).with_name("policykg"))
    with tempfile.TemporaryDirectory() as tmp:
        env = {**os.environ, "POLICYKG_DATA_DIR": str(Path(tmp) / "data")}
        env.pop("POLICYKG_GRAPH_URL", None)
        figures: dict[str, list[float]] = {"extract": [], "load": []}
        for size in args.sizes:
            folder = Path(tmp) / f"batch-{size}"
            write_batch(folder, size)
            rss, secs = _peak_rss_mb([policykg, "extract", str(folder)], env)
            figures["extract"].append(rss)
            print(f"extract {size:6d} files: peak RSS {rss:7.1f} MB, {secs:6.1f} s "
                  f"({size / secs:.0f} files/s)")
            if args.load:
                rss, secs = _peak_rss_mb([policykg, "load", str(folder)], env)
                figures["load"].append(rss)
                print(f"load    {size:6d} files: peak RSS {rss:7.1f} MB (client), "
                      f"{secs:6.1f} s")
        for command, peaks in figures.items():
            if len(peaks) > 1:
                print(f"{command} peak RSS ratio {args.sizes[-1]} / {args.sizes[0]} files: "
                      f"{peaks[-1] / peaks[0]:.2f}")
        if args.load:
            subprocess.run([policykg, "db", "stop"], env=env, check=False,
                           capture_output=True)


if __name__ == "__main__":
    main()
