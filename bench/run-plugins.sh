#!/usr/bin/env bash
# Plugin hot-path benchmarks, each printing its figures:
#   points        durable ledger postings/s with 1 and 8 writers on a file-based Derby, next to this disk's fsync rate
#   deliberation  1,000 ballots from concurrent voters into one poll through the booth's service path:
#                 ballots/s, p50/p99 time to acknowledge, last ballot -> live count listener
#   lovemarket    durable redemptions/s from 8 kiosks with the oversell and ledger checks, and 50 residents racing
#                 for 10 last units
#   bloodpressure BLE record decoder throughput and simulated device reading -> listener latency (the reading on
#                 the screen itself: bench/run-bloodpressure.sh)
# Usage: bench/run-plugins.sh [points|lovemarket|deliberation|bloodpressure ...]   (after `mvn -B install -DskipTests`)
set -euo pipefail
cd "$(dirname "$0")/.."
run() {
  local module=$1 main=$2; shift 2
  echo "== $module ($(date -u +%FT%TZ), $(nproc) cores)"
  mvn -B -q -f "bundles/$module/pom.xml" test-compile dependency:build-classpath \
      -Dmdep.outputFile=target/bench-classpath.txt -Dmdep.includeScope=test >/dev/null
  java -cp "bundles/$module/target/classes:bundles/$module/target/test-classes:$(cat "bundles/$module/target/bench-classpath.txt")" \
      "$main" "$@"
}
targets=("$@")
[ ${#targets[@]} -gt 0 ] || targets=(points lovemarket deliberation bloodpressure)
for target in "${targets[@]}"; do
  case "$target" in
    points)        run points org.communitykiosk.points.internal.LedgerBenchmark 5 ;;
    lovemarket)    run lovemarket org.communitykiosk.lovemarket.internal.RedemptionBenchmark 10 ;;
    deliberation)  run deliberation org.communitykiosk.deliberation.internal.BallotBenchmark 1000 10
                   run deliberation org.communitykiosk.deliberation.internal.BallotBenchmark 1000 50 ;;
    bloodpressure) run bloodpressure org.communitykiosk.bloodpressure.internal.DecoderBenchmark ;;
    *) echo "unknown benchmark $target" >&2; exit 2 ;;
  esac
done
