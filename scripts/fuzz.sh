#!/usr/bin/env bash
# `make fuzz`: run every cargo-fuzz target (fuzz/, libFuzzer) for
# FUZZ_SECONDS each (default 600), seeded from the test fixtures.
# Installs cargo-fuzz when it is missing; nightly features through
# RUSTC_BOOTSTRAP=1 on the stable toolchain. A crash leaves its input in
# fuzz/artifacts/<target>/: keep it as a regression test (docs/SECURITY.md).
set -euo pipefail
cd "$(dirname "$0")/../fuzz"
export RUSTC_BOOTSTRAP=1
SECONDS_EACH=${FUZZ_SECONDS:-600}
TARGETS=${FUZZ_TARGETS:-"json document html_blocks history"}
export PATH="$HOME/.cargo/bin:$PATH"
command -v cargo-fuzz >/dev/null || cargo install cargo-fuzz --locked
seed() { # target, files...
  local dir="corpus/$1"; shift
  mkdir -p "$dir"
  for f in "$@"; do [ -f "$f" ] && cp -n "$f" "$dir/$(basename "$f")" || true; done
}
F=../tests/fixtures
seed json $F/*.json $F/jsonfeed/*.json $F/wordpress/*.json
seed document $F/*.json $F/jsonfeed/*.json $F/wordpress/*.json $F/feeds/*
seed html_blocks $F/wordpress/*.html
seed history
cargo fuzz build -O
for t in $TARGETS; do
  echo "fuzz: $t for ${SECONDS_EACH}s"
  cargo fuzz run -O "$t" "corpus/$t" -- -max_total_time="$SECONDS_EACH" -max_len=65536 -rss_limit_mb=2048 -print_final_stats=1 2>&1 | tail -n 30
done
