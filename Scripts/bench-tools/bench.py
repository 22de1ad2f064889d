#!/usr/bin/env python3
"""The benchmark harness behind Scripts/bench (issue 5).

For each size it times, on one generated facts.csv:
  load      read the CSV into the system (hq: `hq --load facts.csv`; sqlite3: `.import` into
            an in-memory table with declared types; DuckDB: CREATE TABLE AS read_csv)
  Q1..Q5    each query as its own run, including the load (hq is a command that loads per run)
and start-up: `hq -c` on the bundled reports against `sqlite3 :memory: 'select 1'`.

hq and sqlite3 are timed as whole processes (wall clock, peak RSS from /usr/bin/time).
DuckDB runs in a Python subprocess and is timed inside it (from connect to the fetched
result), so Python's own start-up is not charged to DuckDB; its peak RSS includes Python's.
Results of Q1 and Q4 (counts) and Q5 (three numbers) must agree across systems, or the run is marked.
"""
import argparse
import json
import os
import platform
import statistics
import subprocess
import sys
import tempfile
import time

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
TOOLS = os.path.join(ROOT, "Scripts", "bench-tools")
VENV = os.path.join(ROOT, "Scripts", ".venv")
DATA = os.path.join(ROOT, "bench-data")

QUERIES = {
    "Q1": {
        "what": "filtered count",
        "hq": 'from facts | where kind == "utfall" and year >= 2020 and value > 1000 | count',
        "sql": "SELECT count(*) FROM facts WHERE kind = 'utfall' AND year >= 2020 AND value > 1000;",
    },
    "Q2": {
        "what": "sum and count by two columns, top 10",
        "hq": "from facts | summarize n = count(), total = sum(value) by indicator, kind | sort total desc | take 10",
        "sql": "SELECT indicator, kind, count(*) AS n, sum(value) AS total FROM facts "
               "GROUP BY indicator, kind ORDER BY total DESC LIMIT 10;",
    },
    "Q3": {
        "what": "compare year 2023 vs 2024, top 20 by |delta|",
        "hq": "from facts | compare year 2023 vs 2024 by report, indicator, kind | sort abs(delta) desc | take 20",
        "sql": "SELECT a.report, a.indicator, a.kind, a.value AS \"2023\", b.value AS \"2024\", "
               "b.value - a.value AS delta FROM facts a JOIN facts b ON a.report = b.report "
               "AND a.indicator = b.indicator AND a.kind = b.kind WHERE a.year = 2023 AND b.year = 2024 "
               "ORDER BY abs(b.value - a.value) DESC LIMIT 20;",
    },
    "Q4": {
        "what": "case-insensitive contains, count",
        "hq": 'from facts | where indicator ~ "vård" | count',
        "sql": "SELECT count(*) FROM facts WHERE indicator LIKE '%vård%';",
        "duckdb": "SELECT count(*) FROM facts WHERE indicator ILIKE '%vård%';",
    },
    "Q5": {
        "what": "window: lag and rank by indicator sort year, summarized",
        "hq": "from facts | derive prev = lag(value), r = rank() by indicator sort year "
              "| summarize n = count(), prevs = count(prev), ranks = sum(r)",
        "sql": "SELECT count(*) AS n, count(prev) AS prevs, sum(r) AS ranks FROM (SELECT lag(value) OVER w AS prev, "
               "rank() OVER w AS r FROM facts WINDOW w AS (PARTITION BY indicator ORDER BY year));",
    },
}

SQLITE_SCHEMA = (
    'CREATE TABLE facts(report TEXT, section TEXT, "table" TEXT, indicator TEXT, measure TEXT, '
    "kind TEXT, period TEXT, year INTEGER, value REAL, unit TEXT, rank INTEGER, rank_of INTEGER, "
    "line INTEGER);"
)

DUCKDB_RUNNER = r"""
import duckdb, json, resource, sys, time
path, query = sys.argv[1], sys.argv[2]
def cpu():
    u = resource.getrusage(resource.RUSAGE_SELF)
    return u.ru_utime + u.ru_stime
c0 = cpu()
t0 = time.perf_counter()
con = duckdb.connect()
con.execute("SET enable_progress_bar = false")
con.execute("CREATE TABLE facts AS SELECT * FROM read_csv(?, header = true)", [path])
t1 = time.perf_counter()
rows = con.execute(query).fetchall() if query else []
t2 = time.perf_counter()
print(json.dumps({"load": t1 - t0, "total": t2 - t0, "cpu": cpu() - c0, "rows": [[str(c) for c in r] for r in rows]}))
"""


def log(message):
    print(message, file=sys.stderr, flush=True)


def timed(argv, stdin_text=None):
    """Runs argv under /usr/bin/time; returns (wall seconds, peak RSS in MB, stdout, stderr).
    The process's CPU seconds (user + system) are left in timed.cpu."""
    with tempfile.NamedTemporaryFile("r", suffix=".time") as t:
        start = time.perf_counter()
        p = subprocess.run(["/usr/bin/time", "-f", "%M %U %S", "-o", t.name] + argv, input=stdin_text,
                           capture_output=True, text=True)
        wall = time.perf_counter() - start
        t.seek(0)
        fields = t.read().split()[-3:]
        try:
            rss = int(fields[0]) / 1024
            timed.cpu = float(fields[1]) + float(fields[2])
        except (ValueError, IndexError):
            rss, timed.cpu = float("nan"), float("nan")
    if p.returncode != 0:
        raise RuntimeError("%s failed (%d): %s" % (argv[0], p.returncode, p.stderr.strip()[-800:]))
    return wall, rss, p.stdout, p.stderr


def build_hq():
    log("bench: building hq (release)")
    subprocess.run(["swift", "build", "-c", "release", "--scratch-path", ".build-bench", "--product", "hq"],
                   cwd=ROOT, check=True, stdout=sys.stderr)
    binpath = subprocess.run(["swift", "build", "-c", "release", "--scratch-path", ".build-bench",
                              "--show-bin-path"], cwd=ROOT, check=True, capture_output=True, text=True)
    return os.path.join(binpath.stdout.strip(), "hq")


def ensure_duckdb():
    python = os.path.join(VENV, "bin", "python")
    if not os.path.exists(python):
        log("bench: creating Scripts/.venv")
        subprocess.run([sys.executable, "-m", "venv", VENV], check=True)
    if subprocess.run([python, "-c", "import duckdb"], capture_output=True).returncode != 0:
        log("bench: installing duckdb into Scripts/.venv")
        subprocess.run([python, "-m", "pip", "install", "-q", "duckdb"], check=True)
    version = subprocess.run([python, "-c", "import duckdb; print(duckdb.__version__)"],
                             capture_output=True, text=True, check=True).stdout.strip()
    return python, version


def ensure_data(rows):
    directory = os.path.join(DATA, str(rows))
    path = os.path.join(directory, "facts.csv")
    if not os.path.exists(path):
        os.makedirs(directory, exist_ok=True)
        log("bench: generating %d rows into %s" % (rows, os.path.relpath(path, ROOT)))
        subprocess.run([sys.executable, os.path.join(TOOLS, "generate.py"), str(rows), path + ".tmp"], check=True)
        os.replace(path + ".tmp", path)
    return path


def first_number(text):
    for token in text.replace(",", " ").split():
        if token.strip('"').isdigit():
            return int(token.strip('"'))
    return None


class Systems:
    def __init__(self, hq, duckdb_python):
        self.hq = hq
        self.duckdb_python = duckdb_python

    def run_hq(self, path, query):
        wall, rss, out, _ = timed([self.hq, "--format", "csv", "--load", path, "-c", query])
        return wall, rss, out

    def run_sqlite(self, path, query):
        script = "%s\n.import --csv --skip 1 '%s' facts\n%s\n" % (SQLITE_SCHEMA, path, query)
        wall, rss, out, _ = timed(["sqlite3", ":memory:"], stdin_text=script)
        return wall, rss, out

    def run_duckdb(self, path, query):
        _, rss, out, _ = timed([self.duckdb_python, "-c", DUCKDB_RUNNER, path, query])
        result = json.loads(out.strip().splitlines()[-1])
        text = "\n".join(",".join(r) for r in result["rows"])
        self.last_duckdb_query = result["total"] - result["load"]
        timed.cpu = result["cpu"]
        return result["total"], rss, text


def measure(systems, path, runs):
    """{system: {step: {"wall": median, "rss": max, "out": text}}}"""
    steps = [("load", {"hq": "from facts | take 1", "sql": "SELECT 1;", "duckdb": ""})] + list(QUERIES.items())
    results = {}
    for system in ("hq", "sqlite3", "duckdb"):
        results[system] = {}
        for name, q in steps:
            walls, rsses, alone, cpus, out = [], [], [], [], ""
            for _ in range(runs):
                if system == "hq":
                    wall, rss, out = systems.run_hq(path, q["hq"])
                elif system == "sqlite3":
                    wall, rss, out = systems.run_sqlite(path, q["sql"])
                else:
                    wall, rss, out = systems.run_duckdb(path, q.get("duckdb", q["sql"]))
                    alone.append(systems.last_duckdb_query)
                walls.append(wall)
                cpus.append(timed.cpu)
                rsses.append(rss)
            results[system][name] = {"wall": statistics.median(walls), "rss": max(rsses), "out": out.strip(),
                                     "cpu": statistics.median(cpus)}
            if alone:
                results[system][name]["alone"] = statistics.median(alone)
            log("bench: %-7s %-4s %8.3f s  cpu %8.3f s  %7.1f MB" % (
                system, name, results[system][name]["wall"], results[system][name]["cpu"], results[system][name]["rss"]))
    return results


def startup(hq, runs=20):
    hq_walls = [timed([hq, "--format", "csv", "-c", "from reports | count"])[0] for _ in range(runs)]
    sqlite_walls = [timed(["sqlite3", ":memory:", "select 1"])[0] for _ in range(runs)]
    return statistics.median(hq_walls), statistics.median(sqlite_walls)


def ingest_rate(hq, copies=20, big_copies=50):
    """Report text ingestion, minus the start-up run (target: >= 10 MB/s of CPU time), two ways:
    - files: `hq --load` of each bundled text `copies` times in one process (separate reports,
      as an analyst loads a folder of them);
    - one text: one `--load` of the bundled texts concatenated `big_copies` times (one long text).
    Each is (MB, MB/s of wall time, MB/s of CPU time); a rate is None when too fast to measure."""
    texts = [os.path.join(ROOT, "Datasets", n) for n in sorted(os.listdir(os.path.join(ROOT, "Datasets")))
             if n.endswith(".txt")]
    query = ["--format", "csv", "-c", "from reports | count"]

    def medians(argv, runs):
        walls, cpus = [], []
        for _ in range(runs):
            walls.append(timed(argv)[0])
            cpus.append(timed.cpu)
        return statistics.median(walls), statistics.median(cpus)

    def rates(mb, run, base):
        wall, cpu = run[0] - base[0], run[1] - base[1]
        return (mb, mb / wall if wall > 0.005 else None, mb / cpu if cpu > 0.005 else None)

    base = medians([hq] + query, 9)
    loads = []
    for _ in range(copies):
        for t in texts:
            loads += ["--load", t]
    files_mb = sum(os.path.getsize(t) for t in texts) * copies / 1e6
    files = rates(files_mb, medians([hq] + loads + query, 5), base)
    with tempfile.TemporaryDirectory() as tmp:
        big = os.path.join(tmp, "reports.txt")
        with open(big, "wb") as f:
            one = b"".join(open(t, "rb").read() for t in texts)
            f.write(one * big_copies)
        one_text = rates(os.path.getsize(big) / 1e6, medians([hq, "--load", big] + query, 7), base)
    return {"files": files, "one_text": one_text, "copies": copies, "file_count": copies * len(texts),
            "big_copies": big_copies}


def print_ingest(hq):
    """Start-up and ingestion alone, printed (`Scripts/bench --ingest`; Scripts/bench-tools/ingest_speed.py)."""
    hq_start, sqlite_start = startup(hq)
    print(f"start-up: hq {hq_start * 1e3:.1f} ms, sqlite3 {sqlite_start * 1e3:.1f} ms (medians of 20)")
    ingest = ingest_rate(hq)
    for name, what in (("files", f"{ingest['file_count']} files"), ("one_text", f"one text (texts x {ingest['big_copies']})")):
        mb, wall, cpu = ingest[name]
        rate = lambda r: f"{r:.1f} MB/s" if r else "too fast to measure"
        print(f"ingest, {what}, {mb:.1f} MB: {rate(wall)} wall, {rate(cpu)} of CPU time")
    print(f"load average {' '.join('%.1f' % x for x in os.getloadavg())}; target >= 10 MB/s of CPU time")


CHART_CASES = [
    ("line, text, 10 000 points", "points", "from points | chart line value by x", []),
    ("line, SVG, 10 000 points", "points", "from points | chart line value by x", ["--format", "svg"]),
    ("line, text, 8 series x 1 250 points", "series", "from series | chart line value by x series s", []),
    ("bar, text, 10 000 bars", "points", "from points | chart bar value by x", []),
    ("bar, SVG, 10 000 bars", "points", "from points | chart bar value by x", ["--format", "svg"]),
    ("(no chart: count of the same rows)", "points", "from points | count", []),
]


def chart_data(directory):
    """10 000 points of a deterministic random walk (one decimal), as one series and as 8."""
    state, value, rows = 12345, 500.0, []
    for i in range(10_000):
        state = (state * 1103515245 + 12345) % 2**31
        value += (state % 201 - 100) / 10
        rows.append(round(value, 1))
    with open(os.path.join(directory, "points.csv"), "w") as f:
        f.write("x,value\n" + "".join(f"{i + 1},{v}\n" for i, v in enumerate(rows)))
    with open(os.path.join(directory, "series.csv"), "w") as f:
        f.write("x,s,value\n" + "".join(f"{i % 1250 + 1},s{i // 1250 + 1},{v}\n" for i, v in enumerate(rows)))


def chart_times(hq, runs=7):
    """Each chart case's statement time as hq's `.timer` reports it (checking, running, drawing
    the chart and writing it to /dev/null; not start-up or loading), median of `runs`."""
    results = []
    with tempfile.TemporaryDirectory() as directory:
        chart_data(directory)
        for what, table, query, extra in CHART_CASES:
            path = os.path.join(directory, table + ".csv")
            times = []
            for _ in range(runs):
                run = subprocess.run([hq, "--load", path, "-c", ".timer on", "-c", query] + extra,
                                     stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
                if run.returncode != 0:
                    raise SystemExit(f"bench: {query}: {run.stderr}")
                line = [l for l in run.stderr.splitlines() if l.startswith("time: ")][-1]
                number, unit = line[len("time: "):].split()
                times.append(float(number) * (1000 if unit == "s" else 1))
            results.append((what, query + (" " + " ".join(extra) if extra else ""), statistics.median(times)))
    return results


def print_charts(hq):
    """The chart cases, printed (`Scripts/bench --charts`; target: 10 000 points in under 50 ms)."""
    print("| chart | statement | median ms |\n|---|---|---:|")
    for what, query, ms in chart_times(hq):
        print(f"| {what} | `{query}` | {ms:.1f} |")
    print(f"\nload average {' '.join('%.1f' % x for x in os.getloadavg())}; target: a 10 000-point chart in < 50 ms")


def machine():
    info = {"os": platform.platform(), "python": platform.python_version(),
            "load average at start": " ".join("%.1f" % x for x in os.getloadavg())}
    try:
        with open("/proc/cpuinfo") as f:
            models = [l.split(":", 1)[1].strip() for l in f if l.startswith("model name")]
        info["cpu"] = "%s × %d" % (models[0], len(models)) if models else platform.processor()
    except OSError:
        info["cpu"] = platform.processor()
    try:
        with open("/proc/meminfo") as f:
            kb = int(f.readline().split()[1])
        info["memory"] = "%.1f GB" % (kb / 1024 / 1024)
    except (OSError, ValueError, IndexError):
        info["memory"] = "?"
    info["swift"] = subprocess.run(["swift", "--version"], capture_output=True, text=True).stdout.strip().splitlines()[0]
    info["sqlite3"] = subprocess.run(["sqlite3", "--version"], capture_output=True, text=True).stdout.split()[0]
    return info


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--rows", default="1000000,10000000", help="comma-separated sizes (default 1M and 10M)")
    parser.add_argument("--runs", type=int, default=3, help="runs per measurement below 5M rows (median)")
    parser.add_argument("--big-runs", type=int, default=1, help="runs per measurement at 5M rows and more")
    parser.add_argument("--hq", help="an hq binary to use instead of building one")
    parser.add_argument("--no-write", action="store_true", help="print the report instead of writing docs/PERFORMANCE.md")
    parser.add_argument("--ingest", action="store_true",
                        help="measure only start-up and report ingestion (CPU and wall MB/s) and print them")
    parser.add_argument("--charts", action="store_true",
                        help="measure only drawing charts of 10 000 points and bars (text and SVG) and print them")
    parser.add_argument("--peers", action="store_true",
                        help="only hq against the DuckDB CLI and polars on a Kolada-like table (peers.py; "
                             "--rows sizes, default 1M), printed")
    parser.add_argument("--rounds", type=int, default=3, help="rounds per query with --peers")
    parser.add_argument("--json", help="also write the raw results here")
    parser.add_argument("--sizes-from", help="reuse the size results of an earlier --json file (with --rows '')")
    parser.add_argument("--render-only", metavar="JSON",
                        help="rewrite docs/PERFORMANCE.md from an earlier --json file without measuring")
    args = parser.parse_args()
    sys.path.insert(0, TOOLS)
    import render
    if args.render_only:
        with open(args.render_only) as f:
            report = json.load(f)
        with open(os.path.join(ROOT, "docs", "PERFORMANCE.md"), "w", encoding="utf-8") as f:
            f.write(render.render(report, QUERIES))
        return

    hq = args.hq or build_hq()
    if args.peers:
        import peers
        rows = args.rows if args.rows != parser.get_default("rows") else "1000000"
        peers.main(["--hq", hq, "--rows", rows, "--rounds", str(args.rounds)] + (["--json", args.json] if args.json else []))
        return
    if args.ingest:
        print_ingest(hq)
        return
    if args.charts:
        print_charts(hq)
        return
    duckdb_python, duckdb_version = ensure_duckdb()
    systems = Systems(hq, duckdb_python)
    sizes = [int(s) for s in args.rows.split(",") if s]
    report = {"machine": machine(), "duckdb": duckdb_version, "sizes": {}}
    if args.sizes_from:
        with open(args.sizes_from) as f:
            earlier = json.load(f)
        report["sizes"] = earlier["sizes"]
        report["sizes_machine"] = earlier.get("sizes_machine", earlier.get("machine", {}))
    for rows in sizes:
        path = ensure_data(rows)
        runs = args.runs if rows < 5_000_000 else args.big_runs
        log("bench: %d rows (%s, %.0f MB), %d run(s) each" % (rows, os.path.relpath(path, ROOT),
                                                             os.path.getsize(path) / 1e6, runs))
        report["sizes"][rows] = {"file_mb": os.path.getsize(path) / 1e6, "runs": runs,
                                 "results": measure(systems, path, runs)}
    log("bench: start-up")
    report["startup"] = startup(hq)
    report["ingest"] = ingest_rate(hq)
    if args.json:
        with open(args.json, "w") as f:
            json.dump(report, f, indent=1, default=str)
    text = render.render(report, QUERIES)
    if args.no_write:
        print(text)
    else:
        with open(os.path.join(ROOT, "docs", "PERFORMANCE.md"), "w", encoding="utf-8") as f:
            f.write(text)
        log("bench: wrote docs/PERFORMANCE.md")


if __name__ == "__main__":
    main()
