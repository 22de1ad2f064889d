#!/usr/bin/env python3
"""Start-up and report ingestion speed of hq alone (issue 5: start-up < 50 ms, ingest >= 20 MB/s).

The same measurements `Scripts/bench` makes for docs/PERFORMANCE.md (bench.startup and
bench.ingest_rate), without the CSV runs and without writing anything: a quick check by hand.

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
    hq_start, sqlite_start = bench.startup(args.hq)
    print(f"start-up: hq {hq_start * 1e3:.1f} ms, sqlite3 {sqlite_start * 1e3:.1f} ms (medians of 20)")
    ingest = bench.ingest_rate(args.hq)
    for name, what in (("files", f"{ingest['file_count']} files"), ("one_text", f"one text (texts x {ingest['big_copies']})")):
        mb, wall, cpu = ingest[name]
        rate = lambda r: f"{r:.1f} MB/s" if r else "too fast to measure"
        print(f"ingest, {what}, {mb:.1f} MB: {rate(wall)} wall, {rate(cpu)} of CPU time")


if __name__ == "__main__":
    main()
