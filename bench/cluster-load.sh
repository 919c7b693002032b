#!/usr/bin/env bash
# Two `serve` instances on one PostgreSQL (bench/postgres.sh: Debian's postgresql, a throw-away
# cluster with fsync and synchronous_commit on), on this machine's cores, loopback only:
# POST /api/sheets at WRITES sheets/s (default 3000; one sheet per request, half to each instance,
# so half of them reach the follower and are queued for the sequencer) while reading /api/results
# of random units at READS requests/s (default 2000, half from each instance) for SECS seconds
# (default 30), after WARM seconds (default 30) at a third of that load that are not counted (JIT,
# connection pools). The load comes from wrk (Debian's package: apt-get install -y wrk), paced by
# bench/wrk/paced.lua, four processes: writes and reads, one per instance. wrk costs ~30 µs of CPU
# a request, so the servers get the cores.
# Prints each wrk report (achieved rate, latency percentiles from each send), each process's CPU
# seconds during the run (what limits it), and the sheets the log gained meanwhile (no acknowledged
# sheet lost is the business of bench/crash-loop.sh and bench/failover.sh).
# Usage: bench/cluster-load.sh [WRITES] [READS] [SECS]
. "$(dirname "$0")/common.sh"
. "$ROOT/bench/postgres.sh"
command -v wrk >/dev/null || { echo "wrk not found: apt-get install -y wrk" >&2; exit 2; }
WRITES="${1:-3000}"; READS="${2:-2000}"; SECS="${3:-30}"
P1="${P1:-18093}"; P2="${P2:-18094}"; PGPORT="${PGPORT:-15442}"
WARM="${WARM:-30}"
N=$((WRITES * SECS + WRITES * WARM / 3 + 1000))
build
G="$OUT/gen-cluster-$N"
[[ -f "$G/sheets.csv" ]] || "$VT" generate --stations "$N" --sources 1 --seed 3 --out "$G" >/dev/null
[[ -f "$G/bodies.txt" ]] || python3 "$ROOT/bench/ack-client.py" bodies "$G/sheets.csv" "$G/bodies.txt"
# disjoint bodies: warm-up, then the run's, each half to one instance
WARM_N=$((WRITES / 3 * WARM))
head -n "$WARM_N" "$G/bodies.txt" | awk -v a="$OUT/cluster-warm-1.txt" -v b="$OUT/cluster-warm-2.txt" '{ print > (NR % 2 ? a : b) }'
tail -n "+$((WARM_N + 1))" "$G/bodies.txt" | awk -v a="$OUT/cluster-run-1.txt" -v b="$OUT/cluster-run-2.txt" '{ print > (NR % 2 ? a : b) }'
A="$OUT/cluster-a"; B="$OUT/cluster-b"
rm -rf "$A" "$B"
PIDA=""; PIDB=""
cleanup() { for p in $PIDA $PIDB; do kill "$p" 2>/dev/null || true; done; sleep 1; pg_stop; }
trap cleanup EXIT
pg_start "$OUT/cluster-pgdata" "$PGPORT"
URL=$(pg_createdb veritally_cluster)
serve() {  # DIR PORT -> pid
  JAVA_OPTS="${JAVA_OPTS:--Xmx1g} ${JFR:+-XX:StartFlightRecording=filename=$1/rec.jfr,settings=profile -XX:FlightRecorderOptions:stackdepth=256}" \
    "$VT" serve --data "$1" --db "$URL" --port "$2" --rate-limit-account off --rate-limit-address off --request-log off >> "$1/serve.log" 2>&1 &
  local pid=$!
  for _ in $(seq 600); do curl -sf "http://127.0.0.1:$2/api/election" >/dev/null && { echo $pid; return 0; }; sleep 0.1; done
  echo "serve on port $2 did not start; see $1/serve.log" >&2; exit 2
}
"$VT" import --data "$A" --db "$URL" --format election "$G/election.json" >/dev/null
PIDA=$(serve "$A" "$P1")
mkdir -p "$B"; cp -r "$A/keys" "$B/"; cp "$A/api-token" "$B/"
PIDB=$(serve "$B" "$P2")
sleep 1
python3 "$ROOT/bench/unit-paths.py" "$P1" "$OUT/cluster-paths.txt"
export TOKEN; TOKEN=$(cat "$A/api-token")
# load WRITES READS SECONDS BODIES-1 BODIES-2 [--latency]: four paced wrk processes; reports in $OUT/cluster-wrk-*.txt
load() {
  local w=$(( $1 / 2 )) r=$(( $2 / 2 )) pids=()
  for i in 1 2; do
    local port; port=$([[ $i == 1 ]] && echo "$P1" || echo "$P2")
    RATE=$w CONNS=128 THREADS=1 BODIES="$([[ $i == 1 ]] && echo "$4" || echo "$5")" \
      wrk -t1 -c128 -d"$3"s --timeout 10s ${6:-} -s "$ROOT/bench/wrk/paced.lua" "http://127.0.0.1:$port" > "$OUT/cluster-wrk-post-$i.txt" & pids+=($!)
    RATE=$r CONNS=64 THREADS=1 PATHS="$OUT/cluster-paths.txt" \
      wrk -t1 -c64 -d"$3"s --timeout 10s ${6:-} -s "$ROOT/bench/wrk/paced.lua" "http://127.0.0.1:$port" > "$OUT/cluster-wrk-get-$i.txt" & pids+=($!)
  done
  wait "${pids[@]}"
}
if (( WARM > 0 )); then
  echo "warm-up: $((WRITES / 3)) sheets/s and $((READS / 3)) reads/s for $WARM s (not counted)"
  load $((WRITES / 3)) $((READS / 3)) "$WARM" "$OUT/cluster-warm-1.txt" "$OUT/cluster-warm-2.txt"
fi
cpu() { awk '{print ($14 + $15) / 100}' "/proc/$1/stat"; }   # user + system CPU seconds of a process
PGPID=$(head -1 "$OUT/cluster-pgdata/postmaster.pid")
pgcpu() { ps -o times= --ppid "$PGPID" -p "$PGPID" | awk '{s += $1} END {print s}'; }  # the postmaster and its backends
SIZE0=$(pg_sql veritally_cluster "SELECT COUNT(*) FROM log_entry")
before="$(cpu "$PIDA") $(cpu "$PIDB") $(pgcpu)"
SEQ=$(grep -l "now the sequencer" "$A/serve.log" "$B/serve.log" | head -1 | xargs dirname | xargs basename)
echo "sequencer: $SEQ; offered $WRITES sheets/s (half to each instance) and $READS reads/s for $SECS s"
load "$WRITES" "$READS" "$SECS" "$OUT/cluster-run-1.txt" "$OUT/cluster-run-2.txt" --latency
after="$(cpu "$PIDA") $(cpu "$PIDB") $(pgcpu)"
report() {  # FILE LABEL
  awk -v l="$2" '/requests in/ {n=$1} /Requests\/sec/ {r=$2} /Non-2xx/ {e=$NF} /Socket errors/ {s=$0}
    /^ +50%/ {p50=$2} /^ +90%/ {p90=$2} /^ +99%/ {p99=$2}
    END {printf "%-24s %8d requests, %7.0f/s, non-2xx %d, p50 %s p90 %s p99 %s %s\n", l, n, r, e, p50, p90, p99, s}' "$1"
}
report "$OUT/cluster-wrk-post-1.txt" "writes to cluster-a:"
report "$OUT/cluster-wrk-post-2.txt" "writes to cluster-b:"
report "$OUT/cluster-wrk-get-1.txt" "reads from cluster-a:"
report "$OUT/cluster-wrk-get-2.txt" "reads from cluster-b:"
SIZE1=$(pg_sql veritally_cluster "SELECT COUNT(*) FROM log_entry")
echo "$before $after" | awk -v s="$SECS" '{printf "CPU seconds during the run: cluster-a %.1f, cluster-b %.1f, PostgreSQL %.1f (of %d: 2 cores x %d s)\n", $4-$1, $5-$2, $6-$3, 2*s, s}'
echo "sheets appended during the run: $((SIZE1 - SIZE0)) ($(( (SIZE1 - SIZE0) / SECS ))/s); queued submissions left: $(pg_sql veritally_cluster "SELECT COUNT(*) FROM submission WHERE state = 'pending'")"
