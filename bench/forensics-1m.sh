#!/usr/bin/env bash
# All forensics on 1,000,000 synthetic stations, including the ST-INTPCT binomial Monte Carlo at 100
# replicates (target < 10 s on 2 cores): wall clock and CPU time of each run and their medians
# (ForensicsTime), then, with JMH=1, the JMH single-shot runs of ForensicsBench.
#   bench/forensics-1m.sh [RUNS]    (default 5)
set -euo pipefail
ROOT="$(cd "$(dirname "$0")/.." && pwd)"
if [[ -z "${BENCH_NOBUILD:-}" || ! -f "$ROOT/bench/target/benchmarks.jar" ]]; then
  (cd "$ROOT" && ./mvnw -B -q -Dmaven.test.skip=true package -pl bench -am >/dev/null)
fi
uptime
java -Xmx3g -cp "$ROOT/bench/target/benchmarks.jar" org.veritally.bench.ForensicsTime "${1:-5}"
if [[ -n "${JMH:-}" ]]; then
  java -jar "$ROOT/bench/target/benchmarks.jar" 'ForensicsBench.(allForensics|integerPeaks)' \
    -f 1 -wi 1 -i "${1:-5}" -jvmArgs -Xmx3g
fi
uptime
