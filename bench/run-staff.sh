#!/usr/bin/env bash
# Staff sign-in: tap -> signed-in home screen, and a wrong password's refusal, with the password hashing the
# distribution ships. Usage: bench/run-staff.sh [distribution.tar.gz]   (default: this build's, after
# `mvn -B install -DskipTests`; give an older build's archive to compare)
set -euo pipefail
cd "$(dirname "$0")"
archive=${1:-$(ls ../distribution/target/kiosk-distribution-*.tar.gz)}
[ -d node_modules/playwright-core ] || npm install --no-audit --no-fund --silent
echo "machine: $(nproc) cores, $(free -g | awk '/Mem:/{print $2}') GiB, $(java -version 2>&1 | head -1), load $(cut -d' ' -f1-3 /proc/loadavg)"
echo "hashing: $(tar xzf "$archive" --wildcards -O '*/etc/org.apache.karaf.jaas.cfg' | grep -E '^encryption\.(name|algorithm) ' | tr '\n' ' ')"
node staff-signin-bench.mjs "$archive"
