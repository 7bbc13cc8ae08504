#!/bin/sh
# Backtests of the shipped sample's forecasts by reconciliation method: `salesclose forecast`
# (release build) from every month-end in FIRST..LAST as a snapshot, then one run at the last
# complete month that scores them all (forecast_accuracy.csv: WAPE and bias per level over the
# months that have become actual). Prints, per method, the WAPE of each level over all snapshots.
#
#   swift build -c release --product salesclose
#   benchmarks/forecast/sample_backtest.sh [FIRST LAST [METHOD ...]]
#       defaults: 2025-04 2026-06 top_down bottom_up wls_struct mint_shrink
set -eu
root=$(cd "$(dirname "$0")/../.." && pwd)
bin="$root/.build/release/salesclose"
first=${1:-2025-04}; last=${2:-2026-06}
[ $# -ge 2 ] && shift 2 || set --
methods=${*:-top_down bottom_up wls_struct mint_shrink}
work=$(mktemp -d); trap 'rm -rf "$work"' EXIT
for method in $methods; do
    mkdir -p "$work/$method/Config"
    cp "$root/Config/targets.csv" "$work/$method/Config/"
    # The sample's configuration with the method under test in [forecast].
    python3 - "$work/$method/Config/salesclose.toml" "$method" "$root/Config/salesclose.toml" <<'PY'
import sys
path, method = sys.argv[1], sys.argv[2]
lines = [l for l in open(sys.argv[3]).read().splitlines() if not l.startswith("reconciliation =")]
at = lines.index("[forecast]") + 1
lines.insert(at, f'reconciliation = "{method}"')
open(path, "w").write("\n".join(lines) + "\n")
PY
    month=$first; day=1
    while :; do
        "$bin" forecast --input "$root/Input" --config "$work/$method/Config" --output "$work/$method/Output" \
            --period "$month" --run-date "2000-01-$(printf %02d $day)" > /dev/null 2>&1
        [ "$month" = "$last" ] && break
        month=$(python3 -c "y,m=map(int,'$month'.split('-')); m+=1; y+=m>12; m=m-12 if m>12 else m; print(f'{y:04d}-{m:02d}')")
        day=$((day + 1))
    done
    "$bin" forecast --input "$root/Input" --config "$work/$method/Config" --output "$work/$method/Output" \
        --run-date 2000-02-01 > /dev/null 2>&1
    python3 - "$work/$method/Output/forecasts/2000-02-01/forecast_accuracy_detail.csv" "$method" <<'PY'
import csv, sys
from collections import defaultdict
errors, actuals, bias = defaultdict(float), defaultdict(float), defaultdict(float)
for r in csv.DictReader(open(sys.argv[1])):
    f, a = float(r["forecast"]), float(r["actual"])
    errors[r["level"]] += abs(f - a); actuals[r["level"]] += abs(a); bias[r["level"]] += f - a
print(sys.argv[2] + ": " + ", ".join(f"{l} WAPE {errors[l] / actuals[l]:.2%} bias {bias[l] / actuals[l]:+.2%}"
                                      for l in ("total", "region", "category", "sku") if actuals[l]))
PY
done
