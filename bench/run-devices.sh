#!/usr/bin/env bash
# The device connector: TLS handshake and first page for an enrolled device, next to the kiosk screen's plain HTTP.
# Usage: bench/run-devices.sh   (after `mvn -B install -DskipTests`; RUNS=n for another number of runs)
set -euo pipefail
cd "$(dirname "$0")"
echo "machine: $(nproc) cores, $(free -g | awk '/Mem:/{print $2}') GiB, $(java -version 2>&1 | head -1), load $(cut -d' ' -f1-3 /proc/loadavg)"
node device-bench.mjs ../distribution/target/kiosk-distribution-*.tar.gz
