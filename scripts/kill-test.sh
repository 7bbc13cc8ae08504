#!/usr/bin/env bash
# kill-test.sh N (default 10): closes the shipped sample once for reference, then N times starts
# `salesclose run` on the same output folder and kills it (SIGKILL) at a random moment of its
# run, then checks that
#   1. the previous outputs are intact: every file of Output/<period>/ is byte-identical to the
#      reference (manifest.json aside, whose run time differs) and none is missing or extra;
#   2. the next run (not killed) succeeds, gives the same outputs, and leaves no .tmp-*/.old-*
#      folder behind (it clears what the killed run left).
# Prints one line per kill and a summary; exits 1 if any check failed.
set -euo pipefail
n=${1:-10}
cd "$(dirname "$0")/.."
swift build -c release --product salesclose >&2   # the speed of a real run: the phases in proportion
bin=$PWD/.build/release/salesclose
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
out=$work/Output
run() { "$bin" run --input Input --config Config --output "$out" >/dev/null 2>&1; }
digest() {   # the outputs of one period folder, manifest aside, as "sha256  name" lines
  (cd "$out/$1" && find . -type f ! -name manifest.json | sort | xargs sha256sum)
}

start=$(date +%s%N); run; end=$(date +%s%N)
duration_ms=$(( (end - start) / 1000000 ))
period=$(cd "$out" && ls -d 20*-* | head -n 1)
reference=$(digest "$period")
echo "reference run: ${duration_ms} ms, $(wc -l <<<"$reference") output files in $period" >&2

failures=0
for i in $(seq 1 "$n"); do
  delay_ms=$(( (RANDOM * 32768 + RANDOM) % (duration_ms + 1) ))
  "$bin" run --input Input --config Config --output "$out" >/dev/null 2>&1 &
  pid=$!
  sleep "$(printf '%d.%03d' $((delay_ms / 1000)) $((delay_ms % 1000)))"
  kill -9 "$pid" 2>/dev/null && killed=yes || killed="no (had finished)"
  wait "$pid" 2>/dev/null || true
  leftovers=$(cd "$out" && ls -a | grep -E '^\.(tmp|old)-' | tr '\n' ' ' || true)
  status=ok
  if [ "$(digest "$period" 2>/dev/null)" != "$reference" ]; then status="PREVIOUS OUTPUTS DAMAGED"; fi
  if ! run; then status="$status; NEXT RUN FAILED"; fi
  if [ "$(digest "$period")" != "$reference" ]; then status="$status; NEXT RUN DIFFERS"; fi
  if (cd "$out" && ls -a | grep -qE '^\.(tmp|old)-'); then status="$status; STALE FOLDERS REMAIN"; fi
  [ "$status" = ok ] || failures=$((failures + 1))
  echo "kill $i at ${delay_ms} ms: killed $killed; left: ${leftovers:-nothing}; $status"
done
echo "$((n - failures)) of $n kills: previous outputs intact and the next run succeeded"
[ "$failures" -eq 0 ]
