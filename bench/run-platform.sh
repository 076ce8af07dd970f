#!/usr/bin/env bash
# Platform benchmarks on the built distribution: cold start, RSS idle/with 20 sessions, feature:install -> tile,
# console Install -> tile.
# Usage: bench/run-platform.sh   (after `mvn -B install -DskipTests`)
set -euo pipefail
cd "$(dirname "$0")"
[ -d node_modules/playwright-core ] || npm install --no-audit --no-fund --silent
echo "machine: $(nproc) cores, $(free -g | awk '/Mem:/{print $2}') GiB, $(java -version 2>&1 | head -1)"
node platform-bench.mjs ../distribution/target/kiosk-distribution-*.tar.gz
