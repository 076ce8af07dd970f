#!/usr/bin/env bash
# Cards: card tap -> signed-in home screen, and 50 unknown card reads a second (round trip, kiosk CPU).
# Usage: bench/run-cards.sh [distribution.tar.gz]   (after `mvn -B install -DskipTests`; CARD=..., UNKNOWN=number|token
# to measure a kiosk from before issue 16, see card-bench.mjs)
set -euo pipefail
cd "$(dirname "$0")"
[ -d node_modules/playwright-core ] || npm install --no-audit --no-fund --silent
echo "machine: $(nproc) cores, $(free -g | awk '/Mem:/{print $2}') GiB, $(java -version 2>&1 | head -1), load $(cut -d' ' -f1-3 /proc/loadavg)"
node card-bench.mjs "${1:-$(ls ../distribution/target/kiosk-distribution-*.tar.gz)}"
