# Dateline. The commands a publisher or developer needs:
#   make demo   set up what is missing, build, serve the demo on http://127.0.0.1:8080
#               (STABLE=1 with demo, build, test or bench: no build-std, see `build`)
#   make test   set up what is missing, then every test (native, browser, end to end)
#   make screenshots  build, then PNGs of the demo in target/screenshots/
#   make fuzz   long fuzzing runs of the parsers (fuzz/, cargo-fuzz; FUZZ_SECONDS each)
#   make bench  build, then measure what a publisher pays (bytes, paint, main
#               thread, layout shift, navigation, memory, many widgets) in
#               headless Chromium; report in target/bench/report.md
SHELL := /bin/bash
export PATH := $(CURDIR)/node_modules/.bin:$(HOME)/.cargo/bin:$(PATH)
export CHROMEDRIVER ?= /usr/bin/chromedriver
PORT ?= 8080

.PHONY: demo test build setup test-layers test-native test-browser test-types test-e2e sizes bench screenshots clean fuzz

setup:
	@scripts/bootstrap.sh

# Release build into dist/: the demo site, dateline.js (the loader) and pkg/.
# The wasm is built with std compiled for it (-Zbuild-std, on the stable
# toolchain through RUSTC_BOOTSTRAP) with std's size-optimized code paths,
# and panics that abort at once, with no message, location or Debug
# formatting compiled in: about 15 KB brotli less
# (docs/PERFORMANCE.md). `make build STABLE=1` builds with the toolchain's
# own prebuilt std and `panic = "abort"` instead.
ifeq ($(STABLE),)
build: export RUSTC_BOOTSTRAP := 1
build: export CARGO_UNSTABLE_BUILD_STD := std,panic_abort
build: export CARGO_UNSTABLE_BUILD_STD_FEATURES := optimize_for_size
build: export CARGO_TARGET_WASM32_UNKNOWN_UNKNOWN_RUSTFLAGS := -Zunstable-options -Cpanic=immediate-abort -Zlocation-detail=none -Zfmt-debug=none
endif
build: setup
	trunk build --release
	@scripts/sizes.sh

demo: build
	@echo "Dateline demo: http://127.0.0.1:$(PORT)/  (also /demo/wordpress.html, /demo/latest.html, /demo/rss.html, /demo/partner.html, /demo/languages.html, /builder.html)"
	node scripts/serve.mjs --root dist --port $(PORT) --shift-dates --wordpress demo/wordpress/posts.json

test: setup test-layers test-native test-browser build test-types test-e2e
	@scripts/sizes.sh --budget

# Modules import only the layers below them (docs/ARCHITECTURE.md); the
# check lives in the shared tools beside the repository.
test-layers:
	@if [ -f ../shared/tools/layers.py ]; then python3 ../shared/tools/layers.py; else echo "layers: ../shared/tools/layers.py not found, skipped"; fi

test-native:
	cargo test --locked

test-browser:
	cargo test --locked --target wasm32-unknown-unknown --test web

# The shipped dist/dateline.d.ts, checked strictly against an example that
# uses every member of window.Dateline and every event (docs/API.md).
test-types:
	tsc --strict --noEmit --target es2020 --lib es2020,dom --module es2020 --moduleResolution bundler tests/types/example.ts

test-e2e:
	@node scripts/summary.mjs --reset
	node --test --test-concurrency=1 tests/e2e/
	@node scripts/summary.mjs

sizes:
	@scripts/sizes.sh

# A report, not a test: missed targets are marked, the target still succeeds.
# Repetitions: BENCH_RUNS, BENCH_NAVS, BENCH_MEM_NAVS, BENCH_MEM_RUNS (scripts/bench.mjs).
bench: build
	node scripts/bench.mjs

# PNGs of the demo for design review: light and dark, 360/768/1280 px,
# English and Urdu, the three layouts (target/screenshots/).
screenshots: build
	@scripts/bootstrap.sh --fonts
	node scripts/screenshots.mjs

# Long fuzzing runs (fuzz/, cargo-fuzz and libFuzzer, outside the main
# build): every target for FUZZ_SECONDS (default 600) each; results and
# kept crashes in docs/SECURITY.md.
fuzz:
	@scripts/fuzz.sh

clean:
	rm -rf dist target/bench
