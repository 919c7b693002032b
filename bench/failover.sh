#!/usr/bin/env bash
# Fail-over: two `serve` instances on one PostgreSQL under a steady load (bench/ack-client.py posts
# to both and records every acknowledgement). kill -9 the sequencer's process and measure how long
# until sheets are acknowledged again (the other instance takes the advisory lock over, catches up,
# integrates the queue; target: within 5 s). Then restart the killed instance, and restart
# PostgreSQL itself mid-load: the instances answer 503 with Retry-After meanwhile and recover by
# themselves. At the end every acknowledged receipt's index holds its entry (lost must be 0),
# `rebuild --check` is equal and `publish` + `verify` passes.
# PostgreSQL: Debian's postgresql package (apt-get install -y postgresql), a throw-away cluster
# under $OUT started with initdb/pg_ctl (bench/postgres.sh).
# Usage: bench/failover.sh
. "$(dirname "$0")/common.sh"
. "$ROOT/bench/postgres.sh"
P1="${P1:-18091}"; P2="${P2:-18092}"; PGPORT="${PGPORT:-15441}"; STATIONS="${STATIONS:-4000}"
[[ -f "$ROOT/app/target/veritally.jar" ]] || (cd "$ROOT" && ./mvnw -B -q -Dmaven.test.skip=true package -pl app -am >/dev/null)
G="$OUT/crash-gen-$STATIONS"
[[ -f "$G/sheets.csv" ]] || "$VT" generate --stations "$STATIONS" --sources 3 --seed 7 --out "$G" >/dev/null
[[ -f "$G/bodies.txt" ]] || python3 "$ROOT/bench/ack-client.py" bodies "$G/sheets.csv" "$G/bodies.txt"
A="$OUT/failover-a"; B="$OUT/failover-b"; ACKS="$OUT/failover-acks.txt"
rm -rf "$A" "$B" "$ACKS" "$OUT/failover-stop" "$OUT/failover-pub"
PIDA=""; PIDB=""; CLIENT=""
cleanup() { for p in $PIDA $PIDB $CLIENT; do kill -9 "$p" 2>/dev/null || true; done; pg_stop; }
trap cleanup EXIT
pg_start "$OUT/failover-pgdata" "$PGPORT"
URL=$(pg_createdb veritally_failover)

serve() {  # DIR PORT -> pid
  JAVA_OPTS="-Xmx512m" "$VT" serve --data "$1" --db "$URL" --port "$2" --rate-limit-account off --rate-limit-address off >> "$1/serve.log" 2>&1 &
  local pid=$!
  for _ in $(seq 600); do curl -sf "http://127.0.0.1:$2/api/election" >/dev/null && { echo $pid; return 0; }; sleep 0.1; done
  echo "serve on port $2 did not start; see $1/serve.log" >&2; exit 2
}
acks() { if [[ -f "$ACKS" ]]; then wc -l < "$ACKS"; else echo 0; fi; }
now_ns() { date +%s%N; }
# milliseconds from T_NS until the first acknowledgement received after it of a new entry (HTTP 201)
# with an index above MIN_INDEX (waits up to 60 s)
first_ack_after() {
  for _ in $(seq 600); do
    local t; t=$(awk -v t="$1" -v m="$2" '$1 > t && $2 > m && $5 == 201 { print $1; exit }' "$ACKS" 2>/dev/null)
    [[ -n "$t" ]] && { echo $(( (t - $1) / 1000000 )); return 0; }
    sleep 0.1
  done
  echo "none"
}
log_size() { pg_sql veritally_failover "SELECT COALESCE(MAX(idx), -1) FROM log_entry"; }

"$VT" import --data "$A" --db "$URL" --format election "$G/election.json" >/dev/null
PIDA=$(serve "$A" "$P1")
mkdir -p "$B"; cp -r "$A/keys" "$B/"; cp "$A/api-token" "$B/"   # one log key, one admin token, for every instance
PIDB=$(serve "$B" "$P2")
grep -q "now the sequencer" "$A/serve.log" || { echo "expected the first instance to be the sequencer" >&2; exit 2; }
python3 "$ROOT/bench/ack-client.py" post "$G/bodies.txt" "$ACKS" "$(cat "$A/api-token")" "http://127.0.0.1:$P1/api/sheets" "http://127.0.0.1:$P2/api/sheets" \
  --threads 4 --stop "$OUT/failover-stop" > "$OUT/failover-client.log" 2>&1 &
CLIENT=$!
until (( $(acks) >= 1000 )); do sleep 0.1; done
echo "steady load through both instances: $(acks) acknowledged; killing the sequencer (port $P1) with kill -9"
KILL=$(now_ns); kill -9 "$PIDA"; wait "$PIDA" 2>/dev/null || true; PIDA=""
LAST=$(log_size)   # the dead sequencer's last entry: a later one was appended by its successor
FAILOVER_MS=$(first_ack_after "$KILL" "$LAST")
for _ in $(seq 100); do grep -q "now the sequencer" "$B/serve.log" && break; sleep 0.1; done
echo "fail-over: the first new entry after the kill (log index > $LAST) acknowledged $FAILOVER_MS ms after it (target: 5000);" \
  "port $P2 logged: $(grep -o 'this instance is now the sequencer.*' "$B/serve.log" | tail -1)"
PIDA=$(serve "$A" "$P1")
sleep 2
echo "restarting PostgreSQL under load ($(acks) acknowledged)"
RESTART=$(now_ns); pg_restart; UP=$(now_ns)
RECOVER_MS=$(first_ack_after "$UP" "$(log_size)")
echo "PostgreSQL restart: down for $(( (UP - RESTART) / 1000000 )) ms; sheets acknowledged again $RECOVER_MS ms after it was back"
for _ in $(seq 600); do kill -0 "$CLIENT" 2>/dev/null || break; sleep 0.5; done
touch "$OUT/failover-stop"; wait "$CLIENT" || true; CLIENT=""
kill "$PIDA" "$PIDB"; wait "$PIDA" "$PIDB" 2>/dev/null || true; PIDA=""; PIDB=""
cat "$OUT/failover-client.log"
ok=0
python3 "$ROOT/bench/ack-client.py" check "$ACKS" "$G/bodies.txt" --psql "$URL" || ok=1
"$VT" rebuild --check --data "$A" --db "$URL" | grep REBUILD-EQ || ok=1
"$VT" publish --data "$A" --db "$URL" --out "$OUT/failover-pub" >/dev/null || ok=1
"$VT" verify --key "$A/keys/log.vkey" "$OUT/failover-pub" | tail -1 || ok=1
[[ $FAILOVER_MS != none && $FAILOVER_MS -le 5000 ]] || ok=1
[[ $RECOVER_MS != none ]] || ok=1
echo "failover: takeover $FAILOVER_MS ms, recovery after a PostgreSQL restart $RECOVER_MS ms: $([[ $ok == 0 ]] && echo PASS || echo FAIL)"
exit $ok
