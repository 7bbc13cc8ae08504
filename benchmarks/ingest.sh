#!/usr/bin/env bash
# Ingest benchmark: generates order-line exports of each size with salesclose-gen and times
# `salesclose run` on them with /usr/bin/time -v.
#
#   benchmarks/ingest.sh [N ...]        default sizes: 1000000 10000000
#
# Prints two table rows per size, `validate` (ingest only) and `run` (the whole close): order
# lines, input MB (all generated files), wall seconds, CPU seconds (user + sys), MB of input per
# CPU second, peak RSS MB. MB means MiB (2^20 bytes). `run` also logs its phase timings.
#
# Environment:
#   SKIP_BUILD=1            use the existing release binaries instead of building them
#   SALESCLOSE, SALESCLOSE_GEN
#                           binaries to use (default .build/release/salesclose and …-gen)
set -euo pipefail

cd "$(dirname "$0")/.."

sizes=("$@")
if [ ${#sizes[@]} -eq 0 ]; then
    sizes=(1000000 10000000)
fi
salesclose=${SALESCLOSE:-.build/release/salesclose}
generator=${SALESCLOSE_GEN:-.build/release/salesclose-gen}

if [ ! -x /usr/bin/time ]; then
    if [ "$(id -u)" -eq 0 ] && command -v apt-get >/dev/null; then
        apt-get install -y time >/dev/null
    else
        echo "ingest.sh: /usr/bin/time is missing; install it with 'apt-get install -y time'" >&2
        exit 2
    fi
fi

if [ "${SKIP_BUILD:-0}" != 1 ]; then
    # `swift build` builds only the last --product given, so build each product in turn.
    swift build -c release --product salesclose
    swift build -c release --product salesclose-gen
fi

work=$(mktemp -d "${TMPDIR:-/tmp}/salesclose-bench.XXXXXX")
trap 'rm -rf "$work"' EXIT
mkdir -p "$work/config"
: > "$work/config/salesclose.toml"   # empty: headers map through the built-in aliases

# Reads a `/usr/bin/time -v` report and prints: wall seconds, CPU seconds, peak RSS in KiB.
parse_time_report() {
    awk -F': ' '
        /Elapsed \(wall clock\) time/ {
            n = split($NF, part, ":"); wall = 0
            for (i = 1; i <= n; i++) wall = wall * 60 + part[i]
        }
        /User time \(seconds\)/   { user = $NF }
        /System time \(seconds\)/ { sys = $NF }
        /Maximum resident set size/ { rss = $NF }
        END { printf "%.2f %.2f %d\n", wall, user + sys, rss }
    ' "$1"
}

# Prints one table row from: command, order lines, input bytes, /usr/bin/time -v report file.
print_row() {
    local command=$1 lines=$2 bytes=$3 report=$4 wall cpu rss
    read -r wall cpu rss < <(parse_time_report "$report")
    awk -v command="$command" -v lines="$lines" -v bytes="$bytes" -v wall="$wall" -v cpu="$cpu" -v rss="$rss" 'BEGIN {
        mb = bytes / 1048576
        rate = cpu > 0 ? sprintf("%.1f", mb / cpu) : "-"
        printf "%-9s %12d %10.1f %9.2f %9.2f %12s %10.1f\n", command, lines, mb, wall, cpu, rate, rss / 1024
    }'
}

print_header() {
    printf "%-9s %12s %10s %9s %9s %12s %10s\n" "command" "order_lines" "input_MB" "wall_s" "cpu_s" "MB/cpu_s" "peak_RSS_MB"
}

rows=()
status=0
for lines in "${sizes[@]}"; do
    input="$work/input-$lines"
    output="$work/output-$lines"
    echo "generating $lines order lines …" >&2
    /usr/bin/time -v -o "$work/gen-$lines.time" "$generator" bench --order-lines "$lines" --out "$input" 2>/dev/null
    read -r _ gen_cpu _ < <(parse_time_report "$work/gen-$lines.time")
    bytes=$(cat "$input"/*.csv | wc -c)
    echo "generated $bytes bytes in $gen_cpu CPU s; running salesclose …" >&2
    # validate = ingest only (read, parse, de-duplicate, check); run = the whole close with
    # calculations, forecasts, CSV tables and the workbook.
    for command in validate run; do
        args=(--input "$input" --config "$work/config")
        [ "$command" = run ] && args+=(--output "$output")
        if /usr/bin/time -v -o "$work/$command-$lines.time" "$salesclose" "$command" "${args[@]}" \
            >"$work/$command-$lines.log" 2>&1; then
            rows+=("$(print_row "$command" "$lines" "$bytes" "$work/$command-$lines.time")")
            grep -E " in [0-9.]+ s$" "$work/$command-$lines.log" | sed "s/^/  $command $lines: /" >&2 || true
        else
            status=1
            rows+=("$(printf "%-9s %12d   salesclose %s failed (log above)" "$command" "$lines" "$command")")
            echo "salesclose $command failed for $lines order lines:" >&2
            tail -n 20 "$work/$command-$lines.log" >&2
        fi
    done
    rm -rf "$input" "$output"
done

print_header
printf "%s\n" "${rows[@]}"
exit $status
