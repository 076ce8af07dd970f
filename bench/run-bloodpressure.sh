#!/usr/bin/env bash
# Blood pressure: simulated monitor reading -> value on the kiosk screen (the decoder's throughput is in
# run-plugins.sh). Usage: bench/run-bloodpressure.sh   (after `mvn -B install -DskipTests`)
set -euo pipefail
cd "$(dirname "$0")"
[ -d node_modules/playwright-core ] || npm install --no-audit --no-fund --silent
echo "machine: $(nproc) cores, $(free -g | awk '/Mem:/{print $2}') GiB, $(java -version 2>&1 | head -1)"
node bloodpressure-screen-bench.mjs ../distribution/target/kiosk-distribution-*.tar.gz
