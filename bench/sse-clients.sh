#!/usr/bin/env bash
# Live push (issue 18): CLIENTS concurrent Server-Sent Events streams on GET /api/events of one served SQLite
# data directory (default 10,000) while POST /api/sheets arrives at RATE sheets/s (default 1,000) for SECS s
# (default 60). For each checkpoint event each client receives, the delay from the checkpoint's time to the
# receipt; p50/p99/max, and the server's CPU over the run (from /proc/PID/stat). Load client:
# org.veritally.bench.SseClients (one selector thread for every stream, a paced poster).
# Needs ulimit -n above CLIENTS on both ends (the script raises it to the hard limit).
# Usage: bench/sse-clients.sh [CLIENTS] [RATE] [SECS]; POSTERS=256 keep-alive connections post the sheets.
# JFR=1 records both processes with Java Flight Recorder into $OUT/sse-server.jfr and $OUT/sse-client.jfr
# (summarise with: bench/jfr-top.py FILE).
. "$(dirname "$0")/common.sh"
CLIENTS="${1:-10000}"; RATE="${2:-1000}"; SECS="${3:-60}"; PORT="${PORT:-18091}"
ulimit -n "$(ulimit -Hn)"
(( $(ulimit -n) > CLIENTS + 200 )) || { echo "ulimit -n $(ulimit -n) is too low for $CLIENTS clients" >&2; exit 2; }
if [[ -z "${BENCH_NOBUILD:-}" || ! -f "$JAR" ]]; then
  (cd "$ROOT" && ./mvnw -B -q -o -Dmaven.test.skip=true package -pl app,bench -am >/dev/null)
fi
N=$((RATE * SECS + 2000))
G="$OUT/gen-sse-$N"; D="$OUT/sse-data"
[[ -f "$G/sheets.csv" ]] || "$VT" generate --stations "$N" --sources 1 --seed 3 --out "$G" >/dev/null
[[ -f "$G/bodies.txt" ]] || python3 "$ROOT/bench/ack-client.py" bodies "$G/sheets.csv" "$G/bodies.txt"
rm -rf "$D"
"$VT" import --data "$D" --format election "$G/election.json" >/dev/null
SJFR=""; CJFR=""
if [[ -n "${JFR:-}" ]]; then
  SJFR="-XX:StartFlightRecording=filename=$OUT/sse-server.jfr,settings=profile,dumponexit=true"
  CJFR="-XX:StartFlightRecording=filename=$OUT/sse-client.jfr,settings=profile,dumponexit=true"
fi
JAVA_OPTS="-Xmx1g $SJFR" "$VT" serve --data "$D" --port "$PORT" --rate-limit-account off --rate-limit-address off \
  --request-log off --max-event-streams $((CLIENTS + 100)) > "$OUT/serve-sse.log" 2>&1 &
PID=$!
trap 'kill $PID 2>/dev/null || true; wait $PID 2>/dev/null || true' EXIT
until curl -sf "http://127.0.0.1:$PORT/api/election" >/dev/null; do sleep 0.05; done
SPID=$(pgrep -P "$PID" java || echo "$PID") # bin/veritally execs java: the same process
echo "load: $(cut -d' ' -f1-3 /proc/loadavg), clients $CLIENTS, $RATE sheets/s for $SECS s"
java -Xmx1g $CJFR -Dposters="${POSTERS:-256}" -cp "$JAR" org.veritally.bench.SseClients 127.0.0.1 "$PORT" "$CLIENTS" "$RATE" "$SECS" \
  "$G/bodies.txt" "$(cat "$D/api-token")" "$SPID"
curl -s "http://127.0.0.1:$PORT/api/election" | python3 -c "import json,sys; print('log size after the run:', json.load(sys.stdin)['logSize'])"
