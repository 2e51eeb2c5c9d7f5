#!/usr/bin/env bash
# Install whatever `make build`, `make demo` and `make test` need and this
# machine lacks. Idempotent: each step checks first and skips what is there.
# Versions are pinned here and nowhere else.
set -euo pipefail
cd "$(dirname "$0")/.."

TRUNK_VERSION=0.21.14
WASM_BINDGEN_VERSION=0.2.130   # must equal the wasm-bindgen crate in Cargo.lock
export PATH="$HOME/.cargo/bin:$PATH"

say() { printf '\033[1m[setup]\033[0m %s\n' "$*"; }
as_root() { if [ "$(id -u)" = 0 ]; then "$@"; else sudo "$@"; fi; }

# 1. Debian packages: headless Chromium and its driver (tests, screenshots),
#    brotli (size report), Node.js/npm (test server, e2e driver, wasm-opt),
#    and with --fonts, Noto fonts.
missing=()
command -v chromium >/dev/null || missing+=(chromium)
command -v chromedriver >/dev/null || missing+=(chromium-driver)
command -v brotli >/dev/null || missing+=(brotli)
command -v node >/dev/null || missing+=(nodejs)
command -v npm >/dev/null || missing+=(npm)
# With --fonts (make screenshots): fonts for the scripts the widget speaks
# (Bengali, Tamil, Arabic, Urdu) and for emoji, so screenshots show real
# glyphs. Not for make test or make bench: the fonts change how long a
# page's first paint takes (docs/PERFORMANCE.md), so the bench measures
# the machine as it comes.
if [ "${1:-}" = "--fonts" ]; then
  dpkg -s fonts-noto-core >/dev/null 2>&1 || missing+=(fonts-noto-core)
  dpkg -s fonts-noto-color-emoji >/dev/null 2>&1 || missing+=(fonts-noto-color-emoji)
fi
if [ ${#missing[@]} -gt 0 ]; then
  say "apt-get install ${missing[*]}"
  as_root apt-get update -qq
  DEBIAN_FRONTEND=noninteractive as_root apt-get install -y -qq "${missing[@]}" >/dev/null
fi

# 2. The wasm target, and std's source for the release build (-Zbuild-std,
#    see the Makefile's `build`).
if ! rustup target list --installed | grep -qx wasm32-unknown-unknown; then
  say "rustup target add wasm32-unknown-unknown"
  rustup target add wasm32-unknown-unknown
fi
if ! rustup component list --installed | grep -q '^rust-src'; then
  say "rustup component add rust-src"
  rustup component add rust-src
fi
# Trunk builds offline, so std's own dependencies must be in cargo's cache
# before the first release build.
if ! RUSTC_BOOTSTRAP=1 cargo fetch --locked --offline -Zbuild-std=std,panic_abort --target wasm32-unknown-unknown >/dev/null 2>&1; then
  say "cargo fetch std's dependencies (-Zbuild-std)"
  RUSTC_BOOTSTRAP=1 cargo fetch --locked -Zbuild-std=std,panic_abort --target wasm32-unknown-unknown
fi

# 3. Trunk, pinned (0.22 needs a newer rustc).
if [ "$(trunk --version 2>/dev/null)" != "trunk $TRUNK_VERSION" ]; then
  say "cargo install trunk $TRUNK_VERSION (takes a few minutes, once)"
  cargo install trunk --version "$TRUNK_VERSION" --locked
fi

# 4. wasm-bindgen-cli, matching the crate. Not --locked: its lockfile names a
#    webpki-roots version the registry lacks.
if [ "$(wasm-bindgen --version 2>/dev/null | cut -d' ' -f2)" != "$WASM_BINDGEN_VERSION" ]; then
  say "cargo install wasm-bindgen-cli $WASM_BINDGEN_VERSION"
  cargo install wasm-bindgen-cli --version "$WASM_BINDGEN_VERSION"
fi

# 5. npm tools from package-lock.json: binaryen's wasm-opt (Debian's binaryen
#    108 cannot read what wasm-bindgen 0.2.130 emits), terser (minifies the
#    loader and the glue in the build), playwright-core, which drives the system Chromium
#    and downloads no browser, axe-core, and TypeScript (make test-types).
if [ ! -x node_modules/.bin/wasm-opt ] || [ ! -x node_modules/.bin/terser ] || [ ! -x node_modules/.bin/tsc ] || [ ! -d node_modules/playwright-core ] || [ ! -d node_modules/axe-core ] || [ package-lock.json -nt node_modules/.stamp ]; then
  say "npm ci"
  npm ci --no-audit --no-fund --loglevel=error
  touch node_modules/.stamp
fi
