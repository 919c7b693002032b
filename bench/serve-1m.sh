#!/usr/bin/env bash
# Serves a data directory of N sheets (default 1,000,000; imported once and reused) with -Xmx1g and
# measures: seconds from launch to the first answered /api/results, then results for random units
# over HTTP at RATE requests/s (default 1000) for 30 s after 15 s of warm-up, with latency
# percentiles (wrk, apt-get install -y wrk, paced by bench/wrk/paced.lua).
# Usage: bench/serve-1m.sh [N] [RATE]
. "$(dirname "$0")/common.sh"
command -v wrk >/dev/null || { echo "wrk not found: apt-get install -y wrk" >&2; exit 2; }
N="${1:-1000000}"; RATE="${2:-1000}"; PORT="${PORT:-18080}"
build
G="$OUT/gen-$N"; D="$OUT/serve-$N"
[[ -f "$G/sheets.csv" ]] || "$VT" generate --stations "$N" --seed 1 --out "$G"
if [[ ! -f "$D/veritally.db" ]]; then
  "$VT" import --data "$D" --format election "$G/election.json"
  "$VT" import --data "$D" --format csv --quiet "$G/sheets.csv"
fi
t0=$(date +%s.%N)
JAVA_OPTS="-Xmx1g" "$VT" serve --data "$D" --port "$PORT" > "$OUT/serve.log" 2>&1 &
PID=$!
trap 'kill $PID 2>/dev/null || true' EXIT
until curl -sf "http://127.0.0.1:$PORT/api/results" >/dev/null; do sleep 0.05; kill -0 $PID || { cat "$OUT/serve.log"; exit 1; }; done
t1=$(date +%s.%N)
printf 'first answer %.2f s after launch (heap limit -Xmx1g)\n' "$(echo "$t1 - $t0" | bc -l)"
python3 "$ROOT/bench/unit-paths.py" "$PORT" "$OUT/urls.txt"
RATE=$RATE CONNS=64 THREADS=1 PATHS="$OUT/urls.txt" wrk -t1 -c64 -d15s -s "$ROOT/bench/wrk/paced.lua" "http://127.0.0.1:$PORT" | grep "Requests/sec" | sed 's/^/warm-up: /'
c0=$(awk '{print ($14 + $15) / 100}' "/proc/$PID/stat")
RATE=$RATE CONNS=64 THREADS=1 PATHS="$OUT/urls.txt" wrk -t1 -c64 -d30s --latency -s "$ROOT/bench/wrk/paced.lua" "http://127.0.0.1:$PORT" \
  | grep -E "requests in|Requests/sec|Non-2xx|Socket|^ +(50|75|90|99)%"
echo "server CPU during the run: $(echo "$(awk '{print ($14 + $15) / 100}' "/proc/$PID/stat") - $c0" | bc) s of 60"
echo "server RSS: $(ps -o rss= -p $PID | awk '{printf "%.0f MB", $1/1024}')"
