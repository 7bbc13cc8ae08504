#!/usr/bin/env bash
# Fuzzes the CSV reader and the importer with libFuzzer for SECONDS seconds (default 60), seeded
# with the test corpus (Tests/SalesCloseImportTests/Corpus/*/input.csv). One process (the
# machine is shared); run it under `nice -n 19`. Inputs that crash are left in .fuzz/crashes/:
# keep each one as a corpus case once fixed. The working corpus grows in .fuzz/corpus/.
#
# SwiftPM cannot link a fuzzer executable, so the entry point lives in the library target
# SalesCloseFuzz: it is compiled with -sanitize=fuzzer (coverage in every Swift module) into its
# own scratch folder, and its objects and those of its dependencies are linked here by swiftc.
set -euo pipefail
seconds=${1:-60}
cd "$(dirname "$0")/.."
scratch=.build-fuzz
swift build -c release --scratch-path "$scratch" --target SalesCloseFuzz -Xswiftc -sanitize=fuzzer >&2
# The objects of the fuzz target and of every module it depends on: for a Swift module those its
# output-file-map.json names (a deleted source's stale object stays in the folder), for a C
# module every object of its folder.
objects=()
for module in SalesCloseFuzz SalesCloseImport SalesCloseConfiguration SalesCloseForecast SalesCloseCore TOMLKit CTOML Crypto \
              CCryptoBoringSSL CCryptoBoringSSLShims CryptoBoringWrapper; do
  dir="$scratch/release/$module.build"
  if [ -f "$dir/output-file-map.json" ]; then
    list=$(grep -o '"object": "[^"]*\.swift\.o"' "$dir/output-file-map.json" | sed 's/"object": "\(.*\)"/\1/' | sort)
  else
    list=$(find -L "$dir" -name '*.o' | sort)
  fi
  while IFS= read -r object; do objects+=("$object"); done <<<"$list"
done
swiftc -sanitize=fuzzer "${objects[@]}" -lcsv -lstdc++ -o "$scratch/salesclose-fuzz"
mkdir -p .fuzz/corpus .fuzz/crashes
# Seeds: each corpus case's input behind a selector byte 0 (settings detected), and behind 1
# (read as the orders table with a configured delimiter).
for input in Tests/SalesCloseImportTests/Corpus/*/input.csv; do
  [ -e "$input" ] || continue
  case_name=$(basename "$(dirname "$input")")
  [ "$case_name" = ten-megabyte-field ] && continue   # beyond -max_len
  { printf '\000'; cat "$input"; } > ".fuzz/corpus/seed-$case_name"
  { printf '\001'; cat "$input"; } > ".fuzz/corpus/seed-$case_name-orders"
done
exec "$scratch/salesclose-fuzz" -max_total_time="$seconds" -max_len=16384 -timeout=10 -rss_limit_mb=1024 \
  -artifact_prefix=.fuzz/crashes/ -print_final_stats=1 .fuzz/corpus
