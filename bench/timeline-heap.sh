#!/usr/bin/env bash
# Where the heap goes with the reporting timeline (docs/performance.md, "Where the heap goes with the timeline"):
# serves a data directory of N generated sheets (default 1,000,000; generated and imported once, reused) with
# JAVA_OPTS (default -Xmx1g, the launcher's default), snapshots off, waits until the start-up integrity check has
# finished, takes a class histogram of the live heap (jcmd GC.class_histogram), asks GET /api/timeline, and takes
# another. Prints the answer's status and time and both totals; the histograms are left in $OUT.
# Usage: bench/timeline-heap.sh [N]
set -euo pipefail
ROOT="$(cd "$(dirname "$0")/.." && pwd)"
VT="$ROOT/bin/veritally"
OUT="${BENCH_OUT:-$ROOT/bench/out}"
mkdir -p "$OUT"
N="${1:-1000000}"; PORT="${PORT:-18090}"
G="$OUT/gen-$N"; D="$OUT/timeline-heap-$N"
[[ -f "$G/sheets.csv" ]] || "$VT" generate --stations "$N" --seed 1 --out "$G" >/dev/null
if [[ ! -f "$D/veritally.db" ]]; then
  "$VT" import --data "$D" --format election "$G/election.json" >/dev/null
  "$VT" import --data "$D" --format csv --quiet "$G/sheets.csv" >/dev/null
fi
echo "load average at start: $(cut -d' ' -f1-3 /proc/loadavg)"
JAVA_OPTS="${JAVA_OPTS:--Xmx1g} -Dveritally.snapshot.every=1000000000000" "$VT" serve --data "$D" --port "$PORT" \
  --rate-limit-account off --rate-limit-address off --request-log off > "$OUT/timeline-heap-serve.log" 2>&1 &
PID=$!
trap 'kill $PID 2>/dev/null || true' EXIT
until grep -q "integrity check" "$OUT/timeline-heap-serve.log"; do sleep 1; kill -0 $PID || { cat "$OUT/timeline-heap-serve.log"; exit 1; }; done
jcmd "$PID" GC.class_histogram > "$OUT/timeline-heap-state.txt"
curl -s -o /dev/null -w "GET /api/timeline: HTTP %{http_code} in %{time_total} s\n" "http://127.0.0.1:$PORT/api/timeline"
jcmd "$PID" GC.class_histogram > "$OUT/timeline-heap-timeline.txt"
echo "live heap, served state: $(tail -1 "$OUT/timeline-heap-state.txt" | awk '{printf "%.0f MB", $3/1e6}')"
echo "live heap, with the timeline: $(tail -1 "$OUT/timeline-heap-timeline.txt" | awk '{printf "%.0f MB", $3/1e6}')"
grep -E "core.model.Station$|core.model.Station " "$OUT/timeline-heap-timeline.txt" || true
