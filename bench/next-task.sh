#!/usr/bin/env bash
# The transcription work queue's next-task time with 1,000,000 photos queued and 1,000 volunteers working
# (target p99 < 20 ms): NextTaskTime [PHOTOS] [VOLUNTEERS] [NEXTS].
set -euo pipefail
ROOT="$(cd "$(dirname "$0")/.." && pwd)"
if [[ -z "${BENCH_NOBUILD:-}" || ! -f "$ROOT/bench/target/benchmarks.jar" ]]; then
  (cd "$ROOT" && ./mvnw -B -q -Dmaven.test.skip=true package -pl bench -am >/dev/null)
fi
uptime
java -Xmx3g -cp "$ROOT/bench/target/benchmarks.jar" org.veritally.bench.NextTaskTime "$@"
uptime
