#!/usr/bin/env bash
# Transcriptions accepted per second over real HTTP on loopback (issue 14; target 500/s with durable commit and
# receipt, p99 < 100 ms): a served instance on SQLite (or PostgreSQL with DATABASE_URL=postgresql://…, not
# measured yet: there serve runs as a cluster node, which still records transcription work one entry per
# transaction), V volunteers (threads, each its own transcriber account) each looping next → submit with the
# photo's true figures, every submit answered 201 only after its group commit is durable. PHOTOS photos are
# filed first (one a station; two transcriptions each agree). The server's CPU time, `uptime` and the number of
# transactions that wrote the entries are printed with the figures.
# Usage: bench/transcribe-http.sh [VOLUNTEERS] [SECS] [PHOTOS]   (defaults 64, 30, 12000; WARM=20 s not counted;
# SERVE_OPTS: JVM options of the server, e.g. a flight recording)
set -euo pipefail
ROOT="$(cd "$(dirname "$0")/.." && pwd)"
V="${1:-64}"; SECS="${2:-30}"; PHOTOS="${3:-12000}"; WARM="${WARM:-20}"; PORT="${PORT:-18391}"
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
java -Xmx1g ${SERVE_OPTS:-} -jar "$APP" serve --data "$D" "${SERVE_DB[@]}" --port "$PORT" --rate-limit-account off \
  --rate-limit-address off --request-log off > "$OUT/serve-transcribe.log" 2>&1 &
PID=$!
trap 'kill $PID 2>/dev/null || true' EXIT
# ready: serving, and the start-up integrity check (a replay of the whole log) is done, so it does not run beside
until curl -sf "http://127.0.0.1:$PORT/readyz" >/dev/null; do
  kill -0 $PID 2>/dev/null || { echo "serve stopped: see $OUT/serve-transcribe.log" >&2; exit 1; }
  sleep 0.2
done
size() {
  curl -s "http://127.0.0.1:$PORT/api/election" | python3 -c "import json,sys; print(json.load(sys.stdin)['logSize'])"
}
S0=$(size)
echo "before: $(uptime)"
c0=$(awk '{print ($14 + $15) / 100}' "/proc/$PID/stat")
java -Xmx1g -cp "$JAR" org.veritally.bench.TranscribeLoad "http://127.0.0.1:$PORT" "$V" "$SECS" "$WARM" \
  "$F/tokens.txt" "$F/truth.tsv"
c1=$(awk '{print ($14 + $15) / 100}' "/proc/$PID/stat")
echo "server CPU during warm-up and run: $(echo "$c1 - $c0" | bc) s of $((2 * (SECS + WARM))) (2 cores)"
echo "after: $(uptime)"
S1=$(size)
echo "entries written during warm-up and run: $((S1 - S0)) (log size $S0 → $S1)"
if [[ -z "${DATABASE_URL:-}" ]] && command -v sqlite3 >/dev/null; then
  echo "transactions (signed checkpoints) that wrote them: $(sqlite3 "$D/veritally.db" \
    "SELECT count(*) FROM checkpoint WHERE tree_size > $S0")"
fi
