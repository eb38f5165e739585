#!/usr/bin/env bash
# README command 1: install what is missing, build the release app, serve it on 127.0.0.1.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh build
scripts/build.sh
exec node scripts/static-server.mjs dist
