#!/usr/bin/env bash
# The integrity check of `serve` (docs/operations.md, "Integrity at rest") over a data directory of N sheets
# (default 1,000,000; imported once and reused, the same as bench/serve-1m.sh): starts `serve` with HEAP
# (default -Xmx1g) and reports the check's own figure ("integrity check passed: … in … s"), the seconds from
# launch to the first /api/results answer and to /readyz 200, and the server's RSS after the check.
# Usage: bench/integrity-1m.sh [N] [HEAP]
. "$(dirname "$0")/common.sh"
N="${1:-1000000}"; HEAP="${2:--Xmx1g}"; PORT="${PORT:-18081}"
[[ -f "$ROOT/app/target/veritally.jar" ]] || (cd "$ROOT" && ./mvnw -B -q -Dmaven.test.skip=true package -pl app -am >/dev/null)
G="$OUT/gen-$N"; D="$OUT/serve-$N"
[[ -f "$G/sheets.csv" ]] || "$VT" generate --stations "$N" --seed 1 --out "$G"
if [[ ! -f "$D/veritally.db" ]]; then
  "$VT" import --data "$D" --format election "$G/election.json"
  "$VT" import --data "$D" --format csv --quiet "$G/sheets.csv"
fi
t0=$(date +%s.%N)
JAVA_OPTS="$HEAP" "$VT" serve --data "$D" --port "$PORT" > "$OUT/integrity-serve.log" 2>&1 &
PID=$!
trap 'kill $PID 2>/dev/null || true' EXIT
until curl -sf "http://127.0.0.1:$PORT/api/results" >/dev/null; do sleep 0.05; kill -0 $PID || { cat "$OUT/integrity-serve.log"; exit 1; }; done
t1=$(date +%s.%N)
until curl -sf "http://127.0.0.1:$PORT/readyz" >/dev/null; do
  sleep 0.2
  kill -0 $PID || { tail -20 "$OUT/integrity-serve.log"; exit 1; }
  grep -q "integrity check failed\|could not run" "$OUT/integrity-serve.log" && { grep integrity "$OUT/integrity-serve.log"; exit 1; }
done
t2=$(date +%s.%N)
printf 'first answer %.2f s after launch; ready (integrity check passed) %.2f s after launch (%s)\n' \
  "$(echo "$t1 - $t0" | bc -l)" "$(echo "$t2 - $t0" | bc -l)" "$HEAP"
grep -o "integrity check passed.*" "$OUT/integrity-serve.log"
echo "server RSS: $(ps -o rss= -p $PID | awk '{printf "%.0f MB", $1/1024}'); load average: $(cut -d' ' -f1-3 /proc/loadavg)"
