#!/usr/bin/env python3
"""SalesClose's close against DuckDB's on the same generated data, in the same run.

usage: benchmarks/close_vs_duckdb.py [S] [L] [--rounds 3] [--data DIR] [--perf DIR] [--skip-build]

For each size it generates the peer's data with ../shared/perf/gen.py (once; kept in --data),
gives SalesClose the same targets in the contract's shape (period, region, salesperson, value;
`[targets] allocation = "even"`), then runs `salesclose run --period 2024-12` and
`../shared/perf/close_duckdb.py` alternately, --rounds times each, under /usr/bin/time -v.
It prints the medians of wall time, CPU time, peak RSS and each phase, and the ratios
SalesClose ÷ DuckDB. Needs `pip install numpy polars duckdb xlsxwriter`. Not part of the tests.
"""
import argparse
import csv
import os
import re
import shutil
import statistics
import subprocess
import sys

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
PERF = os.path.normpath(os.path.join(ROOT, "..", "shared", "perf"))   # --perf overrides
SALESCLOSE = os.path.join(ROOT, ".build", "release", "salesclose")
TIME = "/usr/bin/time"


def sh(args, **kw):
    return subprocess.run(args, check=True, **kw)


def ensure_tools():
    missing = [m for m in ("numpy", "polars", "duckdb", "xlsxwriter") if not importable(m)]
    if missing:
        sys.exit(f"close_vs_duckdb: missing Python packages: {' '.join(missing)}; "
                 "run: pip install numpy polars duckdb xlsxwriter")
    if not os.access(TIME, os.X_OK):
        if os.geteuid() == 0 and shutil.which("apt-get"):
            sh(["apt-get", "install", "-y", "-qq", "time"], stdout=subprocess.DEVNULL)
        else:
            sys.exit("close_vs_duckdb: /usr/bin/time is missing; apt-get install -y time")
    if not os.path.isdir(PERF):
        sys.exit(f"close_vs_duckdb: the peer benchmark is not at {PERF}; pass --perf DIR (the folder of gen.py and close_duckdb.py)")


def importable(module):
    return subprocess.run([sys.executable, "-c", f"import {module}"], capture_output=True).returncode == 0


def prepare(size, data_root):
    """Generates the peer data once and lays out SalesClose's input and config folders."""
    data = os.path.join(data_root, size)
    if not os.path.exists(os.path.join(data, "targets.csv")):
        print(f"generating {size} with gen.py …", file=sys.stderr)
        sh([sys.executable, os.path.join(PERF, "gen.py"), size, data])
    inputs = os.path.join(data_root, f"{size}-input")
    config = os.path.join(data_root, f"{size}-config")
    for folder in (inputs, config):
        os.makedirs(folder, exist_ok=True)
    for name in ("orders.csv", "shipments.csv", "payments.csv"):
        link = os.path.join(inputs, name)
        if not os.path.lexists(link):
            os.symlink(os.path.join(data, name), link)
    with open(os.path.join(data, "targets.csv"), newline="", encoding="utf-8") as src, \
            open(os.path.join(config, "targets.csv"), "w", newline="", encoding="utf-8") as dst:
        out = csv.writer(dst, lineterminator="\n")
        out.writerow(["period", "region", "salesperson", "value"])
        for row in csv.DictReader(src):
            out.writerow([row["year"], row["region"], row["salesperson"], row["annual_target"]])
    with open(os.path.join(config, "salesclose.toml"), "w", encoding="utf-8") as f:
        f.write('[targets]\nfile = "targets.csv"\nallocation = "even"\n')
    return data, inputs, config


def timed(args, log_path):
    """Runs a command under /usr/bin/time -v; returns (wall s, CPU s, peak RSS MiB, stderr text)."""
    report = log_path + ".time"
    with open(log_path, "w") as log:
        result = subprocess.run([TIME, "-v", "-o", report] + args, stdout=log, stderr=subprocess.STDOUT)
    text = open(log_path, encoding="utf-8", errors="replace").read()
    if result.returncode != 0:
        sys.exit(f"close_vs_duckdb: {' '.join(args)} failed ({result.returncode}):\n{text[-3000:]}")
    t = open(report).read()
    wall = 0.0
    for part in re.search(r"Elapsed \(wall clock\) time.*: (\S+)", t).group(1).split(":"):
        wall = wall * 60 + float(part)
    cpu = float(re.search(r"User time \(seconds\): (\S+)", t).group(1)) + \
        float(re.search(r"System time \(seconds\): (\S+)", t).group(1))
    rss = int(re.search(r"Maximum resident set size \(kbytes\): (\d+)", t).group(1)) / 1024
    return wall, cpu, rss, text


def salesclose_phases(text):
    """Phase seconds from SalesClose's plain phase lines (`… in 1.2 s (peak 423 MB)`), and the
    peak memory at the end of each phase (`import peak MB` …)."""
    phases = {}
    for line in text.splitlines():
        m = re.match(r"(imported|calculated|wrote)\b.* in ([0-9.]+) s(?: \(peak (\d+) MB\))?$", line.strip())
        if m:
            name = {"imported": "import", "calculated": "calculations", "wrote": "writing"}[m.group(1)]
            phases[name] = float(m.group(2))
            if m.group(3):
                phases[name + " peak MB"] = float(m.group(3))
    return phases


def duckdb_phases(text):
    m = re.search(r"phases duckdb: (.*)", text)
    return {k: float(v) for k, v in (p.split("=") for p in m.group(1).split())} if m else {}


def main():
    global PERF
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("sizes", nargs="*", default=["S"], help="S (1M order lines) and/or L (10M)")
    p.add_argument("--rounds", type=int, default=3)
    p.add_argument("--data", default=os.path.join(os.environ.get("TMPDIR", "/tmp"), "salesclose-peer"))
    p.add_argument("--perf", default=PERF, help="the peer benchmark folder (default ../shared/perf)")
    p.add_argument("--skip-build", action="store_true", help="use the existing release binary")
    a = p.parse_args()
    if a.rounds < 1:
        p.error("--rounds must be at least 1")
    PERF = os.path.abspath(a.perf)
    ensure_tools()
    if not a.skip_build:
        sh(["swift", "build", "-c", "release", "--product", "salesclose"], cwd=ROOT)
    if not os.access(SALESCLOSE, os.X_OK):
        sys.exit(f"close_vs_duckdb: {SALESCLOSE} is missing; run without --skip-build (or swift build -c release)")
    machine = f"{os.cpu_count()} cores, " + open("/proc/cpuinfo").read().split("model name")[1].split("\n")[0].strip(": \t")
    print(f"machine: {machine}")
    for size in a.sizes:
        data, inputs, config = prepare(size, a.data)
        runs = {"salesclose": [], "duckdb": []}
        for r in range(a.rounds):
            out = os.path.join(a.data, f"{size}-out-salesclose")
            shutil.rmtree(out, ignore_errors=True)
            w, c, m, text = timed([SALESCLOSE, "run", "--input", inputs, "--config", config, "--output", out,
                                   "--period", "2024-12"], os.path.join(a.data, f"{size}-salesclose.log"))
            runs["salesclose"].append((w, c, m, salesclose_phases(text)))
            out = os.path.join(a.data, f"{size}-out-duckdb")
            shutil.rmtree(out, ignore_errors=True)
            w, c, m, text = timed([sys.executable, os.path.join(PERF, "close_duckdb.py"), data, out],
                                  os.path.join(a.data, f"{size}-duckdb.log"))
            runs["duckdb"].append((w, c, m, duckdb_phases(text)))
            print(f"{size} round {r + 1}: salesclose {runs['salesclose'][-1][0]:.1f} s, "
                  f"duckdb {runs['duckdb'][-1][0]:.1f} s", file=sys.stderr)
        med = {}
        print(f"\n{size}: medians of {a.rounds} alternating rounds")
        print(f"| tool | wall s | CPU s | peak RSS MiB | phases (s) |")
        print(f"| --- | --- | --- | --- | --- |")
        for tool, rows in runs.items():
            wall, cpu, rss = (statistics.median(x[i] for x in rows) for i in range(3))
            names = list(rows[0][3])
            phases = ", ".join(f"{n} {statistics.median(x[3].get(n, 0) for x in rows):.{0 if 'MB' in n else 1}f}" for n in names)
            med[tool] = (wall, cpu, rss)
            print(f"| {tool} | {wall:.1f} | {cpu:.1f} | {rss:.0f} | {phases} |")
        print(f"ratio SalesClose ÷ DuckDB: wall {med['salesclose'][0] / med['duckdb'][0]:.2f}, "
              f"CPU {med['salesclose'][1] / med['duckdb'][1]:.2f}, peak RSS {med['salesclose'][2] / med['duckdb'][2]:.2f}")


if __name__ == "__main__":
    main()
