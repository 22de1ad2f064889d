"""Renders the benchmark results as docs/PERFORMANCE.md (called by bench.py)."""
import datetime
import os
import re

TOOLS = os.path.dirname(os.path.abspath(__file__))


def first_number(text):
    for line in text.splitlines():
        for token in line.replace(",", " ").split():
            t = token.strip('"')
            if t.isdigit():
                return int(t)
    return None


def fmt(seconds):
    return "%.3f s" % seconds if seconds < 10 else "%.1f s" % seconds


def ratio(a, b):
    return "%.2f" % (a / b) if b > 0 else "–"


def size_section(rows, size, queries):
    res = size["results"]
    lines = ["## %s rows (%.0f MB CSV, median of %d run%s)" % (
        "{:,}".format(rows).replace(",", " "), size["file_mb"], size["runs"], "" if size["runs"] == 1 else "s"), ""]
    lines.append("Each cell is one run of load + the query (the `load` row loads and does nothing else): "
                 "wall-clock time, then CPU time (user + system, all threads), then peak resident memory.")
    lines.append("")
    lines.append("| step | hq | sqlite3 | DuckDB | hq / sqlite3 | hq / DuckDB | CPU hq | sqlite3 | DuckDB | peak RSS hq | sqlite3 | DuckDB |")
    lines.append("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|")
    for step in ["load"] + list(queries):
        h, s, d = res["hq"][step], res["sqlite3"][step], res["duckdb"][step]
        what = "load only" if step == "load" else "%s %s" % (step, queries[step]["what"])
        lines.append("| %s | %s | %s | %s | %s | %s | %s | %s | %s | %.0f MB | %.0f MB | %.0f MB |" % (
            what, fmt(h["wall"]), fmt(s["wall"]), fmt(d["wall"]), ratio(h["wall"], s["wall"]),
            ratio(h["wall"], d["wall"]), fmt(h.get("cpu", 0)), fmt(s.get("cpu", 0)), fmt(d.get("cpu", 0)),
            h["rss"], s["rss"], d["rss"]))
    lines.append("")
    q_only = []
    for step in queries:
        parts = []
        for system in ("hq", "sqlite3", "duckdb"):
            r = res[system][step]
            alone = r["alone"] if "alone" in r else max(0.0, r["wall"] - res[system]["load"]["wall"])
            parts.append("%s %s" % (system, fmt(alone)))
        q_only.append("- %s alone (run minus load): %s" % (step, ", ".join(parts)))
    lines += ["Query time alone (hq, sqlite3: the run minus the load-only run; DuckDB: timed inside the run):", ""] + q_only + [""]
    checks = []
    for step in ("Q1", "Q4"):
        counts = {system: first_number(res[system][step]["out"]) for system in ("hq", "sqlite3", "duckdb")}
        agree = len(set(counts.values())) == 1 and None not in counts.values()
        checks.append("- %s counts: hq %s, sqlite3 %s, DuckDB %s — %s" % (
            step, counts["hq"], counts["sqlite3"], counts["duckdb"], "agree" if agree else "**DISAGREE**"))
    if "Q5" in queries:
        lasts = {system: tuple(x.strip('"') for x in re.split(r"[,|]", (res[system]["Q5"]["out"].splitlines() or [""])[-1]))
                 for system in ("hq", "sqlite3", "duckdb")}
        agree = len(set(lasts.values())) == 1
        checks.append("- Q5 n, count(prev), sum(rank): hq %s, sqlite3 %s, DuckDB %s — %s" % (
            " ".join(lasts["hq"]), " ".join(lasts["sqlite3"]), " ".join(lasts["duckdb"]),
            "agree" if agree else "**DISAGREE**"))
    for step in ("Q2", "Q3"):
        tops = {system: (res[system][step]["out"].splitlines() or [""]) for system in ("hq", "sqlite3", "duckdb")}
        hq_top = tops["hq"][1] if len(tops["hq"]) > 1 else (tops["hq"][0] if tops["hq"] else "")
        checks.append("- %s first row: hq `%s`; sqlite3 `%s`; DuckDB `%s`" % (
            step, hq_top, tops["sqlite3"][0], tops["duckdb"][0]))
    lines += ["Result checks:", ""] + checks + [""]
    hq_peak = max(r["rss"] for r in res["hq"].values())
    lines.append("hq peak memory: %.0f MB, %.2f× the CSV's size (target: under 2×)." % (hq_peak, hq_peak / size["file_mb"]))
    lines.append("")
    return lines


def render(report, queries):
    m = report["machine"]
    out = ["# Performance", ""]
    out.append("Written by `Scripts/bench` on %s. Re-run it to refresh this page; the analysis at the end "
               "is kept in `Scripts/bench-tools/ANALYSIS.md`. `Scripts/bench --rows 100000` is a quick run; "
               "`Scripts/bench --help` lists the options." % datetime.date.today().isoformat())
    out.append("")
    out += ["## Machine", "", "| | |", "|---|---|"]
    for key in ("cpu", "memory", "load average at start", "os", "swift", "sqlite3"):
        out.append("| %s | %s |" % (key, m.get(key, "?")))
    out.append("| DuckDB | %s (Python package, in Scripts/.venv) |" % report["duckdb"])
    out.append("")
    if report.get("sizes_machine"):
        out.append("The tables per number of rows are from an earlier run of the same build's CSV path "
                   "(`--sizes-from`; load average at its start: %s); start-up and ingestion were measured "
                   "in this run." % report["sizes_machine"].get("load average at start", "?"))
        out.append("")
    out += ["## Queries", "", "| | hq | SQL (sqlite3; DuckDB uses `ILIKE` for Q4) |", "|---|---|---|"]
    for name, q in queries.items():
        out.append("| %s %s | `%s` | `%s` |" % (name, q["what"], q["hq"], q["sql"].replace("|", "\\|")))
    out += ["", "The data: `Scripts/bench-tools/generate.py` (deterministic): 311 organisations, 3 000 "
            "indicators, 16 years, the six kinds, units, Swedish text, some quoted cells. "
            "hq and sqlite3 are timed as whole processes; DuckDB inside its Python process "
            "(connect to fetched result), so Python's start-up is not charged to it.", ""]
    for rows, size in sorted(report["sizes"].items(), key=lambda kv: int(kv[0])):
        out += size_section(int(rows), size, queries)
    hq_start, sqlite_start = report["startup"]
    ingest = report["ingest"]
    out += ["## Start-up and report ingestion", ""]
    out.append("| | hq | sqlite3 | target |")
    out.append("|---|---:|---:|---|")
    out.append("| first result on the bundled reports (`hq -c 'from reports \\| count'` vs `sqlite3 :memory: 'select 1'`), median of 20 | %.1f ms | %.1f ms | ≤ 10 ms (issue 14) |" % (hq_start * 1000, sqlite_start * 1000))

    def rate(r):
        return "%.1f MB/s" % r if r else "too fast to measure"

    if isinstance(ingest, dict):
        mb, wall, cpu = ingest["files"]
        out.append("| report text ingested: each bundled text loaded %d times in one process (%d files, %.1f MB), minus start-up | %s (%s of CPU time) | | ≥ 10 MB/s of CPU time |" % (
            ingest["copies"], ingest["file_count"], mb, rate(wall), rate(cpu)))
        mb, wall, cpu = ingest["one_text"]
        out.append("| report text ingested: one text, the bundled texts × %d (%.1f MB), minus start-up | %s (%s of CPU time) | | ≥ 10 MB/s of CPU time |" % (
            ingest["big_copies"], mb, rate(wall), rate(cpu)))
    else:
        mb, r = ingest
        out.append("| report text ingested (`--load` of each bundled text 20 times, %.1f MB, minus start-up) | %s | | ≥ 10 MB/s of CPU time |" % (mb, rate(r)))
    out.append("")
    analysis = os.path.join(TOOLS, "ANALYSIS.md")
    if os.path.exists(analysis):
        with open(analysis, encoding="utf-8") as f:
            out += [f.read().rstrip(), ""]
    return "\n".join(out) + "\n"
