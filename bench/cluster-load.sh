#!/usr/bin/env bash
# Two `serve` instances on one PostgreSQL (bench/postgres.sh: Debian's postgresql, a throw-away
# cluster with fsync and synchronous_commit on), on this machine's cores, loopback only:
# POST /api/sheets at WRITES sheets/s (default 3000; one sheet per request, spread over both
# instances, so half of them reach the follower and are queued for the sequencer) while reading
# /api/results of random units at READS requests/s (default 2000, both instances) for SECS seconds
# (default 30). Open loop (bench HttpLoad): latencies run from each request's scheduled start.
# Prints both load reports, each process's CPU seconds (what limits the run), and checks that every
# acknowledged sheet is in the log.
# Usage: bench/cluster-load.sh [WRITES] [READS] [SECS]
. "$(dirname "$0")/common.sh"
. "$ROOT/bench/postgres.sh"
WRITES="${1:-3000}"; READS="${2:-2000}"; SECS="${3:-30}"
P1="${P1:-18093}"; P2="${P2:-18094}"; PGPORT="${PGPORT:-15442}"
WARM="${WARM:-10}"   # seconds of warm-up at a third of the load (JIT, connection pools), not counted
N=$((WRITES * SECS + WRITES * WARM / 2 + 1000))
build
G="$OUT/gen-cluster-$N"
[[ -f "$G/sheets.csv" ]] || "$VT" generate --stations "$N" --sources 1 --seed 3 --out "$G" >/dev/null
[[ -f "$G/bodies.txt" ]] || python3 "$ROOT/bench/ack-client.py" bodies "$G/sheets.csv" "$G/bodies.txt"
WARM_N=$((WRITES / 3 * WARM))
head -n "$WARM_N" "$G/bodies.txt" > "$OUT/cluster-warm-bodies.txt"
tail -n "+$((WARM_N + 1))" "$G/bodies.txt" > "$OUT/cluster-bodies.txt"
A="$OUT/cluster-a"; B="$OUT/cluster-b"
rm -rf "$A" "$B"
PIDA=""; PIDB=""; READER=""
cleanup() { for p in $PIDA $PIDB $READER; do kill "$p" 2>/dev/null || true; done; pg_stop; }
trap cleanup EXIT
pg_start "$OUT/cluster-pgdata" "$PGPORT"
URL=$(pg_createdb veritally_cluster)
serve() {  # DIR PORT -> pid
  JAVA_OPTS="${JAVA_OPTS:--Xmx1g} ${JFR:+-XX:StartFlightRecording=filename=$1/rec.jfr,settings=profile}" "$VT" serve --data "$1" --db "$URL" --port "$2" \
    --rate-limit-account off --rate-limit-address off --request-log off >> "$1/serve.log" 2>&1 &
  local pid=$!
  for _ in $(seq 600); do curl -sf "http://127.0.0.1:$2/api/election" >/dev/null && { echo $pid; return 0; }; sleep 0.1; done
  echo "serve on port $2 did not start; see $1/serve.log" >&2; exit 2
}
"$VT" import --data "$A" --db "$URL" --format election "$G/election.json" >/dev/null
PIDA=$(serve "$A" "$P1")
mkdir -p "$B"; cp -r "$A/keys" "$B/"; cp "$A/api-token" "$B/"
PIDB=$(serve "$B" "$P2")
sleep 1
python3 - "$P1" "$P2" "$OUT/cluster-urls.txt" <<'PY'
import json, sys, urllib.request, random
p1, p2, out = sys.argv[1], sys.argv[2], sys.argv[3]
random.seed(1)
units, frontier = ["N"], ["N"]
while frontier and len(units) < 5000:
    u = frontier.pop(0)
    d = json.load(urllib.request.urlopen(f"http://127.0.0.1:{p1}/api/units/{u}"))
    kids = [c["unit"] for c in d["children"]]
    units += kids; frontier += kids
random.shuffle(units)
with open(out, "w") as f:
    for i, u in enumerate(units):
        f.write(f"http://127.0.0.1:{p1 if i % 2 else p2}/api/results?unit={u}\n")
print(f"{len(units)} unit URLs over both instances")
PY
if (( WARM > 0 )); then
  echo "warm-up: $((WRITES / 3)) sheets/s and $((READS / 3)) reads/s for $WARM s"
  java -cp "$JAR" org.veritally.bench.HttpLoad get "$OUT/cluster-urls.txt" "$((READS / 3))" "$WARM" > /dev/null &
  java -cp "$JAR" org.veritally.bench.HttpLoad post "http://127.0.0.1:$P1/api/sheets,http://127.0.0.1:$P2/api/sheets" "$OUT/cluster-warm-bodies.txt" \
    "$((WRITES / 3))" "$WARM" "$(cat "$A/api-token")" | sed 's/^/warm-up writes: /'
  wait
fi
cpu() { awk '{print ($14 + $15) / 100}' "/proc/$1/stat"; }   # user + system CPU seconds of a process
PGPID=$(head -1 "$OUT/cluster-pgdata/postmaster.pid")
pgcpu() { ps -o times= --ppid "$PGPID" -p "$PGPID" | awk '{s += $1} END {print s}'; }  # the postmaster and its backends
before="$(cpu "$PIDA") $(cpu "$PIDB") $(pgcpu)"
SEQ=$(grep -l "now the sequencer" "$A/serve.log" "$B/serve.log" | head -1)
echo "sequencer: $SEQ; offered $WRITES sheets/s (half to each instance) and $READS reads/s for $SECS s"
java -cp "$JAR" org.veritally.bench.HttpLoad get "$OUT/cluster-urls.txt" "$READS" "$SECS" > "$OUT/cluster-reads.txt" &
READER=$!
java -cp "$JAR" org.veritally.bench.HttpLoad post "http://127.0.0.1:$P1/api/sheets,http://127.0.0.1:$P2/api/sheets" "$OUT/cluster-bodies.txt" "$WRITES" "$SECS" "$(cat "$A/api-token")" | sed 's/^/writes: /'
wait "$READER"; READER=""
sed 's/^/reads:  /' "$OUT/cluster-reads.txt"
after="$(cpu "$PIDA") $(cpu "$PIDB") $(pgcpu)"
echo "$before $after" | awk -v s="$SECS" '{printf "CPU seconds during the run: instance A %.1f, instance B %.1f, PostgreSQL %.1f (wall %d s, 2 cores = %d CPU s)\n", $4-$1, $5-$2, $6-$3, s, 2*s}'
echo "log size: $(pg_sql veritally_cluster "SELECT COUNT(*) FROM log_entry"), queued submissions left: $(pg_sql veritally_cluster "SELECT COUNT(*) FROM submission WHERE state = 'pending'")"
