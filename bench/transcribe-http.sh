#!/usr/bin/env bash
# Transcriptions accepted per second over real HTTP on loopback (issue 14; target 500/s with durable commit and
# receipt, p99 < 100 ms): a served instance on SQLite (or PostgreSQL with DATABASE_URL=postgresql://…), V volunteers
# (threads, each its own transcriber account) each looping next → submit with the photo's true figures, every
# submit answered 201 only after its group commit is durable. PHOTOS photos are filed first (one a station; two
# transcriptions each agree). The server's CPU time and `uptime` are printed with the figures.
# Usage: bench/transcribe-http.sh [VOLUNTEERS] [SECS] [PHOTOS]   (defaults 64, 30, 12000; WARM=10 s not counted)
set -euo pipefail
ROOT="$(cd "$(dirname "$0")/.." && pwd)"
V="${1:-64}"; SECS="${2:-30}"; PHOTOS="${3:-12000}"; WARM="${WARM:-10}"; PORT="${PORT:-18091}"
OUT="${BENCH_OUT:-$ROOT/bench/out}"; D="$OUT/transcribe-data"; F="$OUT/transcribe-files"
JAR="$ROOT/bench/target/benchmarks.jar"; APP="$ROOT/app/target/veritally.jar"
if [[ -z "${BENCH_NOBUILD:-}" || ! -f "$JAR" || ! -f "$APP" ]]; then
  (cd "$ROOT" && ./mvnw -B -q -Dmaven.test.skip=true package -pl app,bench -am >/dev/null)
fi
mkdir -p "$OUT"; rm -rf "$D" "$F"
DB=(); SERVE_DB=()
if [[ -n "${DATABASE_URL:-}" ]]; then DB=("$DATABASE_URL"); SERVE_DB=(--db "$DATABASE_URL"); fi
java -Xmx1g -cp "$JAR" org.veritally.bench.TranscribeSetup "$D" "$PHOTOS" "$V" "$F" "${DB[@]}"
# the benchmark measures intake, not the rate limits: lift them
java -Xmx1g -jar "$APP" serve --data "$D" "${SERVE_DB[@]}" --port "$PORT" --rate-limit-account off \
  --rate-limit-address off --request-log off > "$OUT/serve-transcribe.log" 2>&1 &
PID=$!
trap 'kill $PID 2>/dev/null || true' EXIT
until curl -sf "http://127.0.0.1:$PORT/api/election" >/dev/null; do sleep 0.1; done
echo "before: $(uptime)"
c0=$(awk '{print ($14 + $15) / 100}' "/proc/$PID/stat")
java -Xmx1g -cp "$JAR" org.veritally.bench.TranscribeLoad "http://127.0.0.1:$PORT" "$V" "$SECS" "$WARM" \
  "$F/tokens.txt" "$F/truth.tsv"
c1=$(awk '{print ($14 + $15) / 100}' "/proc/$PID/stat")
echo "server CPU during warm-up and run: $(echo "$c1 - $c0" | bc) s of $((2 * (SECS + WARM))) (2 cores)"
echo "after: $(uptime)"
curl -s "http://127.0.0.1:$PORT/api/election" | python3 -c "import json,sys; print('log size after the run:', json.load(sys.stdin)['logSize'])"
