#!/usr/bin/env bash
# The bench command: release build, then Intensive Planner against FullCalendar 6.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh test
scripts/build.sh
export PATH="$HOME/.cargo/bin:$PWD/node_modules/.bin:$PATH"
node bench/run.mjs "$@"
