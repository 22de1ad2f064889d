#!/usr/bin/env python3
"""hq against its peers' fastest forms on a Kolada-like table (issue 16).

    Scripts/bench --peers                      # 1M rows, 3 rounds
    Scripts/bench --peers --rows 1000000,3000000,10000000 --rounds 3
    Scripts/bench --peers --hq .build/release/hq --queries Q1,Q7

The table: 13 columns (kpi, kpi_namn, kommun_id, kommun, lan, ar, kon, varde, enhet,
kategori, uppdaterad, status, kalla), Swedish text, `varde` with no, one or two decimals mixed
in one column, 2 % nulls; one row per (kpi, kommun, kön, år), so keys are unique. A second
file, kommuner.csv, has the 290 kommuner with a group and a population (the join's other side).
Both are generated deterministically into bench-data/peers/<rows>/.

Each query is a whole process per tool, loading the CSV and answering one query, as an analyst
runs it:
  hq       `hq --load kolada.csv [--load kommuner.csv] -c QUERY`
  duckdb   the DuckDB CLI over views of read_csv (only the columns a query uses are parsed;
           `varde` read as DECIMAL(18,2) so sums are exact, as hq's are)
  polars   a Python process: scan_csv (lazy; `varde` as Decimal(18,2)) and collect; Python's
           own start-up (≈ 0.1–0.3 s with polars imported) is included and measured apart
The tools run one after another within a round, in a rotating order; a ratio is taken per
round (hq's time / the peer's), and the median ratio over rounds is reported with the
geometric mean over queries. CPU time is user + system of the whole process (all threads),
from /usr/bin/time. Every tool's result must equal hq's (numbers compared as exact decimals),
or the query is marked.
"""
import argparse
import csv
import json
import math
import os
import random
import statistics
import subprocess
import sys
import tempfile
import time
from decimal import Decimal, InvalidOperation

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
VENV_PYTHON = os.path.join(ROOT, "Scripts", ".venv", "bin", "python")

def find_duckdb():
    """The DuckDB CLI binary itself (pip's duckdb-cli puts it in its package; its `bin/duckdb`
    is a Python wrapper whose start-up would be charged to DuckDB), else one on PATH."""
    import glob
    found = glob.glob(os.path.join(ROOT, "Scripts", ".venv", "lib", "python3*", "site-packages", "duckdb_cli", "duckdb"))
    if found:
        return found[0]
    from shutil import which
    return which("duckdb") or os.path.join(ROOT, "Scripts", ".venv", "bin", "duckdb")


DUCKDB_CLI = find_duckdb()
DATA = os.path.join(ROOT, "bench-data", "peers")

KOMMUNER = 290
KON = ["T", "K", "M"]
YEARS = list(range(1998, 2025))
GROUPS = ["Storstäder", "Pendlingskommun nära storstad", "Större stad", "Pendlingskommun nära större stad",
          "Lågpendlingskommun nära större stad", "Mindre stad/tätort", "Landsbygdskommun",
          "Landsbygdskommun med besöksnäring"]
WORDS = ["vård", "omsorg", "skola", "kostnad", "andel", "invånare", "elever", "brukare", "hemtjänst",
         "äldreomsorg", "förskola", "gymnasium", "nettokostnad", "avvikelse", "budget", "personal",
         "sjukfrånvaro", "väntetid", "besök", "behörighet", "nöjdhet", "återvinning", "energi", "kollektivtrafik"]
UNITS = ["kr/inv", "%", "antal", "dagar", "kr", "tkr", "andel"]
LANS = ["Stockholms län", "Uppsala län", "Södermanlands län", "Östergötlands län", "Jönköpings län",
        "Kronobergs län", "Kalmar län", "Gotlands län", "Blekinge län", "Skåne län", "Hallands län",
        "Västra Götalands län", "Värmlands län", "Örebro län", "Västmanlands län", "Dalarnas län",
        "Gävleborgs län", "Västernorrlands län", "Jämtlands län", "Västerbottens län", "Norrbottens län"]


def log(message):
    print(message, file=sys.stderr, flush=True)


def generate(rows, directory):
    """kolada.csv with `rows` rows and kommuner.csv; deterministic."""
    os.makedirs(directory, exist_ok=True)
    path = os.path.join(directory, "kolada.csv")
    other = os.path.join(directory, "kommuner.csv")
    if os.path.exists(path) and os.path.exists(other):
        return path, other
    rng = random.Random(16)
    per_kpi = KOMMUNER * len(KON) * len(YEARS)
    kpis = max(1, math.ceil(rows / per_kpi))
    kommuner = []
    for k in range(KOMMUNER):
        name = rng.choice(["Kungs", "Halm", "Varberg", "Falken", "Lahol", "Hylte", "Mal", "Lund", "Ystad", "Borås",
                           "Skövde", "Umeå", "Luleå", "Kiruna", "Gävle", "Örebro", "Västerås", "Åre", "Älvdalen"])
        kommuner.append(("%04d" % (1000 + k * 7), "%s%s kommun" % (name, "" if k < 19 else " %d" % k),
                         LANS[k % len(LANS)], GROUPS[k % len(GROUPS)], rng.randint(2500, 990000)))
    with open(other + ".tmp", "w", encoding="utf-8", newline="") as f:
        w = csv.writer(f, lineterminator="\n")
        w.writerow(["kommun_id", "kommungrupp", "invanare"])
        for kid, _, _, group, population in kommuner:
            w.writerow([kid, group, population])
    os.replace(other + ".tmp", other)
    written = 0
    with open(path + ".tmp", "w", encoding="utf-8", newline="") as f:
        w = csv.writer(f, lineterminator="\n")
        w.writerow(["kpi", "kpi_namn", "kommun_id", "kommun", "lan", "ar", "kon", "varde", "enhet", "kategori",
                    "uppdaterad", "status", "kalla"])
        for p in range(kpis):
            kpi = "N%05d" % (p * 13 % 100000)
            name = " ".join(rng.choice(WORDS) for _ in range(rng.randint(3, 7))).capitalize()
            unit = UNITS[p % len(UNITS)]
            category = "Kategori %d" % (p % 17)
            decimals = p % 3
            for kid, kname, lan, _, _ in kommuner:
                for kon in KON:
                    for year in YEARS:
                        if written == rows:
                            break
                        if rng.random() < 0.02:
                            value = ""
                        else:
                            # Mixed scales in one column: 0, 1 or 2 decimals by row.
                            d = (decimals + year) % 3
                            cents = rng.randint(-50000, 5000000)
                            value = str(cents // 100) if d == 0 else "%.1f" % ((cents // 10) / 10) if d == 1 \
                                else "%d.%02d" % (cents // 100, cents % 100) if cents >= 0 \
                                else "-%d.%02d" % (-cents // 100, -cents % 100)
                        w.writerow([kpi, name, kid, kname, lan, year, kon, value, unit, category,
                                    "2025-%02d-%02d" % (1 + year % 12, 1 + year % 28),
                                    "" if rng.random() < 0.02 else ("Preliminär" if year == 2024 else "Publicerad"),
                                    "Kolada (RKA)"])
                        written += 1
    os.replace(path + ".tmp", path)
    return path, other


# Each query: hq, DuckDB SQL (views `kolada` and `kommuner`), polars (a function of the lazy
# frames k, m returning a lazy or eager frame). Orders are total, so results compare row by row.
QUERIES = {
    "Q1": {
        "what": "filtered count",
        "hq": 'from kolada | where ar >= 2020 and kon == "T" and varde > 50 | count',
        "sql": "SELECT count(*) FROM kolada WHERE ar >= 2020 AND kon = 'T' AND varde > 50",
        "polars": 'k.filter((pl.col("ar") >= 2020) & (pl.col("kon") == "T") & (pl.col("varde") > 50)).select(pl.len())',
    },
    "Q2": {
        "what": "sum and count by two columns, top 10",
        "hq": "from kolada | summarize n = count(), s = sum(varde) by lan, ar | sort s desc, lan, ar | take 10",
        "sql": "SELECT lan, ar, count(*) AS n, sum(varde) AS s FROM kolada GROUP BY lan, ar "
               "ORDER BY s DESC, lan, ar LIMIT 10",
        "polars": 'k.group_by("lan", "ar").agg(pl.len().alias("n"), pl.col("varde").sum().alias("s"))'
                  '.sort(["s", "lan", "ar"], descending=[True, False, False]).head(10)',
    },
    "Q3": {
        "what": "filter, sort, take 10",
        "hq": "from kolada | where ar == 2023 and varde is not null | sort varde desc, kpi, kommun_id, kon "
              "| take 10 | select kpi, kommun_id, kon, varde",
        "sql": "SELECT kpi, kommun_id, kon, varde FROM kolada WHERE ar = 2023 AND varde IS NOT NULL "
               "ORDER BY varde DESC, kpi, kommun_id, kon LIMIT 10",
        "polars": 'k.filter((pl.col("ar") == 2023) & pl.col("varde").is_not_null())'
                  '.sort(["varde", "kpi", "kommun_id", "kon"], descending=[True, False, False, False]).head(10)'
                  '.select("kpi", "kommun_id", "kon", "varde")',
    },
    "Q4": {
        "what": "case-insensitive contains, count",
        "hq": 'from kolada | where kpi_namn ~ "vård" | count',
        "sql": "SELECT count(*) FROM kolada WHERE kpi_namn ILIKE '%vård%'",
        "polars": 'k.filter(pl.col("kpi_namn").str.contains("(?i)vård")).select(pl.len())',
    },
    "Q5": {
        "what": "distinct pairs, count",
        "hq": "from kolada | distinct kommun_id, kpi | count",
        "sql": "SELECT count(*) FROM (SELECT DISTINCT kommun_id, kpi FROM kolada)",
        "polars": 'k.select("kommun_id", "kpi").unique().select(pl.len())',
    },
    "Q6": {
        "what": "pivot kön into columns, first 10",
        "hq": 'from kolada | where ar >= 2022 | pivot kon value sum(varde) by kommun_id, ar | sort kommun_id, ar '
              '| take 10 | select kommun_id, ar, K, M, T',
        "sql": "SELECT kommun_id, ar, sum(varde) FILTER (WHERE kon = 'K') AS K, "
               "sum(varde) FILTER (WHERE kon = 'M') AS M, sum(varde) FILTER (WHERE kon = 'T') AS T "
               "FROM kolada WHERE ar >= 2022 GROUP BY kommun_id, ar ORDER BY kommun_id, ar LIMIT 10",
        "polars": 'k.filter(pl.col("ar") >= 2022).collect().pivot(on="kon", index=["kommun_id", "ar"], '
                  'values="varde", aggregate_function="sum").sort(["kommun_id", "ar"]).head(10)'
                  '.select("kommun_id", "ar", "K", "M", "T")',
    },
    "Q7": {
        "what": "join a 290-row table, sum by its group",
        "hq": "from kolada | join kommuner on kommun_id | summarize n = count(), s = sum(varde) by kommungrupp "
              "| sort kommungrupp",
        "sql": "SELECT kommungrupp, count(*) AS n, sum(varde) AS s FROM kolada JOIN kommuner USING (kommun_id) "
               "GROUP BY kommungrupp ORDER BY kommungrupp",
        "polars": 'k.join(m, on="kommun_id").group_by("kommungrupp").agg(pl.len().alias("n"), '
                  'pl.col("varde").sum().alias("s")).sort("kommungrupp")',
        "needs_other": True,
    },
    "Q8": {
        "what": "window: previous year per series, counted",
        "hq": "from kolada | derive prev = lag(varde) by kpi, kommun_id, kon sort ar "
              "| summarize n = count(), prevs = count(prev), total = sum(prev)",
        "sql": "SELECT count(*) AS n, count(prev) AS prevs, sum(prev) AS total FROM (SELECT lag(varde) OVER "
               "(PARTITION BY kpi, kommun_id, kon ORDER BY ar) AS prev FROM kolada)",
        "polars": 'k.sort("ar").with_columns(pl.col("varde").shift(1).over(["kpi", "kommun_id", "kon"]).alias("prev"))'
                  '.select(pl.len().alias("n"), pl.col("prev").count().alias("prevs"), pl.col("prev").sum().alias("total"))',
    },
}

POLARS_RUNNER = r"""
import sys, time, json
t0 = time.perf_counter()
import polars as pl
t1 = time.perf_counter()
path, other, code = sys.argv[1], sys.argv[2], sys.argv[3]
types = {"kommun_id": pl.Utf8, "varde": pl.Decimal(18, 2)}
k = pl.scan_csv(path, schema_overrides=types)
m = pl.scan_csv(other, schema_overrides={"kommun_id": pl.Utf8})
result = eval(code)
if isinstance(result, pl.LazyFrame):
    result = result.collect()
t2 = time.perf_counter()
rows = [[("" if v is None else str(v)) for v in row] for row in result.iter_rows()]
print(json.dumps({"import": t1 - t0, "rows": rows}))
"""


def timed(argv):
    """(wall s, cpu s, peak RSS MB, stdout) of one whole process."""
    with tempfile.NamedTemporaryFile("r", suffix=".time") as t:
        start = time.perf_counter()
        p = subprocess.run(["/usr/bin/time", "-f", "%M %U %S", "-o", t.name] + argv, capture_output=True, text=True)
        wall = time.perf_counter() - start
        t.seek(0)
        fields = t.read().split()[-3:]
    if p.returncode != 0:
        raise RuntimeError("%s failed (%d): %s" % (argv[0], p.returncode, p.stderr.strip()[-800:]))
    return wall, float(fields[1]) + float(fields[2]), int(fields[0]) / 1024, p.stdout


def normalise(rows):
    """Rows of strings → rows of exact decimals (numbers) or text, for comparing tools."""
    out = []
    for row in rows:
        cells = []
        for cell in row:
            cell = cell.strip()
            try:
                cells.append(Decimal(cell).normalize() if cell not in ("", "NULL") else None)
            except InvalidOperation:
                cells.append(cell)
        out.append(tuple(cells))
    return out


def run_hq(hq, path, other, q):
    argv = [hq, "--format", "csv", "--load", path]
    if q.get("needs_other"):
        argv += ["--load", other]
    wall, cpu, rss, out = timed(argv + ["-c", q["hq"]])
    rows = list(csv.reader(out.splitlines()))[1:]
    return wall, cpu, rss, normalise(rows)


def run_duckdb(path, other, q):
    views = ("CREATE VIEW kolada AS SELECT * FROM read_csv('%s', header = true, "
             "types = {'kommun_id': 'VARCHAR', 'varde': 'DECIMAL(18,2)'});" % path)
    if q.get("needs_other"):
        views += " CREATE VIEW kommuner AS SELECT * FROM read_csv('%s', header = true, types = {'kommun_id': 'VARCHAR'});" % other
    wall, cpu, rss, out = timed([DUCKDB_CLI, "-csv", "-noheader", "-c", "SET enable_progress_bar = false; " + views + " " + q["sql"] + ";"])
    return wall, cpu, rss, normalise(list(csv.reader(out.splitlines())))


def run_polars(path, other, q):
    wall, cpu, rss, out = timed([VENV_PYTHON, "-c", POLARS_RUNNER, path, other, q["polars"]])
    result = json.loads(out.strip().splitlines()[-1])
    run_polars.last_import = result["import"]
    return wall, cpu, rss, normalise(result["rows"])


def python_startup(runs=5):
    """Seconds of `python -c 'import polars'`, the part of polars' times that is Python's start."""
    return statistics.median(timed([VENV_PYTHON, "-c", "import polars"])[0] for _ in range(runs))


def measure(hq, rows, rounds, names):
    path, other = generate(rows, os.path.join(DATA, str(rows)))
    tools = {"hq": lambda q: run_hq(hq, path, other, q), "duckdb": lambda q: run_duckdb(path, other, q),
             "polars": lambda q: run_polars(path, other, q)}
    order = list(tools)
    results = {}
    for name in names:
        q = QUERIES[name]
        per = {t: {"wall": [], "cpu": [], "rss": []} for t in tools}
        answers = {}
        for r in range(rounds):
            rotated = order[r % 3:] + order[:r % 3]
            for tool in rotated:
                wall, cpu, rss, answer = tools[tool](q)
                per[tool]["wall"].append(wall)
                per[tool]["cpu"].append(cpu)
                per[tool]["rss"].append(rss)
                answers[tool] = answer
        agree = {t: answers[t] == answers["hq"] for t in ("duckdb", "polars")}
        entry = {"what": q["what"], "agree": agree}
        for tool in tools:
            entry[tool] = {k: (max(v) if k == "rss" else statistics.median(v)) for k, v in per[tool].items()}
        for peer in ("duckdb", "polars"):
            for kind in ("cpu", "wall"):
                ratios = [h / p for h, p in zip(per["hq"][kind], per[peer][kind]) if p > 0]
                entry["%s_vs_%s" % (kind, peer)] = statistics.median(ratios) if ratios else float("nan")
        results[name] = entry
        log("peers %dM %s: hq cpu %.2fs wall %.2fs | duckdb cpu %.2fs (×%.2f) | polars cpu %.2fs (×%.2f)%s" % (
            rows // 1_000_000, name, entry["hq"]["cpu"], entry["hq"]["wall"], entry["duckdb"]["cpu"],
            entry["cpu_vs_duckdb"], entry["polars"]["cpu"], entry["cpu_vs_polars"],
            "" if all(agree.values()) else "  RESULTS DIFFER: %s" % agree))
    return {"file_mb": os.path.getsize(path) / 1e6, "queries": results}


def geomean(values):
    values = [v for v in values if v > 0 and not math.isnan(v)]
    return math.exp(sum(math.log(v) for v in values) / len(values)) if values else float("nan")


def render(report):
    lines = ["| rows | query | hq CPU s | DuckDB CPU s | polars CPU s | hq/DuckDB CPU | hq/polars CPU | "
             "hq/DuckDB wall | hq peak MB | DuckDB peak MB | same result |",
             "|---|---|---|---|---|---|---|---|---|---|---|"]
    for rows, size in report["sizes"].items():
        for name, e in size["queries"].items():
            lines.append("| %s | %s %s | %.2f | %.2f | %.2f | %.2f | %.2f | %.2f | %.0f | %.0f | %s |" % (
                "{:,}".format(int(rows)), name, e["what"], e["hq"]["cpu"], e["duckdb"]["cpu"], e["polars"]["cpu"],
                e["cpu_vs_duckdb"], e["cpu_vs_polars"], e["wall_vs_duckdb"], e["hq"]["rss"], e["duckdb"]["rss"],
                "yes" if all(e["agree"].values()) else "NO: %s" % e["agree"]))
        q = size["queries"].values()
        lines.append("| %s | geometric mean | | | | **%.2f** | **%.2f** | %.2f | | | |" % (
            "{:,}".format(int(rows)), geomean([e["cpu_vs_duckdb"] for e in q]),
            geomean([e["cpu_vs_polars"] for e in q]), geomean([e["wall_vs_duckdb"] for e in q])))
    lines.append("")
    lines.append("Python with polars imported starts in %.2f s; it is part of every polars time above." %
                 report["python_startup"])
    return "\n".join(lines)


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--hq", required=True)
    parser.add_argument("--rows", default="1000000")
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--queries", default=",".join(QUERIES))
    parser.add_argument("--json", help="also write the raw results here")
    args = parser.parse_args(argv)
    for tool, path in (("DuckDB CLI", DUCKDB_CLI), ("Python venv", VENV_PYTHON)):
        if not os.path.exists(path):
            sys.exit("peers: %s not found at %s; run: python3 -m venv Scripts/.venv && "
                     "Scripts/.venv/bin/pip install duckdb-cli polars" % (tool, path))
    names = [n for n in args.queries.split(",") if n]
    report = {"sizes": {}, "python_startup": python_startup()}
    for rows in [int(r) for r in args.rows.split(",") if r]:
        report["sizes"][rows] = measure(args.hq, rows, args.rounds, names)
    if args.json:
        with open(args.json, "w") as f:
            json.dump(report, f, indent=1)
    print(render(report))


if __name__ == "__main__":
    main()
