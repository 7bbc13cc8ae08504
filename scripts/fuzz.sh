#!/usr/bin/env bash
# Fuzzes the CSV reader and the importer with libFuzzer for SECONDS seconds (default 60), seeded
# with the test corpus (Tests/SalesCloseImportTests/Corpus/*/input.csv). One process (the
# machine is shared); run it under `nice -n 19`. Inputs that crash are left in .fuzz/crashes/:
# keep each one as a corpus case once fixed. The working corpus grows in .fuzz/corpus/.
#
# SwiftPM cannot link a fuzzer executable, so the entry point lives in the library target
# SalesCloseFuzz: it is compiled with -sanitize=fuzzer (coverage in every Swift module) into its
# own scratch folder and its objects are linked here with swiftc -sanitize=fuzzer.
set -euo pipefail
seconds=${1:-60}
cd "$(dirname "$0")/.."
scratch=.build-fuzz
swift build -c release --scratch-path "$scratch" --target SalesCloseFuzz -Xswiftc -sanitize=fuzzer >&2
objects=$(find "$scratch/release" -name '*.o' -path '*.build/*' \
  ! -path '*/SalesCloseCLI.build/*' ! -path '*/SalesCloseGenerator.build/*' ! -path '*/ForecastBench.build/*' \
  ! -path '*Tests.build/*' ! -path '*PackageDiscoveredTests*' ! -path '*/ArgumentParser*' ! -path '*/ZIPFoundation.build/*' \
  ! -path '*/PropertyBased.build/*' ! -path '*/SalesCloseTestSupport.build/*' ! -path '*/SalesClosePipeline.build/*' \
  ! -path '*/SalesCloseWriters.build/*' ! -path '*/SalesCloseForecast.build/*' ! -path '*/GenerateManual*' ! -path '*/GenerateDocc*' \
  ! -path '*/_CryptoExtras.build/*' ! -path '*/CCryptoBoringSSL_*' | sort)
swiftc -sanitize=fuzzer $objects -lcsv -lstdc++ -o "$scratch/salesclose-fuzz"
mkdir -p .fuzz/corpus .fuzz/crashes
# Seeds: each corpus case's input, behind a selector byte 0 (settings detected).
for input in Tests/SalesCloseImportTests/Corpus/*/input.csv; do
  [ -e "$input" ] || continue
  case_name=$(basename "$(dirname "$input")")
  { printf '\000'; cat "$input"; } > ".fuzz/corpus/seed-$case_name"
done
exec "$scratch/salesclose-fuzz" -max_total_time="$seconds" -max_len=16384 -timeout=10 -rss_limit_mb=1024 \
  -artifact_prefix=.fuzz/crashes/ -print_final_stats=1 .fuzz/corpus
