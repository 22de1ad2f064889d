#!/usr/bin/env python3
"""Report ingestion speed and start-up of hq (issue 5: start-up < 50 ms, ingest >= 20 MB/s).

Not a timed test: a measurement to run by hand on a quiet machine.

    Scripts/bench-tools/ingest_speed.py [--hq PATH] [--copies 50] [--runs 5]

- start-up: `hq -c 'from reports | count'` on the bundled reports (median wall and CPU time);
- ingest: `hq --load BIG.txt -c 'from reports | count'`, where BIG.txt is the bundled report
  texts (Datasets/*.txt) concatenated COPIES times; MB/s = size / (run - start-up), CPU time.
  The figure covers the whole load path (ingest plus building the five tables).

Build first: `swift build -c release --scratch-path .build-speed` (the default --hq).
"""

import argparse
import os
import resource
import statistics
import subprocess
import sys
import tempfile
import time

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))


def run(cmd):
    """Wall and CPU (user + system of the child) seconds of one run."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    subprocess.run(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=True)
    wall = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    return wall, cpu


def median_run(cmd, runs):
    results = [run(cmd) for _ in range(runs)]
    return statistics.median(r[0] for r in results), statistics.median(r[1] for r in results)


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--hq", default=os.path.join(ROOT, ".build-speed", "release", "hq"))
    parser.add_argument("--copies", type=int, default=50)
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()
    if not os.access(args.hq, os.X_OK):
        sys.exit(f"no hq binary at {args.hq}; build with swift build -c release --scratch-path .build-speed")

    datasets = os.path.join(ROOT, "Datasets")
    texts = [os.path.join(datasets, n) for n in sorted(os.listdir(datasets)) if n.endswith(".txt")]
    one = b"".join(open(p, "rb").read() for p in texts)
    with tempfile.TemporaryDirectory() as tmp:
        big = os.path.join(tmp, "reports.txt")
        with open(big, "wb") as f:
            f.write(one * args.copies)
        size = os.path.getsize(big)

        start_wall, start_cpu = median_run([args.hq, "-c", "from reports | count"], args.runs * 2)
        big_wall, big_cpu = median_run([args.hq, "--load", big, "-c", "from reports | count"], args.runs)

    print(f"start-up (bundled reports, {len(one) / 1e3:.0f} KB): median {start_wall * 1e3:.0f} ms wall, "
          f"{start_cpu * 1e3:.0f} ms CPU over {args.runs * 2} runs")
    ingest_cpu = max(big_cpu - start_cpu, 1e-9)
    ingest_wall = max(big_wall - start_wall, 1e-9)
    print(f"ingest ({size / 1e6:.1f} MB = bundled texts x {args.copies}): median {ingest_wall:.2f} s wall, "
          f"{ingest_cpu:.2f} s CPU over {args.runs} runs -> {size / 1e6 / ingest_cpu:.1f} MB/s of CPU time, "
          f"{size / 1e6 / ingest_wall:.1f} MB/s wall")


if __name__ == "__main__":
    main()
