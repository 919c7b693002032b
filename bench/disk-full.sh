#!/usr/bin/env bash
# Full disk (STORE-FULL), on each engine, on a real file system that fills up: a small tmpfs holds
# the SQLite data directory, or the data directory of a throw-away PostgreSQL cluster (its WAL on
# another volume, see docs/operations.md#full-disk). For each:
#   1. `serve` under a client that POSTs sheets (bench/ack-client.py, which retries 503 and 507 and
#      records every acknowledgement) while a filler file takes the free space: the POSTs are
#      refused with 507 STORE-FULL (shown with curl, and /readyz says not ready); then space is
#      freed (SQLite: the tmpfs is remounted bigger; PostgreSQL: the filler is deleted) and the
#      same server carries on until every sheet is acknowledged;
#   2. `import` of the other sources' sheets on a full disk: one line "error: STORE-FULL: …", exit
#      2, no stack trace, no --receipts file; after freeing space the same command completes;
#   3. every acknowledged index holds its entry (lost 0), `rebuild --check` says REBUILD-EQ, and
#      `publish` + `verify` pass.
# Needs root (mount -t tmpfs, and runuser for PostgreSQL); without it the script says SKIPPED and
# exits 0. PostgreSQL: Debian's postgresql package (bench/postgres.sh).
# Usage: bench/disk-full.sh [sqlite|postgresql|both]
. "$(dirname "$0")/common.sh"
ENGINES="${1:-both}"; PORT="${PORT:-18190}"; PGPORT="${PGPORT:-15540}"; STATIONS="${STATIONS:-4000}"
if [[ $(id -u) != 0 ]] || ! { mkdir -p "$OUT/disk-full-probe" && mount -t tmpfs -o size=1m tmpfs "$OUT/disk-full-probe" 2>/dev/null; }; then
  echo "disk-full: SKIPPED: mounting a tmpfs is not permitted here (needs root: mount -t tmpfs)"; exit 0
fi
umount "$OUT/disk-full-probe"; rmdir "$OUT/disk-full-probe"
[[ -f "$ROOT/app/target/veritally.jar" ]] || (cd "$ROOT" && ./mvnw -B -q -Dmaven.test.skip=true package -pl app -am >/dev/null)
G="$OUT/crash-gen-$STATIONS"
[[ -f "$G/sheets.csv" ]] || "$VT" generate --stations "$STATIONS" --sources 3 --seed 7 --out "$G" >/dev/null
SERVE=""; CLIENT=""; MOUNTS=()
cleanup() {
  for p in $SERVE $CLIENT; do kill -9 "$p" 2>/dev/null || true; done
  [[ -n "${PG_DIR:-}" ]] && pg_stop
  for m in "${MOUNTS[@]}"; do umount -l "$m" 2>/dev/null || true; done
}
trap cleanup EXIT

# the authority's sheets go over HTTP, the other sources' through `import`
split_sheets() {  # DIR
  awk -F, -v dir="$1" 'NR == 1 { for (i = 1; i <= NF; i++) if ($i == "source") c = i; print > dir "/http.csv"; print > dir "/cli.csv"; next }
    { print > (dir "/" ($c == "authority" ? "http" : "cli") ".csv") }' "$G/sheets.csv"
  python3 "$ROOT/bench/ack-client.py" bodies "$1/http.csv" "$1/bodies.txt"
}
free_kb() { df --output=avail -k "$1" | tail -1 | tr -d ' '; }
fill() {  # MOUNT KB: a filler file takes all free space but KB
  rm -f "$1/filler"; local n=$(( $(free_kb "$1") - $2 ))
  (( n > 0 )) && fallocate -l "${n}k" "$1/filler"
  true
}
start_serve() {  # DATA, then --db args
  JAVA_OPTS="-Xmx512m" "$VT" serve --data "$1" "${@:2}" --port "$PORT" --rate-limit-account off --rate-limit-address off >> "$W/serve.log" 2>&1 &
  SERVE=$!
  for _ in $(seq 600); do curl -sf "http://127.0.0.1:$PORT/api/election" >/dev/null && return 0; sleep 0.1; done
  echo "serve did not start; see $W/serve.log" >&2; exit 2
}
refusals() { curl -s "http://127.0.0.1:$PORT/metrics" | awk '/^veritally_rejections_total\{.*rule="STORE-FULL"/ { n += $NF } END { print n + 0 }'; }
acks() { if [[ -f "$W/acks.txt" ]]; then wc -l < "$W/acks.txt"; else echo 0; fi; }

run() {
  local engine=$1 DB=() CHECK=() FREE
  W="$OUT/disk-full-$engine"; local M="$W/mnt"
  for m in "${MOUNTS[@]}"; do umount -l "$m" 2>/dev/null || true; done; MOUNTS=()
  rm -rf "$W"; mkdir -p "$M"
  split_sheets "$W"
  if [[ $engine == postgresql ]]; then
    . "$ROOT/bench/postgres.sh"
    mount -t tmpfs -o size=96m tmpfs "$M"; MOUNTS+=("$M")
    mkdir -p "$M/pgdata" "$W/pgwal"; chown postgres "$M/pgdata" "$W/pgwal"
    pg_as "$PG_BIN/initdb" -D "$M/pgdata" --waldir "$W/pgwal" -U postgres --auth=trust --locale=C.UTF-8 -E UTF8 >/dev/null
    pg_start "$M/pgdata" "$PGPORT"
    local URL; URL=$(pg_createdb veritally_diskfull)
    DB=(--db "$URL"); CHECK=(--psql "$URL"); D="$W/data"; FREE=1024
  else
    mount -t tmpfs -o size=16m tmpfs "$M"; MOUNTS+=("$M")
    D="$M/data"; CHECK=(--sqlite "$D/veritally.db"); FREE=512
  fi
  echo "== $engine: $([[ $engine == sqlite ]] && echo "data directory $D" || echo "cluster $M/pgdata") on a tmpfs of $(df -h --output=size "$M" | tail -1 | tr -d ' ')"
  "$VT" import --data "$D" "${DB[@]}" --format election "$G/election.json" >/dev/null
  start_serve "$D" "${DB[@]}"
  fill "$M" "$FREE"
  echo "  filler file: $(free_kb "$M") KiB left; posting $(wc -l < "$W/bodies.txt") sheets"
  python3 "$ROOT/bench/ack-client.py" post "$W/bodies.txt" "$W/acks.txt" "$(cat "$D/api-token")" "http://127.0.0.1:$PORT/api/sheets" \
    --threads 4 --stop "$W/stop" > "$W/client.log" 2>&1 &
  CLIENT=$!
  for _ in $(seq 1200); do (( $(refusals) > 0 )) && break; kill -0 "$CLIENT" 2>/dev/null || break; sleep 0.1; done
  (( $(refusals) > 0 )) || { echo "  FAIL: the disk never filled (client finished first?)"; return 1; }
  sleep 1
  local full_acks; full_acks=$(acks)
  local probe; probe=$(tail -1 "$W/bodies.txt")
  echo "  full after $full_acks acknowledged sheets; one more POST:"
  curl -s -D "$W/h.txt" -o "$W/b.txt" -H "Authorization: Bearer $(cat "$D/api-token")" -H "Content-Type: application/json" \
    --data "$probe" "http://127.0.0.1:$PORT/api/sheets"
  echo "    $(head -1 "$W/h.txt" | tr -d '\r'); $(grep -i '^retry-after' "$W/h.txt" | tr -d '\r'); $(cat "$W/b.txt")"
  echo "    /readyz: $(curl -s -o /dev/null -w '%{http_code}' "http://127.0.0.1:$PORT/readyz") $(curl -s "http://127.0.0.1:$PORT/readyz")"
  echo "    server log: $(grep -m1 '"event":"store-full"' "$W/serve.log" | sed 's/^.*"message":"//; s/"}$//')"
  if [[ $engine == sqlite ]]; then mount -o remount,size=64m "$M"; echo "  space freed: tmpfs remounted at 64 MiB";
  else rm -f "$M/filler"; echo "  space freed: filler deleted"; fi
  for _ in $(seq 3000); do kill -0 "$CLIENT" 2>/dev/null || break; sleep 0.1; done
  touch "$W/stop"; wait "$CLIENT" || true; CLIENT=""
  echo "  the same server carried on: $(tail -1 "$W/client.log"); /readyz $(curl -s -o /dev/null -w '%{http_code}' "http://127.0.0.1:$PORT/readyz")"
  kill "$SERVE"; wait "$SERVE" 2>/dev/null || true; SERVE=""

  fill "$M" 64
  local rc=0
  "$VT" import --data "$D" "${DB[@]}" --format csv --quiet --receipts "$D/receipts.jsonl" "$W/cli.csv" > "$W/import1.out" 2> "$W/import1.err" || rc=$?
  echo "  import of $(( $(wc -l < "$W/cli.csv") - 1 )) sheets on the full disk: exit $rc"
  echo "    $(cat "$W/import1.err")"
  local ok=0
  [[ $rc == 2 ]] || { echo "  FAIL: expected exit 2"; ok=1; }
  [[ $(wc -l < "$W/import1.err") == 1 ]] && grep -q '^error: STORE-FULL: ' "$W/import1.err" || { echo "  FAIL: expected one line error: STORE-FULL"; ok=1; }
  grep -qE 'Exception|^\s+at ' "$W/import1.err" && { echo "  FAIL: a stack trace"; ok=1; }
  ls "$D"/receipts.jsonl* >/dev/null 2>&1 && { echo "  FAIL: a receipts file was left"; ok=1; }
  rm -f "$M/filler"
  rc=0; "$VT" import --data "$D" "${DB[@]}" --format csv --quiet --receipts "$D/receipts.jsonl" "$W/cli.csv" > "$W/import2.out" 2>&1 || rc=$?
  echo "  after freeing space, the same import: exit $rc: $(tail -1 "$W/import2.out"); $(wc -l < "$D/receipts.jsonl" 2>/dev/null || echo 0) receipts"
  [[ $rc == 0 ]] || ok=1

  local check; check=$(python3 "$ROOT/bench/ack-client.py" check "$W/acks.txt" "$W/bodies.txt" "${CHECK[@]}") || ok=1
  echo "  $check"
  "$VT" rebuild --check --data "$D" "${DB[@]}" > "$W/rebuild.out" 2>&1 || ok=1
  echo "  $(grep -o 'REBUILD-[A-Z]* [a-z]*' "$W/rebuild.out" | head -1)"
  grep -q REBUILD-EQ "$W/rebuild.out" || ok=1
  "$VT" publish --data "$D" "${DB[@]}" --out "$W/pub" >/dev/null 2>&1 || ok=1
  "$VT" verify --key "$D/keys/log.vkey" "$W/pub" > "$W/verify.out" 2>&1 || ok=1
  echo "  verify: $(tail -1 "$W/verify.out")"
  RESULT+=("$engine $([[ $ok == 0 ]] && echo PASS || echo FAIL): $(refusals_total) POSTs refused 507 STORE-FULL, import exit 2 then 0, $(sed -n 's/^acknowledged \([0-9]*\).* lost \([0-9]*\).*/\1 acknowledged, \2 lost/p' <<< "$check")")
  [[ $engine == postgresql ]] && { pg_stop; PG_DIR=""; }
  for m in "${MOUNTS[@]}"; do umount "$m"; done; MOUNTS=()
  return $ok
}
refusals_total() { grep -o '[0-9]* answers 507' "$W/client.log" | awk '{ print $1 + 1 }'; }

RESULT=(); status=0
[[ $ENGINES == both || $ENGINES == sqlite ]] && { run sqlite || status=1; }
[[ $ENGINES == both || $ENGINES == postgresql ]] && { run postgresql || status=1; }
printf 'disk-full: %s\n' "$(printf '%s; ' "${RESULT[@]}" | sed 's/; $//')"
exit $status
