#!/usr/bin/env bash
# Online submission: POST /api/sheets at RATE sheets/s (default 2000) for SECS s (default 30) into a
# served SQLite data directory, each answered only after a durable commit, with its receipt (group
# commit), after WARM s (default 20) at half the rate that are not counted. Load from wrk (apt-get
# install -y wrk), paced by bench/wrk/paced.lua; latency percentiles from each send.
# Usage: bench/post-load.sh [RATE] [SECS]
. "$(dirname "$0")/common.sh"
command -v wrk >/dev/null || { echo "wrk not found: apt-get install -y wrk" >&2; exit 2; }
RATE="${1:-2000}"; SECS="${2:-30}"; PORT="${PORT:-18081}"; WARM="${WARM:-20}"
N=$((RATE * SECS + RATE * WARM / 2 + 1000))
build
G="$OUT/gen-post-$N"; D="$OUT/post-data"
[[ -f "$G/sheets.csv" ]] || "$VT" generate --stations "$N" --sources 1 --seed 2 --out "$G" >/dev/null
[[ -f "$G/bodies.txt" ]] || python3 "$ROOT/bench/ack-client.py" bodies "$G/sheets.csv" "$G/bodies.txt"
WARM_N=$((RATE / 2 * WARM))
head -n "$WARM_N" "$G/bodies.txt" > "$OUT/post-warm.txt"
tail -n "+$((WARM_N + 1))" "$G/bodies.txt" > "$OUT/post-run.txt"
rm -rf "$D"
"$VT" import --data "$D" --format election "$G/election.json" >/dev/null
# the benchmark measures the sequencer, not the rate limits: lift them
JAVA_OPTS="-Xmx1g" "$VT" serve --data "$D" --port "$PORT" --rate-limit-account off --rate-limit-address off --request-log off > "$OUT/serve-post.log" 2>&1 &
PID=$!
trap 'kill $PID 2>/dev/null || true' EXIT
until curl -sf "http://127.0.0.1:$PORT/api/election" >/dev/null; do sleep 0.05; done
export TOKEN; TOKEN=$(cat "$D/api-token")
if (( WARM > 0 )); then
  RATE=$((RATE / 2)) CONNS=128 THREADS=1 BODIES="$OUT/post-warm.txt" wrk -t1 -c128 -d"$WARM"s -s "$ROOT/bench/wrk/paced.lua" "http://127.0.0.1:$PORT" \
    | grep "Requests/sec" | sed "s/^/warm-up at $((RATE / 2))\/s: /"
fi
c0=$(awk '{print ($14 + $15) / 100}' "/proc/$PID/stat")
RATE=$RATE CONNS=128 THREADS=1 BODIES="$OUT/post-run.txt" wrk -t1 -c128 -d"$SECS"s --timeout 10s --latency -s "$ROOT/bench/wrk/paced.lua" "http://127.0.0.1:$PORT" \
  | grep -E "requests in|Requests/sec|Non-2xx|Socket|^ +(50|75|90|99)%"
c1=$(awk '{print ($14 + $15) / 100}' "/proc/$PID/stat")
echo "server CPU during the run: $(echo "$c1 - $c0" | bc) s of $((2 * SECS))"
curl -s "http://127.0.0.1:$PORT/api/election" | python3 -c "import json,sys; print('log size after the run:', json.load(sys.stdin)['logSize'])"
