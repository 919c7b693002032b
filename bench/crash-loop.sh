#!/usr/bin/env bash
# Crash safety of the sequencer: on each engine, CYCLES times (default 20): start `serve`, let a
# client POST sheets (bench/ack-client.py records every acknowledged index and leaf hash), kill -9
# the server at a random moment, restart. Beside it a second client (ack-client.py upload) files PHOTOS
# (default 150) distinct ~3 MB JPEG photos (bench SheetPhotos, 3 MP) to POST /api/evidence as a witness
# and records every receipt. At the end: every acknowledged receipt's index holds the entry it
# acknowledged (lost must be 0); every acknowledged photo's index holds the evidence entry of that
# photo's sha256, station and public copy, and the restarted server serves its public copy and its
# original with the right hashes (lost must be 0); `rebuild --check` finds the projections equal to a
# rebuild from the log, and `publish` + `verify` passes.
# PostgreSQL: Debian's postgresql package (apt-get install -y postgresql), a throw-away cluster
# under $OUT started with initdb/pg_ctl (bench/postgres.sh), fsync and synchronous_commit on.
# Usage: bench/crash-loop.sh [CYCLES] [sqlite|postgresql|both]     (SEED=n for the kill moments,
#        PHOTOS=n photos to upload, 0 for none)
. "$(dirname "$0")/common.sh"
CYCLES="${1:-20}"; ENGINES="${2:-both}"; PORT="${PORT:-18090}"; PGPORT="${PGPORT:-15440}"
STATIONS="${STATIONS:-4000}"; SEED="${SEED:-$RANDOM}"; RANDOM=$SEED; PHOTOS="${PHOTOS:-150}"
[[ -f "$ROOT/app/target/veritally.jar" && -f "$JAR" ]] || (cd "$ROOT" && ./mvnw -B -q -Dmaven.test.skip=true package -pl app,bench -am >/dev/null)
G="$OUT/crash-gen-$STATIONS"
[[ -f "$G/sheets.csv" ]] || "$VT" generate --stations "$STATIONS" --sources 3 --seed 7 --out "$G" >/dev/null
[[ -f "$G/bodies.txt" ]] || python3 "$ROOT/bench/ack-client.py" bodies "$G/sheets.csv" "$G/bodies.txt"
python3 -c "import json,sys; [print(s['id']) for s in json.load(open(sys.argv[1]))['stations']]" "$G/election.json" > "$G/stations.txt"
WITNESS_SOURCE=$(python3 -c "import json,sys; print([s['id'] for s in json.load(open(sys.argv[1]))['sources'] if s['kind'] == 'witness'][0])" "$G/election.json")
PH="$OUT/crash-photos-$PHOTOS"
[[ -f "$PH.done" ]] || { rm -rf "$PH"; java -cp "$JAR" org.veritally.bench.SheetPhotos "$PH" "$PHOTOS" 3 >/dev/null && touch "$PH.done"; }
echo "crash-loop: $CYCLES cycles per engine, $(wc -l < "$G/bodies.txt") sheets and $PHOTOS photos to submit, kill-moment seed $SEED"
SERVE=""; CLIENT=""; UPLOADER=""
cleanup() { for p in $SERVE $CLIENT $UPLOADER; do kill -9 "$p" 2>/dev/null || true; done; [[ -z "${PG_DIR:-}" ]] || pg_stop; }
trap cleanup EXIT

alive() { [[ -n "$1" ]] && kill -0 "$1" 2>/dev/null; }

start_serve() {  # DATA_DIR, then --db args
  JAVA_OPTS="-Xmx512m" "$VT" serve --data "$1" "${@:2}" --port "$PORT" --rate-limit-account off --rate-limit-address off >> "$1/serve.log" 2>&1 &
  SERVE=$!
  for _ in $(seq 600); do curl -sf "http://127.0.0.1:$PORT/api/election" >/dev/null && return 0; sleep 0.1; done
  echo "serve did not start; see $1/serve.log" >&2; exit 2
}

run() {
  local engine=$1 D="$OUT/crash-$1" DB=() CHECK
  rm -rf "$D"; mkdir -p "$D"
  if [[ $engine == postgresql ]]; then
    . "$ROOT/bench/postgres.sh"
    pg_start "$OUT/crash-pgdata" "$PGPORT"
    local URL; URL=$(pg_createdb veritally_crash)
    DB=(--db "$URL"); CHECK=(--psql "$URL")
  else
    CHECK=(--sqlite "$D/veritally.db")
  fi
  "$VT" import --data "$D" "${DB[@]}" --format election "$G/election.json" >/dev/null
  local WT; WT=$("$VT" accounts add --data "$D" "${DB[@]}" --id crash-witness --role witness --source "$WITNESS_SOURCE" | tail -1)
  local t0=$SECONDS
  for c in $(seq "$CYCLES"); do
    start_serve "$D" "${DB[@]}"
    if [[ -z "$CLIENT" ]]; then
      python3 "$ROOT/bench/ack-client.py" post "$G/bodies.txt" "$D/acks.txt" "$(cat "$D/api-token")" "http://127.0.0.1:$PORT/api/sheets" \
        --threads 4 --stop "$D/stop" > "$D/client.log" 2>&1 &
      CLIENT=$!
      if (( PHOTOS > 0 )); then
        python3 "$ROOT/bench/ack-client.py" upload "$PH" "$G/stations.txt" "$D/photo-acks.txt" "$WT" "http://127.0.0.1:$PORT/api/evidence" \
          --threads 2 --stop "$D/stop" > "$D/uploader.log" 2>&1 &
        UPLOADER=$!
      fi
    fi
    local pause; pause=$(awk -v r=$RANDOM 'BEGIN { srand(r); printf "%.2f", 0.3 + rand() * 2.2 }')
    sleep "$pause"
    kill -9 "$SERVE"; wait "$SERVE" 2>/dev/null || true
    printf "  %s cycle %2d: killed after %ss under load; %d sheets and %d photos acknowledged so far\n" "$engine" "$c" "$pause" \
      "$(wc -l < "$D/acks.txt" 2>/dev/null || echo 0)" "$(wc -l < "$D/photo-acks.txt" 2>/dev/null || echo 0)"
  done
  start_serve "$D" "${DB[@]}"
  for _ in $(seq 300); do alive "$CLIENT" || alive "$UPLOADER" || break; sleep 1; done
  touch "$D/stop"; wait "$CLIENT" || true; CLIENT=""
  local ok=0
  if [[ -n "$UPLOADER" ]]; then
    wait "$UPLOADER" || true; UPLOADER=""
    cat "$D/uploader.log"
    python3 "$ROOT/bench/ack-client.py" check-evidence "$D/photo-acks.txt" "$PH" "$G/stations.txt" "${CHECK[@]}" \
      "http://127.0.0.1:$PORT" "$(cat "$D/api-token")" || ok=1
  fi
  kill "$SERVE"; wait "$SERVE" 2>/dev/null || true; SERVE=""
  cat "$D/client.log"
  python3 "$ROOT/bench/ack-client.py" check "$D/acks.txt" "$G/bodies.txt" "${CHECK[@]}" || ok=1
  "$VT" rebuild --check --data "$D" "${DB[@]}" | grep REBUILD-EQ || ok=1
  "$VT" publish --data "$D" "${DB[@]}" --out "$D/pub" >/dev/null || ok=1
  "$VT" verify --key "$D/keys/log.vkey" "$D/pub" | tail -1 || ok=1
  echo "$engine: $CYCLES kill -9 cycles in $((SECONDS - t0)) s: $([[ $ok == 0 ]] && echo PASS || echo FAIL)"
  [[ $engine == postgresql ]] && pg_stop
  return $ok
}

status=0
[[ $ENGINES == both || $ENGINES == sqlite ]] && { run sqlite || status=1; }
[[ $ENGINES == both || $ENGINES == postgresql ]] && { run postgresql || status=1; }
exit $status
