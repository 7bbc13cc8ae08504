# The two commands: `make run` (close the shipped sample) and `make test` (the whole suite).
SWIFT ?= swift
BIN := .build/debug

.PHONY: setup build run test sample bench

setup:
	@scripts/setup.sh

build: setup
	$(SWIFT) build --product salesclose

run: build
	$(BIN)/salesclose run --input Input --config Config --output Output
	@echo "Outputs are in Output/ (one folder per close period)."

test: setup
	scripts/test.sh

# Regenerates the shipped sample (Input/ and Config/targets.csv) with the deterministic generator.
sample: setup
	$(SWIFT) build --product salesclose-gen
	rm -f Input/*.csv
	$(BIN)/salesclose-gen sample --out Input --config-out Config

# Ingest benchmark at 1M and 10M order lines (release build; not part of the tests).
bench: setup
	benchmarks/ingest.sh
