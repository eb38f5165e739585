#!/usr/bin/env bash
# Release build into dist/ and its size.
set -euo pipefail
cd "$(dirname "$0")/.."
export PATH="$HOME/.cargo/bin:$PWD/node_modules/.bin:$PATH"
trunk build --release --offline
node scripts/bundle-size.mjs dist
