#!/usr/bin/env bash
# Runs the whole test suite and ends with a plain "N passed, 0 failed" line taken from Swift
# Testing's summary (the XCTest runner, which has no tests here, prints "Executed 0 tests" first).
set -euo pipefail
log=$(mktemp)
trap 'rm -f "$log"' EXIT
swift test 2>&1 | tee "$log"
summary=$(grep -E "Test run with [0-9]+ tests? .*passed" "$log" | tail -n 1 || true)
if [ -n "$summary" ]; then
  count=$(sed -E 's/.*Test run with ([0-9]+) tests?.*/\1/' <<<"$summary")
  echo "$count passed, 0 failed"
fi
