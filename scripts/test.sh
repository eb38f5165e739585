#!/usr/bin/env bash
# README command 2: install what is missing, then run every test layer.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh test
export PATH="$HOME/.cargo/bin:$PWD/node_modules/.bin:$PATH"
step() { printf '\n\033[1m== %s\033[0m\n' "$*"; }

step "format and lints"
cargo fmt --all -- --check
cargo clippy --all-targets --quiet -- -D warnings
cargo clippy --all-targets --target wasm32-unknown-unknown --quiet -- -D warnings

step "module shape (no import circle, no source file over 400 lines)"
node scripts/import-circles.mjs
long=$(find src tests -name '*.rs' -exec awk 'END { if (NR > 400) print FILENAME " has " NR " lines" }' {} \;)
if [ -n "$long" ]; then echo "$long; split it by concern" >&2; exit 1; fi

step "native tests (domain core, storage, layout)"
cargo test --quiet

step "browser tests (wasm-bindgen-test in headless Chromium)"
CHROMEDRIVER=/usr/bin/chromedriver cargo test --target wasm32-unknown-unknown --test browser

step "release build"
scripts/build.sh

step "end-to-end tests (Playwright against the release build)"
node --test --test-concurrency=1 tests/e2e/
