#!/usr/bin/env bash
# Release build into dist/ and its size.
set -euo pipefail
cd "$(dirname "$0")/.."
export PATH="$HOME/.cargo/bin:$PWD/node_modules/.bin:$PATH"

# Size (BENCHMARKS.md, "What the bundle is made of"). The release build recompiles the
# standard library (rust-src) so that a panic is a plain trap: no panic messages, source
# paths or formatting machinery ship to the browser. A panic already stopped the app
# (panic = "abort"); now it does so without text. Those are unstable compiler options, which
# a stable rustc accepts under RUSTC_BOOTSTRAP=1; they apply to this build only, never to the
# tests' builds. `erase_components` type-erases each component's view, so nested views do not
# compile into one large generic type per page. `optimize_for_size` picks the standard
# library's smaller variants of sorting and other routines (3 KB brotli; our lists are
# at most a few hundred items, so the slower sort is not felt).
export RUSTC_BOOTSTRAP=1
export CARGO_UNSTABLE_BUILD_STD="std,panic_abort"
export CARGO_UNSTABLE_BUILD_STD_FEATURES="optimize_for_size"
export RUSTFLAGS="-Zunstable-options -Cpanic=immediate-abort -Zlocation-detail=none --cfg erase_components"

# trunk passes --offline to cargo (so it never tries to download tools of its own): fetch
# the crates first, the standard library's own included (they are per target).
cargo fetch --quiet
cargo fetch --quiet --target wasm32-unknown-unknown
trunk build --release --offline
node scripts/minify-glue.mjs dist
node scripts/minify-css.mjs dist
node scripts/shorten-bindings.mjs dist
node scripts/bundle-size.mjs dist
