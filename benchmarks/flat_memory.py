#!/usr/bin/env python3
"""Memory that does not grow with rows that are not kept: duplicates and rejects.

usage: benchmarks/flat_memory.py [--rows 1000000] [--skip-build]

Writes orders files of the same 1,000 distinct lines: the lines once; the lines followed by
--rows, then twice --rows, exact duplicates of them; the lines followed by --rows, then twice
--rows, rows with an impossible date. Runs the close (`salesclose run`, which writes every
reject to rejects.csv) on each under /usr/bin/time -v and prints the peak RSS of each and the
growth over the first. Duplicates replace their line in place and rejects beyond the first
thousand go to a temporary file, so neither should grow with their count: what a large file
adds (its reading and spill buffers) it adds once. Not a test: it measures, on a release build.
"""
import argparse
import os
import re
import subprocess
import sys
import tempfile

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
SALESCLOSE = os.path.join(ROOT, ".build", "release", "salesclose")
HEADER = "order_id,line_no,order_date,customer_id,sku,quantity,amount\n"


def lines():
    return [f"SO{i:06d},1,2024-{1 + i % 9:02d}-15,C{i % 50:03d},SKU{i % 20:03d},{1 + i % 5},{(i % 97) * 3 + 1}.50\n"
            for i in range(1000)]


def write(folder, rows, extra, count):
    """The orders file: `rows`, then `extra` repeated to `count` more rows."""
    os.makedirs(folder, exist_ok=True)
    with open(os.path.join(folder, "orders.csv"), "w") as f:
        f.write(HEADER + "".join(rows))
        block = "".join(extra)
        for _ in range(count // len(extra) if extra else 0):
            f.write(block)


def peak_mb(folder, config):
    report = folder + ".time"
    subprocess.run(["/usr/bin/time", "-v", "-o", report, SALESCLOSE, "run", "--input", folder, "--config", config,
                    "--output", folder + "-output"],
                   stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    return int(re.search(r"Maximum resident set size \(kbytes\): (\d+)", open(report).read()).group(1)) / 1024


def main():
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("--rows", type=int, default=1_000_000)
    p.add_argument("--skip-build", action="store_true")
    a = p.parse_args()
    if not a.skip_build:
        subprocess.run(["swift", "build", "-c", "release", "--product", "salesclose"], cwd=ROOT, check=True)
    base = lines()
    bad = [r.replace(",2024-", ",2024-13-", 1) for r in base]
    with tempfile.TemporaryDirectory() as work:
        config = os.path.join(work, "config")
        os.makedirs(config)
        open(os.path.join(config, "salesclose.toml"), "w").close()
        cases = [("1,000 lines", [], 0)] + [(f"+ {n:,} {kind}", extra, n) for kind, extra in [("duplicates", base), ("rejects", bad)]
                                           for n in (a.rows, 2 * a.rows)]
        first = None
        print("| orders file | peak RSS MiB | growth MiB |")
        print("| --- | --- | --- |")
        for i, (name, extra, count) in enumerate(cases):
            folder = os.path.join(work, f"case{i}")
            write(folder, base, extra, count)
            mb = peak_mb(folder, config)
            first = first or mb
            print(f"| {name} | {mb:.0f} | {mb - first:+.0f} |")


if __name__ == "__main__":
    main()
