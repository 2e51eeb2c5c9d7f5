# Dateline. The commands a publisher or developer needs:
#   make demo   set up what is missing, build, serve the demo on http://127.0.0.1:8080
#   make test   set up what is missing, then every test (native, browser, end to end)
#   make bench  build, then measure what a publisher pays (bytes, paint, main
#               thread, layout shift, navigation, memory, many widgets) in
#               headless Chromium; report in target/bench/report.md
SHELL := /bin/bash
export PATH := $(CURDIR)/node_modules/.bin:$(HOME)/.cargo/bin:$(PATH)
export CHROMEDRIVER ?= /usr/bin/chromedriver
PORT ?= 8080

.PHONY: demo test build setup test-layers test-native test-browser test-e2e sizes bench clean

setup:
	@scripts/bootstrap.sh

# Release build into dist/: the demo site, dateline.js (the loader) and pkg/.
build: setup
	trunk build --release
	@scripts/sizes.sh

demo: build
	@echo "Dateline demo: http://127.0.0.1:$(PORT)/  (also /demo/wordpress.html, /demo/latest.html, /demo/partner.html)"
	node scripts/serve.mjs --root dist --port $(PORT) --shift-dates --wordpress demo/wordpress/posts.json

test: setup test-layers test-native test-browser build test-e2e
	@scripts/sizes.sh --budget

# Modules import only the layers below them (docs/ARCHITECTURE.md); the
# check lives in the shared tools beside the repository.
test-layers:
	@if [ -f ../shared/tools/layers.py ]; then python3 ../shared/tools/layers.py; else echo "layers: ../shared/tools/layers.py not found, skipped"; fi

test-native:
	cargo test --locked

test-browser:
	cargo test --locked --target wasm32-unknown-unknown --test web

test-e2e:
	node --test --test-concurrency=1 tests/e2e/

sizes:
	@scripts/sizes.sh

# A report, not a test: missed targets are marked, the target still succeeds.
# Repetitions: BENCH_RUNS, BENCH_NAVS, BENCH_MEM_NAVS, BENCH_MEM_RUNS (scripts/bench.mjs).
bench: build
	node scripts/bench.mjs

clean:
	rm -rf dist target/bench
