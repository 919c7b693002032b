#!/usr/bin/env bash
# The overview page under election-night load: GET /en/ at READS page views/s (default 500) while
# sheets stream in with POST /api/sheets at WRITES/s (default 500), both for 30 s, on loopback.
# Load from wrk (apt-get install -y wrk) paced by bench/wrk/paced.lua, after 15 s of warm-up at the
# same rates. Prints both latency distributions (from each send).
# Usage: bench/overview-under-load.sh [READS] [WRITES] [STATIONS]
. "$(dirname "$0")/common.sh"
command -v wrk >/dev/null || { echo "wrk not found: apt-get install -y wrk" >&2; exit 2; }
READS="${1:-500}"; WRITES="${2:-500}"; N="${3:-100000}"; PORT="${PORT:-18082}"; SECS=30
build
G="$OUT/gen-overview-$N"; D="$OUT/overview-data"
[[ -f "$G/sheets.csv" ]] || "$VT" generate --stations "$N" --sources 2 --seed 5 --out "$G"
rm -rf "$D"
"$VT" import --data "$D" --format election "$G/election.json" >/dev/null
# half the sheets are in before the load starts; the other half stream in during it
head -n $((N / 2 + 1)) "$G/sheets.csv" > "$OUT/first-half.csv"
"$VT" import --data "$D" --format csv --quiet "$OUT/first-half.csv" >/dev/null
python3 - "$G/sheets.csv" "$OUT/stream-bodies.txt" "$((N / 2 + 1))" <<'PY'
import csv, json, sys
rows = csv.DictReader(open(sys.argv[1])); skip = int(sys.argv[3]) - 1
with open(sys.argv[2], "w") as out:
    for i, r in enumerate(rows):
        if i < skip: continue
        votes = {k: int(v) for k, v in r.items() if k.startswith("C1-L") and v != ""}
        counts = {"registered": int(r["registered"]), "ballots": int(r["ballots"]), "valid": int(r["valid"]), "null": int(r["null"]), "blank": int(r["blank"])}
        out.write(json.dumps({"station": r["station"], "contest": r["contest"], "source": r["source"], "counts": counts, "votes": votes}) + "\n")
PY
JAVA_OPTS="-Xmx1g" "$VT" serve --data "$D" --port "$PORT" --rate-limit-account 1000000/s:1000000 --rate-limit-address 1000000/s:1000000 --request-log off > "$OUT/serve-overview.log" 2>&1 &
PID=$!
trap 'kill $PID 2>/dev/null || true' EXIT
until curl -sf "http://127.0.0.1:$PORT/en/" >/dev/null; do sleep 0.05; done
echo "/en/" > "$OUT/overview-path.txt"
echo "overview page: $(curl -s --compressed -o /dev/null -w '%{size_download} bytes compressed' -H 'Accept-Encoding: gzip' "http://127.0.0.1:$PORT/en/")"
export TOKEN; TOKEN=$(cat "$D/api-token")
run() {  # SECONDS [--latency]
  RATE=$WRITES CONNS=64 THREADS=1 BODIES="$OUT/stream-bodies.txt" wrk -t1 -c64 -d"$1"s --timeout 10s ${2:-} -s "$ROOT/bench/wrk/paced.lua" "http://127.0.0.1:$PORT" > "$OUT/writes.txt" &
  local w=$!
  RATE=$READS CONNS=64 THREADS=1 GZIP=1 PATHS="$OUT/overview-path.txt" wrk -t1 -c64 -d"$1"s --timeout 10s ${2:-} -s "$ROOT/bench/wrk/paced.lua" "http://127.0.0.1:$PORT" > "$OUT/reads.txt"
  wait $w
}
run 15
run "$SECS" --latency
grep -E "requests in|Requests/sec|Non-2xx|Socket|^ +(50|90|99)%" "$OUT/reads.txt" | sed 's/^/reads:  /'
grep -E "requests in|Requests/sec|Non-2xx|Socket|^ +(50|90|99)%" "$OUT/writes.txt" | sed 's/^/writes: /'
