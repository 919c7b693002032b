#!/usr/bin/env bash
# The power study at full size: every forensic check's false-alarm rate on clean synthetic elections and its
# detection rate under ballot stuffing, round targets, moved votes and invented stations, at 1%, 5% and 20%
# of the stations. The small size runs in CI (stats PowerStudyTest).
#   bench/power-study.sh [STATIONS] [ELECTIONS] [SEED]      (defaults 20000 100 20161)
# Writes bench/out/power-study.md and .tsv; copy the .tsv to
# web/src/main/resources/org/veritally/web/power-study.tsv for the statistics page.
set -euo pipefail
ROOT="$(cd "$(dirname "$0")/.." && pwd)"
STATIONS="${1:-20000}"
ELECTIONS="${2:-100}"
SEED="${3:-20161}"
OUT="${BENCH_OUT:-$ROOT/bench/out}"
if [[ -z "${BENCH_NOBUILD:-}" || ! -f "$ROOT/bench/target/benchmarks.jar" ]]; then
  (cd "$ROOT" && ./mvnw -B -q -Dmaven.test.skip=true package -pl bench -am >/dev/null)
fi
uptime
java -Xmx2g -cp "$ROOT/bench/target/benchmarks.jar" org.veritally.bench.PowerStudyMain \
  "$STATIONS" "$ELECTIONS" "$SEED" "$OUT" 0.01 0.05 0.20
