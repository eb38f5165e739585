#!/usr/bin/env bash
# Release build into dist/: a plain, stable `trunk build --release` (the profile in
# Cargo.toml, wasm-opt from npm's binaryen), then the glue and stylesheets minified,
# a Workbox service worker precaching it all (offline), and the bundle's size.
set -euo pipefail
cd "$(dirname "$0")/.."
export PATH="$HOME/.cargo/bin:$PWD/node_modules/.bin:$PATH"

# trunk passes --offline to cargo (so it never tries to download tools of its own):
# fetch the crates first.
cargo fetch --quiet
trunk build --release --offline
node scripts/minify.mjs dist
node scripts/service-worker.mjs dist
node scripts/bundle-size.mjs dist
