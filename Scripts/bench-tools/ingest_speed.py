#!/usr/bin/env python3
"""Start-up and report ingestion speed of hq alone (start-up < 50 ms, ingest >= 10 MB/s of CPU time).

The same measurements `Scripts/bench` makes for docs/PERFORMANCE.md (bench.startup and
bench.ingest_rate), without the CSV runs and without writing anything: a quick check by hand,
like `Scripts/bench --ingest` with an hq already built.

    Scripts/bench-tools/ingest_speed.py [--hq PATH]

Build first: `swift build -c release --scratch-path .build-speed` (the default --hq).
"""

import argparse
import os
import sys

import bench


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--hq", default=os.path.join(bench.ROOT, ".build-speed", "release", "hq"))
    args = parser.parse_args()
    if not os.access(args.hq, os.X_OK):
        sys.exit(f"no hq binary at {args.hq}; build with swift build -c release --scratch-path .build-speed")
    bench.print_ingest(args.hq)


if __name__ == "__main__":
    main()
