#!/usr/bin/env bash
# Evidence uploads under load (issue 13): C concurrent workers (bench UploadLoad, java.net.http, closed
# loop) POST N distinct ~3 MB JPEG photos of tally sheets as raw bodies to `POST /api/evidence?station=`
# of a real `serve` (SQLite, the directory blob store under DATA/evidence; each photo examined, its
# original and public copy forced to disk, its entry committed, then the receipt sent), with the tokens of
# C witness accounts, after WARM photos that are not counted. Beside it, the same client and the same
# bytes against bench UploadSink, a minimal JDK HttpServer that only reads the body ("read") or reads it,
# writes it to a file, fsyncs the file, renames it and fsyncs the directory ("store"). Every run starts
# from a fresh data directory; medians over RUNS runs. Prints photos/s, p50/p95/p99 and the server's CPU
# seconds per photo (from /proc/PID/stat).
# Photos: bench SheetPhotos, seeded; MP=3 (default; 2048 x 1536, about 3.0 MB) or MP=12 (4000 x 3000,
# about 3.1 MB).
# Usage: bench/upload-load.sh [N] [C] [RUNS]   (defaults 200 photos, 8 workers, 3 runs; WARM=40, MP=3,
#        BENCH_NOBUILD=1 reuses the jars)
. "$(dirname "$0")/common.sh"
N="${1:-200}"; C="${2:-8}"; RUNS="${3:-3}"; WARM="${WARM:-40}"; MP="${MP:-3}"; PORT="${PORT:-18093}"
if [[ -z "${BENCH_NOBUILD:-}" || ! -f "$JAR" || ! -f "$ROOT/app/target/veritally.jar" ]]; then
  (cd "$ROOT" && ./mvnw -B -q -o -Dmaven.test.skip=true package -pl app,bench -am >/dev/null)
fi
P="$OUT/upload-photos-$MP-$((WARM + N))"
[[ -f "$P.done" ]] || { rm -rf "$P"; java -cp "$JAR" org.veritally.bench.SheetPhotos "$P" $((WARM + N)) "$MP" && touch "$P.done"; }
cat "$P"/*.jpg > /dev/null  # into the page cache, for every contender alike
G="$OUT/upload-gen"
[[ -f "$G/election.json" ]] || "$VT" generate --stations 1000 --sources 2 --seed 3 --out "$G" >/dev/null
python3 -c "import json,sys; [print(s['id']) for s in json.load(open(sys.argv[1]))['stations']]" "$G/election.json" > "$G/stations.txt"
PID=""
trap '[[ -n "$PID" ]] && kill "$PID" 2>/dev/null || true' EXIT
cpu() { awk '{print ($14 + $15) / 100}' "/proc/$1/stat"; }
wait_up() { for _ in $(seq 600); do curl -s -o /dev/null "http://127.0.0.1:$PORT/$1" && return 0; sleep 0.1; done; echo "no server on $PORT" >&2; exit 2; }

# one run of the client: its warm-up line to stderr, its measured line to stdout
measure() {  # URL TOKENS STATIONS
  local out
  out=$(java -Xmx512m -cp "$JAR" org.veritally.bench.UploadLoad "$1" "$P" "$C" "$WARM" "$2" "$3" 2>"$OUT/upload-client.err")
  head -n -1 <<< "$out" | sed 's/^/    /' >&2
  tail -1 <<< "$out" | sed 's/^/measured: /'
}

veritally_run() {
  local D="$OUT/upload-data"
  rm -rf "$D"
  "$VT" import --data "$D" --format election "$G/election.json" >/dev/null
  : > "$D/witness-tokens.txt"
  for k in $(seq "$C"); do
    "$VT" accounts add --data "$D" --id "witness-$k" --role witness --source party-a | tail -1 >> "$D/witness-tokens.txt"
  done
  JAVA_OPTS="-Xmx2g" "$VT" serve --data "$D" --port "$PORT" --rate-limit-account off --rate-limit-address off \
    --request-log off > "$OUT/serve-upload.log" 2>&1 &
  PID=$!
  wait_up api/election
  local c0 line; c0=$(cpu "$PID")
  line=$(measure "http://127.0.0.1:$PORT/api/evidence" "$D/witness-tokens.txt" "$G/stations.txt")
  echo "$line; server CPU $(echo "($(cpu "$PID") - $c0) * 1000 / ($N + $WARM)" | bc) ms/photo (warm-up included)"
  curl -s "http://127.0.0.1:$PORT/api/election" | python3 -c "import json,sys; print('  log size after the run:', json.load(sys.stdin)['logSize'])" >&2
  kill "$PID"; wait "$PID" 2>/dev/null || true; PID=""
}

sink_run() {  # read | store
  local D="$OUT/upload-sink"
  rm -rf "$D"; sync
  java -Xmx2g -cp "$JAR" org.veritally.bench.UploadSink "$PORT" "$1" "$D" > "$OUT/upload-sink.log" 2>&1 &
  PID=$!
  wait_up ""
  local c0 line; c0=$(cpu "$PID")
  line=$(measure "http://127.0.0.1:$PORT/upload" - "$G/stations.txt")
  echo "$line; server CPU $(echo "($(cpu "$PID") - $c0) * 1000 / ($N + $WARM)" | bc) ms/photo (warm-up included)"
  kill "$PID"; wait "$PID" 2>/dev/null || true; PID=""
}

echo "upload-load: $N photos ($MP MP, $(du -s --apparent-size --block-size=1 "$P" | cut -f1 | awk -v n=$((WARM + N)) '{printf "%.2f MB", $1 / n / 1e6}') each) after $WARM to warm up, $C workers, $RUNS runs; load $(cut -d' ' -f1-3 /proc/loadavg)"
declare -A RATE P99 P50
for r in $(seq "$RUNS"); do
  for who in veritally store read; do
    if [[ $who == veritally ]]; then line=$(veritally_run); else line=$(sink_run "$who"); fi
    echo "  run $r, $who: ${line#measured: }"
    RATE[$who]+="$(sed -E 's/.*: ([0-9.]+) photos\/s.*/\1/' <<< "$line") "
    P50[$who]+="$(sed -E 's/.* p50 ([0-9]+) ms.*/\1/' <<< "$line") "
    P99[$who]+="$(sed -E 's/.* p99 ([0-9]+) ms.*/\1/' <<< "$line") "
  done
done
med() { tr ' ' '\n' | grep -v '^$' | median; }
for who in veritally store read; do
  printf "median of %d runs, %-9s: %6.1f photos/s, p50 %s ms, p99 %s ms\n" "$RUNS" "$who" \
    "$(med <<< "${RATE[$who]}")" "$(med <<< "${P50[$who]}")" "$(med <<< "${P99[$who]}")"
done
printf "veritally / sink that stores durably: %.2f of the photos/s\n" \
  "$(echo "$(med <<< "${RATE[veritally]}") / $(med <<< "${RATE[store]}")" | bc -l)"
